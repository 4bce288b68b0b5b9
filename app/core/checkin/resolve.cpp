#include "core/checkin/resolve.hpp"

#include "core/util/text.hpp"

namespace rapport {

std::string reject_scan_text(std::string_view text) {
  if (text.empty()) return "nothing was read";
  if (text.size() > kMaxScanBytes) return "far too long to be a badge";
  if (!is_valid_utf8(text)) return "not text (invalid UTF-8)";
  for (unsigned char c : text)
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F) return "contains control characters";
  return {};
}

Result<ScanResolution> resolve_scan(Db& db, std::string_view raw) {
  ScanResolution out;
  if (auto why = reject_scan_text(raw); !why.empty()) {
    out.match = ScanMatch::invalid;
    out.detail = why;
    return out;
  }
  std::string text(trim(raw));
  auto st = db.cached("SELECT attendee_id, kind, revoked_at FROM attendee_codes WHERE code = ?");
  if (!st) return st.error();
  (*st)->bind(1, text);
  auto row = (*st)->step();
  if (!row) return row.error();
  if (*row) {
    out.attendee_id = (*st)->text(0);
    std::string kind = (*st)->text(1);
    for (auto k : {CodeKind::badge, CodeKind::ticket_code, CodeKind::ticket_secret, CodeKind::barcode,
                   CodeKind::attendee_number})
      if (code_kind_name(k) == kind) out.code_kind = k;
    if (!(*st)->is_null(2)) {
      out.match = ScanMatch::revoked;
      out.detail = "this badge was replaced by a new one";
      return out;
    }
    out.match = ScanMatch::attendee;
    return out;
  }
  out.match = ScanMatch::unknown;
  out.detail = "not a badge of this event";
  return out;
}

}  // namespace rapport
