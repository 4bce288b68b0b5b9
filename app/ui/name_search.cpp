#include "ui/name_search.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <utility>

namespace rapport::ui {

namespace {
// ICU's transliterator is expensive to make and safe to share for reading; one per process.
const icu::Transliterator* to_latin() {
  static const icu::Transliterator* t = [] {
    UErrorCode st = U_ZERO_ERROR;
    icu::Transliterator* made = icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, st);
    return U_SUCCESS(st) ? made : nullptr;
  }();
  return t;
}

std::string utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string casefold(std::string_view s) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(st);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (U_FAILURE(st)) return std::string(s);
  icu::UnicodeString folded = n->normalize(u, st);
  return U_SUCCESS(st) ? utf8(folded) : std::string(s);
}

bool has_script(std::string_view s, std::initializer_list<UScriptCode> scripts) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &st);
    for (auto want : scripts)
      if (sc == want) return true;
    i += U16_LENGTH(c);
  }
  return false;
}

// Korean names are often written with McCune-Reischauer initials (Kim, Park's P, Choi's
// Ch) while ICU gives Revised Romanization (Gim, Bak, Jo): the other spelling of each
// word's first consonant.
std::string korean_variant(const std::string& latin) {
  std::string out;
  bool start = true;
  for (size_t i = 0; i < latin.size(); ++i) {
    char c = latin[i];
    if (start) {
      if (c == 'g') c = 'k';
      else if (c == 'd') c = 't';
      else if (c == 'b') c = 'p';
      else if (c == 'j') { out += "ch"; start = false; continue; }
    }
    out.push_back(c);
    start = c == ' ';
  }
  return out;
}

// Arabic and Hebrew write few vowels: "abd", "rahman" and "david" are compared to the
// consonants ("bd", "rhmn", "dvd" and "dwd" both become "dd").
std::string skeleton(std::string_view latin) {
  std::string out;
  for (char c : latin)
    if (std::string_view("aeiouwyvh'").find(c) == std::string_view::npos) out.push_back(c);
  return out;
}

bool starts_word(const std::string& hay, const std::string& needle) {
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1))
    if (at == 0 || hay[at - 1] == ' ') return true;
  return false;
}
}  // namespace

std::string fold_for_search(std::string_view s) {
  const icu::Transliterator* t = to_latin();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  // The Arabic ayn (ʿ, as in ʿAbd) starts a word with a vowel sound when said in Latin.
  if (t) t->transliterate(u);
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x02BF)), icu::UnicodeString("a"));
  std::string raw = utf8(u);
  std::string out;
  for (char c : raw) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '@' || c == '.' || c == '-' || c == '_';
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
      keep = true;
    }
    if (keep) out.push_back(c);
    else if ((c == ' ' || c == '\t') && !out.empty() && out.back() != ' ') out.push_back(' ');
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

NameIndex::NameIndex(const std::vector<PublicPerson>& roster) {
  people_.reserve(roster.size());
  for (const auto& p : roster) {
    std::string name = p.last_name.empty() ? p.first_name : p.first_name + " " + p.last_name;
    Keys k;
    k.own = casefold(name);
    k.latin = fold_for_search(name);
    if (has_script(name, {USCRIPT_HANGUL})) k.variant = korean_variant(k.latin);
    if (has_script(name, {USCRIPT_ARABIC, USCRIPT_HEBREW})) k.skeleton = skeleton(k.latin);
    for (const auto& s : p.search_keys) k.staff.push_back(casefold(s));
    k.sort = k.latin.empty() ? k.own : k.latin;
    people_.push_back(std::move(k));
  }
}

NameIndex::~NameIndex() = default;

NameIndex::Found NameIndex::find(std::string_view query, size_t limit) const {
  Found found;
  std::string own = casefold(query);
  while (!own.empty() && own.back() == ' ') own.pop_back();
  while (!own.empty() && own.front() == ' ') own.erase(own.begin());
  std::string latin = fold_for_search(query);
  if (own.empty() && latin.empty()) return found;
  std::string skel = latin.size() >= 3 ? skeleton(latin) : std::string();
  std::vector<std::pair<int, size_t>> hits;
  for (size_t i = 0; i < people_.size(); ++i) {
    const Keys& k = people_[i];
    int rank = -1;
    auto consider = [&](const std::string& key, const std::string& q, int base) {
      if (key.empty() || q.empty()) return;
      int r = -1;
      if (key.rfind(q, 0) == 0) r = base;
      else if (starts_word(key, q)) r = base + 1;
      else if (key.find(q) != std::string::npos) r = base + 2;
      if (r >= 0 && (rank < 0 || r < rank)) rank = r;
    };
    consider(k.own, own, 0);
    consider(k.latin, latin, 0);
    consider(k.variant, latin, 3);
    if (skel.size() >= 2 && !k.skeleton.empty() &&
        (k.skeleton.rfind(skel, 0) == 0 || starts_word(k.skeleton, skel) ||
         (skel.size() >= 3 && k.skeleton.find(skel) != std::string::npos)))
      rank = rank < 0 ? 6 : rank;
    if (rank < 0 && own.size() >= 3)
      for (const auto& s : k.staff)
        if (s.find(own) != std::string::npos) {
          rank = 7;
          break;
        }
    if (rank >= 0) hits.emplace_back(rank, i);
  }
  std::stable_sort(hits.begin(), hits.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return people_[a.second].sort < people_[b.second].sort;
  });
  found.total = hits.size();
  for (const auto& h : hits) {
    if (found.hits.size() >= limit) break;
    found.hits.push_back(h.second);
  }
  return found;
}

std::vector<size_t> find_people(const std::vector<PublicPerson>& roster, std::string_view query, size_t limit) {
  return NameIndex(roster).find(query, limit).hits;
}

}  // namespace rapport::ui
