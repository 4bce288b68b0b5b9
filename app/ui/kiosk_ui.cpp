#include "ui/kiosk_ui.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "ui/name_search.hpp"

namespace rapport::ui {

namespace {
template <class... Ts>
struct overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

bool is_here(const DoorReply& d) {
  return d.match == ScanMatch::attendee && (d.checkin.outcome == CheckinOutcome::checked_in ||
                                            d.checkin.outcome == CheckinOutcome::already_checked_in);
}
}  // namespace

KioskUi::KioskUi(KioskState initial, Fonts fonts)
    : s_(std::move(initial)),
      kit_(fonts, make_palette(s_.config.theme)) {
  s_.printing = !s_.config.print.queue.empty();
  s_.present = static_cast<int>(std::count_if(s_.roster.begin(), s_.roster.end(),
                                              [](const PublicPerson& p) { return p.present; }));
}

void KioskUi::go(Screen screen) {
  s_.screen = screen;
  s_.screen_since = s_.now;
}

void KioskUi::go_home(UiOutput& out) {
  // Nobody's name or suggestions stay on screen for the next person.
  s_.door.reset();
  s_.suggestions.reset();
  s_.we_met.reset();
  s_.search_query.clear();
  s_.pin_digits.clear();
  s_.pin_message.clear();
  s_.walkin = WalkinForm{};
  // The staff session outlives a trip to the attract screen: no PIN again per action.
  if (pending_ != Pending::none && pending_ != Pending::door) pending_ = Pending::none;
  out.clear_camera = true;
  go(Screen::attract);
}

bool KioskUi::staff_screen() const {
  switch (s_.screen) {
    case Screen::search:
    case Screen::pin:
    case Screen::admin:
    case Screen::staff:
    case Screen::walkin: return true;
    default: return false;
  }
}

void KioskUi::open_staff_session() {
  s_.staff_unlocked = true;
  s_.staff.until = s_.now + std::chrono::seconds(s_.config.admin.session_seconds);
}

// Staff hints never go on the attendee's screen: they wait here for the staff screen.
void KioskUi::note_for_staff(const DoorReply& d, bool background) {
  if (background) s_.staff.notice_at = s_.now;
  std::string name = d.checkin.attendee ? d.checkin.attendee->name : std::string();
  s_.staff.hint = d.staff_note;
  if (d.new_person) s_.roster.push_back(*d.new_person);
  if (d.match != ScanMatch::attendee) {
    if (background) s_.staff.notice = "A badge was scanned: not one of this event's";
    return;
  }
  switch (d.checkin.outcome) {
    case CheckinOutcome::checked_in:
      s_.staff.last_in_id = d.checkin.attendee->id;
      s_.staff.last_in_name = name;
      if (background) s_.staff.notice = fmt::format("{} checked in", name);
      break;
    case CheckinOutcome::already_checked_in:
      if (background) s_.staff.notice = fmt::format("{} was already checked in", name);
      break;
    case CheckinOutcome::checked_out:
      if (background) s_.staff.notice = fmt::format("{} left", name);
      break;
    case CheckinOutcome::cancelled:
    case CheckinOutcome::blocked:
      s_.staff.refused_id = d.checkin.attendee->id;
      s_.staff.refused_name = name;
      if (background)
        s_.staff.notice = fmt::format("{}: ticket {}", name, outcome_name(d.checkin.outcome));
      break;
    default:
      if (background) s_.staff.notice = fmt::format("{}: {}", name, outcome_name(d.checkin.outcome));
      break;
  }
}

void KioskUi::mark_present(const std::string& id) {
  for (auto& p : s_.roster)
    if (p.id == id && !p.present) {
      p.present = true;
      ++s_.present;
    }
}

void KioskUi::mark_absent(const std::string& id) {
  for (auto& p : s_.roster)
    if (p.id == id && p.present) {
      p.present = false;
      --s_.present;
    }
}

std::optional<TimePoint> KioskUi::take_shown_scan() {
  auto r = shown_scan_;
  shown_scan_.reset();
  return r;
}

void KioskUi::on_scan(const std::string& text, TimePoint captured, UiOutput& out) {
  s_.last_input = s_.now;
  switch (s_.screen) {
    case Screen::search:
    case Screen::pin:
    case Screen::admin:
    case Screen::staff:
    case Screen::walkin:
      // Staff are busy with the kiosk, but the queue keeps moving: the badge is checked
      // in without leaving the staff screen, and staff see a line about it. A USB
      // scanner's burst also went into the field being typed: take it back out.
      for (std::string* f : {&s_.search_query, &s_.walkin.first, &s_.walkin.last, &s_.walkin.email})
        if (f->size() >= text.size() && f->compare(f->size() - text.size(), text.size(), text) == 0)
          f->resize(f->size() - text.size());
      background_scans_.push_back(captured);
      ++s_.staff.queued_scans;
      out.requests.push_back(ScanRequest{text, captured, false});
      out.clear_camera = true;
      return;
    case Screen::we_met:
      if (s_.we_met && !s_.we_met->result) {
        if (s_.we_met->waiting_for_first) {
          pending_ = Pending::we_met_first;
          out.requests.push_back(ScanRequest{text, captured, false});
        } else {
          MeetRequest m;
          m.first_id = s_.we_met->first_id;
          m.second_text = text;
          m.method = s_.we_met->expected_id.empty() ? "scan" : "suggestion";
          out.requests.push_back(std::move(m));
        }
        out.clear_camera = true;
        return;
      }
      break;
    default: break;
  }
  pending_ = Pending::door;
  awaiting_show_ = captured;
  out.requests.push_back(ScanRequest{text, captured, s_.mode != KioskMode::door});
  out.clear_camera = true;
}

void KioskUi::on_typed(const std::string& utf8) {
  s_.last_input = s_.now;
  if (s_.screen == Screen::search && s_.search_query.size() < 64) s_.search_query += utf8;
  if (s_.screen == Screen::walkin) {
    WalkinForm& w = s_.walkin;
    std::string& f = w.field == 0 ? w.first : w.field == 1 ? w.last : w.email;
    if (f.size() >= 120) return;
    std::string add = utf8;
    // Names start with a capital letter on a keyboard that only types lower case.
    bool word_start = f.empty() || f.back() == ' ' || f.back() == '-';
    if (w.field < 2 && word_start && add.size() == 1 && add[0] >= 'a' && add[0] <= 'z') add[0] = char(add[0] - 32);
    f += add;
    w.error.clear();
  }
}

void KioskUi::on_reply(DeskReply reply, UiOutput& out) {
  std::visit(overloaded{
                 [&](DoorReply& d) {
                   if (d.checkin.attendee && is_here(d)) mark_present(d.checkin.attendee->id);
                   if (d.checkin.attendee && d.checkin.outcome == CheckinOutcome::checked_out) mark_absent(d.checkin.attendee->id);
                   auto bg = std::find(background_scans_.begin(), background_scans_.end(), d.captured);
                   if (bg != background_scans_.end() && d.captured != TimePoint{}) {
                     background_scans_.erase(bg);
                     note_for_staff(d, true);
                     return;
                   }
                   note_for_staff(d, false);
                   if (d.new_person) s_.walkin = WalkinForm{};
                   Pending p = pending_;
                   pending_ = Pending::none;
                   if (p == Pending::we_met_first && s_.we_met && is_here(d)) {
                     s_.we_met->waiting_for_first = false;
                     s_.we_met->first_id = d.checkin.attendee->id;
                     s_.we_met->first_name = d.checkin.attendee->first_name;
                     s_.we_met->deadline = s_.now + std::chrono::seconds(s_.config.timeouts.we_met_seconds);
                     return;
                   }
                   s_.door = d;
                   s_.suggestions = d.suggestions;
                   s_.we_met.reset();
                   bool floorish = s_.mode != KioskMode::door && p != Pending::manual;
                   if (floorish && is_here(d) && s_.suggestions &&
                       (s_.mode == KioskMode::floor || d.checkin.outcome == CheckinOutcome::already_checked_in))
                     go(Screen::suggestions);
                   else
                     go(Screen::door_outcome);
                   if (awaiting_show_) shown_scan_ = d.captured;
                   awaiting_show_.reset();
                 },
                 [&](MeetReply& m) {
                   if (!s_.we_met) return;
                   s_.we_met->result = m;
                   s_.screen_since = s_.now;
                   if (m.outcome == MeetReply::Outcome::recorded || m.outcome == MeetReply::Outcome::already_met) {
                     mark_present(m.a.id);
                     mark_present(m.b.id);
                   }
                 },
                 [&](PinReply& r) {
                   s_.pin_checking = false;
                   switch (r.verdict) {
                     case PinVerdict::accepted:
                       open_staff_session();
                       s_.pin_message.clear();
                       if (s_.pin_purpose == PinPurpose::admin) {
                         go(Screen::admin);
                         out.requests.push_back(PictureRequest{});
                         last_picture_ = s_.now;
                       } else {
                         go(s_.pin_purpose == PinPurpose::staff ? Screen::staff : Screen::search);
                       }
                       break;
                     case PinVerdict::wrong:
                       s_.pin_message = r.attempts_left == 1 ? "Wrong PIN - 1 try left"
                                                             : fmt::format("Wrong PIN - {} tries left", r.attempts_left);
                       break;
                     case PinVerdict::locked: {
                       auto secs = r.wait.count();
                       s_.pin_message = secs >= 120 ? fmt::format("Locked - too many wrong tries. Try again in {} min "
                                                                  "(or scan a staff card)", (secs + 59) / 60)
                                                    : fmt::format("Locked - too many wrong tries. Try again in {} s "
                                                                  "(or scan a staff card)", secs);
                       break;
                     }
                   }
                 },
                 [&](StaffCardReply&) {
                   if (pending_ == Pending::door) pending_ = Pending::none;
                   awaiting_show_.reset();
                   open_staff_session();
                   s_.pin_message.clear();
                   go(Screen::staff);
                 },
                 [&](StaffReply& r) {
                   s_.staff.notice = r.line;
                   s_.staff.notice_at = s_.now;
                   if (r.tool == StaffReply::Tool::walkin) {
                     s_.walkin.sending = false;
                     s_.walkin.error = r.line;
                   }
                   if (r.tool == StaffReply::Tool::undo && r.ok && r.attendee_id == s_.staff.last_in_id) {
                     mark_absent(r.attendee_id);
                     s_.staff.last_in_id.clear();
                     s_.staff.last_in_name.clear();
                   }
                 },
                 [&](DayPicture& pic) {
                   s_.present = static_cast<int>(pic.stats.present_now);
                   s_.picture = std::move(pic);
                 },
                 [&](SyncReply& r) {
                   if (r.manual) s_.sync_running = false;
                   s_.sync = std::move(r.status);
                 },
                 [&](StorageProblem& p) {
                   pending_ = Pending::none;
                   awaiting_show_.reset();
                   s_.storage_detail = p.detail;
                   go(Screen::storage_problem);
                 },
             },
             reply);
}

void KioskUi::apply(const Intent& i, UiOutput& out) {
  using K = Intent::Kind;
  switch (i.kind) {
    case K::home: go_home(out); break;
    case K::present_demo: out.present.push_back(i.arg); break;
    case K::see_suggestions:
      if (s_.suggestions) go(Screen::suggestions);
      break;
    case K::start_we_met: {
      WeMet w;
      if (s_.suggestions) {
        w.first_id = s_.suggestions->for_person.id;
        w.first_name = s_.suggestions->for_person.first_name;
        for (const auto& sug : s_.suggestions->suggestions)
          if (sug.person.id == i.arg) {
            w.expected_id = sug.person.id;
            w.expected_name = sug.person.first_name;
          }
      } else {
        w.waiting_for_first = true;
      }
      w.deadline = s_.now + std::chrono::seconds(s_.config.timeouts.we_met_seconds);
      s_.we_met = std::move(w);
      out.clear_camera = true;
      go(Screen::we_met);
      break;
    }
    case K::we_met_from_attract: {
      s_.suggestions.reset();
      WeMet w;
      w.waiting_for_first = true;
      w.deadline = s_.now + std::chrono::seconds(s_.config.timeouts.we_met_seconds);
      s_.we_met = std::move(w);
      go(Screen::we_met);
      break;
    }
    case K::open_search:
      if (s_.staff_unlocked) {
        go(Screen::search);
      } else {
        s_.pin_purpose = PinPurpose::search;
        s_.pin_digits.clear();
        s_.pin_message.clear();
        go(Screen::pin);
      }
      break;
    case K::search_type: on_typed(i.arg); break;
    case K::search_backspace: {
      std::string& f = s_.screen != Screen::walkin ? s_.search_query
                       : s_.walkin.field == 0      ? s_.walkin.first
                       : s_.walkin.field == 1      ? s_.walkin.last
                                                   : s_.walkin.email;
      while (!f.empty()) {
        unsigned char c = static_cast<unsigned char>(f.back());
        f.pop_back();
        if ((c & 0xC0) != 0x80) break;  // removed a whole UTF-8 character
      }
      break;
    }
    case K::search_clear:
      if (s_.screen == Screen::walkin)
        (s_.walkin.field == 0 ? s_.walkin.first : s_.walkin.field == 1 ? s_.walkin.last : s_.walkin.email).clear();
      else
        s_.search_query.clear();
      break;
    case K::checkin_id:
      pending_ = Pending::manual;
      out.requests.push_back(CheckinByIdRequest{i.arg, s_.mode != KioskMode::door});
      break;
    case K::pin_digit:
      if (s_.pin_digits.size() < 12 && !s_.pin_checking) s_.pin_digits += i.arg;
      break;
    case K::pin_backspace:
      if (!s_.pin_digits.empty()) s_.pin_digits.pop_back();
      break;
    case K::pin_submit:
      // The desk keeps the lockout (in the file, so a restart does not reset it).
      if (!s_.pin_digits.empty() && !s_.pin_checking) {
        s_.pin_checking = true;
        out.requests.push_back(PinRequest{s_.pin_digits});
      }
      s_.pin_digits.clear();
      break;
    case K::corner_tap: {
      corner_taps_.push_back(s_.now);
      auto cutoff = s_.now - std::chrono::seconds(4);
      corner_taps_.erase(std::remove_if(corner_taps_.begin(), corner_taps_.end(),
                                        [&](TimePoint t) { return t < cutoff; }),
                         corner_taps_.end());
      if (corner_taps_.size() >= 5) {
        corner_taps_.clear();
        s_.pin_purpose = PinPurpose::admin;
        s_.pin_digits.clear();
        s_.pin_message.clear();
        go(Screen::pin);
      }
      break;
    }
    case K::admin_mode:
      if (i.arg == "door") s_.mode = KioskMode::door;
      else if (i.arg == "floor") s_.mode = KioskMode::floor;
      else if (i.arg == "demo") s_.mode = KioskMode::demo;
      break;
    case K::admin_sync:
      s_.sync_running = true;
      out.requests.push_back(SyncRequest{});
      break;
    case K::admin_refresh: out.requests.push_back(PictureRequest{}); break;
    case K::admin_exit: out.exit = true; break;
    case K::open_staff:
      if (s_.staff_unlocked) {
        go(Screen::staff);
      } else {
        s_.pin_purpose = PinPurpose::staff;
        s_.pin_digits.clear();
        s_.pin_message.clear();
        go(Screen::pin);
      }
      break;
    case K::open_walkin:
      if (!s_.staff_unlocked) break;
      s_.walkin = WalkinForm{};
      go(Screen::walkin);
      break;
    case K::walkin_field: s_.walkin.field = std::clamp(std::atoi(i.arg.c_str()), 0, 2); break;
    case K::walkin_consent: s_.walkin.consent = i.arg == "yes" ? 1 : 0; break;
    case K::walkin_submit: {
      WalkinForm& w = s_.walkin;
      if (w.sending || !s_.staff_unlocked) break;
      if (w.first.empty()) {
        w.error = "A walk-in needs a first name";
        break;
      }
      if (w.consent < 0) {
        w.error = "Ask the consent question first";
        break;
      }
      WalkinRequest req;
      req.first_name = w.first;
      req.last_name = w.last;
      req.email = w.email;
      req.consent = w.consent == 1;
      w.sending = true;
      w.error.clear();
      pending_ = Pending::manual;
      out.requests.push_back(WalkinDeskRequest{std::move(req)});
      break;
    }
    case K::undo_last:
      if (s_.staff_unlocked && !s_.staff.last_in_id.empty()) out.requests.push_back(UndoRequest{s_.staff.last_in_id});
      break;
    case K::reprint:
      if (s_.staff_unlocked && s_.printing && !i.arg.empty()) out.requests.push_back(ReprintRequest{i.arg});
      break;
    case K::override_in:
      if (s_.staff_unlocked && !s_.staff.refused_id.empty()) {
        pending_ = Pending::manual;
        CheckinByIdRequest r{s_.staff.refused_id, false, i.arg};
        s_.staff.refused_id.clear();
        s_.staff.refused_name.clear();
        out.requests.push_back(std::move(r));
      }
      break;
    case K::staff_close:
      s_.staff_unlocked = false;
      s_.staff.until = TimePoint{};
      go_home(out);
      break;
  }
}

void KioskUi::frame(TimePoint now, const CameraView& cam, UiOutput& out) {
  s_.now = now;
  if (s_.last_input == TimePoint{}) s_.last_input = now;
  if (s_.screen_since == TimePoint{}) s_.screen_since = now;
  // The staff session closes itself a few minutes after the PIN or the staff card.
  if (s_.staff_unlocked && now >= s_.staff.until) {
    s_.staff_unlocked = false;
    if (s_.screen == Screen::staff || s_.screen == Screen::walkin || s_.screen == Screen::search ||
        s_.screen == Screen::admin)
      go_home(out);
  }
  auto idle = now - s_.last_input;
  auto on_screen = now - s_.screen_since;
  const auto& t = s_.config.timeouts;
  switch (s_.screen) {
    case Screen::attract: break;
    case Screen::door_outcome:
    case Screen::storage_problem:
      if (on_screen > std::chrono::seconds(t.outcome_seconds) && idle > std::chrono::seconds(t.outcome_seconds))
        go_home(out);
      break;
    case Screen::we_met:
      if (s_.we_met && !s_.we_met->result && now > s_.we_met->deadline) go_home(out);
      else if (s_.we_met && s_.we_met->result && on_screen > std::chrono::seconds(t.outcome_seconds) &&
               idle > std::chrono::seconds(t.outcome_seconds))
        go_home(out);
      break;
    default:
      if (idle > std::chrono::seconds(t.idle_seconds)) go_home(out);
      break;
  }
  if (s_.screen == Screen::admin && now - last_picture_ > std::chrono::seconds(5)) {
    out.requests.push_back(PictureRequest{});
    last_picture_ = now;
  }

  // The search keys (ICU transliteration of every name) are made when staff first search,
  // and again when the roster grew.
  if (s_.screen == Screen::search && (!s_.search_index || s_.search_index->size() != s_.roster.size()))
    s_.search_index = std::make_shared<const NameIndex>(s_.roster);

  kit_.begin_frame();
  std::vector<Intent> intents;
  switch (s_.screen) {
    case Screen::attract: screen_attract(s_, kit_, cam, intents); break;
    case Screen::door_outcome: screen_door(s_, kit_, intents); break;
    case Screen::suggestions: screen_suggestions(s_, kit_, intents); break;
    case Screen::we_met: screen_we_met(s_, kit_, cam, intents); break;
    case Screen::search: screen_search(s_, kit_, intents); break;
    case Screen::pin: screen_pin(s_, kit_, intents); break;
    case Screen::admin: screen_admin(s_, kit_, graph_, intents); break;
    case Screen::storage_problem: screen_storage_problem(s_, kit_, intents); break;
    case Screen::staff: screen_staff(s_, kit_, intents); break;
    case Screen::walkin: screen_walkin(s_, kit_, intents); break;
  }
  // A badge scanned while staff search or type: a line on top of their screen, for a while.
  if ((s_.screen == Screen::search || s_.screen == Screen::walkin || s_.screen == Screen::pin) &&
      !s_.staff.notice.empty() && now - s_.staff.notice_at < std::chrono::seconds(8))
    staff_toast(s_, kit_);
  for (const auto& i : intents) {
    s_.last_input = now;
    apply(i, out);
  }
}

}  // namespace rapport::ui
