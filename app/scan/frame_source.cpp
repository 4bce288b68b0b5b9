#include "scan/frame_source.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include "core/util/text.hpp"
#include "scan/image_file.hpp"
#include "scan/synthetic_scene.hpp"
#include "scan/v4l2_source.hpp"

namespace rapport {

namespace {

// Keeps a source at its frame rate: waits until the next frame is due.
class Pacer {
 public:
  explicit Pacer(int fps) : period_(fps > 0 ? std::chrono::microseconds(1'000'000 / fps) : std::chrono::microseconds(0)) {}
  void wait() {
    if (period_.count() == 0) return;
    auto now = std::chrono::steady_clock::now();
    if (next_ > now) std::this_thread::sleep_until(next_);
    next_ = std::max(next_, now) + period_;
  }

 private:
  std::chrono::microseconds period_;
  std::chrono::steady_clock::time_point next_{};
};

class ImageFolderSource : public FrameSource {
 public:
  ImageFolderSource(std::vector<std::string> files, SourceOptions o)
      : files_(std::move(files)), options_(o), pacer_(o.fps) {}

  std::optional<Frame> next() override {
    while (index_ < files_.size()) {
      pacer_.wait();
      const std::string& path = files_[index_++];
      if (index_ == files_.size() && options_.loop_images) index_ = 0;
      auto f = load_image_frame(path);
      if (!f) {
        last_error_ = f.error().to_string();
        continue;  // one unreadable file does not stop the show
      }
      f->sequence = ++sequence_;
      f->captured = std::chrono::system_clock::now();
      return std::move(f.value());
    }
    return std::nullopt;
  }
  SourceState state() const override { return index_ < files_.size() ? SourceState::running : SourceState::ended; }
  std::string status_text() const override {
    if (index_ >= files_.size()) return fmt::format("images: all {} files shown", files_.size());
    return fmt::format("images: file {} of {}", index_ + 1, files_.size());
  }

 private:
  std::vector<std::string> files_;
  SourceOptions options_;
  Pacer pacer_;
  size_t index_ = 0;
  uint64_t sequence_ = 0;
  std::string last_error_;
};

class Synthetic : public SyntheticCamera {
 public:
  explicit Synthetic(SourceOptions o) : options_(o), pacer_(o.fps) {}

  void present(const std::string& code) override {
    std::lock_guard lock(mutex_);
    code_ = code;
  }
  void clear() override {
    std::lock_guard lock(mutex_);
    code_.clear();
  }
  std::optional<Frame> next() override {
    pacer_.wait();
    std::string code;
    {
      std::lock_guard lock(mutex_);
      code = code_;
    }
    SceneOptions scene;
    scene.width = options_.width;
    scene.height = options_.height;
    scene.seed = options_.seed;
    auto f = render_scene(code, ++sequence_, scene);
    if (!f) return std::nullopt;  // a code too long for a QR: nothing to show
    f->captured = std::chrono::system_clock::now();
    return std::move(f.value());
  }
  SourceState state() const override { return SourceState::running; }
  std::string status_text() const override {
    return fmt::format("synthetic camera {}x{}", options_.width, options_.height);
  }

 private:
  SourceOptions options_;
  Pacer pacer_;
  std::mutex mutex_;
  std::string code_;
  uint64_t sequence_ = 0;
};

Result<std::unique_ptr<FrameSource>> open_images(const std::string& dir, const SourceOptions& o) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return make_error("not a folder of images", dir);
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    std::string ext = ascii_lower(e.path().extension().string());
    if (e.is_regular_file() && (ext == ".png" || ext == ".jpg" || ext == ".jpeg")) files.push_back(e.path().string());
  }
  if (ec) return make_error("cannot list this folder", dir);
  if (files.empty()) return make_error("no .png or .jpg files in this folder", dir);
  std::sort(files.begin(), files.end());
  return std::unique_ptr<FrameSource>(std::make_unique<ImageFolderSource>(std::move(files), o));
}

}  // namespace

std::unique_ptr<SyntheticCamera> make_synthetic_camera(const SourceOptions& options) {
  return std::make_unique<Synthetic>(options);
}

Result<std::unique_ptr<FrameSource>> open_frame_source(const std::string& spec, const SourceOptions& options) {
  if (options.width < 64 || options.height < 64 || options.width > 7680 || options.height > 4320)
    return make_error(fmt::format("camera resolution {}x{} is out of range", options.width, options.height));
  if (spec == "synthetic") return std::unique_ptr<FrameSource>(make_synthetic_camera(options));
  if (spec.rfind("images:", 0) == 0) return open_images(spec.substr(7), options);
  if (spec.rfind("v4l2:", 0) == 0) {
    std::string dev = spec.substr(5);
    if (dev.empty()) return make_error("'v4l2:' needs a device, e.g. v4l2:/dev/video0");
    return std::unique_ptr<FrameSource>(make_v4l2_source(dev, options, real_video_device()));
  }
  if (spec == "auto") return std::unique_ptr<FrameSource>(make_v4l2_source(find_camera(real_video_device()), options, real_video_device()));
  return make_error(fmt::format("unknown camera '{}' (use auto, v4l2:/dev/videoN, images:DIR or synthetic)", spec));
}

}  // namespace rapport
