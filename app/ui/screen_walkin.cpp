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
  // A portrait totem is about 17 em wide: smaller Back, fields two to a row, and the
  // consent buttons beside the question's answer row.
  bool wide = w >= 24 * em;
  float back_w = wide ? 9 * em : 6 * em;
  if (k.button("Back", ImVec2(vs.x - margin - back_w, 0.8f * em), ImVec2(back_w, 2.6f * em), Kit::Style::secondary))
    out.push_back({Intent::Kind::open_staff, {}});

  // Three fields; tap one to type into it. Wide: one row; narrow: names, then email.
  float fh = 2.6f * em, gap = 0.5f * em;
  float y = 4.4f * em;
  const char* names[] = {"First name", "Last name", "Email"};
  const std::string* values[] = {&form.first, &form.last, &form.email};
  for (int i = 0; i < 3; ++i) {
    float fw = wide ? (w - 2 * em) / 3 : i < 2 ? (w - em) / 2 : w;
    ImVec2 a(margin + (wide ? i * (fw + em) : i == 1 ? fw + em : 0), y + (wide || i < 2 ? 0 : fh + 1.1f * em + gap));
    k.text(dl, f.small, a, p.muted, i == 0 ? "First name (needed)" : names[i]);
    a.y += 1.1f * em;
    std::string id = fmt::format("{}##field{}", values[i]->empty() ? names[i] : *values[i], i);
    if (k.button(id.c_str(), a, ImVec2(fw, fh), i == form.field ? Kit::Style::primary : Kit::Style::secondary, f.body))
      out.push_back({Intent::Kind::walkin_field, std::to_string(i)});
  }
  y += (wide ? 1 : 2) * (fh + 1.1f * em + gap);
  y += 0.4f * em;

  // The consent question, asked as the roster's import asks it.
  y += k.text(dl, f.body, ImVec2(margin, y), p.text, "May we introduce you to other attendees today?", w).y;
  y += 0.4f * em;
  float cb = wide ? 8 * em : 4 * em;
  if (k.button("Yes##consent", ImVec2(margin, y), ImVec2(cb, fh), form.consent == 1 ? Kit::Style::primary : Kit::Style::secondary))
    out.push_back({Intent::Kind::walkin_consent, "yes"});
  if (k.button("No##consent", ImVec2(margin + cb + em, y), ImVec2(cb, fh),
               form.consent == 0 ? Kit::Style::primary : Kit::Style::secondary))
    out.push_back({Intent::Kind::walkin_consent, "no"});
  const char* go = form.sending ? "One moment...##go" : s.printing ? "Check in & print##go" : "Check in##go";
  float gw = wide ? 13 * em : w - 2 * cb - 2 * em;
  if (k.button(go, ImVec2(vs.x - margin - gw, y), ImVec2(gw, fh), Kit::Style::primary, wide ? nullptr : f.body) &&
      !form.sending)
    out.push_back({Intent::Kind::walkin_submit, {}});
  y += fh + 0.5f * em;
  if (!form.error.empty()) k.text(dl, f.body, ImVec2(margin, y), p.bad, form.error, w);
  else if (!s.staff.printer.empty() && s.printing) k.text(dl, f.body, ImVec2(margin, y), p.bad, s.staff.printer, w);

  float kb_h = onscreen_keyboard_height(k, true);
  onscreen_keyboard(k, ImVec2(margin, vs.y - kb_h - 0.8f * em), w, true, out);
  end_screen();
}

}  // namespace rapport::ui
