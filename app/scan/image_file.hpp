#pragma once
// Image files as frames (PNG and JPEG), for `rapport decode`, images:DIR and the tests.
#include <string>

#include "core/util/result.hpp"
#include "scan/frame.hpp"

namespace rapport {

// Reads a PNG or JPEG into a frame (gray + rgb). Errors say what is wrong with the file.
Result<Frame> load_image_frame(const std::string& path);
// Builds the gray plane from rgb (ITU-R BT.601 luma, as cameras do).
void fill_gray_from_rgb(Frame& frame);
// Writes the frame's gray plane as PNG (tests and debugging).
Status save_gray_png(const Frame& frame, const std::string& path);

}  // namespace rapport
