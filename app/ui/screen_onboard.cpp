// Onboarding at the kiosk, for people whose roster said nothing about introductions: an
// invitation that says what is shared and who sees it (two equal buttons, nothing
// pre-selected), then four short steps of topic chips. "Done" on every step finishes at
// once; the desk writes the profile and the suggestions screen follows.
#include <fmt/format.h>

#include <algorithm>

#include "ui/screens.hpp"

namespace rapport::ui {

void screen_invite(const KioskState& s, Kit& k, std::vector<Intent>& out) {
  const Palette& p = k.pal();
  const Fonts& f = k.fonts();
  begin_screen("invite", p.background);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 vs = ImGui::GetMainViewport()->Size;
  float em = k.em();
  float wrap = std::min(vs.x - 4 * em, 44 * em);
  float x0 = (vs.x - wrap) / 2;
  // A portrait totem is narrow in em: smaller type, buttons one above the other.
  bool narrow = vs.x < 34 * em;
  ImFont* title = narrow ? f.large : f.huge;
  ImFont* lead = narrow ? f.body : f.large;
  std::string first = s.profile ? s.profile->profile.attendee.first_name : std::string();
  float y = narrow ? 1.5f * em : vs.y * 0.12f;
  if (!narrow) {  // on a narrow screen the words need the room
    draw_icon(dl, Icon::people, ImVec2(vs.x / 2, y + 2.4f * em), 2.4f * em, p.accent, IM_COL32(0x10, 0x18, 0x20, 0xFF));
    y += 6 * em;
  }
  y += k.text_centred(dl, title, x0, x0 + wrap, y, p.text,
                      first.empty() ? "Meet the right people here?" : fmt::format("{}, meet the right people here?", first),
                      wrap);
  y += 1.2f * em;
  y += k.text(dl, lead, ImVec2(x0, y), p.text,
              "Say yes and these kiosks may suggest you to other attendees who share your interests.", wrap).y;
  y += 1.0f * em;
  // What is shared and who sees it: plainly, and exactly what docs/PRIVACY.md promises.
  const char* lines[] = {
      "Shared: your first name and the interests you pick next.",
      "Seen by: attendees of this event, on these kiosks only.",
      "Never shown: your email, company, job title or photo.",
      "Change your mind any time: \"Stop suggesting me\" at any kiosk.",
  };
  for (const char* line : lines) {
    dl->AddCircleFilled(ImVec2(x0 + 0.4f * em, y + 0.65f * em), 0.2f * em, p.accent);
    y += k.text(dl, f.body, ImVec2(x0 + 1.2f * em, y), p.text, line, wrap - 1.2f * em).y + 0.5f * em;
  }
  // Two equal buttons, neither highlighted: nothing is chosen for the person.
  if (narrow) {
    float bw = vs.x - 4 * em;
    float by = std::max(y + 1.5f * em, vs.y - 8.0f * em);
    if (k.button("Yes, introduce me", ImVec2(2 * em, by), ImVec2(bw, 3.0f * em), Kit::Style::secondary, f.body))
      out.push_back({Intent::Kind::invite_yes, {}});
    if (k.button("Not now", ImVec2(2 * em, by + 3.6f * em), ImVec2(bw, 3.0f * em), Kit::Style::secondary, f.body))
      out.push_back({Intent::Kind::invite_not_now, {}});
  } else {
    float bw = std::min(14 * em, (vs.x - 5 * em) / 2);
    float by = std::max(y + 2 * em, vs.y - 6.5f * em);
    if (k.button("Yes, introduce me", ImVec2(vs.x / 2 - bw - 0.5f * em, by), ImVec2(bw, 3.2f * em), Kit::Style::secondary))
      out.push_back({Intent::Kind::invite_yes, {}});
    if (k.button("Not now", ImVec2(vs.x / 2 + 0.5f * em, by), ImVec2(bw, 3.2f * em), Kit::Style::secondary))
      out.push_back({Intent::Kind::invite_not_now, {}});
  }
  end_screen();
}

namespace {

// Chips, wrapped into rows, in a child window that scrolls by drag.
void chips(const KioskState& s, const Onboarding& o, Kit& k, ImVec2 a, ImVec2 b, std::vector<Intent>& out) {
  const Fonts& f = k.fonts();
  float em = k.em();
  const auto& picked = o.picked[o.step];
  // Their own tags (typed, or kept from an earlier visit) first, then the event's topics.
  std::vector<std::string> all;
  for (const auto& t : picked)
    if (std::find(o.topics.begin(), o.topics.end(), t) == o.topics.end()) all.push_back(t);
  all.insert(all.end(), o.topics.begin(), o.topics.end());
  ImGui::SetCursorScreenPos(a);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
  ImGui::BeginChild("chips", ImVec2(b.x - a.x, b.y - a.y), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  drag_to_scroll();
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float w = b.x - a.x, x = 0, y = 0, h = 2.6f * em, gap = 0.6f * em;
  for (size_t i = 0; i < all.size(); ++i) {
    float cw = std::min(w, k.measure(f.body, all[i]).x + 2.2f * em);
    if (x > 0 && x + cw > w) {
      x = 0;
      y += h + gap;
    }
    bool on = std::find(picked.begin(), picked.end(), all[i]) != picked.end();
    std::string id = fmt::format("{}##chip{}", all[i], i);
    if (k.button(id.c_str(), ImVec2(origin.x + x, origin.y + y), ImVec2(cw, h),
                 on ? Kit::Style::primary : Kit::Style::secondary, f.body))
      out.push_back({Intent::Kind::pick_toggle, all[i]});
    x += cw + gap;
  }
  (void)s;
  ImGui::Dummy(ImVec2(w, y + h + gap));
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace

void screen_picker(const KioskState& s, Kit& k, std::vector<Intent>& out) {
  const Palette& p = k.pal();
  const Fonts& f = k.fonts();
  begin_screen("picker", p.background);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 vs = ImGui::GetMainViewport()->Size;
  float em = k.em();
  if (!s.onboarding) {
    end_screen();
    return;
  }
  const Onboarding& o = *s.onboarding;
  float margin = 2 * em;
  bool narrow = vs.x < 34 * em;  // a portrait totem: smaller title, the bar on two rows
  k.text(dl, f.body, ImVec2(margin, 1.0f * em), p.muted, fmt::format("Step {} of {}", o.step + 1, kPickerSteps));
  float y = 2.4f * em;
  y += k.text(dl, narrow ? f.large : f.huge, ImVec2(margin, y), p.text, kPickerTitles[o.step], vs.x - 2 * margin).y;
  y += 0.4f * em;
  std::string hint = o.picked[o.step].empty() ? std::string("Tap a few, or skip this step.")
                                              : fmt::format("{} picked", o.picked[o.step].size());
  if (!o.error.empty()) hint = o.error;
  y += k.text(dl, f.body, ImVec2(margin, y), o.error.empty() ? p.muted : p.warn, hint, vs.x - 2 * margin).y;
  y += 0.8f * em;

  float bar_h = 3.0f * em, bar_y = vs.y - bar_h - 1.2f * em;
  if (o.typing) {
    // Their own tag: the field, the keyboard, "Add" and "Cancel".
    float kb_h = keyboard_height(k);
    float kb_y = bar_y - kb_h - 1.0f * em;
    ImVec2 qa(margin, y), qb(vs.x - margin, y + 3 * em);
    dl->AddRectFilled(qa, qb, p.surface, 0.5f * em);
    dl->AddRect(qa, qb, p.accent, 0.5f * em, 0, std::max(2.0f, em / 12));
    if (o.typed.empty())
      k.text(dl, f.large, ImVec2(qa.x + em, qa.y + 0.6f * em), p.muted, "Type your own");
    else
      k.text(dl, f.large, ImVec2(qa.x + em, qa.y + 0.6f * em), p.text, o.typed);
    on_screen_keyboard(k, ImVec2(margin, kb_y), vs.x - 2 * margin, out);
    float bw = std::min(12 * em, (vs.x - 2 * margin - em) / 2);
    if (k.button("Cancel##typed", ImVec2(margin, bar_y), ImVec2(bw, bar_h), Kit::Style::secondary))
      out.push_back({Intent::Kind::pick_cancel_typed, {}});
    if (k.button("Add", ImVec2(vs.x - margin - bw, bar_y), ImVec2(bw, bar_h), Kit::Style::primary))
      out.push_back({Intent::Kind::pick_add_typed, {}});
    end_screen();
    return;
  }

  // One row: their own tag, the next step, and "Done" (finishes everything at once); on a
  // narrow screen "Type my own" gets a row of its own above the other two.
  float gap = 0.8f * em;
  float bw = narrow ? (vs.x - 2 * margin - gap) / 2 : std::min(13 * em, (vs.x - 2 * margin - 2 * gap) / 3);
  float own_y = narrow ? bar_y - bar_h - gap : bar_y;
  chips(s, o, k, ImVec2(margin, y), ImVec2(vs.x - margin, own_y - 1.0f * em), out);
  if (k.button("Type my own", ImVec2(margin, own_y), ImVec2(narrow ? vs.x - 2 * margin : bw, bar_h), Kit::Style::quiet,
               f.body))
    out.push_back({Intent::Kind::pick_type_own, {}});
  bool last = o.step + 1 == kPickerSteps;
  if (!last) {
    const char* next = o.picked[o.step].empty() ? "Skip" : "Next";
    if (k.button(next, ImVec2(vs.x - margin - 2 * bw - gap, bar_y), ImVec2(bw, bar_h), Kit::Style::secondary))
      out.push_back({Intent::Kind::pick_next, {}});
  }
  if (k.button("Done", ImVec2(vs.x - margin - bw, bar_y), ImVec2(bw, bar_h), Kit::Style::primary))
    out.push_back({Intent::Kind::pick_done, {}});
  end_screen();
}

}  // namespace rapport::ui
