#pragma once
// Forgetting a person: their details go, their anonymous traces stay. The attendee row
// keeps its id (check-ins, connections and suggestions shown still point at it, so the
// day's counts stay true) but name, email, company, title, tags and codes are erased and
// the status becomes 'forgotten'. A tombstone in `forgotten` (with a hash of the email,
// so that a later roster import recognises them) makes every later import and merge
// respect it.
#include <string>
#include <string_view>

#include "core/store/store.hpp"
#include "core/util/result.hpp"

namespace rapport {

struct ForgetResult {
  std::string attendee_id;
  bool already_forgotten = false;
  int64_t checkins_kept = 0;     // anonymous rows left for the counts
  int64_t connections_kept = 0;
  // The WAL could not be emptied (a reader held it to the end of the busy timeout): the
  // old pages go at the next checkpoint.
  bool wal_pending = false;
};

// Forgets the attendee with this id. An unknown id is an error naming it.
Result<ForgetResult> forget_attendee(Store& store, const std::string& attendee_id);
// Forgets whoever a scanned code (badge, ticket code...) names, revoked codes included.
Result<ForgetResult> forget_by_code(Store& store, std::string_view code);

// Applies every tombstone in `forgotten` to the attendees: erases details, tags and
// codes of forgotten people. Idempotent; used by forget and by the merge. Runs inside the
// caller's transaction.
Status erase_forgotten(Db& db);

}  // namespace rapport
