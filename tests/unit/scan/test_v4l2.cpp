// The webcam path without a webcam: a fake device layer plays recorded frames (MJPEG or
// YUYV) through the same ioctl/mmap calls a UVC camera answers, and can be unplugged.
#include <gtest/gtest.h>
#include <linux/videodev2.h>
#include <sys/mman.h>

#include <cerrno>
#include <deque>
#include <mutex>
#include <thread>

#include "scan/decoder.hpp"
#include "scan/scanner.hpp"
#include "scan/synthetic_scene.hpp"
#include "scan/v4l2_source.hpp"

using namespace rapport;
using namespace std::chrono_literals;

namespace {

const std::string kCode = "RPT1:MZXW6YTBOI3DEMZUGU3DOOBZGA";

class FakeCamera : public VideoDevice {
 public:
  FakeCamera(std::vector<uint32_t> formats, std::vector<std::vector<uint8_t>> frames, int w = 1280, int h = 720)
      : formats_(std::move(formats)), frames_(std::move(frames)), w_(w), h_(h) {}

  void unplug() {
    std::lock_guard lock(m_);
    plugged_ = false;
  }
  void plug(std::vector<std::vector<uint8_t>> frames = {}) {
    std::lock_guard lock(m_);
    plugged_ = true;
    if (!frames.empty()) frames_ = std::move(frames), next_frame_ = 0;
  }
  int opens() {
    std::lock_guard lock(m_);
    return opens_;
  }
  int open_fds() {
    std::lock_guard lock(m_);
    return open_fds_;
  }

  int open(const std::string&, int) override {
    std::lock_guard lock(m_);
    ++opens_;
    if (!plugged_) return errno = ENOENT, -1;
    ++open_fds_;
    queue_.clear();
    buffers_.clear();
    return 7;
  }
  int close(int) override {
    std::lock_guard lock(m_);
    --open_fds_;
    return 0;
  }
  int ioctl(int, unsigned long req, void* arg) override {
    std::lock_guard lock(m_);
    if (!plugged_) return errno = ENODEV, -1;
    switch (req) {
      case VIDIOC_QUERYCAP: {
        auto* cap = static_cast<v4l2_capability*>(arg);
        cap->capabilities = V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_STREAMING;
        return 0;
      }
      case VIDIOC_S_FMT: {
        auto* f = static_cast<v4l2_format*>(arg);
        uint32_t want = f->fmt.pix.pixelformat;
        bool offered = std::find(formats_.begin(), formats_.end(), want) != formats_.end();
        // Like a driver: it answers with something it can do.
        f->fmt.pix.pixelformat = offered ? want : (formats_.empty() ? V4L2_PIX_FMT_GREY : formats_[0]);
        f->fmt.pix.width = static_cast<uint32_t>(w_);
        f->fmt.pix.height = static_cast<uint32_t>(h_);
        f->fmt.pix.bytesperline = f->fmt.pix.pixelformat == V4L2_PIX_FMT_YUYV ? static_cast<uint32_t>(w_ * 2) : 0;
        format_ = f->fmt.pix.pixelformat;
        return 0;
      }
      case VIDIOC_S_PARM: return 0;
      case VIDIOC_REQBUFS: {
        auto* r = static_cast<v4l2_requestbuffers*>(arg);
        r->count = 3;
        buffers_.assign(3, std::vector<uint8_t>(static_cast<size_t>(w_) * h_ * 2 + 4096));
        return 0;
      }
      case VIDIOC_QUERYBUF: {
        auto* b = static_cast<v4l2_buffer*>(arg);
        if (b->index >= buffers_.size()) return errno = EINVAL, -1;
        b->length = static_cast<uint32_t>(buffers_[b->index].size());
        b->m.offset = b->index * 0x100000;
        return 0;
      }
      case VIDIOC_QBUF: queue_.push_back(static_cast<v4l2_buffer*>(arg)->index); return 0;
      case VIDIOC_DQBUF: {
        if (queue_.empty() || frames_.empty()) return errno = EAGAIN, -1;
        auto* b = static_cast<v4l2_buffer*>(arg);
        b->index = queue_.front();
        queue_.pop_front();
        const auto& data = frames_[next_frame_++ % frames_.size()];
        std::copy(data.begin(), data.end(), buffers_[b->index].begin());
        b->bytesused = static_cast<uint32_t>(data.size());
        return 0;
      }
      case VIDIOC_STREAMON:
      case VIDIOC_STREAMOFF: return 0;
    }
    return errno = ENOTTY, -1;
  }
  void* mmap(size_t, int, off_t offset) override {
    std::lock_guard lock(m_);
    size_t i = static_cast<size_t>(offset) / 0x100000;
    return i < buffers_.size() ? buffers_[i].data() : MAP_FAILED;
  }
  int munmap(void*, size_t) override { return 0; }
  int poll(int, int) override {
    std::lock_guard lock(m_);
    return plugged_ ? 1 : -1;  // an unplugged UVC device reports POLLERR
  }

 private:
  std::mutex m_;
  std::vector<uint32_t> formats_;
  std::vector<std::vector<uint8_t>> frames_;
  int w_, h_;
  bool plugged_ = true;
  int opens_ = 0, open_fds_ = 0;
  uint32_t format_ = 0;
  std::vector<std::vector<uint8_t>> buffers_;
  std::deque<uint32_t> queue_;
  size_t next_frame_ = 0;
};

std::vector<uint8_t> mjpeg_frame(const std::string& code, uint64_t n) {
  auto f = render_scene(code, n, SceneOptions{});
  auto jpeg = encode_jpeg(*f, 85);
  EXPECT_TRUE(jpeg.ok());
  return *jpeg;
}

std::vector<uint8_t> yuyv_frame(const std::string& code, uint64_t n) {
  auto f = render_scene(code, n, SceneOptions{});
  std::vector<uint8_t> out(static_cast<size_t>(f->width) * f->height * 2);
  for (size_t i = 0; i < f->gray.size(); ++i) {
    out[2 * i] = f->gray[i];
    out[2 * i + 1] = 128;  // neutral chroma
  }
  return out;
}

SourceOptions fast_retry() {
  SourceOptions o;
  o.retry_every = 0ms;
  return o;
}

}  // namespace

TEST(V4l2, MjpegFramesDecodeToTheBadge) {
  auto cam = std::make_shared<FakeCamera>(std::vector<uint32_t>{V4L2_PIX_FMT_YUYV, V4L2_PIX_FMT_MJPEG},
                                          std::vector<std::vector<uint8_t>>{mjpeg_frame(kCode, 1), mjpeg_frame(kCode, 2)});
  auto src = make_v4l2_source("/dev/video0", fast_retry(), cam);
  EXPECT_EQ(src->state(), SourceState::waiting_for_device);
  auto f = src->next();
  ASSERT_TRUE(f);
  EXPECT_EQ(src->state(), SourceState::running);
  EXPECT_EQ(src->status_text(), "USB camera 1280x720 MJPEG");  // preferred over YUYV
  EXPECT_EQ(f->width, 1280);
  EXPECT_EQ(f->rgb.size(), 1280u * 720 * 3);
  auto r = decode_frame(*f);
  ASSERT_TRUE(r.found);
  EXPECT_EQ(r.text, kCode);
  auto g = src->next();
  ASSERT_TRUE(g);
  EXPECT_EQ(g->sequence, f->sequence + 1);
}

TEST(V4l2, YuyvFramesDecodeToTheBadge) {
  auto cam = std::make_shared<FakeCamera>(std::vector<uint32_t>{V4L2_PIX_FMT_YUYV},
                                          std::vector<std::vector<uint8_t>>{yuyv_frame(kCode, 3)});
  auto src = make_v4l2_source("/dev/video0", fast_retry(), cam);
  auto f = src->next();
  ASSERT_TRUE(f);
  EXPECT_EQ(src->status_text(), "USB camera 1280x720 YUYV");
  auto r = decode_frame(*f);
  ASSERT_TRUE(r.found);
  EXPECT_EQ(r.text, kCode);
  // Neutral chroma gives grey pixels in the preview.
  EXPECT_EQ(f->rgb[0], f->gray[0]);
}

TEST(V4l2, ACorruptFrameIsSkippedNotFatal) {
  std::vector<uint8_t> torn = mjpeg_frame(kCode, 1);
  torn.resize(40);
  auto cam = std::make_shared<FakeCamera>(std::vector<uint32_t>{V4L2_PIX_FMT_MJPEG},
                                          std::vector<std::vector<uint8_t>>{{0x00, 0x01, 0x02}, mjpeg_frame(kCode, 2)});
  auto src = make_v4l2_source("/dev/video0", fast_retry(), cam);
  EXPECT_FALSE(src->next());  // garbage: skipped
  auto f = src->next();
  ASSERT_TRUE(f);
  EXPECT_EQ(src->state(), SourceState::running);
}

TEST(V4l2, ACameraWithNeitherFormatSaysSo) {
  auto cam = std::make_shared<FakeCamera>(std::vector<uint32_t>{}, std::vector<std::vector<uint8_t>>{});
  auto src = make_v4l2_source("/dev/video3", fast_retry(), cam);
  EXPECT_FALSE(src->next());
  EXPECT_EQ(src->status_text(), "camera at /dev/video3 offers neither MJPEG nor YUYV");
  EXPECT_EQ(cam->open_fds(), 0);  // closed again
}

TEST(V4l2, UnpluggedMidEventShowsDisconnectedAndRetriesUntilItIsBack) {
  auto cam = std::make_shared<FakeCamera>(std::vector<uint32_t>{V4L2_PIX_FMT_MJPEG},
                                          std::vector<std::vector<uint8_t>>{mjpeg_frame("", 1)});
  auto src = make_v4l2_source("/dev/video0", fast_retry(), cam);
  ASSERT_TRUE(src->next());
  cam->unplug();
  EXPECT_FALSE(src->next());
  EXPECT_EQ(src->state(), SourceState::disconnected);
  EXPECT_EQ(src->status_text(), "camera disconnected - retrying");
  EXPECT_EQ(cam->open_fds(), 0);  // the dead device was closed
  int opens = cam->opens();
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(src->next());
  EXPECT_GT(cam->opens(), opens);  // it keeps trying
  EXPECT_EQ(src->state(), SourceState::disconnected);
  EXPECT_EQ(src->status_text(), "camera disconnected - retrying");
  cam->plug({mjpeg_frame(kCode, 5)});
  auto f = src->next();
  ASSERT_TRUE(f);
  EXPECT_EQ(src->state(), SourceState::running);
  EXPECT_TRUE(decode_frame(*f).found);
}

TEST(V4l2, TheScannerReportsTheOutageAndScansAgainAfterwards) {
  auto cam = std::make_shared<FakeCamera>(std::vector<uint32_t>{V4L2_PIX_FMT_MJPEG},
                                          std::vector<std::vector<uint8_t>>{mjpeg_frame("", 1)});
  SourceOptions o = fast_retry();
  o.retry_every = 10ms;
  auto scanner = Scanner::start(make_v4l2_source("/dev/video0", o, cam));
  auto wait = [&](auto pred) {
    auto until = std::chrono::steady_clock::now() + 30s;
    for (;;) {
      if (pred()) return true;  // pred may consume (poll), so it is asked once per round
      if (std::chrono::steady_clock::now() >= until) return false;
      std::this_thread::sleep_for(5ms);
    }
  };
  ASSERT_TRUE(wait([&] { return scanner->source_state() == SourceState::running; }));
  cam->unplug();
  ASSERT_TRUE(wait([&] { return scanner->source_state() == SourceState::disconnected; }));
  EXPECT_EQ(scanner->status_text(), "camera disconnected - retrying");
  cam->plug({mjpeg_frame(kCode, 2)});
  std::optional<ScanEvent> e;
  ASSERT_TRUE(wait([&] { return (e = scanner->poll()).has_value(); }));
  EXPECT_EQ(e->text, kCode);
  EXPECT_EQ(scanner->source_state(), SourceState::running);
}

TEST(V4l2, YuyvConversionChecksTheSize) {
  std::vector<uint8_t> data(10);
  Frame f;
  EXPECT_FALSE(yuyv_to_frame(data.data(), data.size(), 640, 480, 1280, f).ok());
  EXPECT_FALSE(yuyv_to_frame(data.data(), data.size(), 3, 1, 6, f).ok());  // odd width
  std::vector<uint8_t> two = {100, 128, 200, 128};
  ASSERT_TRUE(yuyv_to_frame(two.data(), two.size(), 2, 1, 4, f).ok());
  EXPECT_EQ(f.gray, (std::vector<uint8_t>{100, 200}));
}
