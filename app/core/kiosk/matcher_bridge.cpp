// The kiosk's calls into the matcher module, in one place.
#include "core/kiosk/matcher_bridge.hpp"

namespace rapport {

Result<std::unique_ptr<Matcher>> open_matcher(Store& store, MatcherConfig config) {
  return Matcher::build(store, config);
}

std::unique_ptr<Matcher> open_matcher(const MatcherSnapshot& snapshot, MatcherConfig config, Clock clock) {
  return Matcher::build_from(snapshot, config, std::move(clock));
}

Status note_suggestions_shown(Store& store, const SuggestionSet& set) {
  return record_suggestions_shown(store, set);
}

Result<ConnectResult> connect_pair(Store& store, const std::string& a_id, const std::string& b_id,
                                   std::string_view method) {
  return record_connection(store, a_id, b_id, method);
}

std::string_view card_label(SuggestionKind kind) { return kind_label(kind); }

}  // namespace rapport
