// Every ZXing include of Rapport is in this file (see qr_codec.hpp for why).
#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/DecodeHints.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <exception>

#include "scan/qr_codec.hpp"

namespace rapport {

namespace {

ZxFound to_found(const ZXing::Result& r) {
  ZxFound out;
  if (!r.isValid()) return out;
  out.found = true;
  out.text = r.text();
  const auto& p = r.position();
  int xs[4] = {p[0].x, p[1].x, p[2].x, p[3].x};
  int ys[4] = {p[0].y, p[1].y, p[2].y, p[3].y};
  out.left = *std::min_element(xs, xs + 4);
  out.right = *std::max_element(xs, xs + 4);
  out.top = *std::min_element(ys, ys + 4);
  out.bottom = *std::max_element(ys, ys + 4);
  return out;
}

ZXing::ImageView view_of(const GrayView& g) {
  return ZXing::ImageView(g.data, g.width, g.height, ZXing::ImageFormat::Lum, g.stride ? g.stride : g.width);
}

}  // namespace

Result<QrMatrix> encode_qr(std::string_view text, QrEcc ecc) {
  // ZXing's QR ECC levels on its 0-8 scale: L=1, M=3, Q=5, H=8 (rounded down to the level).
  static constexpr int kLevel[] = {1, 3, 5, 8};
  try {
    auto bits = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                    .setMargin(0)
                    .setEccLevel(kLevel[static_cast<int>(ecc)])
                    .encode(std::string(text), 0, 0);
    QrMatrix m;
    m.size = bits.width();
    m.modules.resize(static_cast<size_t>(m.size) * m.size);
    for (int y = 0; y < m.size; ++y)
      for (int x = 0; x < m.size; ++x) m.modules[static_cast<size_t>(y) * m.size + x] = bits.get(x, y) ? 1 : 0;
    return m;
  } catch (const std::exception& e) {
    return make_error(std::string("cannot make a QR code of this text: ") + e.what());
  }
}

ZxFound zxing_read_qr(const GrayView& image, const ZxPass& pass) {
  if (!image.data || image.width <= 0 || image.height <= 0) return {};
  ZXing::DecodeHints hints;
  hints.setFormats(ZXing::BarcodeFormat::QRCode)
      .setTryHarder(pass.try_harder)
      .setTryRotate(pass.try_rotate)
      .setTryDownscale(pass.try_downscale)
      .setMaxNumberOfSymbols(1);
  switch (pass.binarizer) {
    case ZxBinarizer::local_average: hints.setBinarizer(ZXing::Binarizer::LocalAverage); break;
    case ZxBinarizer::global_histogram: hints.setBinarizer(ZXing::Binarizer::GlobalHistogram); break;
    case ZxBinarizer::fixed_threshold: hints.setBinarizer(ZXing::Binarizer::FixedThreshold); break;
  }
  try {
    return to_found(ZXing::ReadBarcode(view_of(image), hints));
  } catch (const std::exception&) {
    return {};
  }
}

ZxFound zxing_read_defaults(const GrayView& image) {
  if (!image.data || image.width <= 0 || image.height <= 0) return {};
  try {
    return to_found(ZXing::ReadBarcode(view_of(image), ZXing::DecodeHints()));
  } catch (const std::exception&) {
    return {};
  }
}

}  // namespace rapport
