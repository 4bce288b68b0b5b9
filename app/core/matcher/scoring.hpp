#pragma once
// How well two people suit each other, from their tags only (never title or company).
//
// Four signals, each a sum of rarity weights of the tags behind it:
//   interest  professional interests both have
//   personal  personal interests both have ("you both love water skiing")
//   give      what u can help with that v is looking for
//   take      what v can help with that u is looking for
// What each side gets from the meeting:
//   for u:  interest + personal + kTake * take
//   for v:  interest + personal + kGive * give   (u's help is what v gets)
// and the score is their harmonic mean (high only when both sides get something, as in
// reciprocal recommenders) plus a small share of the plain mean, so a one-sided match
// still beats nothing. kGive > kTake: a pair where u can help ranks above one where u
// would only take: give before you take.
#include <vector>

#include "core/matcher/index.hpp"
#include "core/matcher/matcher.hpp"

namespace rapport::matching {

inline constexpr double kGive = 1.5;
inline constexpr double kTake = 1.0;
inline constexpr double kOneSided = 0.25;

struct PairSignals {
  double interest = 0;
  double personal = 0;
  double give = 0;
  double take = 0;
};

double combine(const PairSignals& s);
// For u (the scanner) and v, by merging their sorted tag lists.
PairSignals score_pair(const Index& index, PersonIx u, PersonIx v);
// The card's kind for a pair: the strongest signal (give first on ties).
SuggestionKind dominant_kind(const PairSignals& s);

struct SharedTag {
  TagId tag;
  double weight;
};
// Tags of kind `uk` on u that are of kind `vk` on v, rarest first.
std::vector<SharedTag> shared_tags(const Index& index, PersonIx u, TagKind uk, PersonIx v, TagKind vk);
// 1 - diversity: Jaccard similarity of two people's whole tag sets.
double tag_jaccard(const Index& index, PersonIx a, PersonIx b);

}  // namespace rapport::matching
