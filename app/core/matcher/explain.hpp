#pragma once
// The words on the card: short, plain, about the other person (what they care about,
// what they look for or offer), never their job title or company.
#include <cstdint>
#include <string>
#include <vector>

#include "core/i18n/language.hpp"
#include "core/matcher/index.hpp"
#include "core/matcher/scoring.hpp"

namespace rapport::matching {

struct Explanation {
  std::vector<std::string> reasons;  // one or two
  std::string starter;               // "Ask Ana about sourdough baking"
};

// Why v is suggested to u under `kind`; `variant` picks among phrasings so a day of cards
// does not read like a form letter; `lang` the words (the attendee's language).
Explanation explain(const Index& index, PersonIx u, PersonIx v, SuggestionKind kind, const PairSignals& signals,
                    uint64_t variant, const i18n::Language& lang = i18n::english());

// "You know Ben and Carla: both care about climate data. Introduce them?" Returns the
// reason, and swaps a/b when needed so the helper is named first.
std::string introduction_reason(const Index& index, PersonIx& a, PersonIx& b, const PairSignals& signals,
                                const i18n::Language& lang = i18n::english());

// The note under the cards: the cheer after three new people, kind words when fewer than
// `asked` could be suggested. Empty when there is nothing to say.
std::string suggestion_note(int connections_today, size_t suggested, int asked,
                            const i18n::Language& lang = i18n::english());

}  // namespace rapport::matching
