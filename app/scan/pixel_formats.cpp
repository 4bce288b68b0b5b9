// Camera pixel formats to frames: YUYV by hand, MJPEG through libjpeg-turbo.
#include <turbojpeg.h>

#include <algorithm>

#include "scan/image_file.hpp"
#include "scan/v4l2_source.hpp"

namespace rapport {

namespace {
uint8_t clamp8(int v) { return static_cast<uint8_t>(std::clamp(v, 0, 255)); }
}  // namespace

Status yuyv_to_frame(const uint8_t* data, size_t size, int width, int height, int stride, Frame& out) {
  if (width <= 0 || height <= 0 || width % 2) return make_error("bad YUYV frame size");
  if (stride < width * 2) stride = width * 2;
  if (size < static_cast<size_t>(stride) * (height - 1) + static_cast<size_t>(width) * 2)
    return make_error("YUYV frame is shorter than its size says (camera unplugged mid-frame?)");
  out.width = width;
  out.height = height;
  out.gray.resize(static_cast<size_t>(width) * height);
  out.rgb.resize(static_cast<size_t>(width) * height * 3);
  for (int y = 0; y < height; ++y) {
    const uint8_t* row = data + static_cast<size_t>(y) * stride;
    for (int x = 0; x < width; x += 2) {
      int y0 = row[2 * x], u = row[2 * x + 1] - 128, y1 = row[2 * x + 2], v = row[2 * x + 3] - 128;
      size_t i = static_cast<size_t>(y) * width + x;
      out.gray[i] = static_cast<uint8_t>(y0);
      out.gray[i + 1] = static_cast<uint8_t>(y1);
      // BT.601 in fixed point.
      int rv = (359 * v) >> 8, gu = (88 * u + 183 * v) >> 8, bu = (454 * u) >> 8;
      uint8_t* p = &out.rgb[3 * i];
      p[0] = clamp8(y0 + rv), p[1] = clamp8(y0 - gu), p[2] = clamp8(y0 + bu);
      p[3] = clamp8(y1 + rv), p[4] = clamp8(y1 - gu), p[5] = clamp8(y1 + bu);
    }
  }
  return {};
}

MjpegDecoder::MjpegDecoder() : handle_(tjInitDecompress()) {}
MjpegDecoder::~MjpegDecoder() {
  if (handle_) tjDestroy(static_cast<tjhandle>(handle_));
}

Status MjpegDecoder::decode(const uint8_t* data, size_t size, Frame& out) {
  if (!handle_) return make_error("libjpeg-turbo could not start");
  if (size < 4 || data[0] != 0xFF || data[1] != 0xD8) return make_error("not a JPEG frame");
  int w = 0, h = 0, subsamp = 0, colorspace = 0;
  auto* tj = static_cast<tjhandle>(handle_);
  if (tjDecompressHeader3(tj, data, static_cast<unsigned long>(size), &w, &h, &subsamp, &colorspace) != 0)
    return make_error(std::string("broken MJPEG frame: ") + tjGetErrorStr2(tj));
  if (w <= 0 || h <= 0 || w > 8192 || h > 8192) return make_error("MJPEG frame has an impossible size");
  out.width = w;
  out.height = h;
  out.rgb.resize(static_cast<size_t>(w) * h * 3);
  if (tjDecompress2(tj, data, static_cast<unsigned long>(size), out.rgb.data(), w, 0, h, TJPF_RGB, TJFLAG_FASTDCT) != 0 &&
      tjGetErrorCode(tj) == TJERR_FATAL)
    return make_error(std::string("broken MJPEG frame: ") + tjGetErrorStr2(tj));
  fill_gray_from_rgb(out);
  return {};
}

Result<std::vector<uint8_t>> encode_jpeg(const Frame& f, int quality) {
  tjhandle tj = tjInitCompress();
  if (!tj) return make_error("libjpeg-turbo could not start");
  unsigned char* buf = nullptr;
  unsigned long len = 0;
  int rc = tjCompress2(tj, f.rgb.data(), f.width, 0, f.height, TJPF_RGB, &buf, &len, TJSAMP_422, quality, 0);
  std::vector<uint8_t> out;
  if (rc == 0) out.assign(buf, buf + len);
  tjFree(buf);
  tjDestroy(tj);
  if (rc != 0) return make_error("JPEG compression failed");
  return out;
}

}  // namespace rapport
