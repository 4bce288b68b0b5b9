#include "core/checkin/door_pass.hpp"

#include "core/util/random.hpp"

namespace rapport {

Result<Presence> presence_of(Db& db, const std::string& attendee_id) {
  Presence p;
  auto first = db.text_of("SELECT at FROM checkins WHERE attendee_id = ?", attendee_id);
  if (!first) return first.error();
  p.first_at = *first;
  if (!p.first_at) return p;
  p.inside = true;
  p.last_in_at = *p.first_at;
  auto st = db.cached(
      "SELECT direction, at FROM door_passes WHERE attendee_id = ? ORDER BY at DESC, id DESC LIMIT 1");
  if (!st) return st.error();
  (*st)->bind(1, attendee_id);
  auto row = (*st)->step();
  if (!row) return row.error();
  if (*row) {
    p.inside = (*st)->text(0) == "in";
    if (p.inside) p.last_in_at = (*st)->text(1);
  }
  (*st)->reset();
  return p;
}

namespace {
Status insert_pass(Db& db, const std::string& attendee_id, const char* direction, const std::string& at,
                   const std::string& kiosk_id, const std::string& method) {
  auto ins = db.cached(
      "INSERT INTO door_passes (id, attendee_id, direction, at, kiosk_id, method) VALUES (?, ?, ?, ?, ?, ?)");
  if (!ins) return ins.error();
  return (*ins)->bind_all(new_uuid(), attendee_id, std::string(direction), at, kiosk_id, method).run();
}
}  // namespace

Status record_entry(Db& db, const std::string& attendee_id, const std::string& at, const std::string& kiosk_id,
                    const std::string& method, bool first) {
  if (first) {
    auto ins = db.cached("INSERT INTO checkins (attendee_id, at, kiosk_id, method) VALUES (?, ?, ?, ?)");
    if (!ins) return ins.error();
    RAPPORT_TRY((*ins)->bind_all(attendee_id, at, kiosk_id, method).run());
  }
  return insert_pass(db, attendee_id, "in", at, kiosk_id, method);
}

Status record_exit(Db& db, const std::string& attendee_id, const std::string& at, const std::string& kiosk_id,
                   const std::string& method) {
  return insert_pass(db, attendee_id, "out", at, kiosk_id, method);
}

Result<int64_t> inside_now(Db& db) {
  return db.scalar_int(
      "SELECT count(*) FROM present_now p JOIN attendees a ON a.id = p.attendee_id WHERE a.status <> 'forgotten'");
}

Result<std::vector<std::string>> check_everyone_out(Db& db, const std::string& at, const std::string& kiosk_id) {
  std::vector<std::string> ids;
  auto s = db.write([&]() -> Status {
    ids.clear();
    RAPPORT_TRY(db.each_row("SELECT attendee_id FROM present_now", [&](const Stmt& st) { ids.push_back(st.text(0)); }));
    for (const auto& id : ids) RAPPORT_TRY(record_exit(db, id, at, kiosk_id, "auto"));
    return {};
  });
  if (!s) return s.error();
  return ids;
}

}  // namespace rapport
