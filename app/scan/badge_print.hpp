#pragma once
// Printable badges: one PNG per attendee and PDF sheets of 2x3 badges (A4 or US Letter).
// A badge is 4 x 3 inches (fits common badge holders): the event on a band at the top, the
// first name large, the full name, up to three interests, and the QR code in the lower
// right with a 4-module quiet zone. Text goes through Pango, so fontconfig falls back
// from Noto Sans to Noto Sans CJK (and any installed font) and every script renders.
#include <string>
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

// Writes the badge as a PNG at `dpi` (atomically: a temporary file renamed into place).
Status write_badge_png(const BadgeContent& badge, const std::string& path, int dpi = 300);
// Writes all badges as print-ready pages with cut marks (atomically). Returns the page count.
Result<int> write_badge_sheets(const std::vector<BadgeContent>& badges, Paper paper, const std::string& path);

}  // namespace rapport
