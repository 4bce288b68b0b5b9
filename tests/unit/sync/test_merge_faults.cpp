// A full or failing disk during the organizer's merge: the merge fails with words staff
// understand, the organizer file is exactly as it was, and the same merge works once the
// disk is healthy again.
#include <gtest/gtest.h>

#include "core/sync/merge.hpp"
#include "event_fixture.hpp"
#include "../support/faulty_vfs.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {
bool integrity_ok(Db& db) {
  auto st = db.prepare("PRAGMA integrity_check");
  return st.ok() && *st->step() && st->text(0) == "ok";
}
}  // namespace

class MergeDiskFaults : public ::testing::TestWithParam<FaultyVfs::Fault> {};

TEST_P(MergeDiskFaults, FailingAtAnyPointLeavesTheOrganizerFileAsItWas) {
  TempDir dir;
  const std::string door = dir.file("door.sqlite"), floor = dir.file("floor.sqlite"), org = dir.file("org.sqlite");
  {
    Store a = make_kiosk(door, "door-1", 200);
    Store b = make_kiosk(floor, "floor-2", 200);
    for (int i = 1; i <= 120; ++i) checkin(i % 2 ? a : b, i, fmt::format("2026-11-21T09:{:02d}:00.000Z", i % 60));
    for (int i = 1; i < 60; ++i) connect(i % 2 ? a : b, i, i + 1, "2026-11-21T10:00:00.000Z");
  }
  // A first merge of the door alone: the organizer file has something to protect.
  ASSERT_TRUE(merge_files(org, {door}).ok());
  std::string before;
  {
    auto o = Store::open(org);
    ASSERT_TRUE(o.ok());
    before = dump(o->db());
  }
  const char* words = GetParam() == FaultyVfs::Fault::disk_full ? "storage full" : "storage error";
  FaultyVfs vfs;
  for (long n : {0L, 1L, 5L, 20L, 60L}) {
    {
      auto o = Store::open(org);
      ASSERT_TRUE(o.ok()) << o.error().to_string();
      vfs.fail_after(n, GetParam());
      auto r = merge_into(*o, {door, floor});
      vfs.heal();
      ASSERT_FALSE(r.ok()) << "the disk failed at write " << n << " yet the merge reported success";
      EXPECT_NE(r.error().message.find(words), std::string::npos) << r.error().message;
    }
    auto o = Store::open(org);
    ASSERT_TRUE(o.ok()) << o.error().to_string();
    EXPECT_TRUE(integrity_ok(o->db())) << "after failing at write " << n;
    EXPECT_EQ(dump(o->db()), before) << "after failing at write " << n;
  }
  EXPECT_GT(vfs.failures(), 0);
  auto o = Store::open(org);
  ASSERT_TRUE(o.ok());
  auto r = merge_into(*o, {door, floor});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(*o->db().scalar_int("SELECT count(*) FROM checkins"), 120);
  EXPECT_EQ(*o->db().scalar_int("SELECT count(*) FROM connections"), 59);
}

INSTANTIATE_TEST_SUITE_P(FullAndFailing, MergeDiskFaults,
                         ::testing::Values(FaultyVfs::Fault::disk_full, FaultyVfs::Fault::io_error));
