#pragma once
// Where people were last seen. A kiosk with a `location` ("coffee bar") notes every badge
// it reads, so a suggestion can say "last scanned at the coffee bar, 4 min ago" and the
// attendee knows where to look in a big hall.
#include <optional>
#include <string>
#include <string_view>

#include "core/util/clock.hpp"

#include "core/matcher/matcher.hpp"
#include "core/store/store.hpp"
#include "core/util/result.hpp"

namespace rapport {

// Notes that `attendee_id` was seen at `location` now; nothing when location is empty.
// Only a newer sighting replaces an older one (another kiosk's, pulled from the hub).
Status note_seen(Store& store, const std::string& attendee_id, const std::string& location);
Result<std::optional<LastSeen>> last_seen(Db& db, const std::string& attendee_id);
// The place as it reads after "at": "the coffee bar" for a common noun, "Hall B" or
// "the foyer" as written otherwise.
std::string place_phrase(std::string_view location);
// "last scanned at the coffee bar, 4 min ago" (or "just now", "2 h ago").
std::string last_seen_line(const LastSeen& seen, TimePoint now);
// Fills last_seen (and seen_line, as of `now`) of every suggestion and introduction.
Status fill_last_seen(Db& db, SuggestionSet& set, TimePoint now = {});

}  // namespace rapport
