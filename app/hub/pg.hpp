#pragma once
// A thin RAII layer over libpq: parameterised statements only (PQexecParams, values
// always sent apart from the SQL text), results as Result values in words a person can
// act on. Nothing outside app/hub sees libpq.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/util/result.hpp"

struct pg_conn;
struct pg_result;

namespace rapport::hub {

// The rows a statement returned, as text (NULL as nullopt).
class PgRows {
 public:
  PgRows() = default;
  explicit PgRows(pg_result* r);
  int rows() const { return rows_; }
  int cols() const { return cols_; }
  std::optional<std::string> get(int row, int col) const;
  std::string text(int row, int col) const { return get(row, col).value_or(""); }
  int64_t integer(int row, int col) const;
  int64_t affected() const { return affected_; }

 private:
  std::shared_ptr<pg_result> res_;
  int rows_ = 0, cols_ = 0;
  int64_t affected_ = 0;
};

class PgConn {
 public:
  // Connects to a postgresql:// URL (or key=value string). Unless the URL says
  // otherwise, gives up after `connect_timeout_s` and notices a dead peer within about
  // ten seconds, so a kiosk's sync never hangs on a venue network.
  static Result<PgConn> connect(const std::string& url, int connect_timeout_s = 3);
  PgConn() = default;
  PgConn(PgConn&&) noexcept = default;
  PgConn& operator=(PgConn&&) noexcept = default;

  // Runs one statement with text parameters ($1, $2, ...).
  Result<PgRows> exec(const std::string& sql, const std::vector<std::optional<std::string>>& params = {});
  // One statement by the simple-query protocol, outside any transaction (VACUUM).
  Status run_simple(const std::string& sql);
  // BEGIN ... COMMIT around `body`; ROLLBACK when it fails.
  Status transaction(const std::function<Status()>& body, const char* begin = "BEGIN");
  bool ok() const;
  // Who and where, without the password: "rapport@127.0.0.1:5432/rapport".
  std::string describe() const;
  // This server and database as a URL for another user, without any password:
  // "postgresql://USER@HOST:PORT/DBNAME".
  std::string url_for(const std::string& user) const;
  // The ~/.pgpass line (HOST:PORT:DBNAME:USER:PASSWORD) for this server and database.
  std::string pgpass_line(const std::string& user, const std::string& password) const;

 private:
  std::shared_ptr<pg_conn> conn_;
};

// A URL as shown to people: user, host, port and database, every other key as key=***.
std::string redact_url(const std::string& url);

}  // namespace rapport::hub
