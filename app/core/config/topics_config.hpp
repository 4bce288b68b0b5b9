#pragma once
// kiosk-config/topics.toml: the organizer's topic list, offered as chips on the kiosk's
// picker next to the tags already in the roster. This loader reads the top-level keys
// (`topics`); tables such as `[synonyms]` belong to the tag normaliser and are ignored.
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.hpp"

namespace rapport {

// Labels in the file's order, each checked as a tag label (not empty, at most 80
// characters); errors name `file:line`.
Result<std::vector<std::string>> parse_topics_config(std::string_view toml_text, const std::string& name);
Result<std::vector<std::string>> load_topics_config(const std::string& path);

}  // namespace rapport
