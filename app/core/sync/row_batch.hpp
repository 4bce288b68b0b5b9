#pragma once
// Rows that travel between a kiosk file and the PostgreSQL hub (app/hub): this kiosk's
// changed rows on the way out, other kiosks' rows on the way in. Kept here, free of any
// network code, so the merge rules live next to the organizer merge (merge.cpp) and are
// tested without a server.
//
// A batch is one JSON array per table; each element is an object whose keys are the
// table's column names. An attendee carries its tag links as
// "tags": [{"kind", "tag", "label"}], so a version of a person wins whole, tags included.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/store/sqlite.hpp"
#include "core/util/result.hpp"

namespace rapport {

struct RowBatch {
  nlohmann::json forgotten = nlohmann::json::array();
  nlohmann::json attendees = nlohmann::json::array();
  nlohmann::json codes = nlohmann::json::array();  // attendee_codes
  nlohmann::json checkins = nlohmann::json::array();
  nlohmann::json connections = nlohmann::json::array();
  nlohmann::json suggestions = nlohmann::json::array();  // suggestions_shown
  nlohmann::json last_seen = nlohmann::json::array();
  size_t size() const {
    return forgotten.size() + attendees.size() + codes.size() + checkins.size() + connections.size() +
           suggestions.size() + last_seen.size();
  }
};

// This file's rows changed after sync_log entry `after_seq` (whose random stamp was
// `after_stamp`), read in one snapshot. Everything is read when after_seq is 0, when the
// entry is gone or has another stamp (the file was restored from an older copy and its
// numbers were handed out again), or when the log holds an organizer's '*' entry.
struct Outbox {
  RowBatch rows;
  bool full = false;
  int64_t to_seq = 0;    // the newest sync_log entry the batch covers: the next cursor
  int64_t to_stamp = 0;
};
Result<Outbox> read_outbox(Db& db, int64_t after_seq, int64_t after_stamp);

// Changes logged after `after_seq` that are not pushed yet (distinct rows).
Result<int64_t> outbox_size(Db& db, int64_t after_seq);

// What applying a batch changed in the file.
struct AppliedRows {
  int64_t rows = 0;     // rows inserted or changed
  int64_t skipped = 0;  // rows naming a person this file does not know (not applied)
  std::vector<std::string> checkins;                            // people checked in by the batch
  std::vector<std::pair<std::string, std::string>> connections; // pairs who met (a_id < b_id)
  std::vector<std::string> attendees;                           // people whose details changed or were forgotten
  struct Shown {
    std::string for_id, shown_id, at;  // `shown` was suggested to `for` at `at` (ISO-8601)
  };
  std::vector<Shown> shown;  // suggestions other kiosks showed: they count toward fair exposure here too

  // Adds what a later batch (the next pulled page) changed.
  void add(AppliedRows&& more);
};

// Applies rows from elsewhere by the organizer merge's rules (docs/SCHEMA.md): earliest
// tombstone, newest person, first issued code, earliest check-in, earliest sighting of a
// pair with every kiosk listed, each suggestion once. Runs inside the caller's
// transaction, with the sync_log triggers off: these rows are not this file's own and
// must never be pushed again as if they were. Applying a batch twice changes nothing.
Result<AppliedRows> apply_rows(Db& db, const RowBatch& rows);

}  // namespace rapport
