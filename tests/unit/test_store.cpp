#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "core/store/schema.hpp"
#include "core/store/store.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;
using rapport::test::TempDir;

TEST(Store, CreateThenOpenKeepsTheEvent) {
  TempDir dir;
  auto path = dir.file("event.sqlite");
  {
    auto s = Store::create(path, EventInfo{"DevConf", "2026-11-21", "door-1"});
    ASSERT_TRUE(s.ok()) << s.error().to_string();
  }
  auto s = Store::open(path);
  ASSERT_TRUE(s.ok()) << s.error().to_string();
  EXPECT_EQ(s->event().name, "DevConf");
  EXPECT_EQ(s->event().date, "2026-11-21");
  EXPECT_EQ(s->kiosk_id(), "door-1");
  EXPECT_EQ(*s->db().scalar_int("PRAGMA user_version"), schema::current_version());
  EXPECT_EQ(*s->db().scalar_int("PRAGMA foreign_keys"), 1);
  EXPECT_EQ(*s->db().scalar_int("PRAGMA synchronous"), 2);  // FULL
  auto st = s->db().prepare("PRAGMA journal_mode");
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE(*st->step());
  EXPECT_EQ(st->text(0), "wal");
}

// The last process to close a WAL file takes an exclusive lock for a moment (to checkpoint
// and remove the -wal file); a kiosk, a sync process or a CLI command opening the file
// just then must wait, not fail. Seen in CI: `rapport sync --every` died on start-up with
// "database is in use by another program" because the first read ran before busy_timeout.
TEST(Store, OpeningWhileAnotherProcessBrieflyHoldsTheFileWaits) {
  TempDir dir;
  auto path = dir.file("event.sqlite");
  ASSERT_TRUE(Store::create(path, EventInfo{"DevConf", "", "door-1"}).ok());
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                 "UPDATE event SET name = name; COMMIT;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    sqlite3_close(holder);
  });
  auto s = Store::open(path);
  release.join();
  ASSERT_TRUE(s.ok()) << s.error().to_string();
  EXPECT_EQ(s->event().name, "DevConf");
}

TEST(Store, CreateRefusesToOverwrite) {
  TempDir dir;
  auto path = dir.write("taken.sqlite", "precious");
  auto s = Store::create(path, EventInfo{"X", "", "k"});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("already"), std::string::npos);
  EXPECT_EQ(test::read_file(path), "precious");
}

TEST(Store, NotADatabaseIsLeftUntouched) {
  TempDir dir;
  std::string garbage = "id,first_name\n1,Ana\n" + std::string(5000, 'x');
  auto path = dir.write("roster.csv", garbage);
  auto s = Store::open(path);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("not a Rapport database"), std::string::npos);
  EXPECT_EQ(test::read_file(path), garbage);
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST(Store, ForeignSqliteFileIsNotOurs) {
  TempDir dir;
  auto path = dir.file("other.sqlite");
  {
    auto db = Db::open(path, Db::Mode::create);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)").ok());
  }
  auto before = test::read_file(path);
  auto s = Store::open(path);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("not a Rapport database"), std::string::npos);
  EXPECT_EQ(test::read_file(path), before);
}

TEST(Store, NewerSchemaIsRefusedAndUntouched) {
  TempDir dir;
  auto path = dir.file("future.sqlite");
  {
    auto s = Store::create(path, EventInfo{"X", "", "k"});
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE(s->db().exec("PRAGMA user_version = 999").ok());
    ASSERT_TRUE(s->db().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
  }
  auto before = test::read_file(path);
  auto s = Store::open(path);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("newer Rapport"), std::string::npos);
  EXPECT_EQ(test::read_file(path), before);
}

TEST(Store, MissingFileSaysHowToCreateOne) {
  TempDir dir;
  auto s = Store::open(dir.file("nope.sqlite"));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("rapport init"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.file("nope.sqlite")));
}

TEST(Store, WriteRollsBackOnError) {
  TempDir dir;
  auto s = Store::create(dir.file("e.sqlite"), EventInfo{"X", "", "k"});
  ASSERT_TRUE(s.ok());
  auto r = s->db().write([&]() -> Status {
    RAPPORT_TRY(s->db().exec("INSERT INTO tags (tag, label) VALUES ('chess', 'Chess')"));
    return make_error("something went wrong halfway");
  });
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(*s->db().scalar_int("SELECT count(*) FROM tags"), 0);
}

TEST(Store, ConnectionsAreStoredOncePerUnorderedPair) {
  TempDir dir;
  auto s = Store::create(dir.file("e.sqlite"), EventInfo{"X", "", "k"});
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(s->db().exec("INSERT INTO attendees (id, first_name, kiosk_id, created_at, updated_at) "
                           "VALUES ('a','A','k','t','t'), ('b','B','k','t','t')")
                  .ok());
  EXPECT_FALSE(s->db().exec("INSERT INTO connections VALUES ('b','a','t','k','k','scan')").ok());
  EXPECT_TRUE(s->db().exec("INSERT INTO connections VALUES ('a','b','t','k','k','scan')").ok());
  EXPECT_FALSE(s->db().exec("INSERT INTO connections VALUES ('a','b','t2','k','k','scan')").ok());
}
