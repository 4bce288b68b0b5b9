// The suggestion query: gather candidates through the posting lists, score them,
// weigh them by fair exposure, then pick two different, explained people.
#include "core/matcher/matcher.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/util/text.hpp"

#include "core/matcher/explain.hpp"
#include "core/matcher/index.hpp"
#include "core/matcher/scoring.hpp"

namespace rapport {

std::string_view kind_name(SuggestionKind k) {
  switch (k) {
    case SuggestionKind::you_could_help: return "you_could_help";
    case SuggestionKind::they_could_help: return "they_could_help";
    case SuggestionKind::shared_interest: return "shared_interest";
    case SuggestionKind::outside_your_circle: return "outside_your_circle";
    case SuggestionKind::looking_for_you: return "looking_for_you";
  }
  return "shared_interest";
}

std::string_view kind_label(SuggestionKind k) {
  switch (k) {
    case SuggestionKind::you_could_help: return "You could help";
    case SuggestionKind::they_could_help: return "They could help";
    case SuggestionKind::shared_interest: return "Shared interest";
    case SuggestionKind::outside_your_circle: return "Outside your usual circle";
    case SuggestionKind::looking_for_you: return "Looking for you";
  }
  return "Shared interest";
}

namespace {

using namespace matching;

int64_t to_ms(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

uint64_t mix(uint64_t x) {  // splitmix64: cheap, well-spread tie-breaking
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A strong enough reason to suggest an introduction between two people one knows.
constexpr double kIntroductionMin = 1.0;
// How much a "looking for you" match is lifted: it is a double opt-in.
constexpr double kLookingForYouLift = 3.0;
constexpr size_t kShortlist = 32;
constexpr size_t kFallbackSample = 256;
constexpr size_t kWideShortlist = 256;
constexpr size_t kPersonalShortlist = 16;

struct Candidate {
  PersonIx v = kNone;
  PairSignals signals;
  double score = 0;     // before fairness
  double ranked = 0;    // after fairness and lifts: what picks
  bool capped = false;  // shown as often as the window allows: resting
  bool looking_for_you = false;
  SuggestionKind kind = SuggestionKind::shared_interest;  // set when picked
};

class IndexedMatcher final : public Matcher {
 public:
  IndexedMatcher(MatcherConfig config, Clock clock)
      : config_(config),
        window_ms_(static_cast<int64_t>(config.exposure_window_minutes * 60'000.0)),
        index_(window_ms_),
        clock_(std::move(clock)) {}

  Index& index() { return index_; }

  Result<SuggestionSet> suggest(const std::string& attendee_id, SuggestOptions options, TimePoint now) override;

  void on_checkin(const std::string& id) override {
    if (auto p = index_.find(id)) index_.set_present(*p, true);
  }
  void on_checkout(const std::string& id) override {
    if (auto p = index_.find(id)) index_.set_present(*p, false);
  }
  void on_connection(const std::string& a, const std::string& b) override {
    auto pa = index_.find(a), pb = index_.find(b);
    if (pa && pb) index_.add_connection(*pa, *pb, to_ms(clock_ ? clock_() : std::chrono::system_clock::now()));
  }
  void on_attendee_changed(const Attendee& a) override { index_.upsert(a); }
  void on_shown(const std::string& for_id, const std::string& shown_id, TimePoint at) override {
    auto f = index_.find(for_id), v = index_.find(shown_id);
    if (f && v) index_.add_shown(*f, *v, to_ms(at));
  }

  double pair_score(const std::string& u, const std::string& v) const override {
    auto pu = index_.find(u), pv = index_.find(v);
    if (!pu || !pv || *pu == *pv) return 0;
    return combine(score_pair(index_, *pu, *pv));
  }
  size_t suggestable_count() const override { return index_.floor().size(); }

 private:
  // Exposure in the window: each showing counts 1 when fresh, fading to 0 as the window
  // passes. Returns the fairness factor 1 / (1 + exposure); `count` is how many showings
  // are inside the window.
  double fairness(PersonIx v, int64_t now_ms, int& count) const {
    double exposure = 0;
    count = 0;
    for (int64_t t : index_.shown_times(v)) {
      int64_t age = std::max<int64_t>(0, now_ms - t);
      if (age >= window_ms_) continue;
      exposure += 1.0 - static_cast<double>(age) / static_cast<double>(window_ms_);
      ++count;
    }
    return 1.0 / (1.0 + exposure);
  }

  bool excluded(PersonIx u, PersonIx v) const {
    if (u == v || !index_.suggestable(v) || index_.connected(u, v)) return true;
    const Person& pu = index_.person(u);
    return config_.exclude_same_company && pu.company != 0 && pu.company == index_.person(v).company;
  }

  Candidate rate(PersonIx u, PersonIx v, const PairSignals& signals, int64_t now_ms) const {
    Candidate c;
    c.v = v;
    c.signals = signals;
    c.score = combine(signals);
    int shown = 0;
    double fair = fairness(v, now_ms, shown);
    c.capped = shown >= config_.exposure_cap_per_window;
    // A hair of deterministic noise so equal scores do not always pick the same person.
    double jitter = 1.0 + 1e-3 * static_cast<double>(mix((uint64_t{u} << 32) ^ v ^ queries_) % 1000) / 1000.0;
    c.ranked = (c.score + 1e-3) * fair * jitter;
    return c;
  }

  void gather(PersonIx u, int64_t now_ms, std::vector<Candidate>& out);
  void fallback(PersonIx u, int64_t now_ms, const std::vector<PersonIx>& chosen, std::vector<Candidate>& out);
  std::vector<Candidate> pick(PersonIx u, std::vector<Candidate>& pool, int count, int64_t now_ms);
  std::vector<Introduction> introductions(PersonIx u, const std::string& today, const i18n::Language& lang);
  int connections_today(PersonIx u, const std::string& today) const {
    int n = 0;
    for (const Met& m : index_.met(u))
      if (local_date(TimePoint(std::chrono::milliseconds(m.at_ms))) == today) ++n;
    return n;
  }

  MatcherConfig config_;
  int64_t window_ms_;
  Index index_;
  Clock clock_;
  uint64_t queries_ = 0;
  // Scratch for one query, reused so a query allocates almost nothing.
  std::vector<std::array<float, 4>> acc_;
  std::vector<uint32_t> stamp_;
  uint32_t epoch_ = 0;
  std::vector<PersonIx> touched_;
  std::vector<std::pair<float, PersonIx>> wide_, personal_;
};

void IndexedMatcher::gather(PersonIx u, int64_t now_ms, std::vector<Candidate>& out) {
  if (acc_.size() < index_.size()) {
    acc_.resize(index_.size());
    stamp_.resize(index_.size(), 0);
  }
  if (++epoch_ == 0) {
    std::fill(stamp_.begin(), stamp_.end(), 0);
    epoch_ = 1;
  }
  touched_.clear();
  auto touch = [&](PersonIx v) -> std::array<float, 4>& {
    if (stamp_[v] != epoch_) {
      stamp_[v] = epoch_;
      acc_[v] = {0, 0, 0, 0};
      touched_.push_back(v);
    }
    return acc_[v];
  };
  // Walk the posting lists of u's tags. A very common tag's list is read only in part,
  // from a start that moves with every query, so its holders take turns.
  auto walk = [&](TagKind mine, TagKind theirs, int signal) {
    for (TagId t : index_.tags(u, mine)) {
      const auto& list = index_.posting(theirs, t);
      if (list.empty()) continue;
      float w = static_cast<float>(index_.weight(theirs, t));
      size_t n = list.size(), take = std::min(n, config_.posting_scan_limit);
      size_t start = take < n ? mix(queries_ * 31 + t) % n : 0;
      size_t first = std::min(take, n - start);
      for (size_t i = 0; i < first; ++i) touch(list[start + i])[signal] += w;
      for (size_t i = 0; i < take - first; ++i) touch(list[i])[signal] += w;
    }
  };
  walk(TagKind::interest, TagKind::interest, 0);
  walk(TagKind::personal, TagKind::personal, 1);
  walk(TagKind::can_help_with, TagKind::looking_for, 2);
  walk(TagKind::looking_for, TagKind::can_help_with, 3);

  // First pass, cheap arithmetic only: the plain score of everyone touched. Only the best
  // few hundred (and the best personal-interest matches, for the personal slot) go on to
  // the hard rules and fairness. A little hash noise breaks ties differently each query.
  wide_.clear();
  personal_.clear();
  for (PersonIx v : touched_) {
    if (v == u) continue;
    const auto& a = acc_[v];
    float noise = 1.0f + 0.02f * static_cast<float>(mix(v ^ (queries_ << 24)) & 1023) / 1023.0f;
    float base = static_cast<float>(combine(PairSignals{a[0], a[1], a[2], a[3]})) * noise;
    wide_.push_back({base, v});
    if (a[1] > 0) personal_.push_back({base, v});
  }
  auto keep_best = [](std::vector<std::pair<float, PersonIx>>& list, size_t n) {
    if (list.size() <= n) return;
    std::nth_element(list.begin(), list.begin() + static_cast<long>(n), list.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    list.resize(n);
  };
  keep_best(wide_, kWideShortlist);
  keep_best(personal_, kPersonalShortlist);
  for (const auto& x : personal_)
    if (stamp_[x.second] == epoch_) wide_.push_back(x);
  out.clear();
  out.reserve(wide_.size() + index_.seen_by(u).size());
  for (const auto& [base, v] : wide_) {
    if (stamp_[v] != epoch_) continue;  // already taken (a personal match also in the wide list)
    stamp_[v] = epoch_ - 1;
    if (excluded(u, v)) continue;
    const auto& a = acc_[v];
    out.push_back(rate(u, v, PairSignals{a[0], a[1], a[2], a[3]}, now_ms));
  }
  // "Looking for you": people who were shown u earlier are lifted, when they still fit.
  for (PersonIx v : index_.seen_by(u)) {
    if (excluded(u, v)) continue;
    Candidate c = rate(u, v, score_pair(index_, u, v), now_ms);
    if (c.score <= 0) continue;
    c.looking_for_you = true;
    c.ranked *= kLookingForYouLift;
    auto it = std::find_if(out.begin(), out.end(), [&](const Candidate& x) { return x.v == v; });
    if (it != out.end()) *it = c; else out.push_back(c);
  }
}

// People u shares nothing with, least exposed first, so quiet attendees are introduced
// too and nobody walks away with an empty screen while others are on the floor.
void IndexedMatcher::fallback(PersonIx u, int64_t now_ms, const std::vector<PersonIx>& chosen,
                              std::vector<Candidate>& out) {
  const auto& floor = index_.floor();
  out.clear();
  if (floor.empty()) return;
  size_t start = mix(queries_ ^ (uint64_t{u} << 20)) % floor.size();
  auto scan = [&](size_t limit) {
    for (size_t i = 0; i < floor.size() && out.size() < limit; ++i) {
      PersonIx v = floor[(start + i) % floor.size()];
      if (excluded(u, v) || std::find(chosen.begin(), chosen.end(), v) != chosen.end()) continue;
      out.push_back(rate(u, v, score_pair(index_, u, v), now_ms));
    }
  };
  scan(kFallbackSample);
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    if (a.capped != b.capped) return !a.capped;
    return a.ranked > b.ranked;
  });
}

std::vector<Candidate> IndexedMatcher::pick(PersonIx u, std::vector<Candidate>& pool, int count, int64_t now_ms) {
  std::vector<Candidate> chosen;
  if (count <= 0) return chosen;
  // Resting people (shown up to the cap in this window) are left out here; they come
  // back only through the fallback's last resort, when nobody else is free.
  std::erase_if(pool, [](const Candidate& c) { return c.capped; });
  auto by_rank = [](const Candidate& a, const Candidate& b) { return a.ranked > b.ranked; };
  // The best personal-interest match, found before the shortlist cuts it away.
  std::optional<Candidate> personal;
  for (const auto& c : pool)
    if (c.signals.personal > 0 && (!personal || c.ranked > personal->ranked)) personal = c;
  size_t keep = std::min(pool.size(), kShortlist);
  std::partial_sort(pool.begin(), pool.begin() + static_cast<long>(keep), pool.end(), by_rank);
  pool.resize(keep);

  auto taken = [&](PersonIx v) {
    return std::any_of(chosen.begin(), chosen.end(), [&](const Candidate& c) { return c.v == v; });
  };
  auto add = [&](Candidate c, std::optional<SuggestionKind> kind = std::nullopt) {
    c.kind = kind ? *kind : c.looking_for_you ? SuggestionKind::looking_for_you : dominant_kind(c.signals);
    chosen.push_back(c);
  };
  if (!pool.empty()) add(pool.front());
  // One slot for a personal interest when possible: "outside your usual circle".
  if (count >= 2 && !chosen.empty() && chosen[0].kind != SuggestionKind::outside_your_circle && personal &&
      !taken(personal->v))
    add(*personal, SuggestionKind::outside_your_circle);
  // The rest: different from those already picked, in kind and in tags.
  while (static_cast<int>(chosen.size()) < count) {
    const Candidate* best = nullptr;
    double best_value = -1;
    for (const auto& c : pool) {
      if (taken(c.v)) continue;
      double value = c.ranked;
      SuggestionKind k = c.looking_for_you ? SuggestionKind::looking_for_you : dominant_kind(c.signals);
      for (const auto& s : chosen) {
        if (s.kind == k) value *= 0.7;
        value *= 1.0 - 0.5 * tag_jaccard(index_, s.v, c.v);
      }
      if (value > best_value) best = &c, best_value = value;
    }
    if (!best) break;
    add(*best);
  }
  if (static_cast<int>(chosen.size()) < count) {
    std::vector<PersonIx> ids;
    for (const auto& c : chosen) ids.push_back(c.v);
    std::vector<Candidate> more;
    fallback(u, now_ms, ids, more);
    for (const auto& c : more) {
      if (static_cast<int>(chosen.size()) >= count) break;
      add(c);
    }
  }
  return chosen;
}

std::vector<Introduction> IndexedMatcher::introductions(PersonIx u, const std::string& today,
                                                        const i18n::Language& lang) {
  std::vector<PersonIx> met;
  for (const Met& m : index_.met(u))
    if (local_date(TimePoint(std::chrono::milliseconds(m.at_ms))) == today && index_.suggestable(m.other))
      met.push_back(m.other);
  if (met.size() > 24) met.erase(met.begin(), met.end() - 24);  // the most recent are enough
  double best = kIntroductionMin;
  PersonIx ba = kNone, bb = kNone;
  PairSignals bs;
  for (size_t i = 0; i < met.size(); ++i)
    for (size_t j = i + 1; j < met.size(); ++j) {
      if (index_.connected(met[i], met[j])) continue;
      PairSignals s = score_pair(index_, met[i], met[j]);
      double score = combine(s);
      if (score > best) best = score, ba = met[i], bb = met[j], bs = s;
    }
  if (ba == kNone) return {};
  std::string reason = introduction_reason(index_, ba, bb, bs, lang);
  auto ref = [&](PersonIx p) {
    const Person& x = index_.person(p);
    return AttendeeRef{x.id, x.full_name(), x.first_name};
  };
  return {Introduction{ref(ba), ref(bb), std::move(reason)}};
}

Result<SuggestionSet> IndexedMatcher::suggest(const std::string& attendee_id, SuggestOptions options,
                                              TimePoint now) {
  const i18n::Language& lang = options.language ? *options.language : i18n::english();
  auto found = index_.find(attendee_id);
  if (!found || index_.person(*found).status == AttendeeStatus::forgotten)
    return make_error("no attendee with id '" + attendee_id + "'");
  PersonIx u = *found;
  const Person& me = index_.person(u);
  ++queries_;
  SuggestionSet set;
  set.for_person = AttendeeRef{me.id, me.full_name(), me.first_name};
  set.at = to_iso8601(now);
  std::string today = local_date(now);
  set.connections_today = connections_today(u, today);
  if (me.status != AttendeeStatus::active) {
    set.refusal = SuggestRefusal::not_active;
    set.note = lang.tr("This badge cannot be used for introductions - please see the registration desk.");
    return set;
  }
  if (!me.present) {
    set.refusal = SuggestRefusal::not_checked_in;
    set.note = "Please check in at the door first - then come back for your two people.";
    return set;
  }
  int64_t now_ms = to_ms(now);
  std::vector<Candidate> pool;
  gather(u, now_ms, pool);
  auto chosen = pick(u, pool, std::max(0, options.count), now_ms);

  for (auto& c : chosen) {
    // A very common tag's posting list may have been read only in part: say the exact
    // score and reasons for the two we show.
    c.signals = score_pair(index_, u, c.v);
    c.score = combine(c.signals);
    Suggestion s;
    const Person& p = index_.person(c.v);
    s.person = AttendeeRef{p.id, p.full_name(), p.first_name};
    s.initials = first_letter(p.first_name) + first_letter(p.last_name);
    s.kind = c.kind;
    s.score = std::round(c.score * 1000.0) / 1000.0;
    auto words = explain(index_, u, c.v, s.kind, c.signals, mix((uint64_t{u} << 32) ^ c.v), lang);
    s.reasons = std::move(words.reasons);
    s.starter = std::move(words.starter);
    set.suggestions.push_back(std::move(s));
    if (options.update_exposure) index_.add_shown(u, c.v, now_ms);
  }
  set.introductions = introductions(u, today, lang);
  set.note = suggestion_note(set.connections_today, set.suggestions.size(), options.count, lang);
  return set;
}

}  // namespace

std::unique_ptr<Matcher> Matcher::build_from(const MatcherSnapshot& snap, MatcherConfig config, Clock clock) {
  auto m = std::make_unique<IndexedMatcher>(config, std::move(clock));
  Index& index = m->index();
  size_t tags = 0;
  for (const auto& a : snap.attendees)
    for (const auto& k : a.tags) tags += k.size();
  index.reserve(snap.attendees.size(), tags);
  for (const auto& a : snap.attendees) index.upsert(a);
  for (const auto& id : snap.present)
    if (auto p = index.find(id)) index.set_present(*p, true);
  for (const auto& c : snap.connections) {
    auto a = index.find(c.a_id), b = index.find(c.b_id);
    if (a && b) index.add_connection(*a, *b, to_ms(c.at));
  }
  for (const auto& s : snap.shown) {
    auto f = index.find(s.for_id), v = index.find(s.shown_id);
    if (f && v) index.add_shown(*f, *v, to_ms(s.at));
  }
  return m;
}

}  // namespace rapport
