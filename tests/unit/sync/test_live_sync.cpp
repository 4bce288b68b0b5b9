#include <gtest/gtest.h>

#include <filesystem>

#include "core/sync/live_sync.hpp"
#include "event_fixture.hpp"

using namespace rapport;
using namespace rapport::test;

TEST(LiveSync, PushesNewRowsIntoTheTarget) {
  TempDir dir;
  Store kiosk = make_kiosk(dir.file("door.sqlite"), "door");
  checkin(kiosk, 1, "2026-11-21T09:00:00.000Z");
  std::string target = dir.file("organizer.sqlite");
  auto r = push_to_target(kiosk, target);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_TRUE(r->created);
  checkin(kiosk, 2, "2026-11-21T09:05:00.000Z");
  r = push_to_target(kiosk, target);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->total(), 2);  // the check-in and its door pass
  r = push_to_target(kiosk, target);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total(), 0);
  auto org = Store::open(target);
  EXPECT_EQ(count(org->db(), "SELECT count(*) FROM checkins"), 2);
}

TEST(LiveSync, AMissingOrUnwritableTargetIsReportedAndNothingIsLost) {
  TempDir dir;
  Store kiosk = make_kiosk(dir.file("door.sqlite"), "door");
  checkin(kiosk, 1, "2026-11-21T09:00:00.000Z");
  std::string before = dump(kiosk.db());
  auto r = push_to_target(kiosk, dir.file("usb-stick/organizer.sqlite"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not there"), std::string::npos);
  // /proc takes no files, even from root: the stand-in for a locked stick.
  auto ro = push_to_target(kiosk, "/proc/rapport-organizer.sqlite");
  ASSERT_FALSE(ro.ok());
  EXPECT_FALSE(ro.error().message.empty());
  // A kiosk's own file is not a target.
  std::string other = dir.file("floor.sqlite");
  { Store floor = make_kiosk(other, "floor"); }
  auto k = push_to_target(kiosk, other);
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(dump(kiosk.db()), before);
  checkin(kiosk, 2, "2026-11-21T09:05:00.000Z");  // the kiosk keeps working
  EXPECT_EQ(count(kiosk.db(), "SELECT count(*) FROM checkins"), 2);
}

TEST(LiveSync, StatusForTheAdminScreenAndRetries) {
  TempDir dir;
  Store kiosk = make_kiosk(dir.file("door.sqlite"), "door");
  kiosk.set_clock(fixed_clock(at("2026-11-21T09:00:00.000Z")));
  std::string stick = dir.file("stick");
  LiveSync sync(stick + "/organizer.sqlite", std::chrono::minutes(5), std::chrono::seconds(30));
  EXPECT_TRUE(sync.status().configured);
  EXPECT_TRUE(sync.due(kiosk.now()));
  // The stick is not in: the push fails, the status says why, and it retries soon.
  EXPECT_FALSE(sync.push(kiosk).ok());
  EXPECT_FALSE(sync.status().ok());
  EXPECT_EQ(sync.status().failures_in_a_row, 1);
  EXPECT_GT(sync.status().pending, 0);
  EXPECT_FALSE(sync.due(at("2026-11-21T09:00:10.000Z")));
  EXPECT_TRUE(sync.due(at("2026-11-21T09:00:30.000Z")));
  // The stick is back.
  std::filesystem::create_directory(stick);
  checkin(kiosk, 1, "2026-11-21T09:01:00.000Z");
  ASSERT_TRUE(sync.push(kiosk).ok());
  EXPECT_TRUE(sync.status().ok());
  EXPECT_EQ(sync.status().pending, 0);
  EXPECT_GT(sync.status().rows_last_push, 0);
  EXPECT_EQ(sync.status().last_success_at, "2026-11-21T09:01:00.000Z");
  EXPECT_FALSE(sync.due(at("2026-11-21T09:02:00.000Z")));
  EXPECT_TRUE(sync.due(at("2026-11-21T09:06:00.000Z")));
  checkin(kiosk, 2, "2026-11-21T09:03:00.000Z");
  ASSERT_TRUE(sync.push(kiosk).ok());
  EXPECT_EQ(sync.status().rows_last_push, 2);  // the check-in and its door pass
  EXPECT_EQ(sync.status().pending, 0);
}
