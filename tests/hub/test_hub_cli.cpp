// rapport hub init / sync / export --hub / stats --hub on a real PostgreSQL: what an
// organizer sees, and every bad input (bad URL, hub down, no hub yet, another event).
#include "support/hub_env.hpp"

using namespace rapport::test;

TEST(HubCli, InitIsIdempotentAndKeepsTheHubsIdentity) {
  std::string url = fresh_database("hub_cli_init");
  auto a = run_rapport({"hub", "init", "--url", url, "--json"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  auto b = run_rapport({"hub", "init", "--url", url, "--json"});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(a.json()["hub_id"], b.json()["hub_id"]);
  EXPECT_EQ(a.json()["schema_version"], 1);
  EXPECT_TRUE(b.err.empty()) << "no server notices for people: " << b.err;
}

TEST(HubCli, OneCyclePushesPullsAndMergesEarliestCheckinWins) {
  TempDir dir;
  std::string url = fresh_database("hub_cli_cycle");
  ASSERT_EQ(run_rapport({"hub", "init", "--url", url}).exit_code, 0);
  std::string a = make_kiosk(dir, "door-1", kSmallRoster), b = make_kiosk(dir, "floor-2", kSmallRoster);
  // Both doors check P1 in while offline from each other; the door was first.
  checkin_ids(a, {"P1", "P2"});
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  checkin_ids(b, {"P1", "P3"});
  ASSERT_EQ(run_rapport({"connect", "--db", a, "--ids", "P1", "P2"}).exit_code, 0);
  ASSERT_EQ(run_rapport({"connect", "--db", b, "--ids", "P2", "P1"}).exit_code, 0);

  auto sa = run_rapport({"sync", "--db", a, "--hub", url, "--json"});
  ASSERT_EQ(sa.exit_code, 0) << sa.err;
  EXPECT_TRUE(sa.json()["full_push"].get<bool>());
  EXPECT_EQ(sa.json()["pending"], 0);
  auto sb = run_rapport({"sync", "--db", b, "--hub", url, "--json"});
  ASSERT_EQ(sb.exit_code, 0) << sb.err;
  EXPECT_EQ(sb.json()["checkins_pulled"], 1);  // P2 (P1 it had already, later)
  ASSERT_EQ(run_rapport({"sync", "--db", a, "--hub", url}).exit_code, 0);

  for (const auto& db : {a, b}) {
    EXPECT_EQ(count_in(db, "SELECT count(*) FROM checkins"), 3) << db;
    EXPECT_EQ(count_in(db, "SELECT count(*) FROM checkins WHERE attendee_id = 'P1' AND kiosk_id = 'door-1'"), 1) << db;
    EXPECT_EQ(count_in(db, "SELECT count(*) FROM connections WHERE kiosks = 'door-1,floor-2' AND kiosk_id = 'door-1'"), 1)
        << db;
  }
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.checkins"), 3);
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.checkins WHERE attendee_id = 'P1' AND kiosk_id = 'door-1'"), 1);
  // Pulled rows are not logged as the kiosk's own: nothing is pending, nothing goes back.
  auto again = run_rapport({"sync", "--db", b, "--hub", url, "--json"});
  ASSERT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.json()["pushed"], 0);
  EXPECT_EQ(again.json()["pulled"], 0);

  // The organizer file from the hub equals the merge of the two files.
  std::string org = dir.file("org.sqlite"), merged = dir.file("merged.sqlite");
  auto ex = run_rapport({"export", "--hub", url, "--organizer", org, "--json"});
  ASSERT_EQ(ex.exit_code, 0) << ex.err;
  EXPECT_TRUE(ex.json()["organizer"]["created"].get<bool>());
  ASSERT_EQ(run_rapport({"merge", "--into", merged, a, b}).exit_code, 0);
  for (const char* q : {"SELECT group_concat(attendee_id || at || kiosk_id || method) FROM (SELECT * FROM checkins ORDER BY 1)",
                        "SELECT group_concat(a_id || b_id || at || kiosk_id || kiosks || method) FROM connections"})
    EXPECT_EQ(text_in(org, q), text_in(merged, q)) << q;
  // Exporting again reads only what changed since: nothing.
  auto ex2 = run_rapport({"export", "--hub", url, "--organizer", org, "--json"});
  ASSERT_EQ(ex2.exit_code, 0) << ex2.err;
  EXPECT_EQ(ex2.json()["organizer"]["pulled"], 0);

  auto st = run_rapport({"stats", "--db", a, "--hub", url, "--json"});
  ASSERT_EQ(st.exit_code, 0) << st.err;
  EXPECT_TRUE(st.json()["hub"]["connected"].get<bool>());
  EXPECT_EQ(st.json()["hub"]["pending"], 0);
  EXPECT_EQ(st.json()["hub"]["hub_checkins"], 3);
  EXPECT_EQ(st.json()["hub"]["kiosks"].size(), 2u);
}

TEST(HubCli, BadUrlsAreBadInputAndNeverEchoThePassword) {
  TempDir dir;
  std::string a = make_kiosk(dir, "door-1", kSmallRoster);
  for (const char* bad : {"https://hub.example.org", "hub.local", "postgresql:///rapport"}) {
    auto r = run_rapport({"sync", "--db", a, "--hub", bad});
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_NE(r.err.find("--hub"), std::string::npos) << r.err;
  }
  auto i = run_rapport({"hub", "init", "--url", "mysql://x"});
  EXPECT_EQ(i.exit_code, 2);
  auto e = run_rapport({"export", "--hub", "postgresql://127.0.0.1/x"});
  EXPECT_EQ(e.exit_code, 2);
  EXPECT_NE(e.err.find("--organizer"), std::string::npos);
  auto both = run_rapport({"export", "--hub", "postgresql://127.0.0.1/x", "--db", a, "--organizer", dir.file("o")});
  EXPECT_EQ(both.exit_code, 2);
}

TEST(HubCli, HubDownIsAFailureThatLosesNothing) {
  TempDir dir;
  std::string a = make_kiosk(dir, "door-1", kSmallRoster);
  checkin_ids(a, {"P1"});
  // Port 1 on loopback: nobody listens there.
  std::string down = "postgresql://rapport:s3cret@127.0.0.1:1/rapport";
  auto r = run_rapport({"sync", "--db", a, "--hub", down});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot reach the hub"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("s3cret"), std::string::npos) << r.err;
  auto st = run_rapport({"stats", "--db", a, "--hub", down, "--json"});
  ASSERT_EQ(st.exit_code, 0) << st.err;
  EXPECT_FALSE(st.json()["hub"]["connected"].get<bool>());
  EXPECT_GT(st.json()["hub"]["pending"].get<int>(), 0);
  auto text = run_rapport({"stats", "--db", a, "--hub", down});
  EXPECT_NE(text.out.find("offline"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("s3cret"), std::string::npos);
  // The check-in is still there, and goes with the next sync.
  EXPECT_EQ(count_in(a, "SELECT count(*) FROM checkins"), 1);
  auto ex = run_rapport({"export", "--hub", down, "--organizer", dir.file("org.sqlite")});
  EXPECT_EQ(ex.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(dir.file("org.sqlite")));
}

TEST(HubCli, ADatabaseWithoutAHubAndAHubOfAnotherEventAreRefused) {
  TempDir dir;
  std::string url = fresh_database("hub_cli_refuse");
  std::string a = make_kiosk(dir, "door-1", kSmallRoster);
  auto none = run_rapport({"sync", "--db", a, "--hub", url});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("rapport hub init"), std::string::npos) << none.err;
  ASSERT_EQ(run_rapport({"hub", "init", "--url", url}).exit_code, 0);
  ASSERT_EQ(run_rapport({"sync", "--db", a, "--hub", url}).exit_code, 0);
  std::string other = dir.file("other.sqlite");
  ASSERT_EQ(run_rapport({"init", "--db", other, "--event", "Another Day", "--kiosk", "x"}).exit_code, 0);
  auto r = run_rapport({"sync", "--db", other, "--hub", url});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("Hub Test Day"), std::string::npos) << r.err;
  // An organizer file is not a kiosk: it is built from the hub, not synced.
  std::string org = dir.file("org.sqlite");
  ASSERT_EQ(run_rapport({"merge", "--into", org, a}).exit_code, 0);
  EXPECT_EQ(run_rapport({"sync", "--db", org, "--hub", url}).exit_code, 2);
}
