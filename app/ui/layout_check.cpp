#include "ui/layout_check.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace rapport::ui {

namespace {
constexpr float kSlack = 1.0f;  // rounding: a pixel shared by two neighbours is not an overlap

struct Box {
  float x0, y0, x1, y1;
  bool empty() const { return x1 - x0 <= kSlack || y1 - y0 <= kSlack; }
};

Box visible(const Placed& p) {
  return {std::max(p.min.x, p.clip_min.x), std::max(p.min.y, p.clip_min.y), std::min(p.max.x, p.clip_max.x),
          std::min(p.max.y, p.clip_max.y)};
}

bool overlap(const Box& a, const Box& b) {
  return std::min(a.x1, b.x1) - std::max(a.x0, b.x0) > kSlack && std::min(a.y1, b.y1) - std::max(a.y0, b.y0) > kSlack;
}

bool inside(const Placed& in, const Placed& out) {
  return in.min.x >= out.min.x - kSlack && in.min.y >= out.min.y - kSlack && in.max.x <= out.max.x + kSlack &&
         in.max.y <= out.max.y + kSlack;
}

const char* kind_name(Placed::Kind k) {
  switch (k) {
    case Placed::Kind::button: return "button";
    case Placed::Kind::text: return "text";
    case Placed::Kind::shape: return "shape";
  }
  return "?";
}

std::string describe(const Placed& p) {
  std::string label = p.label.size() > 40 ? p.label.substr(0, 37) + "..." : p.label;
  return fmt::format("{} \"{}\" at ({:.0f},{:.0f})-({:.0f},{:.0f})", kind_name(p.kind), label, p.min.x, p.min.y,
                     p.max.x, p.max.y);
}

bool whole_window_clip(const Placed& p, ImVec2 window) {
  return p.clip_min.x <= kSlack && p.clip_min.y <= kSlack && p.clip_max.x >= window.x - kSlack &&
         p.clip_max.y >= window.y - kSlack;
}
}  // namespace

std::vector<std::string> layout_problems(const std::vector<Placed>& placed, ImVec2 window) {
  std::vector<std::string> out;
  for (const auto& p : placed) {
    // Outside the window: judged on the whole box for what the screen itself places; a
    // scrolling list may cut its rows at its own edges, but its edges must be on screen.
    Box b = whole_window_clip(p, window) ? Box{p.min.x, p.min.y, p.max.x, p.max.y} : visible(p);
    if (!whole_window_clip(p, window) && b.empty()) continue;
    if (b.x0 < -kSlack || b.y0 < -kSlack || b.x1 > window.x + kSlack || b.y1 > window.y + kSlack)
      out.push_back(fmt::format("{} lies outside the {:.0f}x{:.0f} window", describe(p), window.x, window.y));
  }
  for (size_t i = 0; i < placed.size(); ++i) {
    Box a = visible(placed[i]);
    if (a.empty()) continue;
    for (size_t j = i + 1; j < placed.size(); ++j) {
      Box b = visible(placed[j]);
      if (b.empty() || !overlap(a, b)) continue;
      const Placed& p = placed[i];
      const Placed& q = placed[j];
      // A label on its own shape (initials in the avatar).
      if (p.kind == Placed::Kind::text && q.kind == Placed::Kind::shape && inside(p, q)) continue;
      if (q.kind == Placed::Kind::text && p.kind == Placed::Kind::shape && inside(q, p)) continue;
      out.push_back(fmt::format("{} overlaps {}", describe(p), describe(q)));
    }
  }
  return out;
}

}  // namespace rapport::ui
