#pragma once
// The kiosk's door to the matcher module (core/matcher): building the index, recording
// what was shown and who met, and the card labels. One small seam so the kiosk's desk
// reads in the kiosk's words.
#include <memory>
#include <string>
#include <string_view>

#include "core/matcher/matcher.hpp"

namespace rapport {

Result<std::unique_ptr<Matcher>> open_matcher(Store& store, MatcherConfig config);
// The same from a snapshot the caller already read.
std::unique_ptr<Matcher> open_matcher(const MatcherSnapshot& snapshot, MatcherConfig config, Clock clock);
Status note_suggestions_shown(Store& store, const SuggestionSet& set);
Result<ConnectResult> connect_pair(Store& store, const std::string& a_id, const std::string& b_id,
                                   std::string_view method);
// The card label the kiosk shows ("You could help", ...).
std::string_view card_label(SuggestionKind kind);

}  // namespace rapport
