#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/sync/forget.hpp"
#include "core/sync/merge.hpp"
#include "event_fixture.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

// Three kiosks of one event that saw overlapping things, in the shapes a real day makes.
struct ThreeKiosks {
  TempDir dir;
  std::vector<std::string> paths;
  ThreeKiosks() {
    paths = {dir.file("door.sqlite"), dir.file("floor1.sqlite"), dir.file("floor2.sqlite")};
    {
      Store door = make_kiosk(paths[0], "door", 30, "2026-11-21T07:00:00.000Z");
      for (int p = 1; p <= 20; ++p) checkin(door, p, fmt::format("2026-11-21T09:{:02d}:00.000Z", p));
      connect(door, 1, 2, "2026-11-21T10:00:00.000Z");
      suggest(door, 1, 3, "2026-11-21T09:40:00.000Z");
    }
    {
      Store f1 = make_kiosk(paths[1], "floor1", 30, "2026-11-21T07:05:00.000Z");
      // Persons 5 and 6 were also let in at the side door, 5 earlier than at the main door.
      checkin(f1, 5, "2026-11-21T09:01:30.000Z");
      checkin(f1, 6, "2026-11-21T09:30:00.000Z");
      checkin(f1, 25, "2026-11-21T09:45:00.000Z");
      connect(f1, 1, 2, "2026-11-21T09:50:00.000Z", "suggestion");  // same pair, earlier
      connect(f1, 3, 1, "2026-11-21T10:05:00.000Z");
      connect(f1, 4, 7, "2026-11-21T10:10:00.000Z");
      suggest(f1, 4, 7, "2026-11-21T10:00:00.000Z");
    }
    {
      Store f2 = make_kiosk(paths[2], "floor2", 30, "2026-11-21T07:10:00.000Z");
      // A roster fix imported here last: person 8 changed their name and tags.
      f2.set_clock(fixed_clock(at("2026-11-21T08:00:00.000Z")));
      auto w = f2.db().write([&]() -> Status {
        RAPPORT_TRY(f2.db().exec(
            "UPDATE attendees SET first_name = 'Renamed', updated_at = '2026-11-21T08:00:00.000Z' WHERE id = 'A00008'"));
        RAPPORT_TRY(f2.db().exec("INSERT OR IGNORE INTO tags VALUES ('kayaking', 'Kayaking')"));
        return f2.db().exec("INSERT INTO attendee_tags VALUES ('A00008', 'personal', 'kayaking')");
      });
      EXPECT_TRUE(w.ok()) << w.error().to_string();
      connect(f2, 2, 1, "2026-11-21T10:20:00.000Z");
      connect(f2, 9, 10, "2026-11-21T10:30:00.000Z", "manual");
      checkin(f2, 9, "2026-11-21T10:25:00.000Z");
      // Person 12 asked to be forgotten at this kiosk.
      f2.set_clock(fixed_clock(at("2026-11-21T11:00:00.000Z")));
      auto r = forget_attendee(f2, id_of(12));
      EXPECT_TRUE(r.ok()) << r.error().to_string();
    }
  }
};

Result<MergeReport> merge(const std::string& org, const std::vector<std::string>& sources) {
  return merge_files(org, sources, fixed_clock(at("2026-11-21T18:00:00.000Z")));
}

std::string dump_file(const std::string& path) {
  auto s = Store::open(path, OpenOptions{true});
  EXPECT_TRUE(s.ok()) << s.error().to_string();
  return s ? dump(s->db()) : "";
}

}  // namespace

TEST(Merge, DuplicatesCollapseToTheEarliestAndListEveryKiosk) {
  ThreeKiosks k;
  std::string org = k.dir.file("org.sqlite");
  auto r = merge(org, k.paths);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_TRUE(r->created);
  auto s = Store::open(org);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->event().role, "organizer");
  EXPECT_EQ(s->event().name, "Demo Day");
  Db& db = s->db();
  EXPECT_EQ(count(db, "SELECT count(*) FROM connections WHERE a_id = 'A00001' AND b_id = 'A00002'"), 1);
  auto st = db.prepare("SELECT at, kiosk_id, kiosks, method FROM connections WHERE a_id = 'A00001' AND b_id = 'A00002'");
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE(*st->step());
  EXPECT_EQ(st->text(0), "2026-11-21T09:50:00.000Z");
  EXPECT_EQ(st->text(1), "floor1");
  EXPECT_EQ(st->text(2), "door,floor1,floor2");
  EXPECT_EQ(st->text(3), "suggestion");

  st = db.prepare("SELECT at, kiosk_id FROM checkins WHERE attendee_id = 'A00005'");
  ASSERT_TRUE(*st->step());
  EXPECT_EQ(st->text(0), "2026-11-21T09:01:30.000Z");
  EXPECT_EQ(st->text(1), "floor1");
  st = db.prepare("SELECT at, kiosk_id FROM checkins WHERE attendee_id = 'A00006'");
  ASSERT_TRUE(*st->step());
  EXPECT_EQ(st->text(0), "2026-11-21T09:06:00.000Z");
  EXPECT_EQ(st->text(1), "door");
}

TEST(Merge, NothingIsLost) {
  ThreeKiosks k;
  std::string org = k.dir.file("org.sqlite");
  ASSERT_TRUE(merge(org, k.paths).ok());
  auto s = Store::open(org);
  ASSERT_TRUE(s.ok());
  // Every key any kiosk holds is in the organizer file.
  for (const auto& p : k.paths) {
    auto src = Store::open(p, OpenOptions{true});
    ASSERT_TRUE(src.ok());
    for (auto [q, check] : std::vector<std::pair<std::string, std::string>>{
             {"SELECT attendee_id FROM checkins", "SELECT count(*) FROM checkins WHERE attendee_id = ?"},
             {"SELECT a_id || '|' || b_id FROM connections",
              "SELECT count(*) FROM connections WHERE a_id || '|' || b_id = ?"},
             {"SELECT id FROM suggestions_shown", "SELECT count(*) FROM suggestions_shown WHERE id = ?"},
             {"SELECT id FROM attendees", "SELECT count(*) FROM attendees WHERE id = ?"},
             {"SELECT attendee_id FROM forgotten", "SELECT count(*) FROM forgotten WHERE attendee_id = ?"}}) {
      auto rows = src->db().prepare(q);
      ASSERT_TRUE(rows.ok());
      while (*rows->step()) {
        auto c = s->db().prepare(check);
        c->bind_all(rows->text(0));
        ASSERT_TRUE(*c->step());
        EXPECT_EQ(c->integer(0), 1) << q << " " << rows->text(0) << " from " << p;
      }
    }
  }
  // 20 at the door + 25 (new at floor1) + nothing new at floor2 (9 was in already).
  EXPECT_EQ(count(s->db(), "SELECT count(*) FROM checkins"), 21);
  EXPECT_EQ(count(s->db(), "SELECT count(*) FROM connections"), 4);
  EXPECT_EQ(count(s->db(), "SELECT count(*) FROM suggestions_shown"), 2);
  // The newest roster version won, with its tags.
  EXPECT_EQ(count(s->db(), "SELECT count(*) FROM attendees WHERE id = 'A00008' AND first_name = 'Renamed'"), 1);
  EXPECT_EQ(count(s->db(), "SELECT count(*) FROM attendee_tags WHERE attendee_id = 'A00008' AND tag = 'kayaking'"), 1);
  auto fk = s->db().prepare("PRAGMA foreign_key_check");
  ASSERT_TRUE(fk.ok());
  EXPECT_FALSE(*fk->step()) << "a row points at nobody";
}

TEST(Merge, IsIdempotent) {
  ThreeKiosks k;
  std::string org = k.dir.file("org.sqlite");
  auto first = merge(org, k.paths);
  ASSERT_TRUE(first.ok()) << first.error().to_string();
  EXPECT_GT(first->total(), 0);
  std::string before = dump_file(org);
  auto again = merge(org, k.paths);
  ASSERT_TRUE(again.ok()) << again.error().to_string();
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->total(), 0);
  for (const auto& s : again->sources) EXPECT_FALSE(s.full_scan) << s.path;
  EXPECT_EQ(dump_file(org), before);
}

TEST(Merge, EveryOrderGivesTheSameFile) {
  ThreeKiosks k;
  std::vector<int> order{0, 1, 2};
  std::string reference;
  int n = 0;
  do {
    std::vector<std::string> files;
    for (int i : order) files.push_back(k.paths[i]);
    // All at once...
    std::string org = k.dir.file(fmt::format("org-{}.sqlite", n));
    auto r = merge(org, files);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    std::string d = dump_file(org);
    if (reference.empty()) reference = d;
    EXPECT_EQ(d, reference) << "order " << order[0] << order[1] << order[2];
    // ...and one file per run.
    std::string org2 = k.dir.file(fmt::format("org-{}-one-by-one.sqlite", n));
    for (const auto& f : files) ASSERT_TRUE(merge(org2, {f}).ok());
    EXPECT_EQ(dump_file(org2), reference) << "one by one, order " << order[0] << order[1] << order[2];
    ++n;
  } while (std::next_permutation(order.begin(), order.end()));
  EXPECT_EQ(n, 6);
}

TEST(Merge, OnlyNewRowsMoveOnTheNextRun) {
  TempDir dir;
  std::string kiosk = dir.file("door.sqlite"), org = dir.file("org.sqlite");
  {
    Store door = make_kiosk(kiosk, "door");
    checkin(door, 1, "2026-11-21T09:00:00.000Z");
  }
  ASSERT_TRUE(merge(org, {kiosk}).ok());
  {
    auto door = Store::open(kiosk);
    ASSERT_TRUE(door.ok());
    checkin(*door, 2, "2026-11-21T09:10:00.000Z");
    connect(*door, 1, 2, "2026-11-21T09:20:00.000Z");
  }
  auto r = merge(org, {kiosk});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_EQ(r->sources.size(), 1u);
  const auto& s = r->sources[0];
  EXPECT_FALSE(s.full_scan);
  EXPECT_GT(s.from_seq, 0);
  EXPECT_EQ(s.checkins, 1);
  EXPECT_EQ(s.connections, 1);
  EXPECT_EQ(s.attendees, 0);
  EXPECT_EQ(s.door, 1);  // the check-in's door pass
  EXPECT_EQ(s.total(), 3);
}

TEST(Merge, ARestoredOlderKioskFileIsReadInFull) {
  TempDir dir;
  std::string kiosk = dir.file("door.sqlite"), org = dir.file("org.sqlite"), backup = dir.file("backup.sqlite");
  {
    Store door = make_kiosk(kiosk, "door");
    checkin(door, 1, "2026-11-21T09:00:00.000Z");
  }
  std::filesystem::copy_file(kiosk, backup);
  {
    auto door = Store::open(kiosk);
    for (int p = 2; p <= 6; ++p) checkin(*door, p, "2026-11-21T09:30:00.000Z");
  }
  ASSERT_TRUE(merge(org, {kiosk}).ok());
  // The kiosk's disk is restored from the morning's copy; the day goes on from there.
  std::filesystem::remove(kiosk);
  std::filesystem::copy_file(backup, kiosk);
  // More is written after the restore than was lost, so the log's numbers pass the
  // organizer's cursor again: the stamps tell the histories apart.
  {
    auto door = Store::open(kiosk);
    for (int p = 7; p <= 14; ++p) checkin(*door, p, "2026-11-21T11:00:00.000Z");
  }
  auto r = merge(org, {kiosk});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_TRUE(r->sources[0].full_scan);
  auto s = Store::open(org);
  EXPECT_EQ(count(s->db(), "SELECT count(*) FROM checkins"), 14);
}

TEST(Merge, ANonRapportSourceIsRefusedAndNothingIsTouched) {
  ThreeKiosks k;
  std::string org = k.dir.file("org.sqlite");
  ASSERT_TRUE(merge(org, {k.paths[0]}).ok());
  {
    auto s = Store::open(org);
    ASSERT_TRUE(s->db().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
  }
  std::string before = read_file(org);
  std::string garbage = "id,first_name\nA1,Ana\n";
  std::string bad = k.dir.write("roster.csv", garbage);
  auto r = merge(org, {k.paths[1], bad});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().to_string().find("roster.csv"), std::string::npos) << r.error().to_string();
  EXPECT_NE(r.error().message.find("not a Rapport database"), std::string::npos);
  EXPECT_EQ(read_file(bad), garbage);
  EXPECT_EQ(read_file(org), before);
  // Into a file that does not exist yet: none is left behind.
  std::string fresh = k.dir.file("fresh.sqlite");
  EXPECT_FALSE(merge(fresh, {k.paths[0], bad}).ok());
  EXPECT_FALSE(std::filesystem::exists(fresh));
}

TEST(Merge, AFailingSourceRollsBackTheWholeMerge) {
  ThreeKiosks k;
  std::string org = k.dir.file("org.sqlite");
  ASSERT_TRUE(merge(org, {k.paths[0]}).ok());
  std::string before = dump_file(org);
  // A damaged kiosk file: a connection to somebody who is not in its roster.
  std::string broken = k.dir.file("broken.sqlite");
  {
    Store b = make_kiosk(broken, "broken");
    checkin(b, 3, "2026-11-21T09:00:00.000Z");
    ASSERT_TRUE(b.db().exec("PRAGMA foreign_keys = OFF").ok());
    ASSERT_TRUE(b.db().exec("INSERT INTO connections VALUES ('A00001', 'ZZZ', '2026-11-21T10:00:00.000Z', "
                            "'broken', 'broken', 'scan')")
                    .ok());
  }
  auto r = merge(org, {k.paths[1], broken});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(dump_file(org), before);  // not even floor1's rows went in
}

TEST(Merge, AKioskFileIsNotAnOrganizerFile) {
  ThreeKiosks k;
  auto r = merge(k.paths[0], {k.paths[1]});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("kiosk's own file"), std::string::npos);
  auto org = k.dir.file("org.sqlite");
  ASSERT_TRUE(merge(org, {k.paths[0]}).ok());
  auto self = merge(org, {org});
  ASSERT_FALSE(self.ok());
  EXPECT_NE(self.error().message.find("itself"), std::string::npos);
}

TEST(Merge, OrganizerFilesMergeIntoEachOther) {
  ThreeKiosks k;
  std::string a = k.dir.file("a.sqlite"), b = k.dir.file("b.sqlite"), all = k.dir.file("all.sqlite");
  ASSERT_TRUE(merge(a, {k.paths[0], k.paths[1]}).ok());
  ASSERT_TRUE(merge(b, {k.paths[2]}).ok());
  ASSERT_TRUE(merge(b, {a}).ok());
  ASSERT_TRUE(merge(all, k.paths).ok());
  EXPECT_EQ(dump_file(b), dump_file(all));
  // The day goes on: new rows reach b only through a, and must not be skipped.
  {
    auto door = Store::open(k.paths[0]);
    checkin(*door, 29, "2026-11-21T15:00:00.000Z");
    connect(*door, 28, 29, "2026-11-21T15:05:00.000Z");
  }
  ASSERT_TRUE(merge(a, {k.paths[0]}).ok());
  auto r = merge(b, {a});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_TRUE(merge(all, k.paths).ok());
  EXPECT_EQ(dump_file(b), dump_file(all));
  auto s = Store::open(b);
  EXPECT_EQ(count(s->db(), "SELECT count(*) FROM connections WHERE a_id = 'A00028' AND b_id = 'A00029'"), 1);
}

TEST(Merge, AForgottenPersonNeverComesBack) {
  ThreeKiosks k;
  std::string org = k.dir.file("org.sqlite");
  ASSERT_TRUE(merge(org, k.paths).ok());
  auto check_gone = [&](Db& db, const std::string& id) {
    EXPECT_EQ(count(db, "SELECT count(*) FROM attendees WHERE id = '" + id +
                            "' AND status = 'forgotten' AND first_name = 'Forgotten' AND email = '' AND last_name = '' "
                            "AND company = '' AND title = '' AND consent = 0"),
              1)
        << id;
    EXPECT_EQ(count(db, "SELECT count(*) FROM attendee_tags WHERE attendee_id = '" + id + "'"), 0);
    EXPECT_EQ(count(db, "SELECT count(*) FROM attendee_codes WHERE attendee_id = '" + id + "'"), 0);
    EXPECT_EQ(count(db, "SELECT count(*) FROM forgotten WHERE attendee_id = '" + id + "'"), 1);
  };
  {
    // Forgotten at floor2 only: the door and floor1 still had the person in full.
    auto s = Store::open(org);
    check_gone(s->db(), id_of(12));
    // Now the organizer forgets person 4, who met person 7 at floor1.
    s->set_clock(fixed_clock(at("2026-11-21T19:00:00.000Z")));
    ASSERT_TRUE(forget_attendee(*s, id_of(4)).ok());
  }
  // The kiosks keep working and re-import the roster with a newer time: person 4 is
  // "updated" there, and must still not come back.
  for (const auto& p : k.paths) {
    auto s = Store::open(p);
    ASSERT_TRUE(s.ok());
    s->set_clock(fixed_clock(at("2026-11-21T20:00:00.000Z")));
    ASSERT_TRUE(s->db().exec("UPDATE attendees SET updated_at = '2026-11-21T20:00:00.000Z', title = 'New title' "
                             "WHERE id IN ('A00004', 'A00012')")
                    .ok());
    checkin(*s, 4, "2026-11-21T20:05:00.000Z");
  }
  ASSERT_TRUE(merge(org, k.paths).ok());
  auto s = Store::open(org);
  check_gone(s->db(), id_of(4));
  check_gone(s->db(), id_of(12));
  // The anonymous traces stay: person 4's check-in and connection still count.
  EXPECT_EQ(count(s->db(), "SELECT count(*) FROM connections WHERE a_id = 'A00004' OR b_id = 'A00004'"), 1);
  EXPECT_EQ(count(s->db(), "SELECT count(*) FROM checkins WHERE attendee_id = 'A00004'"), 1);
  // And a full re-merge from scratch, in another order, agrees.
  std::string org2 = k.dir.file("org2.sqlite");
  ASSERT_TRUE(merge(org2, {k.paths[2], k.paths[0], k.paths[1]}).ok());
  auto s2 = Store::open(org2);
  check_gone(s2->db(), id_of(12));
}

TEST(Merge, AnyNumberOfFilesTenAtATimeGiveTheSameFileAsOneByOne) {
  TempDir dir;
  std::vector<std::string> files;
  for (int k = 0; k < 23; ++k) {
    files.push_back(dir.file(fmt::format("k{}.sqlite", k)));
    Store s = make_kiosk(files.back(), fmt::format("k{}", k), 5);
    checkin(s, 1 + k % 5, fmt::format("2026-11-21T09:{:02d}:00.000Z", 30 - k));
    connect(s, 1 + k % 5, 1 + (k + 1) % 5, fmt::format("2026-11-21T10:{:02d}:00.000Z", 40 - k));
  }
  auto all = merge(dir.file("org.sqlite"), files);
  ASSERT_TRUE(all.ok()) << all.error().to_string();
  EXPECT_TRUE(all->created);
  EXPECT_EQ(all->sources.size(), 23u);
  auto s = Store::open(dir.file("org.sqlite"));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(count(s->db(), "SELECT count(*) FROM checkins"), 5);
  EXPECT_EQ(count(s->db(), "SELECT count(*) FROM connections"), 5);
  // Person 1 checked in at k0, k5, k10, k15 and k20; k20's was the earliest (09:10).
  auto st = s->db().prepare("SELECT at, kiosk_id FROM checkins WHERE attendee_id = 'A00001'");
  ASSERT_TRUE(*st->step());
  EXPECT_EQ(st->text(0), "2026-11-21T09:10:00.000Z");
  EXPECT_EQ(st->text(1), "k20");
  std::string reference = dump_file(dir.file("org.sqlite"));
  std::reverse(files.begin(), files.end());
  ASSERT_TRUE(merge(dir.file("org-reversed.sqlite"), files).ok());
  EXPECT_EQ(dump_file(dir.file("org-reversed.sqlite")), reference);
  for (const auto& f : files) ASSERT_TRUE(merge(dir.file("org-one-by-one.sqlite"), {f}).ok());
  EXPECT_EQ(dump_file(dir.file("org-one-by-one.sqlite")), reference);
  auto again = merge(dir.file("org.sqlite"), files);
  ASSERT_TRUE(again.ok()) << again.error().to_string();
  EXPECT_EQ(again->total(), 0);
}

TEST(Merge, ADamagedOrganizerFileIsNamedNotTheKioskFile) {
  ThreeKiosks k;
  std::string org = k.dir.file("org.sqlite");
  ASSERT_TRUE(merge(org, {k.paths[0]}).ok());
  // Garbage over the pages of the check-ins table: the file opens fine, and the merge
  // reads those pages when floor1's check-ins arrive.
  int64_t page_size = 0;
  std::vector<int64_t> pages;
  {
    auto s = Store::open(org, OpenOptions{true});
    ASSERT_TRUE(s.ok());
    page_size = *s->db().scalar_int("PRAGMA page_size");
    auto st = s->db().prepare("SELECT pageno FROM dbstat WHERE name = 'checkins'");
    ASSERT_TRUE(st.ok()) << st.error().to_string();
    while (*st->step()) pages.push_back(st->integer(0));
  }
  ASSERT_FALSE(pages.empty());
  {
    std::fstream f(org, std::ios::in | std::ios::out | std::ios::binary);
    std::string junk(static_cast<size_t>(page_size), '\xAB');
    for (int64_t p : pages) {
      f.seekp((p - 1) * page_size);
      f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
  }
  ASSERT_TRUE(Store::open(org).ok());
  auto r = merge(org, {k.paths[1], k.paths[2]});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where, org) << r.error().to_string();
  EXPECT_NE(r.error().message.find("the organizer file is damaged"), std::string::npos) << r.error().to_string();
}
