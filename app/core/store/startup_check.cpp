#include "core/store/startup_check.hpp"

#include "core/store/schema.hpp"
#include "core/store/store.hpp"

namespace rapport {

std::future<Status> start_check_beside_load(const std::string& path) {
  {
    // Read-only: the header, application id and schema are checked as for any open, and
    // nothing is written. A file that fails here is left to the normal open to report.
    OpenOptions ro;
    ro.read_only = true;
    auto store = Store::open(path, ro);
    if (!store) return {};
    auto version = store->db().scalar_int("PRAGMA user_version");
    if (!version || *version != schema::current_version()) return {};
  }
  return std::async(std::launch::async, [path]() -> Status {
    auto db = Db::open(path, Db::Mode::read_only);
    if (!db) return make_error("the database file is damaged (" + db.error().message + ")", path);
    auto ok = db->quick_check();
    if (!ok) return make_error("the database file is damaged (" + ok.error().message + ")", path);
    if (!*ok)
      return make_error("the database file is damaged; restore a copy or start a new file "
                        "(nothing was changed)",
                        path);
    return {};
  });
}

}  // namespace rapport
