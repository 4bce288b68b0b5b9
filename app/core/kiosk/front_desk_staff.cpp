// The front desk's staff tools: the PIN (with the lockout kept in the file), undo, walk-ins,
// reprints, and the evening's automatic check-out. Split from front_desk.cpp, which
// handles what attendees do.
#include <ctime>

#include <fmt/format.h>

#include "core/badge/badge_code.hpp"
#include "core/checkin/door_pass.hpp"
#include "core/config/pin.hpp"
#include "core/kiosk/front_desk.hpp"
#include "core/util/text.hpp"

namespace rapport {

DeskReply FrontDesk::handle_pin(const PinRequest& r) {
  const auto& admin = options_.config.admin;
  PinLockPolicy policy{admin.max_attempts, std::chrono::seconds(admin.lock_seconds)};
  auto state = load_pin_lockout(store_->db());
  if (!state) return StorageProblem{state.error().to_string()};
  const TimePoint now = store_->now();
  PinReply out;
  if (auto wait = lock_remaining(*state, now); wait.count() > 0) {
    out.verdict = PinVerdict::locked;  // not even checked: guessing while locked is free
    out.wait = wait;
    return out;
  }
  // Argon2 takes a noticeable moment: it runs here, never on the UI thread.
  bool matched = verify_pin(admin.pin_hash, r.pin);
  const PinLockout before = *state;
  auto o = record_pin_attempt(*state, policy, matched, now);
  bool changed = before.failures != state->failures || before.lockouts != state->lockouts ||
                 before.locked_until != state->locked_until;
  if (changed)
    if (auto s = save_pin_lockout(store_->db(), *state); !s) return StorageProblem{s.error().to_string()};
  out.matched = o.verdict == PinVerdict::accepted;
  out.verdict = o.verdict;
  out.attempts_left = o.attempts_left;
  out.wait = o.wait;
  return out;
}

std::optional<BadgeToPrint> FrontDesk::badge_for(const std::string& attendee_id) {
  auto a = load_attendee(store_->db(), attendee_id);
  auto code = active_badge_code(store_->db(), attendee_id);
  if (!a || !*a || !code || !*code) return std::nullopt;
  BadgeToPrint b;
  b.attendee_id = attendee_id;
  b.event_name = event_name_;
  b.first_name = (*a)->first_name;
  b.full_name = (*a)->full_name();
  b.interests = (*a)->tags_of(TagKind::interest);
  if (b.interests.size() > 3) b.interests.resize(3);
  b.code = **code;
  return b;
}

DeskReply FrontDesk::handle_undo(const UndoRequest& r) {
  StaffReply out;
  out.tool = StaffReply::Tool::undo;
  out.attendee_id = r.attendee_id;
  auto removed = undo_checkin(*store_, r.attendee_id);
  if (!removed) return StorageProblem{removed.error().to_string()};
  auto still = presence_of(store_->db(), r.attendee_id);
  if (!still) return StorageProblem{still.error().to_string()};
  if (!still->inside) matcher_->on_checkout(r.attendee_id);
  auto a = load_attendee(store_->db(), r.attendee_id);
  std::string name = a && *a ? drawable_text((*a)->full_name()) : r.attendee_id;
  out.ok = *removed;
  out.line = *removed ? fmt::format("Check-in undone: {}", name) : fmt::format("{} was not checked in", name);
  return out;
}

DeskReply FrontDesk::handle_walkin(const WalkinDeskRequest& r) {
  if (auto c = check_walkin(store_->db(), r.person); !c) {
    StaffReply out;
    out.tool = StaffReply::Tool::walkin;
    out.line = c.error().message;
    return out;
  }
  auto w = add_walkin(*store_, r.person);
  if (!w) return StorageProblem{w.error().to_string()};
  auto a = load_attendee(store_->db(), w->attendee.id);
  if (!a || !*a) return StorageProblem{"the walk-in was saved but cannot be read back"};
  matcher_->on_attendee_changed(**a);
  matcher_->on_checkin(w->attendee.id);
  CheckinResult c;
  c.outcome = CheckinOutcome::checked_in;
  c.attendee = w->attendee;
  c.at = w->at;
  c.first_at = w->at;
  auto reply = door_reply(c, ScanMatch::attendee, false, store_->now());
  if (auto* d = std::get_if<DoorReply>(&reply)) {
    if (!options_.config.print.queue.empty()) d->print = badge_for(w->attendee.id);
    PublicPerson p;
    p.id = w->attendee.id;
    p.first_name = drawable_text((*a)->first_name);
    p.last_name = drawable_text((*a)->last_name);
    p.initials = first_letter(p.first_name) + first_letter(p.last_name);
    p.present = true;
    for (const auto& t : (*a)->tags_of(TagKind::interest)) p.interests.push_back(drawable_text(t));
    d->new_person = std::move(p);
    d->staff_note = "Walk-in added and checked in.";
  }
  return reply;
}

DeskReply FrontDesk::handle_reprint(const ReprintRequest& r) {
  StaffReply out;
  out.tool = StaffReply::Tool::reprint;
  out.attendee_id = r.attendee_id;
  auto code = reissue_badge(*store_, r.attendee_id);  // the lost badge's code stops working
  if (!code) {
    out.line = code.error().message;
    return out;
  }
  out.print = badge_for(r.attendee_id);
  out.ok = out.print.has_value();
  out.line = out.print ? fmt::format("New badge for {}: the old one no longer works", drawable_text(out.print->full_name))
                       : "The new code was saved but the badge cannot be made";
  return out;
}

namespace {
// Today's date and the minutes since local midnight.
std::pair<std::string, int> local_day_minutes(TimePoint now) {
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  localtime_r(&t, &tm);
  return {local_date(now), tm.tm_hour * 60 + tm.tm_min};
}
}  // namespace

bool FrontDesk::auto_checkout_due() {
  const std::string& when = options_.config.door.auto_checkout_at;
  if (when.size() != 5) return false;
  auto [day, minutes] = local_day_minutes(store_->now());
  int at = std::stoi(when.substr(0, 2)) * 60 + std::stoi(when.substr(3, 2));
  return minutes >= at && auto_checkout_done_ != day;
}

DeskReply FrontDesk::handle_auto_checkout() {
  auto_checkout_done_ = local_day_minutes(store_->now()).first;
  auto ids = check_everyone_out(store_->db(), store_->now_iso(), store_->kiosk_id());
  if (!ids) return StorageProblem{ids.error().to_string()};
  for (const auto& id : *ids) matcher_->on_checkout(id);
  auto pic = picture_the_day(store_->db());
  if (!pic) return StorageProblem{pic.error().to_string()};
  return std::move(*pic);
}

}  // namespace rapport
