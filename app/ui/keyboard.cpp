// The on-screen keyboard (no physical keyboard at a kiosk): letters, space, delete and
// clear, emitted as the search_type / search_backspace / search_clear intents; KioskUi
// sends them to the field of the screen in front (the name search, a tag being typed).
#include <fmt/format.h>

#include "ui/screens.hpp"

namespace rapport::ui {

namespace {
constexpr float kKeyHeightEm = 2.7f;
constexpr float kGapEm = 0.35f;
}  // namespace

float keyboard_height(const Kit& k) { return (4 * kKeyHeightEm + 3 * kGapEm) * k.em(); }

void on_screen_keyboard(Kit& k, ImVec2 origin, float width, std::vector<Intent>& out) {
  static const char* rows[] = {"QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"};
  float em = k.em();
  float gap = kGapEm * em;
  float key = (width - 9 * gap) / 10;
  float kh = kKeyHeightEm * em;
  for (int r = 0; r < 3; ++r) {
    std::string_view row = rows[r];
    float rw = row.size() * key + (row.size() - 1) * gap;
    float x = origin.x + (width - rw) / 2;
    float y = origin.y + r * (kh + gap);
    for (size_t i = 0; i < row.size(); ++i) {
      std::string label = fmt::format("{}##key", row[i]);
      if (k.button(label.c_str(), ImVec2(x + i * (key + gap), y), ImVec2(key, kh), Kit::Style::secondary))
        out.push_back({Intent::Kind::search_type, std::string(1, static_cast<char>(row[i] - 'A' + 'a'))});
    }
  }
  float y = origin.y + 3 * (kh + gap);
  float wide = 3 * key + 2 * gap;
  if (k.button("Clear##key", ImVec2(origin.x, y), ImVec2(wide, kh), Kit::Style::quiet))
    out.push_back({Intent::Kind::search_clear, {}});
  if (k.button("Space##key", ImVec2(origin.x + wide + gap, y), ImVec2(width - 2 * (wide + gap), kh), Kit::Style::secondary))
    out.push_back({Intent::Kind::search_type, " "});
  if (k.button("Delete##key", ImVec2(origin.x + width - wide, y), ImVec2(wide, kh), Kit::Style::secondary))
    out.push_back({Intent::Kind::search_backspace, {}});
}

}  // namespace rapport::ui
