#pragma once
// The door's rule: who may come in, and what the door says.
#include <optional>
#include <string>
#include <string_view>

#include "core/roster/attendee.hpp"
#include "core/store/store.hpp"

namespace rapport {

enum class CheckinOutcome { checked_in, already_checked_in, unknown_code, cancelled, blocked };
std::string_view outcome_name(CheckinOutcome o);

enum class CheckinMethod { badge, ticket, manual, id };
std::string_view method_name(CheckinMethod m);

struct CheckinResult {
  CheckinOutcome outcome = CheckinOutcome::unknown_code;
  std::optional<AttendeeRef> attendee;
  std::string at;      // ISO-8601: the check-in time (the first one when already checked in)
  std::string reason;  // for staff: why a code was not accepted
};

// Checks in whoever the scanned text names. The result is returned only after the
// check-in is committed to disk; a storage failure is an error, never a false welcome.
Result<CheckinResult> checkin_scan(Store& store, std::string_view scanned);
// Checks in by attendee id (manual search at the door, or `--id`).
Result<CheckinResult> checkin_attendee(Store& store, const std::string& attendee_id,
                                       CheckinMethod method);
// Staff undo: removes a person's check-in. Returns false when there was none.
Result<bool> undo_checkin(Store& store, const std::string& attendee_id);
// The time a person checked in, if they did.
Result<std::optional<std::string>> checkin_time(Db& db, const std::string& attendee_id);

}  // namespace rapport
