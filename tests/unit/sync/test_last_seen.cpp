// Where a person was last seen: a kiosk with a location notes every badge it reads; the
// newest sighting wins in the organizer merge and through hub batches; forgetting erases it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/checkin/sightings.hpp"
#include "core/sync/forget.hpp"
#include "core/sync/merge.hpp"
#include "core/sync/row_batch.hpp"
#include "event_fixture.hpp"

using namespace rapport;
using namespace rapport::test;
using ::testing::HasSubstr;

namespace {
void seen(Store& s, int person, const std::string& where, const std::string& when) {
  s.set_clock(fixed_clock(at(when)));
  auto r = note_seen(s, id_of(person), where);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
}

std::optional<LastSeen> seen_of(Store& s, int person) {
  auto r = last_seen(s.db(), id_of(person));
  EXPECT_TRUE(r.ok());
  return r ? *r : std::nullopt;
}
}  // namespace

TEST(LastSeen, TheNewestSightingWinsAtTheKiosk) {
  TempDir dir;
  Store k = make_kiosk(dir.file("floor.sqlite"), "floor1");
  seen(k, 1, "coffee bar", "2026-11-21T10:00:00.000Z");
  seen(k, 1, "  ", "2026-11-21T10:05:00.000Z");  // a kiosk without a location notes nothing
  auto s = seen_of(k, 1);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->location, "coffee bar");
  EXPECT_EQ(s->at, "2026-11-21T10:00:00.000Z");
  seen(k, 1, "Hall B", "2026-11-21T10:10:00.000Z");
  EXPECT_EQ(seen_of(k, 1)->location, "Hall B");
  EXPECT_FALSE(seen_of(k, 2));
  EXPECT_EQ(last_seen_line(*seen_of(k, 1), at("2026-11-21T10:14:30.000Z")), "last scanned at Hall B, 4 min ago");
  EXPECT_EQ(last_seen_line(LastSeen{"coffee bar", "2026-11-21T10:14:00.000Z"}, at("2026-11-21T10:14:30.000Z")),
            "last scanned at the coffee bar, just now");
}

TEST(LastSeen, TravelsThroughTheMergeNewestFirstWhateverTheOrder) {
  TempDir dir;
  std::vector<std::string> paths = {dir.file("bar.sqlite"), dir.file("hall.sqlite")};
  {
    Store bar = make_kiosk(paths[0], "bar");
    seen(bar, 1, "coffee bar", "2026-11-21T10:00:00.000Z");
    seen(bar, 2, "coffee bar", "2026-11-21T11:00:00.000Z");
  }
  {
    Store hall = make_kiosk(paths[1], "hall");
    seen(hall, 1, "Hall B", "2026-11-21T10:30:00.000Z");
    seen(hall, 2, "Hall B", "2026-11-21T09:00:00.000Z");
  }
  std::string one = dir.file("org1.sqlite"), two = dir.file("org2.sqlite");
  auto r = merge_files(one, paths, fixed_clock(at("2026-11-21T18:00:00.000Z")));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_TRUE(merge_files(two, {paths[1], paths[0]}, fixed_clock(at("2026-11-21T18:00:00.000Z"))).ok());
  auto org = Store::open(one);
  ASSERT_TRUE(org.ok());
  EXPECT_EQ(seen_of(*org, 1)->location, "Hall B");
  EXPECT_EQ(seen_of(*org, 2)->location, "coffee bar");
  EXPECT_EQ(seen_of(*org, 2)->at, "2026-11-21T11:00:00.000Z");
  auto other = Store::open(two);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(dump(org->db()), dump(other->db()));
  // A later sighting at the bar reaches the organizer file on the next merge.
  {
    auto bar = Store::open(paths[0]);
    ASSERT_TRUE(bar.ok());
    seen(*bar, 1, "coffee bar", "2026-11-21T12:00:00.000Z");
  }
  ASSERT_TRUE(merge_files(one, paths, fixed_clock(at("2026-11-21T18:05:00.000Z"))).ok());
  auto again = Store::open(one);
  EXPECT_EQ(seen_of(*again, 1)->location, "coffee bar");
}

TEST(LastSeen, TravelsInHubBatchesAndAForgottenPersonLeavesNoTrace) {
  TempDir dir;
  Store bar = make_kiosk(dir.file("bar.sqlite"), "bar");
  Store hall = make_kiosk(dir.file("hall.sqlite"), "hall");
  seen(bar, 3, "coffee bar", "2026-11-21T10:00:00.000Z");
  seen(hall, 3, "Hall B", "2026-11-21T09:00:00.000Z");
  auto out = read_outbox(bar.db(), 0, 0);
  ASSERT_TRUE(out.ok()) << out.error().to_string();
  ASSERT_EQ(out->rows.last_seen.size(), 1u);
  auto applied = hall.db().write([&]() -> Status {
    auto a = apply_rows(hall.db(), out->rows);
    if (!a) return a.error();
    return {};
  });
  ASSERT_TRUE(applied.ok()) << applied.error().to_string();
  EXPECT_EQ(seen_of(hall, 3)->location, "coffee bar");
  // An older sighting arriving later changes nothing.
  auto older = read_outbox(hall.db(), 0, 0);
  ASSERT_TRUE(older.ok());
  ASSERT_TRUE(bar.db().write([&]() -> Status { return apply_rows(bar.db(), older->rows).ok() ? Status{} : make_error("apply"); }).ok());
  EXPECT_EQ(seen_of(bar, 3)->at, "2026-11-21T10:00:00.000Z");

  bar.set_clock(fixed_clock(at("2026-11-21T11:00:00.000Z")));
  ASSERT_TRUE(forget_attendee(bar, id_of(3)).ok());
  EXPECT_FALSE(seen_of(bar, 3));
  auto gone = read_outbox(bar.db(), 0, 0);
  ASSERT_TRUE(gone.ok());
  ASSERT_TRUE(hall.db().write([&]() -> Status { return apply_rows(hall.db(), gone->rows).ok() ? Status{} : make_error("apply"); }).ok());
  EXPECT_FALSE(seen_of(hall, 3));
}
