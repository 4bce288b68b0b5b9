#include "hub/hub_sync.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <thread>

namespace rapport::hub {

using nlohmann::json;

namespace {

// --- push: one upsert per table, each row by the organizer merge's rule ---------------
// $1 is the table's rows as a JSON array, $2 the pushing kiosk. Every insert or change
// takes a new number from rapport.change_seq (a conflicting row that changes nothing
// wastes one, which is harmless: readers only need numbers to grow).

constexpr const char* kPushForgotten = R"sql(
INSERT INTO rapport.forgotten AS f (attendee_id, email_hash, at, kiosk_id, seq, pushed_by)
SELECT x.attendee_id, coalesce(x.email_hash, ''), x.at, x.kiosk_id, nextval('rapport.change_seq'), $2
  FROM jsonb_to_recordset($1::jsonb) AS x(attendee_id text, email_hash text, at text, kiosk_id text)
ON CONFLICT (attendee_id) DO UPDATE SET
  at = CASE WHEN (excluded.at, excluded.kiosk_id) < (f.at, f.kiosk_id) THEN excluded.at ELSE f.at END,
  kiosk_id = CASE WHEN (excluded.at, excluded.kiosk_id) < (f.at, f.kiosk_id) THEN excluded.kiosk_id ELSE f.kiosk_id END,
  email_hash = CASE WHEN f.email_hash = '' THEN excluded.email_hash
                    WHEN excluded.email_hash = '' THEN f.email_hash
                    ELSE least(f.email_hash, excluded.email_hash) END,
  seq = excluded.seq, pushed_by = excluded.pushed_by
WHERE (excluded.at, excluded.kiosk_id) < (f.at, f.kiosk_id)
   OR (excluded.email_hash <> '' AND (f.email_hash = '' OR excluded.email_hash < f.email_hash))
)sql";

constexpr const char* kPushAttendees = R"sql(
INSERT INTO rapport.attendees AS a (id, first_name, last_name, email, company, title, status, consent,
                                    suggest_opt_out, source, kiosk_id, created_at, updated_at, tags, seq, pushed_by)
SELECT x.id, x.first_name, coalesce(x.last_name, ''), coalesce(x.email, ''), coalesce(x.company, ''),
       coalesce(x.title, ''), x.status, coalesce(x.consent, 0), coalesce(x.suggest_opt_out, 0),
       coalesce(x.source, 'native'), x.kiosk_id, x.created_at, x.updated_at, coalesce(x.tags, '[]'::jsonb),
       nextval('rapport.change_seq'), $2
  FROM jsonb_to_recordset($1::jsonb) AS x(id text, first_name text, last_name text, email text, company text,
       title text, status text, consent integer, suggest_opt_out integer, source text, kiosk_id text,
       created_at text, updated_at text, tags jsonb)
ON CONFLICT (id) DO UPDATE SET
  first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email,
  company = excluded.company, title = excluded.title, status = excluded.status, consent = excluded.consent,
  suggest_opt_out = excluded.suggest_opt_out, source = excluded.source, kiosk_id = excluded.kiosk_id,
  created_at = excluded.created_at, updated_at = excluded.updated_at, tags = excluded.tags,
  seq = excluded.seq, pushed_by = excluded.pushed_by
WHERE a.status <> 'forgotten'
  AND NOT EXISTS (SELECT 1 FROM rapport.forgotten f WHERE f.attendee_id = a.id)
  AND (excluded.updated_at, excluded.kiosk_id) > (a.updated_at, a.kiosk_id)
)sql";

constexpr const char* kPushCodes = R"sql(
INSERT INTO rapport.attendee_codes AS c (code, attendee_id, kind, revoked_at, kiosk_id, created_at, seq, pushed_by)
SELECT x.code, x.attendee_id, x.kind, x.revoked_at, x.kiosk_id, x.created_at, nextval('rapport.change_seq'), $2
  FROM jsonb_to_recordset($1::jsonb) AS x(code text, attendee_id text, kind text, revoked_at text,
       kiosk_id text, created_at text)
 WHERE NOT EXISTS (SELECT 1 FROM rapport.forgotten f WHERE f.attendee_id = x.attendee_id)
ON CONFLICT (code) DO UPDATE SET
  attendee_id = CASE WHEN (excluded.created_at, excluded.kiosk_id) < (c.created_at, c.kiosk_id)
                     THEN excluded.attendee_id ELSE c.attendee_id END,
  kind = CASE WHEN (excluded.created_at, excluded.kiosk_id) < (c.created_at, c.kiosk_id)
              THEN excluded.kind ELSE c.kind END,
  kiosk_id = CASE WHEN (excluded.created_at, excluded.kiosk_id) < (c.created_at, c.kiosk_id)
                  THEN excluded.kiosk_id ELSE c.kiosk_id END,
  created_at = least(excluded.created_at, c.created_at),
  revoked_at = CASE WHEN c.revoked_at IS NULL THEN excluded.revoked_at
                    WHEN excluded.revoked_at IS NULL THEN c.revoked_at
                    ELSE least(c.revoked_at, excluded.revoked_at) END,
  seq = excluded.seq, pushed_by = excluded.pushed_by
WHERE (excluded.created_at, excluded.kiosk_id) < (c.created_at, c.kiosk_id)
   OR (excluded.revoked_at IS NOT NULL AND (c.revoked_at IS NULL OR excluded.revoked_at < c.revoked_at))
)sql";

// A tombstone erases the person at the hub too (as core/sync/forget.cpp does in a file).
constexpr const char* kEraseForgotten = R"sql(
UPDATE rapport.attendees a
   SET first_name = 'Forgotten', last_name = '', email = '', company = '', title = '',
       status = 'forgotten', consent = 0, suggest_opt_out = 1, source = 'forgotten',
       kiosk_id = f.kiosk_id, created_at = f.at, updated_at = f.at, tags = '[]',
       seq = nextval('rapport.change_seq'), pushed_by = $1
  FROM rapport.forgotten f
 WHERE a.id = f.attendee_id
   AND NOT (a.status = 'forgotten' AND a.first_name = 'Forgotten' AND a.last_name = '' AND a.email = ''
            AND a.company = '' AND a.title = '' AND a.consent = 0 AND a.suggest_opt_out = 1
            AND a.source = 'forgotten' AND a.kiosk_id = f.kiosk_id AND a.created_at = f.at
            AND a.updated_at = f.at AND a.tags = '[]'::jsonb)
)sql";
constexpr const char* kEraseCodes =
    "DELETE FROM rapport.attendee_codes WHERE attendee_id IN (SELECT attendee_id FROM rapport.forgotten)";

constexpr const char* kPushCheckins = R"sql(
INSERT INTO rapport.checkins AS c (attendee_id, at, kiosk_id, method, seq, pushed_by)
SELECT x.attendee_id, x.at, x.kiosk_id, x.method, nextval('rapport.change_seq'), $2
  FROM jsonb_to_recordset($1::jsonb) AS x(attendee_id text, at text, kiosk_id text, method text)
ON CONFLICT (attendee_id) DO UPDATE SET
  at = excluded.at, kiosk_id = excluded.kiosk_id, method = excluded.method,
  seq = excluded.seq, pushed_by = excluded.pushed_by
WHERE (excluded.at, excluded.kiosk_id, excluded.method) < (c.at, c.kiosk_id, c.method)
)sql";

constexpr const char* kPushConnections = R"sql(
INSERT INTO rapport.connections AS c (a_id, b_id, at, kiosk_id, kiosks, method, seq, pushed_by)
SELECT x.a_id, x.b_id, x.at, x.kiosk_id, rapport.kiosk_union(x.kiosks, x.kiosk_id), x.method,
       nextval('rapport.change_seq'), $2
  FROM jsonb_to_recordset($1::jsonb) AS x(a_id text, b_id text, at text, kiosk_id text, kiosks text, method text)
ON CONFLICT (a_id, b_id) DO UPDATE SET
  at = CASE WHEN (excluded.at, excluded.kiosk_id, excluded.method) < (c.at, c.kiosk_id, c.method)
            THEN excluded.at ELSE c.at END,
  kiosk_id = CASE WHEN (excluded.at, excluded.kiosk_id, excluded.method) < (c.at, c.kiosk_id, c.method)
                  THEN excluded.kiosk_id ELSE c.kiosk_id END,
  method = CASE WHEN (excluded.at, excluded.kiosk_id, excluded.method) < (c.at, c.kiosk_id, c.method)
                THEN excluded.method ELSE c.method END,
  kiosks = rapport.kiosk_union(c.kiosks, excluded.kiosks),
  seq = excluded.seq, pushed_by = excluded.pushed_by
WHERE (excluded.at, excluded.kiosk_id, excluded.method) < (c.at, c.kiosk_id, c.method)
   OR rapport.kiosk_union(c.kiosks, excluded.kiosks) <> c.kiosks
)sql";

constexpr const char* kPushSuggestions = R"sql(
INSERT INTO rapport.suggestions_shown (id, for_id, shown_id, kind, score, at, kiosk_id, seq, pushed_by)
SELECT x.id, x.for_id, x.shown_id, x.kind, x.score, x.at, x.kiosk_id, nextval('rapport.change_seq'), $2
  FROM jsonb_to_recordset($1::jsonb) AS x(id text, for_id text, shown_id text, kind text, score double precision,
       at text, kiosk_id text)
ON CONFLICT (id) DO NOTHING
)sql";

// Where a person was last seen: the newest sighting wins (then kiosk id).
constexpr const char* kPushLastSeen = R"sql(
INSERT INTO rapport.last_seen AS l (attendee_id, location, at, kiosk_id, seq, pushed_by)
SELECT x.attendee_id, x.location, x.at, x.kiosk_id, nextval('rapport.change_seq'), $2
  FROM jsonb_to_recordset($1::jsonb) AS x(attendee_id text, location text, at text, kiosk_id text)
 WHERE x.location <> '' AND NOT EXISTS (SELECT 1 FROM rapport.forgotten f WHERE f.attendee_id = x.attendee_id)
ON CONFLICT (attendee_id) DO UPDATE SET
  location = excluded.location, at = excluded.at, kiosk_id = excluded.kiosk_id,
  seq = excluded.seq, pushed_by = excluded.pushed_by
WHERE (excluded.at, excluded.kiosk_id) > (l.at, l.kiosk_id)
)sql";

// --- pull: in pages, each one statement (one snapshot) -------------------------------
// A page is every row of every table whose seq lies in ($1, hi], where hi is chosen so
// that the window holds at most $2 rows. Rows name people, and a person's row may carry a
// newer seq than the rows that name them (a re-import, an erase), so a page also carries
// every person its rows name that a later window would bring: each page can be applied
// on its own, and the cursor can move page by page. Pushes are serialised by an advisory
// lock and number their rows inside it, so commit order is seq order and a window that
// was read whole stays whole.
constexpr const char* kPullPage = R"sql(
WITH page AS (
  SELECT seq FROM (SELECT seq FROM rapport.forgotten WHERE seq > $1
         UNION ALL SELECT seq FROM rapport.attendees WHERE seq > $1
         UNION ALL SELECT seq FROM rapport.attendee_codes WHERE seq > $1
         UNION ALL SELECT seq FROM rapport.checkins WHERE seq > $1
         UNION ALL SELECT seq FROM rapport.connections WHERE seq > $1
         UNION ALL SELECT seq FROM rapport.suggestions_shown WHERE seq > $1
         UNION ALL SELECT seq FROM rapport.last_seen WHERE seq > $1) s
   ORDER BY seq LIMIT $2),
lim AS (SELECT coalesce(max(seq), $1::bigint) AS hi, count(*) AS n FROM page),
gone AS (SELECT f.attendee_id, f.email_hash, f.at, f.kiosk_id, f.seq
           FROM rapport.forgotten f, lim WHERE f.seq > $1 AND f.seq <= lim.hi),
codes AS (SELECT c.code, c.attendee_id, c.kind, c.revoked_at, c.kiosk_id, c.created_at, c.seq
            FROM rapport.attendee_codes c, lim WHERE c.seq > $1 AND c.seq <= lim.hi),
checkins AS (SELECT c.attendee_id, c.at, c.kiosk_id, c.method, c.seq
               FROM rapport.checkins c, lim WHERE c.seq > $1 AND c.seq <= lim.hi),
connections AS (SELECT c.a_id, c.b_id, c.at, c.kiosk_id, c.kiosks, c.method, c.seq
                  FROM rapport.connections c, lim WHERE c.seq > $1 AND c.seq <= lim.hi),
suggestions AS (SELECT s.id, s.for_id, s.shown_id, s.kind, s.score, s.at, s.kiosk_id, s.seq
                  FROM rapport.suggestions_shown s, lim WHERE s.seq > $1 AND s.seq <= lim.hi),
seen AS (SELECT l.attendee_id, l.location, l.at, l.kiosk_id, l.seq
           FROM rapport.last_seen l, lim WHERE l.seq > $1 AND l.seq <= lim.hi),
named AS (SELECT attendee_id AS id FROM codes UNION SELECT attendee_id FROM checkins
          UNION SELECT attendee_id FROM seen
          UNION SELECT a_id FROM connections UNION SELECT b_id FROM connections
          UNION SELECT for_id FROM suggestions UNION SELECT shown_id FROM suggestions),
pick AS (SELECT a.id FROM rapport.attendees a, lim WHERE a.seq > $1 AND a.seq <= lim.hi
         UNION SELECT a.id FROM named n JOIN rapport.attendees a ON a.id = n.id, lim WHERE a.seq > lim.hi),
people AS (SELECT a.id, a.first_name, a.last_name, a.email, a.company, a.title, a.status, a.consent,
                  a.suggest_opt_out, a.source, a.kiosk_id, a.created_at, a.updated_at, a.tags, a.seq
             FROM rapport.attendees a WHERE a.id IN (SELECT id FROM pick))
SELECT json_build_object(
  'forgotten', (SELECT coalesce(json_agg(t ORDER BY t.seq), '[]') FROM gone t),
  'attendees', (SELECT coalesce(json_agg(t ORDER BY t.seq), '[]') FROM people t),
  'codes', (SELECT coalesce(json_agg(t ORDER BY t.seq), '[]') FROM codes t),
  'checkins', (SELECT coalesce(json_agg(t ORDER BY t.seq), '[]') FROM checkins t),
  'connections', (SELECT coalesce(json_agg(t ORDER BY t.seq), '[]') FROM connections t),
  'suggestions', (SELECT coalesce(json_agg(t ORDER BY t.seq), '[]') FROM suggestions t),
  'last_seen', (SELECT coalesce(json_agg(t ORDER BY t.seq), '[]') FROM seen t),
  'top', (SELECT hi FROM lim),
  'window', (SELECT n FROM lim))::text
)sql";

// One page after `after_seq`: its rows, the seq it reaches, and how many rows its window
// held (fewer than asked: the hub has nothing newer).
struct PulledPage {
  RowBatch rows;
  int64_t top = 0;
  int64_t window = 0;
};

Result<PulledPage> pull_page(PgConn& conn, int64_t after_seq, int64_t page_rows) {
  auto r = conn.exec(kPullPage, {std::to_string(after_seq), std::to_string(page_rows)});
  if (!r) return r.error();
  PulledPage p;
  try {
    json all = json::parse(r->text(0, 0));
    p.rows.forgotten = std::move(all["forgotten"]);
    p.rows.attendees = std::move(all["attendees"]);
    p.rows.codes = std::move(all["codes"]);
    p.rows.checkins = std::move(all["checkins"]);
    p.rows.connections = std::move(all["connections"]);
    p.rows.suggestions = std::move(all["suggestions"]);
    p.rows.last_seen = std::move(all["last_seen"]);
    p.top = all["top"].get<int64_t>();
    p.window = all["window"].get<int64_t>();
  } catch (const json::exception& e) {
    return make_error(std::string("the hub's answer could not be read: ") + e.what());
  }
  return p;
}

void stall_if(const SyncOptions& o, const char* point) {
  if (o.stall != point) return;
  std::cerr << "rapport: stalling " << point << " (RAPPORT_HUB_STALL)" << std::endl;
  std::this_thread::sleep_for(std::chrono::seconds(60));
}

// Checks that the hub belongs to this event (claiming it when no kiosk has pushed yet).
Status claim_event(PgConn& conn, const Store& store) {
  auto u = conn.exec("UPDATE rapport.hub SET event_name = $1, event_date = $2 WHERE id = 1 AND event_name = ''",
                     {store.event().name, store.event().date});
  if (!u) return u.error();
  auto r = conn.exec("SELECT event_name FROM rapport.hub WHERE id = 1");
  if (!r) return r.error();
  if (r->text(0, 0) != store.event().name)
    return make_error(fmt::format("this hub holds the event '{}', but this file is for '{}'; use one hub "
                                  "(one PostgreSQL database) per event",
                                  r->text(0, 0), store.event().name));
  return {};
}

Result<int64_t> push(PgConn& conn, Store& store, const RowBatch& rows, const SyncOptions& options) {
  int64_t changed = 0;
  const std::string me = store.kiosk_id();
  auto s = conn.transaction([&]() -> Status {
    auto l = conn.exec("SELECT pg_advisory_xact_lock($1)", {std::to_string(kPushLock)});
    if (!l) return l.error();
    RAPPORT_TRY(claim_event(conn, store));
    auto upsert = [&](const char* sql, const json& arr) -> Status {
      if (arr.empty()) return {};
      auto r = conn.exec(sql, {arr.dump(-1, ' ', false, json::error_handler_t::replace), me});
      if (!r) return r.error();
      changed += r->affected();
      return {};
    };
    RAPPORT_TRY(upsert(kPushForgotten, rows.forgotten));
    RAPPORT_TRY(upsert(kPushAttendees, rows.attendees));
    RAPPORT_TRY(upsert(kPushCodes, rows.codes));
    if (!rows.forgotten.empty() || !rows.attendees.empty()) {
      auto e = conn.exec(kEraseForgotten, {me});
      if (!e) return e.error();
      changed += e->affected();
      auto c = conn.exec(kEraseCodes);
      if (!c) return c.error();
      auto seen = conn.exec("DELETE FROM rapport.last_seen WHERE attendee_id IN (SELECT attendee_id FROM rapport.forgotten)");
      if (!seen) return seen.error();
    }
    RAPPORT_TRY(upsert(kPushCheckins, rows.checkins));
    RAPPORT_TRY(upsert(kPushConnections, rows.connections));
    RAPPORT_TRY(upsert(kPushSuggestions, rows.suggestions));
    RAPPORT_TRY(upsert(kPushLastSeen, rows.last_seen));
    auto k = conn.exec(
        "INSERT INTO rapport.kiosks (kiosk_id, pushes, rows_pushed) VALUES ($1, 1, $2) "
        "ON CONFLICT (kiosk_id) DO UPDATE SET last_push_at = now(), pushes = kiosks.pushes + 1, "
        "rows_pushed = kiosks.rows_pushed + excluded.rows_pushed",
        {me, std::to_string(rows.size())});
    if (!k) return k.error();
    stall_if(options, "before_commit");
    return {};
  });
  if (!s) return s.error();
  stall_if(options, "after_commit");
  return changed;
}

Status save_push_cursor(Store& store, const std::string& hub_id, int64_t seq, int64_t stamp, int64_t rows) {
  return store.db().write([&]() -> Status {
    auto st = store.db().cached(R"sql(
INSERT INTO hub_cursors (hub_id, pushed_seq, pushed_stamp, last_push_at, rows_pushed) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (hub_id) DO UPDATE SET pushed_seq = excluded.pushed_seq, pushed_stamp = excluded.pushed_stamp,
  last_push_at = excluded.last_push_at, rows_pushed = hub_cursors.rows_pushed + excluded.rows_pushed
)sql");
    if (!st) return st.error();
    return (*st)->bind_all(hub_id, seq, stamp, store.now_iso(), rows).run();
  });
}

}  // namespace

Result<std::optional<HubCursor>> read_cursor(Db& db, const std::string& hub_id) {
  auto has = db.scalar_int("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'hub_cursors'");
  if (!has) return has.error();
  if (*has == 0) return std::optional<HubCursor>();
  auto st = db.prepare(
      "SELECT hub_id, pushed_seq, pushed_stamp, pulled_seq, last_push_at, last_pull_at, rows_pushed, rows_pulled "
      "FROM hub_cursors WHERE (?1 = '' OR hub_id = ?1) ORDER BY max(last_push_at, last_pull_at) DESC LIMIT 1");
  if (!st) return st.error();
  st->bind_all(hub_id);
  auto row = st->step();
  if (!row) return row.error();
  if (!*row) return std::optional<HubCursor>();
  HubCursor c{st->text(0), st->integer(1), st->integer(2), st->integer(3), st->text(4), st->text(5),
              st->integer(6), st->integer(7)};
  return std::optional<HubCursor>(std::move(c));
}

Status pull_pages(PgConn& conn, int64_t after_seq, int64_t page_rows,
                  const std::function<Status(const RowBatch& page, int64_t top)>& apply) {
  page_rows = std::max<int64_t>(page_rows, 1);
  for (int64_t cursor = after_seq;;) {
    auto page = pull_page(conn, cursor, page_rows);
    if (!page) return page.error();
    if (page->top == cursor) return {};
    RAPPORT_TRY(apply(page->rows, page->top));
    cursor = page->top;
    // A short window means the hub had nothing newer when it was read; what lands after
    // that is the next cycle's.
    if (page->window < page_rows) return {};
  }
}

Result<SyncReport> sync_once(Store& store, PgConn& conn, const HubInfo& hub, const SyncOptions& options) {
  if (store.event().role != "kiosk")
    return make_error("this is an organizer file; sync kiosks' files with the hub, and build the organizer file "
                      "with 'rapport export --hub URL --organizer FILE'",
                      store.db().path());
  if (!hub.event_name.empty() && hub.event_name != store.event().name)
    return make_error(fmt::format("this hub holds the event '{}', but this file is for '{}'; use one hub "
                                  "(one PostgreSQL database) per event",
                                  hub.event_name, store.event().name));
  SyncReport rep;
  rep.hub_id = hub.hub_id;
  auto cur = read_cursor(store.db(), hub.hub_id);
  if (!cur) return cur.error();
  HubCursor c = cur->value_or(HubCursor{hub.hub_id});

  // 1. Push this kiosk's own new rows.
  auto out = read_outbox(store.db(), c.pushed_seq, c.pushed_stamp);
  if (!out) return out.error();
  rep.full_push = out->full;
  rep.pushed = static_cast<int64_t>(out->rows.size());
  if (out->rows.size() > 0) {
    auto changed = push(conn, store, out->rows, options);
    if (!changed) return changed.error();
    rep.hub_changed = *changed;
  }
  if (out->to_seq != c.pushed_seq || out->to_stamp != c.pushed_stamp || !cur->has_value()) {
    RAPPORT_TRY(save_push_cursor(store, hub.hub_id, out->to_seq, out->to_stamp, rep.pushed));
    c.pushed_seq = out->to_seq;
  }
  rep.pushed_seq = c.pushed_seq;

  // 2. Pull everyone's rows since the pull cursor (this kiosk's own come back too and
  //    change nothing; rows the hub merged with another kiosk's bring the difference),
  //    a page per SQLite transaction that also moves the cursor, so a big first pull
  //    never holds the file's write lock for long and a cycle cut short keeps its pages.
  rep.pulled_seq = c.pulled_seq;
  RAPPORT_TRY(pull_pages(conn, c.pulled_seq, options.page_rows, [&](const RowBatch& rows, int64_t top) -> Status {
    AppliedRows applied;
    auto s = store.db().write([&]() -> Status {
      auto a = apply_rows(store.db(), rows);
      if (!a) return a.error();
      applied = std::move(*a);
      auto st = store.db().cached(
          "UPDATE hub_cursors SET pulled_seq = ?2, last_pull_at = ?3, rows_pulled = rows_pulled + ?4 WHERE hub_id = ?1");
      if (!st) return st.error();
      return (*st)->bind_all(hub.hub_id, top, store.now_iso(), applied.rows).run();
    });
    if (!s) return s;
    rep.pulled += static_cast<int64_t>(rows.size());
    rep.pulled_seq = top;
    if (options.on_applied) options.on_applied(applied);
    rep.applied.add(std::move(applied));
    return {};
  }));
  auto pending = outbox_size(store.db(), c.pushed_seq);
  if (!pending) return pending.error();
  rep.pending = *pending;
  rep.at = store.now_iso();
  return rep;
}

Result<SyncReport> sync_with_hub(Store& store, const std::string& url, const SyncOptions& options) {
  auto conn = PgConn::connect(url);
  if (!conn) return conn.error();
  auto hub = read_hub(*conn);
  if (!hub) return hub.error();
  return sync_once(store, *conn, *hub, options);
}

}  // namespace rapport::hub
