#include "core/config/pin_lockout.hpp"

#include <algorithm>

namespace rapport {

std::chrono::seconds lock_length(const PinLockPolicy& p, int lockouts_before) {
  auto len = p.first_lock;
  for (int i = 0; i < lockouts_before && len < p.longest_lock; ++i) len *= 2;
  return std::min(len, p.longest_lock);
}

std::chrono::seconds lock_remaining(const PinLockout& s, TimePoint now) {
  if (now >= s.locked_until) return std::chrono::seconds(0);
  return std::chrono::ceil<std::chrono::seconds>(s.locked_until - now);
}

PinOutcome record_pin_attempt(PinLockout& s, const PinLockPolicy& p, bool matched, TimePoint now) {
  PinOutcome out;
  if (auto wait = lock_remaining(s, now); wait.count() > 0) {
    out.verdict = PinVerdict::locked;
    out.wait = wait;
    return out;
  }
  if (matched) {
    s.failures = 0;
    out.verdict = PinVerdict::accepted;
    out.attempts_left = p.max_attempts;
    return out;
  }
  if (++s.failures >= p.max_attempts) {
    s.failures = 0;
    auto len = lock_length(p, s.lockouts);
    ++s.lockouts;
    s.locked_until = now + len;
    out.verdict = PinVerdict::locked;
    out.wait = len;
    return out;
  }
  out.verdict = PinVerdict::wrong;
  out.attempts_left = p.max_attempts - s.failures;
  return out;
}

Result<PinLockout> load_pin_lockout(Db& db) {
  PinLockout s;
  auto st = db.cached("SELECT failures, lockouts, locked_until FROM pin_lockout WHERE id = 1");
  if (!st) return st.error();
  auto row = (*st)->step();
  if (!row) return row.error();
  if (*row) {
    s.failures = static_cast<int>((*st)->integer(0));
    s.lockouts = static_cast<int>((*st)->integer(1));
    if (auto t = parse_iso8601((*st)->text(2))) s.locked_until = *t;
  }
  (*st)->reset();
  return s;
}

Status save_pin_lockout(Db& db, const PinLockout& s) {
  return db.write([&]() -> Status {
    auto st = db.cached(
        "INSERT INTO pin_lockout (id, failures, lockouts, locked_until) VALUES (1, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET failures = excluded.failures, lockouts = excluded.lockouts, "
        "locked_until = excluded.locked_until");
    if (!st) return st.error();
    return (*st)->bind_all(s.failures, s.lockouts,
                           s.locked_until == TimePoint{} ? std::string() : to_iso8601(s.locked_until))
        .run();
  });
}

}  // namespace rapport
