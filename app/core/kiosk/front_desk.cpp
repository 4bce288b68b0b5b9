#include "core/kiosk/front_desk.hpp"

#include <algorithm>
#include <unordered_set>

#include "core/config/pin.hpp"
#include "core/kiosk/matcher_bridge.hpp"
#include "core/util/clock.hpp"
#include "core/util/text.hpp"

namespace rapport {

namespace {
PublicPerson public_person(const Attendee& a) {
  PublicPerson p;
  p.id = a.id;
  p.first_name = drawable_text(a.first_name);
  p.last_name = drawable_text(a.last_name);
  p.initials = first_letter(p.first_name) + first_letter(p.last_name);
  for (auto k : {TagKind::interest, TagKind::personal})
    for (const auto& t : a.tags_of(k)) p.interests.push_back(drawable_text(t));
  return p;
}

template <class... Ts>
struct overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;
}  // namespace

Result<std::unique_ptr<FrontDesk>> FrontDesk::open(Store store, Options options) {
  std::unique_ptr<FrontDesk> d(new FrontDesk());
  d->store_ = std::make_unique<Store>(std::move(store));
  d->options_ = std::move(options);
  const auto& cfg = d->options_.config;
  if (!cfg.kiosk_id.empty()) d->store_->set_kiosk_id(cfg.kiosk_id);
  d->event_name_ = cfg.event_name.empty() ? d->store_->event().name : cfg.event_name;
  d->languages_ = i18n::Languages::load(i18n::Languages::default_dir());

  // One read of the people, their tags and who is here serves both the roster the
  // screens show and the matcher's index (cold start on a big event).
  auto snap = load_matcher_snapshot(*d->store_);
  if (!snap) return snap.error();
  d->roster_.reserve(snap->attendees.size());
  for (const auto& a : snap->attendees)
    if (a.status != AttendeeStatus::forgotten) d->roster_.push_back(public_person(a));
  const std::unordered_set<std::string> present(snap->present.begin(), snap->present.end());
  for (auto& p : d->roster_) p.present = present.count(p.id) > 0;

  auto demo = d->store_->db().cached(
      "SELECT c.code, a.first_name FROM attendee_codes c JOIN attendees a ON a.id = c.attendee_id "
      "WHERE c.revoked_at IS NULL AND a.status = 'active' AND a.consent = 1 "
      "ORDER BY a.id, c.kind = 'badge' DESC LIMIT 40");
  if (!demo) return demo.error();
  for (;;) {
    auto row = (*demo)->step();
    if (!row) return row.error();
    if (!*row || d->demo_badges_.size() >= 4) break;
    std::string first = drawable_text((*demo)->text(1));
    bool seen = false;
    for (const auto& b : d->demo_badges_) seen = seen || b.first_name == first;
    if (!seen) d->demo_badges_.push_back({(*demo)->text(0), first});
  }

  MatcherConfig mc;
  mc.exposure_window_minutes = cfg.fairness.exposure_window_minutes;
  mc.exposure_cap_per_window = cfg.fairness.exposure_cap_per_window;
  mc.exclude_same_company = cfg.fairness.exclude_same_company;
  d->matcher_ = open_matcher(*snap, mc, d->store_->clock());
  if (!cfg.sync.target.empty())
    d->sync_ = std::make_unique<LiveSync>(cfg.sync.target, std::chrono::seconds(cfg.sync.interval_seconds));
  d->store_->db().reset_cached();
  if (d->options_.before_start) RAPPORT_TRY(d->options_.before_start());
  d->thread_ = std::thread([p = d.get()] { p->run(); });
  return d;
}

FrontDesk::~FrontDesk() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void FrontDesk::submit(DeskRequest r) {
  {
    std::lock_guard lock(mu_);
    inbox_.push_back(std::move(r));
  }
  cv_.notify_one();
}

std::optional<DeskReply> FrontDesk::poll() {
  std::lock_guard lock(mu_);
  if (outbox_.empty()) return std::nullopt;
  DeskReply r = std::move(outbox_.front());
  outbox_.pop_front();
  return r;
}

void FrontDesk::set_wake(std::function<void()> wake) {
  std::lock_guard lock(mu_);
  wake_ = std::move(wake);
}

bool FrontDesk::busy() const {
  std::lock_guard lock(mu_);
  return working_ || !inbox_.empty();
}

void FrontDesk::absorb(AppliedRows rows) {
  {
    std::lock_guard lock(mu_);
    remote_.push_back(std::move(rows));
  }
  cv_.notify_one();
}

void FrontDesk::learn(const AppliedRows& rows) {
  for (const auto& id : rows.checkins) matcher_->on_checkin(id);
  for (const auto& [a, b] : rows.connections) matcher_->on_connection(a, b);
  for (const auto& id : rows.attendees)
    if (auto a = load_attendee(store_->db(), id); a && *a) matcher_->on_attendee_changed(**a);
  for (const auto& s : rows.shown)
    if (auto at = parse_iso8601(s.at)) matcher_->on_shown(s.for_id, s.shown_id, *at);
}

void FrontDesk::run() {
  for (;;) {
    std::optional<DeskRequest> req;
    std::vector<AppliedRows> remote;
    bool push_due = false;
    {
      std::unique_lock lock(mu_);
      auto ready = [&] { return stopping_ || !inbox_.empty() || !remote_.empty(); };
      if (sync_) cv_.wait_for(lock, options_.tick, ready);  // look at the sync clock now and then
      else cv_.wait(lock, ready);
      remote.swap(remote_);
      if (!inbox_.empty()) {
        req = std::move(inbox_.front());
        inbox_.pop_front();
        working_ = true;
      } else if (stopping_ && remote.empty()) {
        return;  // nothing left in hand
      } else if (remote.empty()) {
        // Idle: a periodic push, or a retry after the target went missing. People at
        // the kiosk come first; a push waits until no request is in the queue.
        push_due = sync_ && sync_->due(store_->now());
        if (!push_due) continue;
        working_ = true;
      }
    }
    // Rows other kiosks wrote (pulled from the hub) reach the matcher first.
    for (const auto& r : remote) learn(r);
    if (!req && !push_due) continue;
    DeskReply reply = push_due ? handle_sync(false) : handle(*req);
    // No read transaction outlives a request: the next one sees what other processes
    // wrote meanwhile, and checkpoints can keep the WAL small.
    store_->db().reset_cached();
    std::function<void()> wake;
    {
      std::lock_guard lock(mu_);
      outbox_.push_back(std::move(reply));
      working_ = false;
      wake = wake_;
    }
    if (wake) wake();
  }
}

DeskReply FrontDesk::handle(DeskRequest& r) {
  return std::visit(overloaded{
                        [&](ScanRequest& s) { return handle_scan(s); },
                        [&](CheckinByIdRequest& c) { return handle_checkin_id(c); },
                        [&](MeetRequest& m) { return handle_meet(m); },
                        [&](PinRequest& p) { return handle_pin(p); },
                        [&](PictureRequest&) -> DeskReply {
                          auto pic = picture_the_day(store_->db());
                          if (!pic) return StorageProblem{pic.error().to_string()};
                          return std::move(*pic);
                        },
                        [&](SyncRequest&) { return handle_sync(true); },
                    },
                    r);
}

DeskReply FrontDesk::handle_scan(const ScanRequest& r) {
  auto res = resolve_scan(store_->db(), r.text);
  if (!res) return StorageProblem{res.error().to_string()};
  if (res->match != ScanMatch::attendee) {
    CheckinResult c;
    c.outcome = CheckinOutcome::unknown_code;
    c.at = store_->now_iso();
    c.reason = res->detail;
    return door_reply(c, res->match, false, r.captured, r.language);
  }
  CheckinMethod m = res->code_kind == CodeKind::badge ? CheckinMethod::badge : CheckinMethod::ticket;
  auto c = checkin_attendee(*store_, res->attendee_id, m);
  if (!c) return StorageProblem{c.error().to_string()};
  return door_reply(*c, ScanMatch::attendee, r.suggest, r.captured, r.language);
}

DeskReply FrontDesk::handle_checkin_id(const CheckinByIdRequest& r) {
  auto c = checkin_attendee(*store_, r.attendee_id, CheckinMethod::manual);
  if (!c) return StorageProblem{c.error().to_string()};
  return door_reply(*c, ScanMatch::attendee, r.suggest, store_->now(), r.language);
}

DeskReply FrontDesk::door_reply(const CheckinResult& c, ScanMatch match, bool suggest, TimePoint captured,
                                std::string_view language) {
  DoorReply out;
  out.match = match;
  out.checkin = c;
  out.captured = captured;
  if (c.outcome == CheckinOutcome::checked_in && c.attendee) matcher_->on_checkin(c.attendee->id);
  bool here = c.outcome == CheckinOutcome::checked_in || c.outcome == CheckinOutcome::already_checked_in;
  if (suggest && here && c.attendee) {
    SuggestOptions options{2};
    options.language = &languages_.pick(language);
    auto set = matcher_->suggest(c.attendee->id, options, store_->now());
    if (!set) return StorageProblem{set.error().to_string()};
    auto noted = note_suggestions_shown(*store_, *set);
    if (!noted) return StorageProblem{noted.error().to_string()};
    for (auto& s : set->suggestions) {
      s.person.first_name = drawable_text(s.person.first_name);
      s.person.name = drawable_text(s.person.name);
    }
    out.suggestions = std::move(*set);
  }
  if (out.checkin.attendee) {
    out.checkin.attendee->first_name = drawable_text(out.checkin.attendee->first_name);
    out.checkin.attendee->name = drawable_text(out.checkin.attendee->name);
  }
  return out;
}

DeskReply FrontDesk::handle_meet(const MeetRequest& r) {
  MeetReply out;
  std::string second = r.second_id;
  if (second.empty()) {
    auto res = resolve_scan(store_->db(), r.second_text);
    if (!res) return StorageProblem{res.error().to_string()};
    if (res->match != ScanMatch::attendee) {
      out.outcome = MeetReply::Outcome::unknown_badge;
      return out;
    }
    second = res->attendee_id;
  }
  auto first = load_attendee(store_->db(), r.first_id);
  if (!first) return StorageProblem{first.error().to_string()};
  auto other = load_attendee(store_->db(), second);
  if (!other) return StorageProblem{other.error().to_string()};
  if (!*first || !*other) {
    out.outcome = MeetReply::Outcome::unknown_badge;
    return out;
  }
  out.a = ref_of(**first);
  out.b = ref_of(**other);
  if (second == r.first_id) {
    out.outcome = MeetReply::Outcome::same_person;
    return out;
  }
  if ((*other)->status != AttendeeStatus::active) {
    out.outcome = MeetReply::Outcome::not_present;
    return out;
  }
  // Scanning a badge at the floor is being here: make sure both are checked in.
  for (const auto& id : {r.first_id, second}) {
    auto c = checkin_attendee(*store_, id, CheckinMethod::badge);
    if (!c) return StorageProblem{c.error().to_string()};
    if (c->outcome == CheckinOutcome::checked_in) matcher_->on_checkin(id);
  }
  auto met = connect_pair(*store_, r.first_id, second, r.method);
  if (!met) return StorageProblem{met.error().to_string()};
  out.outcome = met->recorded ? MeetReply::Outcome::recorded : MeetReply::Outcome::already_met;
  out.at = met->at;
  if (met->recorded) matcher_->on_connection(r.first_id, second);
  auto n = store_->db().cached("SELECT count(*) FROM connections WHERE a_id = ? OR b_id = ?");
  if (!n) return StorageProblem{n.error().to_string()};
  (*n)->bind_all(r.first_id, r.first_id);
  auto row = (*n)->step();
  if (!row) return StorageProblem{row.error().to_string()};
  out.connections_today = *row ? static_cast<int>((*n)->integer(0)) : 0;
  for (auto* p : {&out.a, &out.b}) {
    p->first_name = drawable_text(p->first_name);
    p->name = drawable_text(p->name);
  }
  return out;
}

DeskReply FrontDesk::handle_pin(const PinRequest& r) {
  // Argon2 takes a noticeable moment: it runs here, never on the UI thread.
  return PinReply{verify_pin(options_.config.admin.pin_hash, r.pin)};
}

DeskReply FrontDesk::handle_sync(bool manual) {
  SyncReply out;
  out.manual = manual;
  if (!sync_) return out;  // status.configured = false: the admin screen says how to set one
  // A failed push is not a storage problem of this kiosk: the kiosk's own file is
  // untouched, the error goes into the status, and the desk retries when due.
  (void)sync_->push(*store_);
  out.status = sync_->status();
  return out;
}

}  // namespace rapport
