// The matcher and the store: loading the index's snapshot, and the two writes the floor
// makes (what was shown, who met whom). SQLite is the truth; the index is a cache of it.
#include <fmt/format.h>

#include "core/matcher/matcher.hpp"
#include "core/util/random.hpp"

namespace rapport {

namespace {
TimePoint parse_or_epoch(const std::string& iso) { return parse_iso8601(iso).value_or(TimePoint{}); }

}  // namespace

Result<MatcherSnapshot> load_matcher_snapshot(Store& store) {
  MatcherSnapshot snap;
  Db& db = store.db();
  auto people = load_attendees(db);
  if (!people) return people.error();
  snap.attendees = std::move(people.value());
  RAPPORT_TRY(db.each_row("SELECT attendee_id FROM checkins", [&](const Stmt& st) { snap.present.push_back(st.text(0)); }));
  RAPPORT_TRY(db.each_row("SELECT a_id, b_id, at FROM connections ORDER BY at", [&](const Stmt& st) {
    snap.connections.push_back({st.text(0), st.text(1), parse_or_epoch(st.text(2))});
  }));
  // Introductions shown to a third person are kept for the acceptance figures only.
  RAPPORT_TRY(db.each_row("SELECT for_id, shown_id, at FROM suggestions_shown WHERE kind <> 'introduction' ORDER BY at",
                          [&](const Stmt& st) {
    snap.shown.push_back({st.text(0), st.text(1), parse_or_epoch(st.text(2))});
  }));
  return snap;
}

Result<std::unique_ptr<Matcher>> Matcher::build(Store& store, MatcherConfig config) {
  auto snap = load_matcher_snapshot(store);
  if (!snap) return snap.error();
  return build_from(*snap, config, store.clock());
}

Status record_suggestions_shown(Store& store, const SuggestionSet& set) {
  if (set.suggestions.empty() && set.introductions.empty()) return {};
  std::string at = set.at.empty() ? store.now_iso() : set.at;
  Db& db = store.db();
  return db.write([&]() -> Status {
    auto st = db.cached(
        "INSERT INTO suggestions_shown (id, for_id, shown_id, kind, score, at, kiosk_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!st) return st.error();
    for (const auto& s : set.suggestions)
      RAPPORT_TRY((*st)->bind_all(new_uuid(), set.for_person.id, s.person.id, std::string(kind_name(s.kind)), s.score,
                                  at, store.kiosk_id())
                      .run());
    // An introduction: the two people introduced (for the acceptance figures; the
    // matcher's exposure and "looking for you" leave these rows out).
    for (const auto& i : set.introductions)
      RAPPORT_TRY((*st)->bind_all(new_uuid(), i.a.id, i.b.id, std::string("introduction"), 0.0, at, store.kiosk_id())
                      .run());
    return {};
  });
}

Result<ConnectResult> record_connection(Store& store, const std::string& a_id, const std::string& b_id,
                                        std::string_view method) {
  if (method != "scan" && method != "suggestion" && method != "manual")
    return make_error(fmt::format("'{}' is not a way to meet (scan, suggestion or manual)", method));
  if (a_id == b_id) return make_error("both badges are the same person - scan the other person's badge");
  Db& db = store.db();
  ConnectResult out;
  for (auto [id, ref] : {std::pair{&a_id, &out.a}, std::pair{&b_id, &out.b}}) {
    auto person = load_attendee(db, *id);
    if (!person) return person.error();
    if (!*person || (*person)->status == AttendeeStatus::forgotten)
      return make_error(fmt::format("no attendee with id '{}'", *id));
    *ref = ref_of(**person);
  }
  // One row per unordered pair: the smaller id first, whatever order the badges came in.
  const std::string& lo = a_id < b_id ? a_id : b_id;
  const std::string& hi = a_id < b_id ? b_id : a_id;
  std::string now = store.now_iso();
  auto s = db.write([&]() -> Status {
    auto find = db.cached("SELECT at FROM connections WHERE a_id = ? AND b_id = ?");
    if (!find) return find.error();
    (*find)->bind_all(lo, hi);
    auto row = (*find)->step();
    if (!row) return row.error();
    if (*row) {
      out.at = (*find)->text(0);
      out.recorded = false;
      return {};
    }
    auto ins = db.cached(
        "INSERT INTO connections (a_id, b_id, at, kiosk_id, kiosks, method) VALUES (?, ?, ?, ?, ?, ?)");
    if (!ins) return ins.error();
    RAPPORT_TRY((*ins)->bind_all(lo, hi, now, store.kiosk_id(), store.kiosk_id(), std::string(method)).run());
    out.at = now;
    out.recorded = true;
    return {};
  });
  if (!s) return s.error();
  return out;
}

}  // namespace rapport
