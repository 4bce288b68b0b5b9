#pragma once
// The kiosk's door to the matcher module. Until core/matcher's implementation lands on
// main, matcher_bridge.cpp holds a plain stand-in (shared tags among present people) so
// the kiosk can be built and tested; the bridge then forwards to Matcher::build,
// record_suggestions_shown and record_connection, and nothing else in the kiosk changes.
#include <memory>
#include <string>
#include <string_view>

#include "core/matcher/matcher.hpp"

namespace rapport {

Result<std::unique_ptr<Matcher>> open_matcher(Store& store, MatcherConfig config);
Status note_suggestions_shown(Store& store, const SuggestionSet& set);
Result<ConnectResult> connect_pair(Store& store, const std::string& a_id, const std::string& b_id,
                                   std::string_view method);
// The card label the kiosk shows ("You could help", ...).
std::string_view card_label(SuggestionKind kind);

}  // namespace rapport
