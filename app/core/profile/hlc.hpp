#pragma once
// A hybrid logical clock for "the newest change wins" across kiosks whose wall clocks may
// be wrong. A stamp is one 64-bit integer: the wall clock in milliseconds since the epoch,
// shifted left by 16 bits, plus a counter in the low bits. A new stamp is greater than
// both the wall clock and every stamp the file already holds (its own and those merged or
// pulled in from other kiosks), so:
//  - a kiosk whose clock jumps back still orders its later change after its earlier one;
//  - a change made after a kiosk saw another kiosk's change is ordered after it, however
//    fast that other kiosk's clock was.
// Stamps are integers in SQLite and bigint in PostgreSQL: they compare the same in both.
#include <cstdint>

#include "core/store/sqlite.hpp"
#include "core/util/clock.hpp"
#include "core/util/result.hpp"

namespace rapport {

// The smallest stamp a wall-clock time gives (counter 0).
int64_t hlc_of(TimePoint wall);
// The wall-clock part of a stamp.
TimePoint hlc_wall(int64_t hlc);
// The next stamp: greater than `highest` and at least hlc_of(now).
int64_t hlc_next(int64_t highest, TimePoint now);
// The greatest stamp this file holds (0 when none). Call inside the write transaction
// that uses the next stamp, so two writers never hand out the same one.
Result<int64_t> hlc_highest(Db& db);
// hlc_next(hlc_highest(db), now).
Result<int64_t> hlc_tick(Db& db, TimePoint now);

}  // namespace rapport
