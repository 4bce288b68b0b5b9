#include "core/sync/live_sync.hpp"

#include <unistd.h>

#include <filesystem>

namespace rapport {

namespace fs = std::filesystem;

Result<MergeReport> push_to_target(Store& kiosk, const std::string& target_path) {
  if (target_path.empty()) return make_error("no sync target is set");
  std::error_code ec;
  fs::path target(target_path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  if (!fs::is_directory(dir, ec))
    return make_error("the sync folder is not there (was the USB stick or network drive removed?)",
                      target_path);
  if (fs::exists(target, ec) ? access(target_path.c_str(), W_OK) != 0 : access(dir.c_str(), W_OK) != 0)
    return make_error("the sync target is read-only; check the stick's lock switch or the folder's permissions",
                      target_path);
  bool created = false;
  auto org = open_or_create_organizer(target_path, kiosk.event(), &created, kiosk.clock());
  if (!org) return org.error();
  auto r = merge_into(*org, {kiosk.db().path()});
  if (r) r->created = created;
  return r;
}

Result<int64_t> pending_changes(Store& kiosk, int64_t pushed_up_to_seq) {
  auto st = kiosk.db().cached("SELECT count(*) FROM sync_log WHERE seq > ?");
  if (!st) return st.error();
  (*st)->bind_all(pushed_up_to_seq);
  auto row = (*st)->step();
  if (!row) return row.error();
  return *row ? (*st)->integer(0) : 0;
}

LiveSync::LiveSync(std::string target_path, std::chrono::seconds interval, std::chrono::seconds retry)
    : target_(std::move(target_path)), interval_(interval), retry_(std::min(retry, interval)) {
  status_.target = target_;
  status_.configured = !target_.empty();
}

bool LiveSync::due(TimePoint now) const {
  if (target_.empty()) return false;
  if (!attempted_) return true;
  return now - last_attempt_ >= (status_.ok() ? interval_ : retry_);
}

Status LiveSync::push(Store& kiosk) {
  last_attempt_ = kiosk.now();
  attempted_ = true;
  status_.last_attempt_at = kiosk.now_iso();
  auto r = push_to_target(kiosk, target_);
  if (r) {
    status_.last_error.clear();
    status_.last_success_at = status_.last_attempt_at;
    status_.rows_last_push = r->total();
    status_.rows_pushed_total += r->total();
    status_.failures_in_a_row = 0;
    if (!r->sources.empty()) pushed_seq_ = r->sources.front().to_seq;
  } else {
    status_.last_error = r.error().to_string();
    ++status_.failures_in_a_row;
  }
  if (auto p = pending_changes(kiosk, pushed_seq_)) status_.pending = *p;
  if (!r) return r.error();
  return {};
}

}  // namespace rapport
