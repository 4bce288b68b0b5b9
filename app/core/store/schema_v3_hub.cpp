// Version 3: a kiosk file's cursors for the PostgreSQL hub (app/hub, `rapport sync`).
// Kept in its own file so the migration list in schema.cpp stays a short list.
#include "core/store/schema.hpp"

namespace rapport::schema {

// hub_cursors: per hub (named by the id `rapport hub init` gave it, never by its URL,
// which may carry a password), how far this file has pushed its own sync_log (pushed_seq
// and that entry's random stamp, so a file restored from an older copy is pushed in full)
// and how far it has pulled the hub's change sequence (pulled_seq). A hub that is
// re-initialised gets a new id, so its cursors start again from zero.
//
// Rows pulled from the hub are written with the sync_log triggers off: they are other
// kiosks' rows and are never pushed again as this kiosk's own.
const char* migration_v3_hub() {
  return R"sql(
CREATE TABLE hub_cursors (
  hub_id       TEXT PRIMARY KEY,
  pushed_seq   INTEGER NOT NULL DEFAULT 0,
  pushed_stamp INTEGER NOT NULL DEFAULT 0,
  pulled_seq   INTEGER NOT NULL DEFAULT 0,
  last_push_at TEXT NOT NULL DEFAULT '',
  last_pull_at TEXT NOT NULL DEFAULT '',
  rows_pushed  INTEGER NOT NULL DEFAULT 0,
  rows_pulled  INTEGER NOT NULL DEFAULT 0
);
)sql";
}

}  // namespace rapport::schema
