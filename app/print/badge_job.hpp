#pragma once
// One badge to the door's printer: rendered as a label-sized PDF (scan/badge_print) in a
// private temporary file, sent to the CUPS queue, and the file removed.
#include <string>

#include "core/util/result.hpp"
#include "scan/badge_print.hpp"

namespace rapport::print {

struct PrintSettings {
  std::string queue;
  LabelPreset label = LabelPreset::label_4x3in;
};

// Returns the CUPS job id.
Result<int> print_badge(const BadgeContent& badge, const PrintSettings& settings);

}  // namespace rapport::print
