#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/roster/attendee.hpp"
#include "core/store/store.hpp"
#include "support/run.hpp"

using namespace rapport;
using namespace rapport::test;
using ::testing::HasSubstr;

namespace {
std::string new_db(const TempDir& dir) {
  auto db = dir.file("event.sqlite");
  auto r = run_rapport({"init", "--db", db, "--event", "DevConf", "--date", "2026-11-21", "--kiosk", "door-1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return db;
}

int64_t count(const std::string& db, const std::string& sql) {
  auto s = Store::open(db, OpenOptions{true});
  EXPECT_TRUE(s.ok());
  return *s->db().scalar_int(sql);
}
}  // namespace

TEST(InitCli, CreatesAndRefusesToOverwrite) {
  TempDir dir;
  auto db = new_db(dir);
  auto again = run_rapport({"init", "--db", db, "--event", "Other"});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_THAT(again.err, HasSubstr("already"));
  auto bad_date = run_rapport({"init", "--db", dir.file("x.sqlite"), "--event", "E", "--date", "21/11/2026"});
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(dir.file("x.sqlite")));
}

TEST(InitCli, EveryCommandHasHelp) {
  for (const char* cmd : {"init", "import", "checkin", "demo-event"}) {
    auto r = run_rapport({cmd, "--help"});
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_THAT(r.out, HasSubstr("--")) << cmd;
  }
}

TEST(ImportCli, NativeRosterKeepsNamesByteForByte) {
  TempDir dir;
  auto db = new_db(dir);
  auto r = run_rapport({"import", "--db", db, data_file("roster_native.csv"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = r.json();
  EXPECT_EQ(j["format"], "native");
  EXPECT_EQ(j["imported"], 5);
  auto s = Store::open(db);
  ASSERT_TRUE(s.ok());
  auto thao = load_attendee(s->db(), "A1");
  ASSERT_TRUE(thao.ok() && thao->has_value());
  EXPECT_EQ((*thao)->first_name, "Thảo");
  EXPECT_EQ((*thao)->last_name, "Nguyễn");
  EXPECT_TRUE((*thao)->consent);
  EXPECT_EQ((*thao)->tags_of(TagKind::personal), std::vector<std::string>{"water skiing"});
  auto fang = load_attendee(s->db(), "A2");
  EXPECT_EQ((*fang)->first_name, "芳");
  EXPECT_EQ((*fang)->last_name, "王");
  auto luk = load_attendee(s->db(), "A3");
  EXPECT_EQ((*luk)->first_name, "Łukasz");
  EXPECT_EQ((*luk)->company, "Initech, Inc.");
  auto jose = load_attendee(s->db(), "A4");
  EXPECT_FALSE((*jose)->consent);
  // SQL in a name is only ever data.
  auto bobby = load_attendee(s->db(), "A5");
  ASSERT_TRUE(bobby->has_value());
  EXPECT_EQ((*bobby)->first_name, "Robert'); DROP TABLE attendees;--");
  EXPECT_EQ(count(db, "SELECT count(*) FROM attendees"), 5);
}

TEST(ImportCli, ReimportUpdatesInsteadOfDuplicating) {
  TempDir dir;
  auto db = new_db(dir);
  ASSERT_EQ(run_rapport({"import", "--db", db, data_file("roster_native.csv")}).exit_code, 0);
  auto again = run_rapport({"import", "--db", db, data_file("roster_native.csv"), "--json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.json()["imported"], 0);
  EXPECT_EQ(again.json()["updated"], 5);
  EXPECT_EQ(again.json()["unchanged"], 5);
  EXPECT_EQ(count(db, "SELECT count(*) FROM attendees"), 5);

  auto changed = dir.write("changed.csv",
                           "id,first_name,last_name,email,consent,ticket_code\n"
                           "A1,Thảo,Nguyễn-Tran,thao@example.org,no,T-0001\n");
  auto r = run_rapport({"import", "--db", db, changed, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["updated"], 1);
  EXPECT_EQ(r.json()["unchanged"], 0);
  EXPECT_EQ(count(db, "SELECT count(*) FROM attendees"), 5);
  EXPECT_EQ(count(db, "SELECT consent FROM attendees WHERE id = 'A1'"), 0);
}

TEST(ImportCli, RowsWithoutIdMatchOnTicketCodeThenEmail) {
  TempDir dir;
  auto db = new_db(dir);
  auto first = dir.write("a.csv", "first_name,last_name,email,ticket_code\nAna,Silva,ana@x.org,T-9\nBen,Ok,ben@x.org,\n");
  ASSERT_EQ(run_rapport({"import", "--db", db, first}).exit_code, 0);
  auto second = dir.write("b.csv", "first_name,last_name,email,ticket_code\nAna,Silva,other@x.org,T-9\nBenjamin,Ok,BEN@x.org,\n");
  auto r = run_rapport({"import", "--db", db, second, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["updated"], 2);
  EXPECT_EQ(count(db, "SELECT count(*) FROM attendees"), 2);
}

TEST(ImportCli, ANewIdFallsBackToTheTicketCodeThenAnEmailThatNamesOnePerson) {
  TempDir dir;
  auto db = new_db(dir);
  auto native = dir.write("native.csv",
                          "id,first_name,last_name,email,consent,ticket_code\n"
                          "n1,Ana,Silva,ana@x.org,yes,T-1\n"
                          "n2,Ben,Ok,ben@x.org,yes,\n"
                          "n3,Cy,Dee,shared@x.org,yes,\n");
  ASSERT_EQ(run_rapport({"import", "--db", db, native}).exit_code, 0);
  // Another export of the same people under new ids: Ana by her ticket, Ben by his email.
  // shared@x.org is on two tickets of one order here, so it names nobody in particular:
  // both are new people, and Cy stays as she was.
  auto later = dir.write("later.csv",
                         "id,first_name,last_name,email,consent,ticket_code\n"
                         "e1,Ana,Silva-Lopes,other@x.org,yes,T-1\n"
                         "e2,Benjamin,Ok,BEN@x.org,yes,\n"
                         "e3,Dora,Buyer,shared@x.org,yes,\n"
                         "e4,Eli,Guest,shared@x.org,yes,\n");
  auto r = run_rapport({"import", "--db", db, later, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["imported"], 2) << r.out;
  EXPECT_EQ(r.json()["updated"], 2) << r.out;
  EXPECT_EQ(count(db, "SELECT count(*) FROM attendees"), 5);
  EXPECT_EQ(count(db, "SELECT count(*) FROM attendees WHERE id = 'n1' AND last_name = 'Silva-Lopes'"), 1);
  EXPECT_EQ(count(db, "SELECT count(*) FROM attendees WHERE id = 'n2' AND first_name = 'Benjamin'"), 1);
  EXPECT_EQ(count(db, "SELECT count(*) FROM attendees WHERE id = 'n3' AND first_name = 'Cy'"), 1);
  // Importing it again changes nothing.
  auto again = run_rapport({"import", "--db", db, later, "--json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.json()["imported"], 0) << again.out;
  EXPECT_EQ(again.json()["unchanged"], 4) << again.out;
}

TEST(ImportCli, EventbriteWithMappingFile) {
  TempDir dir;
  auto db = new_db(dir);
  auto r = run_rapport({"import", "--db", db, data_file("eventbrite.csv"), "--map", data_file("eventbrite.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["format"], "eventbrite");
  EXPECT_EQ(r.json()["imported"], 3);
  auto s = Store::open(db);
  auto ana = load_attendee(s->db(), "2001");
  ASSERT_TRUE(ana->has_value());
  EXPECT_EQ((*ana)->tags_of(TagKind::interest).size(), 2u);
  EXPECT_TRUE((*ana)->consent);
  EXPECT_EQ((*ana)->title, "UX Lead");
  auto carla = load_attendee(s->db(), "2003");
  EXPECT_EQ((*carla)->status, AttendeeStatus::cancelled);
  // The barcode checks people in; the sequential attendee number names nobody (issue 16).
  auto by_barcode = run_rapport({"checkin", "--db", db, "--json", "200200001001"});
  EXPECT_EQ(by_barcode.json()["outcome"], "checked_in");
  EXPECT_EQ(by_barcode.json()["attendee"]["first_name"], "Ben");
  auto by_number = run_rapport({"checkin", "--db", db, "--json", "2001"});
  EXPECT_EQ(by_number.json()["outcome"], "unknown_code");
  auto cancelled = run_rapport({"checkin", "--db", db, "--json", "200300001001"});
  EXPECT_EQ(cancelled.json()["outcome"], "cancelled");
}

TEST(ImportCli, PretixAutoDetectedWithTicketSecrets) {
  TempDir dir;
  auto db = new_db(dir);
  auto r = run_rapport({"import", "--db", db, data_file("pretix.csv"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["format"], "pretix");
  EXPECT_EQ(r.json()["imported"], 3);
  auto s = Store::open(db);
  auto yuki = load_attendee(s->db(), "ABC12-2");
  ASSERT_TRUE(yuki->has_value());
  EXPECT_EQ((*yuki)->first_name, "Yuki");
  EXPECT_EQ((*yuki)->last_name, "Tanaka");
  EXPECT_EQ((*yuki)->email, "buyer@example.org");
  auto c = run_rapport({"checkin", "--db", db, "--json", "k8ay3w9qxb6mtpkjcq6fudm7rdzk9g5s"});
  EXPECT_EQ(c.json()["outcome"], "checked_in");
  EXPECT_EQ(c.json()["attendee"]["id"], "ABC12-1");
  auto olena = run_rapport({"checkin", "--db", db, "--json", "r3m8q2w7e9t4y6u1i5o0p8a2s4d6f8g0"});
  EXPECT_EQ(olena.json()["outcome"], "cancelled");
}

TEST(ImportCli, BrokenRowsFailWholeImportWithFileAndLine) {
  struct Case {
    const char* file;
    const char* line;
    const char* words;
  } cases[] = {{"broken_quote.csv", ":3:", "quote"},
               {"bad_consent.csv", ":3:", "consent"},
               {"missing_column.csv", ":3:", "columns"}};
  for (const auto& c : cases) {
    TempDir dir;
    auto db = new_db(dir);
    auto r = run_rapport({"import", "--db", db, data_file(c.file)});
    EXPECT_EQ(r.exit_code, 2) << c.file;
    EXPECT_THAT(r.err, HasSubstr(std::string(c.file) + c.line)) << r.err;
    EXPECT_THAT(r.err, HasSubstr(c.words)) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << r.err;
    EXPECT_EQ(count(db, "SELECT count(*) FROM attendees"), 0) << c.file;
  }
}

TEST(ImportCli, UnknownHeaderAndMissingFileAreClear) {
  TempDir dir;
  auto db = new_db(dir);
  auto r = run_rapport({"import", "--db", db, dir.write("x.csv", "foo,bar\n1,2\n")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("x.csv:1"));
  auto missing = run_rapport({"import", "--db", db, dir.file("nope.csv")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("nope.csv"));
  auto bad_map = run_rapport({"import", "--db", db, data_file("eventbrite.csv"), "--map",
                              dir.write("m.toml", "interests = \"x\"\nintrests = \"y\"\n")});
  EXPECT_EQ(bad_map.exit_code, 2);
  EXPECT_THAT(bad_map.err, HasSubstr("m.toml:2"));
  EXPECT_THAT(bad_map.err, HasSubstr("intrests"));
}

TEST(ImportCli, SameEmailTwiceWithoutIdIsSkippedWithReason) {
  TempDir dir;
  auto db = new_db(dir);
  auto roster = dir.write("dup.csv", "first_name,last_name,email\nAna,Silva,ana@x.org\nAna,S.,ana@x.org\n");
  auto r = run_rapport({"import", "--db", db, roster, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["imported"], 1);
  ASSERT_EQ(r.json()["skipped"].size(), 1u);
  EXPECT_EQ(r.json()["skipped"][0]["line"], 3);
}

TEST(DemoEventCli, WritesARosterThatImports) {
  TempDir dir;
  auto db = new_db(dir);
  auto roster = dir.file("demo.csv");
  auto w = run_rapport({"demo-event", "--out", roster, "--attendees", "300", "--seed", "7"});
  ASSERT_EQ(w.exit_code, 0) << w.err;
  auto r = run_rapport({"import", "--db", db, roster, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.json()["imported"], 300);
  double consent = static_cast<double>(count(db, "SELECT sum(consent) FROM attendees")) / 300.0;
  EXPECT_GT(consent, 0.75);
  EXPECT_LT(consent, 0.95);
  // Same seed, same roster.
  auto again = dir.file("demo2.csv");
  ASSERT_EQ(run_rapport({"demo-event", "--out", again, "--attendees", "300", "--seed", "7"}).exit_code, 0);
  EXPECT_EQ(read_file(roster), read_file(again));
}
