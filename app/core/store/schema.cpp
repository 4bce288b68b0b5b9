#include "core/store/schema.hpp"

namespace rapport::schema {

namespace {
// Version 1: the event store. Every key merges across kiosks: attendees keep the id
// from the roster, check-ins are one per person, connections one per unordered pair,
// suggestions shown have a UUID. Every row says which kiosk wrote it and when.
const char* kV1 = R"sql(
CREATE TABLE event (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  name       TEXT NOT NULL,
  date       TEXT NOT NULL DEFAULT '',
  kiosk_id   TEXT NOT NULL,
  role       TEXT NOT NULL DEFAULT 'kiosk' CHECK (role IN ('kiosk', 'organizer')),
  created_at TEXT NOT NULL
);

CREATE TABLE attendees (
  id              TEXT PRIMARY KEY,
  first_name      TEXT NOT NULL,
  last_name       TEXT NOT NULL DEFAULT '',
  email           TEXT NOT NULL DEFAULT '',
  company         TEXT NOT NULL DEFAULT '',
  title           TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL DEFAULT 'active'
                    CHECK (status IN ('active', 'cancelled', 'blocked', 'forgotten')),
  consent         INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
  suggest_opt_out INTEGER NOT NULL DEFAULT 0 CHECK (suggest_opt_out IN (0, 1)),
  source          TEXT NOT NULL DEFAULT 'native',
  kiosk_id        TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX attendees_email ON attendees (email COLLATE NOCASE) WHERE email <> '';

CREATE TABLE attendee_codes (
  code        TEXT PRIMARY KEY,
  attendee_id TEXT NOT NULL REFERENCES attendees (id) ON DELETE CASCADE ON UPDATE CASCADE,
  kind        TEXT NOT NULL
                CHECK (kind IN ('badge', 'ticket_code', 'ticket_secret', 'barcode', 'attendee_number')),
  revoked_at  TEXT,
  kiosk_id    TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX attendee_codes_attendee ON attendee_codes (attendee_id);

CREATE TABLE tags (
  tag   TEXT PRIMARY KEY,
  label TEXT NOT NULL
);

CREATE TABLE attendee_tags (
  attendee_id TEXT NOT NULL REFERENCES attendees (id) ON DELETE CASCADE ON UPDATE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('interest', 'personal', 'looking_for', 'can_help_with')),
  tag         TEXT NOT NULL REFERENCES tags (tag),
  PRIMARY KEY (attendee_id, kind, tag)
) WITHOUT ROWID;
CREATE INDEX attendee_tags_tag ON attendee_tags (tag, kind);

CREATE TABLE checkins (
  attendee_id TEXT PRIMARY KEY REFERENCES attendees (id) ON DELETE CASCADE ON UPDATE CASCADE,
  at          TEXT NOT NULL,
  kiosk_id    TEXT NOT NULL,
  method      TEXT NOT NULL CHECK (method IN ('badge', 'ticket', 'manual', 'id'))
);
CREATE INDEX checkins_at ON checkins (at);

CREATE TABLE connections (
  a_id     TEXT NOT NULL REFERENCES attendees (id) ON DELETE CASCADE ON UPDATE CASCADE,
  b_id     TEXT NOT NULL REFERENCES attendees (id) ON DELETE CASCADE ON UPDATE CASCADE,
  at       TEXT NOT NULL,
  kiosk_id TEXT NOT NULL,
  kiosks   TEXT NOT NULL,
  method   TEXT NOT NULL CHECK (method IN ('scan', 'suggestion', 'manual')),
  PRIMARY KEY (a_id, b_id),
  CHECK (a_id < b_id)
) WITHOUT ROWID;
CREATE INDEX connections_b ON connections (b_id);
CREATE INDEX connections_at ON connections (at);

CREATE TABLE suggestions_shown (
  id       TEXT PRIMARY KEY,
  for_id   TEXT NOT NULL REFERENCES attendees (id) ON DELETE CASCADE ON UPDATE CASCADE,
  shown_id TEXT NOT NULL REFERENCES attendees (id) ON DELETE CASCADE ON UPDATE CASCADE,
  kind     TEXT NOT NULL,
  score    REAL NOT NULL,
  at       TEXT NOT NULL,
  kiosk_id TEXT NOT NULL
);
CREATE INDEX suggestions_shown_for ON suggestions_shown (for_id, at);
CREATE INDEX suggestions_shown_shown ON suggestions_shown (shown_id, at);

CREATE TABLE forgotten (
  attendee_id TEXT PRIMARY KEY,
  email_hash  TEXT NOT NULL DEFAULT '',
  at          TEXT NOT NULL,
  kiosk_id    TEXT NOT NULL
);
CREATE INDEX forgotten_email_hash ON forgotten (email_hash) WHERE email_hash <> '';

CREATE VIEW checkins_named AS
SELECT a.id AS attendee_id,
       trim(a.first_name || ' ' || a.last_name) AS name,
       c.at AS checked_in_at,
       c.kiosk_id AS kiosk,
       c.method AS method
  FROM checkins c JOIN attendees a ON a.id = c.attendee_id
 ORDER BY c.at;

CREATE VIEW connections_named AS
SELECT trim(a.first_name || ' ' || a.last_name) AS person_a,
       trim(b.first_name || ' ' || b.last_name) AS person_b,
       c.at AS met_at,
       c.kiosks AS kiosks,
       c.method AS how,
       c.a_id AS a_id,
       c.b_id AS b_id
  FROM connections c
  JOIN attendees a ON a.id = c.a_id
  JOIN attendees b ON b.id = c.b_id
 ORDER BY c.at;

CREATE VIEW attendee_summary AS
SELECT a.id AS attendee_id,
       trim(a.first_name || ' ' || a.last_name) AS name,
       a.status AS status,
       a.consent AS consent,
       ci.at AS checked_in_at,
       (SELECT count(*) FROM connections c WHERE c.a_id = a.id OR c.b_id = a.id) AS people_met,
       (SELECT count(*) FROM suggestions_shown s WHERE s.for_id = a.id) AS suggestions_received,
       (SELECT count(DISTINCT s.shown_id) FROM suggestions_shown s
          JOIN connections c ON (c.a_id = min(s.for_id, s.shown_id) AND c.b_id = max(s.for_id, s.shown_id))
         WHERE s.for_id = a.id) AS suggestions_acted_on
  FROM attendees a
  LEFT JOIN checkins ci ON ci.attendee_id = a.id;

CREATE VIEW followups AS
SELECT me.id AS attendee_id,
       trim(me.first_name || ' ' || me.last_name) AS name,
       me.email AS email,
       other.id AS met_id,
       trim(other.first_name || ' ' || other.last_name) AS met_name,
       CASE WHEN other.consent = 1 THEN other.email ELSE '' END AS met_email,
       (SELECT group_concat(t.label, '; ') FROM attendee_tags x JOIN tags t ON t.tag = x.tag
         WHERE x.attendee_id = other.id AND x.kind = 'looking_for') AS met_looking_for,
       (SELECT group_concat(t.label, '; ') FROM attendee_tags x JOIN tags t ON t.tag = x.tag
         WHERE x.attendee_id = other.id AND x.kind = 'can_help_with') AS met_can_help_with,
       c.at AS met_at
  FROM connections c
  JOIN attendees me ON me.id IN (c.a_id, c.b_id)
  JOIN attendees other ON other.id = CASE WHEN me.id = c.a_id THEN c.b_id ELSE c.a_id END
 WHERE me.status <> 'forgotten' AND other.status <> 'forgotten';
)sql";
}  // namespace

const char* migration_v2_sync();  // schema_v2_sync.cpp
const char* migration_v3_hub();   // schema_v3_hub.cpp
const char* migration_v4_tag_keys();  // schema_v4_tag_keys.cpp
const char* migration_v5_last_seen();  // schema_v5_last_seen.cpp

const std::vector<std::string>& migrations() {
  static const std::vector<std::string> all = {kV1, migration_v2_sync(), migration_v3_hub(), migration_v4_tag_keys(),
                                                migration_v5_last_seen()};
  return all;
}

}  // namespace rapport::schema
