// The door's answer: one big sentence, an icon and a colour band (never colour alone),
// and a plain next step for the attendee and, when needed, a hint for staff.
#include <fmt/format.h>

#include "core/util/clock.hpp"
#include "ui/screens.hpp"

namespace rapport::ui {

namespace {
struct Outcome {
  Icon icon;
  ImU32 colour;
  std::string headline, detail, staff_hint;
};

Outcome describe(const KioskState& s, const Palette& p) {
  const DoorReply& d = *s.door;
  std::string first = d.checkin.attendee ? d.checkin.attendee->first_name : std::string();
  switch (d.match) {
    case ScanMatch::invalid:
      return {Icon::question, p.warn, "That's not a badge",
              "Hold up the QR code printed on your event badge.", ""};
    case ScanMatch::revoked:
      return {Icon::cross, p.bad, "This badge was replaced",
              "Please see the registration desk for your new badge.",
              "Staff: this code was revoked when a new badge was issued."};
    case ScanMatch::unknown:
      return {Icon::question, p.warn, "We can't find this badge",
              "Please see the registration desk - they will sort it out.", ""};
    case ScanMatch::attendee: break;
  }
  switch (d.checkin.outcome) {
    case CheckinOutcome::checked_in:
      return {Icon::check, p.good, fmt::format("Welcome, {}!", first), "You're checked in. Enjoy the day.", ""};
    case CheckinOutcome::already_checked_in: {
      auto t = parse_iso8601(d.checkin.at);
      std::string when = t ? local_hhmm(*t) : d.checkin.at;
      return {Icon::clock, p.info, fmt::format("Welcome back - checked in at {}", when),
              fmt::format("You're all set, {}. Enjoy the day.", first), ""};
    }
    case CheckinOutcome::cancelled:
      return {Icon::cross, p.bad, "Please see the registration desk",
              fmt::format("{}, we couldn't check you in here.", first),
              "Staff: this ticket was cancelled. Check the order before letting them in."};
    case CheckinOutcome::blocked:
      return {Icon::cross, p.bad, "Please see the registration desk",
              fmt::format("{}, we couldn't check you in here.", first),
              "Staff: this ticket is blocked. Please speak with the organizer."};
    case CheckinOutcome::unknown_code:
      return {Icon::question, p.warn, "We can't find this badge",
              "Please see the registration desk - they will sort it out.", ""};
  }
  return {Icon::question, p.warn, "We can't find this badge", "", ""};
}
}  // namespace

OutcomeFit fit_outcome(float words_h, float band, float limit, float preferred_top, float em) {
  for (float r : {3.2f * em, 1.8f * em}) {
    float icon_h = 2 * r + 1.0f * em;
    float total = icon_h + words_h;
    if (preferred_top + total <= limit) return {preferred_top, r, icon_h};
    if (limit - total >= band + 0.6f * em) return {limit - total, r, icon_h};
  }
  return {band + 0.6f * em, 0, 0};
}

void screen_door(const KioskState& s, Kit& k, std::vector<Intent>& out) {
  const Palette& p = k.pal();
  const Fonts& f = k.fonts();
  begin_screen("door", p.background);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 vs = ImGui::GetMainViewport()->Size;
  float em = k.em();
  if (!s.door) {
    end_screen();
    return;
  }
  Outcome o = describe(s, p);
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(vs.x, 0.8f * em), o.colour);
  float hint_w = std::min(vs.x * (k.portrait() ? 0.9f : 0.7f), k.measure(f.body, o.staff_hint).x + 2.4f * em);
  float hint_h = o.staff_hint.empty() ? 0 : k.measure(f.body, o.staff_hint, TextBox{hint_w - 2.4f * em, 3, true}).y;
  float words = k.measure(f.huge, o.headline, TextBox{vs.x * 0.85f, 3, true}).y + 0.8f * em +
                k.measure(f.large, o.detail, TextBox{vs.x * 0.8f, 3, true}).y +
                (o.staff_hint.empty() ? 0 : 1.2f * em + hint_h + 1.2f * em);
  OutcomeFit fit = fit_outcome(words, 0.8f * em, vs.y - 5.0f * em, vs.y * 0.16f, em);
  float y = fit.top;
  if (fit.icon_r > 0)
    draw_icon(dl, o.icon, ImVec2(vs.x / 2, y + fit.icon_r), fit.icon_r, o.colour, IM_COL32(0x10, 0x18, 0x20, 0xFF));
  y += fit.icon_h;
  y += k.text_centred(dl, f.huge, 0, vs.x, y, p.text, o.headline, vs.x * 0.85f, 3);
  y += 0.8f * em;
  y += k.text_centred(dl, f.large, 0, vs.x, y, p.text, o.detail, vs.x * 0.8f, 3);
  if (!o.staff_hint.empty()) {
    y += 1.2f * em;
    float w = hint_w;
    float th = hint_h;
    ImVec2 a((vs.x - w) / 2, y), b((vs.x + w) / 2, y + th + 1.2f * em);
    dl->AddRectFilled(a, b, p.surface, 0.4f * em);
    k.text_centred(dl, f.body, a.x, b.x, y + 0.6f * em, p.warn, o.staff_hint, w - 2.4f * em, 3);
  }
  float bw = 13 * em;
  bool here = s.door->match == ScanMatch::attendee &&
              (s.door->checkin.outcome == CheckinOutcome::checked_in ||
               s.door->checkin.outcome == CheckinOutcome::already_checked_in);
  if (here && s.suggestions) {
    if (k.button("Who should I meet?", ImVec2(vs.x / 2 - bw - 0.5f * em, vs.y - 4.5f * em), k.em2(13, 2.8f)))
      out.push_back({Intent::Kind::see_suggestions, {}});
    if (k.button("Done", ImVec2(vs.x / 2 + 0.5f * em, vs.y - 4.5f * em), k.em2(13, 2.8f), Kit::Style::secondary))
      out.push_back({Intent::Kind::home, {}});
  } else {
    if (k.button("Done", ImVec2((vs.x - bw) / 2, vs.y - 4.5f * em), k.em2(13, 2.8f), Kit::Style::secondary))
      out.push_back({Intent::Kind::home, {}});
  }
  end_screen();
}

void screen_storage_problem(const KioskState&, Kit& k, std::vector<Intent>& out) {
  const Palette& p = k.pal();
  const Fonts& f = k.fonts();
  begin_screen("storage", p.background);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 vs = ImGui::GetMainViewport()->Size;
  float em = k.em();
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(vs.x, 0.8f * em), p.bad);
  float y = vs.y * 0.2f;
  draw_icon(dl, Icon::warning, ImVec2(vs.x / 2, y + 3 * em), 3 * em, p.bad, IM_COL32_WHITE);
  y += 7.5f * em;
  y += k.text_centred(dl, f.huge, 0, vs.x, y, p.text, "Storage full - please call staff", vs.x * 0.9f, 2);
  y += 0.8f * em;
  k.text_centred(dl, f.large, 0, vs.x, y, p.muted, "This scan was not saved. Nothing saved earlier is lost.",
                 vs.x * 0.8f);
  if (k.button("Try again", ImVec2((vs.x - 11 * em) / 2, vs.y - 4.5f * em), k.em2(11, 2.8f), Kit::Style::secondary))
    out.push_back({Intent::Kind::home, {}});
  end_screen();
}

}  // namespace rapport::ui
