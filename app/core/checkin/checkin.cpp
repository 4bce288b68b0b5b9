#include "core/checkin/checkin.hpp"

#include "core/checkin/door_pass.hpp"
#include "core/checkin/resolve.hpp"
#include "core/util/random.hpp"

namespace rapport {

std::string_view outcome_name(CheckinOutcome o) {
  switch (o) {
    case CheckinOutcome::checked_in: return "checked_in";
    case CheckinOutcome::already_checked_in: return "already_checked_in";
    case CheckinOutcome::unknown_code: return "unknown_code";
    case CheckinOutcome::cancelled: return "cancelled";
    case CheckinOutcome::blocked: return "blocked";
    case CheckinOutcome::checked_out: return "checked_out";
    case CheckinOutcome::not_checked_in: return "not_checked_in";
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

std::string_view direction_name(DoorDirection d) {
  switch (d) {
    case DoorDirection::entry: return "entry";
    case DoorDirection::exit: return "exit";
    case DoorDirection::both: return "both";
  }
  return "entry";
}

std::optional<DoorDirection> parse_direction(std::string_view s) {
  for (auto d : {DoorDirection::entry, DoorDirection::exit, DoorDirection::both})
    if (direction_name(d) == s) return d;
  return std::nullopt;
}

Result<std::optional<std::string>> checkin_time(Db& db, const std::string& attendee_id) {
  return db.text_of("SELECT at FROM checkins WHERE attendee_id = ?", attendee_id);
}

namespace {
// Whether a scan at a two-way door is someone leaving: inside, and in for long enough.
bool leaving(const Presence& p, const DoorPolicy& policy, TimePoint now) {
  if (policy.direction == DoorDirection::exit) return true;
  if (policy.direction == DoorDirection::entry || !p.inside) return false;
  auto last_in = parse_iso8601(p.last_in_at);
  return last_in && now - *last_in >= policy.toggle_after;
}
}  // namespace

Result<CheckinResult> checkin_attendee(Store& store, const std::string& attendee_id, CheckinMethod method,
                                       DoorPolicy policy) {
  CheckinResult out;
  const TimePoint now = store.now();
  out.at = to_iso8601(now);
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
  // Leaving is always allowed, whatever the ticket; coming in is not.
  const bool refused_status =
      person.status == AttendeeStatus::cancelled || person.status == AttendeeStatus::blocked;
  const bool override_now = refused_status && !policy.override_reason.empty();
  if (policy.direction != DoorDirection::exit && !override_now) {
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
  }
  // Read and write in one IMMEDIATE transaction so that two processes on the same file
  // cannot both report "checked in" (or both record the same exit).
  auto s = db.write([&]() -> Status {
    auto p = presence_of(db, attendee_id);
    if (!p) return p.error();
    if (p->first_at) out.first_at = *p->first_at;
    const std::string how(method_name(method));
    if (leaving(*p, policy, now)) {
      if (!p->inside) {
        out.outcome = CheckinOutcome::not_checked_in;
        out.reason = p->first_at ? "already left" : "never checked in";
        return {};
      }
      out.outcome = CheckinOutcome::checked_out;
      return record_exit(db, attendee_id, out.at, store.kiosk_id(), how);
    }
    if (override_now) {
      auto ins = db.cached(
          "INSERT INTO door_overrides (id, attendee_id, status, reason, at, kiosk_id) VALUES (?, ?, ?, ?, ?, ?)");
      if (!ins) return ins.error();
      RAPPORT_TRY((*ins)->bind_all(new_uuid(), attendee_id, std::string(status_name(person.status)),
                                   policy.override_reason, out.at, store.kiosk_id())
                      .run());
      out.overridden = true;
    }
    if (p->inside) {
      out.outcome = CheckinOutcome::already_checked_in;
      out.at = *p->first_at;
      return {};
    }
    out.outcome = CheckinOutcome::checked_in;
    out.reentry = p->first_at.has_value();
    if (!out.reentry) out.first_at = out.at;
    return record_entry(db, attendee_id, out.at, store.kiosk_id(), how, !out.reentry);
  });
  if (!s) return s.error();
  return out;
}

Result<CheckinResult> checkin_scan(Store& store, std::string_view scanned, DoorPolicy policy) {
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
  return checkin_attendee(store, r->attendee_id, m, policy);
}

Result<bool> undo_checkin(Store& store, const std::string& attendee_id) {
  bool removed = false;
  Db& db = store.db();
  auto s = db.write([&]() -> Status {
    auto entries = db.text_of("SELECT count(*) FROM door_passes WHERE attendee_id = ? AND direction = 'in'",
                              attendee_id);
    if (!entries) return entries.error();
    if (*entries && std::stoll(**entries) > 1) {
      // A re-entry: drop the latest entry (and any exit after it), back to "left".
      auto st = db.cached(
          "DELETE FROM door_passes WHERE attendee_id = ?1 AND at >= (SELECT max(at) FROM door_passes "
          "WHERE attendee_id = ?1 AND direction = 'in')");
      if (!st) return st.error();
      RAPPORT_TRY((*st)->bind_all(attendee_id).run());
      removed = db.changes() > 0;
      return {};
    }
    auto passes = db.cached("DELETE FROM door_passes WHERE attendee_id = ?");
    if (!passes) return passes.error();
    RAPPORT_TRY((*passes)->bind_all(attendee_id).run());
    auto st = db.cached("DELETE FROM checkins WHERE attendee_id = ?");
    if (!st) return st.error();
    RAPPORT_TRY((*st)->bind_all(attendee_id).run());
    removed = db.changes() > 0;
    return {};
  });
  if (!s) return s.error();
  return removed;
}

}  // namespace rapport
