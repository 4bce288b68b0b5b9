#include "core/util/text.hpp"

#include <utf8proc.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <cstdlib>
#include <memory>

namespace rapport {

namespace {
// Decodes one UTF-8 code point at s[i]; returns its length, or 0 when invalid.
size_t decode_utf8(std::string_view s, size_t i, uint32_t& cp) {
  auto b = static_cast<unsigned char>(s[i]);
  size_t len;
  if (b < 0x80) {
    cp = b;
    return 1;
  } else if ((b & 0xE0) == 0xC0) {
    len = 2;
    cp = b & 0x1F;
  } else if ((b & 0xF0) == 0xE0) {
    len = 3;
    cp = b & 0x0F;
  } else if ((b & 0xF8) == 0xF0) {
    len = 4;
    cp = b & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  // Overlong forms, surrogates and out-of-range values are invalid.
  static constexpr uint32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}
}  // namespace

bool is_valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    size_t n = decode_utf8(s, i, cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  const char* ws = " \t\r\n\v\f";
  auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string> split_list(std::string_view s, std::string_view separators) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find_first_of(separators, start);
    if (end == std::string_view::npos) end = s.size();
    auto piece = trim(s.substr(start, end - start));
    if (!piece.empty()) out.emplace_back(piece);
    start = end + 1;
  }
  return out;
}

std::string tag_key(std::string_view label) {
  // NFKC folds full-width letters, ligatures and decomposed accents into one spelling;
  // case folding goes beyond ASCII ("STRASSE" and "straße"). utf8proc needs a NUL-ended
  // copy; text that is not UTF-8 keeps the plain ASCII folding below.
  std::string folded(trim(label));
  if (is_valid_utf8(folded)) {
    utf8proc_uint8_t* norm = utf8proc_NFKC_Casefold(reinterpret_cast<const utf8proc_uint8_t*>(folded.c_str()));
    if (norm) {
      folded.assign(reinterpret_cast<const char*>(norm));
      std::free(norm);
    }
  }
  std::string out;
  bool space = false;
  for (char c : trim(folded)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string first_letter(std::string_view s) {
  s = trim(s);
  if (s.empty()) return {};
  uint32_t cp;
  size_t n = decode_utf8(s, 0, cp);
  if (n == 0) return "?";
  if (n == 1 && s.size() == 1) {
    char c = s[0];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return std::string(1, c);
  }
  // The first user-perceived character (ICU grapheme cluster): a letter with its marks,
  // an emoji with its modifiers and joiners. Indic scripts join a consonant and its
  // virama to the next consonant ("प्रियंका" -> "प्रि", not "प्").
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), st));
  int32_t end = 0;
  if (U_SUCCESS(st)) {
    it->setText(u);
    end = it->next();
    while (end != icu::BreakIterator::DONE && end < u.length() &&
           u_getCombiningClass(u.char32At(u.moveIndex32(end, -1))) == 9)  // virama
      end = it->next();
  }
  if (end <= 0 || end == icu::BreakIterator::DONE) end = u.moveIndex32(0, 1);
  std::string out;
  u.tempSubString(0, end).toUTF8String(out);
  if (out.size() == 1 && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string drawable_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    size_t n = decode_utf8(s, i, cp);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    // Control characters and bidi embeddings/overrides/isolates would move or hide the
    // text around a name; everything else (emoji, joiners, variation selectors) is drawn.
    bool control = cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
                   (cp >= 0x2066 && cp <= 0x2069);
    if (!control) out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace rapport
