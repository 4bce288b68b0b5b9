#pragma once
// The scan pipeline: frames from a source are decoded on a worker thread (ZXing, QR only,
// a fast path on every frame and harder paths on some); results reach the UI thread
// through a queue. The UI never waits for decoding. A code seen in consecutive frames is
// reported once per debounce window.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "scan/frame_source.hpp"

namespace rapport {

struct ScanEvent {
  std::string text;          // what was decoded (not yet resolved to an attendee)
  TimePoint frame_captured;  // when the frame holding the code was captured
  TimePoint decoded;         // when decoding finished
};

struct ScannerOptions {
  std::chrono::milliseconds debounce{3000};
};

class Scanner {
 public:
  // Takes ownership of the source and starts the worker thread.
  static std::unique_ptr<Scanner> start(std::unique_ptr<FrameSource> source, ScannerOptions options = {});
  virtual ~Scanner() = default;  // stops and joins the worker

  // Called from the worker after each new frame or result (e.g. glfwPostEmptyEvent).
  virtual void set_wake(std::function<void()> wake) = 0;
  // Next decoded code, if any (UI thread).
  virtual std::optional<ScanEvent> poll() = 0;
  // Copies the newest preview frame when it is newer than `have_sequence`.
  virtual bool latest_frame(Frame& out, uint64_t have_sequence) = 0;
  virtual SourceState source_state() const = 0;
  virtual std::string status_text() const = 0;
  // Parks the worker between two frames (true) until released (false); returns once it is
  // parked, with no frame half-decoded. The kiosk's memory probes measure while it is held.
  virtual void hold(bool on) = 0;
};

// Decodes one image with the exact pipeline the scanner uses (for `rapport decode`).
struct DecodeResult {
  bool found = false;
  std::string text;
  std::string pass;                              // which decoding pass found it (for measuring)
  int left = 0, top = 0, right = 0, bottom = 0;  // where the code is in the frame
};
DecodeResult decode_frame(const Frame& frame);

}  // namespace rapport
