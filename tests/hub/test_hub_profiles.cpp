// Profile changes through the real PostgreSQL hub: a kiosk-made profile reaches the other
// kiosks and the organizer file; conflicting edits from two kiosks resolve the same in any
// order (newest hybrid-logical-clock stamp); a kiosk whose clock jumped back keeps its
// later change; a forgotten person's rows leave the hub too.
#include "support/hub_env.hpp"

using namespace rapport::test;

namespace {

// A plain roster: nobody has consented, nobody has tags.
const char* kPlainRoster =
    "id,first_name,last_name,email,consent,ticket_code\n"
    "P1,Ada,One,ada@example.org,no,T-0001\n"
    "P2,Ben,Two,ben@example.org,no,T-0002\n"
    "P3,Cleo,Three,cleo@example.org,no,T-0003\n";

void profile(const std::string& db, const std::vector<std::string>& args, const std::string& now) {
  std::vector<std::string> all{"profile", "--db", db};
  all.insert(all.end(), args.begin(), args.end());
  auto r = run_rapport(all, {"RAPPORT_FAKE_NOW=" + now});
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

void sync(const std::string& db, const std::string& url) {
  auto r = run_rapport({"sync", "--db", db, "--hub", url});
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace

TEST(HubProfiles, AKioskMadeProfileReachesOtherKiosksAndTheOrganizer) {
  TempDir dir;
  std::string url = fresh_database("hub_profiles_reach");
  ASSERT_EQ(run_rapport({"hub", "init", "--url", url}).exit_code, 0);
  std::string a = make_kiosk(dir, "floor-1", kPlainRoster), b = make_kiosk(dir, "floor-2", kPlainRoster);
  profile(a, {"--id", "P1", "--consent", "yes", "--interests", "Rust;Sailing"}, "2026-11-21T09:00:00.000Z");
  sync(a, url);
  sync(b, url);
  EXPECT_EQ(count_in(b, "SELECT consent FROM attendees WHERE id = 'P1'"), 1);
  EXPECT_EQ(text_in(b, "SELECT group_concat(tag, ',') FROM (SELECT tag FROM attendee_tags WHERE attendee_id = 'P1' ORDER BY tag)"),
            "rust,sailing");
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.profile_changes WHERE kiosk_id = 'floor-1'"), 2);
  std::string org = dir.file("org.sqlite");
  auto ex = run_rapport({"export", "--hub", url, "--organizer", org, "--json"});
  ASSERT_EQ(ex.exit_code, 0) << ex.err;
  EXPECT_EQ(count_in(org, "SELECT consent FROM attendees WHERE id = 'P1'"), 1);
  EXPECT_EQ(count_in(org, "SELECT count(*) FROM attendee_tags WHERE attendee_id = 'P1' AND kind = 'interest'"), 2);

  // Forgetting at kiosk B takes the rows away at the hub too.
  ASSERT_EQ(run_rapport({"forget", "--db", b, "--id", "P1"}).exit_code, 0);
  sync(b, url);
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.profile_changes WHERE attendee_id = 'P1'"), 0);
}

TEST(HubProfiles, ConflictingEditsResolveTheSameInAnyOrderAndAClockJumpBackKeepsTheLaterChange) {
  TempDir dir;
  std::string url1 = fresh_database("hub_profiles_order1"), url2 = fresh_database("hub_profiles_order2");
  ASSERT_EQ(run_rapport({"hub", "init", "--url", url1}).exit_code, 0);
  ASSERT_EQ(run_rapport({"hub", "init", "--url", url2}).exit_code, 0);
  std::string a = make_kiosk(dir, "floor-1", kPlainRoster), b = make_kiosk(dir, "floor-2", kPlainRoster);
  // P1: both kiosks edit, B later. P2: A's clock is two hours fast, then corrected: its
  // withdrawal at 10:05 real time comes after its "yes" stamped 12:00.
  profile(a, {"--id", "P1", "--interests", "Rust"}, "2026-11-21T09:00:00.000Z");
  profile(b, {"--id", "P1", "--interests", "Go"}, "2026-11-21T09:05:00.000Z");
  profile(a, {"--id", "P2", "--consent", "yes"}, "2026-11-21T12:00:00.000Z");
  profile(a, {"--id", "P2", "--consent", "no"}, "2026-11-21T10:05:00.000Z");
  profile(b, {"--id", "P3", "--consent", "yes"}, "2026-11-21T10:00:00.000Z");

  // Hub 1 hears A first, hub 2 hears B first.
  sync(a, url1);
  sync(b, url1);
  sync(b, url2);
  sync(a, url2);
  sync(a, url1);
  sync(b, url2);
  EXPECT_EQ(count_at_hub(url1, "SELECT count(*) FROM rapport.profile_changes"), 3);
  EXPECT_EQ(count_at_hub(url2, "SELECT count(*) FROM rapport.profile_changes"), 3);
  for (const auto& db : {a, b}) {
    EXPECT_EQ(text_in(db, "SELECT group_concat(tag) FROM attendee_tags WHERE attendee_id = 'P1'"), "go") << db;
    EXPECT_EQ(count_in(db, "SELECT consent FROM attendees WHERE id = 'P2'"), 0) << db;
    EXPECT_EQ(count_in(db, "SELECT consent FROM attendees WHERE id = 'P3'"), 1) << db;
  }
  for (const auto& url : {url1, url2}) {
    EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.profile_changes WHERE attendee_id = 'P1' AND kiosk_id = 'floor-2'"), 1);
    EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.profile_changes WHERE attendee_id = 'P2' AND value = 'no'"), 1);
  }
}
