#pragma once
// The kiosk's sync thread: every interval (sooner when asked) it runs one push/pull
// cycle (hub_sync.hpp) on its own connection to the kiosk's file, so the UI thread and
// the front desk never wait on the network. With the hub down it keeps retrying and the
// kiosk keeps checking people in; status() says "offline, N pending" for the admin
// screen. Rows pulled from other kiosks are handed to `on_pulled` (the front desk, whose
// matcher must learn who arrived and who met).
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/store/store.hpp"
#include "core/sync/row_batch.hpp"
#include "hub/hub_sync.hpp"

namespace rapport::hub {

struct HubStatus {
  bool configured = false;
  bool connected = false;        // the last cycle reached the hub
  std::string hub;               // the URL without its password
  std::string last_sync_at;      // ISO-8601 of the last cycle that worked; empty before
  std::string last_attempt_at;
  std::string last_error;        // empty when the last cycle worked
  int64_t pending = 0;           // this kiosk's changes the hub has not got yet
  int64_t pushed_total = 0;      // rows sent since the kiosk started
  int64_t pulled_total = 0;      // rows from other kiosks that changed this file
  int64_t cycles = 0;
  int failures_in_a_row = 0;
  // One line for the admin screen: "hub: connected, last sync 09:02:13Z, 0 pending" or
  // "hub: offline, 12 pending (cannot reach the hub ...)".
  std::string line() const;
};

class HubSyncThread {
 public:
  struct Options {
    std::string url;
    std::string db_path;
    std::string kiosk_id;  // stamped as the pusher; empty = the file's own
    std::chrono::milliseconds interval{1000};
    std::function<void(const AppliedRows&)> on_pulled;  // called on the sync thread
    std::function<void()> on_cycle;                      // after every cycle (wake the UI)
    SyncOptions sync;
  };
  // Opens its own connection to the file (checked now) and starts the thread; the hub
  // itself is not contacted before the first cycle, so a kiosk starts with the hub down.
  static Result<std::unique_ptr<HubSyncThread>> start(Options options);
  ~HubSyncThread();  // finishes the cycle in hand, then joins

  HubStatus status() const;
  void sync_now();  // run a cycle as soon as possible

 private:
  explicit HubSyncThread(Options o) : options_(std::move(o)) {}
  void run();
  void cycle();

  Options options_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<PgConn> conn_;
  std::optional<HubInfo> hub_;
  int64_t pushed_seq_ = 0;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  HubStatus status_;
  bool stopping_ = false;
  bool wanted_ = false;
  std::thread thread_;
};

}  // namespace rapport::hub
