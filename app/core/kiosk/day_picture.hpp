#pragma once
// The day so far, for the admin screen. One source of truth with `rapport stats` and the
// organizer's file: the figures and the 15-minute curves come from compute_stats, the
// graph from load_connection_graph (core/sync). Built on the desk thread.
#include <cstdint>
#include <string>
#include <vector>

#include "core/store/sqlite.hpp"
#include "core/sync/graph.hpp"
#include "core/sync/stats.hpp"
#include "core/util/result.hpp"

namespace rapport {

struct DayPicture {
  EventStats stats;
  ConnectionGraph graph;
};

Result<DayPicture> picture_the_day(Db& db);

// The counts of a 15-minute curve, in order (what the bars draw).
std::vector<int64_t> bucket_counts(const std::vector<TimeBucket>& buckets);

}  // namespace rapport
