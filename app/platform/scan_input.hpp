#pragma once
// Everything that can produce a badge text for the kiosk: the camera through the scan
// pipeline (worker thread) and a USB keyboard-wedge scanner. The platform loop polls it
// once per frame; it wakes the loop when a frame or a result arrives.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/config/kiosk_config.hpp"
#include "core/util/result.hpp"
#include "scan/frame.hpp"
#include "scan/scanner.hpp"

namespace rapport {

class ScanInput {
 public:
  virtual ~ScanInput() = default;
  virtual std::optional<ScanEvent> poll() = 0;
  // Copies the newest preview frame when newer than `have_sequence`.
  virtual bool latest_frame(Frame& out, uint64_t have_sequence) = 0;
  // Synthetic camera only: hold this badge up / put it away.
  virtual bool can_present() const = 0;
  virtual void present(const std::string& code) = 0;
  virtual void clear() = 0;
  // One typed character ("\n" for Enter) at time t; a finished scanner burst comes back
  // from poll(). Returns false when the character is ordinary typing.
  virtual bool feed_key(const std::string& utf8, TimePoint t) = 0;
  virtual bool camera_live() const = 0;
  virtual std::string status_text() const = 0;
  virtual void set_wake(std::function<void()> wake) = 0;
  // Parks the camera's worker between frames (Scanner::hold), for memory probes.
  virtual void hold_camera(bool on) = 0;
};

Result<std::unique_ptr<ScanInput>> open_scan_input(const std::string& camera_spec, const KioskConfig& config);

}  // namespace rapport
