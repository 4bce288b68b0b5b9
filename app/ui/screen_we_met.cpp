// "We met": the second badge within the window records the connection, then a clear
// confirmation. A small preview keeps the camera visible while waiting. A badge that
// cannot count (unknown, the same one again) is said on this screen and the window stays
// open; a window that passes says so and offers to try again.
#include <fmt/format.h>

#include <algorithm>

#include "ui/screens.hpp"

namespace rapport::ui {

void screen_we_met(const KioskState& s, Kit& k, const CameraView& cam, std::vector<Intent>& out) {
  const Palette& p = k.pal();
  const Fonts& f = k.fonts();
  begin_screen("we_met", p.background);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 vs = ImGui::GetMainViewport()->Size;
  float em = k.em();
  if (!s.we_met) {
    end_screen();
    return;
  }
  const WeMet& w = *s.we_met;
  if (w.result) {
    using O = MeetReply::Outcome;
    const MeetReply& r = *w.result;
    Icon icon = Icon::check;
    ImU32 col = p.good;
    std::string head, detail;
    switch (r.outcome) {
      case O::recorded:
        head = fmt::format("{} and {} have met!", r.a.first_name, r.b.first_name);
        detail = "Saved. Stay in touch after the event - offer help first.";
        if (r.not_the_suggested && !w.expected_name.empty())
          detail = fmt::format("Thank you - saved as a meeting of your own. {} is still worth finding later.",
                               w.expected_name);
        break;
      case O::already_met:
        icon = Icon::clock;
        col = p.info;
        head = fmt::format("{} and {} had already met", r.a.first_name, r.b.first_name);
        detail = "It's saved from before - nothing more to do.";
        break;
      case O::same_person:
        icon = Icon::question;
        col = p.warn;
        head = "That's the same badge twice";
        detail = "Scan the other person's badge to record that you met.";
        break;
      case O::unknown_badge:
        icon = Icon::question;
        col = p.warn;
        head = "We can't find this badge";
        detail = "Please see the registration desk.";
        break;
      case O::not_present:
        icon = Icon::cross;
        col = p.bad;
        head = "We couldn't record this one";
        detail = "Please see the registration desk.";
        break;
    }
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(vs.x, 0.8f * em), col);
    bool progress = r.outcome == O::recorded || r.outcome == O::already_met;
    float words = k.measure(f.huge, head, TextBox{vs.x * 0.85f, 3, true}).y + 0.8f * em +
                  k.measure(f.large, detail, TextBox{vs.x * 0.8f, 3, true}).y + (progress ? 2.6f * em : 0);
    OutcomeFit fit = fit_outcome(words, 0.8f * em, vs.y - 5.0f * em, vs.y * 0.16f, em);
    float y = fit.top;
    if (fit.icon_r > 0)
      draw_icon(dl, icon, ImVec2(vs.x / 2, y + fit.icon_r), fit.icon_r, col, IM_COL32(0x10, 0x18, 0x20, 0xFF));
    y += fit.icon_h;
    y += k.text_centred(dl, f.huge, 0, vs.x, y, p.text, head, vs.x * 0.85f, 3);
    y += 0.8f * em;
    y += k.text_centred(dl, f.large, 0, vs.x, y, p.muted, detail, vs.x * 0.8f, 3);
    if (progress) {
      y += 1.5f * em;
      float pw = 19 * em;
      draw_progress_to_three(k, dl, ImVec2((vs.x - pw) / 2, y), r.connections_today);
    }
    if (k.button("Done", ImVec2((vs.x - 11 * em) / 2, vs.y - 4.5f * em), k.em2(11, 2.8f), Kit::Style::secondary))
      out.push_back({Intent::Kind::home, {}});
    end_screen();
    return;
  }

  if (w.timed_out) {
    float y = vs.y * 0.16f;
    draw_icon(dl, Icon::clock, ImVec2(vs.x / 2, y + 3.2f * em), 3.2f * em, p.info, IM_COL32(0x10, 0x18, 0x20, 0xFF));
    y += 7.4f * em;
    std::string head = w.waiting_for_first ? "Time's up - no badge was scanned"
                       : !w.expected_name.empty()
                           ? fmt::format("Time's up - {}'s badge did not come in time", w.expected_name)
                           : "Time's up - the second badge did not come in time";
    y += k.text_centred(dl, f.huge, 0, vs.x, y, p.text, head, vs.x * 0.85f);
    y += 0.8f * em;
    k.text_centred(dl, f.large, 0, vs.x, y, p.muted, "Nothing was saved. Try again when you are both here.",
                   vs.x * 0.8f);
    float bw = 13 * em, gap = 1.2f * em;
    if (k.button("Try again", ImVec2(vs.x / 2 - bw - gap / 2, vs.y - 4.8f * em), k.em2(13, 2.8f)))
      out.push_back({Intent::Kind::we_met_again, {}});
    if (k.button("Done", ImVec2(vs.x / 2 + gap / 2, vs.y - 4.8f * em), k.em2(13, 2.8f), Kit::Style::secondary))
      out.push_back({Intent::Kind::home, {}});
    end_screen();
    return;
  }

  std::string head;
  if (w.waiting_for_first) head = "Scan your badge first";
  else if (!w.expected_name.empty()) head = fmt::format("Now {} scans their badge", w.expected_name);
  else head = "Now scan the other person's badge";
  float y = 1.6f * em;
  y += k.text_centred(dl, f.huge, 0, vs.x, y, p.text, head, vs.x * 0.9f, 2);
  std::string sub = w.waiting_for_first ? "Then the person you met scans theirs - that's all."
                                        : fmt::format("{} is ready. One badge after the other records that you met.",
                                                      w.first_name);
  y += 0.4f * em;
  y += k.text_centred(dl, f.large, 0, vs.x, y, p.muted, sub, vs.x * 0.85f, 3);
  if (!w.retry_note.empty()) {
    // Said plainly, in the warning colour with a shape, and the window stays open.
    y += 0.6f * em;
    float th = k.measure(f.large, w.retry_note, vs.x * 0.8f).y;
    ImVec2 a(vs.x * 0.08f, y), b(vs.x * 0.92f, y + th + 0.8f * em);
    dl->AddRectFilled(a, b, with_alpha(p.warn, 0.22f), 0.5f * em);
    dl->AddRect(a, b, p.warn, 0.5f * em, 0, std::max(1.5f, em / 14));
    k.text_centred(dl, f.large, 0, vs.x, y + 0.4f * em, p.text, w.retry_note, vs.x * 0.8f, 3);
    y = b.y;
  }
  y += 1.2f * em;
  bool demo = s.mode == KioskMode::demo && !s.demo_badges.empty();
  // Portrait: the demo badges get their own row above Cancel.
  bool demo_row = demo && k.portrait();
  float h = vs.y - y - 6.5f * em - (demo_row ? 3.2f * em : 0), cw = h * 16 / 9;
  if (cw > vs.x - 4 * em) {
    cw = vs.x - 4 * em;
    h = cw * 9 / 16;
  }
  draw_camera(k, dl, cam, ImVec2((vs.x - cw) / 2, y), ImVec2((vs.x + cw) / 2, y + h), s.camera_status);
  std::string left = fmt::format("{} s left", seconds_left(s, w.deadline));
  k.text_centred(dl, f.large, 0, vs.x, y + h + 0.8f * em, p.accent, left);
  if (k.button("Cancel", ImVec2(vs.x - 12 * em, vs.y - 3.6f * em), k.em2(10, 2.6f), Kit::Style::secondary))
    out.push_back({Intent::Kind::home, {}});
  if (demo) {
    float gap = 0.5f * em;
    size_t n = std::min<size_t>(s.demo_badges.size(), 4);
    float room = demo_row ? vs.x - 4 * em : vs.x - 15 * em;
    float bw = std::min(6.8f * em, (room - (n - 1) * gap) / n);
    float by = demo_row ? vs.y - 6.8f * em : vs.y - 3.6f * em;
    for (size_t i = 0; i < n; ++i) {
      std::string label = fmt::format("{}##demo{}", s.demo_names[i], i);
      if (k.button(label.c_str(), ImVec2(2 * em + i * (bw + gap), by), ImVec2(bw, 2.6f * em), Kit::Style::secondary,
                   f.body))
        out.push_back({Intent::Kind::present_demo, s.demo_badges[i]});
    }
  }
  end_screen();
}

}  // namespace rapport::ui
