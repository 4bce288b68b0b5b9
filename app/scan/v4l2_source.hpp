#pragma once
// A V4L2 webcam (YUYV or MJPEG, mmap streaming). The few system calls it makes go through
// VideoDevice so that tests can play recorded frames and pull the plug without a camera.
#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/util/result.hpp"
#include "scan/frame_source.hpp"

namespace rapport {

// The system calls, with their usual meaning: -1 and errno on failure.
class VideoDevice {
 public:
  virtual ~VideoDevice() = default;
  virtual int open(const std::string& path, int flags) = 0;
  virtual int close(int fd) = 0;
  virtual int ioctl(int fd, unsigned long request, void* arg) = 0;
  virtual void* mmap(size_t length, int fd, off_t offset) = 0;  // MAP_FAILED on failure
  virtual int munmap(void* addr, size_t length) = 0;
  // Waits up to timeout_ms for a frame: > 0 ready, 0 timed out, < 0 error (POLLERR/POLLHUP too).
  virtual int poll(int fd, int timeout_ms) = 0;
};

std::shared_ptr<VideoDevice> real_video_device();

// The first /dev/videoN (N < 10) that can capture video; "/dev/video0" when none can.
std::string find_camera(const std::shared_ptr<VideoDevice>& device);

std::unique_ptr<FrameSource> make_v4l2_source(const std::string& path, const SourceOptions& options,
                                              std::shared_ptr<VideoDevice> device);

// Pixel conversion (exposed for tests): a YUYV 4:2:2 image, `stride` bytes per row.
Status yuyv_to_frame(const uint8_t* data, size_t size, int width, int height, int stride, Frame& out);

// Decodes MJPEG frames with libjpeg-turbo; one per source (not thread-safe).
class MjpegDecoder {
 public:
  MjpegDecoder();
  ~MjpegDecoder();
  MjpegDecoder(const MjpegDecoder&) = delete;
  MjpegDecoder& operator=(const MjpegDecoder&) = delete;
  Status decode(const uint8_t* data, size_t size, Frame& out);

 private:
  void* handle_ = nullptr;
};

// Compresses an RGB frame to JPEG (tests record MJPEG frames with it).
Result<std::vector<uint8_t>> encode_jpeg(const Frame& rgb_frame, int quality = 85);

}  // namespace rapport
