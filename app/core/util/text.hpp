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
// The first character of a UTF-8 string as a reader sees it (a grapheme cluster: "Thảo"
// -> "T", "प्रियंका" -> "प्रि", an emoji with its modifiers), uppercased when ASCII.
std::string first_letter(std::string_view s);
// Text safe to draw: invalid UTF-8 becomes U+FFFD; control characters and bidi
// overrides are dropped. Emoji and every script are kept (the UI shapes them with Pango).
std::string drawable_text(std::string_view s);

}  // namespace rapport
