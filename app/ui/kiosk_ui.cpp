#include "ui/kiosk_ui.hpp"

#include <fmt/format.h>

#include <algorithm>

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

KioskUi::KioskUi(KioskState initial, Fonts fonts, i18n::Languages languages)
    : s_(std::move(initial)),
      languages_(std::move(languages)),
      kit_(fonts, make_palette(s_.config.theme)),
      gate_(s_.config.admin.max_attempts, std::chrono::seconds(s_.config.admin.lock_seconds)) {
  s_.language = languages_.pick(s_.config.language).code();
  s_.languages.clear();
  for (const auto& l : languages_.all()) s_.languages.emplace_back(l.code(), l.name());
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
  s_.staff_unlocked = false;
  s_.language = languages_.pick(s_.config.language).code();
  if (pending_ != Pending::none && pending_ != Pending::door) pending_ = Pending::none;
  out.clear_camera = true;
  go(Screen::attract);
}

void KioskUi::mark_present(const std::string& id) {
  for (auto& p : s_.roster)
    if (p.id == id && !p.present) {
      p.present = true;
      ++s_.present;
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
      return;  // staff are busy with the kiosk; a badge held up now is not meant for it
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
  out.requests.push_back(ScanRequest{text, captured, s_.mode != KioskMode::door, s_.language});
  out.clear_camera = true;
}

void KioskUi::on_typed(const std::string& utf8) {
  s_.last_input = s_.now;
  if (s_.screen == Screen::search && s_.search_query.size() < 64) s_.search_query += utf8;
}

void KioskUi::on_reply(DeskReply reply, UiOutput& out) {
  std::visit(overloaded{
                 [&](DoorReply& d) {
                   if (d.checkin.attendee && is_here(d)) mark_present(d.checkin.attendee->id);
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
                   switch (gate_.record(r.matched, s_.now)) {
                     case PinVerdict::accepted:
                       s_.staff_unlocked = true;
                       s_.pin_message.clear();
                       if (s_.pin_purpose == PinPurpose::admin) {
                         go(Screen::admin);
                         out.requests.push_back(PictureRequest{});
                         last_picture_ = s_.now;
                       } else {
                         go(Screen::search);
                       }
                       break;
                     case PinVerdict::wrong:
                       s_.pin_message = gate_.attempts_left() == 1
                                            ? "Wrong PIN - 1 try left"
                                            : fmt::format("Wrong PIN - {} tries left", gate_.attempts_left());
                       break;
                     case PinVerdict::locked:
                       s_.pin_message = fmt::format("Locked - too many wrong tries. Try again in {} s",
                                                    gate_.lock_remaining(s_.now).count());
                       break;
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
    case K::set_language: s_.language = languages_.pick(i.arg).code(); break;
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
    case K::search_backspace:
      while (!s_.search_query.empty()) {
        unsigned char c = static_cast<unsigned char>(s_.search_query.back());
        s_.search_query.pop_back();
        if ((c & 0xC0) != 0x80) break;  // removed a whole UTF-8 character
      }
      break;
    case K::search_clear: s_.search_query.clear(); break;
    case K::checkin_id:
      pending_ = Pending::manual;
      out.requests.push_back(CheckinByIdRequest{i.arg, s_.mode != KioskMode::door, s_.language});
      break;
    case K::pin_digit:
      if (s_.pin_digits.size() < 12 && !s_.pin_checking) s_.pin_digits += i.arg;
      break;
    case K::pin_backspace:
      if (!s_.pin_digits.empty()) s_.pin_digits.pop_back();
      break;
    case K::pin_submit:
      if (gate_.locked(s_.now)) {
        s_.pin_message = fmt::format("Locked - too many wrong tries. Try again in {} s",
                                     gate_.lock_remaining(s_.now).count());
      } else if (!s_.pin_digits.empty() && !s_.pin_checking) {
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
  }
}

void KioskUi::frame(TimePoint now, const CameraView& cam, UiOutput& out) {
  s_.now = now;
  if (s_.last_input == TimePoint{}) s_.last_input = now;
  if (s_.screen_since == TimePoint{}) s_.screen_since = now;
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

  kit_.begin_frame();
  kit_.set_language(languages_.pick(s_.language));
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
  }
  for (const auto& i : intents) {
    s_.last_input = now;
    apply(i, out);
  }
}

}  // namespace rapport::ui
