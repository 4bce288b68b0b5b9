// The matcher against the real store: connections once per pair, what was shown survives
// a restart (fair exposure and "looking for you").
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/checkin/checkin.hpp"
#include "core/matcher/matcher.hpp"
#include "core/roster/import.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;
using namespace rapport::test;
using ::testing::HasSubstr;

namespace {
const TimePoint kNine = *parse_iso8601("2026-11-21T09:00:00.000Z");

struct Event {
  TempDir dir;
  Store store;
};

Store make_store(const TempDir& dir, TimePoint now = kNine) {
  auto s = Store::create(dir.file("e.sqlite"), EventInfo{"DevConf", "2026-11-21", "floor-1"}, fixed_clock(now));
  EXPECT_TRUE(s.ok());
  auto r = import_roster_file(*s, std::string(RAPPORT_TEST_DATA) + "/roster_native.csv", RosterFormat::native,
                              ImportMapping{});
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return std::move(s.value());
}
}  // namespace

TEST(RecordConnection, StoredOncePerPairWhateverTheOrder) {
  TempDir dir;
  Store store = make_store(dir);
  auto first = record_connection(store, "A3", "A1", "scan");
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(first->recorded);
  EXPECT_EQ(first->at, "2026-11-21T09:00:00.000Z");
  EXPECT_EQ(first->a.id, "A3");
  EXPECT_EQ(first->b.first_name, "Thảo");
  store.set_clock(fixed_clock(kNine + std::chrono::hours(2)));
  auto again = record_connection(store, "A1", "A3", "suggestion");
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->recorded);
  EXPECT_EQ(again->at, "2026-11-21T09:00:00.000Z") << "the first meeting's time is kept";
  EXPECT_EQ(*store.db().scalar_int("SELECT count(*) FROM connections"), 1);
  EXPECT_EQ(*store.db().scalar_int("SELECT count(*) FROM connections WHERE a_id = 'A1' AND b_id = 'A3'"), 1);
}

TEST(RecordConnection, BadPairsAreRefusedAndNothingIsWritten) {
  TempDir dir;
  Store store = make_store(dir);
  EXPECT_FALSE(record_connection(store, "A1", "A1", "scan").ok());
  auto missing = record_connection(store, "A1", "NOPE", "scan");
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.error().message, HasSubstr("NOPE"));
  EXPECT_FALSE(record_connection(store, "A1", "A2", "telepathy").ok());
  EXPECT_EQ(*store.db().scalar_int("SELECT count(*) FROM connections"), 0);
}

TEST(MatcherStore, ShownSuggestionsSurviveARestart) {
  TempDir dir;
  Store store = make_store(dir);
  for (auto id : {"A1", "A2", "A3", "A5"}) ASSERT_TRUE(checkin_attendee(store, id, CheckinMethod::id).ok());
  auto m = Matcher::build(store);
  ASSERT_TRUE(m.ok());
  auto set = (*m)->suggest("A1", {}, kNine);
  ASSERT_TRUE(set.ok());
  ASSERT_EQ(set->suggestions.size(), 2u);
  EXPECT_EQ(set->suggestions[0].person.id, "A2") << "A1 can help A2 with grid modelling and the other way round";
  ASSERT_TRUE(record_suggestions_shown(store, *set).ok());
  EXPECT_EQ(*store.db().scalar_int("SELECT count(*) FROM suggestions_shown WHERE for_id = 'A1'"), 2);
  EXPECT_EQ(*store.db().scalar_int("SELECT count(DISTINCT kind) FROM suggestions_shown WHERE for_id = 'A1' "
                                   "AND kind IN ('you_could_help','they_could_help','shared_interest',"
                                   "'outside_your_circle','looking_for_you')"),
            2);
  // A new process (a restarted kiosk) knows A2 was shown A1.
  auto restarted = Matcher::build(store);
  ASSERT_TRUE(restarted.ok());
  auto back = (*restarted)->suggest("A2", {}, kNine + std::chrono::minutes(5));
  ASSERT_TRUE(back.ok());
  ASSERT_FALSE(back->suggestions.empty());
  EXPECT_EQ(back->suggestions[0].person.id, "A1");
  EXPECT_EQ(back->suggestions[0].kind, SuggestionKind::looking_for_you);
}

TEST(MatcherStore, NonConsentedAndAbsentAreNeverSuggested) {
  TempDir dir;
  Store store = make_store(dir);
  // A4 (José) did not consent; A5 never checks in.
  for (auto id : {"A1", "A2", "A3", "A4"}) ASSERT_TRUE(checkin_attendee(store, id, CheckinMethod::id).ok());
  auto m = Matcher::build(store);
  ASSERT_TRUE(m.ok());
  for (auto id : {"A1", "A2", "A3", "A4"}) {
    auto s = (*m)->suggest(id, {}, kNine);
    ASSERT_TRUE(s.ok());
    for (auto& x : s->suggestions) {
      EXPECT_NE(x.person.id, "A4");
      EXPECT_NE(x.person.id, "A5");
      EXPECT_NE(x.person.id, id);
    }
  }
}
