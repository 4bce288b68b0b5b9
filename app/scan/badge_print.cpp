#include "scan/badge_print.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <memory>

#include "scan/qr_codec.hpp"

namespace rapport {

namespace {

constexpr const char* kFonts = "Noto Sans, Noto Sans CJK SC, DejaVu Sans";

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};

// Draws `text` at (x, y) no wider than `max_w`, shrinking the font from `size` down to
// `min_size` to fit, then ellipsizing. Sizes are in points (the cairo user unit here).
double draw_text(cairo_t* cr, const std::string& text, double x, double y, double max_w, double size, double min_size,
                 bool bold, double gray) {
  std::unique_ptr<PangoLayout, LayoutDeleter> layout(pango_cairo_create_layout(cr));
  PangoFontDescription* desc = pango_font_description_from_string(kFonts);
  pango_font_description_set_weight(desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_text(layout.get(), text.c_str(), -1);  // plain text: no markup from names
  pango_layout_set_single_paragraph_mode(layout.get(), TRUE);
  int w = 0, h = 0;
  for (double s = size;; s -= 1) {
    pango_font_description_set_absolute_size(desc, s * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), desc);
    pango_layout_get_size(layout.get(), &w, &h);
    if (w / double(PANGO_SCALE) <= max_w || s <= min_size) break;
  }
  pango_layout_set_width(layout.get(), static_cast<int>(max_w * PANGO_SCALE));
  pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
  pango_layout_get_size(layout.get(), &w, &h);
  cairo_set_source_rgb(cr, gray, gray, gray);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout.get());
  pango_font_description_free(desc);
  return h / double(PANGO_SCALE);
}

// One badge with its top-left corner at the origin, in points.
Status draw_badge(cairo_t* cr, const BadgeContent& b, const QrMatrix& qr, bool snap_to_pixels, double px_per_pt) {
  const double W = kBadgeWidthPt, H = kBadgeHeightPt, pad = 12;
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, 0, 0, W, H);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0.16, 0.24, 0.36);
  cairo_rectangle(cr, 0, 0, W, 26);
  cairo_fill(cr);
  if (!b.event_name.empty()) {
    draw_text(cr, b.event_name, pad, 6, W - 2 * pad, 11, 7, true, 1.0);  // white on the band
  }
  double y = 34;
  y += draw_text(cr, b.first_name.empty() ? b.full_name : b.first_name, pad, y, W - 2 * pad, 34, 16, true, 0.05);
  if (!b.full_name.empty() && b.full_name != b.first_name)
    y += draw_text(cr, b.full_name, pad, y, W - 2 * pad, 13, 8, false, 0.25);

  // QR: 4-module quiet zone included in the square; whole pixels per module in PNGs.
  const int modules = qr.size + 8;
  double qr_side = 118;
  double module = qr_side / modules;
  if (snap_to_pixels) {
    double px = std::floor(module * px_per_pt);
    module = std::max(1.0, px) / px_per_pt;
    qr_side = module * modules;
  }
  double qx = W - pad + module * 2 - qr_side, qy = H - pad + module * 2 - qr_side;  // the quiet zone may overlap the padding
  if (snap_to_pixels) {
    qx = std::round(qx * px_per_pt) / px_per_pt;
    qy = std::round(qy * px_per_pt) / px_per_pt;
  }
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, qx, qy, qr_side, qr_side);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int my = 0; my < qr.size; ++my)
    for (int mx = 0; mx < qr.size; ++mx)
      if (qr.dark(mx, my)) cairo_rectangle(cr, qx + (mx + 4) * module, qy + (my + 4) * module, module, module);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  cairo_fill(cr);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_DEFAULT);

  // Interests under the name, left of the code.
  double iy = std::max(y + 8, 112.0);
  int shown = 0;
  for (const auto& interest : b.interests) {
    if (shown++ == 3) break;
    iy += draw_text(cr, "• " + interest, pad, iy, qx - 2 * pad + 4, 12, 8, false, 0.2) + 2;
  }
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) return make_error(cairo_status_to_string(cairo_status(cr)));
  return {};
}

Status move_into_place(const std::string& tmp, const std::string& path) {
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return make_error("cannot move the finished file into place", path);
  }
  return {};
}

}  // namespace

Status write_badge_png(const BadgeContent& badge, const std::string& path, int dpi) {
  auto qr = encode_qr(badge.code, QrEcc::M);
  if (!qr) return qr.error();
  const double scale = dpi / 72.0;
  const int w = static_cast<int>(std::lround(kBadgeWidthPt * scale)), h = static_cast<int>(std::lround(kBadgeHeightPt * scale));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, scale, scale);
  Status s = draw_badge(cr, badge, *qr, true, scale);
  cairo_destroy(cr);
  std::string tmp = path + ".tmp";
  if (s) {
    cairo_status_t st = cairo_surface_write_to_png(surface, tmp.c_str());
    if (st != CAIRO_STATUS_SUCCESS) s = make_error(fmt::format("cannot write the badge ({})", cairo_status_to_string(st)), path);
  }
  cairo_surface_destroy(surface);
  if (!s) {
    std::remove(tmp.c_str());
    return s;
  }
  return move_into_place(tmp, path);
}

Result<int> write_badge_sheets(const std::vector<BadgeContent>& badges, Paper paper, const std::string& path) {
  // Page sizes in points.
  const double pw = paper == Paper::a4 ? 595.276 : 612, ph = paper == Paper::a4 ? 841.89 : 792;
  const double mx = (pw - 2 * kBadgeWidthPt) / 2, my = (ph - 3 * kBadgeHeightPt) / 2;
  std::vector<QrMatrix> codes;
  for (const auto& b : badges) {
    auto qr = encode_qr(b.code, QrEcc::M);
    if (!qr) return qr.error();
    codes.push_back(std::move(*qr));
  }
  std::string tmp = path + ".tmp";
  cairo_surface_t* surface = cairo_pdf_surface_create(tmp.c_str(), pw, ph);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return make_error("cannot write the PDF here", path);
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "Rapport badges");
  cairo_t* cr = cairo_create(surface);
  int pages = 0;
  Status s;
  for (size_t i = 0; i < badges.size() && s; ++i) {
    int slot = static_cast<int>(i % kBadgesPerPage);
    if (slot == 0 && i > 0) cairo_show_page(cr);
    if (slot == 0) ++pages;
    double x = mx + (slot % 2) * kBadgeWidthPt, y = my + (slot / 2) * kBadgeHeightPt;
    cairo_save(cr);
    cairo_translate(cr, x, y);
    s = draw_badge(cr, badges[i], codes[i], false, 1.0);
    // Thin grey cut lines around each badge.
    cairo_set_source_rgb(cr, 0.7, 0.7, 0.7);
    cairo_set_line_width(cr, 0.4);
    cairo_rectangle(cr, 0, 0, kBadgeWidthPt, kBadgeHeightPt);
    cairo_stroke(cr);
    cairo_restore(cr);
  }
  if (badges.empty()) ++pages;  // an empty sheet says "nothing to print" better than no file
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t st = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (s && st != CAIRO_STATUS_SUCCESS) s = make_error(fmt::format("cannot write the PDF ({})", cairo_status_to_string(st)), path);
  if (!s) {
    std::remove(tmp.c_str());
    return s.error();
  }
  RAPPORT_TRY(move_into_place(tmp, path));
  return pages;
}

std::string_view label_name(LabelPreset p) {
  switch (p) {
    case LabelPreset::brother_62x100mm: return "62x100mm";
    case LabelPreset::label_4x3in: return "4x3in";
    case LabelPreset::a6: return "a6";
    case LabelPreset::a4: return "a4";
    case LabelPreset::letter: return "letter";
  }
  return "4x3in";
}

std::optional<LabelPreset> parse_label(std::string_view name) {
  for (auto p : {LabelPreset::brother_62x100mm, LabelPreset::label_4x3in, LabelPreset::a6, LabelPreset::a4,
                 LabelPreset::letter})
    if (label_name(p) == name) return p;
  return std::nullopt;
}

Status write_badge_label(const BadgeContent& badge, LabelPreset label, const std::string& path) {
  if (label == LabelPreset::a4 || label == LabelPreset::letter) {
    auto pages = write_badge_sheets({badge}, label == LabelPreset::a4 ? Paper::a4 : Paper::letter, path);
    if (!pages) return pages.error();
    return {};
  }
  constexpr double mm = 72.0 / 25.4;
  double pw = kBadgeWidthPt, ph = kBadgeHeightPt;
  if (label == LabelPreset::brother_62x100mm) pw = 62 * mm, ph = 100 * mm;
  if (label == LabelPreset::a6) pw = 105 * mm, ph = 148 * mm;
  const double upright = std::min(pw / kBadgeWidthPt, ph / kBadgeHeightPt);
  const double turned = std::min(pw / kBadgeHeightPt, ph / kBadgeWidthPt);
  const bool turn = turned > upright;
  const double scale = std::max(upright, turned);
  auto qr = encode_qr(badge.code, QrEcc::M);
  if (!qr) return qr.error();
  std::string tmp = path + ".tmp";
  cairo_surface_t* surface = cairo_pdf_surface_create(tmp.c_str(), pw, ph);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return make_error("cannot write the PDF here", path);
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "Rapport badge");
  cairo_t* cr = cairo_create(surface);
  const double bw = (turn ? kBadgeHeightPt : kBadgeWidthPt) * scale, bh = (turn ? kBadgeWidthPt : kBadgeHeightPt) * scale;
  cairo_translate(cr, (pw - bw) / 2, (ph - bh) / 2);
  if (turn) {  // a quarter turn clockwise: the badge's top edge runs down the label's right side
    cairo_translate(cr, bw, 0);
    cairo_rotate(cr, M_PI / 2);
  }
  cairo_scale(cr, scale, scale);
  Status s = draw_badge(cr, badge, *qr, false, 1.0);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t st = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (s && st != CAIRO_STATUS_SUCCESS) s = make_error(fmt::format("cannot write the PDF ({})", cairo_status_to_string(st)), path);
  if (!s) {
    std::remove(tmp.c_str());
    return s;
  }
  return move_into_place(tmp, path);
}

}  // namespace rapport
