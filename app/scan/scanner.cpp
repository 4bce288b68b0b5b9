#include "scan/scanner.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "scan/decoder.hpp"

namespace rapport {

namespace {

// Remembers when each code was last seen: a code is reported again only after it was out
// of sight for the whole debounce window, so a badge held up for ten seconds is one scan.
class Debouncer {
 public:
  explicit Debouncer(std::chrono::milliseconds window) : window_(window) {}
  bool should_report(const std::string& code, TimePoint t) {
    auto it = seen_.find(code);
    bool fresh = it == seen_.end() || t - it->second >= window_;
    seen_[code] = t;
    if (seen_.size() > 256) forget_old(t);
    return fresh;
  }

 private:
  void forget_old(TimePoint t) {
    for (auto it = seen_.begin(); it != seen_.end();) it = t - it->second >= window_ ? seen_.erase(it) : std::next(it);
  }
  std::chrono::milliseconds window_;
  std::unordered_map<std::string, TimePoint> seen_;
};

class WorkerScanner : public Scanner {
 public:
  WorkerScanner(std::unique_ptr<FrameSource> source, ScannerOptions options)
      : source_(std::move(source)), debounce_(options.debounce) {
    state_ = source_->state();
    status_ = source_->status_text();
    worker_ = std::thread([this] { run(); });
  }
  ~WorkerScanner() override {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    held_cv_.notify_all();
    if (worker_.joinable()) worker_.join();
  }

  void set_wake(std::function<void()> wake) override {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
  }
  std::optional<ScanEvent> poll() override {
    std::lock_guard lock(mutex_);
    if (events_.empty()) return std::nullopt;
    ScanEvent e = std::move(events_.front());
    events_.pop_front();
    return e;
  }
  bool latest_frame(Frame& out, uint64_t have_sequence) override {
    std::lock_guard lock(mutex_);
    if (!has_frame_ || latest_.sequence == have_sequence) return false;
    out = latest_;
    return true;
  }
  SourceState source_state() const override {
    std::lock_guard lock(mutex_);
    return state_;
  }
  std::string status_text() const override {
    std::lock_guard lock(mutex_);
    return status_;
  }
  void hold(bool on) override {
    std::unique_lock lock(mutex_);
    hold_ = on;
    held_cv_.notify_all();
    if (on) held_cv_.wait(lock, [&] { return parked_ || stop_; });
  }

 private:
  void wake() {
    std::function<void()> w;
    {
      std::lock_guard lock(mutex_);
      w = wake_;
    }
    if (w) w();
  }

  void run() {
    LiveDecoder decoder;
    while (true) {
      {
        std::unique_lock lock(mutex_);
        if (hold_ && !stop_) {
          parked_ = true;
          held_cv_.notify_all();
          held_cv_.wait(lock, [&] { return !hold_ || stop_; });
          parked_ = false;
        }
        if (stop_) break;
      }
      std::optional<Frame> frame = source_->next();
      SourceState st = source_->state();
      std::string status = source_->status_text();
      bool changed;
      {
        std::lock_guard lock(mutex_);
        changed = st != state_ || status != status_;
        state_ = st;
        status_ = std::move(status);
      }
      if (!frame) {
        if (changed) wake();
        // Nothing now (device gone, images all shown): the source paces its retries; do
        // not spin when it returns at once.
        if (st == SourceState::ended) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        continue;
      }
      if (frame->sequence == 0) frame->sequence = ++fallback_sequence_;
      DecodeResult r = decoder.decode(*frame);
      TimePoint decoded = std::chrono::system_clock::now();
      bool report = r.found && debounce_.should_report(r.text, decoded);
      {
        std::lock_guard lock(mutex_);
        if (report) {
          events_.push_back({r.text, frame->captured, decoded});
          if (events_.size() > 64) events_.pop_front();  // the UI stopped listening
        }
        latest_ = std::move(*frame);
        has_frame_ = true;
      }
      wake();
    }
  }

  std::unique_ptr<FrameSource> source_;
  Debouncer debounce_;
  mutable std::mutex mutex_;
  std::condition_variable held_cv_;
  bool stop_ = false, hold_ = false, parked_ = false;  // guarded by mutex_
  std::function<void()> wake_;
  std::deque<ScanEvent> events_;
  Frame latest_;
  bool has_frame_ = false;
  SourceState state_ = SourceState::waiting_for_device;
  std::string status_;
  uint64_t fallback_sequence_ = 0;
  std::thread worker_;
};

}  // namespace

std::unique_ptr<Scanner> Scanner::start(std::unique_ptr<FrameSource> source, ScannerOptions options) {
  return std::make_unique<WorkerScanner>(std::move(source), options);
}

}  // namespace rapport
