#include "core/roster/attendee.hpp"

#include <unordered_map>

#include "core/util/text.hpp"

namespace rapport {

std::string_view tag_kind_name(TagKind k) {
  switch (k) {
    case TagKind::interest: return "interest";
    case TagKind::personal: return "personal";
    case TagKind::looking_for: return "looking_for";
    case TagKind::can_help_with: return "can_help_with";
  }
  return "interest";
}

std::optional<TagKind> parse_tag_kind(std::string_view s) {
  for (int i = 0; i < kTagKindCount; ++i)
    if (tag_kind_name(static_cast<TagKind>(i)) == s) return static_cast<TagKind>(i);
  return std::nullopt;
}

std::string_view status_name(AttendeeStatus s) {
  switch (s) {
    case AttendeeStatus::active: return "active";
    case AttendeeStatus::cancelled: return "cancelled";
    case AttendeeStatus::blocked: return "blocked";
    case AttendeeStatus::forgotten: return "forgotten";
  }
  return "active";
}

std::optional<AttendeeStatus> parse_status(std::string_view s) {
  for (auto st : {AttendeeStatus::active, AttendeeStatus::cancelled, AttendeeStatus::blocked,
                  AttendeeStatus::forgotten})
    if (status_name(st) == s) return st;
  return std::nullopt;
}

std::string_view code_kind_name(CodeKind k) {
  switch (k) {
    case CodeKind::badge: return "badge";
    case CodeKind::ticket_code: return "ticket_code";
    case CodeKind::ticket_secret: return "ticket_secret";
    case CodeKind::barcode: return "barcode";
    case CodeKind::attendee_number: return "attendee_number";
  }
  return "ticket_code";
}

std::string Attendee::full_name() const {
  if (last_name.empty()) return first_name;
  if (first_name.empty()) return last_name;
  return first_name + " " + last_name;
}

AttendeeRef ref_of(const Attendee& a) { return AttendeeRef{a.id, a.full_name(), a.first_name}; }

namespace {
constexpr const char* kColumns =
    "id, first_name, last_name, email, company, title, status, consent, suggest_opt_out";

Attendee read_row(const Stmt& st) {
  Attendee a;
  a.id = st.text(0);
  a.first_name = st.text(1);
  a.last_name = st.text(2);
  a.email = st.text(3);
  a.company = st.text(4);
  a.title = st.text(5);
  a.status = parse_status(st.text(6)).value_or(AttendeeStatus::active);
  a.consent = st.integer(7) != 0;
  a.suggest_opt_out = st.integer(8) != 0;
  return a;
}
}  // namespace

Result<std::optional<Attendee>> load_attendee(Db& db, const std::string& id) {
  auto st = db.cached(std::string("SELECT ") + kColumns + " FROM attendees WHERE id = ?");
  if (!st) return st.error();
  (*st)->bind(1, id);
  auto row = (*st)->step();
  if (!row) return row.error();
  if (!*row) return std::optional<Attendee>();
  Attendee a = read_row(**st);
  // Done with the row: a statement left mid-way keeps its read snapshot open, and a
  // write on this connection afterwards would fail at once (SQLITE_BUSY_SNAPSHOT) when
  // another connection (the hub sync, another process) committed in between.
  (*st)->reset();
  auto st2 = db.cached(
      "SELECT x.kind, t.label FROM attendee_tags x JOIN tags t ON t.tag = x.tag "
      "WHERE x.attendee_id = ? ORDER BY x.kind, x.tag");
  if (!st2) return st2.error();
  (*st2)->bind(1, id);
  while (true) {
    auto r = (*st2)->step();
    if (!r) return r.error();
    if (!*r) break;
    if (auto k = parse_tag_kind((*st2)->text(0))) a.tags_of(*k).push_back((*st2)->text(1));
  }
  return std::optional<Attendee>(std::move(a));
}

Result<std::vector<Attendee>> load_attendees(Db& db) {
  std::vector<Attendee> out;
  std::unordered_map<std::string, size_t> index;
  // Sized once: a vector of 100,000 attendees grown by doubling copies them many times.
  if (auto n = db.scalar_int("SELECT count(*) FROM attendees"); n && *n > 0) {
    out.reserve(static_cast<size_t>(*n));
    index.reserve(static_cast<size_t>(*n));
  }
  {
    auto st = db.prepare(std::string("SELECT ") + kColumns + " FROM attendees ORDER BY id");
    if (!st) return st.error();
    while (true) {
      auto r = st->step();
      if (!r) return r.error();
      if (!*r) break;
      index.emplace(st->text(0), out.size());
      out.push_back(read_row(*st));
    }
  }
  // The labels once (a few thousand tags), then the links in key order without a join:
  // a lookup in `tags` for each of a big event's ~700,000 links is most of the load.
  std::unordered_map<std::string, std::string> labels;
  RAPPORT_TRY(db.each_row("SELECT tag, label FROM tags", [&](const Stmt& t) { labels.emplace(t.text(0), t.text(1)); }));
  auto st = db.prepare("SELECT attendee_id, kind, tag FROM attendee_tags ORDER BY attendee_id, kind, tag");
  if (!st) return st.error();
  size_t at = 0;  // links come in attendee order, as `out` does: look up only on a change
  std::string last_id;
  bool have = false;
  while (true) {
    auto r = st->step();
    if (!r) return r.error();
    if (!*r) break;
    std::string id = st->text(0);
    if (!have || id != last_id) {
      auto it = index.find(id);
      have = it != index.end();
      if (have) at = it->second;
      last_id = std::move(id);
      if (!have) continue;
    }
    auto label = labels.find(st->text(2));
    if (label == labels.end()) continue;  // the join dropped links to no tag
    if (auto k = parse_tag_kind(st->text(1))) out[at].tags_of(*k).push_back(label->second);
  }
  return out;
}

}  // namespace rapport
