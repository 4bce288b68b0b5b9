#pragma once
// Rapport's QR decoding strategy on top of ZXing (QR only). ZXing with default settings
// misses badges a person can read: held at an angle, a bit out of focus, in a dim hall,
// under a ceiling light's glare, or small in the frame. The decoder runs a cheap fast
// path first and then harder passes on preprocessed pixels:
//   fast        LocalAverage binarizer, no tryHarder (every frame; < 10 ms at 1280x720)
//   region      the area where a code was last seen, enlarged, tryHarder
//   harder      tryHarder + tryRotate on the whole frame
//   half        2x2-averaged frame (noise, blur, glare speckle), tryHarder
//   histogram   GlobalHistogram binarizer (uneven light the local one gets wrong)
//   stretched   contrast stretched to the full range (low light), tryHarder
//   sharpened   unsharp mask (out of focus), tryHarder
//   double      2x enlarged (codes only a few pixels per module)
//   inverted    light-on-dark codes
// A still image (rapport decode) gets every pass until one finds a code. A live camera
// gets the fast path on every frame plus one of the harder passes in turn, so the worker
// keeps up with 30 fps while a badge that the fast path misses is still found within a
// few frames.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scan/frame.hpp"
#include "scan/scanner.hpp"

namespace rapport {

enum class DecodePass { fast, region, harder, half, histogram, stretched, sharpened, enlarged, inverted };
std::string_view pass_name(DecodePass p);
// The order a still image tries them in (also the benchmark's list).
const std::vector<DecodePass>& still_passes();

// One pass on a grayscale frame (region uses `hint` when given, else does nothing).
struct Box {
  int left = 0, top = 0, right = 0, bottom = 0;
};
DecodeResult run_pass(const Frame& frame, DecodePass pass, const std::optional<Box>& hint = std::nullopt);

class LiveDecoder {
 public:
  // Fast path, then (when it found nothing) the next harder pass in the rotation.
  DecodeResult decode(const Frame& frame);

 private:
  std::optional<Box> last_box_;
  int frames_since_seen_ = 1000;
  size_t turn_ = 0;
  size_t rotation_ = 0;
};

}  // namespace rapport
