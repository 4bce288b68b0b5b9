// Two kiosks (two processes, each with its sync thread: `rapport sync --every`) and a
// hub: what happens at one kiosk reaches the other's suggestions.
#include "support/hub_env.hpp"

using namespace rapport::test;

namespace {
// The ids `rapport suggest` offers `who` at kiosk `db` (a preview: nothing recorded).
std::vector<std::string> suggested(const std::string& db, const std::string& who) {
  auto r = run_rapport({"suggest", "--db", db, "--id", who, "--dry-run", "--json"});
  std::vector<std::string> ids;
  if (r.exit_code != 0) return ids;
  auto j = r.json();
  for (const auto& s : j["suggestions"]) ids.push_back(s["id"]);
  return ids;
}
bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}
}  // namespace

TEST(TwoKiosks, ACheckinAtOneIsSuggestableAtTheOtherAndAConnectionStopsIt) {
  TempDir dir;
  std::string url = fresh_database("hub_two_kiosks");
  ASSERT_EQ(run_rapport({"hub", "init", "--url", url}).exit_code, 0);
  std::string door = make_kiosk(dir, "door-1", kSmallRoster), floor = make_kiosk(dir, "floor-2", kSmallRoster);
  Background door_sync({"sync", "--db", door, "--hub", url, "--every", "1"}, dir.file("door.log"));
  Background floor_sync({"sync", "--db", floor, "--hub", url, "--every", "1"}, dir.file("floor.log"));

  // Cleo is on the floor; Ada is not here yet, so the floor cannot suggest her.
  ASSERT_EQ(run_rapport({"checkin", "--db", floor, "--id", "P3"}).exit_code, 0);
  ASSERT_FALSE(contains(suggested(floor, "P3"), "P1"));

  // Ada checks in at the door: within 5 s the floor suggests her to Cleo.
  ASSERT_EQ(run_rapport({"checkin", "--db", door, "--id", "P1"}).exit_code, 0);
  auto took = wait_until([&] { return contains(suggested(floor, "P3"), "P1"); }, std::chrono::seconds(5));
  EXPECT_NE(took, std::chrono::milliseconds::max()) << "the floor never saw Ada's check-in\n"
                                                    << read_file(dir.file("floor.log"))
                                                    << read_file(dir.file("floor.log.err"))
                                                    << "hub check-ins: " << count_at_hub(url, "SELECT count(*) FROM rapport.checkins")
                                                    << ", floor check-ins: " << count_in(floor, "SELECT count(*) FROM checkins")
                                                    << read_file(dir.file("door.log.err"))
                                                    << run_rapport({"suggest", "--db", floor, "--id", "P3", "--dry-run", "--json"}).out;

  // Ada and Cleo meet at the door's kiosk: within 5 s the floor stops suggesting the pair.
  ASSERT_EQ(run_rapport({"connect", "--db", door, "--ids", "P1", "P3"}).exit_code, 0);
  took = wait_until([&] { return !contains(suggested(floor, "P3"), "P1"); }, std::chrono::seconds(5));
  EXPECT_NE(took, std::chrono::milliseconds::max()) << "the floor still suggests a pair that met";
  EXPECT_EQ(count_in(floor, "SELECT count(*) FROM connections WHERE a_id = 'P1' AND b_id = 'P3'"), 1);
  // The door learns about Cleo too, and neither kiosk has anything left to push.
  EXPECT_NE(wait_until([&] { return count_in(door, "SELECT count(*) FROM checkins") == 2; }, std::chrono::seconds(5)),
            std::chrono::milliseconds::max());
  EXPECT_EQ(door_sync.stop(SIGTERM), 0);
  EXPECT_EQ(floor_sync.stop(SIGTERM), 0);
  auto st = run_rapport({"stats", "--db", floor, "--json"});
  EXPECT_EQ(st.json()["hub"]["pending"], 0);
}
