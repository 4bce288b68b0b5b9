#pragma once
// Staff cards: a QR code that opens the staff screen at a door kiosk without typing the
// PIN in front of the queue (so an attendee cannot lock staff out with wrong PINs).
// "RPTS:" + 26 base32 characters (128 random bits, like badge codes); revocable.
#include <optional>
#include <string>
#include <string_view>

#include "core/store/store.hpp"

namespace rapport {

inline constexpr std::string_view kStaffCardPrefix = "RPTS:";

// Issues a new staff card; returns its code.
Result<std::string> issue_staff_card(Store& store, const std::string& label);
// Revokes every active staff card (a card was lost); returns how many.
Result<int64_t> revoke_staff_cards(Store& store);
// Whether the scanned text is an active staff card of this event.
Result<bool> is_staff_card(Db& db, std::string_view scanned);

}  // namespace rapport
