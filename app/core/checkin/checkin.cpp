#include "core/checkin/checkin.hpp"

#include "core/checkin/resolve.hpp"

namespace rapport {

std::string_view outcome_name(CheckinOutcome o) {
  switch (o) {
    case CheckinOutcome::checked_in: return "checked_in";
    case CheckinOutcome::already_checked_in: return "already_checked_in";
    case CheckinOutcome::unknown_code: return "unknown_code";
    case CheckinOutcome::cancelled: return "cancelled";
    case CheckinOutcome::blocked: return "blocked";
  }
  return "unknown_code";
}

std::string_view method_name(CheckinMethod m) {
  switch (m) {
    case CheckinMethod::badge: return "badge";
    case CheckinMethod::ticket: return "ticket";
    case CheckinMethod::manual: return "manual";
    case CheckinMethod::id: return "id";
  }
  return "badge";
}

Result<std::optional<std::string>> checkin_time(Db& db, const std::string& attendee_id) {
  return db.text_of("SELECT at FROM checkins WHERE attendee_id = ?", attendee_id);
}

Result<CheckinResult> checkin_attendee(Store& store, const std::string& attendee_id,
                                       CheckinMethod method) {
  CheckinResult out;
  out.at = store.now_iso();
  Db& db = store.db();
  auto a = load_attendee(db, attendee_id);
  if (!a) return a.error();
  if (!*a || (*a)->status == AttendeeStatus::forgotten) {
    out.outcome = CheckinOutcome::unknown_code;
    out.reason = "no attendee with this id";
    return out;
  }
  const Attendee& person = **a;
  out.attendee = ref_of(person);
  if (person.status == AttendeeStatus::cancelled) {
    out.outcome = CheckinOutcome::cancelled;
    out.reason = "this ticket was cancelled";
    return out;
  }
  if (person.status == AttendeeStatus::blocked) {
    out.outcome = CheckinOutcome::blocked;
    out.reason = "this ticket is blocked";
    return out;
  }
  // Read and write in one IMMEDIATE transaction so that two processes on the same file
  // cannot both report "checked in".
  std::optional<std::string> first;
  auto s = db.write([&]() -> Status {
    auto t = checkin_time(db, attendee_id);
    if (!t) return t.error();
    first = *t;
    if (first) return {};
    auto ins = db.cached("INSERT INTO checkins (attendee_id, at, kiosk_id, method) VALUES (?, ?, ?, ?)");
    if (!ins) return ins.error();
    return (*ins)->bind_all(attendee_id, out.at, store.kiosk_id(), std::string(method_name(method))).run();
  });
  if (!s) return s.error();
  if (first) {
    out.outcome = CheckinOutcome::already_checked_in;
    out.at = *first;
  } else {
    out.outcome = CheckinOutcome::checked_in;
  }
  return out;
}

Result<CheckinResult> checkin_scan(Store& store, std::string_view scanned) {
  auto r = resolve_scan(store.db(), scanned);
  if (!r) return r.error();
  if (r->match != ScanMatch::attendee) {
    CheckinResult out;
    out.outcome = CheckinOutcome::unknown_code;
    out.at = store.now_iso();
    out.reason = r->detail;
    return out;
  }
  CheckinMethod m = r->code_kind == CodeKind::badge ? CheckinMethod::badge : CheckinMethod::ticket;
  return checkin_attendee(store, r->attendee_id, m);
}

Result<bool> undo_checkin(Store& store, const std::string& attendee_id) {
  bool removed = false;
  auto s = store.db().write([&]() -> Status {
    auto st = store.db().cached("DELETE FROM checkins WHERE attendee_id = ?");
    if (!st) return st.error();
    RAPPORT_TRY((*st)->bind_all(attendee_id).run());
    removed = store.db().changes() > 0;
    return {};
  });
  if (!s) return s.error();
  return removed;
}

}  // namespace rapport
