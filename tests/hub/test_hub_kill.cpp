// A kiosk killed with SIGKILL in the middle of a push, then restarted: nothing lost,
// nothing doubled. RAPPORT_HUB_STALL holds the push at an exact point (before the hub's
// COMMIT, or after it but before the kiosk saved its cursor) so the kill lands there.
#include "support/hub_env.hpp"

using namespace rapport::test;

namespace {
std::string big_roster(int n) {
  std::string r = "id,first_name,last_name,interests,consent\n";
  for (int i = 0; i < n; ++i) r += "Q" + std::to_string(i) + ",N" + std::to_string(i) + ",X,climate data,yes\n";
  return r;
}

void check_in_all(const TempDir& dir, const std::string& db, int from, int to) {
  std::string batch;
  for (int i = from; i < to; ++i) batch += "id:Q" + std::to_string(i) + "\n";
  auto r = run_rapport({"checkin", "--db", db, "--batch", dir.write("batch.txt", batch)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

void kill_at(const TempDir& dir, const std::string& db, const std::string& url, const std::string& point) {
  std::string log = dir.file("stall-" + point + ".log");
  Background p({"sync", "--db", db, "--hub", url}, log, {"RAPPORT_HUB_STALL=" + point});
  auto took = wait_until([&] { return read_file(log + ".err").find("stalling") != std::string::npos; },
                         std::chrono::seconds(20));
  ASSERT_NE(took, std::chrono::milliseconds::max()) << read_file(log + ".err");
  int status = p.stop(SIGKILL);
  ASSERT_TRUE(WIFSIGNALED(status));
}
}  // namespace

TEST(HubKill, KilledBeforeOrAfterTheHubCommitsThenRestarted) {
  TempDir dir;
  std::string url = fresh_database("hub_kill");
  ASSERT_EQ(run_rapport({"hub", "init", "--url", url}).exit_code, 0);
  std::string door = make_kiosk(dir, "door-1", big_roster(600)), floor = make_kiosk(dir, "floor-2", big_roster(600));

  check_in_all(dir, door, 0, 200);
  kill_at(dir, door, url, "before_commit");
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.checkins"), 0) << "a killed push commits nothing";

  check_in_all(dir, door, 200, 400);
  kill_at(dir, door, url, "after_commit");
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.checkins"), 400) << "the hub committed";

  // Restarted: the cursor was never saved, so the same rows go again and change nothing.
  auto again = run_rapport({"sync", "--db", door, "--hub", url, "--json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.json()["pending"], 0);
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.checkins"), 400);

  // Kills at random moments of a big push (the whole roster and 200 more check-ins).
  check_in_all(dir, door, 400, 600);
  for (int delay_ms : {5, 20, 45, 80}) {
    Background p({"sync", "--db", door, "--hub", url}, dir.file("random.log"));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    p.stop(SIGKILL);
  }
  ASSERT_EQ(run_rapport({"sync", "--db", door, "--hub", url}).exit_code, 0);
  ASSERT_EQ(run_rapport({"sync", "--db", floor, "--hub", url}).exit_code, 0);
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.checkins"), 600);
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.attendees"), 600);
  EXPECT_EQ(count_in(door, "SELECT count(*) FROM checkins"), 600);
  EXPECT_EQ(count_in(floor, "SELECT count(*) FROM checkins"), 600);
  EXPECT_EQ(count_in(floor, "SELECT count(DISTINCT attendee_id) FROM checkins WHERE kiosk_id = 'door-1'"), 600);
  // The door's file is intact after four kills.
  EXPECT_EQ(count_in(door, "SELECT count(*) FROM pragma_quick_check WHERE quick_check = 'ok'"), 1);
}
