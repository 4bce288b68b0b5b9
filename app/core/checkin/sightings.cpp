#include "core/checkin/sightings.hpp"

#include <fmt/format.h>

#include "core/sync/merge_rules.hpp"
#include "core/util/text.hpp"

namespace rapport {

Status note_seen(Store& store, const std::string& attendee_id, const std::string& location) {
  std::string place(trim(location));
  if (place.empty()) return {};
  Db& db = store.db();
  const std::string now = store.now_iso();
  return db.write([&]() -> Status {
    static const std::string sql = merge_rules::upsert(
        "INSERT INTO last_seen (attendee_id, location, at, kiosk_id) "
        "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM attendees WHERE id = ?1 AND status <> 'forgotten')",
        merge_rules::kLastSeen);
    auto st = db.cached(sql);
    if (!st) return st.error();
    return (*st)->bind_all(attendee_id, place, now, store.kiosk_id()).run();
  });
}

Result<std::optional<LastSeen>> last_seen(Db& db, const std::string& attendee_id) {
  auto st = db.cached("SELECT location, at FROM last_seen WHERE attendee_id = ?");
  if (!st) return st.error();
  (*st)->bind_all(attendee_id);
  auto row = (*st)->step();
  if (!row) return row.error();
  std::optional<LastSeen> out;
  if (*row) out = LastSeen{(*st)->text(0), (*st)->text(1)};
  (*st)->reset();
  return out;
}

std::string place_phrase(std::string_view location) {
  location = trim(location);
  if (!location.empty() && location[0] >= 'a' && location[0] <= 'z' && location.substr(0, 4) != "the ")
    return "the " + std::string(location);
  return std::string(location);
}

std::string last_seen_line(const LastSeen& seen, TimePoint now) {
  std::string when;
  if (auto at = parse_iso8601(seen.at)) {
    auto minutes = std::chrono::duration_cast<std::chrono::minutes>(now - *at).count();
    if (minutes < 1) when = "just now";
    else if (minutes < 60) when = fmt::format("{} min ago", minutes);
    else when = fmt::format("{} h ago", minutes / 60);
  }
  std::string line = "last scanned at " + place_phrase(seen.location);
  if (!when.empty()) line += ", " + when;
  return line;
}

Status fill_last_seen(Db& db, SuggestionSet& set, TimePoint now) {
  for (auto& s : set.suggestions) {
    auto seen = last_seen(db, s.person.id);
    if (!seen) return seen.error();
    s.last_seen = std::move(*seen);
    if (s.last_seen && now != TimePoint{}) s.seen_line = last_seen_line(*s.last_seen, now);
  }
  for (auto& i : set.introductions) {
    auto a = last_seen(db, i.a.id);
    if (!a) return a.error();
    auto b = last_seen(db, i.b.id);
    if (!b) return b.error();
    i.a_seen = std::move(*a);
    i.b_seen = std::move(*b);
  }
  return {};
}

}  // namespace rapport
