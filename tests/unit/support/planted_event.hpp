#pragma once
// A synthetic event with planted ground truth, for the matcher's tests, benchmarks and
// quality harness: small communities that share a rare interest (professional or
// personal), complementary looking-for / can-help-with pairs, a few "stars" who hold
// every common tag, and the usual share of no-consent, cancelled, blocked, opted-out and
// absent people. Deterministic per seed.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/matcher/matcher.hpp"

namespace rapport::test {

struct PlantedEventOptions {
  size_t attendees = 1000;
  double present = 0.85;
  double consent = 0.9;
  double cancelled = 0.02;
  double blocked = 0.01;
  double opt_out = 0.02;
  double stars = 0.01;
  size_t community_size = 5;
  size_t common_interests = 30;
  size_t common_hobbies = 40;
  size_t common_needs = 12;
  uint64_t seed = 1;
};

struct PlantedEvent {
  MatcherSnapshot snapshot;
  std::vector<std::vector<uint32_t>> planted;  // per attendee: their planted partners
  std::vector<bool> star;
  std::unordered_map<std::string, uint32_t> index_of;

  const Attendee& person(uint32_t i) const { return snapshot.attendees[i]; }
  bool is_planted(uint32_t u, uint32_t v) const {
    return std::find(planted[u].begin(), planted[u].end(), v) != planted[u].end();
  }
};

inline PlantedEvent make_planted_event(const PlantedEventOptions& o) {
  PlantedEvent ev;
  std::mt19937_64 rng(o.seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  size_t n = o.attendees;
  auto& people = ev.snapshot.attendees;
  people.resize(n);
  ev.planted.resize(n);
  ev.star.resize(n);
  auto skewed = [&](size_t k) { return static_cast<size_t>(static_cast<double>(k) * std::pow(unit(rng), 2.0)); };
  for (size_t i = 0; i < n; ++i) {
    Attendee& a = people[i];
    a.id = fmt::format("P{:06}", i);
    a.first_name = fmt::format("Person{}", i);
    a.last_name = fmt::format("Family{}", i % 97);
    a.email = fmt::format("p{}@example.org", i);
    a.company = fmt::format("Company {}", i % 50);
    a.title = "Chief Title Officer";
    double r = unit(rng);
    a.status = r < o.cancelled ? AttendeeStatus::cancelled
               : r < o.cancelled + o.blocked ? AttendeeStatus::blocked
                                             : AttendeeStatus::active;
    a.consent = unit(rng) < o.consent;
    a.suggest_opt_out = unit(rng) < o.opt_out;
    ev.star[i] = unit(rng) < o.stars;
    auto add = [&](TagKind k, std::string label) {
      auto& v = a.tags_of(k);
      if (std::find(v.begin(), v.end(), label) == v.end()) v.push_back(std::move(label));
    };
    if (ev.star[i]) {
      for (size_t k = 0; k < std::min<size_t>(o.common_interests, 15); ++k) add(TagKind::interest, fmt::format("common topic {}", k));
      for (size_t k = 0; k < std::min<size_t>(o.common_hobbies, 10); ++k) add(TagKind::personal, fmt::format("hobby {}", k));
      for (size_t k = 0; k < o.common_needs; ++k) add(TagKind::can_help_with, fmt::format("common need {}", k));
    } else {
      for (int k = 0; k < 3; ++k) add(TagKind::interest, fmt::format("common topic {}", skewed(o.common_interests)));
      add(TagKind::personal, fmt::format("hobby {}", skewed(o.common_hobbies)));
      add(TagKind::can_help_with, fmt::format("common need {}", skewed(o.common_needs)));
    }
    add(TagKind::looking_for, fmt::format("common need {}", skewed(o.common_needs)));
    if (unit(rng) < o.present) ev.snapshot.present.push_back(a.id);
    ev.index_of.emplace(a.id, static_cast<uint32_t>(i));
  }
  auto plant = [&](uint32_t x, uint32_t y) {
    if (x == y || ev.is_planted(x, y)) return;
    ev.planted[x].push_back(y);
    ev.planted[y].push_back(x);
  };
  // Communities: a rare shared interest (one in four is a personal one).
  std::vector<uint32_t> order(n);
  for (uint32_t i = 0; i < n; ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);
  for (size_t start = 0, c = 0; start + 1 < n; start += o.community_size, ++c) {
    size_t end = std::min(n, start + o.community_size);
    bool personal = c % 4 == 3;
    for (size_t i = start; i < end; ++i) {
      people[order[i]].tags_of(personal ? TagKind::personal : TagKind::interest)
          .push_back(personal ? fmt::format("rare hobby {}", c) : fmt::format("niche topic {}", c));
      for (size_t j = start; j < i; ++j) plant(order[i], order[j]);
    }
  }
  // Complementary pairs: x looks for what y offers; half of them also the other way.
  std::shuffle(order.begin(), order.end(), rng);
  for (size_t i = 0, p = 0; i + 1 < n; i += 2, ++p) {
    uint32_t x = order[i], y = order[i + 1];
    people[x].tags_of(TagKind::looking_for).push_back(fmt::format("special need {}", p));
    people[y].tags_of(TagKind::can_help_with).push_back(fmt::format("special need {}", p));
    if (p % 2 == 0) {
      people[y].tags_of(TagKind::looking_for).push_back(fmt::format("special offer {}", p));
      people[x].tags_of(TagKind::can_help_with).push_back(fmt::format("special offer {}", p));
    }
    plant(x, y);
  }
  return ev;
}

}  // namespace rapport::test
