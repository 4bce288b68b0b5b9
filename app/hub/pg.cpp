#include "hub/pg.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>


namespace rapport::hub {

PgRows::PgRows(pg_result* r) : res_(r, PQclear) {
  rows_ = PQntuples(r);
  cols_ = PQnfields(r);
  const char* n = PQcmdTuples(r);
  affected_ = (n && *n) ? std::stoll(n) : 0;
}

std::optional<std::string> PgRows::get(int row, int col) const {
  if (!res_ || row >= rows_ || col >= cols_ || PQgetisnull(res_.get(), row, col)) return std::nullopt;
  return std::string(PQgetvalue(res_.get(), row, col), static_cast<size_t>(PQgetlength(res_.get(), row, col)));
}

int64_t PgRows::integer(int row, int col) const {
  auto v = get(row, col);
  if (!v || v->empty()) return 0;
  try {
    return std::stoll(*v);
  } catch (...) {
    return 0;
  }
}

namespace {
std::string first_line(const char* msg) {
  std::string s = msg ? msg : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  auto nl = s.find('\n');
  if (nl != std::string::npos) s = s.substr(0, nl);
  if (s.rfind("ERROR:  ", 0) == 0) s = s.substr(8);
  if (s.rfind("FATAL:  ", 0) == 0) s = s.substr(8);
  return s;
}
}  // namespace

std::string redact_url(const std::string& url) {
  // libpq's own parser reads the URL (or key=value string) as libpq will, percent-encoded
  // key names and all; only where the hub is (user, host, port, database) is shown, and
  // every other key that was given appears as key=***.
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(url.c_str(), &err);
  if (err) PQfreemem(err);
  if (!opts) return "postgresql://***";
  std::string user, host, port, db, rest;
  for (PQconninfoOption* o = opts; o->keyword; ++o) {
    if (!o->val) continue;
    std::string k = o->keyword, v = o->val;
    if (k == "user") user = v;
    else if (k == "host") host = v;
    else if (k == "port") port = v;
    else if (k == "dbname") db = v;
    else rest += (rest.empty() ? "?" : "&") + k + "=***";
  }
  PQconninfoFree(opts);
  // What is shown must not itself carry anything odd (a host written as "a@b" or "x?y").
  auto clean = [](std::string v) {
    for (char& c : v)
      if (c == '@' || c == '?' || c == '&' || c == '=' || c == ':' || c == '/' || static_cast<unsigned char>(c) < 0x20)
        c = '_';
    return v;
  };
  std::string out = "postgresql://";
  if (!user.empty()) out += clean(user) + "@";
  out += clean(host);
  if (!port.empty()) out += ":" + clean(port);
  out += "/" + clean(db);
  return out + rest;
}

Result<PgConn> PgConn::connect(const std::string& url, int connect_timeout_s) {
  // Defaults first; expand_dbname lets the URL override any of them.
  std::string timeout = std::to_string(connect_timeout_s);
  const char* keys[] = {"connect_timeout", "keepalives", "keepalives_idle", "keepalives_interval",
                        "keepalives_count", "tcp_user_timeout", "application_name", "dbname", nullptr};
  const char* values[] = {timeout.c_str(), "1", "5", "2", "3", "10000", "rapport", url.c_str(), nullptr};
  PgConn c;
  c.conn_ = std::shared_ptr<pg_conn>(PQconnectdbParams(keys, values, 1), PQfinish);
  if (!c.conn_) return make_error("out of memory while connecting to the hub");
  if (PQstatus(c.conn_.get()) != CONNECTION_OK)
    return make_error(fmt::format("cannot reach the hub ({})", first_line(PQerrorMessage(c.conn_.get()))),
                      redact_url(url));
  // The server's notices ("relation already exists, skipping") are not for people.
  PQsetNoticeProcessor(c.conn_.get(), [](void*, const char*) {}, nullptr);
  return c;
}

bool PgConn::ok() const { return conn_ && PQstatus(conn_.get()) == CONNECTION_OK; }

std::string PgConn::describe() const {
  if (!conn_) return "(not connected)";
  return fmt::format("{}@{}:{}/{}", PQuser(conn_.get()), PQhost(conn_.get()), PQport(conn_.get()),
                     PQdb(conn_.get()));
}

std::string PgConn::url_for(const std::string& user) const {
  if (!conn_) return {};
  std::string host = PQhost(conn_.get());
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return fmt::format("postgresql://{}@{}:{}/{}", user, host, PQport(conn_.get()), PQdb(conn_.get()));
}

std::string PgConn::pgpass_line(const std::string& user, const std::string& password) const {
  if (!conn_) return {};
  auto esc = [](std::string v) {
    std::string out;
    for (char c : v) {
      if (c == ':' || c == '\\') out += '\\';
      out += c;
    }
    return out;
  };
  return fmt::format("{}:{}:{}:{}:{}", esc(PQhost(conn_.get())), esc(PQport(conn_.get())), esc(PQdb(conn_.get())),
                     esc(user), esc(password));
}

Result<PgRows> PgConn::exec(const std::string& sql, const std::vector<std::optional<std::string>>& params) {
  if (!conn_) return make_error("not connected to the hub");
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  PGresult* r = PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                             nullptr, nullptr, 0);
  if (!r) return make_error(fmt::format("the hub did not answer ({})", first_line(PQerrorMessage(conn_.get()))));
  PgRows rows(r);
  auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    std::string msg = first_line(PQresultErrorMessage(r));
    if (PQstatus(conn_.get()) != CONNECTION_OK) return make_error(fmt::format("lost the hub ({})", msg));
    return make_error(fmt::format("the hub refused a statement: {}", msg));
  }
  return rows;
}

Status PgConn::run_simple(const std::string& sql) {
  if (!conn_) return make_error("not connected to the hub");
  PGresult* r = PQexec(conn_.get(), sql.c_str());
  if (!r) return make_error(fmt::format("the hub did not answer ({})", first_line(PQerrorMessage(conn_.get()))));
  PgRows rows(r);
  auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    return make_error(fmt::format("the hub refused a statement: {}", first_line(PQresultErrorMessage(r))));
  return {};
}

Status PgConn::transaction(const std::function<Status()>& body, const char* begin) {
  auto b = exec(begin);
  if (!b) return b.error();
  auto s = body();
  if (!s) {
    (void)exec("ROLLBACK");
    return s;
  }
  auto c = exec("COMMIT");
  if (!c) return c.error();
  return {};
}

}  // namespace rapport::hub
