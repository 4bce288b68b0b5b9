// The staff PIN pad. Digits show as dots; the PIN is checked off the UI thread and five
// wrong tries lock the pad for a minute.
#include <fmt/format.h>

#include "ui/screens.hpp"

namespace rapport::ui {

void screen_pin(const KioskState& s, Kit& k, std::vector<Intent>& out) {
  const Palette& p = k.pal();
  const Fonts& f = k.fonts();
  begin_screen("pin", p.background);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 vs = ImGui::GetMainViewport()->Size;
  float em = k.em();
  float y = 1.6f * em;
  y += k.text_centred(dl, f.large, 0, vs.x, y, p.text,
                      s.pin_purpose == PinPurpose::admin   ? "Staff only - enter the PIN"
                      : s.pin_purpose == PinPurpose::staff ? "Staff tools - enter the PIN (or scan a staff card)"
                                                           : "Staff search - enter the PIN");
  y += 0.6f * em;
  // Dots for the digits entered.
  float r = 0.45f * em;
  int n = static_cast<int>(s.pin_digits.size());
  int slots = std::max(4, n);
  float dx = 1.6f * em, x0 = vs.x / 2 - (slots - 1) * dx / 2;
  for (int i = 0; i < slots; ++i) {
    ImVec2 c(x0 + i * dx, y + r);
    if (i < n) dl->AddCircleFilled(c, r, p.text, 24);
    else dl->AddCircle(c, r, p.muted, 24, 2);
  }
  y += 2 * r + 0.6f * em;
  ImU32 mc = s.pin_message.rfind("Wrong", 0) == 0 || s.pin_message.rfind("Locked", 0) == 0 ? p.bad : p.muted;
  k.text_centred(dl, f.body, 0, vs.x, y, mc, s.pin_checking ? "Checking..." : s.pin_message);
  y += 2.0f * em;

  float key = 5.2f * em, kh = 3.0f * em, gap = 0.6f * em;
  float gx = (vs.x - 3 * key - 2 * gap) / 2;
  static const char* labels[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
  for (int i = 0; i < 9; ++i) {
    ImVec2 pos(gx + (i % 3) * (key + gap), y + (i / 3) * (kh + gap));
    if (k.button(labels[i], pos, ImVec2(key, kh), Kit::Style::secondary))
      out.push_back({Intent::Kind::pin_digit, labels[i]});
  }
  float y4 = y + 3 * (kh + gap);
  if (k.button("Delete", ImVec2(gx, y4), ImVec2(key, kh), Kit::Style::quiet, f.body))
    out.push_back({Intent::Kind::pin_backspace, {}});
  if (k.button("0", ImVec2(gx + key + gap, y4), ImVec2(key, kh), Kit::Style::secondary))
    out.push_back({Intent::Kind::pin_digit, "0"});
  if (k.button("OK", ImVec2(gx + 2 * (key + gap), y4), ImVec2(key, kh)))
    out.push_back({Intent::Kind::pin_submit, {}});
  if (k.button("Cancel", ImVec2(vs.x - 12 * em, vs.y - 3.6f * em), k.em2(10, 2.6f), Kit::Style::secondary))
    out.push_back({Intent::Kind::home, {}});
  end_screen();
}

}  // namespace rapport::ui
