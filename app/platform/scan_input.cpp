// The camera through the scan pipeline (Scanner: decoding on its worker thread) plus a
// keyboard-wedge detector for USB scanners. With the synthetic camera the demo tray and
// the UI tests hold badges up, and the real decoder reads them from rendered frames.
#include "platform/scan_input.hpp"

#include <deque>
#include <mutex>

#include "scan/keyboard_wedge.hpp"

namespace rapport {

namespace {
class CameraAndWedge : public ScanInput {
 public:
  CameraAndWedge(std::unique_ptr<Scanner> scanner, SyntheticCamera* synthetic, WedgeOptions wedge)
      : scanner_(std::move(scanner)), synthetic_(synthetic), wedge_(wedge) {}

  std::optional<ScanEvent> poll() override {
    auto now = std::chrono::system_clock::now();
    if (auto code = wedge_.poll(now)) wedge_scans_.push_back({*code, now, now});
    if (!wedge_scans_.empty()) {
      ScanEvent e = wedge_scans_.front();
      wedge_scans_.pop_front();
      return e;
    }
    return scanner_->poll();
  }
  bool latest_frame(Frame& out, uint64_t have) override { return scanner_->latest_frame(out, have); }
  bool can_present() const override { return synthetic_ != nullptr; }
  void present(const std::string& code) override {
    if (synthetic_) synthetic_->present(code);
  }
  void clear() override {
    if (synthetic_) synthetic_->clear();
  }
  bool feed_key(const std::string& ch, TimePoint t) override {
    if (auto code = wedge_.feed(ch, t)) {
      wedge_scans_.push_back({*code, t, t});
      return true;
    }
    return wedge_.in_burst();
  }
  bool camera_live() const override { return scanner_->source_state() == SourceState::running; }
  std::string status_text() const override { return scanner_->status_text(); }
  void set_wake(std::function<void()> wake) override { scanner_->set_wake(std::move(wake)); }
  void hold_camera(bool on) override { scanner_->hold(on); }

 private:
  std::unique_ptr<Scanner> scanner_;
  SyntheticCamera* synthetic_;  // owned by the scanner's source; null for real cameras
  KeyboardWedge wedge_;
  std::deque<ScanEvent> wedge_scans_;
};
}  // namespace

Result<std::unique_ptr<ScanInput>> open_scan_input(const std::string& camera_spec, const KioskConfig& config) {
  SourceOptions so;
  so.width = config.camera.width;
  so.height = config.camera.height;
  so.fps = config.camera.fps;
  std::unique_ptr<FrameSource> source;
  SyntheticCamera* synthetic = nullptr;
  if (camera_spec == "synthetic") {
    auto cam = make_synthetic_camera(so);
    synthetic = cam.get();
    source = std::move(cam);
  } else {
    auto s = open_frame_source(camera_spec, so);
    if (!s) return s.error();
    source = std::move(*s);
  }
  ScannerOptions sc;
  sc.debounce = std::chrono::milliseconds(config.scanner.debounce_ms);
  WedgeOptions wo;
  wo.max_gap = std::chrono::milliseconds(config.scanner.max_gap_ms);
  wo.min_length = config.scanner.min_length;
  wo.suffix = config.scanner.suffix;
  wo.end_pause = std::chrono::milliseconds(config.scanner.end_pause_ms);
  return std::unique_ptr<ScanInput>(
      std::make_unique<CameraAndWedge>(Scanner::start(std::move(source), sc), synthetic, wo));
}

}  // namespace rapport
