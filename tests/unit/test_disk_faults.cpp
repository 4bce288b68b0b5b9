// A full or failing disk: the write is reported as failed with words staff understand,
// nothing already stored is damaged, and writing works again once space returns.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "core/checkin/checkin.hpp"
#include "core/roster/demo_event.hpp"
#include "core/roster/import.hpp"
#include "core/store/store.hpp"
#include "support/faulty_vfs.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;
using rapport::test::FaultyVfs;
using rapport::test::TempDir;

namespace {
Store make_event(const std::string& path, size_t attendees) {
  auto s = Store::create(path, EventInfo{"Full Disk Day", "", "door"});
  EXPECT_TRUE(s.ok());
  auto parsed = parse_roster(demo_roster_csv({attendees, 3}), "demo.csv", RosterFormat::native, {});
  EXPECT_TRUE(parsed.ok());
  EXPECT_TRUE(import_roster(*s, std::move(parsed.value())).ok());
  return std::move(s.value());
}

int64_t count(Store& s, const char* sql) { return *s.db().scalar_int(sql); }

bool integrity_ok(Store& s) {
  auto st = s.db().prepare("PRAGMA integrity_check");
  return st.ok() && *st->step() && st->text(0) == "ok";
}
}  // namespace

class DiskFaults : public ::testing::TestWithParam<FaultyVfs::Fault> {};

TEST_P(DiskFaults, CheckinFailsCleanlyAndRecovers) {
  TempDir dir;
  FaultyVfs vfs;
  auto store = make_event(dir.file("door.sqlite"), 50);
  for (int i = 1; i <= 10; ++i)
    ASSERT_TRUE(checkin_attendee(store, fmt::format("A{:05d}", i), CheckinMethod::id).ok());

  vfs.fail_after(0, GetParam());
  auto r = checkin_attendee(store, "A00011", CheckinMethod::id);
  ASSERT_FALSE(r.ok()) << "a check-in must not be acknowledged when the disk refused it";
  EXPECT_NE(r.error().message.find(GetParam() == FaultyVfs::Fault::disk_full ? "storage full" : "storage error"),
            std::string::npos)
      << r.error().message;
  EXPECT_GT(vfs.failures(), 0);

  vfs.heal();
  EXPECT_EQ(count(store, "SELECT count(*) FROM checkins"), 10) << "what was stored is intact";
  EXPECT_TRUE(integrity_ok(store));
  auto again = checkin_attendee(store, "A00011", CheckinMethod::id);
  ASSERT_TRUE(again.ok()) << again.error().to_string();
  EXPECT_EQ(again->outcome, CheckinOutcome::checked_in);
  EXPECT_EQ(count(store, "SELECT count(*) FROM checkins"), 11);
}

TEST_P(DiskFaults, FailingAtEveryPointOfAnImportWritesNothing) {
  TempDir dir;
  FaultyVfs vfs;
  auto store = make_event(dir.file("door.sqlite"), 5);
  const std::string roster = demo_roster_csv({400, 9});
  // Fail at many points during the import: early, middle, at commit.
  int failed_imports = 0;
  for (long n : {0L, 1L, 3L, 10L, 30L, 60L}) {
    auto parsed = parse_roster(roster, "big.csv", RosterFormat::native, {});
    ASSERT_TRUE(parsed.ok());
    vfs.fail_after(n, GetParam());
    auto r = import_roster(store, std::move(parsed.value()));
    vfs.heal();
    ASSERT_FALSE(r.ok()) << "the disk failed at write " << n << " yet the import reported success";
    ++failed_imports;
    EXPECT_EQ(count(store, "SELECT count(*) FROM attendees"), 5) << "after failing at write " << n;
    EXPECT_TRUE(integrity_ok(store));
  }
  auto parsed = parse_roster(roster, "big.csv", RosterFormat::native, {});
  auto r = import_roster(store, std::move(parsed.value()));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  // The demo rosters share ids A00001..A00005, so those five are updated, not added.
  EXPECT_EQ(count(store, "SELECT count(*) FROM attendees"), 400);
  EXPECT_EQ(failed_imports, 6);
}

INSTANTIATE_TEST_SUITE_P(FullAndFailing, DiskFaults,
                         ::testing::Values(FaultyVfs::Fault::disk_full, FaultyVfs::Fault::io_error));

TEST(StartUp, ReadOnlyFileIsAClearErrorAndUntouched) {
  TempDir dir;
  auto path = dir.file("ro.sqlite");
  { make_event(path, 3); }
  auto before = test::read_file(path);
  chmod(path.c_str(), 0444);
  if (access(path.c_str(), W_OK) == 0) GTEST_SKIP() << "running as a user who can write read-only files";
  auto s = Store::open(path);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("read-only"), std::string::npos);
  EXPECT_EQ(test::read_file(path), before);
}

TEST(StartUp, DamagedFileIsReportedByVerify) {
  TempDir dir;
  auto path = dir.file("damaged.sqlite");
  {
    auto s = make_event(path, 300);
    ASSERT_TRUE(s.db().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
  }
  // Scribble over the middle of the file, as a failing SD card would.
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096 * 3 + 100);
    std::string junk(3000, '\x5A');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  auto before = test::read_file(path);
  auto s = Store::open(path, OpenOptions{false, true});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("damaged"), std::string::npos) << s.error().message;
  EXPECT_EQ(test::read_file(path), before);
}
