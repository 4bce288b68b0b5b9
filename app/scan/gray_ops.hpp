#pragma once
// Small image operations the decoder's harder passes use on grayscale pixels.
#include <cstdint>
#include <vector>

#include "scan/qr_codec.hpp"

namespace rapport {

// An owned grayscale image.
struct GrayImage {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> pixels;
  GrayView view() const { return {pixels.data(), width, height, width}; }
};

GrayImage copy_region(const GrayView& in, int left, int top, int width, int height);
// Averages 2x2 blocks: halves the size, and averages away sensor noise and glare speckle.
GrayImage downscale2(const GrayView& in);
// Bilinear 2x enlargement, so a code only a few pixels per module gets enough pixels.
GrayImage upscale2(const GrayView& in);
// Light-on-dark codes (a badge printed inverted, a phone in dark mode).
GrayImage inverted(const GrayView& in);
// Stretches the 1st..99th percentile to the full range (low light, washed out by glare).
GrayImage stretched(const GrayView& in);
// Unsharp mask (3x3), for a slightly out-of-focus camera.
GrayImage sharpened(const GrayView& in);

}  // namespace rapport
