#include "core/i18n/language.hpp"

#include <boost/locale/generator.hpp>
#include <boost/locale/message.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <mutex>
#include <system_error>
#include <unordered_map>

namespace rapport::i18n {

namespace {
constexpr const char* kDomain = "rapport";

// The endonyms of the languages we ship or expect; an unknown code shows as itself.
std::string endonym(const std::string& code) {
  static const std::map<std::string, std::string> names = {
      {"en", "English"}, {"de", "Deutsch"},  {"es", "Español"},  {"fr", "Français"},
      {"it", "Italiano"}, {"pt", "Português"}, {"nl", "Nederlands"}, {"pl", "Polski"}};
  auto it = names.find(code);
  return it == names.end() ? code : it->second;
}
}  // namespace

// One language's catalog and the translations looked up so far. Looked-up strings are
// kept so tr() can hand out a pointer that outlives the call (screens draw every frame).
struct Language::Catalog {
  std::string code;
  std::string name;
  std::locale locale;  // Boost.Locale's, with the catalog's messages facet
  bool english = true;
  mutable std::mutex mu;
  mutable std::unordered_map<std::string, std::string> singular;
  mutable std::unordered_map<std::string, std::string> plural;  // key: singular \x1f plural \x1f form
};

Language::Language() : catalog_(std::make_shared<Catalog>()) {
  catalog_->code = "en";
  catalog_->name = endonym("en");
}

Language::Language(std::shared_ptr<Catalog> catalog) : catalog_(std::move(catalog)) {}

const std::string& Language::code() const { return catalog_->code; }
const std::string& Language::name() const { return catalog_->name; }

const char* Language::tr(const char* msgid) const {
  const Catalog& c = *catalog_;
  if (c.english || msgid == nullptr || *msgid == '\0') return msgid;
  std::lock_guard lock(c.mu);
  auto it = c.singular.find(msgid);
  if (it == c.singular.end())
    it = c.singular.emplace(msgid, boost::locale::translate(msgid).str(c.locale)).first;
  return it->second.c_str();
}

const char* Language::trn(const char* singular, const char* plural, long n) const {
  const Catalog& c = *catalog_;
  if (c.english) return n == 1 ? singular : plural;
  // The plural rule picks a form from n; the same form serves every n that maps to it,
  // but the rule lives in the catalog, so the key is n itself, bounded to stay small.
  long key_n = n < 0 ? -n : n;
  if (key_n > 1000) key_n = 1000 + key_n % 100;
  std::string key = std::string(singular) + '\x1f' + plural + '\x1f' + std::to_string(key_n);
  std::lock_guard lock(c.mu);
  auto it = c.plural.find(key);
  if (it == c.plural.end())
    it = c.plural.emplace(std::move(key), boost::locale::translate(singular, plural, key_n).str(c.locale)).first;
  return it->second.c_str();
}

const Language& english() {
  static const Language en;
  return en;
}

std::string primary_subtag(std::string_view tag) {
  std::string out;
  for (char ch : tag) {
    if (ch == ' ' && out.empty()) continue;
    if (ch == '-' || ch == '_' || ch == '.' || ch == '@' || ch == ' ') break;
    if (!std::isalpha(static_cast<unsigned char>(ch))) return {};
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  if (out.size() < 2 || out.size() > 3) return {};
  return out;
}

Languages::Languages() { all_.emplace_back(); }

Languages Languages::load(const std::filesystem::path& dir) {
  Languages out;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return out;
  std::vector<std::string> codes;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string code = entry.path().filename().string();
    if (primary_subtag(code) != code || code == "en") continue;
    if (std::filesystem::exists(entry.path() / "LC_MESSAGES" / (std::string(kDomain) + ".mo"), ec))
      codes.push_back(code);
  }
  std::sort(codes.begin(), codes.end());
  boost::locale::generator gen;
  gen.add_messages_path(dir.string());
  gen.add_messages_domain(kDomain);
  for (const std::string& code : codes) {
    auto c = std::make_shared<Language::Catalog>();
    c->code = code;
    c->name = endonym(code);
    c->english = false;
    // Boost.Locale's ICU backend needs no system locale: the catalog is found by the
    // language part of the name, and the plural rule comes from the catalog's header.
    c->locale = gen(code + ".UTF-8");
    out.all_.push_back(Language(std::move(c)));
  }
  return out;
}

std::filesystem::path Languages::default_dir() {
  if (const char* env = std::getenv("RAPPORT_LOCALE_DIR"); env && *env) return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return exe.parent_path().parent_path() / "share" / "locale";
}

const Language& Languages::pick(std::string_view tag) const {
  std::string code = primary_subtag(tag);
  for (const Language& l : all_)
    if (l.code() == code) return l;
  return all_.front();
}

bool Languages::has(std::string_view tag) const {
  std::string code = primary_subtag(tag);
  return std::any_of(all_.begin(), all_.end(), [&](const Language& l) { return l.code() == code; });
}

const Language& Languages::next_after(std::string_view code) const {
  for (size_t i = 0; i < all_.size(); ++i)
    if (all_[i].code() == code) return all_[(i + 1) % all_.size()];
  return all_.front();
}

}  // namespace rapport::i18n
