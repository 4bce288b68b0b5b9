#include "core/sync/merge.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>

#include "core/store/schema.hpp"
#include "core/sync/forget.hpp"
#include "core/sync/kiosk_list.hpp"
#include "core/sync/merge_rules.hpp"

namespace rapport {

namespace fs = std::filesystem;

namespace {

// A path as an SQLite URI, so the source can be attached read-only: a merge never takes
// a kiosk's write lock and never changes a kiosk's file.
std::string read_only_uri(const std::string& path) {
  std::string abs = fs::absolute(path).lexically_normal().string();
  std::string out = "file:";
  for (unsigned char ch : abs) {
    if (ch == '%' || ch == '?' || ch == '#' || ch < 0x20)
      out += fmt::format("%{:02X}", ch);
    else
      out += static_cast<char>(ch);
  }
  return out + "?mode=ro";
}

void kiosk_union_sql(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  std::string acc;
  for (int i = 0; i < argc; ++i) {
    auto p = reinterpret_cast<const char*>(sqlite3_value_text(argv[i]));
    acc = kiosk_list_union(acc, p ? p : "");
  }
  sqlite3_result_text(ctx, acc.c_str(), static_cast<int>(acc.size()), SQLITE_TRANSIENT);
}

// Detaches every attached source however the merge ends.
struct Attached {
  Db& db;
  std::vector<std::string> aliases;
  ~Attached() {
    for (const auto& a : aliases) (void)db.exec("DETACH DATABASE " + a);
  }
};

Result<int64_t> run_counted(Db& db, const std::string& sql, int64_t bind_lo = -1, int64_t bind_hi = -1) {
  auto st = db.prepare(sql);
  if (!st) return make_error(st.error().message);
  if (bind_lo >= 0) st->bind_all(bind_lo, bind_hi);
  RAPPORT_TRY(st->run());
  return db.changes();
}

// One source file during a merge: where it is attached and what to read from it.
struct Source {
  int index = 0;
  std::string alias, path, kiosk, created, name;
  bool full = true;
  int64_t cursor = 0, top = 0, top_stamp = 0;
};

// The rows of `table` (alias s) this merge reads from a source: all of them, or those
// whose keys its sync_log lists since the cursor (collected in temp.changed).
std::string rows_of(const Source& src, const std::string& table) {
  if (src.full) return fmt::format("{}.{} s", src.alias, table);
  if (table == "connections")
    return fmt::format("temp.changed k JOIN {}.connections s ON k.src = {} AND k.tbl = 'connections' "
                       "AND s.a_id = k.k1 AND s.b_id = k.k2",
                       src.alias, src.index);
  std::string key = table == "attendees" ? "id" : table == "attendee_codes" ? "code"
                  : table == "suggestions_shown" ? "id" : "attendee_id";
  return fmt::format("temp.changed k JOIN {}.{} s ON k.src = {} AND k.tbl = '{}' AND s.{} = k.k1", src.alias, table,
                     src.index, table, key);
}

// Who the source is, how far we got last time, and which keys changed since.
Status prepare_source(Db& db, Source& src, SourceReport& rep) {
  auto ev = db.prepare(fmt::format("SELECT kiosk_id, created_at, name FROM {}.event WHERE id = 1", src.alias));
  if (!ev) return ev.error();
  auto row = ev->step();
  if (!row) return row.error();
  if (!*row) return make_error("this file has no event row; it was not made by 'rapport init'", src.path);
  src.kiosk = ev->text(0);
  src.created = ev->text(1);
  src.name = ev->text(2);
  ev = Stmt();
  rep.kiosk_id = src.kiosk;

  auto has_log = db.scalar_int(fmt::format(
      "SELECT count(*) FROM {}.sqlite_master WHERE type = 'table' AND name = 'sync_log'", src.alias));
  if (!has_log) return has_log.error();
  int64_t cursor_stamp = 0;
  {
    auto st = db.prepare("SELECT last_seq, last_stamp FROM sync_sources WHERE kiosk_id = ? AND created_at = ?");
    if (!st) return st.error();
    st->bind_all(src.kiosk, src.created);
    auto r = st->step();
    if (!r) return r.error();
    if (*r) {
      src.cursor = st->integer(0);
      cursor_stamp = st->integer(1);
    }
  }
  bool same_history = false;
  if (*has_log) {
    auto st = db.prepare(fmt::format(
        "SELECT seq, stamp FROM {0}.sync_log WHERE seq = (SELECT max(seq) FROM {0}.sync_log) "
        "UNION ALL SELECT -1, stamp FROM {0}.sync_log WHERE seq = ?", src.alias));
    if (!st) return st.error();
    st->bind_all(src.cursor);
    while (true) {
      auto r = st->step();
      if (!r) return r.error();
      if (!*r) break;
      if (st->integer(0) >= 0) {
        src.top = st->integer(0);
        src.top_stamp = st->integer(1);
      } else {
        same_history = st->integer(1) == cursor_stamp;
      }
    }
  }
  // The entry we stopped at must still be there with the same stamp; otherwise the file
  // was restored from an older copy and its numbers were reused: read it all.
  src.full = !*has_log || src.cursor == 0 || src.top < src.cursor || !same_history;
  if (!src.full) {
    // An organizer file used as a source marks its merges with one '*' entry.
    auto st = db.prepare(fmt::format(
        "SELECT count(*) FROM {}.sync_log WHERE seq > ? AND seq <= ? AND tbl = '*'", src.alias));
    if (!st) return st.error();
    st->bind_all(src.cursor, src.top);
    auto r = st->step();
    if (!r) return r.error();
    if (*r && st->integer(0) > 0) src.full = true;
  }
  rep.full_scan = src.full;
  rep.from_seq = src.full ? 0 : src.cursor;
  rep.to_seq = src.top;
  if (!src.full) {
    auto st = db.prepare(fmt::format(
        "INSERT OR IGNORE INTO temp.changed (src, tbl, k1, k2) SELECT ?, tbl, k1, k2 FROM {}.sync_log "
        "WHERE seq > ? AND seq <= ?", src.alias));
    if (!st) return st.error();
    RAPPORT_TRY(st->bind_all(src.index, src.cursor, src.top).run());
  }
  return {};
}

// 1. Tombstones first, so nothing below can bring a forgotten person back.
Status merge_forgotten(Db& db, const Source& src, SourceReport& rep) {
  auto n = run_counted(db, fmt::format(R"sql(
INSERT INTO forgotten (attendee_id, email_hash, at, kiosk_id)
SELECT s.attendee_id, s.email_hash, s.at, s.kiosk_id FROM {0}.forgotten s WHERE true{1})sql", src.alias, merge_rules::kForgotten));
  if (!n) return n.error();
  rep.forgotten += *n;
  // 2. Tag labels in use at the source; two spellings of one key settle on the smaller.
  n = run_counted(db, fmt::format(R"sql(
INSERT INTO tags (tag, label)
SELECT s.tag, s.label FROM {0}.tags s
 WHERE EXISTS (SELECT 1 FROM {0}.attendee_tags x WHERE x.tag = s.tag){1})sql", src.alias,
                           merge_rules::kTagLabel));
  if (!n) return n.error();
  rep.tags += *n;
  return {};
}

// 3. Attendees: the newest version wins, whole (updated_at, then kiosk id). temp.best
//    already names, per changed id, the source holding the newest version, so each
//    person is written (and their tags copied) once however many kiosks know them.
Status pick_newest_attendees(Db& db, const Source& src) {
  return run_counted(db, fmt::format(R"sql(
INSERT INTO temp.best (id, updated_at, kiosk_id, src)
SELECT s.id, s.updated_at, s.kiosk_id, {1} FROM {0} WHERE true
ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, kiosk_id = excluded.kiosk_id, src = excluded.src
WHERE (excluded.updated_at, excluded.kiosk_id) > (best.updated_at, best.kiosk_id)
)sql", rows_of(src, "attendees"), src.index)).ok() ? Status{} : make_error("could not compare attendee versions");
}

Status merge_attendees(Db& db, const Source& src, SourceReport& rep) {
  std::string newest = fmt::format("{} JOIN temp.best b ON b.id = s.id AND b.src = {}", rows_of(src, "attendees"), src.index);
  auto n = run_counted(db, fmt::format(R"sql(
INSERT INTO attendees (id, first_name, last_name, email, company, title, status, consent,
                       suggest_opt_out, source, kiosk_id, created_at, updated_at)
SELECT s.id, s.first_name, s.last_name, s.email, s.company, s.title, s.status, s.consent,
       s.suggest_opt_out, s.source, s.kiosk_id, s.created_at, s.updated_at
  FROM {0} WHERE true{1})sql", newest, merge_rules::kAttendees));
  if (!n) return n.error();
  rep.attendees += *n;

  // 4. Tag links follow the version that won: for every attendee whose organizer row is
  //    now this source's row, make the links equal to the source's.
  RAPPORT_TRY(db.exec("DELETE FROM temp.won"));
  RAPPORT_TRY(run_counted(db, fmt::format(R"sql(
INSERT OR IGNORE INTO temp.won (id)
SELECT s.id FROM {0} JOIN attendees m ON m.id = s.id
 WHERE m.updated_at = s.updated_at AND m.kiosk_id = s.kiosk_id AND m.status <> 'forgotten'
)sql", newest)));
  n = run_counted(db, fmt::format(R"sql(
DELETE FROM attendee_tags
 WHERE attendee_id IN (SELECT id FROM temp.won)
   AND NOT EXISTS (SELECT 1 FROM {0}.attendee_tags x WHERE x.attendee_id = attendee_tags.attendee_id
                      AND x.kind = attendee_tags.kind AND x.tag = attendee_tags.tag)
)sql", src.alias));
  if (!n) return n.error();
  rep.tags += *n;
  n = run_counted(db, fmt::format(R"sql(
INSERT INTO attendee_tags (attendee_id, kind, tag)
SELECT x.attendee_id, x.kind, x.tag FROM temp.won w JOIN {0}.attendee_tags x ON x.attendee_id = w.id
 WHERE true ON CONFLICT DO NOTHING
)sql", src.alias));
  if (!n) return n.error();
  rep.tags += *n;
  return {};
}

// 5. Codes: the first issued owns the code; a revocation anywhere sticks (earliest).
Status merge_codes(Db& db, const Source& src, SourceReport& rep) {
  auto n = run_counted(db, fmt::format(R"sql(
INSERT INTO attendee_codes (code, attendee_id, kind, revoked_at, kiosk_id, created_at)
SELECT s.code, s.attendee_id, s.kind, s.revoked_at, s.kiosk_id, s.created_at FROM {0}
 WHERE s.attendee_id NOT IN (SELECT attendee_id FROM forgotten){1})sql", rows_of(src, "attendee_codes"), merge_rules::kCodes));
  if (!n) return n.error();
  rep.codes += *n;
  return {};
}

Status merge_activity(Db& db, const Source& src, SourceReport& rep) {
  // 7. Check-ins: one per person, the earliest wins (then kiosk id, then method).
  auto n = run_counted(db, fmt::format(R"sql(
INSERT INTO checkins (attendee_id, at, kiosk_id, method)
SELECT s.attendee_id, s.at, s.kiosk_id, s.method FROM {0} WHERE true{1})sql", rows_of(src, "checkins"), merge_rules::kCheckins));
  if (!n) return n.error();
  rep.checkins += *n;

  // 7b. Where people were last seen: the newest sighting wins. A file from before
  // schema 5 has no such table.
  auto has_seen = db.scalar_int(fmt::format(
      "SELECT count(*) FROM {}.sqlite_master WHERE type = 'table' AND name = 'last_seen'", src.alias));
  if (!has_seen) return has_seen.error();
  if (*has_seen) {
    n = run_counted(db, fmt::format(R"sql(
INSERT INTO last_seen (attendee_id, location, at, kiosk_id)
SELECT s.attendee_id, s.location, s.at, s.kiosk_id FROM {0}
 WHERE s.attendee_id IN (SELECT id FROM attendees WHERE status <> 'forgotten'){1})sql", rows_of(src, "last_seen"),
                                    merge_rules::kLastSeen));
    if (!n) return n.error();
    rep.last_seen += *n;
  }

  // 8. Connections: one per pair, the earliest sighting wins, every kiosk is listed.
  n = run_counted(db, fmt::format(R"sql(
INSERT INTO connections (a_id, b_id, at, kiosk_id, kiosks, method)
SELECT s.a_id, s.b_id, s.at, s.kiosk_id,
       CASE WHEN s.kiosks = s.kiosk_id THEN s.kiosks ELSE rapport_kiosk_union(s.kiosks, s.kiosk_id) END,
       s.method
  FROM {0} WHERE true{1})sql", rows_of(src, "connections"), merge_rules::kConnections));
  if (!n) return n.error();
  rep.connections += *n;

  // 9. Suggestions shown: each has its own uuid; keep every one once.
  n = run_counted(db, fmt::format(R"sql(
INSERT INTO suggestions_shown (id, for_id, shown_id, kind, score, at, kiosk_id)
SELECT s.id, s.for_id, s.shown_id, s.kind, s.score, s.at, s.kiosk_id FROM {0} WHERE true{1})sql", rows_of(src, "suggestions_shown"),
                                           merge_rules::kSuggestions));
  if (!n) return n.error();
  rep.suggestions += *n;
  return {};
}

// 10. Remember how far we got.
Status remember_cursor(Store& org, const Source& src, const SourceReport& rep) {
  auto cur = org.db().prepare(R"sql(
INSERT INTO sync_sources (kiosk_id, created_at, event_name, last_seq, last_stamp, path, merged_at, rows_merged)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT (kiosk_id, created_at) DO UPDATE SET
  last_seq = excluded.last_seq, last_stamp = excluded.last_stamp, path = excluded.path, event_name = excluded.event_name,
  merged_at = CASE WHEN excluded.rows_merged > 0 THEN excluded.merged_at ELSE sync_sources.merged_at END,
  rows_merged = sync_sources.rows_merged + excluded.rows_merged
)sql");
  if (!cur) return cur.error();
  return cur->bind_all(src.kiosk, src.created, src.name, src.top, src.top_stamp,
                       fs::absolute(src.path).lexically_normal().string(), org.now_iso(), rep.total())
      .run();
}

}  // namespace

Result<EventInfo> inspect_source(const std::string& path) {
  auto s = Store::open(path, OpenOptions{true});
  if (!s) {
    Error e = s.error();
    if (e.where.empty()) e.where = path;
    return e;
  }
  return s->event();
}

Status check_organizer_target(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    auto dir = fs::path(path).parent_path();
    if (!dir.empty() && !fs::is_directory(dir, ec))
      return make_error("the folder for the organizer file is not there", path);
    return {};
  }
  if (access(path.c_str(), W_OK) != 0)
    return make_error("the organizer file is read-only; check its permissions or the disk", path);
  auto s = Store::open(path, OpenOptions{true});
  if (!s) return s.error().where.empty() ? make_error(s.error().message, path) : s.error();
  if (s->event().role != "organizer")
    return make_error("this is a kiosk's own file, not an organizer file; merge into a new file instead", path);
  return {};
}

Result<Store> open_or_create_organizer(const std::string& path, const EventInfo& event, bool* created,
                                       Clock clock) {
  std::error_code ec;
  if (created) *created = false;
  if (!fs::exists(path, ec)) {
    auto dir = fs::path(path).parent_path();
    if (!dir.empty() && !fs::is_directory(dir, ec))
      return make_error("the folder for the organizer file is not there (was a USB stick removed?)", path);
    EventInfo info{event.name, event.date, "organizer", "organizer"};
    auto s = Store::create(path, info, std::move(clock));
    if (!s) return s.error();
    if (created) *created = true;
    return s;
  }
  auto s = Store::open(path, OpenOptions{}, std::move(clock));
  if (!s) return s.error();
  if (s->event().role != "organizer")
    return make_error("this is a kiosk's own file, not an organizer file; merge into a new file instead", path);
  return s;
}

// SQLite says only that some page it read was bad; a merge reads the organizer file and
// its sources, so the report names the one that really is damaged.
bool damaged(Db& db, const std::string& schema) {
  auto ok = db.quick_check(schema);
  return !ok || !*ok;
}

Error blame_damage(Db& db, const Error& e, const std::vector<std::string>& aliases,
                   const std::vector<std::string>& paths) {
  if (e.message.find("damaged") == std::string::npos) return e;
  if (damaged(db, "main"))
    return make_error("the organizer file is damaged; restore a copy, or merge the kiosk files into a new "
                      "organizer file (nothing was changed)",
                      db.path());
  for (size_t i = 0; i < aliases.size(); ++i)
    if (damaged(db, aliases[i]))
      return make_error("this kiosk file is damaged; merge a copy from the kiosk's backup (nothing was changed)",
                        paths[i]);
  return e;
}

// Merges up to kMaxSourcesPerMerge files (all attached at once) in one transaction,
// table by table across them, and appends what each brought to `report`.
Status merge_group(Store& organizer, const std::vector<std::string>& paths, MergeReport& report) {
  Db& db = organizer.db();
  RAPPORT_TRY(db.exec(
      "CREATE TEMP TABLE IF NOT EXISTS changed (src INTEGER, tbl TEXT, k1 TEXT, k2 TEXT, "
      "PRIMARY KEY (src, tbl, k1, k2)) WITHOUT ROWID;"
      "CREATE TEMP TABLE IF NOT EXISTS best (id TEXT PRIMARY KEY, updated_at TEXT, kiosk_id TEXT, src INTEGER) WITHOUT ROWID;"
      "CREATE TEMP TABLE IF NOT EXISTS won (id TEXT PRIMARY KEY) WITHOUT ROWID;"
      "DELETE FROM temp.changed; DELETE FROM temp.best; DELETE FROM temp.won;"));
  Attached attached{db, {}};
  for (size_t i = 0; i < paths.size(); ++i) {
    std::string alias = fmt::format("src{}", i);
    auto st = db.prepare("ATTACH DATABASE ? AS " + alias);
    if (!st) return st.error();
    st->bind_all(read_only_uri(paths[i]));
    auto r = st->run();
    if (!r) return make_error(r.error().message, paths[i]);
    attached.aliases.push_back(alias);
  }

  std::vector<Source> srcs(paths.size());
  std::vector<SourceReport> reports(paths.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    srcs[i].index = static_cast<int>(i);
    srcs[i].alias = attached.aliases[i];
    srcs[i].path = paths[i];
    reports[i].path = paths[i];
  }
  // Table by table across all sources (people before what points at them), so that a
  // check-in at one kiosk may name a person whose newest details come from another.
  using Step = std::function<Status(Source&, SourceReport&)>;
  const std::vector<Step> steps = {
      [&](Source& s, SourceReport& r) { return prepare_source(db, s, r); },
      [&](Source& s, SourceReport& r) { return merge_forgotten(db, s, r); },
      [&](Source& s, SourceReport&) { return pick_newest_attendees(db, s); },
      [&](Source& s, SourceReport& r) { return merge_attendees(db, s, r); },
      [&](Source& s, SourceReport& r) { return merge_codes(db, s, r); },
      [&](Source& s, SourceReport&) {
        // 6. Erase whatever the tombstones cover (a person forgotten at any kiosk), once.
        return s.index == 0 ? erase_forgotten(db) : Status{};
      },
      [&](Source& s, SourceReport& r) { return merge_activity(db, s, r); },
      [&](Source& s, SourceReport& r) { return remember_cursor(organizer, s, r); },
  };
  auto s = db.write([&]() -> Status {
    for (const auto& step : steps)
      for (size_t i = 0; i < srcs.size(); ++i) {
        auto r = step(srcs[i], reports[i]);
        if (!r) return r.error().where.empty() ? make_error(r.error().message, paths[i]) : r.error();
      }
    int64_t total = 0;
    for (const auto& r : reports) total += r.total();
    if (total == 0) return {};
    return db.exec("INSERT INTO sync_log (tbl, k1, stamp) VALUES ('*', '', random())");
  });
  if (!s) return blame_damage(db, s.error(), attached.aliases, paths);
  report.sources.insert(report.sources.end(), reports.begin(), reports.end());
  return {};
}

Result<MergeReport> merge_into(Store& organizer, const std::vector<std::string>& sources) {
  if (organizer.event().role != "organizer")
    return make_error("merging needs an organizer file, not a kiosk's own file", organizer.db().path());
  MergeReport report;
  Db& db = organizer.db();
  std::error_code ec;
  auto self = fs::weakly_canonical(db.path(), ec);
  std::vector<std::string> paths;
  std::set<std::string> seen;
  for (const auto& p : sources) {
    auto canon = fs::weakly_canonical(p, ec).string();
    if (ec) canon = p;
    if (fs::path(canon) == self) return make_error("cannot merge the organizer file into itself", p);
    if (!seen.insert(canon).second) continue;
    auto info = inspect_source(p);
    if (!info) return info.error();
    paths.push_back(p);
  }

  // A big merge touches most pages of the organizer file; the bigger cache keeps it in
  // memory (the laptop that merges has the room). CHECKs stay on: rows come from files.
  BulkWrite bulk(db);
  RAPPORT_TRY(db.exec("PRAGMA temp_store = MEMORY"));

  if (sqlite3_create_function_v2(db.raw(), "rapport_kiosk_union", -1,
                                 SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                 kiosk_union_sql, nullptr, nullptr, nullptr) != SQLITE_OK)
    return make_error("cannot register the merge's SQL function: " + db.last_error());

  // The organizer file's own sync log is not written row by row during a merge (half a
  // million log rows would cost a second and tens of megabytes); one '*' entry at the end
  // tells anyone who reads this file as a source to read it in full.
  struct Triggers {
    Db& db;
    explicit Triggers(Db& d) : db(d) { sqlite3_db_config(db.raw(), SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr); }
    ~Triggers() { sqlite3_db_config(db.raw(), SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, nullptr); }
  } quiet_log{db};
  // SQLite attaches at most ten files at once: more are merged ten at a time, each group
  // in its own transaction (the rules pick by value, so groups in a row give the same file
  // as one big merge; a failure leaves the groups before it merged, and re-running
  // finishes the job).
  for (size_t first = 0; first < paths.size(); first += kMaxSourcesPerMerge) {
    auto last = std::min(paths.size(), first + kMaxSourcesPerMerge);
    std::vector<std::string> group(paths.begin() + static_cast<std::ptrdiff_t>(first),
                                   paths.begin() + static_cast<std::ptrdiff_t>(last));
    RAPPORT_TRY(merge_group(organizer, group, report));
  }
  return report;
}

Result<MergeReport> merge_files(const std::string& organizer_path, const std::vector<std::string>& sources,
                                Clock clock) {
  if (sources.empty()) return make_error("name at least one kiosk file to merge");
  std::vector<EventInfo> infos;
  for (const auto& p : sources) {
    auto info = inspect_source(p);
    if (!info) return info.error();
    infos.push_back(*info);
  }
  bool created = false;
  auto org = open_or_create_organizer(organizer_path, infos.front(), &created, std::move(clock));
  if (!org) return org.error();
  auto r = merge_into(*org, sources);
  if (!r && created) {
    // A file this run created and could not fill is not left behind half-made.
    *org = Store();
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(organizer_path + suffix, ec);
  }
  if (r) r->created = created;
  return r;
}

}  // namespace rapport
