#pragma once
// The figure organizers judge Rapport by: how many suggestions became real meetings.
// A shown suggestion is a (person, suggested person, day) with the kind of its first
// showing that day; it was accepted when the two have a recorded connection at or after
// that first showing, the same day (UTC date). Introductions ("You know Ben and Carla:
// introduce them?") count when the two people introduced met afterwards, the same day.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store/sqlite.hpp"
#include "core/util/result.hpp"

namespace rapport {

struct AcceptanceFigure {
  std::string kind;   // shared_interest, you_could_help, ..., introduction; "" for overall
  std::string label;  // "shared interest", "you could help", ..., "introductions"
  int64_t shown = 0;  // distinct suggestions shown (pair and day)
  int64_t met = 0;    // of those, how many became a recorded meeting the same day
  std::optional<double> share() const {
    if (shown == 0) return std::nullopt;
    return static_cast<double>(met) / static_cast<double>(shown);
  }
};

struct Acceptance {
  AcceptanceFigure overall;  // suggestion cards only (introductions are their own line)
  std::vector<AcceptanceFigure> kinds;  // every kind, in a fixed order, introductions last
};

Result<Acceptance> compute_acceptance(Db& db);

// The kind stored in suggestions_shown for an introduction shown to a third person
// (for_id and shown_id are the two people introduced).
inline constexpr const char* kIntroductionKind = "introduction";

}  // namespace rapport
