#pragma once
// Text in every script: Pango lays a string out (HarfBuzz shaping, FriBidi order,
// fontconfig fallback across the installed Noto families, colour emoji) and cairo
// rasterises it. No GL here: text_cache.hpp turns these pixels into textures.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

typedef struct _PangoLayout PangoLayout;

namespace rapport::ui {

struct TextStyle {
  float px = 32;      // font size in pixels (the em of the font, as ImGui's FontSize)
  bool bold = false;  // semibold, for names and headings
};

// The box a text is laid out in.
struct TextBox {
  float width = 0;    // 0: one line, as long as the text; > 0: wrap (or shorten) to this width
  int max_lines = 0;  // with a width: 0 = as many lines as needed; N = at most N, the last ends in "…"
  bool centre = false;  // each line centred in `width`
  bool operator==(const TextBox& o) const {
    return width == o.width && max_lines == o.max_lines && centre == o.centre;
  }
};

// One laid-out text. Coordinates are relative to the box's top-left corner.
class ShapedText {
 public:
  ShapedText(PangoLayout* layout);  // takes the reference
  ~ShapedText();
  ShapedText(const ShapedText&) = delete;
  ShapedText& operator=(const ShapedText&) = delete;

  // The logical box (what layout adds up): line heights, advance widths.
  float x() const { return lx_; }
  float y() const { return ly_; }
  float width() const { return lw_; }
  float height() const { return lh_; }
  // The pixels a raster covers (ink and logical box together, so accents above Thai or
  // Devanagari letters are not cut): raster origin relative to the box.
  int raster_x() const { return rx_; }
  int raster_y() const { return ry_; }
  int raster_width() const { return rw_; }
  int raster_height() const { return rh_; }
  // Characters no installed font has (drawn as boxes).
  int unknown_glyphs() const { return unknown_; }
  bool ellipsized() const;
  int lines() const;

  // Straight (not premultiplied) RGBA, raster_width x raster_height, the text in `rgb`
  // (0xRRGGBB; colour glyphs such as emoji keep their own colours).
  std::vector<uint8_t> render_rgba(uint32_t rgb) const;

 private:
  PangoLayout* layout_;
  float lx_ = 0, ly_ = 0, lw_ = 0, lh_ = 0;
  int rx_ = 0, ry_ = 0, rw_ = 0, rh_ = 0;
  int unknown_ = 0;
};

// Owns a Pango context on its own font map (fontconfig). One per UI thread.
class Shaper {
 public:
  Shaper();
  ~Shaper();
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  std::unique_ptr<ShapedText> shape(const TextStyle& style, std::string_view text, const TextBox& box) const;
  // The family list asked of fontconfig first ("Noto Sans"); the rest comes by fallback.
  static const char* family();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rapport::ui
