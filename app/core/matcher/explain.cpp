#include "core/matcher/explain.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>

namespace rapport::matching {

namespace {

// Phrasings per signal. {0} is the other person's first name, {1} the tag's label.
// No pronouns: we do not know anyone's, and "them" reads oddly on a card.
constexpr std::array kGiveReason = {i18n::N_("{0} is looking for {1}; you offered it"), i18n::N_("You could help {0} with {1}"),
                                    i18n::N_("{0} would love help with {1} - you offered it")};
constexpr std::array kGiveStarter = {i18n::N_("Ask {0} what help with {1} would be most useful"),
                                     i18n::N_("Ask {0} where {1} is stuck right now")};
constexpr std::array kTakeReason = {i18n::N_("{0} can help with {1}, which you are looking for"),
                                    i18n::N_("{0} offered help with {1} - just what you are after")};
constexpr std::array kTakeStarter = {i18n::N_("Ask {0} for one tip on {1}"), i18n::N_("Ask {0} how {1} went the first time")};
constexpr std::array kInterestReason = {i18n::N_("You both care about {1}"), i18n::N_("{0} is into {1} too"),
                                        i18n::N_("You and {0} share an interest in {1}")};
constexpr std::array kInterestStarter = {i18n::N_("Ask {0} what is new in {1}"), i18n::N_("Ask {0} what sparked the interest in {1}"),
                                         i18n::N_("Ask {0} about {1}")};
constexpr std::array kPersonalReason = {i18n::N_("You both love {1}"), i18n::N_("{0} loves {1} too"), i18n::N_("{1}: you and {0} both")};
constexpr std::array kPersonalStarter = {i18n::N_("Ask {0} about {1}"), i18n::N_("Ask {0} for a favourite {1} story"),
                                         i18n::N_("Ask {0} how {1} started")};
constexpr std::array kNewReason = {i18n::N_("{0} loves {1} - something new for you"),
                                   i18n::N_("{0} is into {1}, outside your usual circle")};
constexpr std::array kNewStarter = {i18n::N_("Ask {0} what is great about {1}"), i18n::N_("Ask {0} about {1}")};

template <size_t N>
std::string pick(const i18n::Language& lang, const std::array<const char*, N>& options, uint64_t variant,
                 const std::string& name, const std::string& label) {
  return lang.trf(options[variant % N], name, label);
}

struct Line {
  std::string reason;
  std::string starter;
};

// The best line for one signal, or nothing when the pair does not share it.
std::optional<Line> line_for(const i18n::Language& lang, const Index& index, PersonIx u, PersonIx v, SuggestionKind kind,
                             uint64_t variant) {
  const std::string& name = index.person(v).first_name;
  auto top = [&](TagKind uk, TagKind vk) -> std::optional<std::string> {
    auto shared = shared_tags(index, u, uk, v, vk);
    if (shared.empty()) return std::nullopt;
    return index.label(shared.front().tag);
  };
  switch (kind) {
    case SuggestionKind::you_could_help:
      if (auto t = top(TagKind::can_help_with, TagKind::looking_for))
        return Line{pick(lang, kGiveReason, variant, name, *t), pick(lang, kGiveStarter, variant >> 8, name, *t)};
      break;
    case SuggestionKind::they_could_help:
      if (auto t = top(TagKind::looking_for, TagKind::can_help_with))
        return Line{pick(lang, kTakeReason, variant, name, *t), pick(lang, kTakeStarter, variant >> 8, name, *t)};
      break;
    case SuggestionKind::shared_interest:
      if (auto t = top(TagKind::interest, TagKind::interest))
        return Line{pick(lang, kInterestReason, variant, name, *t), pick(lang, kInterestStarter, variant >> 8, name, *t)};
      break;
    case SuggestionKind::outside_your_circle:
      if (auto t = top(TagKind::personal, TagKind::personal))
        return Line{pick(lang, kPersonalReason, variant, name, *t), pick(lang, kPersonalStarter, variant >> 8, name, *t)};
      break;
    case SuggestionKind::looking_for_you: break;
  }
  return std::nullopt;
}

// Someone u shares nothing with (a quiet attendee, or an event with few tags): say what
// v cares about, so there is still something to talk about.
Line something_new(const i18n::Language& lang, const Index& index, PersonIx v, uint64_t variant) {
  const std::string& name = index.person(v).first_name;
  for (TagKind k : {TagKind::personal, TagKind::interest, TagKind::can_help_with}) {
    auto tags = index.tags(v, k);
    if (tags.empty()) continue;
    const std::string& label = index.label(tags[variant % tags.size()]);
    return {pick(lang, kNewReason, variant, name, label), pick(lang, kNewStarter, variant >> 8, name, label)};
  }
  return {lang.trf("{} is here today, and you have not met yet", name),
          lang.trf("Ask {}: what was the best thing you heard today?", name)};
}

}  // namespace

Explanation explain(const Index& index, PersonIx u, PersonIx v, SuggestionKind kind, const PairSignals& signals,
                    uint64_t variant, const i18n::Language& lang) {
  Explanation out;
  const std::string& name = index.person(v).first_name;
  SuggestionKind lead = kind;
  if (kind == SuggestionKind::looking_for_you) {
    out.reasons.push_back(variant % 2 ? lang.trf("{} was told about you earlier and it fits both ways", name)
                                      : lang.trf("{} saw your name on a card earlier today", name));
    lead = dominant_kind(signals);
  }
  auto first = line_for(lang, index, u, v, lead, variant);
  if (!first) first = [&] {
    Line l = something_new(lang, index, v, variant);
    return std::optional<Line>(l);
  }();
  out.reasons.push_back(first->reason);
  out.starter = first->starter;
  // A second, different reason when there is one, strongest first.
  if (out.reasons.size() < 2) {
    std::vector<std::pair<double, SuggestionKind>> rest = {
        {kGive * signals.give, SuggestionKind::you_could_help},
        {kTake * signals.take, SuggestionKind::they_could_help},
        {signals.interest, SuggestionKind::shared_interest},
        {signals.personal, SuggestionKind::outside_your_circle}};
    std::stable_sort(rest.begin(), rest.end(), [](auto& a, auto& b) { return a.first > b.first; });
    for (auto& [w, k] : rest) {
      if (w <= 0 || k == lead) continue;
      if (auto l = line_for(lang, index, u, v, k, variant + 1)) {
        out.reasons.push_back(l->reason);
        break;
      }
    }
  }
  return out;
}

std::string introduction_reason(const Index& index, PersonIx& a, PersonIx& b, const PairSignals& s,
                                const i18n::Language& lang) {
  SuggestionKind k = dominant_kind(s);
  if (k == SuggestionKind::they_could_help) {
    std::swap(a, b);  // name the one who can help first
    k = SuggestionKind::you_could_help;
  }
  const std::string& an = index.person(a).first_name;
  const std::string& bn = index.person(b).first_name;
  auto top = [&](TagKind ak, TagKind bk) {
    auto shared = shared_tags(index, a, ak, b, bk);
    return shared.empty() ? std::string() : index.label(shared.front().tag);
  };
  switch (k) {
    case SuggestionKind::you_could_help:
      return lang.trf("You know {0} and {1}: {1} is looking for {2}, and {0} can help. Introduce them?", an, bn,
                         top(TagKind::can_help_with, TagKind::looking_for));
    case SuggestionKind::shared_interest:
      return lang.trf("You know {} and {}: both care about {}. Introduce them?", an, bn,
                         top(TagKind::interest, TagKind::interest));
    default:
      return lang.trf("You know {} and {}: both love {}. Introduce them?", an, bn,
                         top(TagKind::personal, TagKind::personal));
  }
}

std::string suggestion_note(int connections_today, size_t suggested, int asked, const i18n::Language& lang) {
  std::string note;
  if (connections_today >= 3)
    note = suggested > 0
               ? lang.trf("{} new people today - wonderful! No pressure now: here is who else you might enjoy, "
                          "if you feel like it.",
                          connections_today)
               : lang.trf("{} new people today - wonderful! No pressure now: enjoy the conversations you have "
                          "started.",
                          connections_today);
  if (static_cast<int>(suggested) < asked) {
    if (!note.empty()) note += " ";
    if (suggested == 0)
      note += lang.tr("Nobody else is free to meet you just now. More people arrive all day - please try again in a "
                      "little while.");
    else if (suggested == 1)
      note += lang.tr("Just one person for you right now. More people arrive all day - come back later for more.");
    else
      note += lang.tr("That is everyone for you right now. More people arrive all day.");
  }
  return note;
}

}  // namespace rapport::matching
