// The staff screens' on-screen keyboard (a kiosk has no physical keyboard): letters, and
// for email addresses digits and @ . - _ as well. Keys emit search_type/backspace/clear;
// KioskUi routes them to the search field or the walk-in form's focused field.
#include <fmt/format.h>

#include "ui/screens.hpp"

namespace rapport::ui {

namespace {
constexpr float kKeyH = 2.7f, kGap = 0.35f;
}

// Narrow screens (a portrait totem, ~17 em wide) get lower keys with body-size labels.
float key_height(const Kit& k, float width) { return (width < 24 * k.em() ? 2.2f : kKeyH) * k.em(); }

float onscreen_keyboard_height(const Kit& k, bool email_keys) {
  int rows = email_keys ? 5 : 4;
  float width = ImGui::GetMainViewport()->Size.x - 4 * k.em();
  return rows * key_height(k, width) + (rows - 1) * kGap * k.em();
}

float onscreen_keyboard(Kit& k, ImVec2 origin, float width, bool email_keys, std::vector<Intent>& out) {
  static const char* letters[] = {"QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"};
  float em = k.em();
  float gap = kGap * em, kh = key_height(k, width);
  ImFont* font = width < 24 * em ? k.fonts().body : nullptr;
  float key = (width - 9 * gap) / 10;
  float y = origin.y;
  auto row_of = [&](std::string_view row, bool lower) {
    float rw = row.size() * key + (row.size() - 1) * gap;
    float x = origin.x + (width - rw) / 2;
    for (size_t i = 0; i < row.size(); ++i) {
      std::string label = fmt::format("{}##key", row[i]);
      char c = row[i];
      if (lower && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (k.button(label.c_str(), ImVec2(x + i * (key + gap), y), ImVec2(key, kh), Kit::Style::secondary, font))
        out.push_back({Intent::Kind::search_type, std::string(1, c)});
    }
    y += kh + gap;
  };
  if (email_keys) row_of("1234567890", false);
  for (auto r : letters) row_of(r, true);
  float wide = 2 * key + gap;
  float x = origin.x;
  if (k.button("Clear##key", ImVec2(x, y), ImVec2(wide, kh), Kit::Style::quiet, font ? k.fonts().small : nullptr))
    out.push_back({Intent::Kind::search_clear, {}});
  x += wide + gap;
  if (email_keys) {
    for (const char* sym : {"@", ".", "-", "_"}) {
      std::string label = fmt::format("{}##key", sym);
      if (k.button(label.c_str(), ImVec2(x, y), ImVec2(key, kh), Kit::Style::secondary, font))
        out.push_back({Intent::Kind::search_type, sym});
      x += key + gap;
    }
  }
  float space_w = origin.x + width - wide - gap - x;
  if (k.button("Space##key", ImVec2(x, y), ImVec2(space_w, kh), Kit::Style::secondary, font ? k.fonts().small : nullptr))
    out.push_back({Intent::Kind::search_type, " "});
  if (k.button("Delete##key", ImVec2(origin.x + width - wide, y), ImVec2(wide, kh), Kit::Style::secondary,
               font ? k.fonts().small : nullptr))
    out.push_back({Intent::Kind::search_backspace, {}});
  return y + kh - origin.y;
}

}  // namespace rapport::ui
