// The organizer's commands end to end: merge, export, forget, stats on real files.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "support/run.hpp"

using namespace rapport::test;
using ::testing::HasSubstr;
namespace fs = std::filesystem;

namespace {

std::string kiosk_db(const TempDir& dir, const std::string& kiosk) {
  auto db = dir.file(kiosk + ".sqlite");
  EXPECT_EQ(run_rapport({"init", "--db", db, "--event", "DevConf", "--kiosk", kiosk, "--event-id", "devconf-test-0001"}).exit_code, 0);
  EXPECT_EQ(run_rapport({"import", "--db", db, data_file("roster_native.csv")}).exit_code, 0);
  return db;
}

void checkin(const std::string& db, const std::string& code, const std::string& when) {
  auto r = run_rapport({"checkin", "--db", db, code}, {"RAPPORT_FAKE_NOW=" + when});
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

// Two doors that both let A1 in, at different times.
struct TwoDoors {
  TempDir dir;
  std::string a, b, org;
  TwoDoors() {
    a = kiosk_db(dir, "door-1");
    b = kiosk_db(dir, "door-2");
    org = dir.file("organizer.sqlite");
    checkin(a, "T-0001", "2026-11-21T09:10:00.000Z");
    checkin(b, "T-0001", "2026-11-21T09:02:00.000Z");
    checkin(a, "T-0002", "2026-11-21T09:20:00.000Z");
  }
};

}  // namespace

TEST(OrganizerCli, EveryCommandHasHelp) {
  for (const char* cmd : {"export", "merge", "forget", "stats"}) {
    auto r = run_rapport({cmd, "--help"});
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_THAT(r.out, HasSubstr("Usage")) << cmd;
    EXPECT_THAT(r.out, HasSubstr(std::string(cmd) == "merge" ? "--into" : "--db")) << cmd;
  }
}

TEST(OrganizerCli, MergeTwiceIsOneCheckinWithTheEarliestTime) {
  TwoDoors t;
  auto r = run_rapport({"merge", "--into", t.org, t.a, t.b, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = r.json();
  EXPECT_EQ(j["created"], true);
  EXPECT_EQ(j["sources"].size(), 2u);
  auto again = run_rapport({"merge", "--into", t.org, t.b, t.a, "--json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.json()["rows"], 0);
  auto stats = run_rapport({"stats", "--db", t.org, "--json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  auto s = stats.json();
  EXPECT_EQ(s["checked_in"], 2);
  EXPECT_EQ(s["role"], "organizer");
  ASSERT_EQ(s["kiosks"].size(), 2u);
  EXPECT_EQ(s["kiosks"][0]["kiosk"], "door-1");
  EXPECT_EQ(s["kiosks"][0]["checkins"], 1);
  EXPECT_EQ(s["kiosks"][1]["checkins"], 1);
  EXPECT_EQ(s["checkins_per_15min"][0]["from"], "2026-11-21T09:00:00.000Z");
  EXPECT_EQ(s["checkins_per_15min"][0]["count"], 1);
}

TEST(OrganizerCli, ExportOrganizerIsTheSameAsMerge) {
  TwoDoors t;
  auto r = run_rapport({"export", "--db", t.a, "--organizer", t.org});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Created"));
  r = run_rapport({"export", "--db", t.b, "--organizer", t.org, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["organizer"]["sources"][0]["checkins"], 1);  // A1 moved earlier
}

TEST(OrganizerCli, ANonRapportFileIsBadInputAndNothingIsWritten) {
  TwoDoors t;
  auto bad = t.dir.write("notes.txt", "hello");
  auto r = run_rapport({"merge", "--into", t.org, t.a, bad});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("notes.txt: this file is not a Rapport database"));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
  EXPECT_FALSE(fs::exists(t.org));
  EXPECT_EQ(read_file(bad), "hello");
  auto missing = run_rapport({"merge", "--into", t.org, t.dir.file("gone.sqlite")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("gone.sqlite"));
  auto into_kiosk = run_rapport({"merge", "--into", t.b, t.a});
  EXPECT_EQ(into_kiosk.exit_code, 2);
  EXPECT_THAT(into_kiosk.err, HasSubstr("not an organizer file"));
  auto nothing = run_rapport({"export", "--db", t.a});
  EXPECT_EQ(nothing.exit_code, 2);
  auto stats = run_rapport({"stats", "--db", bad});
  EXPECT_EQ(stats.exit_code, 2);
  EXPECT_THAT(stats.err, HasSubstr("notes.txt"));
}

TEST(OrganizerCli, CsvAndFollowupExports) {
  TwoDoors t;
  auto csv = t.dir.file("csv");
  auto r = run_rapport({"export", "--db", t.a, "--csv", csv, "--excel", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["csv"]["files"].size(), 4u);
  for (const char* f : {"attendees.csv", "checkins.csv", "connections.csv", "summary.csv"})
    EXPECT_EQ(read_file(csv + "/" + f).substr(0, 3), "\xEF\xBB\xBF") << f;
  auto fu = t.dir.file("followups");
  r = run_rapport({"export", "--db", t.a, "--followups", fu});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(fu + "/index.csv"));
  auto into_file = run_rapport({"export", "--db", t.a, "--csv", t.dir.write("file.txt", "x")});
  EXPECT_EQ(into_file.exit_code, 2);
  EXPECT_THAT(into_file.err, HasSubstr("not a folder"));
}

TEST(OrganizerCli, ForgetByCodeThenTheMergeKeepsThemForgotten) {
  TwoDoors t;
  auto r = run_rapport({"forget", "--db", t.a, "T-0001", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["forgotten"], "A1");
  EXPECT_EQ(r.json()["checkins_kept"], 1);
  ASSERT_EQ(run_rapport({"merge", "--into", t.org, t.b, t.a}).exit_code, 0);
  auto csv = t.dir.file("csv");
  ASSERT_EQ(run_rapport({"export", "--db", t.org, "--csv", csv}).exit_code, 0);
  EXPECT_THAT(read_file(csv + "/attendees.csv"), Not(HasSubstr("Thảo")));
  auto s = run_rapport({"stats", "--db", t.org, "--json"});
  EXPECT_EQ(s.json()["forgotten"], 1);
  EXPECT_EQ(s.json()["checked_in"], 2);
  auto unknown = run_rapport({"forget", "--db", t.a, "--id", "NOBODY"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("no attendee"));
  auto neither = run_rapport({"forget", "--db", t.a});
  EXPECT_EQ(neither.exit_code, 2);
}

TEST(OrganizerCli, StatsReadsAsText) {
  TwoDoors t;
  auto r = run_rapport({"stats", "--db", t.a});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("checked in"));
  EXPECT_THAT(r.out, HasSubstr("door-1"));
}
