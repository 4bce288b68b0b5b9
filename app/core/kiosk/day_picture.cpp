#include "core/kiosk/day_picture.hpp"

#include <algorithm>
#include <map>

#include "core/util/clock.hpp"

namespace rapport {

namespace {
Result<int> count(Db& db, std::string_view sql) {
  auto st = db.cached(sql);
  if (!st) return st.error();
  auto row = (*st)->step();
  if (!row) return row.error();
  return *row ? static_cast<int>((*st)->integer(0)) : 0;
}

Result<std::vector<std::string>> column(Db& db, std::string_view sql) {
  auto st = db.cached(sql);
  if (!st) return st.error();
  std::vector<std::string> out;
  for (;;) {
    auto row = (*st)->step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back((*st)->text(0));
  }
  return out;
}
}  // namespace

Result<DayPicture> picture_the_day(Db& db) {
  DayPicture p;
  auto n = count(db, "SELECT count(*) FROM attendees WHERE status <> 'forgotten'");
  if (!n) return n.error();
  p.attendees = *n;
  if (!(n = count(db, "SELECT count(*) FROM checkins"))) return n.error();
  p.checked_in = *n;
  if (!(n = count(db, "SELECT count(*) FROM connections"))) return n.error();
  p.connections = *n;
  if (!(n = count(db, "SELECT count(*) FROM suggestions_shown"))) return n.error();
  p.suggestions_shown = *n;
  if (!(n = count(db, "SELECT count(*) FROM suggestions_shown s JOIN connections c "
                      "ON c.a_id = min(s.for_id, s.shown_id) AND c.b_id = max(s.for_id, s.shown_id)")))
    return n.error();
  p.suggestions_acted_on = *n;
  auto t = column(db, "SELECT at FROM checkins ORDER BY at");
  if (!t) return t.error();
  p.checkin_times = std::move(*t);
  if (!(t = column(db, "SELECT at FROM connections ORDER BY at"))) return t.error();
  p.connection_times = std::move(*t);

  // The graph: only first names and a top interest leave the desk.
  auto st = db.cached(
      "SELECT a.id, a.first_name, b.id, b.first_name FROM connections c "
      "JOIN attendees a ON a.id = c.a_id JOIN attendees b ON b.id = c.b_id ORDER BY c.at LIMIT 2000");
  if (!st) return st.error();
  std::map<std::string, int> index;
  auto node = [&](const std::string& id, const std::string& first) {
    auto [it, fresh] = index.emplace(id, static_cast<int>(p.nodes.size()));
    if (fresh) p.nodes.push_back({first, {}});
    return it->second;
  };
  for (;;) {
    auto row = (*st)->step();
    if (!row) return row.error();
    if (!*row) break;
    int a = node((*st)->text(0), (*st)->text(1));
    int b = node((*st)->text(2), (*st)->text(3));
    p.edges.emplace_back(a, b);
  }
  auto tag = db.cached(
      "SELECT t.label FROM attendee_tags x JOIN tags t ON t.tag = x.tag "
      "WHERE x.attendee_id = ? AND x.kind IN ('interest', 'personal') ORDER BY x.kind, x.tag LIMIT 1");
  if (!tag) return tag.error();
  for (const auto& [id, i] : index) {
    (*tag)->bind(1, id);
    auto row = (*tag)->step();
    if (!row) return row.error();
    if (*row) p.nodes[i].top_interest = (*tag)->text(0);
    (*tag)->reset();
  }
  return p;
}

std::vector<int> per_bucket(const std::vector<std::string>& iso_times, int minutes) {
  std::vector<TimePoint> times;
  for (const auto& s : iso_times)
    if (auto t = parse_iso8601(s)) times.push_back(*t);
  if (times.empty() || minutes <= 0) return {};
  std::sort(times.begin(), times.end());
  auto width = std::chrono::minutes(minutes);
  auto start = times.front();
  size_t buckets = static_cast<size_t>((times.back() - start) / width) + 1;
  std::vector<int> out(std::min<size_t>(buckets, 10000), 0);
  for (auto t : times) {
    size_t i = static_cast<size_t>((t - start) / width);
    if (i < out.size()) ++out[i];
  }
  return out;
}

}  // namespace rapport
