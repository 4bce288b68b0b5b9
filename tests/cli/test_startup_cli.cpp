// Start-up against files a kiosk may meet: each gives a clear message and stays as it was.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/file.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "support/run.hpp"

using namespace rapport::test;
using ::testing::HasSubstr;

namespace {
std::string event_db(const TempDir& dir, const std::string& name = "door.sqlite") {
  auto db = dir.file(name);
  EXPECT_EQ(run_rapport({"init", "--db", db, "--event", "E"}).exit_code, 0);
  EXPECT_EQ(run_rapport({"import", "--db", db, data_file("roster_native.csv")}).exit_code, 0);
  return db;
}
}  // namespace

TEST(StartUpCli, NotARapportFile) {
  TempDir dir;
  auto path = dir.write("photo.jpg", std::string("\xFF\xD8\xFF\xE0 not a database", 20));
  auto before = read_file(path);
  auto r = run_rapport({"checkin", "--db", path, "T-0001"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("not a Rapport database"));
  EXPECT_EQ(read_file(path), before);
}

TEST(StartUpCli, NewerSchema) {
  TempDir dir;
  auto db = event_db(dir);
  ASSERT_EQ(std::system(("sqlite3 '" + db + "' 'PRAGMA wal_checkpoint(TRUNCATE); PRAGMA user_version = 77;' >/dev/null").c_str()), 0);
  auto before = read_file(db);
  auto r = run_rapport({"checkin", "--db", db, "T-0001"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("newer Rapport"));
  EXPECT_EQ(read_file(db), before);
}

TEST(StartUpCli, ReadOnlyDisk) {
  TempDir dir;
  auto db = event_db(dir);
  ASSERT_EQ(std::system(("sqlite3 '" + db + "' 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null").c_str()), 0);
  auto before = read_file(db);
  // A read-only mount of the folder, as a write-protected USB stick would be.
  std::string d = dir.path().string();
  TempDir logs;  // outside the read-only folder
  std::string err = logs.file("ro.err");
  std::string cmd = "unshare -m --propagation private sh -c \"mount --bind '" + d + "' '" + d +
                    "' && mount -o remount,bind,ro '" + d + "' && exec '" RAPPORT_BIN "' checkin --db '" +
                    db + "' T-0001\" >/dev/null 2>'" + err + "'";
  if (std::system("unshare -m --propagation private true 2>/dev/null") != 0)
    GTEST_SKIP() << "no mount namespaces here";
  int rc = std::system(cmd.c_str());
  std::string err_text = read_file(err);
  EXPECT_EQ(WEXITSTATUS(rc), 2) << err_text;
  EXPECT_THAT(err_text, HasSubstr("read-only"));
  EXPECT_EQ(read_file(db), before);
}

// --- one kiosk per file, and a damaged file said at start-up ---------------------------

namespace {
std::string settled_db(const TempDir& dir) {
  auto db = event_db(dir);
  // Everything in the main file, no -wal beside it: the bytes compared are all there is.
  EXPECT_EQ(std::system(("sqlite3 '" + db + "' 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null").c_str()), 0);
  return db;
}

// Holds the kiosk lock as a running kiosk would (flock on the sidecar file).
struct HeldLock {
  int fd = -1;
  explicit HeldLock(const std::string& db) {
    fd = open((db + ".kiosk-lock").c_str(), O_RDWR | O_CREAT, 0644);
    if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0) {
      const char pid[] = "4242\n";
      EXPECT_EQ(write(fd, pid, sizeof pid - 1), static_cast<ssize_t>(sizeof pid - 1));
    } else {
      ADD_FAILURE() << "could not take the lock";
    }
  }
  ~HeldLock() {
    if (fd >= 0) close(fd);
  }
};

bool lock_is_held(const std::string& db) {
  int fd = open((db + ".kiosk-lock").c_str(), O_RDWR);
  if (fd < 0) return false;
  bool held = flock(fd, LOCK_EX | LOCK_NB) != 0;
  close(fd);
  return held;
}
}  // namespace

TEST(StartUpCli, SecondKioskOnTheSameFileRefuses) {
  TempDir dir;
  auto db = settled_db(dir);
  auto before = read_file(db);
  HeldLock first(db);
  auto r = run_rapport({"kiosk", "--db", db, "--camera", "synthetic"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("another Rapport kiosk is already running on this event file (process 4242)"));
  EXPECT_THAT(r.err, HasSubstr("Nothing was changed"));
  EXPECT_EQ(read_file(db), before);
  EXPECT_FALSE(std::filesystem::exists(db + "-wal"));  // SQLite never even opened it
}

TEST(StartUpCli, ARunningKioskHoldsItsFileAndLetsGoWhenItEnds) {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) GTEST_SKIP() << "xvfb-run is not installed";
  TempDir dir;
  auto db = settled_db(dir);
  auto script = dir.write("hold.txt", "wait 6000\n");
  std::string log = dir.file("first.err");
  // The first kiosk, for real, under Xvfb; the test goes on while it runs.
  std::string cmd = "TMPDIR='" + dir.path().string() + "' '" RAPPORT_SOURCE_DIR "/tests/support/under_xvfb.sh' 1280x720 '" RAPPORT_BIN
                    "' kiosk --db '" + db + "' --camera synthetic --windowed 1280x720 --script '" + script +
                    "' >/dev/null 2>'" + log + "'; echo $? > '" + dir.file("first.rc") + "'";
  std::thread first([cmd] { (void)std::system(cmd.c_str()); });
  bool held = false;
  for (int i = 0; i < 200 && !held; ++i) {
    held = lock_is_held(db);
    if (!held) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(held) << read_file(log);
  auto second = run_rapport({"kiosk", "--db", db, "--camera", "synthetic"});
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_THAT(second.err, HasSubstr("another Rapport kiosk is already running on this event file (process "));
  first.join();
  EXPECT_EQ(read_file(dir.file("first.rc")), "0\n") << read_file(log);
  EXPECT_FALSE(lock_is_held(db));  // gone with the process
}

TEST(StartUpCli, KioskSaysADamagedFileAndLeavesItAsItWas) {
  TempDir dir;
  auto db = settled_db(dir);
  {
    // Scribble over the middle of the file (the tables), leave the header alone.
    std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096 * 3);
    std::string junk(4096 * 3, '\xA5');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  auto before = read_file(db);
  auto r = run_rapport({"kiosk", "--db", db, "--camera", "synthetic"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("the database file is damaged"));
  EXPECT_THAT(r.err, HasSubstr(db));
  EXPECT_EQ(read_file(db), before);
}
