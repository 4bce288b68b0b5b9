#include "cli/sync_output.hpp"

#include <fmt/format.h>

#include <iostream>

namespace rapport::cli {

nlohmann::json merge_json(const std::string& organizer, const MergeReport& r) {
  nlohmann::json sources = nlohmann::json::array();
  for (const auto& s : r.sources)
    sources.push_back({{"path", s.path},
                       {"kiosk", s.kiosk_id},
                       {"full_scan", s.full_scan},
                       {"from_seq", s.from_seq},
                       {"to_seq", s.to_seq},
                       {"rows", s.total()},
                       {"attendees", s.attendees},
                       {"codes", s.codes},
                       {"tags", s.tags},
                       {"checkins", s.checkins},
                       {"connections", s.connections},
                       {"suggestions_shown", s.suggestions},
                       {"forgotten", s.forgotten},
                       {"profiles", s.profiles}});
  return {{"into", organizer}, {"created", r.created}, {"rows", r.total()}, {"sources", sources}};
}

void print_merge_text(const std::string& organizer, const MergeReport& r) {
  std::cout << fmt::format("{} {}\n", r.created ? "Created" : "Updated", organizer);
  for (const auto& s : r.sources) {
    if (s.total() == 0) {
      std::cout << fmt::format("  {} ({}): nothing new\n", s.path, s.kiosk_id);
      continue;
    }
    std::cout << fmt::format("  {} ({}): {} check-ins, {} connections, {} attendees, {} suggestions shown, "
                             "{} forgotten, {} profile changes{}\n",
                             s.path, s.kiosk_id, s.checkins, s.connections, s.attendees, s.suggestions,
                             s.forgotten, s.profiles, s.full_scan ? " (read in full)" : "");
  }
  std::cout.flush();
}

}  // namespace rapport::cli
