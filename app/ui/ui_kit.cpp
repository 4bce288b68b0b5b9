#include "ui/ui_kit.hpp"

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

void Kit::begin_frame() {
  visible_.clear();
  readable_.clear();
  widgets_.clear();
}

bool font_covers(const ImFont* font, std::string_view s) {
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    unsigned int c = 0;
    int n = ImTextCharFromUtf8(&c, p, end);
    if (n <= 0) return false;
    p += n;
    if (c == ' ' || c == '\n' || c == '\t') continue;
    if (c > 0xFFFF || !const_cast<ImFont*>(font)->FindGlyphNoFallback(static_cast<ImWchar>(c))) return false;
  }
  return true;
}

void Kit::noted(ImFont* font, std::string_view s) {
  visible_.emplace_back(s);
  readable_.push_back(font_covers(font, s));
}

ImVec2 Kit::measure(ImFont* font, std::string_view s, float wrap) const {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, s.data(), s.data() + s.size());
}

ImVec2 Kit::text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 col, std::string_view s, float wrap) {
  noted(font, s);
  dl->AddText(font, font->FontSize, pos, col, s.data(), s.data() + s.size(), wrap);
  return measure(font, s, wrap);
}

float Kit::text_centred(ImDrawList* dl, ImFont* font, float x0, float x1, float y, ImU32 col,
                        std::string_view s, float wrap) {
  noted(font, s);
  if (wrap <= 0) {
    ImVec2 size = measure(font, s);
    dl->AddText(font, font->FontSize, ImVec2(std::floor((x0 + x1 - size.x) / 2), y), col, s.data(),
                s.data() + s.size());
    return size.y;
  }
  // Centre each wrapped line on its own.
  float h = 0;
  const char* p = s.data();
  const char* end = s.data() + s.size();
  while (p < end) {
    const char* brk = font->CalcWordWrapPositionA(1.0f, p, end, wrap);
    if (brk == p) brk = p + 1;
    const char* line_end = brk;
    while (line_end > p && (line_end[-1] == ' ' || line_end[-1] == '\n')) --line_end;
    ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, p, line_end);
    dl->AddText(font, font->FontSize, ImVec2(std::floor((x0 + x1 - size.x) / 2), y + h), col, p, line_end);
    h += font->FontSize * 1.15f;
    p = brk;
    while (p < end && (*p == ' ' || *p == '\n')) ++p;
  }
  return h;
}

std::string_view visible_label(const char* id_label) {
  std::string_view s(id_label);
  auto pos = s.find("##");
  return pos == std::string_view::npos ? s : s.substr(0, pos);
}

bool Kit::button(const char* id_label, ImVec2 pos, ImVec2 size, Style style, ImFont* font) {
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
  ImVec2 ts = measure(font, label);
  ImVec2 tp(std::floor(pos.x + (size.x - ts.x) / 2), std::floor(pos.y + (size.y - ts.y) / 2));
  dl->AddText(font, font->FontSize, tp, ink, label.data(), label.data() + label.size());
  noted(font, label);
  widgets_.push_back({std::string(label), pos, max});
  return tapped;
}

bool Kit::hidden_target(const char* label, ImVec2 pos, ImVec2 size) {
  ImGui::SetCursorScreenPos(pos);
  ImGui::InvisibleButton(label, size);
  widgets_.push_back({std::string(visible_label(label)), pos, ImVec2(pos.x + size.x, pos.y + size.y)});
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
  ImFont* f = k.fonts().large;
  ImVec2 s = k.measure(f, initials);
  dl->AddText(f, f->FontSize, ImVec2(std::floor(c.x - s.x / 2), std::floor(c.y - s.y / 2)),
              IM_COL32(0x10, 0x18, 0x20, 0xFF), initials.data(), initials.data() + initials.size());
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
