#pragma once
// Live sync to a path (kiosk-config [sync] target): the kiosk merges its own new rows into
// an organizer file on the same machine, a shared drive or a USB stick, every few
// minutes and when staff ask from the admin screen. The kiosk's own file is the truth: a
// missing or read-only target is reported and retried, and nothing is lost locally.
#include <chrono>
#include <string>

#include "core/store/store.hpp"
#include "core/sync/merge.hpp"
#include "core/util/clock.hpp"
#include "core/util/result.hpp"

namespace rapport {

// Merges this kiosk's new rows into the organizer file at `target_path` (created when
// the folder exists but the file does not yet).
Result<MergeReport> push_to_target(Store& kiosk, const std::string& target_path);

// How many of this kiosk's changes the target has not seen, counted from the sync log
// against the cursor of the last successful push (all changes before any push).
Result<int64_t> pending_changes(Store& kiosk, int64_t pushed_up_to_seq);

// What the admin screen shows about the sync target.
struct SyncStatus {
  std::string target;
  bool configured = false;
  std::string last_attempt_at;   // ISO-8601, empty before the first attempt
  std::string last_success_at;   // ISO-8601, empty before the first success
  std::string last_error;        // empty when the last attempt worked
  int64_t rows_last_push = 0;    // rows the last successful push changed in the target
  int64_t rows_pushed_total = 0; // since the kiosk started
  int64_t pending = 0;           // changes not yet in the target (after the last attempt)
  int failures_in_a_row = 0;
  bool ok() const { return last_error.empty(); }
};

// Pushes when due: every `interval`, and sooner (every `retry`) after a failure. Owned
// by the kiosk's writer thread, which also owns the Store; the UI reads a copy of status().
class LiveSync {
 public:
  LiveSync(std::string target_path, std::chrono::seconds interval,
           std::chrono::seconds retry = std::chrono::seconds(30));

  bool due(TimePoint now) const;
  // Pushes now (the admin's "Sync now" too); the outcome is also kept in status().
  Status push(Store& kiosk);
  const SyncStatus& status() const { return status_; }

 private:
  std::string target_;
  std::chrono::seconds interval_, retry_;
  TimePoint last_attempt_{};
  bool attempted_ = false;
  int64_t pushed_seq_ = 0;
  SyncStatus status_;
};

}  // namespace rapport
