#pragma once
// Walk-ins: a person without a ticket is added at the door (marked source = 'walk-in'),
// gets a new badge code of the same format and strength as printed badges, and is checked
// in, all in one transaction.
#include <optional>
#include <string>
#include <vector>

#include "core/checkin/checkin.hpp"
#include "core/store/store.hpp"

namespace rapport {

inline constexpr std::string_view kWalkinSource = "walk-in";

struct WalkinRequest {
  std::string first_name;
  std::string last_name;
  std::string email;
  bool consent = false;
  std::vector<std::string> interests;  // labels, as the person said them
};

struct WalkinResult {
  AttendeeRef attendee;
  std::string code;  // the new badge code
  std::string at;    // the check-in time
};

// Why the request cannot be a walk-in (no first name, a bad email, an email already on
// the roster: the message names that person for staff), or nothing. Reads only.
Status check_walkin(Db& db, const WalkinRequest& req);

// Adds and checks in the walk-in; checks again inside the transaction, so two kiosks
// cannot add the same email twice. Nothing is written when it fails.
Result<WalkinResult> add_walkin(Store& store, const WalkinRequest& req);

}  // namespace rapport
