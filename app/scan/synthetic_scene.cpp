#include "scan/synthetic_scene.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "scan/qr_codec.hpp"

namespace rapport {

namespace {

// A small deterministic generator (splitmix64): the same seed gives the same frames.
struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
};

// The printed badge, flat: a 480x360 card, a band on top, "text" lines, the QR with its
// quiet zone in the lower right corner (as `rapport badges` lays it out).
constexpr int kCardW = 480, kCardH = 360;

std::vector<uint8_t> draw_card(const QrMatrix& qr) {
  std::vector<uint8_t> px(kCardW * kCardH, 245);
  auto bar = [&](int x0, int y0, int w, int h, uint8_t v) {
    for (int y = std::max(0, y0); y < std::min(kCardH, y0 + h); ++y)
      for (int x = std::max(0, x0); x < std::min(kCardW, x0 + w); ++x) px[y * kCardW + x] = v;
  };
  bar(0, 0, kCardW, 40, 90);     // event band
  bar(24, 64, 190, 34, 40);      // first name
  bar(24, 112, 150, 14, 80);     // full name
  bar(24, 180, 120, 10, 110);    // interests
  bar(24, 200, 100, 10, 110);
  bar(24, 220, 130, 10, 110);
  const int quiet = 4;
  const int module = std::max(2, 250 / (qr.size + 2 * quiet));
  const int total = (qr.size + 2 * quiet) * module;
  const int ox = kCardW - total - 10, oy = kCardH - total - 8;
  bar(ox, oy, total, total, 250);
  for (int y = 0; y < qr.size; ++y)
    for (int x = 0; x < qr.size; ++x)
      if (qr.dark(x, y)) bar(ox + (x + quiet) * module, oy + (y + quiet) * module, module, module, 20);
  return px;
}

using Pt = std::array<double, 2>;

// The homography taking src[i] to dst[i] (Gaussian elimination on the 8x8 system).
std::array<double, 9> homography(const std::array<Pt, 4>& src, const std::array<Pt, 4>& dst) {
  double a[8][9] = {};
  for (int i = 0; i < 4; ++i) {
    double x = src[i][0], y = src[i][1], u = dst[i][0], v = dst[i][1];
    double r1[9] = {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
    double r2[9] = {0, 0, 0, x, y, 1, -v * x, -v * y, v};
    std::copy(r1, r1 + 9, a[2 * i]);
    std::copy(r2, r2 + 9, a[2 * i + 1]);
  }
  for (int c = 0; c < 8; ++c) {
    int p = c;
    for (int r = c + 1; r < 8; ++r)
      if (std::fabs(a[r][c]) > std::fabs(a[p][c])) p = r;
    for (int k = 0; k < 9; ++k) std::swap(a[c][k], a[p][k]);
    for (int r = 0; r < 8; ++r) {
      if (r == c || a[c][c] == 0) continue;
      double f = a[r][c] / a[c][c];
      for (int k = c; k < 9; ++k) a[r][k] -= f * a[c][k];
    }
  }
  std::array<double, 9> h{};
  for (int i = 0; i < 8; ++i) h[i] = a[i][i] == 0 ? 0 : a[i][8] / a[i][i];
  h[8] = 1;
  return h;
}

void box_blur(std::vector<uint8_t>& g, int w, int h) {
  std::vector<uint8_t> tmp(g.size());
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      int l = std::max(0, x - 1), r = std::min(w - 1, x + 1);
      tmp[y * w + x] = static_cast<uint8_t>((g[y * w + l] + g[y * w + x] + g[y * w + r]) / 3);
    }
  for (int y = 0; y < h; ++y) {
    int u = std::max(0, y - 1), d = std::min(h - 1, y + 1);
    for (int x = 0; x < w; ++x)
      g[y * w + x] = static_cast<uint8_t>((tmp[u * w + x] + tmp[y * w + x] + tmp[d * w + x]) / 3);
  }
}

}  // namespace

Result<Frame> render_scene(const std::string& code, uint64_t frame_number, const SceneOptions& o) {
  if (o.width < 64 || o.height < 64) return make_error("the synthetic camera needs at least 64x64 pixels");
  Frame f;
  f.width = o.width;
  f.height = o.height;
  f.sequence = frame_number;
  f.gray.assign(static_cast<size_t>(o.width) * o.height, 0);
  // A dim room: a vertical gradient with a soft window-light blob.
  std::vector<double> gx(o.width), gy(o.height);  // the blob is separable: exp(a+b) = exp(a)exp(b)
  for (int x = 0; x < o.width; ++x) gx[x] = std::exp(-std::pow((x - o.width * 0.8) / o.width, 2) * 12);
  for (int y = 0; y < o.height; ++y) gy[y] = std::exp(-std::pow((y - o.height * 0.2) / o.height, 2) * 12);
  for (int y = 0; y < o.height; ++y)
    for (int x = 0; x < o.width; ++x) {
      double v = 70 + 50.0 * y / o.height + 60 * gx[x] * gy[y];
      f.gray[static_cast<size_t>(y) * o.width + x] = static_cast<uint8_t>(std::clamp(v, 0.0, 255.0));
    }
  if (!code.empty()) {
    auto qr = encode_qr(code, QrEcc::M);
    if (!qr) return qr.error();
    auto card = draw_card(*qr);
    // A hand sways slowly: position, turn and tilt follow smooth curves per seed.
    Rng rng{o.seed};
    double ph1 = rng.uniform() * 6.28, ph2 = rng.uniform() * 6.28, ph3 = rng.uniform() * 6.28;
    double t = frame_number / 30.0;
    double cx = o.width * 0.5 + 30 * std::sin(t * 0.9 + ph1);
    double cy = o.height * 0.52 + 20 * std::sin(t * 1.3 + ph2);
    double angle = 0.10 * std::sin(t * 0.7 + ph3);
    double tilt = 0.08 * std::sin(t * 0.5 + ph1 + ph2);  // perspective: one side nearer
    double w = o.badge_width * o.width / 1280.0, h = w * kCardH / kCardW;
    std::array<Pt, 4> corners;
    const double sx[4] = {-0.5, 0.5, 0.5, -0.5}, sy[4] = {-0.5, -0.5, 0.5, 0.5};
    for (int i = 0; i < 4; ++i) {
      double px = sx[i] * w, py = sy[i] * h * (1 + tilt * sx[i] * 2);
      px *= 1 - tilt * sy[i] * 0.5;
      corners[i] = {cx + px * std::cos(angle) - py * std::sin(angle), cy + px * std::sin(angle) + py * std::cos(angle)};
    }
    std::array<Pt, 4> flat = {Pt{0, 0}, Pt{double(kCardW), 0}, Pt{double(kCardW), double(kCardH)}, Pt{0, double(kCardH)}};
    auto hm = homography(corners, flat);  // frame -> card
    int x0 = o.width, y0 = o.height, x1 = 0, y1 = 0;
    for (auto& c : corners) {
      x0 = std::min(x0, static_cast<int>(c[0]));
      y0 = std::min(y0, static_cast<int>(c[1]));
      x1 = std::max(x1, static_cast<int>(c[0]) + 1);
      y1 = std::max(y1, static_cast<int>(c[1]) + 1);
    }
    x0 = std::max(0, x0), y0 = std::max(0, y0), x1 = std::min(o.width - 1, x1), y1 = std::min(o.height - 1, y1);
    for (int y = y0; y <= y1; ++y)
      for (int x = x0; x <= x1; ++x) {
        double d = hm[6] * x + hm[7] * y + 1;
        double u = (hm[0] * x + hm[1] * y + hm[2]) / d, v = (hm[3] * x + hm[4] * y + hm[5]) / d;
        if (u < 0 || v < 0 || u >= kCardW - 1 || v >= kCardH - 1) continue;
        int iu = static_cast<int>(u), iv = static_cast<int>(v);
        double fu = u - iu, fv = v - iv;
        auto at = [&](int a, int b) { return static_cast<double>(card[b * kCardW + a]); };
        double val = (at(iu, iv) * (1 - fu) + at(iu + 1, iv) * fu) * (1 - fv) +
                     (at(iu, iv + 1) * (1 - fu) + at(iu + 1, iv + 1) * fu) * fv;
        // The room light falls off across the card.
        val *= 0.78 + 0.12 * (static_cast<double>(x - x0) / std::max(1, x1 - x0));
        f.gray[static_cast<size_t>(y) * o.width + x] = static_cast<uint8_t>(std::clamp(val, 0.0, 255.0));
      }
  }
  for (int i = 0; i < static_cast<int>(o.blur); ++i) box_blur(f.gray, o.width, o.height);
  if (o.noise > 0) {
    Rng rng{o.seed * 1000003 + frame_number};
    for (auto& p : f.gray) {
      uint64_t r = rng.next();
      // Sum of two uniforms: a triangular distribution, close enough to sensor noise.
      double n = ((r & 0xFFFF) + ((r >> 16) & 0xFFFF)) / 65535.0 - 1.0;
      p = static_cast<uint8_t>(std::clamp(p + n * o.noise, 0.0, 255.0));
    }
  }
  f.rgb.resize(f.gray.size() * 3);
  for (size_t i = 0; i < f.gray.size(); ++i) {
    f.rgb[3 * i] = static_cast<uint8_t>(std::min(255, f.gray[i] + 6));
    f.rgb[3 * i + 1] = f.gray[i];
    f.rgb[3 * i + 2] = static_cast<uint8_t>(std::max(0, f.gray[i] - 6));
  }
  return f;
}

}  // namespace rapport
