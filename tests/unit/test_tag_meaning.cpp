// One tag, one meaning: spellings that mean one tag (decomposed accents, capitals,
// full-width letters, the organizer's synonyms) meet in the store and in the matcher,
// and the screens show the organizer's spelling.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/checkin/checkin.hpp"
#include "core/matcher/matcher.hpp"
#include "core/roster/import.hpp"
#include "core/roster/tag_synonyms.hpp"
#include "core/store/schema.hpp"
#include "core/util/text.hpp"
#include "support/temp_dir.hpp"

using namespace rapport;
using namespace rapport::test;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {
const TimePoint kNine = *parse_iso8601("2026-11-21T09:00:00.000Z");

Result<ImportSummary> import_text(Store& store, const TempDir& dir, const std::string& csv) {
  return import_roster_file(store, dir.write("roster.csv", csv), RosterFormat::native, ImportMapping{});
}

std::vector<std::string> labels(Store& store, const std::string& id, TagKind k) {
  auto a = load_attendee(store.db(), id);
  EXPECT_TRUE(a.ok() && a->has_value());
  return (*a)->tags_of(k);
}
}  // namespace

TEST(TagKey, NormalisedSpellingsAreOneKey) {
  const std::string composed = "K\xC3\xBCnstliche Intelligenz";     // ü as one code point
  const std::string decomposed = "Ku\xCC\x88nstliche Intelligenz";  // u + combining diaeresis
  EXPECT_EQ(tag_key(composed), tag_key(decomposed));
  EXPECT_EQ(tag_key("K\xC3\x9CNSTLICHE  INTELLIGENZ"), tag_key(decomposed));
  // Full-width letters and an ideographic space.
  EXPECT_EQ(tag_key("\xEF\xBD\x83\xEF\xBD\x8C\xEF\xBD\x89\xEF\xBD\x8D\xEF\xBD\x81\xEF\xBD\x94\xEF\xBD\x85"
                    "\xE3\x80\x80\xEF\xBD\x84\xEF\xBD\x81\xEF\xBD\x94\xEF\xBD\x81"),
            "climate data");
  EXPECT_EQ(tag_key("  Water \t Skiing "), "water skiing");
  EXPECT_EQ(tag_key("STRASSE"), tag_key("stra\xC3\x9F" "e"));
  EXPECT_NE(tag_key("climate"), tag_key("climb"));
  // Text that is not UTF-8 still gets a key (ASCII folding only), never a crash.
  EXPECT_EQ(tag_key("AB\xFF"), "ab\xFF");
}

TEST(TagSynonymsFile, ReadsOnlyItsOwnTableAndFoldsBothSides) {
  auto s = parse_tag_synonyms(R"(
interests = ["AI", "climate"]          # the onboarding screen's topic lists: not ours
[synonyms]
"ML" = "machine learning"
"M.L." = "Machine Learning"
"ＡＩ" = "artificial intelligence"
)", "topics.toml");
  ASSERT_TRUE(s.ok()) << s.error().to_string();
  EXPECT_EQ(s->label_for("ml"), "machine learning");
  EXPECT_EQ(s->label_for("M.L."), "machine learning") << "one tag is shown in one spelling";
  EXPECT_EQ(s->label_for("MACHINE learning"), "machine learning");
  EXPECT_EQ(s->label_for("ai"), "artificial intelligence");
  EXPECT_EQ(s->label_for("Rust"), "Rust");
}

TEST(TagSynonymsFile, BadLinesNameFileAndLine) {
  auto number = parse_tag_synonyms("[synonyms]\n\"ML\" = 3\n", "topics.toml");
  ASSERT_FALSE(number.ok());
  EXPECT_EQ(number.error().to_string().substr(0, 13), "topics.toml:2");
  auto chain = parse_tag_synonyms("[synonyms]\n\"ML\" = \"machine learning\"\n\"machine learning\" = \"AI\"\n",
                                  "topics.toml");
  ASSERT_FALSE(chain.ok());
  EXPECT_THAT(chain.error().to_string(), HasSubstr("final spelling"));
  auto twice = parse_tag_synonyms("[synonyms]\n\"ML\" = \"machine learning\"\n\"ml\" = \"meta learning\"\n",
                                  "topics.toml");
  ASSERT_FALSE(twice.ok());
  EXPECT_THAT(twice.error().to_string(), HasSubstr("topics.toml:3"));
  auto empty = parse_tag_synonyms("[synonyms]\n\"ML\" = \"  \"\n", "topics.toml");
  EXPECT_FALSE(empty.ok());
  auto not_table = parse_tag_synonyms("synonyms = \"ML\"\n", "topics.toml");
  EXPECT_FALSE(not_table.ok());
}

TEST(TagMeaning, NormalisedAndSynonymTagsMeetInTheMatcher) {
  TempDir dir;
  auto store = Store::create(dir.file("e.sqlite"), EventInfo{"DevConf", "2026-11-21", "floor-1"}, fixed_clock(kNine));
  ASSERT_TRUE(store.ok());
  auto syn = parse_tag_synonyms("[synonyms]\n\"ML\" = \"machine learning\"\n", "topics.toml");
  ASSERT_TRUE(syn.ok());
  ASSERT_TRUE(save_tag_synonyms(*store, *syn).ok());
  auto r = import_text(*store, dir,
                       "id,first_name,last_name,email,interests,consent\n"
                       "U1,Ana,Silva,ana@example.org,ML,yes\n"
                       "U2,Ben,Okafor,ben@example.org,Machine Learning,yes\n"
                       "U3,Carla,Reyes,carla@example.org,Ku\xCC\x88nstliche Intelligenz,yes\n"
                       "U4,Dev,Patel,dev@example.org,K\xC3\x9CNSTLICHE INTELLIGENZ,yes\n"
                       "U5,Eva,Lind,eva@example.org,\xEF\xBD\x83\xEF\xBD\x8C\xEF\xBD\x89\xEF\xBD\x8D\xEF\xBD\x81\xEF\xBD\x94\xEF\xBD\x85 data,yes\n"
                       "U6,Finn,Berg,finn@example.org,Climate Data,yes\n");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_THAT(labels(*store, "U1", TagKind::interest), ElementsAre("machine learning"));
  EXPECT_THAT(labels(*store, "U2", TagKind::interest), ElementsAre("machine learning"));
  EXPECT_EQ(*store->db().scalar_int("SELECT count(*) FROM tags"), 3);
  for (const char* id : {"U1", "U2", "U3", "U4", "U5", "U6"})
    ASSERT_TRUE(checkin_attendee(*store, id, CheckinMethod::badge).ok());
  auto m = Matcher::build(*store);
  ASSERT_TRUE(m.ok());
  EXPECT_GT((*m)->pair_score("U1", "U2"), 0) << "ML meets machine learning";
  EXPECT_GT((*m)->pair_score("U3", "U4"), 0) << "a decomposed ü in capitals meets its twin";
  EXPECT_GT((*m)->pair_score("U5", "U6"), 0) << "full-width letters meet plain ones";
  EXPECT_EQ((*m)->pair_score("U1", "U3"), 0);
  auto set = (*m)->suggest("U1", SuggestOptions{}, kNine);
  ASSERT_TRUE(set.ok());
  ASSERT_FALSE(set->suggestions.empty());
  EXPECT_EQ(set->suggestions[0].person.id, "U2");
  EXPECT_THAT(set->suggestions[0].reasons[0], HasSubstr("machine learning"));
}

TEST(TagMeaning, SynonymsAddedLaterMoveTagsAlreadyStored) {
  TempDir dir;
  auto store = Store::create(dir.file("e.sqlite"), EventInfo{"DevConf", "2026-11-21", "floor-1"}, fixed_clock(kNine));
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(import_text(*store, dir,
                          "id,first_name,last_name,email,interests,looking_for,consent\n"
                          "U1,Ana,Silva,ana@example.org,ML,ml,yes\n"
                          "U2,Ben,Okafor,ben@example.org,machine learning; ML,,yes\n")
                  .ok());
  auto syn = parse_tag_synonyms("[synonyms]\n\"ML\" = \"Machine Learning\"\n", "topics.toml");
  ASSERT_TRUE(syn.ok());
  auto moved = save_tag_synonyms(*store, *syn);
  ASSERT_TRUE(moved.ok()) << moved.error().to_string();
  EXPECT_THAT(labels(*store, "U1", TagKind::interest), ElementsAre("Machine Learning"));
  EXPECT_THAT(labels(*store, "U1", TagKind::looking_for), ElementsAre("Machine Learning"));
  EXPECT_THAT(labels(*store, "U2", TagKind::interest), ElementsAre("Machine Learning"));
  EXPECT_EQ(*store->db().scalar_int("SELECT count(*) FROM tags"), 1);
  // A tag written afterwards (an import, a topic picked at the kiosk) lands on the same tag.
  auto key = store->intern_tag("ＭＬ");
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(*key, "machine learning");
}

TEST(TagMeaning, AnOlderFileIsMigratedToTheNewKeys) {
  TempDir dir;
  auto path = dir.file("old.sqlite");
  {
    auto store = Store::create(path, EventInfo{"DevConf", "2026-11-21", "floor-1"}, fixed_clock(kNine));
    ASSERT_TRUE(store.ok());
    Db& db = store->db();
    // What version 3 wrote: ASCII-only keys, so these were three different tags.
    ASSERT_TRUE(db.exec("DROP TABLE tag_synonyms").ok());
    ASSERT_TRUE(db.exec("DROP TABLE last_seen").ok());  // version 5
    ASSERT_TRUE(db.exec(
        "INSERT INTO attendees (id, first_name, kiosk_id, created_at, updated_at) VALUES "
        "('U1', 'Ana', 'k', 'x', 'x'), ('U2', 'Ben', 'k', 'x', 'x');"
        "INSERT INTO tags (tag, label) VALUES ('k\xC3\xBCnstliche intelligenz', 'Künstliche Intelligenz'),"
        " ('ku\xCC\x88nstliche intelligenz', 'Ku\xCC\x88nstliche Intelligenz'),"
        " ('k\xC3\x9Cnstliche intelligenz', 'K\xC3\x9CNSTLICHE INTELLIGENZ');"
        "INSERT INTO attendee_tags VALUES ('U1', 'interest', 'k\xC3\xBCnstliche intelligenz'),"
        " ('U1', 'looking_for', 'ku\xCC\x88nstliche intelligenz'),"
        " ('U2', 'interest', 'k\xC3\x9Cnstliche intelligenz'), ('U2', 'interest', 'ku\xCC\x88nstliche intelligenz');")
                    .ok());
    ASSERT_TRUE(db.exec("PRAGMA user_version = 3").ok());
  }
  auto store = Store::open(path);
  ASSERT_TRUE(store.ok()) << store.error().to_string();
  EXPECT_EQ(*store->db().scalar_int("PRAGMA user_version"), schema::current_version());
  EXPECT_EQ(*store->db().scalar_int("SELECT count(*) FROM tags"), 1);
  EXPECT_EQ(*store->db().scalar_int("SELECT count(*) FROM attendee_tags"), 3);
  EXPECT_EQ(*store->db().scalar_int("SELECT count(*) FROM attendee_tags WHERE attendee_id = 'U2'"), 1);
  EXPECT_EQ(*store->db().scalar_int("SELECT count(*) FROM tag_synonyms"), 0);
}
