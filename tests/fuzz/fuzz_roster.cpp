// libFuzzer: roster CSV parsing in every format, and the import mapping TOML.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/roster/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  using rapport::RosterFormat;
  for (auto f : {RosterFormat::automatic, RosterFormat::native, RosterFormat::eventbrite, RosterFormat::pretix}) {
    auto r = rapport::parse_roster(text, "fuzz.csv", f, rapport::ImportMapping{});
    if (r.ok())
      for (const auto& row : r->rows)
        if (row.attendee.first_name.empty() && row.attendee.last_name.empty()) __builtin_trap();
  }
  (void)rapport::parse_import_mapping(text, "fuzz.toml");
  return 0;
}
