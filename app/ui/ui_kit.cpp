#include "ui/ui_kit.hpp"

#include "ui/text_cache.hpp"

#include <imgui/imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace rapport::ui {

namespace {
ImU32 rgb(Colour c) {
  return IM_COL32((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, 0xFF);
}
ImU32 mix(ImU32 a, ImU32 b, float t) {
  ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t,
                                               x.z + (y.z - x.z) * t, 1.0f));
}
}  // namespace

ImU32 with_alpha(ImU32 c, float a) {
  ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
  v.w = a;
  return ImGui::ColorConvertFloat4ToU32(v);
}

Palette make_palette(const KioskConfig::Theme& t) {
  Palette p;
  p.background = rgb(t.background);
  p.surface = rgb(t.surface);
  p.surface_high = mix(rgb(t.surface), rgb(t.text), 0.12f);
  p.accent = rgb(t.accent);
  p.text = rgb(t.text);
  p.muted = mix(rgb(t.text), rgb(t.background), 0.38f);
  p.good = IM_COL32(0x3F, 0xB6, 0x8B, 0xFF);
  p.warn = IM_COL32(0xE8, 0xA8, 0x38, 0xFF);
  p.bad = IM_COL32(0xE0, 0x5A, 0x4F, 0xFF);
  p.info = IM_COL32(0x5B, 0x9B, 0xE6, 0xFF);
  return p;
}

Kit::Kit(Fonts fonts, Palette palette) : fonts_(fonts), pal_(palette), cache_(std::make_unique<TextCache>()) {}
Kit::~Kit() = default;
Kit::Kit(Kit&&) noexcept = default;

void Kit::release_text() { cache_->release(); }

float em_for_screen(int width, int height, double scale) {
  double em = std::min(height / 30.0, width / 34.0) * (scale > 0 ? scale : 1.0);
  return static_cast<float>(std::round(std::max(16.0, em)));
}

bool is_portrait(ImVec2 size) { return size.y > size.x * 1.1f; }

bool Kit::portrait() const { return is_portrait(ImGui::GetMainViewport()->Size); }

void Kit::begin_frame() {
  visible_.clear();
  readable_.clear();
  widgets_.clear();
  placed_.clear();
  cache_->new_frame();
}

TextStyle Kit::style_of(const ImFont* font) const {
  TextStyle st;
  st.px = font ? font->FontSize : fonts_.em;
  st.bold = font && (font == fonts_.large || font == fonts_.huge);
  return st;
}

void Kit::place(Placed::Kind kind, std::string_view label, ImVec2 min, ImVec2 max, ImDrawList* dl) {
  Placed p{kind, std::string(label), min, max, ImVec2(0, 0), ImGui::GetMainViewport()->Size};
  if (dl) {
    p.clip_min = dl->GetClipRectMin();
    p.clip_max = dl->GetClipRectMax();
  }
  placed_.push_back(std::move(p));
}

void Kit::note_shape(std::string_view what, ImVec2 min, ImVec2 max) {
  place(Placed::Kind::shape, what, min, max, ImGui::GetWindowDrawList());
}

ImVec2 Kit::draw_shaped(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 col, std::string_view s, const TextBox& box,
                        bool record) {
  TextCache::Entry& e = cache_->get(style_of(font), s, box);
  const ShapedText& t = *e.shaped;
  pos = ImVec2(std::floor(pos.x), std::floor(pos.y));
  // The texture carries the colour (emoji keep theirs); the draw only fades it.
  uint32_t rgb = ((col >> IM_COL32_R_SHIFT) & 0xFF) << 16 | ((col >> IM_COL32_G_SHIFT) & 0xFF) << 8 |
                 ((col >> IM_COL32_B_SHIFT) & 0xFF);
  ImU32 alpha = IM_COL32(0xFF, 0xFF, 0xFF, (col >> IM_COL32_A_SHIFT) & 0xFF);
  if (ImTextureID tex = cache_->texture(e, rgb)) {
    ImVec2 a(pos.x + t.raster_x(), pos.y + t.raster_y());
    dl->AddImage(tex, a, ImVec2(a.x + t.raster_width(), a.y + t.raster_height()), ImVec2(0, 0), ImVec2(1, 1), alpha);
  }
  if (record) {
    visible_.emplace_back(s);
    readable_.push_back(t.unknown_glyphs() == 0);
    ImVec2 a(pos.x + t.x(), pos.y + t.y());
    place(Placed::Kind::text, s, a, ImVec2(a.x + t.width(), a.y + t.height()), dl);
  }
  return ImVec2(t.width(), t.height());
}

ImVec2 Kit::measure(ImFont* font, std::string_view s, const TextBox& box) {
  const ShapedText& t = *cache_->get(style_of(font), s, box).shaped;
  return ImVec2(t.width(), t.height());
}

ImVec2 Kit::measure(ImFont* font, std::string_view s, float wrap) { return measure(font, s, TextBox{wrap}); }

ImFont* Kit::fitting_font(std::initializer_list<ImFont*> fonts, std::string_view s, float width, int lines) {
  ImFont* last = nullptr;
  for (ImFont* f : fonts) {
    last = f;
    TextBox box{width, lines};
    const ShapedText& t = *cache_->get(style_of(f), s, box).shaped;
    if (!t.ellipsized()) return f;
  }
  return last;
}

ImVec2 Kit::text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 col, std::string_view s, float wrap) {
  return draw_shaped(dl, font, pos, col, s, TextBox{wrap}, true);
}

ImVec2 Kit::text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 col, std::string_view s, const TextBox& box) {
  return draw_shaped(dl, font, pos, col, s, box, true);
}

float Kit::text_centred(ImDrawList* dl, ImFont* font, float x0, float x1, float y, ImU32 col, std::string_view s,
                        float wrap, int max_lines) {
  if (wrap <= 0) {
    ImVec2 size = measure(font, s);
    return draw_shaped(dl, font, ImVec2(std::floor((x0 + x1 - size.x) / 2), y), col, s, TextBox{}, true).y;
  }
  // Each line centred on its own, in a box of `wrap` centred in [x0, x1].
  TextBox box{wrap, max_lines, true};
  return draw_shaped(dl, font, ImVec2(std::floor((x0 + x1 - wrap) / 2), y), col, s, box, true).y;
}

std::string_view visible_label(const char* id_label) {
  std::string_view s(id_label);
  auto pos = s.find("##");
  return pos == std::string_view::npos ? s : s.substr(0, pos);
}

bool Kit::button(const char* id_label, ImVec2 pos, ImVec2 size, Style style, ImFont* font, int lines) {
  if (!font) font = fonts_.large;
  size.y = std::max(size.y, 2.5f * fonts_.em);
  ImGui::SetCursorScreenPos(pos);
  ImGui::InvisibleButton(id_label, size);
  bool hovered = ImGui::IsItemHovered();
  bool held = ImGui::IsItemActive();
  // A press that turned into a drag-to-scroll is not a tap.
  bool dragged = ImGui::GetIO().MouseDragMaxDistanceSqr[0] > (0.5f * fonts_.em) * (0.5f * fonts_.em);
  bool tapped = ImGui::IsItemDeactivated() && hovered && !dragged;
  ImVec2 max(pos.x + size.x, pos.y + size.y);
  ImU32 fill, ink;
  switch (style) {
    case Style::primary: fill = pal_.accent; ink = IM_COL32(0x10, 0x18, 0x20, 0xFF); break;
    case Style::secondary: fill = pal_.surface_high; ink = pal_.text; break;
    case Style::quiet: fill = with_alpha(pal_.surface_high, 0.0f); ink = pal_.muted; break;
    case Style::danger: fill = pal_.bad; ink = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF); break;
  }
  if (held && hovered) fill = with_alpha(fill, 0.75f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float r = 0.45f * fonts_.em;
  if (style == Style::quiet)
    dl->AddRect(pos, max, with_alpha(pal_.muted, 0.6f), r, 0, std::max(1.0f, fonts_.em / 16));
  else
    dl->AddRectFilled(pos, max, fill, r);
  std::string_view label = visible_label(id_label);
  // A smaller size when the label does not fit the button, then "…".
  TextBox box{std::max(1.0f, size.x - 0.8f * fonts_.em), std::max(1, lines), true};
  if (cache_->get(style_of(font), label, box).shaped->ellipsized()) {
    if (font == fonts_.huge || font == fonts_.large) font = fitting_font({fonts_.body, fonts_.small}, label, box.width, box.max_lines);
    else if (font == fonts_.body) font = fonts_.small;
  }
  ImVec2 ts = measure(font, label, box);
  ImVec2 tp(pos.x + 0.4f * fonts_.em, std::floor(pos.y + (size.y - ts.y) / 2));
  draw_shaped(dl, font, tp, ink, label, box, false);
  visible_.emplace_back(label);
  readable_.push_back(cache_->get(style_of(font), label, box).shaped->unknown_glyphs() == 0);
  widgets_.push_back({std::string(label), pos, max});
  place(Placed::Kind::button, label, pos, max, dl);
  return tapped;
}

bool Kit::hidden_target(const char* label, ImVec2 pos, ImVec2 size) {
  ImGui::SetCursorScreenPos(pos);
  ImGui::InvisibleButton(label, size);
  widgets_.push_back({std::string(visible_label(label)), pos, ImVec2(pos.x + size.x, pos.y + size.y)});
  place(Placed::Kind::button, visible_label(label), pos, ImVec2(pos.x + size.x, pos.y + size.y),
        ImGui::GetWindowDrawList());
  return ImGui::IsItemDeactivated() && ImGui::IsItemHovered();
}

void drag_to_scroll() {
  ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem | ImGuiHoveredFlags_ChildWindows) &&
      ImGui::IsMouseDragging(ImGuiMouseButton_Left, 8.0f))
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
}

void draw_icon(ImDrawList* dl, Icon icon, ImVec2 c, float r, ImU32 col, ImU32 on) {
  dl->AddCircleFilled(c, r, col, 64);
  float t = std::max(2.0f, r * 0.16f);
  auto P = [&](float x, float y) { return ImVec2(c.x + x * r, c.y + y * r); };
  switch (icon) {
    case Icon::check: {
      ImVec2 pts[3] = {P(-0.45f, 0.02f), P(-0.12f, 0.35f), P(0.48f, -0.3f)};
      dl->AddPolyline(pts, 3, on, 0, t);
      break;
    }
    case Icon::clock:
      dl->AddCircle(c, r * 0.55f, on, 48, t * 0.8f);
      dl->AddLine(P(0, 0), P(0, -0.38f), on, t * 0.8f);
      dl->AddLine(P(0, 0), P(0.28f, 0.1f), on, t * 0.8f);
      break;
    case Icon::cross:
      dl->AddLine(P(-0.35f, -0.35f), P(0.35f, 0.35f), on, t);
      dl->AddLine(P(0.35f, -0.35f), P(-0.35f, 0.35f), on, t);
      break;
    case Icon::question: {
      dl->PathArcTo(P(0, -0.18f), r * 0.26f, 3.3f, 6.9f, 24);
      dl->PathLineTo(P(0, 0.2f));
      dl->PathStroke(on, 0, t * 0.85f);
      dl->AddCircleFilled(P(0, 0.44f), t * 0.7f, on);
      break;
    }
    case Icon::warning:
      dl->AddLine(P(0, -0.45f), P(0, 0.15f), on, t);
      dl->AddCircleFilled(P(0, 0.42f), t * 0.7f, on);
      break;
    case Icon::people:
      dl->AddCircleFilled(P(-0.22f, -0.2f), r * 0.17f, on);
      dl->AddCircleFilled(P(0.22f, -0.2f), r * 0.17f, on);
      dl->PathArcTo(P(-0.22f, 0.35f), r * 0.26f, 3.14159f, 6.28318f, 16);
      dl->PathFillConvex(on);
      dl->PathArcTo(P(0.22f, 0.35f), r * 0.26f, 3.14159f, 6.28318f, 16);
      dl->PathFillConvex(on);
      break;
  }
}

void draw_avatar(Kit& k, ImDrawList* dl, ImVec2 c, float r, ImU32 col, std::string_view initials) {
  dl->AddCircleFilled(c, r, col, 64);
  k.note_shape("avatar", ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r));
  // Initials in any script (Devanagari clusters, Hangul, emoji), shrunk to fit the circle.
  const Fonts& fs = k.fonts();
  ImFont* f = k.fitting_font({fs.large, fs.body, fs.small}, initials, 1.5f * r);
  TextBox box{1.5f * r, 1, true};
  ImVec2 s = k.measure(f, initials, box);
  k.text(dl, f, ImVec2(c.x - box.width / 2, c.y - s.y / 2), IM_COL32(0x10, 0x18, 0x20, 0xFF), initials, box);
}

bool begin_screen(const char* name, ImU32 background) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  bool open = ImGui::Begin(name, nullptr,
                           ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                               ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                               ImGuiWindowFlags_NoScrollWithMouse);
  return open;
}

void end_screen() {
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();
}

}  // namespace rapport::ui
