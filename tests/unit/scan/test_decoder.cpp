#include <gtest/gtest.h>

#include "../../support/degraded_set.hpp"
#include "scan/decoder.hpp"
#include "scan/gray_ops.hpp"
#include "scan/image_file.hpp"
#include "scan/qr_codec.hpp"
#include "scan/synthetic_scene.hpp"
#include "../support/temp_dir.hpp"

using namespace rapport;
using rapport::test::TempDir;

namespace {
const std::string kCode = "RPT1:MZXW6YTBOI3DEMZUGU3DOOBZGA";

Frame from_gray(const GrayImage& g) {
  Frame f;
  f.width = g.width;
  f.height = g.height;
  f.gray = g.pixels;
  return f;
}
}  // namespace

TEST(Decoder, InvertedBadgeIsFoundOnlyByTheInvertedPass) {
  auto f = render_scene(kCode, 0, SceneOptions{});
  ASSERT_TRUE(f.ok());
  auto inv = from_gray(inverted(GrayView{f->gray.data(), f->width, f->height, f->width}));
  EXPECT_FALSE(run_pass(inv, DecodePass::fast).found);
  auto r = decode_frame(inv);
  ASSERT_TRUE(r.found);
  EXPECT_EQ(r.text, kCode);
  EXPECT_EQ(r.pass, "inverted");
}

TEST(Decoder, ReportsWhereTheCodeIs) {
  auto f = render_scene(kCode, 0, SceneOptions{});
  auto r = run_pass(*f, DecodePass::fast);
  ASSERT_TRUE(r.found);
  // The synthetic badge is held near the centre; its QR is in the badge's lower right.
  EXPECT_GT(r.left, 500);
  EXPECT_LT(r.right, 1100);
  EXPECT_GT(r.top, 250);
  EXPECT_LT(r.bottom, 720);
  // The region pass finds it again from that box.
  auto again = run_pass(*f, DecodePass::region, Box{r.left, r.top, r.right, r.bottom});
  ASSERT_TRUE(again.found);
  EXPECT_EQ(again.text, kCode);
}

TEST(Decoder, NothingToFindIsNotAFinding) {
  Frame blank;
  blank.width = 1280;
  blank.height = 720;
  blank.gray.assign(1280 * 720, 128);
  EXPECT_FALSE(decode_frame(blank).found);
  Frame broken;  // a frame whose pixels do not match its size
  broken.width = 100;
  broken.height = 100;
  EXPECT_FALSE(decode_frame(broken).found);
  EXPECT_FALSE(decode_frame(Frame{}).found);
}

TEST(Decoder, OnlyQrCodesAreRead) {
  // A QR code decodes; other symbologies are ignored (restricting formats is part of speed
  // and of never mistaking a product barcode in view for a badge).
  auto m = encode_qr("T-0001", QrEcc::M);
  ASSERT_TRUE(m.ok());
  const int s = 8, size = (m->size + 8) * s;
  Frame f;
  f.width = f.height = size;
  f.gray.assign(static_cast<size_t>(size) * size, 255);
  for (int y = 0; y < m->size * s; ++y)
    for (int x = 0; x < m->size * s; ++x)
      if (m->dark(x / s, y / s)) f.gray[static_cast<size_t>(y + 4 * s) * size + x + 4 * s] = 0;
  auto r = decode_frame(f);
  ASSERT_TRUE(r.found);
  EXPECT_EQ(r.text, "T-0001");
  EXPECT_EQ(r.pass, "fast");
}

TEST(Decoder, LiveDecoderKeepsFindingABadgeTheFastPathLoses) {
  // Heavy blur: the fast path alone misses the code, the live rotation finds it within a
  // few frames (this is why the harder passes run on some frames).
  SceneOptions o;
  o.blur = 4;
  o.noise = 10;
  o.badge_width = 300;
  int fast = 0, live = 0;
  LiveDecoder decoder;
  for (uint64_t n = 0; n < 16; ++n) {
    auto f = render_scene(kCode, n, o);
    fast += run_pass(*f, DecodePass::fast).found;
    auto r = decoder.decode(*f);
    if (r.found) {
      EXPECT_EQ(r.text, kCode);
    }
    live += r.found;
  }
  EXPECT_GE(live, fast);
  EXPECT_GT(live, 0);
}

TEST(Decoder, DegradedPhotosAtLeastAsWellAsPlainZxingDefaults) {
  TempDir dir;
  auto set = test::make_degraded_set(dir.file("set"));
  if (set.empty()) GTEST_SKIP() << "ImageMagick or qrencode is not installed";
  int ours = 0, plain = 0;
  std::string misses;
  for (const auto& img : set) {
    auto f = load_image_frame(img.file);
    ASSERT_TRUE(f.ok()) << img.file;
    auto r = decode_frame(*f);
    auto z = zxing_read_defaults(GrayView{f->gray.data(), f->width, f->height, f->width});
    bool ours_ok = r.found && r.text == img.text;
    bool plain_ok = z.found && z.text == img.text;
    if (r.found) {
      EXPECT_EQ(r.text, img.text) << img.file;  // never a wrong reading
    }
    ours += ours_ok;
    plain += plain_ok;
    EXPECT_TRUE(ours_ok || !plain_ok) << "plain ZXing read " << img.file << " but Rapport did not";
    if (!ours_ok) misses += " " + std::filesystem::path(img.file).filename().string();
  }
  RecordProperty("rapport_found", ours);
  RecordProperty("zxing_defaults_found", plain);
  std::cout << "degraded set: Rapport " << ours << "/" << set.size() << ", plain ZXing " << plain << "/" << set.size()
            << (misses.empty() ? "" : "; Rapport missed:" + misses) << std::endl;
  EXPECT_GE(ours, plain);
  EXPECT_GE(ours * 10, static_cast<int>(set.size()) * 8);  // reads at least 80% of a hard set
}
