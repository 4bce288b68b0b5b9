#include "core/store/sqlite.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

namespace rapport {

std::string describe_sqlite_error(int code, const std::string& detail) {
  switch (code & 0xFF) {
    case SQLITE_FULL:
      return "storage full: the disk has no room left (" + detail + ")";
    case SQLITE_IOERR:
      return "storage error: the disk could not be written (" + detail + ")";
    case SQLITE_READONLY:
      return "the database file is read-only (" + detail + ")";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "the database is in use by another program (" + detail + ")";
    case SQLITE_NOTADB:
      return "this file is not a Rapport database";
    case SQLITE_CORRUPT:
      return "the database file is damaged (" + detail + ")";
    case SQLITE_CANTOPEN:
      return "the database file cannot be opened (" + detail + ")";
    default:
      return detail;
  }
}

Result<bool> Stmt::step() {
  int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3* db = sqlite3_db_handle(s_);
  int ext = sqlite3_extended_errcode(db);
  std::string msg = describe_sqlite_error(ext, sqlite3_errmsg(db));
  sqlite3_reset(s_);
  return make_error(msg);
}

Status Stmt::run() {
  auto r = step();
  reset();
  if (!r) return r.error();
  return {};
}

Result<Db> Db::open(const std::string& path, Mode mode) {
  int flags = SQLITE_OPEN_NOMUTEX;
  switch (mode) {
    case Mode::read_only: flags |= SQLITE_OPEN_READONLY; break;
    case Mode::read_write: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
  }
  if (mode == Mode::create && path != ":memory:" && path.rfind("file:", 0) != 0) {
    // Event files hold emails: readable by their owner only, whatever the umask. SQLite
    // gives the -wal and -shm files the database file's mode.
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) ::close(fd);
  }
  sqlite3* h = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &h, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = h ? sqlite3_errmsg(h) : "out of memory";
    sqlite3_close_v2(h);
    if (rc == SQLITE_CANTOPEN)
      return make_error(mode == Mode::create ? "cannot create the database file"
                                             : "cannot open the database file (does it exist?)",
                        path);
    return make_error(describe_sqlite_error(rc, msg), path);
  }
  sqlite3_extended_result_codes(h, 1);
  // Before the first read: the last process to close a WAL file holds it exclusively for
  // a moment (checkpoint), and an opener that does not wait fails with SQLITE_BUSY.
  sqlite3_busy_timeout(h, kBusyTimeoutMs);
  Db db;
  db.h_ = h;
  db.path_ = path;
  return db;
}

Db::Db(Db&& o) noexcept
    : h_(std::exchange(o.h_, nullptr)), path_(std::move(o.path_)), cache_(std::move(o.cache_)) {}

Db& Db::operator=(Db&& o) noexcept {
  if (this != &o) {
    cache_.clear();
    if (h_) sqlite3_close_v2(h_);
    h_ = std::exchange(o.h_, nullptr);
    path_ = std::move(o.path_);
    cache_ = std::move(o.cache_);
  }
  return *this;
}

Db::~Db() {
  cache_.clear();
  if (h_) sqlite3_close_v2(h_);
}

Status Db::exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(h_, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(h_);
    sqlite3_free(err);
    return make_error(describe_sqlite_error(sqlite3_extended_errcode(h_), msg));
  }
  return {};
}

Result<Stmt> Db::prepare(std::string_view sql) {
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v3(h_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &s, nullptr);
  if (rc != SQLITE_OK)
    return make_error(describe_sqlite_error(sqlite3_extended_errcode(h_), sqlite3_errmsg(h_)));
  return Stmt(s);
}

void Db::reset_cached() {
  for (auto& [sql, st] : cache_) st->reset();
}

Result<Stmt*> Db::cached(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) {
    it->second->reset();
    return it->second.get();
  }
  auto st = prepare(sql);
  if (!st) return st.error();
  auto owned = std::make_unique<Stmt>(std::move(st.value()));
  Stmt* p = owned.get();
  cache_.emplace(std::string(sql), std::move(owned));
  return p;
}

Status Db::write(const std::function<Status()>& body) {
  // A cached query stepped once and not reset still holds its read snapshot. BEGIN
  // IMMEDIATE on top of an old snapshot fails at once with SQLITE_BUSY_SNAPSHOT (no busy
  // wait) when another connection committed meanwhile - the kiosk's hub sync thread does
  // that every second. Outside a transaction no caller is still reading them: let go.
  if (sqlite3_get_autocommit(h_))
    for (auto& [sql, st] : cache_)
      if (sqlite3_stmt_busy(st->raw())) sqlite3_reset(st->raw());
  RAPPORT_TRY(exec("BEGIN IMMEDIATE"));
  Status s = body();
  if (s) {
    s = exec("COMMIT");
    if (s) return s;
  }
  if (!sqlite3_get_autocommit(h_)) (void)exec("ROLLBACK");
  return s;
}

Result<int64_t> Db::scalar_int(std::string_view sql) {
  auto st = prepare(sql);
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  if (!*row) return make_error("query returned no row");
  return st->integer(0);
}

Result<bool> Db::quick_check(const std::string& schema) {
  auto st = prepare("PRAGMA " + schema + ".quick_check(1)");
  if (!st) return st.error();
  auto row = st->step();
  return row && *row && st->text(0) == "ok";
}

BulkWrite::BulkWrite(Db& db, bool skip_checks) : db_(db) {
  if (auto c = db_.scalar_int("PRAGMA main.cache_size")) cache_size_ = *c;
  (void)db_.exec("PRAGMA main.cache_size = -262144");
  if (skip_checks) checks_off_ = db_.exec("PRAGMA ignore_check_constraints = ON").ok();
}

BulkWrite::~BulkWrite() {
  (void)db_.exec("PRAGMA main.cache_size = " + std::to_string(cache_size_));
  if (checks_off_) (void)db_.exec("PRAGMA ignore_check_constraints = OFF");
}

}  // namespace rapport
