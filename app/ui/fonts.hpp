#pragma once
// Fonts through FreeType from Debian's font packages. Whole CJK ranges at kiosk sizes
// would overflow the atlas, so the glyphs are exactly the ones needed: Latin and Cyrillic
// basics, the kiosk's own words, and every name and tag in the roster.
#include <string>
#include <vector>

#include "ui/ui_kit.hpp"

namespace rapport::ui {

struct FontRequest {
  float em = 32;                       // body size in pixels
  std::vector<std::string> texts;      // roster names, tags, event name
};

// Builds the atlas into ImGui's current context (call before the renderer creates the
// font texture, or between frames followed by a texture rebuild). Returns the fonts;
// missing font files fall back to ImGui's built-in font with a warning on stderr.
Fonts build_fonts(const FontRequest& request);

}  // namespace rapport::ui
