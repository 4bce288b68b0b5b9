// Walk-in at the door: first name, last name and email with the on-screen keyboard, the
// consent question, then check-in and badge in one go (the desk adds, checks in, prints).
#include <fmt/format.h>

#include "ui/screens.hpp"

namespace rapport::ui {

void screen_walkin(const KioskState& s, Kit& k, std::vector<Intent>& out) {
  const Palette& p = k.pal();
  const Fonts& f = k.fonts();
  begin_screen("walkin", p.background);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 vs = ImGui::GetMainViewport()->Size;
  float em = k.em();
  float margin = 2 * em;
  float w = vs.x - 2 * margin;
  const WalkinForm& form = s.walkin;

  k.text(dl, f.large, ImVec2(margin, 1.2f * em), p.text, "Walk-in");
  if (k.button("Back", ImVec2(vs.x - margin - 9 * em, 0.8f * em), k.em2(9, 2.6f), Kit::Style::secondary))
    out.push_back({Intent::Kind::open_staff, {}});

  // Three fields; tap one to type into it.
  bool wide = vs.x > vs.y;
  float fh = 2.6f * em, gap = 0.5f * em;
  float fw = wide ? (w - 2 * em) / 3 : w;
  float y = 4.4f * em;
  const char* names[] = {"First name", "Last name", "Email"};
  const std::string* values[] = {&form.first, &form.last, &form.email};
  for (int i = 0; i < 3; ++i) {
    ImVec2 a(margin + (wide ? i * (fw + em) : 0), y + (wide ? 0 : i * (fh + 1.2f * em + gap)));
    k.text(dl, f.small, a, p.muted, i == 0 ? "First name (needed)" : names[i]);
    a.y += 1.1f * em;
    ImVec2 b(a.x + fw, a.y + fh);
    std::string id = fmt::format("{}##field{}", values[i]->empty() ? names[i] : *values[i], i);
    if (k.button(id.c_str(), a, ImVec2(fw, fh), i == form.field ? Kit::Style::primary : Kit::Style::secondary, f.body))
      out.push_back({Intent::Kind::walkin_field, std::to_string(i)});
    (void)b;
  }
  y += wide ? fh + 1.1f * em + gap : 3 * (fh + 1.2f * em + gap);
  y += 0.4f * em;

  // The consent question, asked as the roster's import asks it.
  y += k.text(dl, f.body, ImVec2(margin, y), p.text, "May we introduce you to other attendees today?", w).y;
  y += 0.4f * em;
  float cb = 8 * em;
  if (k.button("Yes##consent", ImVec2(margin, y), ImVec2(cb, fh), form.consent == 1 ? Kit::Style::primary : Kit::Style::secondary))
    out.push_back({Intent::Kind::walkin_consent, "yes"});
  if (k.button("No##consent", ImVec2(margin + cb + em, y), ImVec2(cb, fh),
               form.consent == 0 ? Kit::Style::primary : Kit::Style::secondary))
    out.push_back({Intent::Kind::walkin_consent, "no"});
  const char* go = form.sending ? "One moment...##go" : s.printing ? "Check in & print##go" : "Check in##go";
  float gw = 13 * em;
  if (k.button(go, ImVec2(vs.x - margin - gw, y), ImVec2(gw, fh)) && !form.sending)
    out.push_back({Intent::Kind::walkin_submit, {}});
  y += fh + 0.5f * em;
  if (!form.error.empty()) k.text(dl, f.body, ImVec2(margin, y), p.bad, form.error, w);
  else if (!s.staff.printer.empty() && s.printing) k.text(dl, f.body, ImVec2(margin, y), p.bad, s.staff.printer, w);

  float kb_h = onscreen_keyboard_height(k, true);
  onscreen_keyboard(k, ImVec2(margin, vs.y - kb_h - 0.8f * em), w, true, out);
  end_screen();
}

}  // namespace rapport::ui
