// `rapport profile` and `import --json consented`, on the real binary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <fstream>

#include "core/store/store.hpp"
#include "support/run.hpp"

using namespace rapport;
using namespace rapport::test;
using ::testing::HasSubstr;

namespace {

// A plain pretix export (no custom questions), made here.
std::string write_pretix(const TempDir& dir, int n) {
  std::string path = dir.file("pretix.csv");
  std::ofstream out(path);
  out << "Event slug,Order code,Position ID,Status,Email,Attendee name,Attendee email,Company,Ticket secret\n";
  for (int i = 1; i <= n; ++i)
    out << fmt::format("devconf,ORD{0:02d},{0},Paid,buyer{0}@example.org,Person{0} Last{0},p{0}@example.org,Co,"
                       "secret{0:02d}abcdefghijklmnopqrstuvwx\n", i);
  return path;
}

struct Event {
  TempDir dir;
  std::string db;
  Event() {
    db = dir.file("event.sqlite");
    auto r = run_rapport({"init", "--db", db, "--event", "DevConf", "--date", "2026-11-21", "--kiosk", "door-1"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  int64_t count(const std::string& sql) {
    auto s = Store::open(db, OpenOptions{true});
    EXPECT_TRUE(s.ok());
    return *s->db().scalar_int(sql);
  }
};

}  // namespace

TEST(ImportCli, PlainRosterSaysNobodyConsentedYet) {
  Event e;
  auto roster = write_pretix(e.dir, 3);
  auto j = run_rapport({"import", "--db", e.db, roster, "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  EXPECT_EQ(j.json()["consented"], 0);
  auto t = run_rapport({"import", "--db", e.db, roster});
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_THAT(t.out, HasSubstr("nobody has said yes to introductions yet: they can at a floor kiosk"));
  ASSERT_EQ(run_rapport({"profile", "--db", e.db, "--id", "ORD01-1", "--consent", "yes"}).exit_code, 0);
  auto again = run_rapport({"import", "--db", e.db, roster, "--json"});
  EXPECT_EQ(again.json()["consented"], 1) << "a re-import does not undo the newer change";
}

TEST(ProfileCli, SetsAndPrintsTheContract) {
  Event e;
  ASSERT_EQ(run_rapport({"import", "--db", e.db, write_pretix(e.dir, 3)}).exit_code, 0);
  auto r = run_rapport({"profile", "--db", e.db, "secret02abcdefghijklmnopqrstuvwx", "--consent", "yes", "--interests",
                        "Rust; Climate data", "--personal-interests", "Water skiing", "--looking-for", "A UX mentor",
                        "--can-help-with", "Grid modelling", "--kiosk", "floor-9", "--json"},
                       {"RAPPORT_FAKE_NOW=2026-11-21T09:30:00.000Z"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = r.json();
  EXPECT_EQ(j["attendee"]["id"], "ORD02-2");
  EXPECT_EQ(j["attendee"]["first_name"], "Person2");
  EXPECT_EQ(j["attendee"]["name"], "Person2 Last2");
  EXPECT_EQ(j["consent"], true);
  EXPECT_EQ(j["interests"], nlohmann::json({"Climate data", "Rust"}));
  EXPECT_EQ(j["personal_interests"], nlohmann::json({"Water skiing"}));
  EXPECT_EQ(j["looking_for"], nlohmann::json({"A UX mentor"}));
  EXPECT_EQ(j["can_help_with"], nlohmann::json({"Grid modelling"}));
  EXPECT_EQ(j["updated_at"], "2026-11-21T09:30:00.000Z");
  EXPECT_EQ(e.count("SELECT count(*) FROM profile_changes WHERE kiosk_id = 'floor-9'"), 5);

  // With no setter it only prints; a list replaces that kind only; "" clears it.
  auto show = run_rapport({"profile", "--db", e.db, "--id", "ORD02-2", "--json"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_EQ(show.json(), j);
  auto clear = run_rapport({"profile", "--db", e.db, "--id", "ORD02-2", "--interests", "", "--json"});
  ASSERT_EQ(clear.exit_code, 0) << clear.err;
  EXPECT_EQ(clear.json()["interests"], nlohmann::json::array());
  EXPECT_EQ(clear.json()["looking_for"], nlohmann::json({"A UX mentor"}));
  auto text = run_rapport({"profile", "--db", e.db, "--id", "ORD02-2"});
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_THAT(text.out, HasSubstr("Person2 Last2"));
  auto no = run_rapport({"profile", "--db", e.db, "--id", "ORD02-2", "--consent", "no", "--json"});
  EXPECT_EQ(no.json()["consent"], false);
}

TEST(ProfileCli, BadInputIsOneLineExitTwoNothingWritten) {
  Event e;
  ASSERT_EQ(run_rapport({"import", "--db", e.db, write_pretix(e.dir, 3)}).exit_code, 0);
  std::string thirty_one;
  for (int i = 0; i < 31; ++i) thirty_one += fmt::format("{}tag{}", i ? ";" : "", i);
  std::vector<std::vector<std::string>> bad = {
      {"profile", "--db", e.db, "--id", "nobody", "--consent", "yes"},
      {"profile", "--db", e.db, "NOSUCHCODE", "--consent", "yes"},
      {"profile", "--db", e.db, "--id", "ORD01-1", "--interests", "Rust;;Go"},
      {"profile", "--db", e.db, "--id", "ORD01-1", "--interests", " "},
      {"profile", "--db", e.db, "--id", "ORD01-1", "--looking-for", std::string(81, 'x')},
      {"profile", "--db", e.db, "--id", "ORD01-1", "--can-help-with", thirty_one},
      {"profile", "--db", e.db, "--consent", "yes"},
  };
  for (const auto& args : bad) {
    auto r = run_rapport(args);
    EXPECT_EQ(r.exit_code, 2) << args[4];
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
  // An option value the parser refuses: exit 2 with the command's usual usage hint.
  EXPECT_EQ(run_rapport({"profile", "--db", e.db, "--id", "ORD01-1", "--consent", "maybe"}).exit_code, 2);
  ASSERT_EQ(run_rapport({"forget", "--db", e.db, "--id", "ORD03-3"}).exit_code, 0);
  auto forgotten = run_rapport({"profile", "--db", e.db, "--id", "ORD03-3", "--consent", "yes"});
  EXPECT_EQ(forgotten.exit_code, 2);
  EXPECT_THAT(forgotten.err, HasSubstr("forgotten"));
  auto show_forgotten = run_rapport({"profile", "--db", e.db, "--id", "ORD03-3"});
  EXPECT_EQ(show_forgotten.exit_code, 2);
  EXPECT_EQ(e.count("SELECT count(*) FROM profile_changes"), 0);
}
