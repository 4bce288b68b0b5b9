#include "hub/hub_export.hpp"

#include "core/sync/pulled_rows.hpp"

#include <filesystem>

#include "core/sync/merge.hpp"
#include "hub/hub_schema.hpp"
#include "hub/hub_sync.hpp"
#include "hub/pg.hpp"

namespace rapport::hub {

namespace fs = std::filesystem;

Result<HubExportReport> export_from_hub(const std::string& url, const std::string& organizer_path) {
  RAPPORT_TRY(check_organizer_target(organizer_path));
  auto conn = PgConn::connect(url);
  if (!conn) return conn.error();
  auto hub = read_hub(*conn);
  if (!hub) return hub.error();
  if (hub->event_name.empty())
    return make_error("no kiosk has synced with this hub yet, so there is nothing to export");
  HubExportReport rep;
  rep.hub_id = hub->hub_id;
  bool created = false;
  auto org = open_or_create_organizer(organizer_path, hub_event(*hub), &created);
  if (!org) return org.error();
  rep.created = created;
  auto fail = [&](const Error& e) -> Error {
    if (created) {
      // A file this run created and could not fill is not left behind half-made.
      *org = Store();
      std::error_code ec;
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(organizer_path + suffix, ec);
    }
    return e;
  };
  auto cur = read_cursor(org->db(), hub->hub_id);
  if (!cur) return fail(cur.error());
  rep.from_seq = *cur ? (*cur)->pulled_seq : 0;
  rep.to_seq = rep.from_seq;
  // One transaction for the whole pull: the organizer file moves from one hub state to
  // the next or not at all, while the pages keep memory bounded.
  auto s = org->db().write([&]() -> Status {
    RAPPORT_TRY(pull_pages(*conn, rep.from_seq, SyncOptions{}.page_rows, [&](const RowBatch& rows, int64_t top) -> Status {
      auto applied = apply_rows(org->db(), check_pulled_rows(rows, org->now()).rows);
      if (!applied) return applied.error();
      rep.pulled += static_cast<int64_t>(rows.size());
      rep.applied.add(std::move(*applied));
      rep.to_seq = top;
      return {};
    }));
    auto st = org->db().prepare(R"sql(
INSERT INTO hub_cursors (hub_id, pulled_seq, last_pull_at, rows_pulled) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (hub_id) DO UPDATE SET pulled_seq = excluded.pulled_seq, last_pull_at = excluded.last_pull_at,
  rows_pulled = hub_cursors.rows_pulled + excluded.rows_pulled
)sql");
    if (!st) return st.error();
    RAPPORT_TRY(st->bind_all(hub->hub_id, rep.to_seq, org->now_iso(), rep.applied.rows).run());
    // As after a merge: one '*' entry tells whoever reads this file as a merge source
    // that rows arrived without being logged one by one.
    if (rep.applied.rows == 0) return {};
    return org->db().exec("INSERT INTO sync_log (tbl, k1, stamp) VALUES ('*', '', random())");
  });
  if (!s) return fail(s.error());
  return rep;
}

}  // namespace rapport::hub
