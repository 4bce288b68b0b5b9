#include "core/checkin/walkin.hpp"

#include <fmt/format.h>

#include "core/badge/badge_code.hpp"
#include "core/checkin/door_pass.hpp"
#include "core/checkin/resolve.hpp"
#include "core/util/random.hpp"
#include "core/util/text.hpp"

namespace rapport {

namespace {
constexpr size_t kMaxNameBytes = 200;
constexpr size_t kMaxEmailBytes = 254;

Status check_text(const std::string& value, std::string_view what, size_t max) {
  if (value.size() > max) return make_error(fmt::format("the {} is too long (at most {} bytes)", what, max));
  if (!value.empty()) {
    if (auto why = reject_scan_text(value); !why.empty()) return make_error(fmt::format("the {} is {}", what, why));
    for (unsigned char c : value)
      if (c < 0x20) return make_error(fmt::format("the {} contains control characters", what));
  }
  return {};
}

bool plausible_email(std::string_view e) {
  auto at = e.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < e.size() && e.find('@', at + 1) == std::string_view::npos &&
         e.find(' ') == std::string_view::npos;
}
}  // namespace

Status check_walkin(Db& db, const WalkinRequest& req) {
  if (trim(req.first_name).empty()) return make_error("a walk-in needs a first name (--first-name)");
  RAPPORT_TRY(check_text(req.first_name, "first name", kMaxNameBytes));
  RAPPORT_TRY(check_text(req.last_name, "last name", kMaxNameBytes));
  RAPPORT_TRY(check_text(req.email, "email", kMaxEmailBytes));
  for (const auto& t : req.interests) RAPPORT_TRY(check_text(t, "interest", kMaxNameBytes));
  std::string email(trim(req.email));
  if (email.empty()) return {};
  if (!plausible_email(email)) return make_error(fmt::format("'{}' does not look like an email address", email));
  auto st = db.cached(
      "SELECT id, trim(first_name || ' ' || last_name) FROM attendees "
      "WHERE email = ? COLLATE NOCASE AND email <> '' AND status <> 'forgotten' ORDER BY id LIMIT 1");
  if (!st) return st.error();
  (*st)->bind(1, email);
  auto row = (*st)->step();
  if (!row) return row.error();
  if (*row) {
    Error e = make_error(fmt::format("{} is already on the roster: {} (id {}); check them in instead", email,
                                     (*st)->text(1), (*st)->text(0)));
    (*st)->reset();
    return e;
  }
  return {};
}

Result<WalkinResult> add_walkin(Store& store, const WalkinRequest& req) {
  Db& db = store.db();
  WalkinResult out;
  const std::string now = store.now_iso();
  const std::string id = "w-" + ascii_lower(random_base32(8));
  const std::string first(trim(req.first_name)), last(trim(req.last_name)), email(trim(req.email));
  auto s = db.write([&]() -> Status {
    RAPPORT_TRY(check_walkin(db, req));  // again: another kiosk may have added the email
    auto ins = db.cached(
        "INSERT INTO attendees (id, first_name, last_name, email, status, consent, source, kiosk_id, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?, ?)");
    if (!ins) return ins.error();
    RAPPORT_TRY((*ins)->bind_all(id, first, last, email, req.consent, std::string(kWalkinSource), store.kiosk_id(),
                                 now, now)
                    .run());
    for (const auto& label : req.interests) {
      if (trim(label).empty()) continue;
      auto key = store.intern_tag(label);
      if (!key) return key.error();
      auto tag = db.cached(
          "INSERT INTO attendee_tags (attendee_id, kind, tag) VALUES (?, 'interest', ?) ON CONFLICT DO NOTHING");
      if (!tag) return tag.error();
      RAPPORT_TRY((*tag)->bind_all(id, *key).run());
    }
    auto code = issue_badge_in(db, id, store.kiosk_id(), now);
    if (!code) return code.error();
    out.code = *code;
    return record_entry(db, id, now, store.kiosk_id(), "manual", true);
  });
  if (!s) return s.error();
  out.attendee = AttendeeRef{id, last.empty() ? first : first + " " + last, first};
  out.at = now;
  return out;
}

}  // namespace rapport
