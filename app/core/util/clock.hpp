#pragma once
// Time as the event sees it. Everything that stamps a row takes a Clock so tests can run
// a ten-hour day in a second. Stored times are UTC ISO-8601 with milliseconds
// ("2026-11-21T09:02:13.250Z"): they sort as text and merge across kiosks.
#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace rapport {

using TimePoint = std::chrono::system_clock::time_point;
using Clock = std::function<TimePoint()>;

// The real clock, unless RAPPORT_FAKE_NOW=ISO-8601 is set (used by end-to-end tests so
// that outputs are reproducible).
Clock system_clock();
// A clock that returns the given time, for tests.
Clock fixed_clock(TimePoint t);

std::string to_iso8601(TimePoint t);
std::optional<TimePoint> parse_iso8601(const std::string& text);
// "09:02" in the machine's local time zone, for what the door shows.
std::string local_hhmm(TimePoint t);
// "2026-11-21" in local time.
std::string local_date(TimePoint t);

}  // namespace rapport
