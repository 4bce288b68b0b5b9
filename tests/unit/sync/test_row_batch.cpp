// Rows to and from the hub, without a server: the outbox covers exactly this kiosk's
// changes, applied rows follow the merge rules and are never logged as the kiosk's own.
#include <gtest/gtest.h>

#include "core/checkin/checkin.hpp"
#include "core/roster/import.hpp"
#include "core/store/store.hpp"
#include "core/sync/row_batch.hpp"
#include "../support/temp_dir.hpp"

using namespace rapport;

namespace {
Store kiosk(const test::TempDir& dir, const std::string& id) {
  auto s = Store::create(dir.file(id + ".sqlite"), EventInfo{"Day", "", id, "kiosk", "day-test-event"});
  EXPECT_TRUE(s.ok());
  auto parsed = parse_roster("id,first_name,last_name,interests,consent\nP1,Ada,One,rust,yes\nP2,Ben,Two,rust,yes\n",
                             "r.csv", RosterFormat::native, ImportMapping{});
  EXPECT_TRUE(parsed.ok());
  EXPECT_TRUE(import_roster(*s, std::move(*parsed)).ok());
  return std::move(*s);
}
int64_t count(Db& db, const char* sql) { return *db.scalar_int(sql); }
// Applies `rows` to `to` in one write, as the sync thread does.
AppliedRows apply(Store& to, const RowBatch& rows) {
  AppliedRows applied;
  EXPECT_TRUE(to.db().write([&]() -> Status {
    auto r = apply_rows(to.db(), rows);
    if (!r) return r.error();
    applied = *r;
    return {};
  }).ok());
  return applied;
}
}  // namespace

TEST(RowBatch, OutboxIsEverythingFirstThenOnlyWhatChanged) {
  test::TempDir dir;
  Store a = kiosk(dir, "door-1");
  auto all = read_outbox(a.db(), 0, 0);
  ASSERT_TRUE(all.ok()) << all.error().to_string();
  EXPECT_TRUE(all->full);
  EXPECT_EQ(all->rows.attendees.size(), 2u);
  ASSERT_TRUE(checkin_attendee(a, "P1", CheckinMethod::manual).ok());
  auto next = read_outbox(a.db(), all->to_seq, all->to_stamp);
  ASSERT_TRUE(next.ok());
  EXPECT_FALSE(next->full);
  EXPECT_EQ(next->rows.size(), 1u);
  EXPECT_EQ(next->rows.checkins[0]["attendee_id"], "P1");
  EXPECT_EQ(*outbox_size(a.db(), all->to_seq), 1);
  // A cursor whose entry has another stamp (a restored file): everything again.
  auto restored = read_outbox(a.db(), all->to_seq, all->to_stamp + 1);
  ASSERT_TRUE(restored.ok());
  EXPECT_TRUE(restored->full);
}

TEST(RowBatch, AppliedRowsFollowTheMergeRulesAndAreNotLogged) {
  test::TempDir dir;
  Store a = kiosk(dir, "door-1"), b = kiosk(dir, "floor-2");
  ASSERT_TRUE(checkin_attendee(a, "P1", CheckinMethod::badge).ok());
  ASSERT_TRUE(checkin_attendee(b, "P1", CheckinMethod::badge).ok());  // later
  ASSERT_TRUE(checkin_attendee(a, "P2", CheckinMethod::badge).ok());
  auto out = read_outbox(a.db(), 0, 0);
  ASSERT_TRUE(out.ok());
  int64_t log_before = count(b.db(), "SELECT count(*) FROM sync_log");
  AppliedRows applied = apply(b, out->rows);
  EXPECT_EQ(applied.checkins, std::vector<std::string>{"P2"});  // P1 was already here
  EXPECT_EQ(count(b.db(), "SELECT count(*) FROM checkins WHERE kiosk_id = 'door-1'"), 2);  // earliest wins
  EXPECT_EQ(count(b.db(), "SELECT count(*) FROM sync_log"), log_before) << "pulled rows are not this kiosk's own";
  // Again: nothing changes.
  applied = apply(b, out->rows);
  EXPECT_EQ(applied.rows, 0);
  // A row naming somebody this file does not know is skipped and counted.
  RowBatch stray;
  stray.checkins.push_back({{"attendee_id", "NOBODY"}, {"at", "2026-01-01T00:00:00.000Z"}, {"kiosk_id", "x"}, {"method", "id"}});
  applied = apply(b, stray);
  EXPECT_EQ(applied.skipped, 1);
}

// Suggestions another kiosk showed come back as `shown`, once, so the kiosk's matcher can
// count them toward fair exposure.
TEST(RowBatch, SuggestionsShownElsewhereAreReportedOnce) {
  test::TempDir dir;
  Store a = kiosk(dir, "door-1"), b = kiosk(dir, "floor-2");
  ASSERT_TRUE(a.db()
                  .exec("INSERT INTO suggestions_shown (id, for_id, shown_id, kind, score, at, kiosk_id) VALUES "
                        "('s-1', 'P1', 'P2', 'shared_interest', 0.5, '2026-11-21T09:05:00.000Z', 'door-1')")
                  .ok());
  auto out = read_outbox(a.db(), 0, 0);
  ASSERT_TRUE(out.ok());
  auto first = apply(b, out->rows);
  ASSERT_EQ(first.shown.size(), 1u);
  EXPECT_EQ(first.shown[0].for_id, "P1");
  EXPECT_EQ(first.shown[0].shown_id, "P2");
  EXPECT_EQ(first.shown[0].at, "2026-11-21T09:05:00.000Z");
  EXPECT_TRUE(apply(b, out->rows).shown.empty()) << "the same row again is not news";
}
