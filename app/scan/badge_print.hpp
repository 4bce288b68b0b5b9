#pragma once
// Printable badges: one PNG per attendee and PDF sheets of 2x3 badges (A4 or US Letter).
// A badge is 4 x 3 inches (fits common badge holders): the event on a band at the top, the
// first name large, the full name, up to three interests, and the QR code in the lower
// right with a 4-module quiet zone. Text goes through Pango, so fontconfig falls back
// from Noto Sans to Noto Sans CJK (and any installed font) and every script renders.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.hpp"

namespace rapport {

struct BadgeContent {
  std::string event_name;
  std::string first_name;
  std::string full_name;
  std::vector<std::string> interests;  // at most three are printed
  std::string code;                    // what the QR holds
};

enum class Paper { a4, letter };

inline constexpr double kBadgeWidthPt = 288;   // 4 in
inline constexpr double kBadgeHeightPt = 216;  // 3 in
inline constexpr int kBadgesPerPage = 6;       // 2 columns x 3 rows

// Label stock for printing one badge at the door: Brother QL 62 mm tape cut at 100 mm,
// 4 x 3 in (Zebra, Dymo), A6, or the A4 / US Letter sheets.
enum class LabelPreset { brother_62x100mm, label_4x3in, a6, a4, letter };
std::string_view label_name(LabelPreset p);  // "62x100mm", "4x3in", "a6", "a4", "letter"
std::optional<LabelPreset> parse_label(std::string_view name);
inline constexpr std::string_view kLabelNames = "62x100mm, 4x3in, a6, a4, letter";

// Writes one badge as a one-page PDF sized for the label (atomically): the badge is
// scaled to fill the label, turned when that makes it larger. A4 and Letter are the
// sheets of write_badge_sheets with this one badge.
Status write_badge_label(const BadgeContent& badge, LabelPreset label, const std::string& path);

// Writes the badge as a PNG at `dpi` (atomically: a temporary file renamed into place).
Status write_badge_png(const BadgeContent& badge, const std::string& path, int dpi = 300);
// Writes all badges as print-ready pages with cut marks (atomically). Returns the page count.
Result<int> write_badge_sheets(const std::vector<BadgeContent>& badges, Paper paper, const std::string& path);

}  // namespace rapport
