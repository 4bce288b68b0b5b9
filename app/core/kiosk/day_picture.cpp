#include "core/kiosk/day_picture.hpp"

namespace rapport {

Result<DayPicture> picture_the_day(Db& db) {
  DayPicture p;
  auto stats = compute_stats(db);
  if (!stats) return stats.error();
  p.stats = std::move(*stats);
  auto graph = load_connection_graph(db);
  if (!graph) return graph.error();
  p.graph = std::move(*graph);
  return p;
}

std::vector<int64_t> bucket_counts(const std::vector<TimeBucket>& buckets) {
  std::vector<int64_t> out;
  out.reserve(buckets.size());
  for (const auto& b : buckets) out.push_back(b.count);
  return out;
}

}  // namespace rapport
