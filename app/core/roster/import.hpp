#pragma once
// Roster import from the files organizers already have: our native CSV, an Eventbrite
// attendee report, a pretix order-position export. A broken row fails the whole import
// with FILE:LINE and nothing is written; re-importing updates instead of duplicating.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/roster/attendee.hpp"
#include "core/store/store.hpp"
#include "core/util/result.hpp"

namespace rapport {

enum class RosterFormat { automatic, native, eventbrite, pretix };
std::string_view format_name(RosterFormat f);
std::optional<RosterFormat> parse_format(std::string_view s);

// Which columns hold the custom questions, from kiosk-config/import.toml.
struct ImportMapping {
  std::vector<std::string> interests{"interests"};
  std::vector<std::string> personal_interests{"personal interests", "personal_interests"};
  std::vector<std::string> looking_for{"looking for", "looking_for"};
  std::vector<std::string> can_help_with{"can help with", "can_help_with"};
  std::vector<std::string> consent{"consent"};
  std::string separators = ";|";
  std::vector<std::string> consent_yes{"yes", "true", "1", "y"};
  std::vector<std::string> consent_no{"no", "false", "0", "n", ""};
};

// Reads a mapping TOML file; errors name the file, line and key.
Result<ImportMapping> load_import_mapping(const std::string& path);
// The same from TOML text; `name` is used in error locations.
Result<ImportMapping> parse_import_mapping(std::string_view toml_text, const std::string& name);

struct RosterRow {
  size_t line = 0;
  Attendee attendee;
};

struct SkippedRow {
  size_t line = 0;
  std::string reason;
};

struct ParsedRoster {
  RosterFormat format = RosterFormat::native;
  std::vector<RosterRow> rows;
  std::vector<SkippedRow> skipped;
};

// Parses and validates every row; any broken row is an error naming FILE:LINE.
Result<ParsedRoster> parse_roster(std::string_view data, const std::string& name,
                                  RosterFormat format, const ImportMapping& mapping);

struct ImportSummary {
  RosterFormat format = RosterFormat::native;
  size_t rows = 0;
  size_t imported = 0;
  size_t updated = 0;    // rows that matched someone already here (changed or not)
  size_t unchanged = 0;  // of those, rows that brought nothing new
  std::vector<SkippedRow> skipped;
};

using Progress = std::function<void(size_t done, size_t total)>;

// Writes a parsed roster in one transaction: all of it or none of it.
Result<ImportSummary> import_roster(Store& store, ParsedRoster roster, const Progress& progress = {});

// The bytes of a roster file, or an error naming it.
Result<std::string> read_roster_file(const std::string& path);

// Reads a file and imports it (parse + import), the CLI's path.
Result<ImportSummary> import_roster_file(Store& store, const std::string& path, RosterFormat format,
                                         const ImportMapping& mapping, const Progress& progress = {});

}  // namespace rapport
