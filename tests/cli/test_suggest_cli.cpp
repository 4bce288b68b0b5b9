#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/store/store.hpp"
#include "support/run.hpp"

using namespace rapport::test;
using ::testing::HasSubstr;

namespace {
const std::string kNow = "RAPPORT_FAKE_NOW=2026-11-21T10:00:00.000Z";

// The native test roster with A1, A2, A3 and A5 on the floor (A4 did not consent).
std::string floor_db(const TempDir& dir) {
  auto db = dir.file("event.sqlite");
  EXPECT_EQ(run_rapport({"init", "--db", db, "--event", "DevConf", "--kiosk", "floor-1"}).exit_code, 0);
  EXPECT_EQ(run_rapport({"import", "--db", db, data_file("roster_native.csv")}).exit_code, 0);
  for (auto code : {"T-0001", "T-0002", "T-0003", "T-0005"})
    EXPECT_EQ(run_rapport({"checkin", "--db", db, code}, {kNow}).exit_code, 0);
  return db;
}

int64_t count_rows(const std::string& db, const std::string& sql) {
  auto store = rapport::Store::open(db, rapport::OpenOptions{true});
  EXPECT_TRUE(store.ok());
  return *store->db().scalar_int(sql);
}
}  // namespace

TEST(SuggestCli, JsonShapeForOneScan) {
  TempDir dir;
  auto db = floor_db(dir);
  auto r = run_rapport({"suggest", "--db", db, "--json", "T-0001"}, {kNow});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = r.json();
  EXPECT_EQ(j["for"]["id"], "A1");
  EXPECT_EQ(j["for"]["name"], "Thảo Nguyễn");
  ASSERT_EQ(j["suggestions"].size(), 2u);
  for (auto& s : j["suggestions"]) {
    for (auto key : {"id", "name", "kind", "score", "reasons", "starter"}) EXPECT_TRUE(s.contains(key)) << key;
    EXPECT_TRUE(s["reasons"].is_array());
    EXPECT_FALSE(s["reasons"].empty());
    EXPECT_TRUE(s["score"].is_number());
    EXPECT_NE(s["id"], "A1");
    EXPECT_NE(s["id"], "A4") << "José did not consent";
  }
  // Thảo can help 芳 with grid modelling, and 芳 offers the UX mentoring Thảo looks for.
  EXPECT_EQ(j["suggestions"][0]["id"], "A2");
  EXPECT_EQ(j["suggestions"][0]["kind"], "you_could_help");
  EXPECT_THAT(j["suggestions"][0]["reasons"][0].get<std::string>(), HasSubstr("grid modelling"));
  EXPECT_TRUE(j["introductions"].is_array());
  EXPECT_EQ(j["connections_today"], 0);
  EXPECT_EQ(count_rows(db, "SELECT count(*) FROM suggestions_shown WHERE for_id = 'A1'"), 2);
}

TEST(SuggestCli, DryRunRecordsNothing) {
  TempDir dir;
  auto db = floor_db(dir);
  auto r = run_rapport({"suggest", "--db", db, "--json", "--dry-run", "--id", "A3"}, {kNow});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["suggestions"].size(), 2u);
  EXPECT_EQ(count_rows(db, "SELECT count(*) FROM suggestions_shown"), 0);
}

TEST(SuggestCli, BatchReportsProblemsPerLineAndCarriesOn) {
  TempDir dir;
  auto db = floor_db(dir);
  auto batch = dir.write("scans.txt", "T-0001\nNOT-A-BADGE\nid:A4\nid:NOBODY\nT-0002\n");
  auto r = run_rapport({"suggest", "--db", db, "--json", "--count", "1", "--batch", batch}, {kNow});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto lines = r.json_lines();
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0]["suggestions"].size(), 1u);
  EXPECT_EQ(lines[1]["error_kind"], "unknown_code");
  EXPECT_EQ(lines[1]["query"], "NOT-A-BADGE");
  EXPECT_TRUE(lines[1].contains("error"));
  EXPECT_EQ(lines[2]["error_kind"], "not_checked_in");
  EXPECT_EQ(lines[2]["for"]["id"], "A4");
  EXPECT_THAT(lines[2]["error"].get<std::string>(), HasSubstr("check in"));
  EXPECT_EQ(lines[3]["error_kind"], "unknown_id");
  // 芳 was shown to Thảo on line 1: for 芳, Thảo is "looking for you".
  EXPECT_EQ(lines[4]["suggestions"][0]["id"], "A1");
  EXPECT_EQ(lines[4]["suggestions"][0]["kind"], "looking_for_you");
}

TEST(SuggestCli, OneUnknownScanIsExit1WithAClearMessage) {
  TempDir dir;
  auto db = floor_db(dir);
  auto r = run_rapport({"suggest", "--db", db, "NOT-A-BADGE"}, {kNow});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("not a badge of this event"));
  auto absent = run_rapport({"suggest", "--db", db, "--json", "T-0004"}, {kNow});
  EXPECT_EQ(absent.exit_code, 1);
  EXPECT_EQ(absent.json()["error_kind"], "not_checked_in");
}

TEST(SuggestCli, HumanOutputNamesThePeopleAndTheirReasons) {
  TempDir dir;
  auto db = floor_db(dir);
  auto r = run_rapport({"suggest", "--db", db, "T-0001"}, {kNow});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("For Thảo Nguyễn (A1)"));
  EXPECT_THAT(r.out, HasSubstr("芳 王 (A2) - You could help"));
  EXPECT_THAT(r.out, HasSubstr("Ask 芳"));
}

TEST(SuggestCli, BadUsageIsExit2) {
  TempDir dir;
  auto db = floor_db(dir);
  EXPECT_EQ(run_rapport({"suggest", "--db", db}).exit_code, 2);
  EXPECT_EQ(run_rapport({"suggest", "--db", db, "--count", "0", "T-0001"}).exit_code, 2);
  EXPECT_EQ(run_rapport({"suggest", "--db", db, "--count", "two", "T-0001"}).exit_code, 2);
  EXPECT_EQ(run_rapport({"suggest", "--db", db, "T-0001", "--id", "A1"}).exit_code, 2);
  EXPECT_EQ(run_rapport({"suggest", "--db", dir.file("missing.sqlite"), "T-0001"}).exit_code, 2);
  auto missing_batch = run_rapport({"suggest", "--db", db, "--batch", dir.file("none.txt")});
  EXPECT_EQ(missing_batch.exit_code, 2);
  EXPECT_THAT(missing_batch.err, HasSubstr("none.txt"));
  EXPECT_EQ(count_rows(db, "SELECT count(*) FROM suggestions_shown"), 0);
}

TEST(ConnectCli, StoredOnceWhateverTheOrder) {
  TempDir dir;
  auto db = floor_db(dir);
  auto first = run_rapport({"connect", "--db", db, "--json", "T-0003", "T-0001"}, {kNow});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.json()["recorded"], true);
  EXPECT_EQ(first.json()["at"], "2026-11-21T10:00:00.000Z");
  EXPECT_EQ(first.json()["a"]["id"], "A3");
  EXPECT_EQ(first.json()["b"]["id"], "A1");
  auto again = run_rapport({"connect", "--db", db, "--json", "--ids", "A1", "A3"},
                           {"RAPPORT_FAKE_NOW=2026-11-21T11:30:00.000Z"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.json()["recorded"], false);
  EXPECT_EQ(again.json()["at"], "2026-11-21T10:00:00.000Z");
  EXPECT_EQ(count_rows(db, "SELECT count(*) FROM connections WHERE a_id = 'A1' AND b_id = 'A3'"), 1);
  auto human = run_rapport({"connect", "--db", db, "T-0001", "T-0003"}, {kNow});
  EXPECT_THAT(human.out, HasSubstr("already connected"));
  // The pair now counts toward Thảo's day and is never suggested again.
  auto s = run_rapport({"suggest", "--db", db, "--json", "--count", "3", "T-0001"}, {kNow});
  EXPECT_EQ(s.json()["connections_today"], 1);
  const auto shown = s.json();
  for (const auto& x : shown["suggestions"]) EXPECT_NE(x["id"], "A3");
}

TEST(ConnectCli, BadPairsAreExit2AndWriteNothing) {
  TempDir dir;
  auto db = floor_db(dir);
  EXPECT_EQ(run_rapport({"connect", "--db", db, "T-0001"}).exit_code, 2);
  auto same = run_rapport({"connect", "--db", db, "T-0001", "T-0001"});
  EXPECT_EQ(same.exit_code, 2);
  EXPECT_THAT(same.err, HasSubstr("same person"));
  auto unknown = run_rapport({"connect", "--db", db, "T-0001", "NOT-A-BADGE"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("NOT-A-BADGE"));
  EXPECT_EQ(run_rapport({"connect", "--db", db, "--ids", "A1", "NOBODY"}).exit_code, 2);
  EXPECT_EQ(run_rapport({"connect", "--db", db, "--ids", "A1", "A2", "--method", "telepathy"}).exit_code, 2);
  EXPECT_EQ(run_rapport({"connect", "--db", db, "T-0001", "T-0002", "--ids", "A1", "A2"}).exit_code, 2);
  EXPECT_EQ(count_rows(db, "SELECT count(*) FROM connections"), 0);
}
