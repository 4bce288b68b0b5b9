#pragma once
// Small GL jobs of the kiosk: the camera preview texture (uploaded through a pixel
// buffer so the frame does not wait for the copy) and PNG screenshots of the back buffer.
#include <cstdint>
#include <string>

#include "core/util/result.hpp"
#include "scan/frame.hpp"

namespace rapport {

class CameraTexture {
 public:
  CameraTexture() = default;
  CameraTexture(const CameraTexture&) = delete;
  CameraTexture& operator=(const CameraTexture&) = delete;
  ~CameraTexture();

  // Uploads an RGB frame (or its grayscale when RGB is empty).
  void upload(const Frame& frame);
  void* imgui_id() const { return reinterpret_cast<void*>(static_cast<intptr_t>(tex_)); }
  int width() const { return w_; }
  int height() const { return h_; }
  bool ready() const { return tex_ != 0 && w_ > 0; }

 private:
  unsigned tex_ = 0;
  unsigned pbo_[2] = {0, 0};
  int next_ = 0;
  int w_ = 0, h_ = 0;
  bool gray_ = false;
};

// Reads the current back buffer and writes it as a PNG.
Status save_screenshot(const std::string& path, int width, int height);

}  // namespace rapport
