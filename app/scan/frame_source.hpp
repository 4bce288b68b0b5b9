#pragma once
// Where frames come from: a V4L2 webcam, a folder of images, or the synthetic camera
// (a rendered badge held up with mild perspective, blur and noise).
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/util/result.hpp"
#include "scan/frame.hpp"

namespace rapport {

enum class SourceState { running, waiting_for_device, disconnected, ended };

class FrameSource {
 public:
  virtual ~FrameSource() = default;
  // Blocks until the next frame (at the source's own rate) or returns nullopt when
  // none is available now (device gone, end of images); never throws.
  virtual std::optional<Frame> next() = 0;
  virtual SourceState state() const = 0;
  // For staff: "camera disconnected - retrying", "USB camera 1280x720 MJPEG", ...
  virtual std::string status_text() const = 0;
};

// The synthetic camera: shows an empty scene until a badge is presented, then that badge
// (until cleared), rendered as a hand would hold it up. Thread-safe.
class SyntheticCamera : public FrameSource {
 public:
  virtual void present(const std::string& code) = 0;
  virtual void clear() = 0;
};

struct SourceOptions {
  int width = 1280;
  int height = 720;
  int fps = 30;                                  // 0 = as fast as the reader asks (tests, benchmarks)
  uint64_t seed = 1;                             // synthetic camera: same seed, same frames
  bool loop_images = false;                      // images:DIR starts over after the last file
  std::chrono::milliseconds retry_every{1000};   // v4l2: how often to look for an unplugged camera
};

// spec: "auto" | "v4l2:/dev/videoN" | "images:DIR" | "synthetic".
Result<std::unique_ptr<FrameSource>> open_frame_source(const std::string& spec,
                                                       const SourceOptions& options = {});
std::unique_ptr<SyntheticCamera> make_synthetic_camera(const SourceOptions& options = {});

}  // namespace rapport
