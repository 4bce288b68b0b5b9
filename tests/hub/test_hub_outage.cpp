// The hub goes away mid-event and comes back: both kiosks keep checking people in and
// recording connections; afterwards they converge, and every count equals the writes
// the kiosks acknowledged, once each.
#include "support/hub_env.hpp"

using namespace rapport::test;

TEST(HubOutage, KiosksKeepWorkingThenConvergeWithNothingLostOrDoubled) {
  TempDir dir;
  // A private server: this test stops it, which must not disturb the other hub tests.
  std::string pg_dir = dir.file("pg");
  ASSERT_EQ(std::system((std::string(RAPPORT_PG_SH) + " start '" + pg_dir + "' >/dev/null").c_str()), 0);
  struct Cleanup {
    std::string d;
    ~Cleanup() { (void)std::system((std::string(RAPPORT_PG_SH) + " destroy '" + d + "' >/dev/null").c_str()); }
  } cleanup{pg_dir};
  std::string server = server_url(pg_dir);
  std::string url = fresh_database("hub_outage", server);
  ASSERT_EQ(run_rapport({"hub", "init", "--url", url}).exit_code, 0);

  // 40 people; the door checks in the odd ones, the floor the even ones, both check in
  // P01 (one person, counted once) and each records connections among its people.
  std::string roster = "id,first_name,last_name,interests,consent\n";
  for (int i = 1; i <= 40; ++i) roster += "P" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ",N" +
                                          std::to_string(i) + ",X,climate data,yes\n";
  std::string door = make_kiosk(dir, "door-1", roster), floor = make_kiosk(dir, "floor-2", roster);
  Background door_sync({"sync", "--db", door, "--hub", url, "--every", "0.3"}, dir.file("door.log"));
  Background floor_sync({"sync", "--db", floor, "--hub", url, "--every", "0.3"}, dir.file("floor.log"));

  std::set<std::string> checked_in;
  std::set<std::pair<std::string, std::string>> met;
  auto id = [](int i) { return "P" + std::string(i < 10 ? "0" : "") + std::to_string(i); };
  auto write_phase = [&](int from, int to) {
    for (int i = from; i <= to; ++i) {
      const std::string& db = i % 2 ? door : floor;
      auto c = run_rapport({"checkin", "--db", db, "--id", id(i)});
      ASSERT_EQ(c.exit_code, 0) << c.err;  // acknowledged
      checked_in.insert(id(i));
      if (i > 2) {
        auto m = run_rapport({"connect", "--db", db, "--ids", id(i), id(i - 2)});
        ASSERT_EQ(m.exit_code, 0) << m.err;
        met.insert({id(i - 2), id(i)});
      }
    }
  };
  ASSERT_EQ(run_rapport({"checkin", "--db", floor, "--id", "P01"}).exit_code, 0);
  write_phase(1, 12);
  // The hub goes down; the kiosks go on.
  ASSERT_EQ(std::system((std::string(RAPPORT_PG_SH) + " stop '" + pg_dir + "' >/dev/null").c_str()), 0);
  write_phase(13, 28);
  auto st = run_rapport({"stats", "--db", door, "--hub", url, "--json"});
  ASSERT_EQ(st.exit_code, 0);
  EXPECT_FALSE(st.json()["hub"]["connected"].get<bool>());
  EXPECT_GT(st.json()["hub"]["pending"].get<int>(), 0);
  std::this_thread::sleep_for(std::chrono::seconds(1));  // a few failed cycles
  ASSERT_EQ(std::system((std::string(RAPPORT_PG_SH) + " start '" + pg_dir + "' >/dev/null").c_str()), 0);
  write_phase(29, 40);

  const long long people = static_cast<long long>(checked_in.size());
  const long long pairs = static_cast<long long>(met.size());
  ASSERT_EQ(people, 40);
  auto converged = [&] {
    return count_in(door, "SELECT count(*) FROM checkins") == people &&
           count_in(floor, "SELECT count(*) FROM checkins") == people &&
           count_in(door, "SELECT count(*) FROM connections") == pairs &&
           count_in(floor, "SELECT count(*) FROM connections") == pairs;
  };
  EXPECT_NE(wait_until(converged, std::chrono::seconds(30)), std::chrono::milliseconds::max())
      << read_file(dir.file("door.log")) << read_file(dir.file("floor.log.err"));
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.checkins"), people);
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.connections"), pairs);
  // P01 was checked in at both: the earliest (the floor's) won everywhere.
  for (const auto& db : {door, floor})
    EXPECT_EQ(count_in(db, "SELECT count(*) FROM checkins WHERE attendee_id = 'P01' AND kiosk_id = 'floor-2'"), 1);
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.checkins WHERE attendee_id = 'P01' AND kiosk_id = 'floor-2'"), 1);
  // The sync threads said so while it was down, and stop cleanly.
  EXPECT_NE(read_file(dir.file("door.log")).find("offline"), std::string::npos);
  EXPECT_EQ(door_sync.stop(SIGTERM), 0);
  EXPECT_EQ(floor_sync.stop(SIGTERM), 0);
}
