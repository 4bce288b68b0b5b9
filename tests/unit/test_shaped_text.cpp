// The kiosk's text against Pango's own rendering of the same string (the rendering the
// badge printer trusts): same pixels, for every script the floor meets. A rendering that
// ignores shaping or direction (what ImGui's atlas did) must NOT pass the same check.
#include <gtest/gtest.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <string>
#include <vector>

#include "ui/shaped_text.hpp"
#include "ui/text_cache.hpp"

using namespace rapport::ui;

namespace {
struct Gray {
  int w = 0, h = 0;
  std::vector<float> ink;  // 0 = background, 1 = full text colour
};

// Pango's own rendering: a fresh default font map, black text on white, at (0, 0) of its
// logical box, same family, size and weight as the kiosk asks for.
Gray pango_reference(const std::string& text, float px, bool bold, int w, int h, int ox, int oy,
                     bool force_ltr_unshaped = false) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_translate(cr, -ox, -oy);
  PangoLayout* layout = pango_cairo_create_layout(cr);
  // The kiosk's paragraphs are left to right (an English sentence may start with a name).
  pango_layout_set_auto_dir(layout, FALSE);
  pango_context_set_base_dir(pango_layout_get_context(layout), PANGO_DIRECTION_LTR);
  cairo_font_options_t* o = cairo_font_options_create();
  cairo_font_options_set_antialias(o, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style(o, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_hint_metrics(o, CAIRO_HINT_METRICS_ON);
  pango_cairo_context_set_font_options(pango_layout_get_context(layout), o);
  pango_layout_context_changed(layout);
  cairo_font_options_destroy(o);
  PangoFontDescription* d = pango_font_description_from_string("Noto Sans");
  if (bold) pango_font_description_set_weight(d, PANGO_WEIGHT_SEMIBOLD);
  pango_font_description_set_absolute_size(d, px * PANGO_SCALE);
  pango_layout_set_font_description(layout, d);
  pango_font_description_free(d);
  if (force_ltr_unshaped) {
    // What an unshaping renderer shows: each character alone, left to right.
    double x = 0;
    const char* p = text.c_str();
    while (*p) {
      const char* next = g_utf8_next_char(p);
      pango_layout_set_text(layout, p, static_cast<int>(next - p));
      cairo_move_to(cr, x, 0);
      pango_cairo_show_layout(cr, layout);
      int cw = 0;
      pango_layout_get_pixel_size(layout, &cw, nullptr);
      x += cw;
      p = next;
    }
  } else {
    pango_layout_set_text(layout, text.c_str(), -1);
    pango_cairo_show_layout(cr, layout);
  }
  g_object_unref(layout);
  cairo_destroy(cr);
  cairo_surface_flush(s);
  Gray g{w, h, std::vector<float>(static_cast<size_t>(w) * h)};
  const unsigned char* data = cairo_image_surface_get_data(s);
  int stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      uint32_t px32 = reinterpret_cast<const uint32_t*>(data + y * stride)[x];
      g.ink[static_cast<size_t>(y) * w + x] = 1.0f - ((px32 >> 8) & 0xFF) / 255.0f;
    }
  cairo_surface_destroy(s);
  return g;
}

// The kiosk's raster (straight RGBA, black text) as ink coverage.
Gray kiosk(const ShapedText& t) {
  std::vector<uint8_t> rgba = t.render_rgba(0x000000);
  Gray g{t.raster_width(), t.raster_height(), std::vector<float>(rgba.size() / 4)};
  for (size_t i = 0; i < g.ink.size(); ++i) g.ink[i] = rgba[i * 4 + 3] / 255.0f;
  return g;
}

// Mean absolute difference over the pixels either rendering inks, 0..1.
double difference(const Gray& a, const Gray& b) {
  double sum = 0;
  size_t n = 0;
  for (size_t i = 0; i < a.ink.size(); ++i) {
    if (a.ink[i] < 0.05f && b.ink[i] < 0.05f) continue;
    sum += std::fabs(a.ink[i] - b.ink[i]);
    ++n;
  }
  return n ? sum / n : 1.0;
}

double ink(const Gray& g) {
  double s = 0;
  for (float v : g.ink) s += v;
  return s;
}

const char* kStrings[] = {
    "Ask عبد الرحمن about climate data",
    "عبد الرحمن loves water skiing too",
    "प्रियंका शर्मा",
    "สมศักดิ์ ใจดี",
    "דוד כהן",
    "김민준 王芳 さくら",
    "Ngô Bảo Châu",
};
}  // namespace

TEST(ShapedText, MatchesPangosOwnRendering) {
  Shaper shaper;
  for (const char* s : kStrings) {
    for (bool bold : {false, true}) {
      auto t = shaper.shape(TextStyle{40, bold}, s, TextBox{});
      ASSERT_GT(t->raster_width(), 40) << s;
      EXPECT_EQ(t->unknown_glyphs(), 0) << s << ": a character no installed font has";
      Gray mine = kiosk(*t);
      Gray ref = pango_reference(s, 40, bold, mine.w, mine.h, t->raster_x(), t->raster_y());
      EXPECT_GT(ink(mine), 100) << s;
      EXPECT_LT(difference(mine, ref), 0.03) << s << (bold ? " (bold)" : "");
    }
  }
}

TEST(ShapedText, UnshapedLeftToRightRenderingDoesNotPass) {
  // The check above can fail: Arabic drawn letter by letter, left to right (unjoined and
  // backwards, as ImGui's atlas drew it), differs a lot.
  Shaper shaper;
  for (const char* s : {"عبد الرحمن", "प्रियंका"}) {
    auto t = shaper.shape(TextStyle{40, false}, s, TextBox{});
    Gray mine = kiosk(*t);
    Gray wrong = pango_reference(s, 40, false, mine.w, mine.h, t->raster_x(), t->raster_y(), true);
    EXPECT_GT(difference(mine, wrong), 0.15) << s;
  }
}

TEST(ShapedText, EmojiInColourAndNoBoxes) {
  Shaper shaper;
  auto t = shaper.shape(TextStyle{40, false}, "Ana 🎉🇧🇷", TextBox{});
  EXPECT_EQ(t->unknown_glyphs(), 0);
  std::vector<uint8_t> rgba = t->render_rgba(0xFFFFFF);
  bool coloured = false;
  for (size_t i = 0; i + 3 < rgba.size() && !coloured; i += 4)
    coloured = rgba[i + 3] > 200 && (std::abs(rgba[i] - rgba[i + 1]) > 60 || std::abs(rgba[i + 1] - rgba[i + 2]) > 60);
  EXPECT_TRUE(coloured) << "white text with emoji should hold coloured pixels";
}

TEST(ShapedText, LongNamesWrapOrShorten) {
  Shaper shaper;
  std::string name = "Maximiliana Alexandra Konstantinopoulou-Vanderbilt-Sørensen";  // 60 characters
  auto one = shaper.shape(TextStyle{36, true}, name, TextBox{400, 1});
  EXPECT_TRUE(one->ellipsized());
  EXPECT_LE(one->width(), 400);
  EXPECT_EQ(one->lines(), 1);
  auto wrapped = shaper.shape(TextStyle{36, true}, name, TextBox{400, 0});
  EXPECT_FALSE(wrapped->ellipsized());
  EXPECT_GT(wrapped->lines(), 1);
  EXPECT_LE(wrapped->width(), 400);
  // A name with no spaces still breaks inside the box.
  auto solid = shaper.shape(TextStyle{36, false}, std::string(60, 'W'), TextBox{300, 0});
  EXPECT_LE(solid->width(), 300);
}

TEST(TextCache, StaysWithinItsLimits) {
  TextCache cache(TextCache::Limits{50, size_t(1) << 30});
  for (int frame = 0; frame < 20; ++frame) {
    cache.new_frame();
    for (int i = 0; i < 10; ++i) cache.get(TextStyle{20, false}, "name " + std::to_string(frame * 10 + i), TextBox{});
    EXPECT_LE(cache.entries(), 60u);
  }
  // A text drawn every frame survives the churn.
  for (int frame = 0; frame < 20; ++frame) {
    cache.new_frame();
    auto& kept = cache.get(TextStyle{20, false}, "Welcome", TextBox{});
    for (int i = 0; i < 10; ++i) cache.get(TextStyle{20, false}, "x" + std::to_string(frame * 10 + i), TextBox{});
    EXPECT_EQ(&kept, &cache.get(TextStyle{20, false}, "Welcome", TextBox{}));
  }
}
