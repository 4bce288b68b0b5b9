#pragma once
// The staff/admin PIN: stored only as a libsodium crypto_pwhash_str hash, checked with
// crypto_pwhash_str_verify, and rate limited. The PIN itself is never logged or kept.
#include <chrono>
#include <string>

#include "core/util/clock.hpp"
#include "core/util/result.hpp"

namespace rapport {

// A crypto_pwhash_str hash of the PIN (Argon2id, interactive limits).
Result<std::string> hash_pin(const std::string& pin);
// True when `pin` matches `hash`; false for a wrong PIN or a malformed hash.
bool verify_pin(const std::string& hash, const std::string& pin);
// True when `hash` looks like something crypto_pwhash_str produced.
bool looks_like_pin_hash(const std::string& hash);

// The PIN the shipped configs carry (written in them, so known to everyone).
inline constexpr const char* kDemoPin = "2468";
// True when `hash` unlocks with the demo PIN: a door or floor kiosk running with it warns.
inline bool is_demo_pin(const std::string& hash) { return !hash.empty() && verify_pin(hash, kDemoPin); }

enum class PinVerdict { accepted, wrong, locked };

// Five wrong attempts lock the pad for a minute (both configurable). Time comes from the
// caller so tests can run the minute in a microsecond.
class PinGate {
 public:
  PinGate(int max_attempts, std::chrono::seconds lock_for)
      : max_attempts_(max_attempts), lock_for_(lock_for) {}
  bool locked(TimePoint now) const { return now < locked_until_; }
  std::chrono::seconds lock_remaining(TimePoint now) const;
  int attempts_left() const { return max_attempts_ - wrong_; }
  // Records the outcome of one verify; call only when not locked.
  PinVerdict record(bool matched, TimePoint now);

 private:
  int max_attempts_;
  std::chrono::seconds lock_for_;
  int wrong_ = 0;
  TimePoint locked_until_{};
};

}  // namespace rapport
