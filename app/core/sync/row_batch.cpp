#include "core/sync/row_batch.hpp"

#include <fmt/format.h>

#include <iterator>

#include "core/sync/forget.hpp"
#include "core/sync/kiosk_list.hpp"
#include "core/sync/merge_rules.hpp"

namespace rapport {

using nlohmann::json;

namespace {

// --- reading this file's changes ------------------------------------------------------

// The JSON object of each table's row, built by SQLite itself (alias s).
constexpr const char* kAttendeeJson = R"sql(json_object(
  'id', s.id, 'first_name', s.first_name, 'last_name', s.last_name, 'email', s.email,
  'company', s.company, 'title', s.title, 'status', s.status, 'consent', s.consent,
  'suggest_opt_out', s.suggest_opt_out, 'source', s.source, 'kiosk_id', s.kiosk_id,
  'created_at', s.created_at, 'updated_at', s.updated_at,
  'tags', json((SELECT json_group_array(json_object('kind', x.kind, 'tag', x.tag, 'label', t.label))
                  FROM attendee_tags x JOIN tags t ON t.tag = x.tag WHERE x.attendee_id = s.id))))sql";
constexpr const char* kCodeJson =
    "json_object('code', s.code, 'attendee_id', s.attendee_id, 'kind', s.kind, 'revoked_at', s.revoked_at, "
    "'kiosk_id', s.kiosk_id, 'created_at', s.created_at)";
constexpr const char* kCheckinJson =
    "json_object('attendee_id', s.attendee_id, 'at', s.at, 'kiosk_id', s.kiosk_id, 'method', s.method)";
constexpr const char* kConnectionJson =
    "json_object('a_id', s.a_id, 'b_id', s.b_id, 'at', s.at, 'kiosk_id', s.kiosk_id, 'kiosks', s.kiosks, "
    "'method', s.method)";
constexpr const char* kSuggestionJson =
    "json_object('id', s.id, 'for_id', s.for_id, 'shown_id', s.shown_id, 'kind', s.kind, 'score', s.score, "
    "'at', s.at, 'kiosk_id', s.kiosk_id)";
constexpr const char* kLastSeenJson =
    "json_object('attendee_id', s.attendee_id, 'location', s.location, 'at', s.at, 'kiosk_id', s.kiosk_id)";
constexpr const char* kForgottenJson =
    "json_object('attendee_id', s.attendee_id, 'email_hash', s.email_hash, 'at', s.at, 'kiosk_id', s.kiosk_id)";

Result<json> read_array(Db& db, const std::string& sql) {
  auto st = db.prepare(sql);
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  try {
    return json::parse(*row ? st->text(0) : std::string("[]"));
  } catch (const json::exception& e) {
    return make_error(std::string("a row could not be read for the hub: ") + e.what(), db.path());
  }
}

// Reads every table's rows, all of them or those whose keys temp.outbox lists.
Result<RowBatch> read_rows(Db& db, bool full) {
  struct Part {
    json* out;
    const char* table;
    const char* object;
    const char* key_match;  // how a row matches a key of temp.outbox k
  };
  RowBatch b;
  const Part parts[] = {
      {&b.forgotten, "forgotten", kForgottenJson, "k.tbl = 'forgotten' AND k.k1 = s.attendee_id"},
      {&b.attendees, "attendees", kAttendeeJson, "k.tbl = 'attendees' AND k.k1 = s.id"},
      {&b.codes, "attendee_codes", kCodeJson, "k.tbl = 'attendee_codes' AND k.k1 = s.code"},
      {&b.checkins, "checkins", kCheckinJson, "k.tbl = 'checkins' AND k.k1 = s.attendee_id"},
      {&b.connections, "connections", kConnectionJson,
       "k.tbl = 'connections' AND k.k1 = s.a_id AND k.k2 = s.b_id"},
      {&b.suggestions, "suggestions_shown", kSuggestionJson, "k.tbl = 'suggestions_shown' AND k.k1 = s.id"},
      {&b.last_seen, "last_seen", kLastSeenJson, "k.tbl = 'last_seen' AND k.k1 = s.attendee_id"},
  };
  for (const auto& p : parts) {
    std::string from = full ? fmt::format("{} s", p.table)
                            : fmt::format("temp.outbox k JOIN {} s ON {}", p.table, p.key_match);
    auto arr = read_array(db, fmt::format("SELECT json_group_array(json({})) FROM {}", p.object, from));
    if (!arr) return arr.error();
    *p.out = std::move(*arr);
  }
  return b;
}

// Ends a read transaction however the read ends.
struct ReadTxn {
  Db& db;
  bool open = false;
  explicit ReadTxn(Db& d) : db(d) {}
  Status begin() {
    RAPPORT_TRY(db.exec("BEGIN DEFERRED"));
    open = true;
    return {};
  }
  ~ReadTxn() {
    if (open) (void)db.exec("COMMIT");
  }
};

// --- applying rows from elsewhere ----------------------------------------------------

void kiosk_union_sql(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  std::string acc;
  for (int i = 0; i < argc; ++i) {
    auto p = reinterpret_cast<const char*>(sqlite3_value_text(argv[i]));
    acc = kiosk_list_union(acc, p ? p : "");
  }
  sqlite3_result_text(ctx, acc.c_str(), static_cast<int>(acc.size()), SQLITE_TRANSIENT);
}

// The sync_log triggers stay off on this connection while rows from elsewhere go in.
struct QuietLog {
  Db& db;
  explicit QuietLog(Db& d) : db(d) { sqlite3_db_config(db.raw(), SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr); }
  ~QuietLog() { sqlite3_db_config(db.raw(), SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, nullptr); }
};

std::string str(const json& row, const char* key) {
  auto it = row.find(key);
  if (it == row.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}
int64_t num(const json& row, const char* key) {
  auto it = row.find(key);
  if (it == row.end() || !it->is_number()) return 0;
  return it->get<int64_t>();
}

// Runs a cached statement with bound values; returns how many rows it changed.
template <class... Args>
Result<int64_t> run(Db& db, std::string_view sql, const Args&... args) {
  auto st = db.cached(sql);
  if (!st) return st.error();
  (*st)->bind_all(args...);
  RAPPORT_TRY((*st)->run());
  return db.changes();
}

template <class... Args>
Result<bool> exists(Db& db, std::string_view sql, const Args&... args) {
  auto st = db.cached(sql);
  if (!st) return st.error();
  (*st)->bind_all(args...);
  auto row = (*st)->step();
  if (!row) return row.error();
  bool found = *row;
  (*st)->reset();
  return found;
}

constexpr std::string_view kHasPerson = "SELECT 1 FROM attendees WHERE id = ?";

Status apply_forgotten(Db& db, const json& rows, AppliedRows& out) {
  for (const auto& r : rows) {
    static const std::string sql = merge_rules::upsert(
        "INSERT INTO forgotten (attendee_id, email_hash, at, kiosk_id) VALUES (?1, ?2, ?3, ?4)", merge_rules::kForgotten);
    auto n = run(db, sql,
                 str(r, "attendee_id"), str(r, "email_hash"), str(r, "at"), str(r, "kiosk_id"));
    if (!n) return n.error();
    if (*n) {
      out.rows += *n;
      out.attendees.push_back(str(r, "attendee_id"));
    }
  }
  return {};
}

Status apply_attendees(Db& db, const json& rows, AppliedRows& out) {
  for (const auto& r : rows) {
    const std::string id = str(r, "id");
    const json tags = r.contains("tags") && r["tags"].is_array() ? r["tags"] : json::array();
    // The union of labels in use; two spellings of one key settle on the smaller.
    for (const auto& t : tags) {
      static const std::string sql =
          merge_rules::upsert("INSERT INTO tags (tag, label) VALUES (?1, ?2)", merge_rules::kTagLabel);
      auto n = run(db, sql, str(t, "tag"), str(t, "label"));
      if (!n) return n.error();
      out.rows += *n;
    }
    static const std::string sql = merge_rules::upsert(R"sql(
INSERT INTO attendees (id, first_name, last_name, email, company, title, status, consent,
                       suggest_opt_out, source, kiosk_id, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13))sql",
                                                       merge_rules::kAttendees);
    auto n = run(db, sql,
                 id, str(r, "first_name"), str(r, "last_name"), str(r, "email"), str(r, "company"),
                 str(r, "title"), str(r, "status"), num(r, "consent"), num(r, "suggest_opt_out"),
                 str(r, "source"), str(r, "kiosk_id"), str(r, "created_at"), str(r, "updated_at"));
    if (!n) return n.error();
    if (*n == 0) continue;
    // This version won: its tag links replace the ones the file had.
    out.rows += *n;
    out.attendees.push_back(id);
    auto d = run(db, "DELETE FROM attendee_tags WHERE attendee_id = ?", id);
    if (!d) return d.error();
    for (const auto& t : tags) {
      auto i = run(db, "INSERT OR IGNORE INTO attendee_tags (attendee_id, kind, tag) VALUES (?1, ?2, ?3)", id,
                   str(t, "kind"), str(t, "tag"));
      if (!i) return i.error();
    }
  }
  return {};
}

Status apply_codes(Db& db, const json& rows, AppliedRows& out) {
  for (const auto& r : rows) {
    const std::string who = str(r, "attendee_id");
    static const std::string sql = merge_rules::upsert(R"sql(
INSERT INTO attendee_codes (code, attendee_id, kind, revoked_at, kiosk_id, created_at)
SELECT ?1, ?2, ?3, ?4, ?5, ?6
 WHERE EXISTS (SELECT 1 FROM attendees WHERE id = ?2)
   AND NOT EXISTS (SELECT 1 FROM forgotten WHERE attendee_id = ?2))sql",
                                                       merge_rules::kCodes);
    auto st = db.cached(sql);
    if (!st) return st.error();
    (*st)->bind_all(str(r, "code"), who, str(r, "kind"));
    if (r.contains("revoked_at") && r["revoked_at"].is_string())
      (*st)->bind(4, r["revoked_at"].get<std::string>());
    else
      (*st)->bind_null(4);
    (*st)->bind(5, str(r, "kiosk_id")).bind(6, str(r, "created_at"));
    RAPPORT_TRY((*st)->run());
    out.rows += db.changes();
  }
  return {};
}

Status apply_checkins(Db& db, const json& rows, AppliedRows& out) {
  for (const auto& r : rows) {
    const std::string who = str(r, "attendee_id");
    auto had = exists(db, "SELECT 1 FROM checkins WHERE attendee_id = ?", who);
    if (!had) return had.error();
    static const std::string sql = merge_rules::upsert(R"sql(
INSERT INTO checkins (attendee_id, at, kiosk_id, method)
SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM attendees WHERE id = ?1))sql",
                                                       merge_rules::kCheckins);
    auto n = run(db, sql,
                 who, str(r, "at"), str(r, "kiosk_id"), str(r, "method"));
    if (!n) return n.error();
    out.rows += *n;
    if (*n && !*had) out.checkins.push_back(who);
    if (!*n && !*had) ++out.skipped;  // nobody by that id in this file
  }
  return {};
}

Status apply_connections(Db& db, const json& rows, AppliedRows& out) {
  for (const auto& r : rows) {
    std::string a = str(r, "a_id"), b = str(r, "b_id");
    if (!(a < b)) std::swap(a, b);
    auto had = exists(db, "SELECT 1 FROM connections WHERE a_id = ? AND b_id = ?", a, b);
    if (!had) return had.error();
    std::string kiosk = str(r, "kiosk_id");
    std::string kiosks = kiosk_list_union(str(r, "kiosks"), kiosk);
    static const std::string sql = merge_rules::upsert(R"sql(
INSERT INTO connections (a_id, b_id, at, kiosk_id, kiosks, method)
SELECT ?1, ?2, ?3, ?4, ?5, ?6
 WHERE EXISTS (SELECT 1 FROM attendees WHERE id = ?1) AND EXISTS (SELECT 1 FROM attendees WHERE id = ?2))sql",
                                                       merge_rules::kConnections);
    auto n = run(db, sql,
                 a, b, str(r, "at"), kiosk, kiosks, str(r, "method"));
    if (!n) return n.error();
    out.rows += *n;
    if (*n && !*had) out.connections.emplace_back(a, b);
    if (!*n && !*had) ++out.skipped;
  }
  return {};
}

Status apply_suggestions(Db& db, const json& rows, AppliedRows& out) {
  for (const auto& r : rows) {
    static const std::string sql = merge_rules::upsert(R"sql(
INSERT INTO suggestions_shown (id, for_id, shown_id, kind, score, at, kiosk_id)
SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7
 WHERE EXISTS (SELECT 1 FROM attendees WHERE id = ?2) AND EXISTS (SELECT 1 FROM attendees WHERE id = ?3))sql",
                                                       merge_rules::kSuggestions);
    auto st = db.cached(sql);
    if (!st) return st.error();
    double score = r.contains("score") && r["score"].is_number() ? r["score"].get<double>() : 0.0;
    (*st)->bind_all(str(r, "id"), str(r, "for_id"), str(r, "shown_id"), str(r, "kind"), score, str(r, "at"),
                    str(r, "kiosk_id"));
    RAPPORT_TRY((*st)->run());
    if (db.changes() == 0) continue;
    out.rows += db.changes();
    if (str(r, "kind") != "introduction") out.shown.push_back({str(r, "for_id"), str(r, "shown_id"), str(r, "at")});
  }
  return {};
}

Status apply_last_seen(Db& db, const json& rows, AppliedRows& out) {
  for (const auto& r : rows) {
    static const std::string sql = merge_rules::upsert(R"sql(
INSERT INTO last_seen (attendee_id, location, at, kiosk_id)
SELECT ?1, ?2, ?3, ?4
 WHERE ?2 <> '' AND EXISTS (SELECT 1 FROM attendees WHERE id = ?1 AND status <> 'forgotten'))sql",
                                                       merge_rules::kLastSeen);
    auto n = run(db, sql, str(r, "attendee_id"), str(r, "location"), str(r, "at"), str(r, "kiosk_id"));
    if (!n) return n.error();
    out.rows += *n;
  }
  return {};
}

}  // namespace

Result<Outbox> read_outbox(Db& db, int64_t after_seq, int64_t after_stamp) {
  Outbox out;
  ReadTxn txn(db);
  RAPPORT_TRY(txn.begin());
  {
    auto st = db.prepare("SELECT seq, stamp FROM sync_log ORDER BY seq DESC LIMIT 1");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    if (*row) {
      out.to_seq = st->integer(0);
      out.to_stamp = st->integer(1);
    }
  }
  out.full = after_seq <= 0 || out.to_seq < after_seq;
  if (!out.full) {
    // The entry we stopped at must still be there with the same stamp, and no organizer
    // merge ('*') may have written rows without logging them one by one.
    auto st = db.prepare(
        "SELECT (SELECT stamp FROM sync_log WHERE seq = ?1), "
        "(SELECT count(*) FROM sync_log WHERE seq > ?1 AND tbl = '*')");
    if (!st) return st.error();
    st->bind_all(after_seq);
    auto row = st->step();
    if (!row) return row.error();
    out.full = st->is_null(0) || st->integer(0) != after_stamp || st->integer(1) > 0;
  }
  if (!out.full && out.to_seq == after_seq) return out;  // nothing new
  if (!out.full) {
    RAPPORT_TRY(db.exec(
        "CREATE TEMP TABLE IF NOT EXISTS outbox (tbl TEXT, k1 TEXT, k2 TEXT, PRIMARY KEY (tbl, k1, k2)) WITHOUT ROWID;"
        "DELETE FROM temp.outbox"));
    auto st = db.prepare(
        "INSERT OR IGNORE INTO temp.outbox (tbl, k1, k2) SELECT tbl, k1, k2 FROM sync_log WHERE seq > ? AND seq <= ?");
    if (!st) return st.error();
    RAPPORT_TRY(st->bind_all(after_seq, out.to_seq).run());
  }
  auto rows = read_rows(db, out.full);
  if (!rows) return rows.error();
  out.rows = std::move(*rows);
  return out;
}

Result<int64_t> outbox_size(Db& db, int64_t after_seq) {
  auto st = db.cached("SELECT count(*) FROM (SELECT DISTINCT tbl, k1, k2 FROM sync_log WHERE seq > ?)");
  if (!st) return st.error();
  (*st)->bind_all(after_seq);
  auto row = (*st)->step();
  if (!row) return row.error();
  int64_t n = *row ? (*st)->integer(0) : 0;
  (*st)->reset();
  return n;
}

void AppliedRows::add(AppliedRows&& more) {
  rows += more.rows;
  skipped += more.skipped;
  auto append = [](auto& to, auto& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  };
  append(checkins, more.checkins);
  append(connections, more.connections);
  append(attendees, more.attendees);
  append(shown, more.shown);
}

Result<AppliedRows> apply_rows(Db& db, const RowBatch& rows) {
  AppliedRows out;
  if (rows.size() == 0) return out;
  if (sqlite3_create_function_v2(db.raw(), "rapport_kiosk_union", -1,
                                 SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr, kiosk_union_sql,
                                 nullptr, nullptr, nullptr) != SQLITE_OK)
    return make_error("cannot register the merge's SQL function: " + db.last_error());
  QuietLog quiet(db);
  try {
    // People before what points at them; tombstones first so nothing brings a forgotten
    // person back.
    RAPPORT_TRY(apply_forgotten(db, rows.forgotten, out));
    RAPPORT_TRY(apply_attendees(db, rows.attendees, out));
    RAPPORT_TRY(apply_codes(db, rows.codes, out));
    if (!rows.forgotten.empty() || !rows.attendees.empty()) {
      RAPPORT_TRY(erase_forgotten(db));
    }
    RAPPORT_TRY(apply_checkins(db, rows.checkins, out));
    RAPPORT_TRY(apply_connections(db, rows.connections, out));
    RAPPORT_TRY(apply_suggestions(db, rows.suggestions, out));
    RAPPORT_TRY(apply_last_seen(db, rows.last_seen, out));
  } catch (const json::exception& e) {
    return make_error(std::string("a row from the hub is malformed: ") + e.what());
  }
  return out;
}

}  // namespace rapport
