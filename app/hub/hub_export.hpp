#pragma once
// The organizer file built from the hub: every kiosk's rows as the hub holds them,
// applied by the organizer merge's rules. The organizer file remembers how far it got
// (hub_cursors), so running the export again only reads what changed since.
#include <string>

#include "core/sync/row_batch.hpp"
#include "core/util/result.hpp"

namespace rapport::hub {

struct HubExportReport {
  std::string hub_id;
  bool created = false;     // the organizer file was made by this export
  int64_t pulled = 0;       // rows read from the hub
  AppliedRows applied;      // what they changed in the organizer file
  int64_t from_seq = 0, to_seq = 0;
};

Result<HubExportReport> export_from_hub(const std::string& url, const std::string& organizer_path);

}  // namespace rapport::hub
