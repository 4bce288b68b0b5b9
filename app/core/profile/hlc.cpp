#include "core/profile/hlc.hpp"

#include <algorithm>
#include <chrono>

namespace rapport {

namespace {
constexpr int kCounterBits = 16;
}

int64_t hlc_of(TimePoint wall) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(wall.time_since_epoch()).count();
  return std::max<int64_t>(ms, 0) << kCounterBits;
}

TimePoint hlc_wall(int64_t hlc) {
  return TimePoint(std::chrono::milliseconds(hlc >> kCounterBits));
}

int64_t hlc_next(int64_t highest, TimePoint now) { return std::max(highest + 1, hlc_of(now)); }

Result<int64_t> hlc_highest(Db& db) {
  // Every table whose rows carry a stamp; merged and pulled rows are in them too, which is
  // how this file "receives" other kiosks' clocks.
  return db.scalar_int(
      "SELECT max(coalesce((SELECT max(hlc) FROM profile_changes), 0),"
      "           coalesce((SELECT max(hlc) FROM attendees), 0))");
}

Result<int64_t> hlc_tick(Db& db, TimePoint now) {
  auto h = hlc_highest(db);
  if (!h) return h.error();
  return hlc_next(*h, now);
}

}  // namespace rapport
