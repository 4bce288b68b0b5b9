#include "core/checkin/staff_card.hpp"

#include "core/util/random.hpp"
#include "core/util/text.hpp"

namespace rapport {

Result<std::string> issue_staff_card(Store& store, const std::string& label) {
  std::string code = std::string(kStaffCardPrefix) + random_base32(16);
  auto s = store.db().write([&]() -> Status {
    auto st = store.db().cached("INSERT INTO staff_cards (code, label, kiosk_id, created_at) VALUES (?, ?, ?, ?)");
    if (!st) return st.error();
    return (*st)->bind_all(code, label, store.kiosk_id(), store.now_iso()).run();
  });
  if (!s) return s.error();
  return code;
}

Result<int64_t> revoke_staff_cards(Store& store) {
  int64_t n = 0;
  auto s = store.db().write([&]() -> Status {
    auto st = store.db().cached("UPDATE staff_cards SET revoked_at = ? WHERE revoked_at IS NULL");
    if (!st) return st.error();
    RAPPORT_TRY((*st)->bind_all(store.now_iso()).run());
    n = store.db().changes();
    return {};
  });
  if (!s) return s.error();
  return n;
}

Result<bool> is_staff_card(Db& db, std::string_view scanned) {
  std::string text(trim(scanned));
  if (text.size() != kStaffCardPrefix.size() + 26 || text.compare(0, kStaffCardPrefix.size(), kStaffCardPrefix) != 0)
    return false;
  auto found = db.text_of("SELECT code FROM staff_cards WHERE code = ? AND revoked_at IS NULL", text);
  if (!found) return found.error();
  return found->has_value();
}

}  // namespace rapport
