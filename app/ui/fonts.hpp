#pragma once
// ImGui's own font atlas: only the sizes (small, body, large, huge) the screens name and
// Latin basics for ImGui's internals. Every string the kiosk shows is shaped by Pango
// (Kit::text, shaped_text.hpp), so names need no glyphs here and no atlas rebuild.
#include <string>
#include <vector>

#include "ui/ui_kit.hpp"

namespace rapport::ui {

struct FontRequest {
  float em = 32;                       // body size in pixels
  std::vector<std::string> texts;      // extra characters for ImGui's own widgets (rarely needed)
};

// Builds the atlas into ImGui's current context (call before the renderer creates the
// font texture, or between frames followed by a texture rebuild). Returns the fonts;
// missing font files fall back to ImGui's built-in font with a warning on stderr.
Fonts build_fonts(const FontRequest& request);

}  // namespace rapport::ui
