#pragma once
// The only door to ZXing-cpp. ZXing's headers define macros (ZXing/Error.h) that clash
// with other code, so every ZXing include lives in zxing_bridge.cpp and the rest of
// Rapport sees these plain types.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.hpp"

namespace rapport {

// A QR symbol as modules, without quiet zone: dark(x, y) for 0 <= x, y < size.
struct QrMatrix {
  int size = 0;
  std::vector<uint8_t> modules;  // 1 = dark, row-major
  bool dark(int x, int y) const { return modules[static_cast<size_t>(y) * size + x] != 0; }
};

enum class QrEcc { L, M, Q, H };
Result<QrMatrix> encode_qr(std::string_view text, QrEcc ecc = QrEcc::Q);

// A borrowed 8-bit grayscale image.
struct GrayView {
  const uint8_t* data = nullptr;
  int width = 0;
  int height = 0;
  int stride = 0;  // bytes per row
};

enum class ZxBinarizer { local_average, global_histogram, fixed_threshold };

// The ZXing knobs Rapport's passes use; the defaults are Rapport's fast path.
struct ZxPass {
  bool try_harder = false;
  bool try_rotate = false;
  bool try_downscale = true;
  ZxBinarizer binarizer = ZxBinarizer::local_average;
};

struct ZxFound {
  bool found = false;
  std::string text;
  int left = 0, top = 0, right = 0, bottom = 0;  // bounding box of the symbol in the image
};

// One ZXing read restricted to QR codes.
ZxFound zxing_read_qr(const GrayView& image, const ZxPass& pass);
// ZXing exactly as it comes (default DecodeHints: every format, tryHarder, tryRotate,
// tryDownscale): the baseline Rapport's decoder is measured against.
ZxFound zxing_read_defaults(const GrayView& image);

}  // namespace rapport
