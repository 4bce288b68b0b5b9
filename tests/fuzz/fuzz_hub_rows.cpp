// libFuzzer: whatever a hub (or someone holding a kiosk's hub credential) sends as a
// pulled page is checked row by row and applied, or refused, without crashing; what goes
// into the file is always a valid roster row, and the roster's word on who someone is
// (their e-mail, the codes that name them) stands.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "core/roster/import.hpp"
#include "core/store/store.hpp"
#include "core/sync/pulled_rows.hpp"
#include "core/sync/row_batch.hpp"
#include "core/util/text.hpp"

namespace {
rapport::Store* event() {
  static std::unique_ptr<rapport::Store> store = [] {
    auto s = rapport::Store::create(":memory:", rapport::EventInfo{"Fuzz", "", "fuzz"},
                                    rapport::fixed_clock(*rapport::parse_iso8601("2026-11-21T09:00:00.000Z")));
    if (!s) __builtin_trap();
    auto roster = rapport::parse_roster(
        "id,first_name,last_name,email,consent,ticket_code,interests\n"
        "A1,Ana,Silva,ana@example.org,yes,T-0001,rust\n"
        "A2,Thảo,Nguyễn,thao@example.org,no,T-0002,climate data\n",
        "seed.csv", rapport::RosterFormat::native, {});
    if (!roster || !rapport::import_roster(*s, std::move(roster.value()))) __builtin_trap();
    return std::make_unique<rapport::Store>(std::move(s.value()));
  }();
  return store.get();
}

bool clean(const std::string& s, size_t max) {
  if (s.size() > max || !rapport::is_valid_utf8(s)) return false;
  for (unsigned char c : s)
    if (c < 0x20) return false;
  return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using nlohmann::json;
  json page = json::parse(reinterpret_cast<const char*>(data), reinterpret_cast<const char*>(data) + size, nullptr,
                          /*allow_exceptions=*/false);
  if (page.is_discarded() || !page.is_object()) return 0;
  rapport::RowBatch rows;
  auto take = [&](const char* key, json& into) {
    if (page.contains(key)) into = page[key];
  };
  take("forgotten", rows.forgotten);
  take("attendees", rows.attendees);
  take("codes", rows.codes);
  take("checkins", rows.checkins);
  take("connections", rows.connections);
  take("suggestions", rows.suggestions);
  rapport::Store& s = *event();
  auto checked = rapport::check_pulled_rows(rows, s.now());
  if (checked.rows.size() + checked.rejected.size() < rows.size() &&
      rows.forgotten.is_array() && rows.attendees.is_array() && rows.codes.is_array() && rows.checkins.is_array() &&
      rows.connections.is_array() && rows.suggestions.is_array())
    __builtin_trap();  // every row is either kept or reported
  for (const auto& r : checked.rejected)
    if (r.reason.empty() || !rapport::is_valid_utf8(r.key)) __builtin_trap();
  rapport::Db& db = s.db();
  if (!db.exec("SAVEPOINT fuzz").ok()) __builtin_trap();
  auto applied = rapport::apply_rows(db, checked.rows, rapport::ApplyOptions{true});
  if (applied) {
    // Identity stays: the roster's e-mails and codes.
    auto mail = db.text_of("SELECT email FROM attendees WHERE id = 'A1' AND status <> 'forgotten'");
    if (mail && *mail && **mail != "ana@example.org") __builtin_trap();
    auto owner = db.text_of("SELECT attendee_id FROM attendee_codes WHERE code = 'T-0002'");
    if (owner && *owner && **owner != "A2") __builtin_trap();
    auto st = db.prepare("SELECT first_name, last_name, email FROM attendees");
    if (!st) __builtin_trap();
    while (true) {
      auto row = st->step();
      if (!row) __builtin_trap();
      if (!*row) break;
      if (!clean(st->text(0), 256) || !clean(st->text(1), 256) || !clean(st->text(2), 254)) __builtin_trap();
    }
  }
  // Each input starts from the same file.
  if (!db.exec("ROLLBACK TO fuzz; RELEASE fuzz").ok()) __builtin_trap();
  return 0;
}
