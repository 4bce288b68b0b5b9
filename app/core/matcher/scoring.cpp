#include "core/matcher/scoring.hpp"

#include <algorithm>

namespace rapport::matching {

double combine(const PairSignals& s) {
  double for_u = s.interest + s.personal + kTake * s.take;
  double for_v = s.interest + s.personal + kGive * s.give;
  double sum = for_u + for_v;
  if (sum <= 0) return 0;
  return 2.0 * for_u * for_v / sum + kOneSided * sum / 2.0;
}

namespace {
double shared_weight(const Index& index, std::span<const TagId> a, std::span<const TagId> b, TagKind weight_kind) {
  double w = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      w += index.weight(weight_kind, a[i]);
      ++i;
      ++j;
    }
  }
  return w;
}
}  // namespace

PairSignals score_pair(const Index& index, PersonIx u, PersonIx v) {
  PairSignals s;
  s.interest = shared_weight(index, index.tags(u, TagKind::interest), index.tags(v, TagKind::interest), TagKind::interest);
  s.personal = shared_weight(index, index.tags(u, TagKind::personal), index.tags(v, TagKind::personal), TagKind::personal);
  s.give = shared_weight(index, index.tags(u, TagKind::can_help_with), index.tags(v, TagKind::looking_for),
                         TagKind::looking_for);
  s.take = shared_weight(index, index.tags(u, TagKind::looking_for), index.tags(v, TagKind::can_help_with),
                         TagKind::can_help_with);
  return s;
}

SuggestionKind dominant_kind(const PairSignals& s) {
  double give = kGive * s.give, take = kTake * s.take;
  SuggestionKind best = SuggestionKind::you_could_help;
  double top = give;
  if (take > top) best = SuggestionKind::they_could_help, top = take;
  if (s.interest > top) best = SuggestionKind::shared_interest, top = s.interest;
  if (s.personal > top) best = SuggestionKind::outside_your_circle, top = s.personal;
  if (top <= 0) return SuggestionKind::outside_your_circle;  // nothing shared: someone new
  return best;
}

std::vector<SharedTag> shared_tags(const Index& index, PersonIx u, TagKind uk, PersonIx v, TagKind vk) {
  std::vector<SharedTag> out;
  auto a = index.tags(u, uk), b = index.tags(v, vk);
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      out.push_back({a[i], index.weight(vk, a[i])});
      ++i;
      ++j;
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const SharedTag& x, const SharedTag& y) { return x.weight > y.weight; });
  return out;
}

double tag_jaccard(const Index& index, PersonIx a, PersonIx b) {
  auto all = [&](PersonIx p) {
    std::vector<TagId> t;
    for (int k = 0; k < kTagKindCount; ++k) {
      auto s = index.tags(p, static_cast<TagKind>(k));
      t.insert(t.end(), s.begin(), s.end());
    }
    std::sort(t.begin(), t.end());
    t.erase(std::unique(t.begin(), t.end()), t.end());
    return t;
  };
  auto x = all(a), y = all(b);
  if (x.empty() && y.empty()) return 0;
  std::vector<TagId> both;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(both));
  return static_cast<double>(both.size()) / static_cast<double>(x.size() + y.size() - both.size());
}

}  // namespace rapport::matching
