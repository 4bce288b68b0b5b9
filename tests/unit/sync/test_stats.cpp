#include <gtest/gtest.h>

#include "core/sync/forget.hpp"
#include "core/sync/stats.hpp"
#include "event_fixture.hpp"

using namespace rapport;
using namespace rapport::test;

TEST(Stats, SlotsAreQuarterHours) {
  EXPECT_EQ(slot_of("2026-11-21T09:14:59.900Z"), "2026-11-21T09:00:00.000Z");
  EXPECT_EQ(slot_of("2026-11-21T09:15:00.000Z"), "2026-11-21T09:15:00.000Z");
  EXPECT_EQ(slot_of("2026-11-21T23:59:00.000Z"), "2026-11-21T23:45:00.000Z");
  EXPECT_EQ(slot_of("not a time"), "");
}

TEST(Stats, AKnownSmallEvent) {
  TempDir dir;
  Store s = make_kiosk(dir.file("door.sqlite"), "door", 10);
  // Eight arrivals: 09:00-09:14 three, 09:15-09:29 none, 09:30-09:44 five.
  checkin(s, 1, "2026-11-21T09:00:00.000Z");
  checkin(s, 2, "2026-11-21T09:05:00.000Z");
  checkin(s, 3, "2026-11-21T09:14:59.000Z");
  for (int p = 4; p <= 8; ++p) checkin(s, p, "2026-11-21T09:3" + std::to_string(p) + ":00.000Z");
  // Person 8 was blocked later: checked in, but not present any more.
  ASSERT_TRUE(s.db().exec("UPDATE attendees SET status = 'cancelled' WHERE id = 'A00008'").ok());
  // Suggestions: 1 was shown 2 (twice) and 3; 4 was shown 5. 1 met 2 after, 4 met 5 BEFORE
  // the suggestion (not acted on), 6 met 7 without any suggestion.
  suggest(s, 1, 2, "2026-11-21T09:40:00.000Z");
  suggest(s, 1, 2, "2026-11-21T09:41:00.000Z");
  suggest(s, 1, 3, "2026-11-21T09:40:00.000Z");
  suggest(s, 4, 5, "2026-11-21T10:00:00.000Z");
  connect(s, 1, 2, "2026-11-21T09:50:00.000Z", "suggestion");
  connect(s, 4, 5, "2026-11-21T09:45:00.000Z");
  connect(s, 6, 7, "2026-11-21T10:01:00.000Z");
  s.set_kiosk_id("floor");
  suggest(s, 6, 1, "2026-11-21T10:02:00.000Z");

  auto st = compute_stats(s.db());
  ASSERT_TRUE(st.ok()) << st.error().to_string();
  EXPECT_EQ(st->event_name, "Demo Day");
  EXPECT_EQ(st->registered, 10);
  EXPECT_EQ(st->checked_in, 8);
  EXPECT_EQ(st->present_now, 7);
  EXPECT_EQ(st->connections, 3);
  EXPECT_EQ(st->people_who_met, 6);
  EXPECT_EQ(st->suggestions_shown, 5);
  EXPECT_EQ(st->suggested_pairs, 4);
  EXPECT_EQ(st->suggestions_acted_on, 1);
  ASSERT_EQ(st->checkins_per_15min.size(), 3u);
  EXPECT_EQ(st->checkins_per_15min[0].from, "2026-11-21T09:00:00.000Z");
  EXPECT_EQ(st->checkins_per_15min[0].count, 3);
  EXPECT_EQ(st->checkins_per_15min[1].count, 0);
  EXPECT_EQ(st->checkins_per_15min[2].count, 5);
  ASSERT_EQ(st->connections_per_15min.size(), 2u);
  EXPECT_EQ(st->connections_per_15min[0].count, 2);
  EXPECT_EQ(st->connections_per_15min[1].count, 1);
  EXPECT_EQ(st->top_interests_among, "checked_in");
  ASSERT_FALSE(st->top_interests.empty());
  EXPECT_LE(st->top_interests.size(), 10u);
  // The top interest's count is right: count it by hand among the seven present.
  auto top = st->top_interests.front();
  EXPECT_EQ(top.people, count(s.db(), "SELECT count(*) FROM attendee_tags x JOIN checkins c ON c.attendee_id = x.attendee_id "
                                       "JOIN attendees a ON a.id = x.attendee_id WHERE a.status = 'active' AND "
                                       "x.kind = 'interest' AND x.tag = '" + top.tag + "'"));
  for (size_t i = 1; i < st->top_interests.size(); ++i)
    EXPECT_GE(st->top_interests[i - 1].people, st->top_interests[i].people);
  ASSERT_EQ(st->kiosks.size(), 2u);
  EXPECT_EQ(st->kiosks[0].kiosk_id, "door");
  EXPECT_EQ(st->kiosks[0].checkins, 8);
  EXPECT_EQ(st->kiosks[0].connections, 3);
  EXPECT_EQ(st->kiosks[0].suggestions_shown, 4);
  EXPECT_EQ(st->kiosks[1].kiosk_id, "floor");
  EXPECT_EQ(st->kiosks[1].suggestions_shown, 1);
  EXPECT_EQ(st->kiosks[1].last_seen, "2026-11-21T10:02:00.000Z");

  // Forgetting someone leaves the counts as they were.
  ASSERT_TRUE(forget_attendee(s, id_of(1)).ok());
  auto after = compute_stats(s.db());
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->checked_in, 8);
  EXPECT_EQ(after->connections, 3);
  EXPECT_EQ(after->registered, 9);
  EXPECT_EQ(after->forgotten, 1);
  EXPECT_EQ(after->present_now, 6);
}

TEST(Stats, AnEmptyEvent) {
  TempDir dir;
  auto s = Store::create(dir.file("e.sqlite"), EventInfo{"Empty", "", "k"});
  ASSERT_TRUE(s.ok());
  auto st = compute_stats(s->db());
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->registered, 0);
  EXPECT_TRUE(st->checkins_per_15min.empty());
  EXPECT_TRUE(st->kiosks.empty());
  EXPECT_EQ(st->top_interests_among, "registered");
}

#include "core/sync/graph.hpp"

TEST(ConnectionGraph, NodesAndEdgesForTheAdminPicture) {
  TempDir dir;
  Store s = make_kiosk(dir.file("door.sqlite"), "door", 10);
  ASSERT_TRUE(s.db().exec("UPDATE attendees SET consent = (id <> 'A00003')").ok());
  connect(s, 1, 2, "2026-11-21T10:00:00.000Z");
  connect(s, 1, 3, "2026-11-21T09:00:00.000Z");
  auto g = load_connection_graph(s.db());
  ASSERT_TRUE(g.ok()) << g.error().to_string();
  ASSERT_EQ(g->nodes.size(), 3u);
  EXPECT_EQ(g->nodes[0].id, "A00001");
  EXPECT_EQ(g->nodes[0].degree, 2);
  EXPECT_FALSE(g->nodes[0].label.empty());
  EXPECT_TRUE(g->nodes[2].label.empty());  // did not consent: a dot without a name
  ASSERT_EQ(g->edges.size(), 2u);
  EXPECT_EQ(g->edges[0].at, "2026-11-21T09:00:00.000Z");
  EXPECT_EQ(g->nodes[g->edges[0].b].id, "A00003");
}
