#pragma once
// The kiosk's touch kit: theme, sizes in em, text and buttons that register themselves
// so the automation can `tap` a label and `expect` a text exactly as a person would see it.
#include <imgui/imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/config/kiosk_config.hpp"
#include "core/i18n/language.hpp"

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

class Kit {
 public:
  Kit(Fonts fonts, Palette palette) : fonts_(fonts), pal_(palette) {}

  void begin_frame();
  const Fonts& fonts() const { return fonts_; }
  const Palette& pal() const { return pal_; }
  float em() const { return fonts_.em; }

  // The language the screens speak this frame (assets/locale/README.md).
  void set_language(const i18n::Language& l) { lang_ = &l; }
  const i18n::Language& lang() const { return *lang_; }
  const char* tr(const char* msgid) const { return lang_->tr(msgid); }
  template <class... A>
  std::string trf(const char* msgid, A&&... args) const {
    return lang_->trf(msgid, std::forward<A>(args)...);
  }
  template <class... A>
  std::string trfn(const char* singular, const char* plural, long n, A&&... args) const {
    return lang_->trfn(singular, plural, n, std::forward<A>(args)...);
  }
  ImVec2 em2(float x, float y) const { return ImVec2(x * fonts_.em, y * fonts_.em); }

  // Text drawn at a position (top-left), wrapped to `wrap` pixels when > 0. Returns its size.
  ImVec2 text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 col, std::string_view s, float wrap = 0);
  // Text centred horizontally in [x0, x1] at y. Returns its height.
  float text_centred(ImDrawList* dl, ImFont* font, float x0, float x1, float y, ImU32 col,
                     std::string_view s, float wrap = 0);
  ImVec2 measure(ImFont* font, std::string_view s, float wrap = 0) const;

  // A big touch button (at least 2.5 em high). `id` keeps labels unique ("A##key").
  // Returns true when tapped (released inside, not after a drag-to-scroll).
  enum class Style { primary, secondary, quiet, danger };
  bool button(const char* id_label, ImVec2 pos, ImVec2 size, Style style = Style::primary,
              ImFont* font = nullptr);
  // An invisible tap target (the admin corner); registered for automation under `label`.
  bool hidden_target(const char* label, ImVec2 pos, ImVec2 size);

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

 private:
  Fonts fonts_;
  Palette pal_;
  const i18n::Language* lang_ = &i18n::english();
  void noted(ImFont* font, std::string_view s);
  std::vector<std::string> visible_;
  std::vector<bool> readable_;
  std::vector<Widget> widgets_;
};

// True when `font` has a glyph for every character of `s` (spaces and line breaks aside).
bool font_covers(const ImFont* font, std::string_view s);

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
