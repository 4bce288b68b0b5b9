#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/run.hpp"

using namespace rapport::test;
using ::testing::HasSubstr;

namespace {
std::string imported_db(const TempDir& dir) {
  auto db = dir.file("event.sqlite");
  EXPECT_EQ(run_rapport({"init", "--db", db, "--event", "DevConf", "--kiosk", "door-1"}).exit_code, 0);
  EXPECT_EQ(run_rapport({"import", "--db", db, data_file("roster_native.csv")}).exit_code, 0);
  return db;
}
}  // namespace

TEST(CheckinCli, FirstThenAlreadyWithTheFirstTime) {
  TempDir dir;
  auto db = imported_db(dir);
  auto first = run_rapport({"checkin", "--db", db, "--json", "T-0001"}, {"RAPPORT_FAKE_NOW=2026-11-21T09:02:00.000Z"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto j = first.json();
  EXPECT_EQ(j["outcome"], "checked_in");
  EXPECT_EQ(j["attendee"]["id"], "A1");
  EXPECT_EQ(j["attendee"]["name"], "Thảo Nguyễn");
  EXPECT_EQ(j["attendee"]["first_name"], "Thảo");
  EXPECT_EQ(j["at"], "2026-11-21T09:02:00.000Z");
  auto second = run_rapport({"checkin", "--db", db, "--json", "T-0001"}, {"RAPPORT_FAKE_NOW=2026-11-21T10:30:00.000Z"});
  EXPECT_EQ(second.json()["outcome"], "already_checked_in");
  EXPECT_EQ(second.json()["at"], "2026-11-21T09:02:00.000Z");
}

TEST(CheckinCli, UnknownCodeAndById) {
  TempDir dir;
  auto db = imported_db(dir);
  auto unknown = run_rapport({"checkin", "--db", db, "--json", "NOT-A-TICKET"});
  EXPECT_EQ(unknown.exit_code, 0);
  EXPECT_EQ(unknown.json()["outcome"], "unknown_code");
  EXPECT_TRUE(unknown.json()["attendee"].is_null());
  auto by_id = run_rapport({"checkin", "--db", db, "--json", "--id", "A2"});
  EXPECT_EQ(by_id.json()["outcome"], "checked_in");
  EXPECT_EQ(by_id.json()["attendee"]["first_name"], "芳");
}

TEST(CheckinCli, BatchPrintsOneLinePerCheckin) {
  TempDir dir;
  auto db = imported_db(dir);
  auto batch = dir.write("scans.txt", "T-0001\nid:A2\n\nT-0001\nGARBAGE\nid:A3\n");
  auto r = run_rapport({"checkin", "--db", db, "--json", "--kiosk", "door-2", "--batch", batch});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto lines = r.json_lines();
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0]["outcome"], "checked_in");
  EXPECT_EQ(lines[1]["outcome"], "checked_in");
  EXPECT_EQ(lines[2]["outcome"], "already_checked_in");
  EXPECT_EQ(lines[3]["outcome"], "unknown_code");
  EXPECT_EQ(lines[4]["outcome"], "checked_in");
}

TEST(CheckinCli, BadUsageIsExit2) {
  TempDir dir;
  auto db = imported_db(dir);
  EXPECT_EQ(run_rapport({"checkin", "--db", db}).exit_code, 2);
  EXPECT_EQ(run_rapport({"checkin", "--db", db, "X", "--id", "A1"}).exit_code, 2);
  EXPECT_EQ(run_rapport({"checkin", "--db", dir.file("missing.sqlite"), "X"}).exit_code, 2);
  EXPECT_EQ(run_rapport({"checkin", "--db", db, "--batch", dir.file("missing.txt")}).exit_code, 2);
  EXPECT_EQ(run_rapport({"no-such-command"}).exit_code, 2);
}

TEST(CheckinCli, GarbageScansAreUnknownNotCrashes) {
  TempDir dir;
  auto db = imported_db(dir);
  std::string huge(3000, 'Q');
  auto r = run_rapport({"checkin", "--db", db, "--json", huge});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.json()["outcome"], "unknown_code");
  auto ctrl = run_rapport({"checkin", "--db", db, "--json", std::string("T-00\x01") + "01"});
  EXPECT_EQ(ctrl.json()["outcome"], "unknown_code");
}
