#include "hub/hub_schema.hpp"

#include <fmt/format.h>

#include "core/util/random.hpp"

namespace rapport::hub {

namespace {
// Text columns use the "C" collation: they compare byte by byte, as SQLite's BINARY does,
// so "the earliest" and "the smaller" mean the same at the hub and in every kiosk file
// whatever locale the server was set up with.
constexpr const char* kSchema = R"sql(
CREATE SCHEMA IF NOT EXISTS rapport;
CREATE SEQUENCE IF NOT EXISTS rapport.change_seq;

CREATE TABLE IF NOT EXISTS rapport.hub (
  id             integer PRIMARY KEY CHECK (id = 1),
  hub_id         text NOT NULL,
  schema_version integer NOT NULL,
  event_name     text COLLATE "C" NOT NULL DEFAULT '',
  event_date     text COLLATE "C" NOT NULL DEFAULT '',
  created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS rapport.forgotten (
  attendee_id text COLLATE "C" PRIMARY KEY,
  email_hash  text COLLATE "C" NOT NULL DEFAULT '',
  at          text COLLATE "C" NOT NULL,
  kiosk_id    text COLLATE "C" NOT NULL,
  seq         bigint NOT NULL,
  pushed_by   text NOT NULL
);

CREATE TABLE IF NOT EXISTS rapport.attendees (
  id              text COLLATE "C" PRIMARY KEY,
  first_name      text COLLATE "C" NOT NULL,
  last_name       text COLLATE "C" NOT NULL DEFAULT '',
  email           text COLLATE "C" NOT NULL DEFAULT '',
  company         text COLLATE "C" NOT NULL DEFAULT '',
  title           text COLLATE "C" NOT NULL DEFAULT '',
  status          text COLLATE "C" NOT NULL,
  consent         integer NOT NULL DEFAULT 0,
  suggest_opt_out integer NOT NULL DEFAULT 0,
  source          text COLLATE "C" NOT NULL DEFAULT 'native',
  kiosk_id        text COLLATE "C" NOT NULL,
  created_at      text COLLATE "C" NOT NULL,
  updated_at      text COLLATE "C" NOT NULL,
  tags            jsonb NOT NULL DEFAULT '[]',
  seq             bigint NOT NULL,
  pushed_by       text NOT NULL
);

CREATE TABLE IF NOT EXISTS rapport.attendee_codes (
  code        text COLLATE "C" PRIMARY KEY,
  attendee_id text COLLATE "C" NOT NULL,
  kind        text COLLATE "C" NOT NULL,
  revoked_at  text COLLATE "C",
  kiosk_id    text COLLATE "C" NOT NULL,
  created_at  text COLLATE "C" NOT NULL,
  seq         bigint NOT NULL,
  pushed_by   text NOT NULL
);

CREATE TABLE IF NOT EXISTS rapport.checkins (
  attendee_id text COLLATE "C" PRIMARY KEY,
  at          text COLLATE "C" NOT NULL,
  kiosk_id    text COLLATE "C" NOT NULL,
  method      text COLLATE "C" NOT NULL,
  seq         bigint NOT NULL,
  pushed_by   text NOT NULL
);

CREATE TABLE IF NOT EXISTS rapport.connections (
  a_id      text COLLATE "C" NOT NULL,
  b_id      text COLLATE "C" NOT NULL,
  at        text COLLATE "C" NOT NULL,
  kiosk_id  text COLLATE "C" NOT NULL,
  kiosks    text COLLATE "C" NOT NULL,
  method    text COLLATE "C" NOT NULL,
  seq       bigint NOT NULL,
  pushed_by text NOT NULL,
  PRIMARY KEY (a_id, b_id),
  CHECK (a_id < b_id)
);

CREATE TABLE IF NOT EXISTS rapport.suggestions_shown (
  id        text COLLATE "C" PRIMARY KEY,
  for_id    text COLLATE "C" NOT NULL,
  shown_id  text COLLATE "C" NOT NULL,
  kind      text COLLATE "C" NOT NULL,
  score     double precision NOT NULL,
  at        text COLLATE "C" NOT NULL,
  kiosk_id  text COLLATE "C" NOT NULL,
  seq       bigint NOT NULL,
  pushed_by text NOT NULL
);

CREATE TABLE IF NOT EXISTS rapport.last_seen (
  attendee_id text COLLATE "C" PRIMARY KEY,
  location    text COLLATE "C" NOT NULL,
  at          text COLLATE "C" NOT NULL,
  kiosk_id    text COLLATE "C" NOT NULL,
  seq         bigint NOT NULL,
  pushed_by   text NOT NULL
);

CREATE TABLE IF NOT EXISTS rapport.kiosks (
  kiosk_id      text COLLATE "C" PRIMARY KEY,
  first_push_at timestamptz NOT NULL DEFAULT now(),
  last_push_at  timestamptz NOT NULL DEFAULT now(),
  pushes        bigint NOT NULL DEFAULT 0,
  rows_pushed   bigint NOT NULL DEFAULT 0
);

CREATE INDEX IF NOT EXISTS forgotten_seq ON rapport.forgotten (seq);
CREATE INDEX IF NOT EXISTS attendees_seq ON rapport.attendees (seq);
CREATE INDEX IF NOT EXISTS attendee_codes_seq ON rapport.attendee_codes (seq);
CREATE INDEX IF NOT EXISTS attendee_codes_attendee ON rapport.attendee_codes (attendee_id);
CREATE INDEX IF NOT EXISTS checkins_seq ON rapport.checkins (seq);
CREATE INDEX IF NOT EXISTS connections_seq ON rapport.connections (seq);
CREATE INDEX IF NOT EXISTS suggestions_shown_seq ON rapport.suggestions_shown (seq);
CREATE INDEX IF NOT EXISTS last_seen_seq ON rapport.last_seen (seq);

-- connections.kiosks: the sorted union of two comma lists, each kiosk once.
CREATE OR REPLACE FUNCTION rapport.kiosk_union(a text, b text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(string_agg(k, ',' ORDER BY k COLLATE "C"), '')
    FROM (SELECT DISTINCT trim(k) COLLATE "C" AS k
            FROM unnest(string_to_array(coalesce(a, ''), ',') || string_to_array(coalesce(b, ''), ',')) AS k
           WHERE trim(k) <> '') s
$$;
)sql";
}  // namespace

Result<HubInfo> read_hub(PgConn& conn) {
  auto has = conn.exec("SELECT to_regclass('rapport.hub') IS NOT NULL");
  if (!has) return has.error();
  if (has->text(0, 0) != "t")
    return make_error("this database holds no Rapport hub yet; create it with 'rapport hub init --url URL'");
  auto r = conn.exec(
      "SELECT hub_id, event_name, event_date, schema_version, "
      "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM rapport.hub WHERE id = 1");
  if (!r) return r.error();
  if (r->rows() == 0)
    return make_error("the hub's identity row is missing; run 'rapport hub init --url URL' again");
  HubInfo h;
  h.hub_id = r->text(0, 0);
  h.event_name = r->text(0, 1);
  h.event_date = r->text(0, 2);
  h.schema_version = static_cast<int>(r->integer(0, 3));
  h.created_at = r->text(0, 4);
  if (h.schema_version > kHubSchemaVersion)
    return make_error(fmt::format("this hub was made by a newer Rapport (hub schema {}, this program knows up "
                                  "to {}); update Rapport on this kiosk",
                                  h.schema_version, kHubSchemaVersion));
  return h;
}

Result<HubInfo> init_hub(PgConn& conn) {
  // Two kiosks running init at once take turns; each statement is IF NOT EXISTS.
  auto s = conn.transaction([&]() -> Status {
    auto l = conn.exec("SELECT pg_advisory_xact_lock($1)", {std::to_string(kPushLock + 1)});
    if (!l) return l.error();
    // Simple-query protocol does not allow several statements with parameters, and the
    // schema text has none: it goes statement by statement through exec.
    std::string sql = kSchema;
    size_t start = 0;
    bool in_dollar = false;
    for (size_t i = 0; i + 1 < sql.size(); ++i) {
      if (sql.compare(i, 2, "$$") == 0) {
        in_dollar = !in_dollar;
        ++i;
        continue;
      }
      if (sql[i] == ';' && !in_dollar) {
        std::string stmt = sql.substr(start, i - start);
        start = i + 1;
        if (stmt.find_first_not_of(" \n\t") == std::string::npos) continue;
        auto r = conn.exec(stmt);
        if (!r) return r.error();
      }
    }
    auto r = conn.exec("INSERT INTO rapport.hub (id, hub_id, schema_version) VALUES (1, $1, $2) "
                       "ON CONFLICT (id) DO NOTHING",
                       {new_uuid(), std::to_string(kHubSchemaVersion)});
    if (!r) return r.error();
    return {};
  });
  if (!s) return s.error();
  return read_hub(conn);
}

}  // namespace rapport::hub
