#include "scan/decoder.hpp"

#include <algorithm>

#include "scan/gray_ops.hpp"
#include "scan/qr_codec.hpp"

namespace rapport {

std::string_view pass_name(DecodePass p) {
  switch (p) {
    case DecodePass::fast: return "fast";
    case DecodePass::region: return "region";
    case DecodePass::harder: return "harder";
    case DecodePass::half: return "half";
    case DecodePass::histogram: return "histogram";
    case DecodePass::stretched: return "stretched";
    case DecodePass::sharpened: return "sharpened";
    case DecodePass::enlarged: return "double";
    case DecodePass::inverted: return "inverted";
  }
  return "fast";
}

const std::vector<DecodePass>& still_passes() {
  static const std::vector<DecodePass> all = {DecodePass::fast,      DecodePass::harder,    DecodePass::half,
                                              DecodePass::histogram, DecodePass::stretched, DecodePass::sharpened,
                                              DecodePass::enlarged,  DecodePass::inverted};
  return all;
}

namespace {

constexpr ZxPass kFast{};
constexpr ZxPass kHard{true, true, true, ZxBinarizer::local_average};

// Scales a result found on a scaled/cropped image back to frame coordinates.
DecodeResult found(const ZxFound& z, DecodePass pass, double scale = 1.0, int dx = 0, int dy = 0) {
  DecodeResult r;
  if (!z.found) return r;
  r.found = true;
  r.text = z.text;
  r.pass = std::string(pass_name(pass));
  r.left = static_cast<int>(z.left * scale) + dx;
  r.top = static_cast<int>(z.top * scale) + dy;
  r.right = static_cast<int>(z.right * scale) + dx;
  r.bottom = static_cast<int>(z.bottom * scale) + dy;
  return r;
}

}  // namespace

DecodeResult run_pass(const Frame& frame, DecodePass pass, const std::optional<Box>& hint) {
  if (frame.width <= 0 || frame.height <= 0 ||
      frame.gray.size() < static_cast<size_t>(frame.width) * static_cast<size_t>(frame.height))
    return {};
  const GrayView v{frame.gray.data(), frame.width, frame.height, frame.width};
  switch (pass) {
    case DecodePass::fast: return found(zxing_read_qr(v, kFast), pass);
    case DecodePass::harder: return found(zxing_read_qr(v, kHard), pass);
    case DecodePass::half: {
      if (frame.width < 200 || frame.height < 200) return {};
      auto small = downscale2(v);
      return found(zxing_read_qr(small.view(), kHard), pass, 2.0);
    }
    case DecodePass::histogram: {
      ZxPass p = kHard;
      p.binarizer = ZxBinarizer::global_histogram;
      return found(zxing_read_qr(v, p), pass);
    }
    case DecodePass::stretched: {
      auto s = stretched(v);
      return found(zxing_read_qr(s.view(), kHard), pass);
    }
    case DecodePass::sharpened: {
      auto s = sharpened(v);
      return found(zxing_read_qr(s.view(), kHard), pass);
    }
    case DecodePass::enlarged: {
      // Enlarging a whole 1280x720 frame costs too much; small images and regions only.
      if (static_cast<long>(frame.width) * frame.height > 1'000'000) {
        // The centre, where people hold their badge, enlarged.
        auto centre = copy_region(v, frame.width / 4, frame.height / 4, frame.width / 2, frame.height / 2);
        auto big = upscale2(centre.view());
        return found(zxing_read_qr(big.view(), kHard), pass, 0.5, frame.width / 4, frame.height / 4);
      }
      auto big = upscale2(v);
      return found(zxing_read_qr(big.view(), kHard), pass, 0.5);
    }
    case DecodePass::inverted: {
      auto inv = inverted(v);
      return found(zxing_read_qr(inv.view(), kHard), pass);
    }
    case DecodePass::region: {
      if (!hint) return {};
      int w = hint->right - hint->left, h = hint->bottom - hint->top;
      int margin = std::max(w, h) / 2 + 16;
      int left = std::max(0, hint->left - margin), top = std::max(0, hint->top - margin);
      auto crop = copy_region(v, left, top, w + 2 * margin, h + 2 * margin);
      if (crop.width < 16 || crop.height < 16) return {};
      if (crop.width < 400 && crop.height < 400) {
        auto big = upscale2(crop.view());
        auto s = stretched(big.view());
        return found(zxing_read_qr(s.view(), kHard), pass, 0.5, left, top);
      }
      auto s = stretched(crop.view());
      return found(zxing_read_qr(s.view(), kHard), pass, 1.0, left, top);
    }
  }
  return {};
}

DecodeResult decode_frame(const Frame& frame) {
  for (auto pass : still_passes())
    if (auto r = run_pass(frame, pass); r.found) return r;
  return {};
}

DecodeResult LiveDecoder::decode(const Frame& frame) {
  auto remember = [&](const DecodeResult& r) {
    if (r.found) {
      last_box_ = Box{r.left, r.top, r.right, r.bottom};
      frames_since_seen_ = 0;
    } else {
      ++frames_since_seen_;
    }
    return r;
  };
  if (auto r = run_pass(frame, DecodePass::fast); r.found) return remember(r);
  // Where a code was seen in the last second, look there first and every other frame.
  static constexpr DecodePass kTurns[] = {DecodePass::harder, DecodePass::half, DecodePass::stretched,
                                          DecodePass::histogram, DecodePass::sharpened, DecodePass::enlarged,
                                          DecodePass::inverted};
  ++turn_;
  if (last_box_ && frames_since_seen_ < 30 && turn_ % 2 == 0)
    return remember(run_pass(frame, DecodePass::region, last_box_));
  DecodePass next = kTurns[rotation_++ % std::size(kTurns)];
  return remember(run_pass(frame, next));
}

}  // namespace rapport
