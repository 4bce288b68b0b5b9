// Start-up against files a kiosk may meet: each gives a clear message and stays as it was.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

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
