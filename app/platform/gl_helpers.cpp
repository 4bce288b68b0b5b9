#include "platform/gl_helpers.hpp"

#include <glad/gl.h>
#include <stb/stb_image_write.h>

#include <cstring>
#include <filesystem>
#include <vector>

namespace rapport {

CameraTexture::~CameraTexture() {
  if (pbo_[0]) glDeleteBuffers(2, pbo_);
  if (tex_) glDeleteTextures(1, &tex_);
}

void CameraTexture::upload(const Frame& f) {
  bool gray = f.rgb.empty();
  const std::vector<uint8_t>& px = gray ? f.gray : f.rgb;
  size_t bytes = static_cast<size_t>(f.width) * f.height * (gray ? 1 : 3);
  if (f.width <= 0 || f.height <= 0 || px.size() < bytes) return;
  if (!tex_) {
    glGenTextures(1, &tex_);
    glGenBuffers(2, pbo_);
  }
  glBindTexture(GL_TEXTURE_2D, tex_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  if (f.width != w_ || f.height != h_ || gray != gray_) {
    w_ = f.width;
    h_ = f.height;
    gray_ = gray;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    if (gray) {
      // Show a gray frame as gray, not red.
      GLint swizzle[] = {GL_RED, GL_RED, GL_RED, GL_ONE};
      glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    } else {
      GLint swizzle[] = {GL_RED, GL_GREEN, GL_BLUE, GL_ONE};
      glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    }
    glTexImage2D(GL_TEXTURE_2D, 0, gray ? GL_R8 : GL_RGB8, w_, h_, 0, gray ? GL_RED : GL_RGB, GL_UNSIGNED_BYTE,
                 nullptr);
  }
  // Orphan the buffer and copy into fresh storage: the driver keeps the previous one for
  // the texture upload still in flight, so neither side waits.
  glBindBuffer(GL_PIXEL_UNPACK_BUFFER, pbo_[next_]);
  glBufferData(GL_PIXEL_UNPACK_BUFFER, static_cast<GLsizeiptr>(bytes), nullptr, GL_STREAM_DRAW);
  if (void* dst = glMapBufferRange(GL_PIXEL_UNPACK_BUFFER, 0, static_cast<GLsizeiptr>(bytes),
                                   GL_MAP_WRITE_BIT | GL_MAP_INVALIDATE_BUFFER_BIT)) {
    std::memcpy(dst, px.data(), bytes);
    glUnmapBuffer(GL_PIXEL_UNPACK_BUFFER);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, w_, h_, gray ? GL_RED : GL_RGB, GL_UNSIGNED_BYTE, nullptr);
  }
  glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
  next_ ^= 1;
}

Status save_screenshot(const std::string& path, int width, int height) {
  std::vector<unsigned char> px(static_cast<size_t>(width) * height * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, px.data());
  std::error_code ec;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  // GL rows run bottom-up; PNG rows top-down.
  std::vector<unsigned char> flipped(px.size());
  size_t row = static_cast<size_t>(width) * 3;
  for (int y = 0; y < height; ++y)
    std::memcpy(flipped.data() + row * y, px.data() + row * (height - 1 - y), row);
  if (!stbi_write_png(path.c_str(), width, height, 3, flipped.data(), static_cast<int>(row)))
    return make_error("could not write the screenshot", path);
  return {};
}

}  // namespace rapport
