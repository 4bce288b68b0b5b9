// STAND-IN until the matcher branch is merged: see matcher_bridge.hpp. Deliberately
// simple (it ignores fairness and reciprocity); only the kiosk uses it.
#include "core/kiosk/matcher_bridge.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/util/random.hpp"
#include "core/util/text.hpp"

namespace rapport {

namespace {

std::string_view stored_kind(SuggestionKind k) {
  switch (k) {
    case SuggestionKind::you_could_help: return "you_could_help";
    case SuggestionKind::they_could_help: return "they_could_help";
    case SuggestionKind::shared_interest: return "shared_interest";
    case SuggestionKind::outside_your_circle: return "outside_your_circle";
    case SuggestionKind::looking_for_you: return "looking_for_you";
  }
  return "shared_interest";
}

class SharedTagsMatcher : public Matcher {
 public:
  explicit SharedTagsMatcher(Store& store) : store_(store) {}

  Status load() {
    auto all = load_attendees(store_.db());
    if (!all) return all.error();
    for (auto& a : *all) people_[a.id] = std::move(a);
    auto st = store_.db().cached("SELECT attendee_id FROM checkins");
    if (!st) return st.error();
    for (;;) {
      auto row = (*st)->step();
      if (!row) return row.error();
      if (!*row) break;
      present_.insert((*st)->text(0));
    }
    auto c = store_.db().cached("SELECT a_id, b_id FROM connections");
    if (!c) return c.error();
    for (;;) {
      auto row = (*c)->step();
      if (!row) return row.error();
      if (!*row) break;
      met_.insert({(*c)->text(0), (*c)->text(1)});
    }
    return {};
  }

  Result<SuggestionSet> suggest(const std::string& id, SuggestOptions options, TimePoint) override {
    SuggestionSet set;
    auto it = people_.find(id);
    if (it == people_.end()) return make_error("no attendee with this id");
    const Attendee& u = it->second;
    set.for_person = ref_of(u);
    struct Cand {
      const Attendee* v;
      double score;
      SuggestionKind kind;
      std::string reason, topic;
    };
    std::vector<Cand> cands;
    for (const auto& vid : present_) {
      if (vid == id || met(id, vid)) continue;
      auto vit = people_.find(vid);
      if (vit == people_.end()) continue;
      const Attendee& v = vit->second;
      if (!v.consent || v.suggest_opt_out || v.status != AttendeeStatus::active) continue;
      Cand best{&v, 0, SuggestionKind::shared_interest, {}, {}};
      auto overlap = [&](TagKind a, TagKind b, SuggestionKind kind, double w, const char* fmt_reason) {
        for (const auto& x : u.tags_of(a))
          for (const auto& y : v.tags_of(b))
            if (tag_key(x) == tag_key(y) && w > best.score) {
              best.score = w;
              best.kind = kind;
              best.topic = y;
              best.reason = std::string(fmt_reason) + y;
            }
      };
      overlap(TagKind::can_help_with, TagKind::looking_for, SuggestionKind::you_could_help, 3,
              "Looking for help with ");
      overlap(TagKind::looking_for, TagKind::can_help_with, SuggestionKind::they_could_help, 2.5,
              "Can help with ");
      overlap(TagKind::interest, TagKind::interest, SuggestionKind::shared_interest, 2,
              "You both care about ");
      overlap(TagKind::personal, TagKind::personal, SuggestionKind::outside_your_circle, 1.5,
              "You both love ");
      if (best.score > 0) cands.push_back(best);
    }
    std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
      return a.score != b.score ? a.score > b.score : a.v->id < b.v->id;
    });
    for (const auto& c : cands) {
      if (static_cast<int>(set.suggestions.size()) >= options.count) break;
      Suggestion s;
      s.person = ref_of(*c.v);
      s.initials = first_letter(c.v->first_name) + first_letter(c.v->last_name);
      s.kind = c.kind;
      s.score = c.score;
      s.reasons = {c.reason};
      s.starter = "Ask " + c.v->first_name + " about " + c.topic;
      set.suggestions.push_back(std::move(s));
    }
    for (const auto& [a, b] : met_)
      if (a == id || b == id) ++set.connections_today;
    if (set.suggestions.size() < 2) set.note = "Fewer people are here yet - come back in a little while.";
    return set;
  }

  void on_checkin(const std::string& id) override { present_.insert(id); }
  void on_connection(const std::string& a, const std::string& b) override {
    met_.insert({std::min(a, b), std::max(a, b)});
  }
  void on_attendee_changed(const Attendee& a) override { people_[a.id] = a; }

 private:
  bool met(const std::string& a, const std::string& b) const {
    return met_.count({std::min(a, b), std::max(a, b)}) > 0;
  }
  Store& store_;
  std::map<std::string, Attendee> people_;
  std::set<std::string> present_;
  std::set<std::pair<std::string, std::string>> met_;
};

}  // namespace

Result<std::unique_ptr<Matcher>> open_matcher(Store& store, MatcherConfig) {
  auto m = std::make_unique<SharedTagsMatcher>(store);
  RAPPORT_TRY(m->load());
  return std::unique_ptr<Matcher>(std::move(m));
}

Status note_suggestions_shown(Store& store, const SuggestionSet& set) {
  return store.db().write([&]() -> Status {
    auto st = store.db().cached(
        "INSERT INTO suggestions_shown (id, for_id, shown_id, kind, score, at, kiosk_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!st) return st.error();
    for (const auto& s : set.suggestions)
      RAPPORT_TRY((*st)->bind_all(new_uuid(), set.for_person.id, s.person.id,
                                  std::string(stored_kind(s.kind)), s.score, store.now_iso(),
                                  store.kiosk_id())
                      .run());
    return {};
  });
}

Result<ConnectResult> connect_pair(Store& store, const std::string& a_id, const std::string& b_id,
                                   std::string_view method) {
  ConnectResult out;
  std::string lo = std::min(a_id, b_id), hi = std::max(a_id, b_id);
  auto s = store.db().write([&]() -> Status {
    auto sel = store.db().cached("SELECT at FROM connections WHERE a_id = ? AND b_id = ?");
    if (!sel) return sel.error();
    (*sel)->bind_all(lo, hi);
    auto row = (*sel)->step();
    if (!row) return row.error();
    if (*row) {
      out.at = (*sel)->text(0);
      return {};
    }
    out.at = store.now_iso();
    auto ins = store.db().cached(
        "INSERT INTO connections (a_id, b_id, at, kiosk_id, kiosks, method) VALUES (?, ?, ?, ?, ?, ?)");
    if (!ins) return ins.error();
    RAPPORT_TRY((*ins)->bind_all(lo, hi, out.at, store.kiosk_id(), store.kiosk_id(), std::string(method)).run());
    out.recorded = true;
    return {};
  });
  if (!s) return s.error();
  auto a = load_attendee(store.db(), a_id);
  if (!a) return a.error();
  auto b = load_attendee(store.db(), b_id);
  if (!b) return b.error();
  if (*a) out.a = ref_of(**a);
  if (*b) out.b = ref_of(**b);
  return out;
}

std::string_view card_label(SuggestionKind kind) {
  switch (kind) {
    case SuggestionKind::you_could_help: return "You could help";
    case SuggestionKind::they_could_help: return "They could help";
    case SuggestionKind::shared_interest: return "Shared interest";
    case SuggestionKind::outside_your_circle: return "Outside your usual circle";
    case SuggestionKind::looking_for_you: return "Looking for you";
  }
  return "Shared interest";
}

}  // namespace rapport
