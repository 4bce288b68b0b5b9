#include "hub/hub_probe.hpp"

#include "core/sync/row_batch.hpp"
#include "hub/hub_schema.hpp"
#include "hub/hub_sync.hpp"
#include "hub/pg.hpp"

namespace rapport::hub {

Result<HubProbe> probe_hub(Db& db, const std::string& url) {
  HubProbe p;
  p.hub = url.empty() ? std::string() : redact_url(url);
  std::optional<HubInfo> info;
  std::optional<PgConn> conn;
  if (!url.empty()) {
    auto c = PgConn::connect(url);
    if (c) {
      auto h = read_hub(*c);
      if (h) {
        info = *h;
        conn.emplace(std::move(*c));
      } else {
        p.error = h.error().to_string();
      }
    } else {
      p.error = c.error().to_string();
    }
  }
  auto cur = read_cursor(db, info ? info->hub_id : std::string());
  if (!cur) return cur.error();
  int64_t pushed_seq = 0;
  if (*cur) {
    p.synced_before = true;
    p.last_push_at = (*cur)->last_push_at;
    p.last_pull_at = (*cur)->last_pull_at;
    pushed_seq = (*cur)->pushed_seq;
    if (p.hub_id.empty()) p.hub_id = (*cur)->hub_id;
  }
  auto has_log = db.scalar_int("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sync_log'");
  if (has_log && *has_log) {
    auto pending = outbox_size(db, pushed_seq);
    if (!pending) return pending.error();
    p.pending = *pending;
  }
  if (!conn) return p;
  p.hub_id = info->hub_id;
  p.event = info->event_name;
  auto counts = conn->exec("SELECT (SELECT count(*) FROM rapport.checkins), (SELECT count(*) FROM rapport.connections)");
  auto kiosks = conn->exec(
      "SELECT kiosk_id, to_char(last_push_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), pushes, "
      "rows_pushed FROM rapport.kiosks ORDER BY kiosk_id");
  if (!counts || !kiosks) {
    p.error = (!counts ? counts.error() : kiosks.error()).to_string();
    return p;
  }
  p.connected = true;
  p.checkins = counts->integer(0, 0);
  p.connections = counts->integer(0, 1);
  for (int i = 0; i < kiosks->rows(); ++i)
    p.kiosks.push_back({kiosks->text(i, 0), kiosks->text(i, 1), kiosks->integer(i, 2), kiosks->integer(i, 3)});
  return p;
}

}  // namespace rapport::hub
