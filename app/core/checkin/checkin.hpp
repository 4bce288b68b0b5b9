#pragma once
// The door's rule: who may come in, who leaves, and what the door says.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/roster/attendee.hpp"
#include "core/store/store.hpp"

namespace rapport {

enum class CheckinOutcome {
  checked_in,
  already_checked_in,
  unknown_code,
  cancelled,
  blocked,
  checked_out,     // an exit was recorded
  not_checked_in,  // an exit scan for someone who is not inside
};
std::string_view outcome_name(CheckinOutcome o);

enum class CheckinMethod { badge, ticket, manual, id };
std::string_view method_name(CheckinMethod m);

// What a door does with a scan: let people in, let them out, or both (a person inside for
// longer than `toggle_after` who scans again is leaving).
enum class DoorDirection { entry, exit, both };
std::string_view direction_name(DoorDirection d);
std::optional<DoorDirection> parse_direction(std::string_view s);

struct DoorPolicy {
  DoorDirection direction = DoorDirection::entry;
  std::chrono::seconds toggle_after{std::chrono::minutes(10)};
  // Staff let a cancelled or blocked ticket in: the reason is recorded (door_overrides).
  std::string override_reason;
};

struct CheckinResult {
  CheckinOutcome outcome = CheckinOutcome::unknown_code;
  std::optional<AttendeeRef> attendee;
  std::string at;      // ISO-8601: this entry or exit (the first arrival when already checked in)
  std::string first_at;  // the person's first arrival, when they have one
  bool reentry = false;  // checked_in again after leaving
  bool overridden = false;  // a cancelled/blocked ticket let in by staff
  std::string reason;  // for staff: why a code was not accepted
};

// Checks in (or out, by `policy`) whoever the scanned text names. The result is returned
// only after the pass is committed to disk; a storage failure is an error, never a false
// welcome.
Result<CheckinResult> checkin_scan(Store& store, std::string_view scanned, DoorPolicy policy = {});
// Checks in (or out) by attendee id (manual search at the door, or `--id`).
Result<CheckinResult> checkin_attendee(Store& store, const std::string& attendee_id, CheckinMethod method,
                                       DoorPolicy policy = {});
// Staff undo of a wrong check-in: removes the latest entry (a re-entry goes back to
// "left"; a first arrival removes the check-in). Returns false when there was none.
Result<bool> undo_checkin(Store& store, const std::string& attendee_id);
// The time a person first checked in, if they did.
Result<std::optional<std::string>> checkin_time(Db& db, const std::string& attendee_id);

}  // namespace rapport
