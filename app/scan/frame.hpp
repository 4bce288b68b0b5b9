#pragma once
// A camera frame as the scan pipeline and the UI preview see it.
#include <cstdint>
#include <vector>

#include "core/util/clock.hpp"

namespace rapport {

struct Frame {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> gray;  // width * height luminance, what the decoder reads
  std::vector<uint8_t> rgb;   // width * height * 3, for the live preview (may be empty)
  uint64_t sequence = 0;
  TimePoint captured{};
};

}  // namespace rapport
