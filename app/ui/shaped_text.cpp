#include "ui/shaped_text.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>

namespace rapport::ui {

ShapedText::ShapedText(PangoLayout* layout) : layout_(layout) {
  PangoRectangle ink, logical;
  pango_layout_get_pixel_extents(layout_, &ink, &logical);
  lx_ = static_cast<float>(logical.x);
  ly_ = static_cast<float>(logical.y);
  lw_ = static_cast<float>(logical.width);
  lh_ = static_cast<float>(logical.height);
  int x0 = logical.x, y0 = logical.y, x1 = logical.x + logical.width, y1 = logical.y + logical.height;
  if (ink.width > 0 && ink.height > 0) {
    x0 = std::min(x0, ink.x);
    y0 = std::min(y0, ink.y);
    x1 = std::max(x1, ink.x + ink.width);
    y1 = std::max(y1, ink.y + ink.height);
  }
  rx_ = x0;
  ry_ = y0;
  rw_ = std::max(0, x1 - x0);
  rh_ = std::max(0, y1 - y0);
  unknown_ = pango_layout_get_unknown_glyphs_count(layout_);
}

ShapedText::~ShapedText() { g_object_unref(layout_); }

bool ShapedText::ellipsized() const { return pango_layout_is_ellipsized(layout_); }
int ShapedText::lines() const { return pango_layout_get_line_count(layout_); }

std::vector<uint8_t> ShapedText::render_rgba(uint32_t rgb) const {
  std::vector<uint8_t> out;
  if (rw_ <= 0 || rh_ <= 0) return out;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, rw_, rh_);
  cairo_t* cr = cairo_create(surface);
  cairo_translate(cr, -rx_, -ry_);
  cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
  pango_cairo_show_layout(cr, layout_);
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  // cairo keeps premultiplied native-endian ARGB; ImGui's renderer blends straight RGBA.
  const unsigned char* data = cairo_image_surface_get_data(surface);
  int stride = cairo_image_surface_get_stride(surface);
  out.resize(static_cast<size_t>(rw_) * rh_ * 4);
  uint8_t* o = out.data();
  for (int y = 0; y < rh_; ++y) {
    const uint32_t* row = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
    for (int x = 0; x < rw_; ++x, o += 4) {
      uint32_t p = row[x];
      uint32_t a = p >> 24;
      if (a == 0) {
        o[0] = o[1] = o[2] = o[3] = 0;
        continue;
      }
      o[0] = static_cast<uint8_t>(std::min<uint32_t>(255, (((p >> 16) & 0xFF) * 255 + a / 2) / a));
      o[1] = static_cast<uint8_t>(std::min<uint32_t>(255, (((p >> 8) & 0xFF) * 255 + a / 2) / a));
      o[2] = static_cast<uint8_t>(std::min<uint32_t>(255, ((p & 0xFF) * 255 + a / 2) / a));
      o[3] = static_cast<uint8_t>(a);
    }
  }
  cairo_surface_destroy(surface);
  return out;
}

struct Shaper::Impl {
  PangoFontMap* map = nullptr;
  PangoContext* context = nullptr;
  PangoFontDescription* regular = nullptr;
  PangoFontDescription* bold = nullptr;
};

const char* Shaper::family() { return "Noto Sans"; }

Shaper::Shaper() : impl_(std::make_unique<Impl>()) {
  // Its own font map: the badge printer (another thread) keeps Pango's default one.
  impl_->map = pango_cairo_font_map_new();
  impl_->context = pango_font_map_create_context(impl_->map);
  pango_context_set_base_dir(impl_->context, PANGO_DIRECTION_LTR);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_ON);
  pango_cairo_context_set_font_options(impl_->context, options);
  cairo_font_options_destroy(options);
  impl_->regular = pango_font_description_from_string(family());
  impl_->bold = pango_font_description_copy(impl_->regular);
  pango_font_description_set_weight(impl_->bold, PANGO_WEIGHT_SEMIBOLD);
}

Shaper::~Shaper() {
  pango_font_description_free(impl_->regular);
  pango_font_description_free(impl_->bold);
  g_object_unref(impl_->context);
  g_object_unref(impl_->map);
}

std::unique_ptr<ShapedText> Shaper::shape(const TextStyle& style, std::string_view text, const TextBox& box) const {
  PangoLayout* layout = pango_layout_new(impl_->context);
  PangoFontDescription* desc = pango_font_description_copy(style.bold ? impl_->bold : impl_->regular);
  pango_font_description_set_absolute_size(desc, std::max(1.0f, style.px) * PANGO_SCALE);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  // Names are data: Pango markup is never parsed, and a broken UTF-8 byte becomes a box.
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  // The kiosk speaks a left-to-right language: a sentence that starts with an Arabic or
  // Hebrew name ("عبد الرحمن loves water skiing") stays an English sentence, and the
  // name inside it still reads right to left (FriBidi orders the runs).
  pango_layout_set_auto_dir(layout, FALSE);
  if (box.width > 0) {
    pango_layout_set_width(layout, static_cast<int>(std::floor(box.width * PANGO_SCALE)));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    if (box.max_lines > 0) {
      pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height(layout, -box.max_lines);
    }
    if (box.centre) pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
  }
  return std::make_unique<ShapedText>(layout);
}

}  // namespace rapport::ui
