#pragma once
// The hub as `rapport stats` shows it: can this machine reach it, when did this file
// last sync with it, how many of its changes are still waiting, and what the hub holds.
#include <string>
#include <vector>

#include "core/store/sqlite.hpp"
#include "core/util/result.hpp"

namespace rapport::hub {

struct HubKiosk {
  std::string kiosk_id;
  std::string last_push_at;
  int64_t pushes = 0;
  int64_t rows_pushed = 0;
};

struct HubProbe {
  std::string hub;          // the URL without its password; empty when only the file was read
  bool connected = false;
  std::string error;        // why not, when not connected
  std::string hub_id;
  std::string event;
  int64_t checkins = 0, connections = 0;  // as the hub holds them
  std::vector<HubKiosk> kiosks;
  // From the file (hub_cursors): the last push and pull that moved rows, and what waits.
  bool synced_before = false;
  std::string last_push_at, last_pull_at;
  int64_t pending = 0;
};

// Reads the file's side, then (when `url` is set) asks the hub. Never fails for an
// unreachable hub: that is what `connected` and `error` are for.
Result<HubProbe> probe_hub(Db& db, const std::string& url);

}  // namespace rapport::hub
