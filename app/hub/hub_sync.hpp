#pragma once
// One push/pull cycle between a kiosk file and the hub; `rapport sync` and the kiosk's
// sync thread (hub_thread.hpp) run exactly this.
//
//   push: this file's rows logged in sync_log since the push cursor, upserted into the
//         hub in ONE transaction by the organizer merge's rules; the cursor moves only
//         after the hub committed, so a kiosk killed mid-push pushes the same rows again
//         next time, and the upserts make that change nothing.
//   pull: every hub row changed since the pull cursor, in pages of about page_rows rows;
//         each page is applied to the file by the same rules in one SQLite transaction
//         together with the new cursor, so a first pull at a big event never holds the
//         file's write lock (and the door's check-ins) for long. Pulled rows are not
//         logged, so they never travel back as this kiosk's own.
#include <functional>
#include <optional>
#include <string>

#include "core/store/store.hpp"
#include "core/sync/pulled_rows.hpp"
#include "core/sync/row_batch.hpp"
#include "core/util/result.hpp"
#include "hub/hub_schema.hpp"
#include "hub/pg.hpp"

namespace rapport::hub {

struct SyncOptions {
  int64_t page_rows = 2000;  // rows per pulled page (its window; the people it names come too)
  size_t push_page_rows = 2000;  // rows of one table per pushed page (all pages in one hub transaction)
  // Called after each pulled page is committed, with what it changed (the kiosk's matcher
  // learns at once, and keeps what it learnt when a later page fails).
  std::function<void(const AppliedRows&)> on_applied;
  // Tests only (env RAPPORT_HUB_STALL): "before_commit" or "after_commit" makes a push
  // stop there for a minute, so a test can kill the process at that exact point.
  std::string stall;
};

struct SyncReport {
  std::string hub_id;
  int64_t pushed = 0;       // rows sent
  int64_t hub_changed = 0;  // rows the hub inserted or changed
  bool full_push = false;   // the whole file was sent (first push, restored file)
  int64_t pulled = 0;       // rows received
  AppliedRows applied;      // what they changed in this file
  int64_t rejected = 0;     // pulled rows that were not valid rows of their table (not applied)
  std::vector<RejectedRow> rejected_rows;  // the first 20 of them, with the reason
  int64_t pending = 0;      // changes still not pushed after the cycle
  int64_t pushed_seq = 0, pulled_seq = 0;
  std::string at;           // when the cycle ended (ISO-8601)
};

// Pushes, then pulls. `hub` is what read_hub returned on this connection.
Result<SyncReport> sync_once(Store& store, PgConn& conn, const HubInfo& hub, const SyncOptions& options = {});
// Connects, checks the hub, runs one cycle.
Result<SyncReport> sync_with_hub(Store& store, const std::string& url, const SyncOptions& options = {});

// Pulls every hub row changed since `after_seq` in pages of about `page_rows` rows and
// hands each to `apply` with the seq it reaches. A page carries the people its rows name,
// so it can be applied alone; stops when caught up, or at the first failure.
Status pull_pages(PgConn& conn, int64_t after_seq, int64_t page_rows,
                  const std::function<Status(const RowBatch& page, int64_t top)>& apply);

// What this file remembers of a hub (hub_cursors), without connecting.
struct HubCursor {
  std::string hub_id;
  int64_t pushed_seq = 0, pushed_stamp = 0, pulled_seq = 0;
  std::string last_push_at, last_pull_at;
  int64_t rows_pushed = 0, rows_pulled = 0;
};
// The cursor of `hub_id`, or of the most recently synced hub when hub_id is empty;
// nullopt when the file never synced (or predates schema 3).
Result<std::optional<HubCursor>> read_cursor(Db& db, const std::string& hub_id = {});

}  // namespace rapport::hub
