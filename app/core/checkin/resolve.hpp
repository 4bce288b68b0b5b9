#pragma once
// What a scanned text means: which attendee it names, or why it names nobody.
// Scanned text is never trusted: size, control characters and UTF-8 are checked first.
#include <string>
#include <string_view>

#include "core/roster/attendee.hpp"
#include "core/store/sqlite.hpp"
#include "core/util/result.hpp"

namespace rapport {

enum class ScanMatch {
  attendee,  // the text names an attendee of this event
  unknown,   // well-formed, but no attendee of this event has it
  revoked,   // a badge code that was replaced (lost badge)
  invalid,   // not a badge at all: too long, control characters, not UTF-8
};

struct ScanResolution {
  ScanMatch match = ScanMatch::unknown;
  std::string attendee_id;
  CodeKind code_kind = CodeKind::ticket_code;
  std::string detail;  // why, for staff and logs
};

inline constexpr size_t kMaxScanBytes = 2048;

// Checks the text without the database: empty when it may be a code, else the reason.
std::string reject_scan_text(std::string_view text);

Result<ScanResolution> resolve_scan(Db& db, std::string_view text);

}  // namespace rapport
