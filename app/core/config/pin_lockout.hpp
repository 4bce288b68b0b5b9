#pragma once
// The PIN pad's lockout, kept in the kiosk's own file (table pin_lockout, schema v4) so a
// restart does not reset it, with growing waits: the first lockout lasts lock_seconds,
// each further one twice as long as the one before (at most a day). A right PIN clears
// the wrong-try count but not the lockout history: an attendee who keeps guessing keeps
// waiting longer. Staff cards (staff_card.hpp) open the staff screen without the PIN.
#include <chrono>
#include <string>

#include "core/store/sqlite.hpp"
#include "core/util/clock.hpp"
#include "core/util/result.hpp"

namespace rapport {

struct PinLockout {
  int failures = 0;       // wrong PINs since the last lockout or right PIN
  int lockouts = 0;       // lockouts so far (the next lasts lock_seconds * 2^lockouts)
  TimePoint locked_until{};
};

struct PinLockPolicy {
  int max_attempts = 5;
  std::chrono::seconds first_lock{60};
  std::chrono::seconds longest_lock{std::chrono::hours(24)};
};

enum class PinVerdict { accepted, wrong, locked };

struct PinOutcome {
  PinVerdict verdict = PinVerdict::wrong;
  int attempts_left = 0;
  std::chrono::seconds wait{0};  // when locked: how long still
};

// How long the n-th lockout (0-based) lasts.
std::chrono::seconds lock_length(const PinLockPolicy& p, int lockouts_before);
// Whether the pad is locked now, and for how long.
std::chrono::seconds lock_remaining(const PinLockout& s, TimePoint now);
// One PIN attempt (or a refused one while locked): updates `s`, says what to show.
PinOutcome record_pin_attempt(PinLockout& s, const PinLockPolicy& p, bool matched, TimePoint now);

// Load and save the file's lockout row (absent = no history).
Result<PinLockout> load_pin_lockout(Db& db);
Status save_pin_lockout(Db& db, const PinLockout& s);

}  // namespace rapport
