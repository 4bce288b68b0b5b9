#pragma once
// Entries and exits at the door (door_passes, schema v4). These run inside the caller's
// transaction; checkin.cpp and walkin.cpp wrap them.
#include <optional>
#include <string>
#include <vector>

#include "core/store/sqlite.hpp"
#include "core/util/result.hpp"

namespace rapport {

struct Presence {
  std::optional<std::string> first_at;  // the first arrival (checkins.at)
  bool inside = false;                  // checked in, and the latest pass is not an exit
  std::string last_in_at;               // the latest entry (or the first arrival)
};

Result<Presence> presence_of(Db& db, const std::string& attendee_id);

// Records an entry: the first one also writes the check-in row (first arrival kept).
Status record_entry(Db& db, const std::string& attendee_id, const std::string& at, const std::string& kiosk_id,
                    const std::string& method, bool first);
Status record_exit(Db& db, const std::string& attendee_id, const std::string& at, const std::string& kiosk_id,
                   const std::string& method);

// How many people are inside now.
Result<int64_t> inside_now(Db& db);

// Everyone still inside leaves at `at` (the door's auto_checkout_at). Own transaction.
// Returns who was checked out.
Result<std::vector<std::string>> check_everyone_out(Db& db, const std::string& at, const std::string& kiosk_id);

}  // namespace rapport
