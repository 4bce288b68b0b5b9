// The door as staff need it (issue 14): walk-ins, exits and re-entries, inside_now, and a
// person who left is not suggested.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/run.hpp"
#include "support/run_cmd.hpp"

using namespace rapport::test;
using ::testing::HasSubstr;

namespace {
std::string imported_db(const TempDir& dir) {
  auto db = dir.file("event.sqlite");
  EXPECT_EQ(run_rapport({"init", "--db", db, "--event", "DevConf", "--kiosk", "door-1"}).exit_code, 0);
  EXPECT_EQ(run_rapport({"import", "--db", db, data_file("roster_native.csv")}).exit_code, 0);
  return db;
}
std::vector<std::string> at(const std::string& iso) { return {"RAPPORT_FAKE_NOW=" + iso}; }

int64_t stat_of(const std::string& db, const std::string& key) {
  auto r = run_rapport({"stats", "--db", db, "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.json()[key].get<int64_t>();
}
}  // namespace

TEST(DoorCli, WalkinIsCheckedInWithANewBadgeCodeThatScans) {
  TempDir dir;
  auto db = imported_db(dir);
  auto r = run_rapport({"walkin", "--db", db, "--first-name", "Ngozi", "--last-name", "Okonkwo", "--email",
                        "ngozi@example.org", "--consent", "yes", "--interests", "solar; chess", "--json"},
                       at("2026-11-21T09:30:00.000Z"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = r.json();
  EXPECT_EQ(j["outcome"], "checked_in");
  EXPECT_EQ(j["attendee"]["name"], "Ngozi Okonkwo");
  EXPECT_EQ(j["attendee"]["first_name"], "Ngozi");
  EXPECT_EQ(j["at"], "2026-11-21T09:30:00.000Z");
  EXPECT_EQ(j["printed"], false);
  std::string code = j["code"];
  // Same format and strength as printed badges: RPT1: + 26 base32 characters (128 bits).
  EXPECT_THAT(code, ::testing::MatchesRegex("RPT1:[A-Z2-7]{26}"));
  auto again = run_rapport({"checkin", "--db", db, "--json", code});
  EXPECT_EQ(again.json()["outcome"], "already_checked_in");
  EXPECT_EQ(again.json()["attendee"]["id"], j["attendee"]["id"]);
  // Marked as a walk-in in the file.
  auto q = run_cmd({"sqlite3", db, "SELECT source, consent FROM attendees WHERE id = '" +
                                       j["attendee"]["id"].get<std::string>() + "'"});
  EXPECT_EQ(q.out, "walk-in|1\n");
  EXPECT_EQ(stat_of(db, "walk_ins"), 1);
  EXPECT_EQ(stat_of(db, "inside_now"), 1);
}

TEST(DoorCli, WalkinRefusalsAreExit2AndWriteNothing) {
  TempDir dir;
  auto db = imported_db(dir);
  auto before = run_cmd({"sqlite3", db, "SELECT count(*) FROM attendees"}).out;
  auto no_name = run_rapport({"walkin", "--db", db, "--last-name", "X"});
  EXPECT_EQ(no_name.exit_code, 2);
  EXPECT_THAT(no_name.err, HasSubstr("first name"));
  auto taken = run_rapport({"walkin", "--db", db, "--first-name", "T", "--email", "THAO@example.org"});
  EXPECT_EQ(taken.exit_code, 2);
  EXPECT_THAT(taken.err, HasSubstr("Thảo Nguyễn"));  // staff learn who already has it
  EXPECT_THAT(taken.err, HasSubstr("A1"));
  EXPECT_EQ(std::count(taken.err.begin(), taken.err.end(), '\n'), 1);
  EXPECT_EQ(run_rapport({"walkin", "--db", db, "--first-name", "X", "--email", "not an email"}).exit_code, 2);
  EXPECT_EQ(run_rapport({"walkin", "--db", db, "--first-name", "X", "--consent", "maybe"}).exit_code, 2);
  EXPECT_EQ(run_cmd({"sqlite3", db, "SELECT count(*) FROM attendees"}).out, before);
  EXPECT_EQ(run_cmd({"sqlite3", db, "SELECT count(*) FROM checkins"}).out, "0\n");
}

TEST(DoorCli, ExitThenReentryKeepsFirstArrivalAndRecordsEveryPass) {
  TempDir dir;
  auto db = imported_db(dir);
  EXPECT_EQ(run_rapport({"checkin", "--db", db, "--json", "T-0001"}, at("2026-11-21T09:00:00.000Z")).json()["outcome"],
            "checked_in");
  EXPECT_EQ(run_rapport({"checkin", "--db", db, "--json", "T-0002"}, at("2026-11-21T09:01:00.000Z")).json()["outcome"],
            "checked_in");
  EXPECT_EQ(stat_of(db, "inside_now"), 2);
  auto out = run_rapport({"checkin", "--db", db, "--exit", "--json", "T-0001"}, at("2026-11-21T12:00:00.000Z"));
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_EQ(out.json()["outcome"], "checked_out");
  EXPECT_EQ(out.json()["attendee"]["id"], "A1");
  EXPECT_EQ(out.json()["at"], "2026-11-21T12:00:00.000Z");
  EXPECT_EQ(stat_of(db, "inside_now"), 1);
  auto twice = run_rapport({"checkin", "--db", db, "--exit", "--json", "T-0001"}, at("2026-11-21T12:01:00.000Z"));
  EXPECT_EQ(twice.json()["outcome"], "not_checked_in");
  auto never = run_rapport({"checkin", "--db", db, "--exit", "--json", "--id", "A3"});
  EXPECT_EQ(never.json()["outcome"], "not_checked_in");
  auto back = run_rapport({"checkin", "--db", db, "--json", "T-0001"}, at("2026-11-21T13:00:00.000Z"));
  EXPECT_EQ(back.json()["outcome"], "checked_in");
  EXPECT_EQ(back.json()["at"], "2026-11-21T13:00:00.000Z");
  EXPECT_EQ(back.json()["first_at"], "2026-11-21T09:00:00.000Z");
  EXPECT_EQ(stat_of(db, "inside_now"), 2);
  // The first arrival is kept; every entry and exit is recorded.
  EXPECT_EQ(run_cmd({"sqlite3", db, "SELECT at FROM checkins WHERE attendee_id = 'A1'"}).out,
            "2026-11-21T09:00:00.000Z\n");
  EXPECT_EQ(run_cmd({"sqlite3", db, "SELECT direction || ' ' || at FROM door_passes WHERE attendee_id = 'A1' ORDER BY at"})
                .out,
            "in 2026-11-21T09:00:00.000Z\nout 2026-11-21T12:00:00.000Z\nin 2026-11-21T13:00:00.000Z\n");
}

TEST(DoorCli, ExitIsAllowedForACancelledTicketAndTextOutputSaysSo) {
  TempDir dir;
  auto db = imported_db(dir);
  EXPECT_EQ(run_rapport({"checkin", "--db", db, "--id", "A1"}).exit_code, 0);
  auto r = run_rapport({"checkin", "--db", db, "--exit", "--id", "A1"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("checked out: Thảo Nguyễn (A1)"));
}

TEST(DoorCli, APersonWhoLeftIsNeverSuggested) {
  TempDir dir;
  auto db = imported_db(dir);
  for (auto id : {"A1", "A2", "A3", "A4"}) EXPECT_EQ(run_rapport({"checkin", "--db", db, "--id", id}).exit_code, 0);
  auto before = run_rapport({"suggest", "--db", db, "--json", "--id", "A1"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  auto shown = [](const nlohmann::json& j) {
    std::vector<std::string> ids;
    for (const auto& s : j["suggestions"]) ids.push_back(s["id"]);
    return ids;
  };
  auto ids = shown(before.json());
  ASSERT_FALSE(ids.empty()) << before.out;
  for (const auto& id : ids) EXPECT_EQ(run_rapport({"checkin", "--db", db, "--exit", "--id", id}).exit_code, 0);
  auto after = run_rapport({"suggest", "--db", db, "--json", "--id", "A1"});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  for (const auto& id : shown(after.json())) EXPECT_EQ(std::count(ids.begin(), ids.end(), id), 0) << id;
}

TEST(DoorCli, PassesMergeAsAUnionAndInsideNowFollowsTheLatest) {
  TempDir dir;
  auto door = imported_db(dir);
  auto exit_door = dir.file("exit.sqlite");
  ASSERT_EQ(run_cmd({"cp", door, exit_door}).exit_code, 0);
  EXPECT_EQ(run_rapport({"checkin", "--db", door, "--id", "A1"}, at("2026-11-21T09:00:00.000Z")).exit_code, 0);
  EXPECT_EQ(run_rapport({"checkin", "--db", exit_door, "--kiosk", "door-2", "--id", "A1"},
                        at("2026-11-21T09:00:00.000Z")).exit_code, 0);
  EXPECT_EQ(run_rapport({"checkin", "--db", exit_door, "--kiosk", "door-2", "--exit", "--id", "A1"},
                        at("2026-11-21T17:00:00.000Z")).exit_code, 0);
  auto org = dir.file("org.sqlite");
  auto m = run_rapport({"merge", "--into", org, door, exit_door});
  ASSERT_EQ(m.exit_code, 0) << m.err;
  EXPECT_EQ(stat_of(org, "inside_now"), 0);
  EXPECT_EQ(run_cmd({"sqlite3", org, "SELECT count(*) FROM door_passes WHERE attendee_id = 'A1'"}).out, "3\n");
  // Merging again changes nothing.
  ASSERT_EQ(run_rapport({"merge", "--into", org, exit_door, door}).exit_code, 0);
  EXPECT_EQ(run_cmd({"sqlite3", org, "SELECT count(*) FROM door_passes"}).out, "3\n");
}
