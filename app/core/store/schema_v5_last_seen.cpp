// Version 5: where each person was last seen. A kiosk with a `location` in its config
// ("coffee bar") notes every badge it reads: one row per person, the newest sighting wins
// (then the kiosk id), in the file, in the organizer merge and at the hub. The floor's
// suggestion cards say "last scanned at the coffee bar, 4 min ago".
#include "core/store/schema.hpp"

namespace rapport::schema {

const char* migration_v5_last_seen() {
  return R"sql(
CREATE TABLE last_seen (
  attendee_id TEXT PRIMARY KEY REFERENCES attendees (id) ON DELETE CASCADE ON UPDATE CASCADE,
  location    TEXT NOT NULL CHECK (location <> ''),
  at          TEXT NOT NULL,
  kiosk_id    TEXT NOT NULL
);

CREATE TRIGGER sync_log_last_seen_insert AFTER INSERT ON last_seen
BEGIN INSERT INTO sync_log (tbl, k1, stamp) VALUES ('last_seen', NEW.attendee_id, random()); END;
CREATE TRIGGER sync_log_last_seen_update AFTER UPDATE ON last_seen
BEGIN INSERT INTO sync_log (tbl, k1, stamp) VALUES ('last_seen', NEW.attendee_id, random()); END;
)sql";
}

}  // namespace rapport::schema
