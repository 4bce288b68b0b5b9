#include "core/profile/topics.hpp"

#include <set>

#include "core/util/text.hpp"

namespace rapport {

Result<std::vector<std::string>> picker_topics(Db& db) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  // Tags of people checked in and not forgotten, by how many of them have it; then the
  // organizer's list in its order; then every other tag in the roster.
  auto add = [&](const Stmt& st) {
    if (seen.insert(st.text(0)).second) out.push_back(st.text(1));
  };
  RAPPORT_TRY(db.each_row(R"sql(
SELECT t.tag, t.label, count(DISTINCT x.attendee_id) AS n
  FROM attendee_tags x JOIN tags t ON t.tag = x.tag
  JOIN checkins c ON c.attendee_id = x.attendee_id
  JOIN attendees a ON a.id = x.attendee_id AND a.status = 'active'
 GROUP BY t.tag ORDER BY n DESC, t.tag)sql", add));
  RAPPORT_TRY(db.each_row("SELECT tag, label FROM event_topics ORDER BY position, tag", add));
  RAPPORT_TRY(db.each_row(R"sql(
SELECT t.tag, t.label FROM tags t
 WHERE EXISTS (SELECT 1 FROM attendee_tags x JOIN attendees a ON a.id = x.attendee_id
                WHERE x.tag = t.tag AND a.status = 'active')
 ORDER BY t.tag)sql", add));
  return out;
}

Status store_event_topics(Db& db, const std::vector<std::string>& labels) {
  return db.write([&]() -> Status {
    RAPPORT_TRY(db.exec("DELETE FROM event_topics"));
    auto st = db.prepare("INSERT INTO event_topics (tag, label, position) VALUES (?, ?, ?) ON CONFLICT (tag) DO NOTHING");
    if (!st) return st.error();
    int64_t pos = 0;
    for (const auto& l : labels) {
      std::string key = tag_key(l);
      if (key.empty()) continue;
      RAPPORT_TRY(st->bind_all(key, std::string(trim(l)), pos++).run());
      st->reset();
    }
    return {};
  });
}

Result<std::vector<std::string>> load_event_topics(Db& db) {
  std::vector<std::string> out;
  RAPPORT_TRY(db.each_row("SELECT label FROM event_topics ORDER BY position", [&](const Stmt& st) {
    out.push_back(st.text(0));
  }));
  return out;
}

}  // namespace rapport
