// Version 4: the event's identity. `rapport init` gives every event a random id
// (event.event_id, a UUID); copies of the file made for each kiosk carry it, and merge,
// the [sync] target and the hub refuse a file whose event id differs (two events with the
// same name are still two events).
//
// Files made before this version get the column empty. Their id is then derived, in
// Store::load_event, from what every copy of one such file already shares: the event's
// name and date (`legacy-` + BLAKE2b(name, date)). So copies of one old event keep merging
// with each other after any of them is opened by a newer Rapport (the migration writes
// nothing that differs between copies), while files of two old events with another name
// or date are told apart.
#include "core/store/schema.hpp"

namespace rapport::schema {

const char* migration_v4_event_id() {
  return R"sql(
ALTER TABLE event ADD COLUMN event_id TEXT NOT NULL DEFAULT '';
)sql";
}

}  // namespace rapport::schema
