#pragma once
// The kiosk's printer thread: badges wait in a queue and go to CUPS one by one, so a slow
// or missing printer never delays the screen or a check-in. Staff read status_line():
// empty while the printer takes badges, else "Printer offline: ..." (the desk keeps
// checking people in meanwhile). With no job it still asks CUPS every `probe_every`.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "print/badge_job.hpp"

namespace rapport::print {

class BadgePrinter {
 public:
  // `send` is print_badge unless a test or benchmark puts something else in.
  using Send = std::function<Result<int>(const BadgeContent&, const PrintSettings&)>;
  explicit BadgePrinter(PrintSettings settings, Send send = print_badge,
                        std::chrono::milliseconds probe_every = std::chrono::seconds(20));
  ~BadgePrinter();  // finishes the badge in hand, then joins

  void submit(BadgeContent badge);
  std::string status_line() const;
  int printed() const;
  int waiting() const;
  void set_wake(std::function<void()> wake);

 private:
  void run();

  PrintSettings settings_;
  Send send_;
  std::chrono::milliseconds probe_every_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<BadgeContent> queue_;
  std::string status_;
  int printed_ = 0;
  bool busy_ = false;
  bool stopping_ = false;
  std::function<void()> wake_;
  std::thread thread_;
};

}  // namespace rapport::print
