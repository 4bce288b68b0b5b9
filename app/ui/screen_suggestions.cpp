// "Talk to these two people": two cards side by side, each with the person's initials,
// first name (large) and full name as printed on the badge, where they were last seen,
// why (the kind and one or two reasons), an opening question and "We met!".
#include <fmt/format.h>

#include <algorithm>

#include "core/kiosk/matcher_bridge.hpp"
#include "ui/screens.hpp"

namespace rapport::ui {

namespace {
ImU32 kind_colour(SuggestionKind kind, const Palette& p) {
  switch (kind) {
    case SuggestionKind::you_could_help: return p.good;
    case SuggestionKind::they_could_help: return p.info;
    case SuggestionKind::shared_interest: return p.accent;
    case SuggestionKind::outside_your_circle: return p.warn;
    case SuggestionKind::looking_for_you: return IM_COL32(0xC7, 0x8B, 0xE8, 0xFF);
  }
  return p.accent;
}

void card(const Suggestion& sug, int index, Kit& k, ImDrawList* dl, ImVec2 a, ImVec2 b,
          std::vector<Intent>& out) {
  const Palette& p = k.pal();
  const Fonts& f = k.fonts();
  float em = k.em();
  dl->AddRectFilled(a, b, p.surface, 0.8f * em);
  ImU32 kc = kind_colour(sug.kind, p);
  float pad = 1.4f * em;
  float x = a.x + pad, w = b.x - a.x - 2 * pad;
  float y = a.y + pad;
  draw_avatar(k, dl, ImVec2(x + 2.2f * em, y + 2.2f * em), 2.2f * em, kc, sug.initials);
  float tx = x + 5.4f * em, tw = w - 5.4f * em;
  float ty = y - 0.1f * em;
  ty += k.text(dl, f.huge, ImVec2(tx, ty), p.text, sug.person.first_name).y;
  // The full name as printed on the badge, so the attendee can read it across the room.
  if (sug.person.name != sug.person.first_name)
    ty += k.text(dl, f.body, ImVec2(tx, ty), p.text, sug.person.name, tw).y;
  ty += 0.4f * em;
  // The kind as a label chip: words, with the colour only as a second cue.
  std::string_view label = card_label(sug.kind);
  ImVec2 ls = k.measure(f.body, label);
  ImVec2 ca(tx, ty), cb(ca.x + ls.x + 1.2f * em, ca.y + ls.y + 0.4f * em);
  dl->AddRectFilled(ca, cb, with_alpha(kc, 0.22f), 0.5f * em);
  dl->AddRect(ca, cb, kc, 0.5f * em, 0, std::max(1.5f, em / 14));
  k.text(dl, f.body, ImVec2(ca.x + 0.6f * em, ca.y + 0.2f * em), p.text, label);
  y = std::max(y + 5.6f * em, cb.y + 0.8f * em);
  // Where to look: "last scanned at the coffee bar, 4 min ago".
  if (!sug.seen_line.empty()) {
    draw_icon(dl, Icon::clock, ImVec2(x + 0.55f * em, y + 0.6f * em), 0.5f * em, p.muted, p.surface);
    y += k.text(dl, f.body, ImVec2(x + 1.4f * em, y), p.muted, sug.seen_line, w - 1.4f * em).y + 0.6f * em;
  }
  // What fits above the button, in this order: the first reason, the opening question,
  // the second reason. Nothing is drawn over the button on a small or crowded screen.
  float button_top = b.y - pad - 2.8f * em;
  auto reason_h = [&](size_t i) { return k.measure(f.body, sug.reasons[i], w - 0.9f * em).y + 0.5f * em; };
  float starter_h = sug.starter.empty() ? 0 : 0.4f * em + k.measure(f.body, sug.starter, w - 2.0f * em).y + 1.2f * em;
  size_t reasons = std::min<size_t>(sug.reasons.size(), 2);
  bool starter = !sug.starter.empty();
  auto height = [&] {
    float h = starter ? starter_h : 0;
    for (size_t i = 0; i < reasons; ++i) h += reason_h(i);
    return h;
  };
  float room = button_top - 0.5f * em - y;
  if (height() > room && reasons > 1) reasons = 1;
  if (height() > room) starter = false;
  if (height() > room) reasons = 0;
  for (size_t i = 0; i < reasons; ++i) {
    dl->AddCircleFilled(ImVec2(x + 0.3f * em, y + 0.62f * em), 0.18f * em, kc);
    y += k.text(dl, f.body, ImVec2(x + 0.9f * em, y), p.text, sug.reasons[i], w - 0.9f * em).y + 0.5f * em;
  }
  if (starter) {
    y += 0.4f * em;
    float sh = starter_h - 0.4f * em;
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + sh), p.surface_high, 0.5f * em);
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + 0.25f * em, y + sh), kc, 0.1f * em);
    k.text(dl, f.body, ImVec2(x + 1.0f * em, y + 0.6f * em), p.text, sug.starter, w - 2.0f * em);
  }
  std::string id = fmt::format("We met!##card{}", index);
  if (k.button(id.c_str(), ImVec2(x, b.y - pad - 2.8f * em), ImVec2(w, 2.8f * em)))
    out.push_back({Intent::Kind::start_we_met, sug.person.id});
}
}  // namespace

void screen_suggestions(const KioskState& s, Kit& k, std::vector<Intent>& out) {
  const Palette& p = k.pal();
  const Fonts& f = k.fonts();
  begin_screen("suggestions", p.background);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 vs = ImGui::GetMainViewport()->Size;
  float em = k.em();
  if (!s.suggestions) {
    end_screen();
    return;
  }
  const SuggestionSet& set = *s.suggestions;
  bool fresh = s.door && s.door->checkin.outcome == CheckinOutcome::checked_in;
  std::string hello = fresh ? fmt::format("Welcome, {}!", set.for_person.first_name)
                            : fmt::format("Hi {}", set.for_person.first_name);
  float margin = 2.0f * em;
  k.text(dl, f.huge, ImVec2(margin, 1.0f * em), p.text, hello);
  const char* sub = set.suggestions.size() >= 2 ? "Two people worth meeting right now"
                    : set.suggestions.size() == 1 ? "Someone worth meeting right now"
                                                  : "Nobody new to suggest just now";
  k.text(dl, f.large, ImVec2(margin, 4.0f * em), p.muted, sub);
  draw_progress_to_three(k, dl, ImVec2(vs.x - margin - 19 * em, 1.6f * em), set.connections_today);

  bool intro = !set.introductions.empty();
  float top = 6.6f * em, bottom = vs.y - (intro ? 9.6f : 4.8f) * em;
  float gap = 1.4f * em;
  size_t n = std::min<size_t>(set.suggestions.size(), 2);
  if (n == 0) {
    k.text_centred(dl, f.large, 0, vs.x, (top + bottom) / 2 - em, p.text,
                   set.note.empty() ? "More people are arriving - scan again in a little while." : set.note,
                   vs.x * 0.7f);
  } else {
    float cw = (vs.x - 2 * margin - gap) / 2;
    float x0 = n == 1 ? (vs.x - cw) / 2 : margin;
    for (size_t i = 0; i < n; ++i) {
      ImVec2 a(x0 + i * (cw + gap), top), b(a.x + cw, bottom);
      card(set.suggestions[i], static_cast<int>(i), k, dl, a, b, out);
    }
  }
  if (intro) {
    const Introduction& in = set.introductions.front();
    ImVec2 a(margin, bottom + gap), b(vs.x - margin, bottom + gap + 3.4f * em);
    dl->AddRectFilled(a, b, p.surface, 0.6f * em);
    draw_icon(dl, Icon::people, ImVec2(a.x + 1.8f * em, (a.y + b.y) / 2), 1.1f * em, p.accent,
              IM_COL32(0x10, 0x18, 0x20, 0xFF));
    k.text(dl, f.small, ImVec2(a.x + 3.6f * em, a.y + 0.35f * em), p.muted, "An introduction you could make");
    k.text(dl, f.body, ImVec2(a.x + 3.6f * em, a.y + 1.45f * em), p.text, in.reason, b.x - a.x - 5 * em);
  }
  float by = vs.y - 3.6f * em;
  if (!set.note.empty() && n > 0)
    k.text(dl, f.body, ImVec2(margin, by + 0.7f * em), p.muted, set.note, vs.x - 30 * em);
  if (k.button("I met someone else", ImVec2(vs.x - margin - 24.5f * em, by), k.em2(13, 2.6f), Kit::Style::secondary,
               f.body))
    out.push_back({Intent::Kind::start_we_met, {}});
  if (k.button("Done", ImVec2(vs.x - margin - 10 * em, by), k.em2(10, 2.6f), Kit::Style::secondary))
    out.push_back({Intent::Kind::home, {}});
  end_screen();
}

}  // namespace rapport::ui
