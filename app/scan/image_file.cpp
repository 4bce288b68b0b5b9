#include "scan/image_file.hpp"

// libstb (Debian's libstb-dev) already contains the stb_image implementation; this file
// only declares it, so no STB_IMAGE_IMPLEMENTATION here.
#include <stb_image.h>
#include <stb_image_write.h>

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

namespace rapport {

void fill_gray_from_rgb(Frame& f) {
  const size_t n = static_cast<size_t>(f.width) * f.height;
  f.gray.resize(n);
  for (size_t i = 0; i < n; ++i) {
    unsigned r = f.rgb[3 * i], g = f.rgb[3 * i + 1], b = f.rgb[3 * i + 2];
    f.gray[i] = static_cast<uint8_t>((306 * r + 601 * g + 117 * b + 512) >> 10);
  }
}

Result<Frame> load_image_frame(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return make_error("no such image file", path);
  int w = 0, h = 0, channels = 0;
  unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &channels, 3);
  if (!pixels) {
    const char* why = stbi_failure_reason();
    return make_error(fmt::format("cannot read this image ({})", why ? why : "unknown format"), path);
  }
  if (w <= 0 || h <= 0 || static_cast<long long>(w) * h > 100'000'000LL) {
    stbi_image_free(pixels);
    return make_error("image is empty or too large", path);
  }
  Frame f;
  f.width = w;
  f.height = h;
  f.rgb.assign(pixels, pixels + static_cast<size_t>(w) * h * 3);
  stbi_image_free(pixels);
  fill_gray_from_rgb(f);
  return f;
}

Status save_gray_png(const Frame& frame, const std::string& path) {
  std::string tmp = path + ".tmp";
  if (!stbi_write_png(tmp.c_str(), frame.width, frame.height, 1, frame.gray.data(), frame.width))
    return make_error("cannot write the image", path);
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return make_error("cannot move the image into place", path);
  return {};
}

}  // namespace rapport
