// Where a person was last seen travels through the hub: a badge read at the coffee-bar
// kiosk shows up in another kiosk's suggestions ("last scanned at the coffee bar") and in
// the organizer file exported from the hub.
#include <thread>

#include "core/kiosk/front_desk.hpp"
#include "support/hub_env.hpp"

using namespace rapport;
using namespace rapport::test;

TEST(HubLastSeen, AScanAtAKioskWithALocationReachesTheOtherKioskAndTheOrganizer) {
  TempDir dir;
  std::string url = fresh_database("hub_last_seen");
  ASSERT_EQ(run_rapport({"hub", "init", "--url", url}).exit_code, 0);
  std::string bar = make_kiosk(dir, "bar-1", kSmallRoster), hall = make_kiosk(dir, "hall-2", kSmallRoster);
  ASSERT_EQ(run_rapport({"checkin", "--db", hall, "--id", "P1"}).exit_code, 0);

  {
    // Ben scans his badge at the coffee-bar kiosk (the kiosk's own desk, as the UI drives it).
    auto store = Store::open(bar);
    ASSERT_TRUE(store.ok());
    FrontDesk::Options options;
    options.config.location = "coffee bar";
    auto desk = FrontDesk::open(std::move(*store), options);
    ASSERT_TRUE(desk.ok()) << desk.error().to_string();
    (*desk)->submit(ScanRequest{"T-0002", {}, false});
    std::optional<DeskReply> reply;
    for (int i = 0; i < 2000 && !reply; ++i) {
      reply = (*desk)->poll();
      if (!reply) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ASSERT_TRUE(reply && std::holds_alternative<DoorReply>(*reply));
  }
  EXPECT_EQ(count_in(bar, "SELECT count(*) FROM last_seen WHERE attendee_id = 'P2' AND location = 'coffee bar'"), 1);

  auto push = run_rapport({"sync", "--db", bar, "--hub", url});
  ASSERT_EQ(push.exit_code, 0) << push.err;
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.last_seen WHERE attendee_id = 'P2'"), 1);
  auto pull = run_rapport({"sync", "--db", hall, "--hub", url});
  ASSERT_EQ(pull.exit_code, 0) << pull.err;

  auto r = run_rapport({"suggest", "--db", hall, "--id", "P1", "--dry-run", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = r.json();
  bool found = false;
  for (const auto& s : j["suggestions"]) {
    if (s["id"] != "P2") continue;
    found = true;
    EXPECT_EQ(s["full_name"], "Ben Two");
    ASSERT_TRUE(s["last_seen"].is_object()) << s.dump();
    EXPECT_EQ(s["last_seen"]["location"], "coffee bar");
    EXPECT_TRUE(s["last_seen"]["at"].is_string());
  }
  EXPECT_TRUE(found) << r.out;

  std::string org = dir.file("org.sqlite");
  auto ex = run_rapport({"export", "--hub", url, "--organizer", org});
  ASSERT_EQ(ex.exit_code, 0) << ex.err;
  EXPECT_EQ(count_in(org, "SELECT count(*) FROM last_seen WHERE attendee_id = 'P2' AND location = 'coffee bar'"), 1);
}
