// Attract: what the kiosk shows to someone walking up. Event name, the live camera with a
// framing guide, one sentence of instruction, and how many people are here.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "ui/screens.hpp"

namespace rapport::ui {

int seconds_left(const KioskState& s, TimePoint deadline) {
  auto d = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - s.now).count();
  return static_cast<int>(std::max<int64_t>(0, (d + 999) / 1000));
}

void draw_camera(Kit& k, ImDrawList* dl, const CameraView& cam, ImVec2 min, ImVec2 max,
                 std::string_view status) {
  const Palette& p = k.pal();
  float r = 0.6f * k.em();
  dl->AddRectFilled(min, max, IM_COL32(0x0B, 0x12, 0x18, 0xFF), r);
  if (cam.texture && cam.width > 0) {
    // Fill the box keeping the aspect ratio (crop), mirrored like a mirror: people aim
    // a badge more easily at their own reflection.
    float bw = max.x - min.x, bh = max.y - min.y;
    float ca = static_cast<float>(cam.width) / static_cast<float>(cam.height), ba = bw / bh;
    ImVec2 uv0(0, 0), uv1(1, 1);
    if (ca > ba) {
      float f = ba / ca;
      uv0.x = (1 - f) / 2;
      uv1.x = 1 - uv0.x;
    } else {
      float f = ca / ba;
      uv0.y = (1 - f) / 2;
      uv1.y = 1 - uv0.y;
    }
    dl->AddImageRounded(cam.texture, min, max, ImVec2(uv1.x, uv0.y), ImVec2(uv0.x, uv1.y),
                        IM_COL32_WHITE, r);
  } else {
    k.text_centred(dl, k.fonts().body, min.x, max.x, (min.y + max.y) / 2 - k.em() / 2, p.muted,
                   status.empty() ? "Starting the camera..." : status);
  }
  // The framing guide: four corner brackets around the centre square.
  float side = std::min(max.x - min.x, max.y - min.y) * 0.62f;
  ImVec2 c((min.x + max.x) / 2, (min.y + max.y) / 2);
  ImVec2 a(c.x - side / 2, c.y - side / 2), b(c.x + side / 2, c.y + side / 2);
  float len = side * 0.18f, t = std::max(3.0f, k.em() * 0.16f);
  ImU32 g = with_alpha(p.accent, 0.95f);
  auto bracket = [&](ImVec2 o, float dx, float dy) {
    dl->AddLine(o, ImVec2(o.x + dx * len, o.y), g, t);
    dl->AddLine(o, ImVec2(o.x, o.y + dy * len), g, t);
  };
  bracket(a, 1, 1);
  bracket(ImVec2(b.x, a.y), -1, 1);
  bracket(ImVec2(a.x, b.y), 1, -1);
  bracket(b, -1, -1);
}

void draw_progress_to_three(Kit& k, ImDrawList* dl, ImVec2 pos, int met) {
  const Palette& p = k.pal();
  float r = 0.45f * k.em();
  for (int i = 0; i < 3; ++i) {
    ImVec2 c(pos.x + r + i * 2.6f * r, pos.y + r);
    if (i < met) {
      draw_icon(dl, Icon::check, c, r, p.good, IM_COL32(0x10, 0x18, 0x20, 0xFF));
    } else {
      dl->AddCircle(c, r, p.muted, 32, std::max(2.0f, k.em() / 12));
    }
  }
  std::string line = met >= 3 ? fmt::format("{} new people today - wonderful!", met)
                              : fmt::format("{} of 3 new people today", met);
  k.text(dl, k.fonts().body, ImVec2(pos.x + 8.6f * r, pos.y + r - k.em() * 0.62f), p.text, line);
}

void screen_attract(const KioskState& s, Kit& k, const CameraView& cam, std::vector<Intent>& out) {
  const Palette& p = k.pal();
  const Fonts& f = k.fonts();
  begin_screen("attract", p.background);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 vs = ImGui::GetMainViewport()->Size;
  float em = k.em();

  k.text_centred(dl, f.large, 0, vs.x, 1.4f * em, p.text, s.event_name, vs.x - 10 * em, 1);

  // The preview: as large as fits between the title and the instructions.
  bool portrait = k.portrait();
  bool demo = s.mode == KioskMode::demo && !s.demo_badges.empty();
  // Portrait: the demo tray gets its own row above the bottom buttons.
  float tray_row = portrait && demo ? 4.2f * em : 0;
  float top = 3.8f * em, bottom = vs.y - 11.5f * em - tray_row - (portrait ? 2.8f * em : 0);
  float h = std::max(6 * em, bottom - top), w = h * 16.0f / 9.0f;
  float widest = vs.x * (portrait ? 0.9f : 0.7f);
  if (w > widest) {
    w = widest;
    h = w * 9.0f / 16.0f;
  }
  ImVec2 cmin((vs.x - w) / 2, top), cmax((vs.x + w) / 2, top + h);
  draw_camera(k, dl, cam, cmin, cmax, s.camera_status);

  float y = cmax.y + 1.0f * em;
  y += k.text_centred(dl, f.huge, 0, vs.x, y, p.text, "Hold your badge up to the camera", vs.x * 0.9f, 2);
  y += 0.4f * em;
  std::string here = s.present == 1 ? "1 person is here" : fmt::format("{} people are here", s.present);
  float hw = k.measure(f.body, here).x + 1.6f * em;
  float x0 = (vs.x - hw) / 2;
  draw_icon(dl, Icon::people, ImVec2(x0 + 0.6f * em, y + 0.62f * em), 0.6f * em, p.surface_high, p.text);
  k.text(dl, f.body, ImVec2(x0 + 1.6f * em, y), p.muted, here);
  if (s.desk_busy) k.text_centred(dl, f.body, 0, vs.x, y + 1.6f * em, p.accent, "One moment...");

  // Bottom row: floor actions right, staff entry left, demo tray in the middle.
  float by = vs.y - 3.6f * em;
  if (s.mode != KioskMode::door) {
    if (k.button("We met someone", ImVec2(vs.x - 13.5f * em, by), k.em2(12.5f, 2.6f), Kit::Style::secondary))
      out.push_back({Intent::Kind::we_met_from_attract, {}});
  }
  if (s.mode != KioskMode::floor && !s.config.admin.pin_hash.empty()) {
    if (k.button("Staff: find a name", ImVec2(1.0f * em, by), k.em2(10.5f, 2.6f), Kit::Style::quiet, f.body))
      out.push_back({Intent::Kind::open_search, {}});
  }
  if (demo) {
    float gap = 0.5f * em;
    size_t n = std::min<size_t>(s.demo_badges.size(), 4);
    float room = portrait ? vs.x - 2 * em : vs.x - 2 * 14.5f * em;
    float bw = std::min(5.6f * em, (room - (n - 1) * gap) / n);
    float total = n * bw + (n - 1) * gap;
    float x = (vs.x - total) / 2;
    if (portrait) by -= 4.2f * em;
    k.text_centred(dl, f.small, x, x + total, by - 1.2f * em, p.muted, "Demo tray: tap a badge to hold it up",
                   total, 1);
    for (size_t i = 0; i < n; ++i) {
      std::string label = fmt::format("{}##demo{}", s.demo_names[i], i);
      if (k.button(label.c_str(), ImVec2(x + i * (bw + gap), by), ImVec2(bw, 2.6f * em), Kit::Style::secondary, f.body))
        out.push_back({Intent::Kind::present_demo, s.demo_badges[i]});
    }
  }
  // The hidden staff gesture: five taps in the top-left corner.
  if (k.hidden_target("[admin corner]", ImVec2(0, 0), k.em2(3.5f, 3.5f)))
    out.push_back({Intent::Kind::corner_tap, {}});
  end_screen();
}

}  // namespace rapport::ui
