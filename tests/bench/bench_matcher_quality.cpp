// The matcher's quality on synthetic events with planted ground truth
// (tests/unit/support/planted_event.hpp), over a simulated day of scans, next to a plain
// "most shared tags" baseline that obeys the same hard rules. Figures are counters:
//   violations     suggestions that break a hard rule (self, absent, met, no consent,
//                  cancelled/blocked, opted out): must be 0
//   precision_at_2 share of suggestions that are a planted partner
//   give_share     share of suggestions where the scanner can help with what the other looks for
//   coverage       share of suggestable people suggested at least once
//   gini, max_mean exposure inequality (how many times each person was suggested)
//   star_ratio     mean exposure of the stars / mean exposure of everyone
//   diversity      mean 1 - Jaccard of the two suggestions' tag sets
//   personal_slot  share of two-person sets with a personal-interest card
#include <benchmark/benchmark.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "../unit/support/planted_event.hpp"
#include "core/util/text.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

const TimePoint kNine = *parse_iso8601("2026-11-21T09:00:00.000Z");

std::set<std::string> tag_set(const Attendee& a) {
  std::set<std::string> s;
  for (auto& k : a.tags)
    for (auto& t : k) s.insert(tag_key(t));
  return s;
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t both = 0;
  for (auto& x : a) both += b.count(x);
  size_t any = a.size() + b.size() - both;
  return any ? static_cast<double>(both) / static_cast<double>(any) : 0;
}

bool gives(const Attendee& u, const Attendee& v) {
  for (auto& t : u.tags_of(TagKind::can_help_with))
    for (auto& w : v.tags_of(TagKind::looking_for))
      if (tag_key(t) == tag_key(w)) return true;
  return false;
}

// "Most shared tags": count every tag the two have in the same role, plus each
// can-help/looking-for match either way; no rarity, no reciprocity, no fairness.
class Baseline {
 public:
  explicit Baseline(const PlantedEvent& ev) : ev_(ev) {
    for (auto& a : ev.snapshot.attendees) sets_.push_back(kind_sets(a));
  }
  std::vector<uint32_t> suggest(uint32_t u, const std::vector<uint32_t>& eligible) const {
    std::vector<std::pair<int, uint32_t>> scored;
    for (uint32_t v : eligible) {
      if (v == u) continue;
      int n = 0;
      for (int k = 0; k < 2; ++k) n += shared(sets_[u][k], sets_[v][k]);
      n += shared(sets_[u][3], sets_[v][2]) + shared(sets_[u][2], sets_[v][3]);
      scored.push_back({n, v});
    }
    std::stable_sort(scored.begin(), scored.end(), [](auto& a, auto& b) { return a.first > b.first; });
    std::vector<uint32_t> out;
    for (size_t i = 0; i < scored.size() && i < 2; ++i) out.push_back(scored[i].second);
    return out;
  }

 private:
  static std::array<std::set<std::string>, 4> kind_sets(const Attendee& a) {
    std::array<std::set<std::string>, 4> s;
    for (int k = 0; k < 4; ++k)
      for (auto& t : a.tags[k]) s[k].insert(tag_key(t));
    return s;
  }
  static int shared(const std::set<std::string>& a, const std::set<std::string>& b) {
    int n = 0;
    for (auto& x : a) n += static_cast<int>(b.count(x));
    return n;
  }
  const PlantedEvent& ev_;
  std::vector<std::array<std::set<std::string>, 4>> sets_;
};

struct Quality {
  double violations = 0, precision = 0, give_share = 0, coverage = 0, gini = 0, max_mean = 0, star_ratio = 0,
         diversity = 0, personal_slot = 0, queries = 0;
};

// A day: 8 hours, each present person scans about three times; after a scan, the
// person meets their first suggestion 40% of the time.
Quality simulate_day(const PlantedEvent& ev, bool use_matcher) {
  const auto& people = ev.snapshot.attendees;
  size_t n = people.size();
  std::vector<bool> present(n), suggestable(n);
  for (auto& id : ev.snapshot.present) present[ev.index_of.at(id)] = true;
  std::vector<uint32_t> floor;
  for (uint32_t i = 0; i < n; ++i) {
    const auto& a = people[i];
    suggestable[i] = present[i] && a.consent && !a.suggest_opt_out && a.status == AttendeeStatus::active;
    if (suggestable[i]) floor.push_back(i);
  }
  std::vector<uint32_t> scanners;
  for (uint32_t i = 0; i < n; ++i)
    if (present[i] && people[i].status == AttendeeStatus::active) scanners.push_back(i);
  auto matcher = Matcher::build_from(ev.snapshot, {}, fixed_clock(kNine));
  Baseline baseline(ev);
  std::set<std::pair<uint32_t, uint32_t>> met;
  auto pair = [](uint32_t a, uint32_t b) { return a < b ? std::pair{a, b} : std::pair{b, a}; };
  std::vector<double> exposure(n, 0);
  std::mt19937 rng(99);
  size_t scans = scanners.size() * 3;
  double hits = 0, total = 0, give = 0, div = 0, sets_of_two = 0, personal = 0, violations = 0;
  for (size_t q = 0; q < scans; ++q) {
    uint32_t u = scanners[rng() % scanners.size()];
    TimePoint now = kNine + std::chrono::milliseconds(static_cast<int64_t>(8.0 * 3600e3 * static_cast<double>(q) / static_cast<double>(scans)));
    std::vector<uint32_t> got;
    std::vector<SuggestionKind> kinds;
    if (use_matcher) {
      auto r = matcher->suggest(people[u].id, SuggestOptions{2}, now);
      if (!r.ok()) continue;
      for (auto& s : r->suggestions) got.push_back(ev.index_of.at(s.person.id)), kinds.push_back(s.kind);
    } else {
      std::vector<uint32_t> eligible;
      for (uint32_t v : floor)
        if (v != u && !met.count(pair(u, v))) eligible.push_back(v);
      got = baseline.suggest(u, eligible);
    }
    for (uint32_t v : got) {
      if (v == u || !suggestable[v] || met.count(pair(u, v))) ++violations;
      hits += ev.is_planted(u, v);
      give += gives(people[u], people[v]);
      exposure[v] += 1;
      ++total;
    }
    if (got.size() == 2) {
      ++sets_of_two;
      div += 1.0 - jaccard(tag_set(people[got[0]]), tag_set(people[got[1]]));
      personal += std::count(kinds.begin(), kinds.end(), SuggestionKind::outside_your_circle) > 0;
    }
    if (!got.empty() && rng() % 10 < 4) {
      met.insert(pair(u, got[0]));
      matcher->on_connection(people[u].id, people[got[0]].id);
    }
  }
  Quality out;
  out.queries = static_cast<double>(scans);
  out.violations = violations;
  out.precision = total ? hits / total : 0;
  out.give_share = total ? give / total : 0;
  std::vector<double> e;
  double stars = 0, star_count = 0;
  for (uint32_t v : floor) {
    e.push_back(exposure[v]);
    if (ev.star[v]) stars += exposure[v], ++star_count;
  }
  double mean = 0;
  for (double x : e) mean += x;
  mean /= static_cast<double>(e.size());
  out.coverage = static_cast<double>(std::count_if(e.begin(), e.end(), [](double x) { return x > 0; })) /
                 static_cast<double>(e.size());
  std::sort(e.begin(), e.end());
  double weighted = 0, sum = 0;
  for (size_t i = 0; i < e.size(); ++i) weighted += static_cast<double>(i + 1) * e[i], sum += e[i];
  double m = static_cast<double>(e.size());
  out.gini = sum > 0 ? (2.0 * weighted) / (m * sum) - (m + 1.0) / m : 0;
  out.max_mean = mean > 0 ? e.back() / mean : 0;
  out.star_ratio = star_count > 0 && mean > 0 ? (stars / star_count) / mean : 0;
  out.diversity = sets_of_two ? div / sets_of_two : 0;
  out.personal_slot = sets_of_two ? personal / sets_of_two : 0;
  return out;
}

void BM_Quality(benchmark::State& state) {
  bool use_matcher = state.range(0) == 1;
  PlantedEventOptions o;
  o.attendees = static_cast<size_t>(state.range(1));
  o.seed = static_cast<uint64_t>(state.range(2));
  auto ev = make_planted_event(o);
  Quality q;
  for (auto _ : state) q = simulate_day(ev, use_matcher);
  state.SetLabel(use_matcher ? "rapport matcher" : "baseline: most shared tags");
  state.counters["queries"] = q.queries;
  state.counters["violations"] = q.violations;
  state.counters["precision_at_2"] = q.precision;
  state.counters["give_share"] = q.give_share;
  state.counters["coverage"] = q.coverage;
  state.counters["gini"] = q.gini;
  state.counters["max_mean"] = q.max_mean;
  state.counters["star_ratio"] = q.star_ratio;
  state.counters["diversity"] = q.diversity;
  state.counters["personal_slot"] = q.personal_slot;
}
BENCHMARK(BM_Quality)
    ->ArgNames({"matcher", "attendees", "seed"})
    ->Args({1, 2000, 2026})
    ->Args({0, 2000, 2026})
    // A held-out event: another size and seed than the one the matcher was tuned on.
    ->Args({1, 3000, 31337})
    ->Args({0, 3000, 31337})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
