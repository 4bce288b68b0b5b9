#include "scan/gray_ops.hpp"

#include <algorithm>
#include <array>

namespace rapport {

namespace {
uint8_t clamp8(int v) { return static_cast<uint8_t>(std::clamp(v, 0, 255)); }
GrayImage blank(int w, int h) { return {w, h, std::vector<uint8_t>(static_cast<size_t>(w) * h)}; }
}  // namespace

GrayImage copy_region(const GrayView& in, int left, int top, int width, int height) {
  left = std::clamp(left, 0, in.width);
  top = std::clamp(top, 0, in.height);
  width = std::clamp(width, 0, in.width - left);
  height = std::clamp(height, 0, in.height - top);
  GrayImage out = blank(width, height);
  for (int y = 0; y < height; ++y)
    std::copy_n(in.data + static_cast<size_t>(top + y) * in.stride + left, width,
                out.pixels.data() + static_cast<size_t>(y) * width);
  return out;
}

GrayImage downscale2(const GrayView& in) {
  GrayImage out = blank(in.width / 2, in.height / 2);
  for (int y = 0; y < out.height; ++y) {
    const uint8_t* a = in.data + static_cast<size_t>(2 * y) * in.stride;
    const uint8_t* b = a + in.stride;
    uint8_t* o = out.pixels.data() + static_cast<size_t>(y) * out.width;
    for (int x = 0; x < out.width; ++x) o[x] = static_cast<uint8_t>((a[2 * x] + a[2 * x + 1] + b[2 * x] + b[2 * x + 1] + 2) / 4);
  }
  return out;
}

GrayImage upscale2(const GrayView& in) {
  GrayImage out = blank(in.width * 2, in.height * 2);
  auto px = [&](int x, int y) {
    return static_cast<int>(in.data[static_cast<size_t>(std::min(y, in.height - 1)) * in.stride + std::min(x, in.width - 1)]);
  };
  for (int y = 0; y < out.height; ++y) {
    int sy = y / 2, fy = y % 2;
    uint8_t* o = out.pixels.data() + static_cast<size_t>(y) * out.width;
    for (int x = 0; x < out.width; ++x) {
      int sx = x / 2, fx = x % 2;
      int top = fx ? (px(sx, sy) + px(sx + 1, sy)) : 2 * px(sx, sy);
      int bottom = fx ? (px(sx, sy + 1) + px(sx + 1, sy + 1)) : 2 * px(sx, sy + 1);
      o[x] = static_cast<uint8_t>(fy ? (top + bottom + 2) / 4 : (top + 1) / 2);
    }
  }
  return out;
}

GrayImage inverted(const GrayView& in) {
  GrayImage out = copy_region(in, 0, 0, in.width, in.height);
  for (auto& p : out.pixels) p = static_cast<uint8_t>(255 - p);
  return out;
}

GrayImage stretched(const GrayView& in) {
  std::array<size_t, 256> hist{};
  for (int y = 0; y < in.height; ++y)
    for (int x = 0; x < in.width; ++x) ++hist[in.data[static_cast<size_t>(y) * in.stride + x]];
  size_t total = static_cast<size_t>(in.width) * in.height, acc = 0;
  int lo = 0, hi = 255;
  for (int v = 0; v < 256; ++v) {
    acc += hist[v];
    if (acc * 100 < total) lo = v;
    if (acc * 100 < total * 99) hi = v + 1;
  }
  hi = std::max(hi, lo + 16);
  std::array<uint8_t, 256> lut{};
  for (int v = 0; v < 256; ++v) lut[v] = clamp8((v - lo) * 255 / (hi - lo));
  GrayImage out = blank(in.width, in.height);
  for (int y = 0; y < in.height; ++y)
    for (int x = 0; x < in.width; ++x)
      out.pixels[static_cast<size_t>(y) * in.width + x] = lut[in.data[static_cast<size_t>(y) * in.stride + x]];
  return out;
}

GrayImage sharpened(const GrayView& in) {
  GrayImage out = copy_region(in, 0, 0, in.width, in.height);
  for (int y = 1; y + 1 < in.height; ++y) {
    const uint8_t* r0 = in.data + static_cast<size_t>(y - 1) * in.stride;
    const uint8_t* r1 = r0 + in.stride;
    const uint8_t* r2 = r1 + in.stride;
    uint8_t* o = out.pixels.data() + static_cast<size_t>(y) * in.width;
    for (int x = 1; x + 1 < in.width; ++x) {
      int blur = (r0[x - 1] + r0[x] + r0[x + 1] + r1[x - 1] + r1[x] + r1[x + 1] + r2[x - 1] + r2[x] + r2[x + 1]) / 9;
      o[x] = clamp8(2 * r1[x] - blur);
    }
  }
  return out;
}

}  // namespace rapport
