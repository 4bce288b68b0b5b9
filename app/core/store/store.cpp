#include "core/store/store.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/store/schema.hpp"
#include "core/util/random.hpp"
#include "core/util/text.hpp"

namespace rapport {

namespace fs = std::filesystem;

std::string default_kiosk_id() {
  char host[256] = {0};
  if (gethostname(host, sizeof host - 1) != 0 || !*host) std::strcpy(host, "kiosk");
  return fmt::format("{}-{}", host, ascii_lower(random_base32(3)));
}

namespace {
// Reads the first bytes ourselves so that a file that is not SQLite is never handed to
// SQLite (which could otherwise create a journal beside it).
Status check_header(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("cannot read the database file", path);
  char head[16] = {0};
  in.read(head, sizeof head);
  auto n = in.gcount();
  if (n == 0) return make_error("this file is empty, not a Rapport database", path);
  if (n < 16 || std::memcmp(head, "SQLite format 3", 16) != 0)
    return make_error("this file is not a Rapport database", path);
  return {};
}
}  // namespace

namespace {
// rapport_tag_key(label): tag_key in SQL, for migrations that re-key stored tags.
void sql_tag_key(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  std::string key = tag_key(text ? text : "");
  sqlite3_result_text(ctx, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
}
}  // namespace

Status Store::configure(bool read_only) {
  if (sqlite3_create_function_v2(db_.raw(), "rapport_tag_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                 nullptr, sql_tag_key, nullptr, nullptr, nullptr) != SQLITE_OK)
    return make_error("cannot register rapport_tag_key: " + db_.last_error());
  RAPPORT_TRY(db_.exec("PRAGMA foreign_keys = ON"));
  // 32 MiB of page cache: a 100,000-person roster's indexes stay in memory.
  RAPPORT_TRY(db_.exec("PRAGMA cache_size = -32768"));
  if (!read_only) {
    RAPPORT_TRY(db_.exec("PRAGMA journal_mode = WAL"));
    RAPPORT_TRY(db_.exec("PRAGMA synchronous = FULL"));
  }
  return {};
}

Status Store::migrate() {
  auto version = db_.scalar_int("PRAGMA user_version");
  if (!version) return version.error();
  const auto& all = schema::migrations();
  if (*version >= static_cast<int64_t>(all.size())) return {};
  return db_.write([&]() -> Status {
    for (size_t i = static_cast<size_t>(*version); i < all.size(); ++i) {
      auto s = db_.exec(all[i]);
      if (!s) return make_error(fmt::format("schema migration {} failed: {}", i + 1, s.error().message));
    }
    RAPPORT_TRY(db_.exec(fmt::format("PRAGMA user_version = {}", all.size())));
    return db_.exec(fmt::format("PRAGMA application_id = {}", schema::kApplicationId));
  });
}

Status Store::load_event() {
  auto st = db_.prepare("SELECT name, date, kiosk_id, role FROM event WHERE id = 1");
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  if (!*row) return make_error("the database has no event row; it was not made by 'rapport init'", db_.path());
  event_ = EventInfo{st->text(0), st->text(1), st->text(2), st->text(3)};
  kiosk_id_ = event_.kiosk_id;
  return {};
}

Result<Store> Store::create(const std::string& path, EventInfo event, Clock clock) {
  std::error_code ec;
  if (fs::exists(path, ec))
    return make_error("a file is already there; pick another name or remove it first", path);
  if (trim(event.name).empty()) return make_error("the event needs a name (--event)");
  if (event.kiosk_id.empty()) event.kiosk_id = default_kiosk_id();
  auto db = Db::open(path, Db::Mode::create);
  if (!db) return db.error();
  Store s;
  s.db_ = std::move(db.value());
  s.clock_ = std::move(clock);
  auto fail = [&](const Error& e) -> Error {
    s.db_ = Db();
    fs::remove(path, ec);
    fs::remove(path + "-wal", ec);
    fs::remove(path + "-shm", ec);
    return e;
  };
  if (auto r = s.configure(false); !r) return fail(r.error());
  if (auto r = s.migrate(); !r) return fail(r.error());
  auto r = s.db_.write([&]() -> Status {
    auto st = s.db_.prepare(
        "INSERT INTO event (id, name, date, kiosk_id, role, created_at) VALUES (1, ?, ?, ?, ?, ?)");
    if (!st) return st.error();
    return st->bind_all(std::string(trim(event.name)), event.date, event.kiosk_id, event.role,
                        s.now_iso())
        .run();
  });
  if (!r) return fail(r.error());
  if (auto l = s.load_event(); !l) return fail(l.error());
  return s;
}

Result<Store> Store::open(const std::string& path, OpenOptions options, Clock clock) {
  std::error_code ec;
  if (!fs::exists(path, ec))
    return make_error("no such database; create one with 'rapport init --db FILE --event NAME'", path);
  RAPPORT_TRY(check_header(path));
  if (!options.read_only && access(path.c_str(), W_OK) != 0)
    return make_error("the database file is read-only; check its permissions or the disk", path);
  auto db = Db::open(path, options.read_only ? Db::Mode::read_only : Db::Mode::read_write);
  if (!db) return db.error();
  Store s;
  s.db_ = std::move(db.value());
  s.clock_ = std::move(clock);
  // Identify before touching anything: no pragma that writes runs until we know whose
  // file this is and that we understand its schema.
  auto app = s.db_.scalar_int("PRAGMA application_id");
  if (!app) return make_error(app.error().message, path);
  auto version = s.db_.scalar_int("PRAGMA user_version");
  if (!version) return make_error(version.error().message, path);
  if (*app != schema::kApplicationId) return make_error("this file is not a Rapport database", path);
  if (*version > schema::current_version())
    return make_error(fmt::format("this database was written by a newer Rapport (schema {}, this "
                                  "program knows up to {}); update Rapport to open it",
                                  *version, schema::current_version()),
                      path);
  if (!options.read_only && sqlite3_db_readonly(s.db_.raw(), "main") == 1)
    return make_error("the database file is read-only; check its permissions or the disk", path);
  if (options.verify) {
    auto check = s.db_.quick_check();
    if (!check) return make_error("the database file is damaged (" + check.error().message + ")", path);
    if (!*check)
      return make_error("the database file is damaged; restore a copy or start a new file "
                        "(nothing was changed)",
                        path);
  }
  if (auto r = s.configure(options.read_only); !r) return make_error(r.error().message, path);
  if (!options.read_only) {
    if (auto r = s.migrate(); !r) return make_error(r.error().message, path);
  }
  if (auto r = s.load_event(); !r) return r.error();
  return s;
}

Result<std::string> Store::intern_tag(const std::string& label) {
  std::string key = tag_key(label);
  std::string shown(trim(label));
  // The organizer's synonym wins: "ML" is stored and shown as "machine learning".
  auto syn = db_.cached("SELECT tag, label FROM tag_synonyms WHERE variant = ?");
  if (!syn) return syn.error();
  (*syn)->bind_all(key);
  auto row = (*syn)->step();
  if (!row) return row.error();
  if (*row) {
    key = (*syn)->text(0);
    shown = (*syn)->text(1);
  }
  (*syn)->reset();
  auto st = db_.cached("INSERT INTO tags (tag, label) VALUES (?, ?) ON CONFLICT (tag) DO NOTHING");
  if (!st) return st.error();
  RAPPORT_TRY((*st)->bind_all(key, shown).run());
  return key;
}

}  // namespace rapport
