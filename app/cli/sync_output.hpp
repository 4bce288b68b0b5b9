#pragma once
// How merge results read on the command line (merge and export --organizer share it).
#include <nlohmann/json.hpp>

#include <string>

#include "core/sync/merge.hpp"

namespace rapport::cli {

nlohmann::json merge_json(const std::string& organizer, const MergeReport& r);
void print_merge_text(const std::string& organizer, const MergeReport& r);

}  // namespace rapport::cli
