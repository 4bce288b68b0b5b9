#pragma once
// A realistic synthetic roster: names from many cultures, interests drawn from topic
// clusters (so communities exist), personal interests, looking-for / can-help-with
// pairs that complement each other, and about 85% consent. Deterministic per seed.
#include <cstdint>
#include <string>

namespace rapport {

struct DemoEventOptions {
  size_t attendees = 200;
  uint64_t seed = 1;
};

// The roster as native CSV text, header included.
std::string demo_roster_csv(const DemoEventOptions& options);

}  // namespace rapport
