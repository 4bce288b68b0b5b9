#include "print/badge_printer.hpp"

#include "print/cups_queue.hpp"

namespace rapport::print {

BadgePrinter::BadgePrinter(PrintSettings settings, Send send, std::chrono::milliseconds probe_every)
    : settings_(std::move(settings)), send_(std::move(send)), probe_every_(probe_every) {
  thread_ = std::thread([this] { run(); });
}

BadgePrinter::~BadgePrinter() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void BadgePrinter::submit(BadgeContent badge) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back(std::move(badge));
  }
  cv_.notify_one();
}

std::string BadgePrinter::status_line() const {
  std::lock_guard lock(mu_);
  return status_;
}

int BadgePrinter::printed() const {
  std::lock_guard lock(mu_);
  return printed_;
}

int BadgePrinter::waiting() const {
  std::lock_guard lock(mu_);
  return static_cast<int>(queue_.size()) + (busy_ ? 1 : 0);
}

void BadgePrinter::set_wake(std::function<void()> wake) {
  std::lock_guard lock(mu_);
  wake_ = std::move(wake);
}

void BadgePrinter::run() {
  bool first = true;
  for (;;) {
    std::optional<BadgeContent> job;
    {
      std::unique_lock lock(mu_);
      if (!first) cv_.wait_for(lock, probe_every_, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_ && queue_.empty()) return;
      if (!queue_.empty()) {
        job = std::move(queue_.front());
        queue_.pop_front();
        busy_ = true;
      }
    }
    first = false;
    std::string line;
    if (job) {
      auto r = send_(*job, settings_);
      if (!r) line = "Printer offline: " + r.error().message + " - badge not printed, check-ins go on";
    } else if (auto s = check_queue(settings_.queue); !s) {
      line = "Printer offline: " + s.error().message;
    }
    std::function<void()> wake;
    {
      std::lock_guard lock(mu_);
      if (job && line.empty()) ++printed_;
      status_ = line;
      busy_ = false;
      wake = wake_;
    }
    if (wake) wake();
  }
}

}  // namespace rapport::print
