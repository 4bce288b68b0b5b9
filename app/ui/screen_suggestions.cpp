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
  // The name beside the avatar: as large as fits on one line, then shortened with "…".
  float name_w = w - 5.4f * em;
  ImFont* nf = k.fitting_font({f.huge, f.large}, sug.person.first_name, name_w);
  // Scripts with tall marks (Thai, Devanagari) have taller lines: what follows goes under
  // the name's real height.
  float ty = y - 0.1f * em;
  ty += k.text(dl, nf, ImVec2(x + 5.4f * em, ty), p.text, sug.person.first_name, TextBox{name_w, 1}).y;
  // The full name as printed on the badge, so the attendee can find them across the room.
  if (sug.person.name != sug.person.first_name)
    ty += k.text(dl, f.body, ImVec2(x + 5.4f * em, ty), p.text, sug.person.name, TextBox{name_w, 2}).y;
  // The kind as a label chip: words, with the colour only as a second cue.
  std::string_view label = card_label(sug.kind);
  TextBox chip{name_w - 1.2f * em, 1};
  ImVec2 ls = k.measure(f.body, label, chip);
  ImVec2 ca(x + 5.4f * em, std::max(y + 3.0f * em, ty + 0.3f * em));
  ImVec2 cb(ca.x + ls.x + 1.2f * em, ca.y + ls.y + 0.4f * em);
  dl->AddRectFilled(ca, cb, with_alpha(kc, 0.22f), 0.5f * em);
  dl->AddRect(ca, cb, kc, 0.5f * em, 0, std::max(1.5f, em / 14));
  k.text(dl, f.body, ImVec2(ca.x + 0.6f * em, ca.y + 0.2f * em), p.text, label, chip);
  y = std::max(y + 5.6f * em, cb.y + 1.0f * em);
  // Where to look: "last scanned at the coffee bar, 4 min ago".
  if (!sug.seen_line.empty()) {
    draw_icon(dl, Icon::clock, ImVec2(x + 0.55f * em, y + 0.6f * em), 0.5f * em, p.muted, p.surface);
    y += k.text(dl, f.body, ImVec2(x + 1.4f * em, y), p.muted, sug.seen_line, TextBox{w - 1.4f * em, 2}).y + 0.6f * em;
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
  bool portrait = k.portrait();
  float margin = std::min(2.0f * em, vs.x * 0.04f);
  // Landscape: the progress toward three sits top right; portrait: under the heading.
  float progress_w = 19 * em;
  float head_w = portrait ? vs.x - 2 * margin : vs.x - 3 * margin - progress_w;
  ImFont* hf = k.fitting_font({f.huge, f.large}, hello, head_w);
  // Each line goes under the one before at its real height (Arabic, Thai and Devanagari
  // lines are taller than Latin ones at the same size).
  float sub_y = std::max(4.0f * em, 1.0f * em + k.text(dl, hf, ImVec2(margin, 1.0f * em), p.text, hello,
                                                         TextBox{head_w, 1}).y);
  const char* sub = set.suggestions.size() >= 2 ? "Two people worth meeting right now"
                    : set.suggestions.size() == 1 ? "Someone worth meeting right now"
                                                  : "Nobody new to suggest just now";
  float sub_end = sub_y + k.text(dl, f.large, ImVec2(margin, sub_y), p.muted, sub, TextBox{head_w, 1}).y;
  float top = std::max(6.6f * em, sub_end + 0.6f * em);
  if (portrait) {
    draw_progress_to_three(k, dl, ImVec2(margin, sub_end + 0.4f * em), set.connections_today);
    top = sub_end + 2.4f * em;
  } else {
    draw_progress_to_three(k, dl, ImVec2(vs.x - margin - progress_w, 1.6f * em), set.connections_today);
  }

  bool intro = !set.introductions.empty();
  // Portrait: the note gets its own line above the buttons.
  bool note_line = portrait && !set.note.empty();
  float bottom = vs.y - (intro ? 9.6f : 4.8f) * em - (note_line ? 2.6f * em : 0);
  float gap = 1.4f * em;
  size_t n = std::min<size_t>(set.suggestions.size(), 2);
  if (n == 0) {
    k.text_centred(dl, f.large, 0, vs.x, (top + bottom) / 2 - em, p.text,
                   set.note.empty() ? "More people are arriving - scan again in a little while." : set.note,
                   vs.x * 0.8f, 4);
  } else if (portrait) {
    // Cards stack, one above the other, each the full width.
    float ch = n == 2 ? (bottom - top - gap) / 2 : std::min(bottom - top, 24 * em);
    for (size_t i = 0; i < n; ++i) {
      ImVec2 a(margin, top + i * (ch + gap)), b(vs.x - margin, a.y + ch);
      card(set.suggestions[i], static_cast<int>(i), k, dl, a, b, out);
    }
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
    k.text(dl, f.small, ImVec2(a.x + 3.6f * em, a.y + 0.35f * em), p.muted, "An introduction you could make",
           TextBox{b.x - a.x - 4.4f * em, 1});
    k.text(dl, f.body, ImVec2(a.x + 3.6f * em, a.y + 1.45f * em), p.text, in.reason,
           TextBox{b.x - a.x - 4.4f * em, 1});
  }
  float by = vs.y - 3.6f * em;
  if (!set.note.empty() && n > 0) {
    if (note_line)
      k.text(dl, f.body, ImVec2(margin, by - 2.4f * em), p.muted, set.note, TextBox{vs.x - 2 * margin, 1});
    else
      k.text(dl, f.body, ImVec2(margin, by + 0.1f * em), p.muted, set.note, TextBox{vs.x - margin - 26.5f * em, 2});
  }
  if (k.button("I met someone else", ImVec2(vs.x - margin - 24.5f * em, by), k.em2(13, 2.6f), Kit::Style::secondary,
               f.body))
    out.push_back({Intent::Kind::start_we_met, {}});
  if (k.button("Done", ImVec2(vs.x - margin - 10 * em, by), k.em2(10, 2.6f), Kit::Style::secondary))
    out.push_back({Intent::Kind::home, {}});
  end_screen();
}

}  // namespace rapport::ui
