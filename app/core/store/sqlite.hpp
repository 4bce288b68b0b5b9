#pragma once
// A thin RAII layer over the SQLite C API: prepared statements only, values always bound,
// errors as Result values with SQLite's own words kept for the log.
#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/util/result.hpp"

namespace rapport {

class Stmt {
 public:
  Stmt() = default;
  explicit Stmt(sqlite3_stmt* s) : s_(s) {}
  Stmt(Stmt&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
  Stmt& operator=(Stmt&& o) noexcept {
    if (this != &o) {
      finalize();
      s_ = std::exchange(o.s_, nullptr);
    }
    return *this;
  }
  ~Stmt() { finalize(); }

  Stmt& bind(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, bool v) { return bind(i, static_cast<int64_t>(v ? 1 : 0)); }
  Stmt& bind(int i, double v) {
    sqlite3_bind_double(s_, i, v);
    return *this;
  }
  Stmt& bind_null(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  Stmt& bind(int i, const std::optional<std::string>& v) {
    return v ? bind(i, *v) : bind_null(i);
  }
  template <class... Args>
  Stmt& bind_all(const Args&... args) {
    int i = 1;
    (bind(i++, args), ...);
    return *this;
  }

  // One step: true when a row is ready, false when done; an error otherwise.
  Result<bool> step();
  // Runs to completion and resets, for INSERT/UPDATE/DELETE.
  Status run();
  void reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }

  std::string text(int col) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(s_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(s_, col))) : std::string();
  }
  std::optional<std::string> opt_text(int col) const {
    if (sqlite3_column_type(s_, col) == SQLITE_NULL) return std::nullopt;
    return text(col);
  }
  int64_t integer(int col) const { return sqlite3_column_int64(s_, col); }
  double real(int col) const { return sqlite3_column_double(s_, col); }
  bool is_null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  sqlite3_stmt* raw() const { return s_; }

 private:
  void finalize() {
    if (s_) sqlite3_finalize(s_);
    s_ = nullptr;
  }
  sqlite3_stmt* s_ = nullptr;
};

// How long a statement waits for another process's lock before reporting the file busy.
inline constexpr int kBusyTimeoutMs = 5000;

class Db {
 public:
  enum class Mode { read_write, read_only, create };

  static Result<Db> open(const std::string& path, Mode mode);
  Db() = default;
  Db(Db&&) noexcept;
  Db& operator=(Db&&) noexcept;
  ~Db();

  Status exec(const std::string& sql);
  Result<Stmt> prepare(std::string_view sql);
  // A statement prepared once and kept for the life of the connection; reset on return.
  Result<Stmt*> cached(std::string_view sql);
  // Resets every cached statement. A cached statement left on a row keeps its read
  // transaction open: a long-lived connection (the kiosk's desk) would then never see
  // rows other processes add (a re-import) and would hold back WAL checkpoints all day.
  void reset_cached();

  // Runs `body` inside BEGIN IMMEDIATE ... COMMIT. The write counts as done only when
  // COMMIT returned OK; on any error everything is rolled back.
  Status write(const std::function<Status()>& body);

  Result<int64_t> scalar_int(std::string_view sql);
  // PRAGMA quick_check of one attached schema ("main", an ATTACH alias): true when "ok".
  Result<bool> quick_check(const std::string& schema = "main");
  // Runs a query with bound values and calls `row(const Stmt&)` for each result row.
  template <class F, class... Args>
  Status each_row(std::string_view sql, F&& row, const Args&... args) {
    auto st = prepare(sql);
    if (!st) return st.error();
    st->bind_all(args...);
    while (true) {
      auto r = st->step();
      if (!r) return r.error();
      if (!*r) return {};
      row(static_cast<const Stmt&>(*st));
    }
  }
  // The first column of the first row of a cached query with bound values, if any row.
  template <class... Args>
  Result<std::optional<std::string>> text_of(std::string_view sql, const Args&... args) {
    auto st = cached(sql);
    if (!st) return st.error();
    (*st)->bind_all(args...);
    auto row = (*st)->step();
    if (!row) return row.error();
    if (!*row) return std::optional<std::string>();
    std::optional<std::string> value((*st)->text(0));
    (*st)->reset();  // release the read snapshot now, not at the next use (see Db::write)
    return value;
  }
  int64_t changes() const { return sqlite3_changes64(h_); }
  std::string last_error() const { return h_ ? sqlite3_errmsg(h_) : "no database"; }
  int last_error_code() const { return h_ ? sqlite3_extended_errcode(h_) : SQLITE_MISUSE; }
  sqlite3* raw() const { return h_; }
  const std::string& path() const { return path_; }

 private:
  sqlite3* h_ = nullptr;
  std::string path_;
  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::unique_ptr<Stmt>, SqlHash, std::equal_to<>> cache_;
};

// Settings for one big write (a roster import, a merge), put back when it ends: a page
// cache that holds the working set instead of spilling it to the WAL again and again, and
// optionally no CHECK constraints. SQLite rebuilds a CHECK's IN list for every row it
// writes (a third of a 100,000-row import); skip them only when every checked value comes
// from this program's own enums, never from the input.
class BulkWrite {
 public:
  explicit BulkWrite(Db& db, bool skip_checks = false);
  ~BulkWrite();
  BulkWrite(const BulkWrite&) = delete;
  BulkWrite& operator=(const BulkWrite&) = delete;

 private:
  Db& db_;
  int64_t cache_size_ = -2000;
  bool checks_off_ = false;
};

// A message for a person, from an SQLite result code ("the disk is full", ...).
std::string describe_sqlite_error(int code, const std::string& detail);

}  // namespace rapport
