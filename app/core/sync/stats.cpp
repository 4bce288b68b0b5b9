#include "core/sync/stats.hpp"

#include <map>

#include "core/sync/kiosk_list.hpp"
#include "core/util/clock.hpp"

namespace rapport {

namespace {

using namespace std::chrono;


Result<int64_t> scalar(Db& db, std::string_view sql) { return db.scalar_int(sql); }

Status buckets(Db& db, std::string_view sql, std::vector<TimeBucket>& out) {
  std::map<std::string, int64_t> counts;
  RAPPORT_TRY(db.each_row(sql, [&](const Stmt& st) {
    auto slot = slot_of(st.text(0));
    if (!slot.empty()) counts[slot] += 1;
  }));
  if (counts.empty()) return {};
  auto first = parse_iso8601(counts.begin()->first), last = parse_iso8601(counts.rbegin()->first);
  for (auto t = *first; t <= *last; t += minutes(15)) {
    auto key = to_iso8601(t);
    auto it = counts.find(key);
    out.push_back({key, it == counts.end() ? 0 : it->second});
  }
  return {};
}

}  // namespace

std::string slot_of(const std::string& iso) {
  auto t = parse_iso8601(iso);
  if (!t) return {};
  auto secs = duration_cast<seconds>(t->time_since_epoch()).count();
  int64_t slot = secs - (((secs % 900) + 900) % 900);
  return to_iso8601(TimePoint(seconds(slot)));
}

Result<EventStats> compute_stats(Db& db) {
  EventStats s;
  RAPPORT_TRY(db.each_row("SELECT name, role FROM event WHERE id = 1", [&](const Stmt& st) {
    s.event_name = st.text(0);
    s.role = st.text(1);
  }));
  struct Q {
    int64_t* out;
    const char* sql;
  };
  const Q queries[] = {
      {&s.registered, "SELECT count(*) FROM attendees WHERE status <> 'forgotten'"},
      {&s.present_now,
       "SELECT count(*) FROM checkins c JOIN attendees a ON a.id = c.attendee_id WHERE a.status = 'active'"},
      {&s.checked_in, "SELECT count(*) FROM checkins"},
      {&s.connections, "SELECT count(*) FROM connections"},
      {&s.people_who_met,
       "SELECT count(*) FROM (SELECT a_id AS id FROM connections UNION SELECT b_id FROM connections)"},
      {&s.suggestions_shown, "SELECT count(*) FROM suggestions_shown WHERE kind <> 'introduction'"},
      {&s.suggested_pairs,
       "SELECT count(*) FROM (SELECT DISTINCT for_id, shown_id FROM suggestions_shown WHERE kind <> 'introduction')"},
      // A suggestion was acted on when the two met at or after the first time it was shown.
      {&s.suggestions_acted_on,
       "SELECT count(*) FROM (SELECT for_id, shown_id, min(at) AS first_at FROM suggestions_shown "
       "WHERE kind <> 'introduction' GROUP BY for_id, shown_id) x JOIN connections c ON c.a_id = min(x.for_id, x.shown_id) "
       "AND c.b_id = max(x.for_id, x.shown_id) WHERE c.at >= x.first_at"},
      {&s.forgotten, "SELECT count(*) FROM forgotten"},
  };
  for (const auto& q : queries) {
    auto v = scalar(db, q.sql);
    if (!v) return v.error();
    *q.out = *v;
  }
  RAPPORT_TRY(buckets(db, "SELECT at FROM checkins ORDER BY at", s.checkins_per_15min));
  RAPPORT_TRY(buckets(db, "SELECT at FROM connections ORDER BY at", s.connections_per_15min));

  s.top_interests_among = s.present_now > 0 ? "checked_in" : "registered";
  std::string who = s.present_now > 0
                        ? "SELECT c.attendee_id FROM checkins c JOIN attendees a ON a.id = c.attendee_id "
                          "WHERE a.status = 'active'"
                        : "SELECT id FROM attendees WHERE status = 'active'";
  RAPPORT_TRY(db.each_row(
                       "SELECT t.tag, t.label, count(*) AS n FROM attendee_tags x JOIN tags t ON t.tag = x.tag "
                       "WHERE x.kind = 'interest' AND x.attendee_id IN (" + who + ") "
                       "GROUP BY t.tag ORDER BY n DESC, t.tag LIMIT 10",
                       [&](const Stmt& st) { s.top_interests.push_back({st.text(0), st.text(1), st.integer(2)}); }));

  std::map<std::string, KioskSeen> kiosks;
  auto seen = [&](const std::string& id, const std::string& last) -> KioskSeen& {
    auto& k = kiosks[id];
    k.kiosk_id = id;
    if (last > k.last_seen) k.last_seen = last;
    return k;
  };
  RAPPORT_TRY(db.each_row("SELECT kiosk_id, count(*), max(at) FROM checkins GROUP BY kiosk_id",
                       [&](const Stmt& st) { seen(st.text(0), st.text(2)).checkins += st.integer(1); }));
  RAPPORT_TRY(db.each_row("SELECT kiosks, kiosk_id, count(*), max(at) FROM connections GROUP BY kiosks, kiosk_id",
                       [&](const Stmt& st) {
                         auto list = split_kiosk_list(st.text(0));
                         if (list.empty()) list.push_back(st.text(1));
                         for (const auto& k : list) seen(k, st.text(3)).connections += st.integer(2);
                       }));
  RAPPORT_TRY(db.each_row("SELECT kiosk_id, count(*), max(at) FROM suggestions_shown GROUP BY kiosk_id",
                       [&](const Stmt& st) { seen(st.text(0), st.text(2)).suggestions_shown += st.integer(1); }));
  for (auto& [id, k] : kiosks) s.kiosks.push_back(std::move(k));
  auto acc = compute_acceptance(db);
  if (!acc) return acc.error();
  s.acceptance = std::move(*acc);
  return s;
}

}  // namespace rapport
