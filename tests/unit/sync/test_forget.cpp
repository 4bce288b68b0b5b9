#include <gtest/gtest.h>

#include "core/checkin/resolve.hpp"
#include "core/sync/forget.hpp"
#include "core/util/text.hpp"
#include "event_fixture.hpp"

using namespace rapport;
using namespace rapport::test;

TEST(Forget, ErasesDetailsAndKeepsAnonymousCounts) {
  TempDir dir;
  Store s = make_kiosk(dir.file("door.sqlite"), "door");
  checkin(s, 3, "2026-11-21T09:00:00.000Z");
  connect(s, 3, 4, "2026-11-21T09:30:00.000Z");
  suggest(s, 3, 5, "2026-11-21T09:10:00.000Z");
  auto before = load_attendee(s.db(), id_of(3));
  ASSERT_TRUE(before.ok() && *before);
  std::string email = (*before)->email;
  ASSERT_FALSE(email.empty());

  auto r = forget_attendee(s, id_of(3));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_FALSE(r->already_forgotten);
  EXPECT_EQ(r->checkins_kept, 1);
  EXPECT_EQ(r->connections_kept, 1);

  auto after = load_attendee(s.db(), id_of(3));
  ASSERT_TRUE(after.ok() && *after);
  const Attendee& a = **after;
  EXPECT_EQ(a.status, AttendeeStatus::forgotten);
  EXPECT_EQ(a.first_name, "Forgotten");
  EXPECT_EQ(a.last_name, "");
  EXPECT_EQ(a.email, "");
  EXPECT_EQ(a.company, "");
  EXPECT_EQ(a.title, "");
  EXPECT_FALSE(a.consent);
  for (int k = 0; k < kTagKindCount; ++k) EXPECT_TRUE(a.tags[k].empty());
  EXPECT_EQ(count(s.db(), "SELECT count(*) FROM attendee_codes WHERE attendee_id = 'A00003'"), 0);
  EXPECT_EQ(count(s.db(), "SELECT count(*) FROM checkins WHERE attendee_id = 'A00003'"), 1);
  EXPECT_EQ(count(s.db(), "SELECT count(*) FROM suggestions_shown WHERE for_id = 'A00003'"), 1);
  // Nothing personal is left anywhere in the file's tables that name them.
  auto st = s.db().prepare("SELECT email_hash FROM forgotten WHERE attendee_id = 'A00003'");
  ASSERT_TRUE(*st->step());
  EXPECT_EQ(st->text(0), hash_hex(ascii_lower(email)));
  EXPECT_EQ(count(s.db(), "SELECT count(*) FROM connections_named WHERE person_a = 'Forgotten' OR person_b = 'Forgotten'"), 1);

  auto again = forget_attendee(s, id_of(3));
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_forgotten);
}

TEST(Forget, ByBadgeOrTicketCode) {
  TempDir dir;
  Store s = make_kiosk(dir.file("door.sqlite"), "door");
  auto st = s.db().prepare("SELECT code FROM attendee_codes WHERE attendee_id = 'A00006'");
  ASSERT_TRUE(*st->step());
  std::string code = st->text(0);
  st = Stmt();
  auto r = forget_by_code(s, code);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->attendee_id, id_of(6));
  // The code is gone with the person: scanning it now names nobody.
  auto res = resolve_scan(s.db(), code);
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(res->match, ScanMatch::unknown);
}

TEST(Forget, UnknownPeopleAreAnErrorAndChangeNothing) {
  TempDir dir;
  Store s = make_kiosk(dir.file("door.sqlite"), "door");
  std::string before = dump(s.db());
  auto r = forget_attendee(s, "NOPE");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("no attendee"), std::string::npos);
  auto c = forget_by_code(s, "T-NOT-A-CODE");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(dump(s.db()), before);
}

TEST(Forget, AReimportDoesNotBringThemBack) {
  TempDir dir;
  Store s = make_kiosk(dir.file("door.sqlite"), "door");
  ASSERT_TRUE(forget_attendee(s, id_of(2)).ok());
  // The same roster again, and again with the person under a new id but the same email.
  std::string roster = demo_roster_csv({30, 7});
  auto parsed = parse_roster(roster, "again.csv", RosterFormat::native, ImportMapping{});
  ASSERT_TRUE(parsed.ok());
  auto r = import_roster(s, std::move(parsed.value()));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->skipped.size(), 1u);
  std::string moved = roster;
  auto pos = moved.find("\nA00002,");
  ASSERT_NE(pos, std::string::npos);
  moved.replace(pos, 8, "\nB99999,");
  parsed = parse_roster(moved, "moved.csv", RosterFormat::native, ImportMapping{});
  ASSERT_TRUE(parsed.ok());
  r = import_roster(s, std::move(parsed.value()));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(count(s.db(), "SELECT count(*) FROM attendees WHERE id = 'B99999'"), 0);
  auto a = load_attendee(s.db(), id_of(2));
  ASSERT_TRUE(a.ok() && *a);
  EXPECT_EQ((*a)->first_name, "Forgotten");
  EXPECT_EQ((*a)->email, "");
}
