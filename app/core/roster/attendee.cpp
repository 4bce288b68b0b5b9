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
  auto st = db.prepare(
      "SELECT x.attendee_id, x.kind, t.label FROM attendee_tags x JOIN tags t ON t.tag = x.tag "
      "ORDER BY x.attendee_id, x.kind, x.tag");
  if (!st) return st.error();
  while (true) {
    auto r = st->step();
    if (!r) return r.error();
    if (!*r) break;
    auto it = index.find(st->text(0));
    if (it == index.end()) continue;
    if (auto k = parse_tag_kind(st->text(1))) out[it->second].tags_of(*k).push_back(st->text(2));
  }
  return out;
}

}  // namespace rapport
