// Version 2: what the organizer merge (and later the PostgreSQL hub) needs to move only
// new rows. Kept in its own file so the migration list in schema.cpp stays a short list.
#include "core/store/schema.hpp"

namespace rapport::schema {

// sync_log: every insert or update of a mergeable row appends its key here, in commit
// order. seq is AUTOINCREMENT so a number is never reused, even after a delete: a reader
// that remembers "I have everything up to seq N" can ask for seq > N and miss nothing.
// Tag links travel with their attendee row (import bumps attendees.updated_at when tags
// change); tags and forgotten are small and are always compared in full.
//
// stamp is a random number per entry: a reader keeps the stamp of the last entry it read,
// and when the source's entry at that seq has another stamp, the file was restored from
// an older copy (its numbers were handed out again) and must be read in full.
//
// sync_sources: in the organizer file, how far each source file has been merged. A source
// file is named by its event row (kiosk_id, created_at): a kiosk file re-created under the
// same kiosk id is a new source.
//
// followups is replaced so that it lists only people who consented to share their
// details, as the exported follow-up packs do.
const char* migration_v2_sync() {
  return R"sql(
CREATE TABLE sync_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  tbl TEXT NOT NULL,
  k1  TEXT NOT NULL,
  k2  TEXT NOT NULL DEFAULT '',
  stamp INTEGER NOT NULL DEFAULT 0
);

CREATE TRIGGER sync_log_attendees_insert AFTER INSERT ON attendees
BEGIN INSERT INTO sync_log (tbl, k1, stamp) VALUES ('attendees', NEW.id, random()); END;
CREATE TRIGGER sync_log_attendees_update AFTER UPDATE ON attendees
BEGIN INSERT INTO sync_log (tbl, k1, stamp) VALUES ('attendees', NEW.id, random()); END;

CREATE TRIGGER sync_log_codes_insert AFTER INSERT ON attendee_codes
BEGIN INSERT INTO sync_log (tbl, k1, stamp) VALUES ('attendee_codes', NEW.code, random()); END;
CREATE TRIGGER sync_log_codes_update AFTER UPDATE ON attendee_codes
BEGIN INSERT INTO sync_log (tbl, k1, stamp) VALUES ('attendee_codes', NEW.code, random()); END;

CREATE TRIGGER sync_log_checkins_insert AFTER INSERT ON checkins
BEGIN INSERT INTO sync_log (tbl, k1, stamp) VALUES ('checkins', NEW.attendee_id, random()); END;
CREATE TRIGGER sync_log_checkins_update AFTER UPDATE ON checkins
BEGIN INSERT INTO sync_log (tbl, k1, stamp) VALUES ('checkins', NEW.attendee_id, random()); END;

CREATE TRIGGER sync_log_connections_insert AFTER INSERT ON connections
BEGIN INSERT INTO sync_log (tbl, k1, k2, stamp) VALUES ('connections', NEW.a_id, NEW.b_id, random()); END;
CREATE TRIGGER sync_log_connections_update AFTER UPDATE ON connections
BEGIN INSERT INTO sync_log (tbl, k1, k2, stamp) VALUES ('connections', NEW.a_id, NEW.b_id, random()); END;

CREATE TRIGGER sync_log_suggestions_insert AFTER INSERT ON suggestions_shown
BEGIN INSERT INTO sync_log (tbl, k1, stamp) VALUES ('suggestions_shown', NEW.id, random()); END;

CREATE TRIGGER sync_log_forgotten_insert AFTER INSERT ON forgotten
BEGIN INSERT INTO sync_log (tbl, k1, stamp) VALUES ('forgotten', NEW.attendee_id, random()); END;
CREATE TRIGGER sync_log_forgotten_update AFTER UPDATE ON forgotten
BEGIN INSERT INTO sync_log (tbl, k1, stamp) VALUES ('forgotten', NEW.attendee_id, random()); END;

CREATE TABLE sync_sources (
  kiosk_id    TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  event_name  TEXT NOT NULL DEFAULT '',
  last_seq    INTEGER NOT NULL DEFAULT 0,
  last_stamp  INTEGER NOT NULL DEFAULT 0,
  path        TEXT NOT NULL DEFAULT '',
  merged_at   TEXT NOT NULL,
  rows_merged INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kiosk_id, created_at)
);

DROP VIEW followups;
CREATE VIEW followups AS
SELECT me.id AS attendee_id,
       trim(me.first_name || ' ' || me.last_name) AS name,
       me.email AS email,
       other.id AS met_id,
       trim(other.first_name || ' ' || other.last_name) AS met_name,
       other.email AS met_email,
       other.company AS met_company,
       (SELECT group_concat(t.label, '; ') FROM attendee_tags x JOIN tags t ON t.tag = x.tag
         WHERE x.attendee_id = other.id AND x.kind = 'looking_for') AS met_looking_for,
       (SELECT group_concat(t.label, '; ') FROM attendee_tags x JOIN tags t ON t.tag = x.tag
         WHERE x.attendee_id = other.id AND x.kind = 'can_help_with') AS met_can_help_with,
       c.at AS met_at,
       c.kiosks AS kiosks
  FROM connections c
  JOIN attendees me ON me.id IN (c.a_id, c.b_id)
  JOIN attendees other ON other.id = CASE WHEN me.id = c.a_id THEN c.b_id ELSE c.a_id END
 WHERE me.status <> 'forgotten' AND other.status <> 'forgotten'
   AND me.consent = 1 AND other.consent = 1
 ORDER BY me.id, c.at;
)sql";
}

}  // namespace rapport::schema
