#pragma once
// Small text helpers shared by the importers, the code resolver and the UI.
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

bool is_valid_utf8(std::string_view s);
std::string_view trim(std::string_view s);
// ASCII lower case; other bytes are kept as they are (names in any script survive).
std::string ascii_lower(std::string_view s);
// Splits on any of the separator characters, trims each piece, drops empty ones.
std::vector<std::string> split_list(std::string_view s, std::string_view separators);
// The key two spellings of one tag share: Unicode NFKC, case-folded, trimmed, inner
// white space folded to one space ("Water  Skiing" and "water skiing", a decomposed
// "ü" and a composed one, "ｃｌｉｍａｔｅ" and "climate" are one tag). Synonyms
// ("ML" = "machine learning") are the organizer's, applied on top (core/roster/topics).
std::string tag_key(std::string_view label);
// The first code point of a UTF-8 string, uppercased when ASCII ("Łukasz" -> "Ł").
std::string first_letter(std::string_view s);
// Replaces code points that the UI font cannot draw (above U+FFFF, e.g. emoji) with
// nothing, and invalid UTF-8 with U+FFFD.
std::string drawable_text(std::string_view s);

}  // namespace rapport
