#include "core/sync/export_csv.hpp"

#include <unordered_map>

#include "core/roster/attendee.hpp"
#include "core/roster/csv.hpp"
#include "core/sync/file_batch.hpp"

namespace rapport {

namespace {

constexpr const char* kBom = "\xEF\xBB\xBF";

bool shareable(const Attendee& a) { return a.consent && a.status != AttendeeStatus::forgotten; }

struct Sheet {
  std::string text;
  explicit Sheet(bool excel, const std::vector<std::string>& header) : text(excel ? kBom : "") {
    text += spreadsheet_line(header);
  }
  void row(const std::vector<std::string>& fields) { text += spreadsheet_line(fields); }
};

}  // namespace

std::string join_labels(const std::vector<std::string>& labels) {
  std::string out;
  for (const auto& l : labels) {
    if (!out.empty()) out += "; ";
    out += l;
  }
  return out;
}

Result<CsvExportReport> export_csv(Db& db, const std::string& dir, CsvExportOptions options) {
  CsvExportReport rep;
  // One read transaction: the three files describe the same moment even while a kiosk
  // keeps writing.
  RAPPORT_TRY(db.exec("BEGIN"));
  struct End {
    Db& db;
    ~End() { (void)db.exec("COMMIT"); }
  } end{db};

  auto people = load_attendees(db);
  if (!people) return people.error();
  std::unordered_map<std::string, const Attendee*> by_id;
  for (const auto& a : *people) by_id.emplace(a.id, &a);
  auto find = [&](const std::string& id) -> const Attendee* {
    auto it = by_id.find(id);
    return it == by_id.end() ? nullptr : it->second;
  };

  std::unordered_map<std::string, std::string> checked_in;
  std::unordered_map<std::string, int64_t> met;
  Sheet checkins(options.excel, {"attendee_id", "name", "checked_in_at", "kiosk", "method"});
  {
    auto st = db.prepare("SELECT attendee_id, at, kiosk_id, method FROM checkins ORDER BY at, attendee_id");
    if (!st) return st.error();
    while (true) {
      auto r = st->step();
      if (!r) return r.error();
      if (!*r) break;
      const Attendee* a = find(st->text(0));
      checked_in[st->text(0)] = st->text(1);
      if (!a || !shareable(*a)) {
        ++rep.checkins_not_listed;
        continue;
      }
      checkins.row({a->id, a->full_name(), st->text(1), st->text(2), st->text(3)});
      ++rep.checkins_listed;
    }
  }
  Sheet connections(options.excel, {"met_at", "a_id", "a_name", "b_id", "b_name", "kiosks", "how"});
  {
    auto st = db.prepare("SELECT a_id, b_id, at, kiosks, method FROM connections ORDER BY at, a_id, b_id");
    if (!st) return st.error();
    while (true) {
      auto r = st->step();
      if (!r) return r.error();
      if (!*r) break;
      const Attendee* a = find(st->text(0));
      const Attendee* b = find(st->text(1));
      ++met[st->text(0)];
      ++met[st->text(1)];
      if (!a || !b || !shareable(*a) || !shareable(*b)) {
        ++rep.connections_not_listed;
        continue;
      }
      connections.row({st->text(2), a->id, a->full_name(), b->id, b->full_name(), st->text(3), st->text(4)});
      ++rep.connections_listed;
    }
  }
  Sheet attendees(options.excel, {"id", "first_name", "last_name", "email", "company", "title", "status",
                                  "interests", "personal_interests", "looking_for", "can_help_with",
                                  "checked_in_at", "people_met"});
  for (const auto& a : *people) {
    if (!shareable(a)) {
      ++rep.attendees_not_listed;
      continue;
    }
    auto ci = checked_in.find(a.id);
    auto m = met.find(a.id);
    attendees.row({a.id, a.first_name, a.last_name, a.email, a.company, a.title,
                   std::string(status_name(a.status)), join_labels(a.tags_of(TagKind::interest)),
                   join_labels(a.tags_of(TagKind::personal)), join_labels(a.tags_of(TagKind::looking_for)),
                   join_labels(a.tags_of(TagKind::can_help_with)), ci == checked_in.end() ? "" : ci->second,
                   std::to_string(m == met.end() ? 0 : m->second)});
    ++rep.attendees_listed;
  }
  Sheet summary(options.excel, {"what", "listed", "not_listed"});
  summary.row({"attendees", std::to_string(rep.attendees_listed), std::to_string(rep.attendees_not_listed)});
  summary.row({"checkins", std::to_string(rep.checkins_listed), std::to_string(rep.checkins_not_listed)});
  summary.row({"connections", std::to_string(rep.connections_listed), std::to_string(rep.connections_not_listed)});

  FileBatch batch(dir);
  batch.add("attendees.csv", std::move(attendees.text));
  batch.add("checkins.csv", std::move(checkins.text));
  batch.add("connections.csv", std::move(connections.text));
  batch.add("summary.csv", std::move(summary.text));
  RAPPORT_TRY(batch.commit());
  rep.files = batch.paths();
  return rep;
}

}  // namespace rapport
