#pragma once
// Our own badge codes: "RPT1:" + 26 upper-case base32 characters (128 random bits from
// libsodium). Upper-case base32 and ':' are all in the QR alphanumeric alphabet, so the
// 31-character code fits QR version 2 at ECC M (version 3 at ECC Q). A code never says who it
// belongs to; only the event's database does, so a lost badge can be revoked and replaced.
#include <optional>
#include <string>
#include <string_view>

#include "core/store/store.hpp"
#include "core/util/result.hpp"

namespace rapport {

inline constexpr std::string_view kBadgePrefix = "RPT1:";
inline constexpr size_t kBadgeBodyChars = 26;  // ceil(128 / 5)

// A fresh code with 128 bits from the CSPRNG.
std::string new_badge_code();

// The canonical form of something that may be one of our badge codes: the prefix in any
// case or left out, the body in any case, surrounding white space ignored. nullopt when it
// cannot be one (wrong length, a character outside base32, or a last character that a
// 128-bit value can never end with).
std::optional<std::string> normalize_badge_code(std::string_view text);

// Gives every attendee who is not forgotten and has no active badge code a new one.
// Runs inside the caller's transaction (no BEGIN of its own); returns how many it issued.
Result<size_t> ensure_badge_codes_in(Db& db, const std::string& kiosk_id, const std::string& now);
// Issues a new badge code for one person, inside the caller's transaction; returns it.
Result<std::string> issue_badge_in(Db& db, const std::string& attendee_id, const std::string& kiosk_id,
                                   const std::string& now);
// The same in a transaction of its own.
Result<size_t> ensure_badge_codes(Store& store);

// Lost badge: revokes the person's active badge code(s) and issues a new one, in one
// transaction. The attendee stays the same; the old code then resolves as revoked.
Result<std::string> reissue_badge(Store& store, const std::string& attendee_id);

// The attendee's active badge code, if they have one.
Result<std::optional<std::string>> active_badge_code(Db& db, const std::string& attendee_id);

}  // namespace rapport
