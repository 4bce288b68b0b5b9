#pragma once
// Kiosk files for the organizer tests: a store per kiosk with the same generated roster,
// and helpers that write check-ins, connections and suggestions the way kiosks do.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/checkin/checkin.hpp"
#include "core/roster/demo_event.hpp"
#include "core/roster/import.hpp"
#include "core/store/store.hpp"
#include "core/util/clock.hpp"
#include "core/util/random.hpp"
#include "../support/temp_dir.hpp"

namespace rapport::test {

inline TimePoint at(const std::string& iso) { return *parse_iso8601(iso); }
inline std::string id_of(int n) { return fmt::format("A{:05d}", n); }

inline Store make_kiosk(const std::string& path, const std::string& kiosk, size_t attendees = 30,
                        const std::string& import_time = "2026-11-21T07:00:00.000Z", uint64_t seed = 7) {
  auto s = Store::create(path, EventInfo{"Demo Day", "2026-11-21", kiosk}, fixed_clock(at(import_time)));
  EXPECT_TRUE(s.ok()) << s.error().to_string();
  auto parsed = parse_roster(demo_roster_csv({attendees, seed}), "demo.csv", RosterFormat::native, ImportMapping{});
  EXPECT_TRUE(parsed.ok()) << parsed.error().to_string();
  auto r = import_roster(*s, std::move(parsed.value()));
  EXPECT_TRUE(r.ok()) << r.error().to_string();
  return std::move(s.value());
}

inline void checkin(Store& s, int person, const std::string& when) {
  s.set_clock(fixed_clock(at(when)));
  auto r = checkin_attendee(s, id_of(person), CheckinMethod::badge);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
}

// The kiosk's own way of storing a connection: one row per unordered pair.
inline void connect(Store& s, int x, int y, const std::string& when, const std::string& method = "scan") {
  std::string a = id_of(std::min(x, y)), b = id_of(std::max(x, y));
  auto w = s.db().write([&]() -> Status {
    auto st = s.db().prepare(
        "INSERT INTO connections (a_id, b_id, at, kiosk_id, kiosks, method) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING");
    if (!st) return st.error();
    return st->bind_all(a, b, when, s.kiosk_id(), s.kiosk_id(), method).run();
  });
  ASSERT_TRUE(w.ok()) << w.error().to_string();
}

inline void suggest(Store& s, int for_person, int shown, const std::string& when) {
  auto w = s.db().write([&]() -> Status {
    auto st = s.db().prepare(
        "INSERT INTO suggestions_shown (id, for_id, shown_id, kind, score, at, kiosk_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!st) return st.error();
    return st->bind_all(new_uuid(), id_of(for_person), id_of(shown), std::string("shared_interest"), 1.5, when,
                        s.kiosk_id())
        .run();
  });
  ASSERT_TRUE(w.ok()) << w.error().to_string();
}

// Every row of the merged tables, as text, in key order: two files with the same dump
// hold the same event. sync_log, sync_sources and the event row are bookkeeping.
inline std::string dump(Db& db) {
  static const char* queries[] = {
      "SELECT id, first_name, last_name, email, company, title, status, consent, suggest_opt_out, source, "
      "kiosk_id, created_at, updated_at FROM attendees ORDER BY id",
      "SELECT code, attendee_id, kind, revoked_at, kiosk_id, created_at FROM attendee_codes ORDER BY code",
      "SELECT tag, label FROM tags ORDER BY tag",
      "SELECT attendee_id, kind, tag FROM attendee_tags ORDER BY attendee_id, kind, tag",
      "SELECT attendee_id, at, kiosk_id, method FROM checkins ORDER BY attendee_id",
      "SELECT a_id, b_id, at, kiosk_id, kiosks, method FROM connections ORDER BY a_id, b_id",
      "SELECT id, for_id, shown_id, kind, score, at, kiosk_id FROM suggestions_shown ORDER BY id",
      "SELECT attendee_id, email_hash, at, kiosk_id FROM forgotten ORDER BY attendee_id",
      "SELECT attendee_id, location, at, kiosk_id FROM last_seen ORDER BY attendee_id",
  };
  std::string out;
  for (const char* q : queries) {
    auto st = db.prepare(q);
    EXPECT_TRUE(st.ok());
    if (!st) continue;
    out += std::string("## ") + q + "\n";
    while (true) {
      auto r = st->step();
      if (!r || !*r) break;
      for (int i = 0; i < sqlite3_column_count(st->raw()); ++i) out += (st->is_null(i) ? "NULL" : st->text(i)) + "|";
      out += "\n";
    }
  }
  return out;
}

inline int64_t count(Db& db, const std::string& sql) {
  auto v = db.scalar_int(sql);
  EXPECT_TRUE(v.ok()) << (v ? "" : v.error().to_string());
  return v ? *v : -1;
}

}  // namespace rapport::test
