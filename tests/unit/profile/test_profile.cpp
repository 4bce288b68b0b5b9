// Profile changes: one durable write, validated, newest by hybrid logical clock; a
// re-import of the same roster never undoes a kiosk change; forget wipes them.
#include <gtest/gtest.h>

#include "core/config/topics_config.hpp"
#include "core/profile/hlc.hpp"
#include "core/profile/profile.hpp"
#include "core/profile/topics.hpp"
#include "core/sync/forget.hpp"
#include "core/sync/merge.hpp"
#include "../sync/event_fixture.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

// A plain ticketing export: nobody consented, no tags.
std::string plain_roster(int n, const std::string& extra_consent_for = "") {
  std::string csv = "id,first_name,last_name,email,consent\n";
  for (int i = 1; i <= n; ++i) {
    std::string id = id_of(i);
    csv += fmt::format("{},Person{},Last{},p{}@example.org,{}\n", id, i, i, i, id == extra_consent_for ? "yes" : "no");
  }
  return csv;
}

Store plain_kiosk(const std::string& path, const std::string& kiosk, const std::string& when,
                  const std::string& roster = plain_roster(5)) {
  auto s = Store::create(path, EventInfo{"Demo Day", "2026-11-21", kiosk}, fixed_clock(at(when)));
  EXPECT_TRUE(s.ok()) << s.error().to_string();
  auto parsed = parse_roster(roster, "plain.csv", RosterFormat::native, ImportMapping{});
  EXPECT_TRUE(parsed.ok()) << parsed.error().to_string();
  auto r = import_roster(*s, std::move(parsed.value()));
  EXPECT_TRUE(r.ok()) << r.error().to_string();
  return std::move(s.value());
}

void reimport(Store& s, const std::string& roster, const std::string& when) {
  s.set_clock(fixed_clock(at(when)));
  auto parsed = parse_roster(roster, "plain.csv", RosterFormat::native, ImportMapping{});
  ASSERT_TRUE(parsed.ok());
  ASSERT_TRUE(import_roster(s, std::move(parsed.value())).ok());
}

Profile change(Store& s, int person, ProfileEdit e, const std::string& when) {
  s.set_clock(fixed_clock(at(when)));
  auto p = change_profile(s, id_of(person), e, ProfileSource::kiosk);
  EXPECT_TRUE(p.ok()) << p.error().to_string();
  return p.ok() ? *p : Profile{};
}

ProfileEdit consent(bool yes) {
  ProfileEdit e;
  e.consent = yes;
  return e;
}

ProfileEdit interests(std::vector<std::string> labels) {
  ProfileEdit e;
  e.tags[static_cast<int>(TagKind::interest)] = std::move(labels);
  return e;
}

Attendee person(Store& s, int n) {
  auto a = load_attendee(s.db(), id_of(n));
  EXPECT_TRUE(a.ok() && a->has_value());
  return a.ok() && a->has_value() ? **a : Attendee{};
}

}  // namespace

TEST(Hlc, LaterStampsEvenWhenTheWallClockJumpsBack) {
  int64_t first = hlc_next(0, at("2026-11-21T12:00:00.000Z"));
  int64_t after_jump = hlc_next(first, at("2026-11-21T10:00:00.000Z"));
  EXPECT_GT(after_jump, first);
  EXPECT_EQ(hlc_wall(after_jump), hlc_wall(first));  // the clock part stays; the counter grows
  int64_t later = hlc_next(after_jump, at("2026-11-21T12:30:00.000Z"));
  EXPECT_EQ(later, hlc_of(at("2026-11-21T12:30:00.000Z")));
}

TEST(Profile, OneChangeWritesRowsAndTheEffectiveProfile) {
  TempDir dir;
  auto s = plain_kiosk(dir.file("k.sqlite"), "floor-1", "2026-11-21T08:00:00.000Z");
  ProfileEdit e = interests({"Rust", "Climate data", "rust "});
  e.consent = true;
  auto p = change(s, 1, e, "2026-11-21T09:00:00.000Z");
  EXPECT_TRUE(p.consent);
  EXPECT_EQ(p.tags[0], (std::vector<std::string>{"Climate data", "Rust"}));
  EXPECT_EQ(p.updated_at, "2026-11-21T09:00:00.000Z");
  auto a = person(s, 1);
  EXPECT_TRUE(a.consent);
  EXPECT_EQ(*s.db().scalar_int("SELECT count(*) FROM profile_changes WHERE attendee_id = 'A00001'"), 2);
  EXPECT_EQ(*s.db().scalar_int("SELECT count(DISTINCT kiosk_id) FROM profile_changes"), 1);
}

TEST(Profile, BadLabelsAndUnknownOrForgottenPeopleWriteNothing) {
  TempDir dir;
  auto s = plain_kiosk(dir.file("k.sqlite"), "floor-1", "2026-11-21T08:00:00.000Z");
  EXPECT_FALSE(parse_tag_list("Rust;;AI").ok());
  EXPECT_FALSE(parse_tag_list(std::string(81, 'x')).ok());
  EXPECT_TRUE(parse_tag_list(std::string(80, 'x')).ok());
  EXPECT_TRUE(parse_tag_list("ä" + std::string(79, 'x')).ok());  // characters, not bytes
  std::string thirty_one;
  for (int i = 0; i < 31; ++i) thirty_one += fmt::format("{}t{}", i ? ";" : "", i);
  EXPECT_FALSE(parse_tag_list(thirty_one).ok());
  EXPECT_TRUE(parse_tag_list("").ok());

  auto unknown = change_profile(s, "nobody", consent(true), ProfileSource::cli);
  EXPECT_FALSE(unknown.ok());
  auto too_long = change_profile(s, id_of(1), interests({std::string(81, 'y')}), ProfileSource::cli);
  EXPECT_FALSE(too_long.ok());
  ASSERT_TRUE(forget_attendee(s, id_of(2)).ok());
  auto forgotten = change_profile(s, id_of(2), consent(true), ProfileSource::cli);
  EXPECT_FALSE(forgotten.ok());
  EXPECT_EQ(*s.db().scalar_int("SELECT count(*) FROM profile_changes"), 0);
  EXPECT_EQ(*s.db().scalar_int("SELECT count(*) FROM attendee_tags"), 0);
}

TEST(Profile, ReimportingTheSameRosterKeepsTheKioskChange) {
  TempDir dir;
  auto s = plain_kiosk(dir.file("k.sqlite"), "floor-1", "2026-11-21T08:00:00.000Z");
  ProfileEdit e = interests({"Rust"});
  e.consent = true;
  change(s, 1, e, "2026-11-21T09:00:00.000Z");
  reimport(s, plain_roster(5), "2026-11-21T11:00:00.000Z");
  auto a = person(s, 1);
  EXPECT_TRUE(a.consent);
  EXPECT_EQ(a.tags_of(TagKind::interest), std::vector<std::string>{"Rust"});
}

TEST(Profile, ARosterThatChangedSinceIsNewerAndWins) {
  TempDir dir;
  auto s = plain_kiosk(dir.file("k.sqlite"), "floor-1", "2026-11-21T08:00:00.000Z",
                       plain_roster(5, id_of(1)));  // the roster said yes for person 1
  change(s, 1, consent(false), "2026-11-21T09:00:00.000Z");  // "Stop suggesting me"
  reimport(s, plain_roster(5, id_of(1)), "2026-11-21T10:00:00.000Z");
  EXPECT_FALSE(person(s, 1).consent) << "the same roster must not undo a withdrawal";
  // The organizer later marks person 2 as consenting in the ticketing tool: new news.
  change(s, 2, interests({"AI"}), "2026-11-21T09:30:00.000Z");
  reimport(s, plain_roster(5, id_of(2)), "2026-11-21T11:00:00.000Z");
  EXPECT_TRUE(person(s, 2).consent);
  // Person 1's roster answer changed (yes -> no): the roster now agrees with the kiosk.
  EXPECT_FALSE(person(s, 1).consent);
  EXPECT_EQ(person(s, 2).tags_of(TagKind::interest), std::vector<std::string>{"AI"});
}

TEST(Profile, ForgetWipesProfileRows) {
  TempDir dir;
  auto s = plain_kiosk(dir.file("k.sqlite"), "floor-1", "2026-11-21T08:00:00.000Z");
  ProfileEdit e = interests({"A rare hobby"});
  e.consent = true;
  change(s, 3, e, "2026-11-21T09:00:00.000Z");
  ASSERT_TRUE(forget_attendee(s, id_of(3)).ok());
  EXPECT_EQ(*s.db().scalar_int("SELECT count(*) FROM profile_changes"), 0);
  EXPECT_EQ(*s.db().scalar_int("SELECT count(*) FROM tags WHERE label = 'A rare hobby'"), 0);
}

TEST(Profile, ImportCountsWhoConsented) {
  TempDir dir;
  auto s = Store::create(dir.file("k.sqlite"), EventInfo{"Demo Day", "2026-11-21", "door"});
  ASSERT_TRUE(s.ok());
  auto parsed = parse_roster(plain_roster(4, id_of(2)), "plain.csv", RosterFormat::native, ImportMapping{});
  ASSERT_TRUE(parsed.ok());
  auto r = import_roster(*s, std::move(parsed.value()));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->consented, 1u);
}

TEST(Topics, MostCommonAmongPresentPeopleFirstThenTheOrganizersList) {
  TempDir dir;
  auto s = plain_kiosk(dir.file("k.sqlite"), "floor-1", "2026-11-21T08:00:00.000Z");
  ASSERT_TRUE(store_event_topics(s.db(), {"Cloud", "Security", "AI"}).ok());
  change(s, 1, interests({"Rust"}), "2026-11-21T09:00:00.000Z");
  change(s, 2, interests({"Rust", "Go"}), "2026-11-21T09:00:00.000Z");
  change(s, 3, interests({"Go", "Knitting"}), "2026-11-21T09:00:00.000Z");
  change(s, 4, interests({"Go"}), "2026-11-21T09:00:00.000Z");
  checkin(s, 2, "2026-11-21T09:10:00.000Z");
  checkin(s, 3, "2026-11-21T09:10:00.000Z");
  checkin(s, 4, "2026-11-21T09:10:00.000Z");
  auto t = picker_topics(s.db());
  ASSERT_TRUE(t.ok());
  std::vector<std::string> want{"Go", "Knitting", "Rust", "Cloud", "Security", "AI"};
  EXPECT_EQ(*t, want);
}

// --- merges -------------------------------------------------------------------------

namespace {
struct Organizer {
  TempDir& dir;
  std::string path;
  Result<MergeReport> merge(const std::vector<std::string>& files) {
    return merge_files(path, files, fixed_clock(at("2026-11-21T18:00:00.000Z")));
  }
  Attendee person(int n) {
    auto s = Store::open(path, OpenOptions{true});
    EXPECT_TRUE(s.ok());
    auto a = load_attendee(s->db(), id_of(n));
    return a.ok() && a->has_value() ? **a : Attendee{};
  }
};
}  // namespace

TEST(ProfileMerge, AKioskMadeProfileArrivesInTheOrganizerFile) {
  TempDir dir;
  std::string k1 = dir.file("k1.sqlite");
  {
    auto s = plain_kiosk(k1, "floor-1", "2026-11-21T08:00:00.000Z");
    ProfileEdit e = interests({"Rust"});
    e.consent = true;
    change(s, 1, e, "2026-11-21T09:00:00.000Z");
  }
  Organizer org{dir, dir.file("org.sqlite")};
  auto r = org.merge({k1});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  auto a = org.person(1);
  EXPECT_TRUE(a.consent);
  EXPECT_EQ(a.tags_of(TagKind::interest), std::vector<std::string>{"Rust"});
  EXPECT_EQ(r->sources[0].profiles, 2);
  // Merging again changes nothing.
  auto again = org.merge({k1});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->total(), 0);
}

TEST(ProfileMerge, ConflictingEditsResolveTheSameInAnyOrder) {
  TempDir dir;
  std::string k1 = dir.file("k1.sqlite"), k2 = dir.file("k2.sqlite");
  {
    auto a = plain_kiosk(k1, "floor-1", "2026-11-21T08:00:00.000Z");
    auto b = plain_kiosk(k2, "floor-2", "2026-11-21T08:00:00.000Z");
    change(a, 1, interests({"Rust"}), "2026-11-21T09:00:00.000Z");
    change(b, 1, interests({"Go"}), "2026-11-21T09:05:00.000Z");
    change(a, 2, consent(true), "2026-11-21T09:10:00.000Z");
    change(b, 2, consent(false), "2026-11-21T09:20:00.000Z");
    change(a, 3, interests({"Same time A"}), "2026-11-21T09:30:00.000Z");
    change(b, 3, interests({"Same time B"}), "2026-11-21T09:30:00.000Z");
  }
  Organizer one{dir, dir.file("o1.sqlite")}, two{dir, dir.file("o2.sqlite")}, three{dir, dir.file("o3.sqlite")};
  ASSERT_TRUE(one.merge({k1, k2}).ok());
  ASSERT_TRUE(two.merge({k2, k1}).ok());
  ASSERT_TRUE(three.merge({k2}).ok());
  ASSERT_TRUE(three.merge({k1}).ok());
  for (auto* o : {&one, &two, &three}) {
    EXPECT_EQ(o->person(1).tags_of(TagKind::interest), std::vector<std::string>{"Go"});
    EXPECT_FALSE(o->person(2).consent) << "the later withdrawal is never lost";
    EXPECT_EQ(o->person(3).tags_of(TagKind::interest), std::vector<std::string>{"Same time B"});
  }
}

TEST(ProfileMerge, AKioskWhoseClockJumpedBackKeepsItsLaterChange) {
  TempDir dir;
  std::string k1 = dir.file("k1.sqlite"), k2 = dir.file("k2.sqlite");
  {
    auto a = plain_kiosk(k1, "floor-1", "2026-11-21T08:00:00.000Z");
    change(a, 1, consent(true), "2026-11-21T12:00:00.000Z");   // clock two hours fast
    change(a, 1, consent(false), "2026-11-21T10:05:00.000Z");  // corrected by NTP, later in truth
    auto b = plain_kiosk(k2, "floor-2", "2026-11-21T08:00:00.000Z");
    change(b, 4, interests({"Chess"}), "2026-11-21T10:00:00.000Z");
  }
  Organizer org{dir, dir.file("org.sqlite")};
  ASSERT_TRUE(org.merge({k1, k2}).ok());
  EXPECT_FALSE(org.person(1).consent);
  EXPECT_EQ(org.person(4).tags_of(TagKind::interest), std::vector<std::string>{"Chess"});
}

TEST(ProfileMerge, ReimportAtTheOrganizerDoesNotUndoAMergedKioskChange) {
  TempDir dir;
  std::string k1 = dir.file("k1.sqlite");
  {
    auto a = plain_kiosk(k1, "floor-1", "2026-11-21T08:00:00.000Z");
    change(a, 1, consent(true), "2026-11-21T09:00:00.000Z");
  }
  Organizer org{dir, dir.file("org.sqlite")};
  ASSERT_TRUE(org.merge({k1}).ok());
  {
    auto o = Store::open(org.path);
    ASSERT_TRUE(o.ok());
    reimport(*o, plain_roster(5), "2026-11-21T12:00:00.000Z");
  }
  EXPECT_TRUE(org.person(1).consent);
}

// --- kiosk-config/topics.toml ---------------------------------------------------------

TEST(TopicsConfig, ReadsTheListAndIgnoresTheSynonymsTable) {
  auto t = parse_topics_config("topics = [\"Rust\", \"AI & machine learning\"]\n[synonyms]\nml = \"AI\"\n",
                               "topics.toml");
  ASSERT_TRUE(t.ok()) << t.error().to_string();
  EXPECT_EQ(*t, (std::vector<std::string>{"Rust", "AI & machine learning"}));
  auto shipped = load_topics_config(std::string(RAPPORT_SOURCE_DIR) + "/kiosk-config/topics.toml");
  ASSERT_TRUE(shipped.ok()) << shipped.error().to_string();
  EXPECT_GE(shipped->size(), 20u);
}

TEST(TopicsConfig, BadEntriesNameTheLine) {
  auto long_label = parse_topics_config("topics = [\n  \"ok\",\n  \"" + std::string(81, 'x') + "\",\n]\n", "t.toml");
  ASSERT_FALSE(long_label.ok());
  EXPECT_EQ(long_label.error().where, "t.toml:3");
  auto unknown = parse_topics_config("topics = []\ntopcis = [\"x\"]\n", "t.toml");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().where, "t.toml:2");
  EXPECT_FALSE(parse_topics_config("topics = [1, 2]\n", "t.toml").ok());
  EXPECT_FALSE(parse_topics_config("topics = [\"\"]\n", "t.toml").ok());
}

// --- the attendees' newest-wins rule uses the same clock --------------------------------

TEST(ProfileMerge, AMachineWithAFastClockCannotShadowALaterImport) {
  TempDir dir;
  std::string fast = dir.file("fast.sqlite"), later = dir.file("later.sqlite");
  {
    // A kiosk whose clock is two hours fast imported the roster "at 11:00" (really 09:00).
    auto s = plain_kiosk(fast, "floor-fast", "2026-11-21T11:00:00.000Z");
  }
  Organizer org{dir, dir.file("org.sqlite")};
  ASSERT_TRUE(org.merge({fast}).ok());
  {
    // The organizer re-imports a corrected roster at 10:00 real time, after seeing the
    // fast kiosk's file: its stamp is later, whatever the wall clocks say.
    auto o = Store::open(org.path);
    ASSERT_TRUE(o.ok());
    std::string fixed = plain_roster(5);
    auto pos = fixed.find("Person1,");
    fixed.replace(pos, 8, "Personne1,");
    reimport(*o, fixed, "2026-11-21T10:00:00.000Z");
  }
  // A fresh organizer file reading both in full: the later stamp wins, in either order.
  Organizer one{dir, dir.file("one.sqlite")}, two{dir, dir.file("two.sqlite")};
  ASSERT_TRUE(one.merge({fast, org.path}).ok());
  ASSERT_TRUE(two.merge({org.path, fast}).ok());
  EXPECT_EQ(one.person(1).first_name, "Personne1");
  EXPECT_EQ(two.person(1).first_name, "Personne1");
}
