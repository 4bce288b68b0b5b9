// The attract screen's language chips: one per catalog, each in its own language, so a
// visitor who reads none of the others still finds theirs. The pick holds for the next
// person; their own roster language, when known, wins after their scan.
#include <fmt/format.h>

#include "ui/screens.hpp"

namespace rapport::ui {

float draw_language_chips(const KioskState& s, Kit& k, ImVec2 top_right, std::vector<Intent>& out) {
  if (s.languages.size() < 2) return 0;
  const Fonts& f = k.fonts();
  float em = k.em(), gap = 0.4f * em, h = 2.4f * em;
  float x = top_right.x;
  for (auto it = s.languages.rbegin(); it != s.languages.rend(); ++it) {
    const auto& [code, name] = *it;
    float w = std::max(5.0f * em, k.measure(f.body, name).x + 1.6f * em);
    x -= w;
    std::string label = fmt::format("{}##lang-{}", name, code);
    auto style = code == s.language ? Kit::Style::primary : Kit::Style::quiet;
    if (k.button(label.c_str(), ImVec2(x, top_right.y), ImVec2(w, h), style, f.body) && code != s.language)
      out.push_back({Intent::Kind::set_language, code});
    x -= gap;
  }
  return h;
}

}  // namespace rapport::ui
