#pragma once
// One kiosk per event file. Two kiosk processes writing one file would each keep their
// own matcher and roster snapshot and show stale answers, so the second one refuses.
// The lock is a flock on a sidecar file `<db>.kiosk-lock`, held for the life of the
// process: never an extra descriptor on the database itself (closing one would drop
// SQLite's POSIX locks). The kernel releases it when the process ends, crash included,
// so a kiosk restarted by systemd after a crash is never locked out by a stale file.
#include <string>

#include "core/util/result.hpp"

namespace rapport {

class KioskLock {
 public:
  KioskLock() = default;
  KioskLock(KioskLock&& o) noexcept : fd_(o.fd_), path_(std::move(o.path_)) { o.fd_ = -1; }
  KioskLock& operator=(KioskLock&& o) noexcept;
  KioskLock(const KioskLock&) = delete;
  KioskLock& operator=(const KioskLock&) = delete;
  ~KioskLock();

  // Takes the lock for `db_path` without waiting. Fails with a message naming the
  // process that holds it, or why the lock file could not be made.
  static Result<KioskLock> acquire(const std::string& db_path);
  static std::string lock_path(const std::string& db_path) { return db_path + ".kiosk-lock"; }

  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace rapport
