#pragma once
// The event's topics, as the kiosk's picker offers them: the tags already in the roster
// plus the organizer's list (event_topics, from kiosk-config/topics.toml), each once by
// tag key, most common among the people here now first, then the rest.
#include <string>
#include <vector>

#include "core/store/sqlite.hpp"
#include "core/util/result.hpp"

namespace rapport {

Result<std::vector<std::string>> picker_topics(Db& db);
// Replaces the organizer's list in the event file (labels in the organizer's order).
Status store_event_topics(Db& db, const std::vector<std::string>& labels);
Result<std::vector<std::string>> load_event_topics(Db& db);

}  // namespace rapport
