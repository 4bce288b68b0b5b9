#pragma once
// The hub: one PostgreSQL database that every kiosk of an event pushes its rows to and
// pulls the others' rows from. Its tables mirror the organizer file's merge keys
// (docs/SCHEMA.md, "The hub"); every row carries `seq`, taken from one sequence on every
// insert or change, which kiosks pull by cursor.
#include <string>

#include "core/store/store.hpp"
#include "core/util/result.hpp"
#include "hub/pg.hpp"

namespace rapport::hub {

inline constexpr int kHubSchemaVersion = 1;
// Pushes take this transaction-scoped advisory lock before they take sequence numbers,
// so numbers become visible in the order they were handed out: a reader that has seen
// seq N has seen every committed row numbered below N.
inline constexpr long long kPushLock = 0x52505054;

struct HubInfo {
  std::string hub_id;      // random, made by `rapport hub init`; names the hub in kiosk files
  std::string event_name;  // set by the first kiosk that pushes; empty before
  std::string event_date;
  std::string event_id;    // the event's id (Store's event_id); empty until claimed
  int schema_version = 0;
  std::string created_at;
};

// Creates the schema `rapport` and its tables when missing; leaves existing data alone.
// Returns the hub as it is after the call.
Result<HubInfo> init_hub(PgConn& conn);
// The hub's identity, or an error that says to run `rapport hub init`.
Result<HubInfo> read_hub(PgConn& conn);
// The hub's event as an EventInfo (a hub claimed by name only, before event ids, has the
// id its name and date derive).
EventInfo hub_event(const HubInfo& hub);

}  // namespace rapport::hub
