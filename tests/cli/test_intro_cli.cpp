// Issue 15's outside contract on the real binary: suggest --json carries full_name and
// last_seen (null or {location, at}) for suggestions and introductions; import --topics
// applies the organizer's synonyms (a bad line is FILE:LINE, exit 2, nothing written);
// stats shows how many suggestions became meetings the same day, per kind.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/store/store.hpp"
#include "support/run.hpp"

using namespace rapport::test;
using ::testing::HasSubstr;

namespace {
const std::string kNow = "RAPPORT_FAKE_NOW=2026-11-21T10:00:00.000Z";
const std::string kLater = "RAPPORT_FAKE_NOW=2026-11-21T10:20:00.000Z";

std::string floor_db(const TempDir& dir) {
  auto db = dir.file("event.sqlite");
  EXPECT_EQ(run_rapport({"init", "--db", db, "--event", "DevConf", "--kiosk", "floor-1"}).exit_code, 0);
  EXPECT_EQ(run_rapport({"import", "--db", db, data_file("roster_native.csv")}).exit_code, 0);
  for (auto code : {"T-0001", "T-0002", "T-0003", "T-0005"})
    EXPECT_EQ(run_rapport({"checkin", "--db", db, code}, {kNow}).exit_code, 0);
  return db;
}
}  // namespace

TEST(IntroCli, SuggestJsonCarriesFullNameAndLastSeen) {
  TempDir dir;
  auto db = floor_db(dir);
  // 芳 was seen at the coffee bar (a kiosk with `location`); nobody else was seen anywhere.
  ASSERT_EQ(run_rapport({"connect", "--db", db, "--ids", "A1", "A3"}, {kNow}).exit_code, 0);
  ASSERT_EQ(run_rapport({"connect", "--db", db, "--ids", "A1", "A5"}, {kNow}).exit_code, 0);
  {
    auto store = rapport::Store::open(db);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(store->db().exec("INSERT INTO last_seen VALUES ('A2', 'coffee bar', '2026-11-21T09:56:00.000Z', 'bar-1')").ok());
  }
  auto r = run_rapport({"suggest", "--db", db, "--json", "--id", "A1"}, {kNow});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = r.json();
  ASSERT_FALSE(j["suggestions"].empty());
  bool saw_fang = false;
  for (auto& s : j["suggestions"]) {
    ASSERT_TRUE(s.contains("full_name"));
    ASSERT_TRUE(s.contains("last_seen"));
    if (s["id"] == "A2") {
      saw_fang = true;
      EXPECT_EQ(s["full_name"], s["name"]);
      EXPECT_EQ(s["last_seen"]["location"], "coffee bar");
      EXPECT_EQ(s["last_seen"]["at"], "2026-11-21T09:56:00.000Z");
    } else {
      EXPECT_TRUE(s["last_seen"].is_null());
    }
  }
  EXPECT_TRUE(saw_fang);
  for (auto& i : j["introductions"])
    for (auto side : {"a", "b"}) {
      EXPECT_TRUE(i[side].contains("full_name"));
      EXPECT_TRUE(i[side].contains("last_seen"));
    }
}

TEST(IntroCli, ImportTopicsAppliesSynonymsAndABadLineWritesNothing) {
  TempDir dir;
  auto db = dir.file("event.sqlite");
  ASSERT_EQ(run_rapport({"init", "--db", db, "--event", "DevConf"}).exit_code, 0);
  auto roster = dir.write("r.csv",
                          "id,first_name,last_name,email,interests,consent\n"
                          "U1,Ana,Silva,ana@example.org,ML,yes\n"
                          "U2,Ben,Okafor,ben@example.org,MACHINE LEARNING,yes\n");
  auto bad = dir.write("bad.toml", "[synonyms]\n\"ML\" = \"machine learning\"\n\"AI\" = 42\n");
  auto r = run_rapport({"import", "--db", db, roster, "--topics", bad});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("bad.toml:3"));
  {
    auto store = rapport::Store::open(db, rapport::OpenOptions{true});
    EXPECT_EQ(*store->db().scalar_int("SELECT count(*) FROM attendees"), 0);
  }
  auto topics = dir.write("topics.toml", "interests = [\"Rust\"]\n[synonyms]\n\"ML\" = \"machine learning\"\n");
  r = run_rapport({"import", "--db", db, roster, "--topics", topics});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto store = rapport::Store::open(db, rapport::OpenOptions{true});
  EXPECT_EQ(*store->db().scalar_int("SELECT count(*) FROM tags"), 1);
  EXPECT_EQ(*store->db().scalar_int("SELECT count(*) FROM tags WHERE label = 'machine learning'"), 1);
  EXPECT_EQ(*store->db().scalar_int("SELECT count(DISTINCT attendee_id) FROM attendee_tags"), 2);
}

TEST(IntroCli, StatsShowWhichSuggestionsBecameMeetingsPerKind) {
  TempDir dir;
  auto db = floor_db(dir);
  auto r = run_rapport({"suggest", "--db", db, "--json", "--id", "A1"}, {kNow});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto first = r.json()["suggestions"][0];
  std::string met = first["id"], kind = first["kind"];
  ASSERT_EQ(run_rapport({"connect", "--db", db, "--ids", "A1", met}, {kLater}).exit_code, 0);
  auto s = run_rapport({"stats", "--db", db, "--json"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  auto a = s.json()["acceptance"];
  EXPECT_EQ(a["shown"], 2);
  EXPECT_EQ(a["met"], 1);
  EXPECT_DOUBLE_EQ(a["share"].get<double>(), 0.5);
  EXPECT_EQ(a["by_kind"][kind]["met"], 1);
  for (auto k : {"shared_interest", "you_could_help", "outside_your_circle", "looking_for_you", "introduction"})
    EXPECT_TRUE(a["by_kind"].contains(k)) << k;
  EXPECT_TRUE(a["by_kind"]["introduction"]["share"].is_null());
  auto text = run_rapport({"stats", "--db", db});
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_THAT(text.out, HasSubstr("became a meeting the same day: 50% (1 of 2)"));
  EXPECT_THAT(text.out, HasSubstr("introductions"));
}
