#include "core/badge/badge_code.hpp"

#include <fmt/format.h>

#include "core/util/random.hpp"
#include "core/util/text.hpp"

namespace rapport {

namespace {
constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

Status insert_badge(Db& db, const std::string& code, const std::string& attendee_id,
                    const std::string& kiosk_id, const std::string& now) {
  auto ins = db.cached(
      "INSERT INTO attendee_codes (code, attendee_id, kind, kiosk_id, created_at) VALUES (?, ?, 'badge', ?, ?)");
  if (!ins) return ins.error();
  return (*ins)->bind_all(code, attendee_id, kiosk_id, now).run();
}
}  // namespace

std::string new_badge_code() { return std::string(kBadgePrefix) + random_base32(16); }

std::optional<std::string> normalize_badge_code(std::string_view text) {
  text = trim(text);
  if (text.size() == kBadgePrefix.size() + kBadgeBodyChars) {
    for (size_t i = 0; i < kBadgePrefix.size(); ++i)
      if (upper(text[i]) != kBadgePrefix[i]) return std::nullopt;
    text.remove_prefix(kBadgePrefix.size());
  }
  if (text.size() != kBadgeBodyChars) return std::nullopt;
  std::string out(kBadgePrefix);
  for (char c : text) {
    char u = upper(c);
    if (kAlphabet.find(u) == std::string_view::npos) return std::nullopt;
    out += u;
  }
  // 128 bits = 25 full characters + 3 bits; the last character's 2 low bits are padding
  // and always zero in a code we issued. Anything else is not ours.
  if (kAlphabet.find(out.back()) % 4 != 0) return std::nullopt;
  return out;
}

Result<size_t> ensure_badge_codes_in(Db& db, const std::string& kiosk_id, const std::string& now) {
  auto missing = db.prepare(
      "SELECT a.id FROM attendees a WHERE a.status <> 'forgotten' AND NOT EXISTS "
      "(SELECT 1 FROM attendee_codes c WHERE c.attendee_id = a.id AND c.kind = 'badge' AND "
      "c.revoked_at IS NULL) ORDER BY a.id");
  if (!missing) return missing.error();
  std::vector<std::string> ids;
  for (;;) {
    auto row = missing->step();
    if (!row) return row.error();
    if (!*row) break;
    ids.push_back(missing->text(0));
  }
  for (const auto& id : ids) RAPPORT_TRY(insert_badge(db, new_badge_code(), id, kiosk_id, now));
  return ids.size();
}

Result<size_t> ensure_badge_codes(Store& store) {
  size_t issued = 0;
  const std::string now = store.now_iso();
  auto s = store.db().write([&]() -> Status {
    auto n = ensure_badge_codes_in(store.db(), store.kiosk_id(), now);
    if (!n) return n.error();
    issued = *n;
    return {};
  });
  if (!s) return s.error();
  return issued;
}

Result<std::string> issue_badge_in(Db& db, const std::string& attendee_id, const std::string& kiosk_id,
                                   const std::string& now) {
  std::string code = new_badge_code();
  RAPPORT_TRY(insert_badge(db, code, attendee_id, kiosk_id, now));
  return code;
}

Result<std::string> reissue_badge(Store& store, const std::string& attendee_id) {
  Db& db = store.db();
  const std::string now = store.now_iso();
  std::string code = new_badge_code();
  auto s = db.write([&]() -> Status {
    auto who = db.cached("SELECT status FROM attendees WHERE id = ?");
    if (!who) return who.error();
    (*who)->bind(1, attendee_id);
    auto row = (*who)->step();
    if (!row) return row.error();
    if (!*row) return make_error(fmt::format("no attendee with id '{}'", attendee_id));
    if ((*who)->text(0) == "forgotten")
      return make_error(fmt::format("attendee '{}' asked to be forgotten", attendee_id));
    auto revoke = db.cached(
        "UPDATE attendee_codes SET revoked_at = ? WHERE attendee_id = ? AND kind = 'badge' AND revoked_at IS NULL");
    if (!revoke) return revoke.error();
    RAPPORT_TRY((*revoke)->bind_all(now, attendee_id).run());
    return insert_badge(db, code, attendee_id, store.kiosk_id(), now);
  });
  if (!s) return s.error();
  return code;
}

Result<std::optional<std::string>> active_badge_code(Db& db, const std::string& attendee_id) {
  return db.text_of(
      "SELECT code FROM attendee_codes WHERE attendee_id = ? AND kind = 'badge' AND revoked_at IS NULL "
      "ORDER BY created_at DESC LIMIT 1",
      attendee_id);
}

}  // namespace rapport
