#pragma once
// The languages the kiosk speaks. English is written in the code; every other language
// is a gettext catalog (assets/locale/<code>.po, compiled by msgfmt at build time into
// <dir>/<code>/LC_MESSAGES/rapport.mo) read through Boost.Locale, which brings plural
// forms and needs no system locale installed on the kiosk.
//
// Strings are marked for xgettext with tr(), trn() and N_() (see assets/locale/README.md).
#include <filesystem>
#include <fmt/format.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::i18n {

// Marks a literal for extraction where it is stored, not shown (tables of phrasings);
// translate it with tr() when it is shown.
constexpr const char* N_(const char* msgid) { return msgid; }

class Language {
 public:
  Language();  // English: every msgid is its own translation

  const std::string& code() const;  // "en", "de", "es"
  // The language's own name, for the language button: "English", "Deutsch", "Español".
  const std::string& name() const;

  // The translation of `msgid`, or `msgid` itself when the catalog lacks it. The pointer
  // stays valid as long as the Language does. Safe to call from any thread.
  const char* tr(const char* msgid) const;
  // Plural forms by the catalog's own rule (German and Spanish: 1 / other; others differ).
  const char* trn(const char* singular, const char* plural, long n) const;

  // tr() then fmt: trf("Welcome, {}!", name); trfn() likewise after trn().
  template <class... A>
  std::string trf(const char* msgid, A&&... args) const {
    return fmt::format(fmt::runtime(tr(msgid)), std::forward<A>(args)...);
  }
  template <class... A>
  std::string trfn(const char* singular, const char* plural, long n, A&&... args) const {
    return fmt::format(fmt::runtime(trn(singular, plural, n)), std::forward<A>(args)...);
  }

 private:
  struct Catalog;
  friend class Languages;
  explicit Language(std::shared_ptr<Catalog> catalog);
  std::shared_ptr<Catalog> catalog_;
};

// English, for callers that have no kiosk (the CLI, tests).
const Language& english();

class Languages {
 public:
  Languages();  // English only

  // English plus every catalog found under `dir`. A missing folder is not an error: the
  // kiosk then speaks English, as it did before catalogs existed.
  static Languages load(const std::filesystem::path& dir);
  // Where the catalogs are: $RAPPORT_LOCALE_DIR, else ../share/locale beside the running
  // program (build/bin -> build/share/locale; /usr/bin -> /usr/share/locale).
  static std::filesystem::path default_dir();

  // The language for a roster or config tag ("de", "de-AT", "es_419", "DE"), English when
  // there is no catalog for it.
  const Language& pick(std::string_view tag) const;
  bool has(std::string_view tag) const;
  // English first, then the others by code: the order of the language button.
  const std::vector<Language>& all() const { return all_; }
  // The one after `code` in all(), wrapping round (the attract screen's language button).
  const Language& next_after(std::string_view code) const;

 private:
  std::vector<Language> all_;
};

// "de-AT" -> "de", "es_419" -> "es", " EN " -> "en"; "" when it is no language tag.
std::string primary_subtag(std::string_view tag);

}  // namespace rapport::i18n
