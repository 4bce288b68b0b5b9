#include "core/checkin/resolve.hpp"

#include <fmt/format.h>

#include "core/badge/badge_code.hpp"
#include "core/badge/contact_card.hpp"
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

namespace {

CodeKind kind_from_name(const std::string& name) {
  for (auto k : {CodeKind::badge, CodeKind::ticket_code, CodeKind::ticket_secret, CodeKind::barcode,
                 CodeKind::attendee_number})
    if (code_kind_name(k) == name) return k;
  return CodeKind::ticket_code;
}

// Looks `code` up in attendee_codes (only badge codes when `badges_only`); true when found.
Result<bool> lookup_code(Db& db, const std::string& code, bool badges_only, ScanResolution& out) {
  // Eventbrite's attendee numbers are sequential (anyone can guess the next one): kept to
  // recognise a person at import, never accepted from a scanner.
  auto st = db.cached(badges_only ? "SELECT attendee_id, kind, revoked_at FROM attendee_codes WHERE code = ? AND kind = 'badge'"
                                  : "SELECT attendee_id, kind, revoked_at FROM attendee_codes WHERE code = ? "
                                    "AND kind <> 'attendee_number'");
  if (!st) return st.error();
  (*st)->bind(1, code);
  auto row = (*st)->step();
  if (!row) return row.error();
  if (!*row) return false;
  out.attendee_id = (*st)->text(0);
  out.code_kind = kind_from_name((*st)->text(1));
  if (!(*st)->is_null(2)) {
    out.match = ScanMatch::revoked;
    out.detail = "this badge was replaced by a new one";
  } else {
    out.match = ScanMatch::attendee;
  }
  return true;
}

}  // namespace

// Order matters: exact codes first (ours, ticket codes, pretix secrets and Eventbrite
// barcodes are stored as imported), then our badge code spelled loosely (lower case, no
// prefix: only ever matched against badge codes, so it cannot hit someone's ticket).
// Only secrets identify a person: a contact card (MECARD, vCard) carries an e-mail that
// anyone may know, and Eventbrite attendee numbers count up, so neither names anyone.
Result<ScanResolution> resolve_scan(Db& db, std::string_view raw) {
  ScanResolution out;
  if (auto why = reject_scan_text(raw); !why.empty()) {
    out.match = ScanMatch::invalid;
    out.detail = why;
    return out;
  }
  std::string text(trim(raw));
  if (text.empty()) {
    out.match = ScanMatch::invalid;
    out.detail = "nothing was read";
    return out;
  }
  auto exact = lookup_code(db, text, false, out);
  if (!exact) return exact.error();
  if (*exact) return out;
  if (auto badge = normalize_badge_code(text); badge && *badge != text) {
    auto found = lookup_code(db, *badge, true, out);
    if (!found) return found.error();
    if (*found) return out;
  }
  if (auto card = parse_contact_card(text); card.kind != CardKind::none) {
    out.match = ScanMatch::unknown;
    out.detail = "a contact card, not a badge: an e-mail does not identify anyone here; scan the badge's code";
    return out;
  }
  out.match = ScanMatch::unknown;
  out.detail = "not a badge of this event";
  return out;
}

}  // namespace rapport
