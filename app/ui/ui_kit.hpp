#pragma once
// The kiosk's touch kit: theme, sizes in em, text and buttons that register themselves
// so the automation can `tap` a label and `expect` a text exactly as a person would see it.
#include <imgui/imgui.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/config/kiosk_config.hpp"
#include "ui/shaped_text.hpp"

namespace rapport::ui {

struct Fonts {
  ImFont* small = nullptr;  // 0.7 em: hints, staff notes
  ImFont* body = nullptr;   // 1 em
  ImFont* large = nullptr;  // 1.6 em: names on cards, button labels
  ImFont* huge = nullptr;   // 2.6 em: the door's one big sentence
  float em = 32;            // body size in pixels
};

struct Palette {
  ImU32 background, surface, surface_high, accent, text, muted, good, warn, bad, info;
};
Palette make_palette(const KioskConfig::Theme& theme);
ImU32 with_alpha(ImU32 c, float a);

// What was on screen in the last frame, for the script runner.
struct Widget {
  std::string label;
  ImVec2 min, max;
};

// Everything placed on screen in the last frame, for the layout check: buttons, texts
// and shapes (avatars), each with the clip rectangle it was drawn in (a scrolling list
// clips its rows; what the clip hides is not on screen).
struct Placed {
  enum class Kind { button, text, shape };
  Kind kind;
  std::string label;
  ImVec2 min, max;
  ImVec2 clip_min, clip_max;
};

class TextCache;

class Kit {
 public:
  Kit(Fonts fonts, Palette palette);
  ~Kit();
  Kit(Kit&&) noexcept;

  void begin_frame();
  const Fonts& fonts() const { return fonts_; }
  const Palette& pal() const { return pal_; }
  float em() const { return fonts_.em; }
  // The screen stands upright (a floor totem): cards stack, button rows wrap.
  bool portrait() const;
  ImVec2 em2(float x, float y) const { return ImVec2(x * fonts_.em, y * fonts_.em); }

  // THE text function: every string on every screen is drawn through these. The font
  // picks size and weight; the text is shaped by Pango (any script, right-to-left,
  // fallback fonts, colour emoji) and cached as a texture (text_cache.hpp).
  //
  // Text drawn at a position (top-left), wrapped to `wrap` pixels when > 0. Returns its size.
  ImVec2 text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 col, std::string_view s, float wrap = 0);
  // Text in a box: `box.width` wraps, `box.max_lines` shortens with "…" (1 = one line).
  ImVec2 text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 col, std::string_view s, const TextBox& box);
  // Text centred horizontally in [x0, x1] at y. Returns its height.
  float text_centred(ImDrawList* dl, ImFont* font, float x0, float x1, float y, ImU32 col,
                     std::string_view s, float wrap = 0, int max_lines = 0);
  ImVec2 measure(ImFont* font, std::string_view s, float wrap = 0);
  ImVec2 measure(ImFont* font, std::string_view s, const TextBox& box);
  // The largest of `fonts` (biggest first) in which `s` fits `width` on at most `lines`
  // lines; the last one (shortened with "…" when drawn with max_lines) when none fits.
  ImFont* fitting_font(std::initializer_list<ImFont*> fonts, std::string_view s, float width, int lines = 1);

  // A big touch button (at least 2.5 em high). `id` keeps labels unique ("A##key").
  // Returns true when tapped (released inside, not after a drag-to-scroll). The label
  // takes up to `lines` lines and ends in "…" when it still does not fit.
  enum class Style { primary, secondary, quiet, danger };
  bool button(const char* id_label, ImVec2 pos, ImVec2 size, Style style = Style::primary,
              ImFont* font = nullptr, int lines = 1);
  // An invisible tap target (the admin corner); registered for automation under `label`.
  bool hidden_target(const char* label, ImVec2 pos, ImVec2 size);
  // A drawn shape that text must not run into (an avatar, a card's chip).
  void note_shape(std::string_view what, ImVec2 min, ImVec2 max);
  const std::vector<Placed>& placed() const { return placed_; }

  // A registered string that is not drawn through text() (e.g. composed in pieces).
  void note_visible(std::string_view s) {
    visible_.emplace_back(s);
    readable_.push_back(true);
  }

  const std::vector<std::string>& visible() const { return visible_; }
  // Per visible() entry: false when some character had no glyph in the font (drawn as
  // the fallback box). The automation refuses to `expect` a text nobody could read.
  const std::vector<bool>& readable() const { return readable_; }
  // After the glyph atlas was rebuilt (a new name arrived): the new font pointers.
  void set_fonts(Fonts f) { fonts_ = f; }
  const std::vector<Widget>& widgets() const { return widgets_; }
  TextCache& text_cache() { return *cache_; }
  // Deletes the text textures (before the GL context goes).
  void release_text();

 private:
  Fonts fonts_;
  Palette pal_;
  std::unique_ptr<TextCache> cache_;
  TextStyle style_of(const ImFont* font) const;
  // Draws a shaped text with its box's top-left at `pos`; registers it. Returns its size.
  ImVec2 draw_shaped(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 col, std::string_view s, const TextBox& box,
                     bool record);
  void place(Placed::Kind kind, std::string_view label, ImVec2 min, ImVec2 max, ImDrawList* dl);
  std::vector<Placed> placed_;
  std::vector<std::string> visible_;
  std::vector<bool> readable_;
  std::vector<Widget> widgets_;
};

// One em and the screen's orientation from its size alone: a thirtieth of the height on a
// landscape screen (about 36 px at 1080p, readable from a metre), never more than a
// thirty-fourth of the width, so an upright 1080x1920 totem gets 32 px, not 64.
float em_for_screen(int width, int height, double scale);
bool is_portrait(ImVec2 size);

// The visible part of "Label##id".
std::string_view visible_label(const char* id_label);

// Drag-to-scroll for the current child window: GLFW gives no touch gestures, so a press
// and drag scrolls like a finger would.
void drag_to_scroll();

// Icons drawn with the draw list, so the door says it with a shape as well as a colour.
enum class Icon { check, clock, cross, question, warning, people };
void draw_icon(ImDrawList* dl, Icon icon, ImVec2 centre, float radius, ImU32 col, ImU32 on);

// A round avatar with initials (never a photo).
void draw_avatar(Kit& k, ImDrawList* dl, ImVec2 centre, float radius, ImU32 col, std::string_view initials);

// A full-screen, undecorated window sized to the main viewport.
bool begin_screen(const char* name, ImU32 background);
void end_screen();

}  // namespace rapport::ui
