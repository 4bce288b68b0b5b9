// Version 4: the door as staff need it (issue 14): every entry and exit, staff overrides,
// staff cards, and the PIN lockout that survives a restart. In its own file so the
// migration list in schema.cpp stays a short list.
#include "core/store/schema.hpp"

namespace rapport::schema {

// door_passes: one row per entry ('in') or exit ('out') at a door, keyed by a uuid so that
// every kiosk's passes merge as a union (nothing is lost, nothing counted twice). The
// first arrival stays in checkins; a person is inside when their latest pass is 'in' (a
// check-in without passes, from an older file, counts as inside).
//
// door_overrides: staff let in a cancelled or blocked ticket, with the reason; merged as
// a union and listed in the organizer file (overrides_named).
//
// staff_cards: QR codes that open the staff screen instead of the PIN; the first issued
// owns a code, a revocation anywhere sticks (as attendee_codes).
//
// pin_lockout: this file's own count of wrong PINs and the lockout it earned; local to
// the kiosk (never merged), so a restart does not reset it.
const char* migration_v4_door() {
  return R"sql(
CREATE TABLE door_passes (
  id          TEXT PRIMARY KEY,
  attendee_id TEXT NOT NULL REFERENCES attendees (id) ON DELETE CASCADE ON UPDATE CASCADE,
  direction   TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  at          TEXT NOT NULL,
  kiosk_id    TEXT NOT NULL,
  method      TEXT NOT NULL
);
CREATE INDEX door_passes_attendee ON door_passes (attendee_id, at);

CREATE TABLE door_overrides (
  id          TEXT PRIMARY KEY,
  attendee_id TEXT NOT NULL REFERENCES attendees (id) ON DELETE CASCADE ON UPDATE CASCADE,
  status      TEXT NOT NULL,
  reason      TEXT NOT NULL,
  at          TEXT NOT NULL,
  kiosk_id    TEXT NOT NULL
);
CREATE INDEX door_overrides_attendee ON door_overrides (attendee_id);

CREATE TABLE staff_cards (
  code       TEXT PRIMARY KEY,
  label      TEXT NOT NULL DEFAULT '',
  revoked_at TEXT,
  kiosk_id   TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE pin_lockout (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  failures     INTEGER NOT NULL DEFAULT 0,
  lockouts     INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT NOT NULL DEFAULT ''
);

CREATE TRIGGER sync_log_door_passes_insert AFTER INSERT ON door_passes
BEGIN INSERT INTO sync_log (tbl, k1, stamp) VALUES ('door_passes', NEW.id, random()); END;
CREATE TRIGGER sync_log_door_overrides_insert AFTER INSERT ON door_overrides
BEGIN INSERT INTO sync_log (tbl, k1, stamp) VALUES ('door_overrides', NEW.id, random()); END;
CREATE TRIGGER sync_log_staff_cards_insert AFTER INSERT ON staff_cards
BEGIN INSERT INTO sync_log (tbl, k1, stamp) VALUES ('staff_cards', NEW.code, random()); END;
CREATE TRIGGER sync_log_staff_cards_update AFTER UPDATE ON staff_cards
BEGIN INSERT INTO sync_log (tbl, k1, stamp) VALUES ('staff_cards', NEW.code, random()); END;

CREATE VIEW present_now AS
SELECT c.attendee_id AS attendee_id
  FROM checkins c
 WHERE coalesce((SELECT p.direction FROM door_passes p WHERE p.attendee_id = c.attendee_id
                  ORDER BY p.at DESC, p.id DESC LIMIT 1), 'in') = 'in';

CREATE VIEW door_passes_named AS
SELECT p.attendee_id AS attendee_id,
       trim(a.first_name || ' ' || a.last_name) AS name,
       p.direction AS direction,
       p.at AS at,
       p.kiosk_id AS kiosk,
       p.method AS method
  FROM door_passes p JOIN attendees a ON a.id = p.attendee_id
 ORDER BY p.at;

CREATE VIEW overrides_named AS
SELECT o.attendee_id AS attendee_id,
       trim(a.first_name || ' ' || a.last_name) AS name,
       o.status AS ticket_status,
       o.reason AS reason,
       o.at AS at,
       o.kiosk_id AS kiosk
  FROM door_overrides o JOIN attendees a ON a.id = o.attendee_id
 ORDER BY o.at;
)sql";
}

}  // namespace rapport::schema
