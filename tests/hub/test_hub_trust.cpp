// Issue 16 at the hub: one event per hub (by event id, not by name).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/hub_env.hpp"

using namespace rapport::test;
using ::testing::HasSubstr;

// A 2026-11-19 "Rust Meetup" file is refused by the hub of the 2026-10-15 "Rust Meetup"
// (same name, another event): exit 2, both events named, nothing written at the hub.
TEST(HubTrust, AFileOfAnotherEventWithTheSameNameIsRefused) {
  TempDir dir;
  std::string url = fresh_database("hub_trust_event");
  ASSERT_EQ(run_rapport({"hub", "init", "--url", url}).exit_code, 0);
  auto october = dir.file("october.sqlite");
  auto november = dir.file("november.sqlite");
  ASSERT_EQ(run_rapport({"init", "--db", october, "--event", "Rust Meetup", "--date", "2026-10-15", "--kiosk", "door-1"}).exit_code, 0);
  ASSERT_EQ(run_rapport({"init", "--db", november, "--event", "Rust Meetup", "--date", "2026-11-19", "--kiosk", "door-2"}).exit_code, 0);
  auto roster = dir.write("roster.csv", kSmallRoster);
  ASSERT_EQ(run_rapport({"import", "--db", october, roster}).exit_code, 0);
  ASSERT_EQ(run_rapport({"import", "--db", november, roster}).exit_code, 0);
  ASSERT_EQ(run_rapport({"checkin", "--db", november, "T-0001"}).exit_code, 0);
  auto first = run_rapport({"sync", "--db", october, "--hub", url});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto rows = count_at_hub(url, "SELECT count(*) FROM rapport.attendees");
  auto seq = count_at_hub(url, "SELECT last_value FROM rapport.change_seq");

  auto r = run_rapport({"sync", "--db", november, "--hub", url});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("2026-10-15"));
  EXPECT_THAT(r.err, HasSubstr("2026-11-19"));
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.checkins"), 0);
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.attendees"), rows);
  EXPECT_EQ(count_at_hub(url, "SELECT last_value FROM rapport.change_seq"), seq);
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.kiosks WHERE kiosk_id = 'door-2'"), 0);
  EXPECT_EQ(count_in(november, "SELECT count(*) FROM hub_cursors"), 0);
}

namespace {
// Runs one statement at the hub; the error text when it failed.
std::string try_sql(const std::string& url, const std::string& sql) {
  auto conn = rapport::hub::PgConn::connect(url);
  if (!conn) return "connect: " + conn.error().to_string();
  auto r = conn->exec(sql);
  return r ? std::string() : r.error().to_string();
}

std::string with_password(const std::string& url, const std::string& password) {
  auto at = url.find('@');
  return url.substr(0, at) + ":" + password + url.substr(at);
}
}  // namespace

// Finding 4: with the shared hub credential one could move a badge code to another person,
// add a person with a 20 MB name, or set an email with updated_at '9999' that could never
// be overwritten. A kiosk now checks every pulled row and keeps the roster's identity.
TEST(HubTrust, PulledRowsAreCheckedAndIdentityStaysWithTheRoster) {
  TempDir dir;
  std::string url = fresh_database("hub_trust_rows");
  ASSERT_EQ(run_rapport({"hub", "init", "--url", url}).exit_code, 0);
  std::string door = make_kiosk(dir, "door-1", kSmallRoster);
  std::string floor = make_kiosk(dir, "floor-1", kSmallRoster);
  ASSERT_EQ(run_rapport({"sync", "--db", door, "--hub", url}).exit_code, 0);
  // What someone holding a hub credential writes.
  for (const char* sql : {
           "INSERT INTO rapport.attendees (id, first_name, status, kiosk_id, created_at, updated_at, seq, pushed_by) "
           "VALUES ('X1', repeat('A', 20 * 1024 * 1024), 'active', 'door-1', '2026-11-21T07:00:00.000Z', "
           "'2026-11-21T07:00:00.000Z', nextval('rapport.change_seq'), 'door-1')",
           "UPDATE rapport.attendees SET email = 'mallory@evil.example', updated_at = '9999-12-31T00:00:00.000Z', "
           "seq = nextval('rapport.change_seq') WHERE id = 'P3'",
           "UPDATE rapport.attendees SET email = 'mallory@evil.example', first_name = 'Bea', "
           "updated_at = to_char(now() AT TIME ZONE 'UTC' + interval '1 minute', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
           "seq = nextval('rapport.change_seq') WHERE id = 'P2'",
           "UPDATE rapport.attendee_codes SET attendee_id = 'P1', created_at = '2000-01-01T00:00:00.000Z', "
           "seq = nextval('rapport.change_seq') WHERE code = 'T-0002'",
           "INSERT INTO rapport.checkins (attendee_id, at, kiosk_id, method, seq, pushed_by) VALUES "
           "('P4', E'2026-11-21T08:00:00.000Z\\u0001', 'door-1', 'badge', nextval('rapport.change_seq'), 'door-1')"}) {
    auto err = try_sql(url, sql);
    ASSERT_TRUE(err.empty()) << err << "\n" << sql;
  }
  auto r = run_rapport({"sync", "--db", floor, "--hub", url, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GE(r.json()["rejected"].get<int>(), 3) << r.out;
  EXPECT_EQ(count_in(floor, "SELECT count(*) FROM attendees WHERE id = 'X1'"), 0);
  EXPECT_EQ(text_in(floor, "SELECT email FROM attendees WHERE id = 'P3'"), "cleo@example.org\n");
  // A newer version of Ben may change his name, never his e-mail.
  EXPECT_EQ(text_in(floor, "SELECT first_name || ' ' || email FROM attendees WHERE id = 'P2'"), "Bea ben@example.org\n");
  EXPECT_EQ(text_in(floor, "SELECT attendee_id FROM attendee_codes WHERE code = 'T-0002'"), "P2\n");
  EXPECT_EQ(count_in(floor, "SELECT count(*) FROM checkins WHERE attendee_id = 'P4'"), 0);
  auto text = run_rapport({"sync", "--db", door, "--hub", url});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("refused"), std::string::npos) << text.out;
  EXPECT_EQ(text_in(door, "SELECT attendee_id FROM attendee_codes WHERE code = 'T-0002'"), "P2\n");
}

// Finding 10 and the hub roles: `hub add-kiosk` prints a kiosk's own credentials; with its
// password in PGPASSFILE (never on the command line) `sync --every` works; the role writes
// only rows as its own kiosk and cannot touch the rest.
TEST(HubTrust, KioskRolesWriteOnlyTheirOwnRowsAndPasswordsComeFromPgpass) {
  TempDir dir;
  std::string url = fresh_database("hub_trust_roles");
  ASSERT_EQ(run_rapport({"hub", "init", "--url", url}).exit_code, 0);
  auto door_cred = run_rapport({"hub", "add-kiosk", "door-1", "--url", url, "--json"});
  ASSERT_EQ(door_cred.exit_code, 0) << door_cred.err;
  auto floor_cred = run_rapport({"hub", "add-kiosk", "floor-1", "--url", url, "--json"});
  ASSERT_EQ(floor_cred.exit_code, 0) << floor_cred.err;
  auto dj = door_cred.json(), fj = floor_cred.json();
  std::string door_url = dj["url"], floor_url = fj["url"];
  EXPECT_EQ(door_url.find(dj["password"].get<std::string>()), std::string::npos);
  auto text = run_rapport({"hub", "add-kiosk", "bad name", "--url", url});
  EXPECT_EQ(text.exit_code, 2);

  std::string pgpass = dir.write("pgpass", dj["pgpass"].get<std::string>() + "\n" + fj["pgpass"].get<std::string>() + "\n");
  std::filesystem::permissions(pgpass, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  std::string door = make_kiosk(dir, "door-1", kSmallRoster);
  std::string floor = make_kiosk(dir, "floor-1", kSmallRoster);
  checkin_ids(door, {"P1"});
  checkin_ids(floor, {"P2"});
  // No password anywhere: refused. From PGPASSFILE: synced.
  auto none = run_rapport({"sync", "--db", door, "--hub", door_url}, {"PGPASSFILE=/nonexistent"});
  EXPECT_EQ(none.exit_code, 1) << none.err;
  auto ok = run_rapport({"sync", "--db", door, "--hub", door_url}, {"PGPASSFILE=" + pgpass});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  {
    Background every({"sync", "--db", floor, "--hub", floor_url, "--every", "0.2"}, dir.file("every.log"),
                     {"PGPASSFILE=" + pgpass});
    auto took = wait_until([&] { return count_at_hub(url, "SELECT count(*) FROM rapport.checkins") == 2; },
                           std::chrono::seconds(20));
    EXPECT_NE(took, std::chrono::milliseconds::max()) << read_file(dir.file("every.log.err"));
  }
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.checkins WHERE kiosk_id = 'floor-1' AND pushed_by = 'floor-1'"), 1);

  // What door-1's own credential may not do.
  std::string as_door = with_password(door_url, dj["password"]);
  EXPECT_EQ(try_sql(as_door, "SELECT count(*) FROM rapport.attendees"), "");
  for (const char* sql : {
           "INSERT INTO rapport.checkins (attendee_id, at, kiosk_id, method, seq, pushed_by) VALUES ('P3', "
           "'2026-11-21T08:00:00.000Z', 'floor-1', 'badge', 1, 'floor-1')",
           "INSERT INTO rapport.checkins (attendee_id, at, kiosk_id, method, seq, pushed_by) VALUES ('P3', "
           "'2026-11-21T08:00:00.000Z', 'floor-1', 'badge', 1, 'door-1')",
           "UPDATE rapport.checkins SET at = '2026-11-21T06:00:00.000Z', pushed_by = 'door-1' WHERE attendee_id = 'P2'",
           "UPDATE rapport.attendees SET email = 'x@evil.example' WHERE id = 'P1'",
           "DELETE FROM rapport.checkins",
           "DELETE FROM rapport.attendees",
           "TRUNCATE rapport.connections",
           "DROP TABLE rapport.suggestions_shown",
           "SELECT * FROM rapport.kiosk_roles",
           "UPDATE rapport.kiosks SET rows_pushed = 0 WHERE kiosk_id = 'floor-1' RETURNING 1/0",
           "ALTER TABLE rapport.attendees DISABLE ROW LEVEL SECURITY"}) {
    EXPECT_NE(try_sql(as_door, sql), "") << sql;
  }
  EXPECT_EQ(try_sql(as_door, "UPDATE rapport.hub SET event_name = 'Other' WHERE id = 1"), "");
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.hub WHERE event_name = 'Hub Test Day'"), 1);
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.checkins WHERE attendee_id = 'P2' AND kiosk_id = 'floor-1'"), 1);
  // Pushing as another kiosk with door-1's credential is refused, and changes nothing.
  checkin_ids(door, {"P5"});
  auto as_other = run_rapport({"sync", "--db", door, "--hub", door_url, "--kiosk", "floor-1"}, {"PGPASSFILE=" + pgpass});
  EXPECT_EQ(as_other.exit_code, 1) << as_other.err;
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.checkins WHERE attendee_id = 'P5'"), 0);
  auto right = run_rapport({"sync", "--db", door, "--hub", door_url}, {"PGPASSFILE=" + pgpass});
  EXPECT_EQ(right.exit_code, 0) << right.err;
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.checkins WHERE attendee_id = 'P5'"), 1);
}

// Finding 2 at the hub: a forgotten person's details leave the hub's rows, and the old
// row versions are vacuumed away.
TEST(HubTrust, ForgetReachesTheHubAndItsOldRowVersions) {
  TempDir dir;
  std::string url = fresh_database("hub_trust_forget");
  ASSERT_EQ(run_rapport({"hub", "init", "--url", url}).exit_code, 0);
  std::string door = make_kiosk(dir, "door-1", kSmallRoster);
  ASSERT_EQ(run_rapport({"sync", "--db", door, "--hub", url}).exit_code, 0);
  ASSERT_EQ(run_rapport({"forget", "--db", door, "--id", "P1"}).exit_code, 0);
  EXPECT_EQ(count_in(door, "SELECT count(*) FROM sync_log WHERE k1 = 'T-0001'"), 0);
  ASSERT_EQ(run_rapport({"sync", "--db", door, "--hub", url}).exit_code, 0);
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.attendees WHERE email = 'ada@example.org' OR first_name = 'Ada'"), 0);
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM rapport.attendee_codes WHERE attendee_id = 'P1'"), 0);
  EXPECT_EQ(count_at_hub(url, "SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'attendees' AND "
                              "schemaname = 'rapport' AND (vacuum_count > 0 OR last_vacuum IS NOT NULL)"),
            1);
}
