// STAND-IN until the scan branch is merged: codes presented to the "synthetic camera"
// arrive as scans directly (no rendered frames, no decoding), and the keyboard wedge is a
// plain burst detector. Once app/scan is implemented this file wraps Scanner::start,
// make_synthetic_camera and KeyboardWedge instead; the interface does not change.
#include "platform/scan_input.hpp"

#include <deque>
#include <mutex>

namespace rapport {

namespace {
class DirectInput : public ScanInput {
 public:
  DirectInput(std::string spec, KioskConfig::Scanner wedge) : spec_(std::move(spec)), wedge_(std::move(wedge)) {}

  std::optional<ScanEvent> poll() override {
    std::lock_guard lock(mu_);
    if (events_.empty()) return std::nullopt;
    ScanEvent e = events_.front();
    events_.pop_front();
    return e;
  }
  bool latest_frame(Frame&, uint64_t) override { return false; }
  bool can_present() const override { return spec_ == "synthetic"; }
  void present(const std::string& code) override {
    if (!can_present()) return;
    auto now = std::chrono::system_clock::now();
    {
      std::lock_guard lock(mu_);
      events_.push_back({code, now, now});
    }
    if (wake_) wake_();
  }
  void clear() override {}
  bool feed_key(const std::string& ch, TimePoint t) override {
    bool fast = buffer_.empty() || t - last_ <= std::chrono::milliseconds(wedge_.max_gap_ms);
    last_ = t;
    if (!fast) buffer_.clear();
    if (ch == "\n" || (!wedge_.suffix.empty() && wedge_.suffix != "\n" && ch == wedge_.suffix)) {
      bool scan = static_cast<int>(buffer_.size()) >= wedge_.min_length;
      if (scan) {
        std::lock_guard lock(mu_);
        events_.push_back({buffer_, t, t});
      }
      buffer_.clear();
      return scan;
    }
    buffer_ += ch;
    return fast && buffer_.size() > 1;
  }
  bool camera_live() const override { return false; }
  std::string status_text() const override {
    return spec_ == "synthetic" ? "Synthetic camera: tap a demo badge" : "Camera not available - use the USB scanner";
  }
  void set_wake(std::function<void()> wake) override { wake_ = std::move(wake); }

 private:
  std::string spec_;
  KioskConfig::Scanner wedge_;
  std::mutex mu_;
  std::deque<ScanEvent> events_;
  std::string buffer_;
  TimePoint last_{};
  std::function<void()> wake_;
};
}  // namespace

Result<std::unique_ptr<ScanInput>> open_scan_input(const std::string& camera_spec, const KioskConfig& config) {
  return std::unique_ptr<ScanInput>(std::make_unique<DirectInput>(camera_spec, config.scanner));
}

}  // namespace rapport
