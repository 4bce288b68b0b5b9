// The pull in pages: a kiosk that joins late (an empty file for the same event) receives
// everything the hub holds a few rows at a time, each page applied on its own, even when a
// person's row is newer than the check-ins and connections that name them.
#include "core/store/store.hpp"
#include "hub/hub_sync.hpp"
#include "support/hub_env.hpp"

using namespace rapport::test;

namespace {

std::string rename_first(std::string roster) {
  auto at = roster.find("P1,Ada,One");
  roster.replace(at, std::string("P1,Ada,One").size(), "P1,Adaeze,One");
  return roster;
}

rapport::hub::SyncReport sync_in_pages(const std::string& db, const std::string& url, int64_t page_rows,
                                       int& pages) {
  auto store = rapport::Store::open(db);
  EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().to_string());
  if (!store) return {};
  rapport::hub::SyncOptions o;
  o.page_rows = page_rows;
  o.on_applied = [&](const rapport::AppliedRows&) { ++pages; };
  auto rep = rapport::hub::sync_with_hub(*store, url, o);
  EXPECT_TRUE(rep.ok()) << (rep.ok() ? "" : rep.error().to_string());
  return rep ? *rep : rapport::hub::SyncReport{};
}

}  // namespace

TEST(HubPages, ALateKioskPullsEverythingPageByPageWithThePeopleEachPageNames) {
  TempDir dir;
  std::string url = fresh_database("hub_pages");
  ASSERT_EQ(run_rapport({"hub", "init", "--url", url}).exit_code, 0);
  std::string door = make_kiosk(dir, "door-1", kSmallRoster);
  for (const char* id : {"P1", "P2", "P3", "P4"})
    ASSERT_EQ(run_rapport({"checkin", "--db", door, "--id", id}).exit_code, 0);
  ASSERT_EQ(run_rapport({"connect", "--db", door, "--ids", "P1", "P2"}).exit_code, 0);
  ASSERT_EQ(run_rapport({"connect", "--db", door, "--ids", "P3", "P1"}).exit_code, 0);
  ASSERT_EQ(run_rapport({"sync", "--db", door, "--hub", url}).exit_code, 0);
  // Ada's row changes after her check-in and connections were pushed: at the hub it now
  // carries a newer seq than every row that names her.
  std::string renamed = dir.write("renamed.csv", rename_first(kSmallRoster));
  auto imp = run_rapport({"import", "--db", door, renamed});
  ASSERT_EQ(imp.exit_code, 0) << imp.err;
  ASSERT_EQ(run_rapport({"sync", "--db", door, "--hub", url}).exit_code, 0);
  ASSERT_GT(count_at_hub(url, "SELECT count(*) FROM rapport.attendees a, rapport.checkins c "
                              "WHERE a.id = 'P1' AND c.attendee_id = 'P1' AND a.seq > c.seq"),
            0);

  // A floor kiosk joins with no roster of its own and pulls one row's window at a time.
  std::string floor = dir.file("floor-9.sqlite");
  auto init = run_rapport({"init", "--db", floor, "--event", "Hub Test Day", "--kiosk", "floor-9", "--event-id", "hub-test-day-0001"});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  int pages = 0;
  auto rep = sync_in_pages(floor, url, 1, pages);
  long long hub_rows = 0;
  for (const char* t : {"attendees", "attendee_codes", "checkins", "connections", "suggestions_shown", "forgotten"})
    hub_rows += count_at_hub(url, std::string("SELECT count(*) FROM rapport.") + t);
  EXPECT_EQ(pages, hub_rows) << "one page per row of the hub";
  EXPECT_EQ(rep.applied.skipped, 0) << "a page named someone it did not bring";
  EXPECT_EQ(rep.pulled_seq, count_at_hub(url, "SELECT max(seq) FROM (SELECT seq FROM rapport.attendees UNION ALL "
                                              "SELECT seq FROM rapport.attendee_codes UNION ALL SELECT seq FROM "
                                              "rapport.checkins UNION ALL SELECT seq FROM rapport.connections) s"));

  for (const char* q : {"SELECT count(*) FROM attendees", "SELECT count(*) FROM attendee_codes",
                        "SELECT count(*) FROM checkins", "SELECT count(*) FROM connections"})
    EXPECT_EQ(count_in(floor, q), count_in(door, q)) << q;
  EXPECT_EQ(count_in(floor, "SELECT count(*) FROM attendees WHERE id = 'P1' AND first_name = 'Adaeze'"), 1);
  EXPECT_EQ(count_in(floor, "SELECT count(*) FROM checkins c JOIN attendees a ON a.id = c.attendee_id"), 4);

  // Caught up: the next cycle pulls nothing, and a big page brings the same as small ones.
  int again = 0;
  auto second = sync_in_pages(floor, url, 1, again);
  EXPECT_EQ(again, 0);
  EXPECT_EQ(second.pulled, 0);
  std::string other = dir.file("floor-10.sqlite");
  ASSERT_EQ(run_rapport({"init", "--db", other, "--event", "Hub Test Day", "--kiosk", "floor-10", "--event-id", "hub-test-day-0001"}).exit_code, 0);
  int one = 0;
  auto whole = sync_in_pages(other, url, 10000, one);
  EXPECT_EQ(one, 1);
  EXPECT_EQ(whole.applied.skipped, 0);
  for (const char* q : {"SELECT group_concat(id || first_name, ',') FROM (SELECT * FROM attendees ORDER BY id)",
                        "SELECT group_concat(attendee_id || at, ',') FROM (SELECT * FROM checkins ORDER BY 1)"})
    EXPECT_EQ(text_in(other, q), text_in(floor, q)) << q;
}

// Finding 8: the first push of a big event sent one JSON parameter per table (PostgreSQL's
// limit at ~300k people, 3 GB of memory). Now it goes in pages of one table each, all in one
// hub transaction: here 3 rows a page, and the hub holds every row, once.
TEST(HubPages, TheFirstPushGoesInPagesInOneTransaction) {
  TempDir dir;
  std::string url = fresh_database("hub_push_pages");
  ASSERT_EQ(run_rapport({"hub", "init", "--url", url}).exit_code, 0);
  std::string door = make_kiosk(dir, "door-1", kSmallRoster);
  for (const char* id : {"P1", "P2", "P3", "P4", "P5"})
    ASSERT_EQ(run_rapport({"checkin", "--db", door, "--id", id}).exit_code, 0);
  ASSERT_EQ(run_rapport({"connect", "--db", door, "--ids", "P1", "P2"}).exit_code, 0);
  auto store = rapport::Store::open(door);
  ASSERT_TRUE(store.ok());
  rapport::hub::SyncOptions o;
  o.push_page_rows = 3;
  auto rep = rapport::hub::sync_with_hub(*store, url, o);
  ASSERT_TRUE(rep.ok()) << rep.error().to_string();
  EXPECT_TRUE(rep->full_push);
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.attendees"), 6);
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.attendee_codes"),
            count_in(door, "SELECT count(*) FROM attendee_codes"));
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.checkins"), 5);
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.connections"), 1);
  EXPECT_EQ(count_at_hub(url, "SELECT pushes FROM rapport.kiosks WHERE kiosk_id = 'door-1'"), 1);
  EXPECT_EQ(rep->pushed, count_at_hub(url, "SELECT rows_pushed FROM rapport.kiosks WHERE kiosk_id = 'door-1'"));
  // Nothing new: the next cycle opens no hub transaction and pushes nothing.
  auto again = rapport::hub::sync_with_hub(*store, url, o);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->pushed, 0);
  EXPECT_EQ(count_at_hub(url, "SELECT pushes FROM rapport.kiosks WHERE kiosk_id = 'door-1'"), 1);
}
