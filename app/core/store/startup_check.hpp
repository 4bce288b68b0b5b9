#pragma once
// The kiosk's start-up check of its event file (PRAGMA quick_check), run beside the
// desk's load instead of before it: reading 100,000 people and checking 130 MB of pages
// are the two long parts of a cold start. Only when opening writes nothing before the
// check (the schema is current); otherwise Store::open's own verify runs first.
#include <future>
#include <string>

#include "core/util/result.hpp"

namespace rapport {

// Starts the check on its own read-only connection when `path` is a Rapport file whose
// schema needs no migration; an invalid future otherwise (then open with verify = true).
// The answer is an error naming the file when it is damaged.
std::future<Status> start_check_beside_load(const std::string& path);

}  // namespace rapport
