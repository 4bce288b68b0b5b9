#pragma once
// What a person's badge shows (event, names, three interests, the active code), for
// `badges` and `walkin --print`.
#include <string>

#include "core/store/store.hpp"
#include "scan/badge_print.hpp"

namespace rapport::cli {

Result<BadgeContent> badge_content_for(Store& store, const std::string& attendee_id);

}  // namespace rapport::cli
