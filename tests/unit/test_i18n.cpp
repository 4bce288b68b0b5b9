// The kiosk's languages: catalogs found beside the program, plural forms, fallbacks, and
// the matcher's words in the attendee's language.
#include <gtest/gtest.h>

#include "core/config/kiosk_config.hpp"
#include "core/i18n/language.hpp"
#include "core/matcher/explain.hpp"

namespace rapport {
namespace {

i18n::Languages built() { return i18n::Languages::load(RAPPORT_BUILT_LOCALE_DIR); }

TEST(Languages, EnglishIsTheCodeItself) {
  const i18n::Language& en = i18n::english();
  EXPECT_EQ(en.code(), "en");
  EXPECT_STREQ(en.tr("Hold your badge up to the camera"), "Hold your badge up to the camera");
  EXPECT_EQ(en.trfn("{} person is here", "{} people are here", 1, 1), "1 person is here");
  EXPECT_EQ(en.trfn("{} person is here", "{} people are here", 0, 0), "0 people are here");
}

TEST(Languages, GermanAndSpanishCatalogsAreFoundAndSpeak) {
  auto langs = built();
  ASSERT_TRUE(langs.has("de"));
  ASSERT_TRUE(langs.has("es"));
  EXPECT_EQ(langs.all().front().code(), "en");
  const auto& de = langs.pick("de");
  EXPECT_EQ(de.name(), "Deutsch");
  EXPECT_STREQ(de.tr("Hold your badge up to the camera"), "Halten Sie Ihr Namensschild vor die Kamera");
  EXPECT_EQ(de.trf("Welcome, {}!", "Ana"), "Willkommen, Ana!");
  const auto& es = langs.pick("es");
  EXPECT_EQ(es.name(), "Español");
  EXPECT_EQ(es.trf("Welcome, {}!", "Ana"), "¡Bienvenido, Ana!");
}

TEST(Languages, PluralFormsFollowTheCatalogsRule) {
  auto langs = built();
  const auto& de = langs.pick("de");
  EXPECT_EQ(de.trfn("{} person is here", "{} people are here", 1, 1), "1 Person ist hier");
  EXPECT_EQ(de.trfn("{} person is here", "{} people are here", 2, 2), "2 Personen sind hier");
  EXPECT_EQ(de.trfn("{} person is here", "{} people are here", 0, 0), "0 Personen sind hier");
  const auto& es = langs.pick("es");
  EXPECT_EQ(es.trfn("{} person is here", "{} people are here", 1, 1), "1 persona está aquí");
  EXPECT_EQ(es.trfn("{} person is here", "{} people are here", 1500, 1500), "1500 personas están aquí");
}

TEST(Languages, RosterTagsPickByTheirLanguageAndUnknownOnesFallBackToEnglish) {
  auto langs = built();
  EXPECT_EQ(langs.pick("de-AT").code(), "de");
  EXPECT_EQ(langs.pick("es_419").code(), "es");
  EXPECT_EQ(langs.pick(" DE ").code(), "de");
  EXPECT_EQ(langs.pick("fr").code(), "en");
  EXPECT_EQ(langs.pick("").code(), "en");
  EXPECT_EQ(langs.pick("12").code(), "en");
  EXPECT_EQ(langs.next_after("en").code(), "de");
  EXPECT_EQ(langs.next_after("es").code(), "en");
  EXPECT_EQ(i18n::primary_subtag("pt-BR"), "pt");
  EXPECT_EQ(i18n::primary_subtag("x"), "");
}

TEST(Languages, AMissingCatalogFolderMeansEnglishOnly) {
  auto langs = i18n::Languages::load("/nonexistent/rapport/locale");
  ASSERT_EQ(langs.all().size(), 1u);
  EXPECT_EQ(langs.pick("de").code(), "en");
}

TEST(Languages, AStringTheCatalogLacksStaysEnglish) {
  auto langs = built();
  EXPECT_STREQ(langs.pick("de").tr("A sentence no catalog has"), "A sentence no catalog has");
}

TEST(Languages, TheMatchersNotesSpeakTheAttendeesLanguage) {
  auto langs = built();
  EXPECT_EQ(matching::suggestion_note(0, 1, 2, langs.pick("de")),
            "Gerade nur eine Person für Sie. Den ganzen Tag kommen Leute dazu – schauen Sie später wieder vorbei.");
  EXPECT_EQ(matching::suggestion_note(0, 1, 2),
            "Just one person for you right now. More people arrive all day - come back later for more.");
  EXPECT_NE(matching::suggestion_note(4, 2, 2, langs.pick("es")).find("4 personas nuevas hoy"), std::string::npos);
}

TEST(Languages, TheKioskConfigNamesABadLanguage) {
  auto bad = parse_kiosk_config("language = \"++\"\n", "floor.toml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().to_string().find("floor.toml:1"), std::string::npos);
  EXPECT_NE(bad.error().to_string().find("language"), std::string::npos);
  auto good = parse_kiosk_config("language = \"de-AT\"\n", "floor.toml");
  ASSERT_TRUE(good.ok()) << good.error().to_string();
  EXPECT_EQ(good->language, "de");
}

}  // namespace
}  // namespace rapport
