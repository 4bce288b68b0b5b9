// Issue 16, finding 1: one event per file. Another event's file is refused by merge and
// by a kiosk's [sync] target (exit 2, both events named, nothing changed); copies of one
// event's file, and copies of a file made before event ids, still merge.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "support/run.hpp"

using namespace rapport::test;
using ::testing::HasSubstr;
namespace fs = std::filesystem;

namespace {

std::string make_event(const TempDir& dir, const std::string& file, const std::string& date,
                       const std::string& kiosk) {
  auto db = dir.file(file);
  auto r = run_rapport({"init", "--db", db, "--event", "Rust Meetup", "--date", date, "--kiosk", kiosk, "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(run_rapport({"import", "--db", db, data_file("roster_native.csv")}).exit_code, 0);
  return db;
}

std::string event_id(const std::string& db) {
  std::string cmd = "sqlite3 -readonly '" + db + "' \"SELECT event_id FROM event\"";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[256];
  while (p && fgets(buf, sizeof buf, p)) out += buf;
  if (p) pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

std::string sql(const std::string& db, const std::string& q) {
  std::string cmd = "sqlite3 '" + db + "' \"" + q + "\" 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[256];
  while (p && fgets(buf, sizeof buf, p)) out += buf;
  if (p) pclose(p);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace

TEST(EventIdentityCli, InitGivesEachEventARandomId) {
  TempDir dir;
  auto r = run_rapport({"init", "--db", dir.file("a.sqlite"), "--event", "Rust Meetup", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string a = r.json()["event_id"];
  r = run_rapport({"init", "--db", dir.file("b.sqlite"), "--event", "Rust Meetup", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string b = r.json()["event_id"];
  EXPECT_GE(a.size(), 32u);
  EXPECT_NE(a, b);
  EXPECT_EQ(event_id(dir.file("a.sqlite")), a);
  auto bad = run_rapport({"init", "--db", dir.file("c.sqlite"), "--event", "X", "--event-id", "a b"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_FALSE(fs::exists(dir.file("c.sqlite")));
}

TEST(EventIdentityCli, MergeRefusesAnotherEventsFileAndChangesNothing) {
  TempDir dir;
  auto a = make_event(dir, "october.sqlite", "2026-10-15", "door-1");
  auto b = make_event(dir, "november.sqlite", "2026-11-19", "door-1");
  ASSERT_EQ(run_rapport({"checkin", "--db", b, "T-0001"}).exit_code, 0);
  auto org = dir.file("org.sqlite");
  ASSERT_EQ(run_rapport({"merge", "--into", org, a}).exit_code, 0);
  auto before = read_file(org);

  auto r = run_rapport({"merge", "--into", org, b});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("november.sqlite"));
  EXPECT_THAT(r.err, HasSubstr("2026-10-15"));
  EXPECT_THAT(r.err, HasSubstr("2026-11-19"));
  EXPECT_THAT(r.err, HasSubstr(event_id(a)));
  EXPECT_THAT(r.err, HasSubstr(event_id(b)));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
  EXPECT_EQ(read_file(org), before);
  EXPECT_EQ(sql(org, "SELECT count(*) FROM checkins"), "0");

  // Two events in one run: refused before an organizer file is made.
  auto fresh = dir.file("fresh.sqlite");
  r = run_rapport({"merge", "--into", fresh, a, b});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_FALSE(fs::exists(fresh));
  // export --organizer goes through the same check.
  r = run_rapport({"export", "--db", b, "--organizer", org});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(read_file(org), before);
}

TEST(EventIdentityCli, CopiesOfOneEventFileMerge) {
  TempDir dir;
  auto proto = make_event(dir, "event.sqlite", "2026-10-15", "proto");
  fs::copy_file(proto, dir.file("door.sqlite"));
  fs::copy_file(proto, dir.file("floor.sqlite"));
  ASSERT_EQ(run_rapport({"checkin", "--db", dir.file("door.sqlite"), "--kiosk", "door-1", "T-0001"}).exit_code, 0);
  ASSERT_EQ(run_rapport({"checkin", "--db", dir.file("floor.sqlite"), "--kiosk", "floor-1", "T-0002"}).exit_code, 0);
  auto r = run_rapport({"merge", "--into", dir.file("org.sqlite"), dir.file("door.sqlite"), dir.file("floor.sqlite")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(sql(dir.file("org.sqlite"), "SELECT count(*) FROM checkins"), "2");
  EXPECT_EQ(event_id(dir.file("org.sqlite")), event_id(proto));
  // A fresh file can join the event by its id.
  auto joined = dir.file("joined.sqlite");
  ASSERT_EQ(run_rapport({"init", "--db", joined, "--event", "Rust Meetup", "--event-id", event_id(proto)}).exit_code, 0);
  EXPECT_EQ(run_rapport({"merge", "--into", dir.file("org.sqlite"), joined}).exit_code, 0);
}

// Files made before schema 4 have no stored id: copies of one such event (one of them
// already opened, so migrated, by this Rapport) still merge; another old event does not.
TEST(EventIdentityCli, FilesFromBeforeEventIdsKeepMergingWithTheirCopies) {
  TempDir dir;
  auto proto = make_event(dir, "old.sqlite", "2026-10-15", "proto");
  auto other = make_event(dir, "other-old.sqlite", "2026-11-19", "proto");
  for (const auto& f : {proto, other}) {
    auto out = sql(f, "PRAGMA wal_checkpoint(TRUNCATE); ALTER TABLE event DROP COLUMN event_id; PRAGMA user_version = 3;");
    ASSERT_EQ(out.find("Error"), std::string::npos) << out;
    ASSERT_EQ(sql(f, "PRAGMA user_version"), "3");
  }
  fs::copy_file(proto, dir.file("door.sqlite"));
  fs::copy_file(proto, dir.file("floor.sqlite"));
  // The door opens its copy (migrated to the current schema); the floor's stays old.
  ASSERT_EQ(run_rapport({"checkin", "--db", dir.file("door.sqlite"), "--kiosk", "door-1", "T-0001"}).exit_code, 0);
  EXPECT_NE(sql(dir.file("door.sqlite"), "PRAGMA user_version"), "3");
  EXPECT_EQ(sql(dir.file("floor.sqlite"), "PRAGMA user_version"), "3");
  auto org = dir.file("org.sqlite");
  auto r = run_rapport({"merge", "--into", org, dir.file("floor.sqlite"), dir.file("door.sqlite")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_rapport({"merge", "--into", org, other});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("2026-11-19"));
}

TEST(EventIdentityCli, AKioskRefusesASyncTargetOfAnotherEvent) {
  TempDir dir;
  auto a = make_event(dir, "october.sqlite", "2026-10-15", "door-1");
  auto b = make_event(dir, "november.sqlite", "2026-11-19", "door-1");
  auto target = dir.file("target.sqlite");
  ASSERT_EQ(run_rapport({"merge", "--into", target, b}).exit_code, 0);
  auto before = read_file(target);
  std::string cfg = read_file(std::string(RAPPORT_SOURCE_DIR) + "/kiosk-config/door.toml");
  auto pos = cfg.find("\ntarget = ");
  ASSERT_NE(pos, std::string::npos);
  cfg.replace(pos + 1, cfg.find('\n', pos + 1) - pos - 1, "target = \"" + target + "\"");
  auto conf = dir.write("door.toml", cfg);
  auto r = run_rapport({"kiosk", "--db", a, "--config", conf, "--script", "/dev/null"}, {"DISPLAY="});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("[sync] target"));
  EXPECT_THAT(r.err, HasSubstr("2026-10-15"));
  EXPECT_THAT(r.err, HasSubstr("2026-11-19"));
  EXPECT_EQ(read_file(target), before);
}
