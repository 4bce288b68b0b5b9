#include "scan/v4l2_source.hpp"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>
#include <vector>

namespace rapport {

namespace {

class SystemVideoDevice : public VideoDevice {
 public:
  int open(const std::string& path, int flags) override { return ::open(path.c_str(), flags | O_CLOEXEC); }
  int close(int fd) override { return ::close(fd); }
  int ioctl(int fd, unsigned long request, void* arg) override {
    int r;
    do r = ::ioctl(fd, request, arg);
    while (r == -1 && errno == EINTR);
    return r;
  }
  void* mmap(size_t length, int fd, off_t offset) override {
    return ::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, offset);
  }
  int munmap(void* addr, size_t length) override { return ::munmap(addr, length); }
  int poll(int fd, int timeout_ms) override {
    pollfd p{fd, POLLIN, 0};
    int r = ::poll(&p, 1, timeout_ms);
    if (r > 0 && (p.revents & (POLLERR | POLLHUP | POLLNVAL))) return -1;
    return r;
  }
};

std::string fourcc_name(uint32_t f) {
  char s[5] = {char(f & 0xFF), char((f >> 8) & 0xFF), char((f >> 16) & 0xFF), char((f >> 24) & 0xFF), 0};
  return s;
}

class V4l2Source : public FrameSource {
 public:
  V4l2Source(std::string path, SourceOptions o, std::shared_ptr<VideoDevice> dev)
      : path_(std::move(path)), options_(o), dev_(std::move(dev)) {
    status_ = fmt::format("looking for a camera at {}", path_);
  }
  ~V4l2Source() override { teardown(); }

  std::optional<Frame> next() override {
    if (fd_ < 0) {
      auto now = std::chrono::steady_clock::now();
      if (now < next_try_) {
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(next_try_ - now, std::chrono::milliseconds(50)));
        return std::nullopt;
      }
      if (!start()) {
        next_try_ = std::chrono::steady_clock::now() + options_.retry_every;
        return std::nullopt;
      }
    }
    int ready = dev_->poll(fd_, 1000);
    if (ready < 0) return lost();
    if (ready == 0) {
      status_ = fmt::format("camera at {} sends no frames", path_);
      return std::nullopt;
    }
    v4l2_buffer buf{};
    buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    buf.memory = V4L2_MEMORY_MMAP;
    if (dev_->ioctl(fd_, VIDIOC_DQBUF, &buf) < 0) {
      if (errno == EAGAIN) return std::nullopt;
      return lost();
    }
    std::optional<Frame> frame;
    if (buf.index < buffers_.size() && buf.bytesused <= buffers_[buf.index].length) {
      Frame f;
      const auto* data = static_cast<const uint8_t*>(buffers_[buf.index].start);
      Status s = pixelformat_ == V4L2_PIX_FMT_MJPEG
                     ? mjpeg_.decode(data, buf.bytesused, f)
                     : yuyv_to_frame(data, buf.bytesused, width_, height_, stride_, f);
      if (s) {
        f.sequence = ++sequence_;
        f.captured = std::chrono::system_clock::now();
        frame = std::move(f);
      } else {
        ++broken_frames_;  // a torn or corrupt frame: skip it, the next one is 33 ms away
      }
    }
    if (dev_->ioctl(fd_, VIDIOC_QBUF, &buf) < 0) return lost();
    return frame;
  }

  SourceState state() const override { return state_; }
  std::string status_text() const override { return status_; }

 private:
  struct Buffer {
    void* start = nullptr;
    size_t length = 0;
  };

  bool fail(const std::string& why) {
    teardown();
    status_ = state_ == SourceState::disconnected ? "camera disconnected - retrying" : why;
    return false;
  }

  bool start() {
    fd_ = dev_->open(path_, O_RDWR | O_NONBLOCK);
    if (fd_ < 0) return fail(fmt::format("no camera at {} - waiting for one", path_));
    v4l2_capability cap{};
    if (dev_->ioctl(fd_, VIDIOC_QUERYCAP, &cap) < 0) return fail(fmt::format("{} is not a camera", path_));
    uint32_t caps = (cap.capabilities & V4L2_CAP_DEVICE_CAPS) ? cap.device_caps : cap.capabilities;
    if (!(caps & V4L2_CAP_VIDEO_CAPTURE) || !(caps & V4L2_CAP_STREAMING))
      return fail(fmt::format("{} cannot stream video", path_));
    // MJPEG first: at 1280x720 and 30 fps, raw YUYV does not fit through USB 2.
    bool ok = false;
    for (uint32_t want : {V4L2_PIX_FMT_MJPEG, V4L2_PIX_FMT_YUYV}) {
      v4l2_format fmt{};
      fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
      fmt.fmt.pix.width = static_cast<uint32_t>(options_.width);
      fmt.fmt.pix.height = static_cast<uint32_t>(options_.height);
      fmt.fmt.pix.pixelformat = want;
      fmt.fmt.pix.field = V4L2_FIELD_NONE;
      if (dev_->ioctl(fd_, VIDIOC_S_FMT, &fmt) < 0 || fmt.fmt.pix.pixelformat != want) continue;
      pixelformat_ = want;
      width_ = static_cast<int>(fmt.fmt.pix.width);
      height_ = static_cast<int>(fmt.fmt.pix.height);
      stride_ = static_cast<int>(fmt.fmt.pix.bytesperline);
      ok = true;
      break;
    }
    if (!ok) return fail(fmt::format("camera at {} offers neither MJPEG nor YUYV", path_));
    if (options_.fps > 0) {
      v4l2_streamparm parm{};
      parm.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
      parm.parm.capture.timeperframe = {1, static_cast<uint32_t>(options_.fps)};
      dev_->ioctl(fd_, VIDIOC_S_PARM, &parm);  // a camera that ignores it keeps its own rate
    }
    v4l2_requestbuffers req{};
    req.count = 4;
    req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    req.memory = V4L2_MEMORY_MMAP;
    if (dev_->ioctl(fd_, VIDIOC_REQBUFS, &req) < 0 || req.count < 2) return fail("camera has no frame buffers");
    for (uint32_t i = 0; i < req.count; ++i) {
      v4l2_buffer b{};
      b.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
      b.memory = V4L2_MEMORY_MMAP;
      b.index = i;
      if (dev_->ioctl(fd_, VIDIOC_QUERYBUF, &b) < 0) return fail("camera buffer query failed");
      void* p = dev_->mmap(b.length, fd_, static_cast<off_t>(b.m.offset));
      if (p == MAP_FAILED) return fail("cannot map the camera's buffers");
      buffers_.push_back({p, b.length});
      if (dev_->ioctl(fd_, VIDIOC_QBUF, &b) < 0) return fail("camera refused a buffer");
    }
    v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (dev_->ioctl(fd_, VIDIOC_STREAMON, &type) < 0) return fail("camera would not start streaming");
    streaming_ = true;
    state_ = SourceState::running;
    status_ = fmt::format("USB camera {}x{} {}", width_, height_, pixelformat_ == V4L2_PIX_FMT_MJPEG ? "MJPEG" : fourcc_name(pixelformat_));
    return true;
  }

  std::optional<Frame> lost() {
    teardown();
    state_ = SourceState::disconnected;
    status_ = "camera disconnected - retrying";
    next_try_ = std::chrono::steady_clock::now() + options_.retry_every;
    return std::nullopt;
  }

  void teardown() {
    if (fd_ >= 0 && streaming_) {
      v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
      dev_->ioctl(fd_, VIDIOC_STREAMOFF, &type);
    }
    streaming_ = false;
    for (auto& b : buffers_) dev_->munmap(b.start, b.length);
    buffers_.clear();
    if (fd_ >= 0) dev_->close(fd_);
    fd_ = -1;
  }

  std::string path_;
  SourceOptions options_;
  std::shared_ptr<VideoDevice> dev_;
  MjpegDecoder mjpeg_;
  int fd_ = -1;
  bool streaming_ = false;
  std::vector<Buffer> buffers_;
  uint32_t pixelformat_ = 0;
  int width_ = 0, height_ = 0, stride_ = 0;
  uint64_t sequence_ = 0;
  uint64_t broken_frames_ = 0;
  SourceState state_ = SourceState::waiting_for_device;
  std::string status_;
  std::chrono::steady_clock::time_point next_try_{};
};

}  // namespace

std::shared_ptr<VideoDevice> real_video_device() { return std::make_shared<SystemVideoDevice>(); }

std::string find_camera(const std::shared_ptr<VideoDevice>& dev) {
  for (int n = 0; n < 10; ++n) {
    std::string path = fmt::format("/dev/video{}", n);
    int fd = dev->open(path, O_RDWR | O_NONBLOCK);
    if (fd < 0) continue;
    v4l2_capability cap{};
    bool usable = dev->ioctl(fd, VIDIOC_QUERYCAP, &cap) == 0 &&
                  (((cap.capabilities & V4L2_CAP_DEVICE_CAPS) ? cap.device_caps : cap.capabilities) &
                   V4L2_CAP_VIDEO_CAPTURE);
    dev->close(fd);
    if (usable) return path;
  }
  return "/dev/video0";
}

std::unique_ptr<FrameSource> make_v4l2_source(const std::string& path, const SourceOptions& options,
                                              std::shared_ptr<VideoDevice> device) {
  return std::make_unique<V4l2Source>(path, options, std::move(device));
}

}  // namespace rapport
