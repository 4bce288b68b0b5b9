#pragma once
// The organizer's numbers, computed the same way for `rapport stats` and the kiosk's
// admin screen (which draws the curves from the buckets).
#include <cstdint>
#include <string>
#include <vector>

#include "core/store/sqlite.hpp"
#include "core/sync/acceptance.hpp"
#include "core/util/result.hpp"

namespace rapport {

struct TimeBucket {
  std::string from;  // ISO-8601 UTC start of the 15-minute slot
  int64_t count = 0;
};

struct TagCount {
  std::string tag;    // key
  std::string label;  // as people wrote it
  int64_t people = 0;
};

struct KioskSeen {
  std::string kiosk_id;
  int64_t checkins = 0;
  int64_t connections = 0;   // connections this kiosk saw (a pair seen at two kiosks counts at both)
  int64_t suggestions_shown = 0;
  std::string last_seen;     // the latest row from this kiosk
};

struct EventStats {
  std::string event_name;
  std::string role;
  int64_t registered = 0;   // attendees not forgotten
  int64_t present_now = 0;  // checked in and still active (not cancelled, blocked or forgotten)
  int64_t checked_in = 0;   // every check-in, forgotten people included as counts
  int64_t connections = 0;
  int64_t people_who_met = 0;  // attendees with at least one connection
  int64_t suggestions_shown = 0;       // cards shown
  int64_t suggested_pairs = 0;         // distinct (person, suggested person)
  int64_t suggestions_acted_on = 0;    // suggested pairs that met after the suggestion
  int64_t forgotten = 0;
  std::vector<TimeBucket> checkins_per_15min;     // from the first to the last slot, gaps as 0
  std::vector<TimeBucket> connections_per_15min;
  std::string top_interests_among;  // "checked_in", or "registered" before anyone arrives
  std::vector<TagCount> top_interests;  // at most 10, most people first
  std::vector<KioskSeen> kiosks;        // by kiosk id
  Acceptance acceptance;                // suggestions that became meetings the same day
};

Result<EventStats> compute_stats(Db& db);

// The start of the 15-minute slot an ISO-8601 time falls in ("...T09:14:59.900Z" ->
// "...T09:00:00.000Z"); empty when the text is not a time.
std::string slot_of(const std::string& iso);

}  // namespace rapport
