#include "hub/hub_thread.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace rapport::hub {

std::string HubStatus::line() const {
  if (!configured) return "hub: not configured";
  std::string when = last_sync_at.size() >= 19 ? last_sync_at.substr(11, 8) + "Z" : "never";
  if (connected) return fmt::format("hub: connected, last sync {}, {} pending", when, pending);
  if (cycles == 0) return fmt::format("hub: connecting..., {} pending", pending);
  return fmt::format("hub: offline, {} pending (last sync {}; {})", pending, when, last_error);
}

Result<std::unique_ptr<HubSyncThread>> HubSyncThread::start(Options options) {
  std::unique_ptr<HubSyncThread> t(new HubSyncThread(std::move(options)));
  // Each pulled page reaches the front desk as soon as it is in the file.
  if (auto pulled = t->options_.on_pulled) {
    t->options_.sync.on_applied = [pulled](const AppliedRows& rows) {
      if (rows.rows > 0 || !rows.checkins.empty()) pulled(rows);
    };
  }
  // The file may be busy for a moment (the kiosk or another process opening it at the
  // same time); a few tries before giving up.
  auto store = Store::open(t->options_.db_path);
  for (int tries = 0; !store && tries < 10; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    store = Store::open(t->options_.db_path);
  }
  if (!store) return store.error();
  t->store_ = std::make_unique<Store>(std::move(*store));
  if (!t->options_.kiosk_id.empty()) t->store_->set_kiosk_id(t->options_.kiosk_id);
  t->status_.configured = true;
  t->status_.hub = redact_url(t->options_.url);
  // Pending before the first cycle: everything after the cursor of the last hub used.
  if (auto c = read_cursor(t->store_->db()); c && *c) t->pushed_seq_ = (*c)->pushed_seq;
  if (auto p = outbox_size(t->store_->db(), t->pushed_seq_)) t->status_.pending = *p;
  t->thread_ = std::thread([p = t.get()] { p->run(); });
  return t;
}

HubSyncThread::~HubSyncThread() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

HubStatus HubSyncThread::status() const {
  std::lock_guard lock(mu_);
  return status_;
}

void HubSyncThread::sync_now() {
  {
    std::lock_guard lock(mu_);
    wanted_ = true;
  }
  cv_.notify_all();
}

void HubSyncThread::run() {
  for (;;) {
    cycle();
    if (options_.on_cycle) options_.on_cycle();
    std::unique_lock lock(mu_);
    // After a failure wait a little longer each time (at most 5 s, or the interval when
    // that is longer), so a dead hub costs nothing while the kiosk works.
    auto wait = options_.interval;
    if (status_.failures_in_a_row > 0)
      wait = std::min(options_.interval * status_.failures_in_a_row,
                      std::max(options_.interval, std::chrono::milliseconds(5000)));
    cv_.wait_for(lock, wait, [&] { return stopping_ || wanted_; });
    wanted_ = false;
    if (stopping_) return;
  }
}

void HubSyncThread::cycle() {
  std::string attempt = store_->now_iso();
  Result<SyncReport> rep = make_error("not run");
  if (!conn_ || !conn_->ok()) {
    conn_.reset();
    hub_.reset();
    auto c = PgConn::connect(options_.url);
    if (c) {
      conn_ = std::make_unique<PgConn>(std::move(*c));
      auto h = read_hub(*conn_);
      if (h) hub_ = *h;
      else rep = h.error();
    } else {
      rep = c.error();
    }
  }
  if (conn_ && hub_) {
    rep = sync_once(*store_, *conn_, *hub_, options_.sync);
    if (!rep) {
      // The next cycle reconnects and re-reads the hub (it may have been re-created).
      conn_.reset();
      hub_.reset();
    }
  }
  if (rep) {
    pushed_seq_ = rep->pushed_seq;
  }
  int64_t pending = rep ? rep->pending : 0;
  if (!rep) {
    if (auto p = outbox_size(store_->db(), pushed_seq_)) pending = *p;
  }
  std::lock_guard lock(mu_);
  ++status_.cycles;
  status_.last_attempt_at = attempt;
  status_.pending = pending;
  if (rep) {
    status_.connected = true;
    status_.last_error.clear();
    status_.last_sync_at = rep->at;
    status_.pushed_total += rep->pushed;
    status_.pulled_total += rep->applied.rows;
    status_.failures_in_a_row = 0;
  } else {
    status_.connected = false;
    status_.last_error = rep.error().to_string();
    ++status_.failures_in_a_row;
  }
}

}  // namespace rapport::hub
