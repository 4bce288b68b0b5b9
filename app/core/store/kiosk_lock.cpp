#include "core/store/kiosk_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace rapport {

KioskLock& KioskLock::operator=(KioskLock&& o) noexcept {
  if (this != &o) {
    if (fd_ >= 0) close(fd_);
    fd_ = o.fd_;
    path_ = std::move(o.path_);
    o.fd_ = -1;
  }
  return *this;
}

KioskLock::~KioskLock() {
  if (fd_ >= 0) close(fd_);  // releases the flock; the file stays (harmless, reused)
}

Result<KioskLock> KioskLock::acquire(const std::string& db_path) {
  KioskLock l;
  l.path_ = lock_path(db_path);
  l.fd_ = open(l.path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (l.fd_ < 0) {
    int e = errno;
    if (e == EROFS || e == EACCES || e == EPERM)
      return make_error("the folder holding the event file is read-only, so this kiosk cannot mark the file "
                        "as in use (" + std::string(std::strerror(e)) + "); check the disk or its permissions",
                        l.path_);
    return make_error("cannot create the kiosk lock file: " + std::string(std::strerror(e)), l.path_);
  }
  if (flock(l.fd_, LOCK_EX | LOCK_NB) != 0) {
    int e = errno;
    if (e != EWOULDBLOCK)
      return make_error("cannot lock the kiosk lock file: " + std::string(std::strerror(e)), l.path_);
    char buf[32] = {0};
    ssize_t n = pread(l.fd_, buf, sizeof buf - 1, 0);
    std::string who = n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
    while (!who.empty() && (who.back() == '\n' || who.back() == ' ')) who.pop_back();
    return make_error("another Rapport kiosk is already running on this event file" +
                          (who.empty() ? std::string() : " (process " + who + ")") +
                          ". Close that kiosk first, or give this kiosk its own copy of the file. "
                          "Nothing was changed.",
                      db_path);
  }
  // Who holds it, for the next one's message. Written only once we own the lock.
  std::string pid = std::to_string(getpid()) + "\n";
  if (ftruncate(l.fd_, 0) == 0) (void)!pwrite(l.fd_, pid.data(), pid.size(), 0);
  return l;
}

}  // namespace rapport
