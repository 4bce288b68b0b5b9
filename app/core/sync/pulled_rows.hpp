#pragma once
// Rows pulled from the hub are input from outside, like a roster: anyone holding a kiosk's
// hub credential can write them. Before a kiosk applies a pulled page, every row is
// checked as a row of its table (the right JSON types, UTF-8 text without NUL or other
// control characters, sizes a roster allows, known enumerations, timestamps that parse
// and lie no further than a day ahead of this kiosk's clock). A row that fails is left
// out and reported (table, key, reason), never applied and never the end of the sync: one
// bad row must not stop a kiosk from syncing (issue 16, findings 4 and 5).
//
// Who someone is stays with the organizer's import: apply_rows with keep_identity keeps a
// known person's e-mail and never moves a code that names someone here to another person
// (row_batch.hpp).
#include <string>
#include <vector>

#include "core/roster/row_limits.hpp"
#include "core/sync/row_batch.hpp"
#include "core/util/clock.hpp"

namespace rapport {

struct RejectedRow {
  std::string table;   // "attendees", "codes", ...
  std::string key;     // the row's key as far as it could be read (escaped, cut to 80 bytes)
  std::string reason;  // "first_name is 20971520 bytes (at most 256)"
};

struct CheckedRows {
  RowBatch rows;                      // only the rows that passed
  std::vector<RejectedRow> rejected;  // the others, in table order
};

// Splits a pulled page into rows that are valid rows of their table and rows that are not.
CheckedRows check_pulled_rows(const RowBatch& page, TimePoint now, const RowLimits& limits = {});

}  // namespace rapport
