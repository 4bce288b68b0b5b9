#pragma once
// Fonts through FreeType from Debian's font packages. Whole CJK ranges at kiosk sizes
// would overflow the atlas, so the glyphs are exactly the ones needed: Latin and Cyrillic
// basics, the kiosk's own words, and every name and tag in the roster.
#include <string>
#include <vector>

#include "core/kiosk/front_desk.hpp"
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

// The texts of a desk reply the screens are about to draw: names, reasons, questions,
// graph labels and interests. A person added to the file while the kiosk runs (a
// re-import, a merge) arrives here first, so the atlas can grow before the frame.
std::vector<std::string> reply_texts(const DeskReply& reply);

// Grows the glyph set when a text needs characters the atlas lacks. `asked` remembers
// every character already requested, so a character no installed font has (it stays a
// box) never causes a rebuild twice. Returns true when `request` gained texts and the
// atlas must be rebuilt (between frames: build_fonts, then a new font texture).
bool needs_glyphs(const Fonts& fonts, const std::vector<std::string>& texts, FontRequest& request,
                  std::vector<unsigned>& asked);

}  // namespace rapport::ui
