#include "core/roster/import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>
#include <unordered_map>
#include <unordered_set>

#include "core/badge/badge_code.hpp"
#include "core/roster/csv.hpp"
#include "core/util/random.hpp"
#include "core/util/text.hpp"

namespace rapport {

std::string_view format_name(RosterFormat f) {
  switch (f) {
    case RosterFormat::automatic: return "auto";
    case RosterFormat::native: return "native";
    case RosterFormat::eventbrite: return "eventbrite";
    case RosterFormat::pretix: return "pretix";
  }
  return "auto";
}

std::optional<RosterFormat> parse_format(std::string_view s) {
  for (auto f : {RosterFormat::automatic, RosterFormat::native, RosterFormat::eventbrite,
                 RosterFormat::pretix})
    if (format_name(f) == s) return f;
  return std::nullopt;
}

Result<ImportMapping> load_import_mapping(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("cannot read the mapping file", path);
  std::stringstream buf;
  buf << in.rdbuf();
  return parse_import_mapping(buf.str(), path);
}

Result<ImportMapping> parse_import_mapping(std::string_view toml_text, const std::string& path) {
  toml::table doc;
  try {
    doc = toml::parse(toml_text, path);
  } catch (const toml::parse_error& e) {
    return make_error(std::string(e.description()),
                      fmt::format("{}:{}", path, e.source().begin.line));
  }
  ImportMapping m;
  auto where = [&](const toml::node& n) { return fmt::format("{}:{}", path, n.source().begin.line); };
  auto read_list = [&](std::string_view key, std::vector<std::string>& out) -> Status {
    const toml::node* n = doc.get(key);
    if (!n) return {};
    out.clear();
    if (auto s = n->value<std::string>()) {
      out.push_back(ascii_lower(trim(*s)));
      return {};
    }
    if (auto arr = n->as_array()) {
      for (const auto& item : *arr) {
        auto s = item.value<std::string>();
        if (!s) return make_error(fmt::format("'{}' must list column names as strings", key), where(item));
        out.push_back(ascii_lower(trim(*s)));
      }
      return {};
    }
    return make_error(fmt::format("'{}' must be a column name or a list of column names", key), where(*n));
  };
  static const std::unordered_set<std::string_view> known = {
      "interests", "personal_interests", "looking_for", "can_help_with", "consent",
      "separators", "consent_yes", "consent_no"};
  for (const auto& [k, v] : doc)
    if (!known.count(k.str()))
      return make_error(fmt::format("unknown key '{}' (known: interests, personal_interests, "
                                    "looking_for, can_help_with, consent, separators, consent_yes, "
                                    "consent_no)",
                                    k.str()),
                        where(v));
  RAPPORT_TRY(read_list("interests", m.interests));
  RAPPORT_TRY(read_list("personal_interests", m.personal_interests));
  RAPPORT_TRY(read_list("looking_for", m.looking_for));
  RAPPORT_TRY(read_list("can_help_with", m.can_help_with));
  RAPPORT_TRY(read_list("consent", m.consent));
  RAPPORT_TRY(read_list("consent_yes", m.consent_yes));
  RAPPORT_TRY(read_list("consent_no", m.consent_no));
  if (const toml::node* n = doc.get("separators")) {
    auto s = n->value<std::string>();
    if (!s || s->empty()) return make_error("'separators' must be a non-empty string such as \";|\"", where(*n));
    m.separators = *s;
  }
  return m;
}

namespace {

// Header names as organizers' tools write them: trimmed, case-insensitive.
struct Header {
  std::unordered_map<std::string, size_t> index;
  explicit Header(const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) index.emplace(ascii_lower(trim(fields[i])), i);
  }
  std::optional<size_t> find(std::string_view name) const {
    auto it = index.find(std::string(name));
    if (it == index.end()) return std::nullopt;
    return it->second;
  }
  std::optional<size_t> find_any(const std::vector<std::string>& names) const {
    for (const auto& n : names)
      if (auto i = find(n)) return i;
    return std::nullopt;
  }
  bool has(std::string_view name) const { return find(name).has_value(); }
};

std::string cell(const CsvRecord& r, std::optional<size_t> col) {
  if (!col || *col >= r.fields.size()) return {};
  return std::string(trim(r.fields[*col]));
}

RosterFormat detect(const Header& h) {
  if (h.has("attendee #") && (h.has("order #") || h.has("first name"))) return RosterFormat::eventbrite;
  if (h.has("order code") && h.has("position id")) return RosterFormat::pretix;
  if (h.has("first_name")) return RosterFormat::native;
  return RosterFormat::automatic;
}

struct Columns {
  std::optional<size_t> interests, personal, looking_for, can_help_with, consent;
};

Columns custom_columns(const Header& h, const ImportMapping& m, RosterFormat f) {
  Columns c;
  if (f == RosterFormat::native) {
    c.interests = h.find("interests");
    c.personal = h.find("personal_interests");
    c.looking_for = h.find("looking_for");
    c.can_help_with = h.find("can_help_with");
    c.consent = h.find("consent");
  } else {
    c.interests = h.find_any(m.interests);
    c.personal = h.find_any(m.personal_interests);
    c.looking_for = h.find_any(m.looking_for);
    c.can_help_with = h.find_any(m.can_help_with);
    c.consent = h.find_any(m.consent);
  }
  return c;
}

Status fill_custom(Attendee& a, const CsvRecord& r, const Columns& c, const ImportMapping& m,
                   std::string_view separators, const std::string& where) {
  auto put = [&](TagKind k, std::optional<size_t> col) {
    auto& out = a.tags_of(k);
    std::unordered_set<std::string> seen;
    for (auto& t : split_list(cell(r, col), separators))
      if (seen.insert(tag_key(t)).second) out.push_back(t);
  };
  put(TagKind::interest, c.interests);
  put(TagKind::personal, c.personal);
  put(TagKind::looking_for, c.looking_for);
  put(TagKind::can_help_with, c.can_help_with);
  std::string consent = ascii_lower(cell(r, c.consent));
  if (std::find(m.consent_yes.begin(), m.consent_yes.end(), consent) != m.consent_yes.end())
    a.consent = true;
  else if (std::find(m.consent_no.begin(), m.consent_no.end(), consent) != m.consent_no.end())
    a.consent = false;
  else
    return make_error(fmt::format("bad consent value '{}' (use yes/no, true/false or 1/0)",
                                  cell(r, c.consent)),
                      where);
  return {};
}

AttendeeStatus eventbrite_status(std::string s) {
  s = ascii_lower(s);
  for (const char* bad : {"cancel", "refund", "not attending", "deleted", "transferred"})
    if (s.find(bad) != std::string::npos) return AttendeeStatus::cancelled;
  return AttendeeStatus::active;
}

AttendeeStatus pretix_status(std::string s, const std::string& blocked) {
  s = ascii_lower(s);
  std::string b = ascii_lower(blocked);
  if (!b.empty() && b != "false" && b != "no" && b != "0") return AttendeeStatus::blocked;
  if (s == "c" || s == "e" || s.find("cancel") != std::string::npos ||
      s.find("expired") != std::string::npos || s.find("refund") != std::string::npos)
    return AttendeeStatus::cancelled;
  if (s.find("block") != std::string::npos) return AttendeeStatus::blocked;
  return AttendeeStatus::active;
}

void split_name(const std::string& full, std::string& first, std::string& last) {
  auto sp = full.find_last_of(' ');
  if (sp == std::string::npos) {
    first = full;
    last.clear();
  } else {
    first = std::string(trim(full.substr(0, sp)));
    last = std::string(trim(full.substr(sp + 1)));
  }
}

}  // namespace

Result<ParsedRoster> parse_roster(std::string_view data, const std::string& name,
                                  RosterFormat format, const ImportMapping& mapping) {
  auto records = parse_csv(data, name);
  if (!records) return records.error();
  auto& recs = records.value();
  if (recs.empty()) return make_error("the roster is empty: no header row", name + ":1");
  const CsvRecord& head = recs.front();
  Header h(head.fields);
  std::string head_where = fmt::format("{}:{}", name, head.line);
  ParsedRoster out;
  out.format = format == RosterFormat::automatic ? detect(h) : format;
  if (out.format == RosterFormat::automatic)
    return make_error("cannot tell the roster format from its header; expected a Rapport CSV "
                      "(id,first_name,...), an Eventbrite attendee report (Order #, Attendee #, ...) "
                      "or a pretix export (Order code, Position ID, ...); or pass --format",
                      head_where);

  std::vector<std::string> required;
  switch (out.format) {
    case RosterFormat::native: required = {"first_name"}; break;
    case RosterFormat::eventbrite: required = {"attendee #", "first name", "last name", "email"}; break;
    case RosterFormat::pretix: required = {"order code", "position id", "ticket secret"}; break;
    default: break;
  }
  for (const auto& col : required)
    if (!h.has(col))
      return make_error(fmt::format("missing required column '{}' for a {} roster", col,
                                    format_name(out.format)),
                        head_where);
  if (out.format == RosterFormat::native && !h.has("id") && !h.has("email") && !h.has("ticket_code"))
    return make_error("a Rapport roster needs at least one of the columns id, email, ticket_code",
                      head_where);
  if (out.format == RosterFormat::pretix && !h.has("attendee name") &&
      !h.has("attendee name: given name"))
    return make_error("missing the 'Attendee name' column for a pretix roster", head_where);

  Columns custom = custom_columns(h, mapping, out.format);
  std::string separators = out.format == RosterFormat::native ? ";" : mapping.separators;
  out.rows.reserve(recs.size());

  for (size_t i = 1; i < recs.size(); ++i) {
    const CsvRecord& r = recs[i];
    std::string where = fmt::format("{}:{}", name, r.line);
    if (r.fields.size() == 1 && trim(r.fields[0]).empty()) continue;  // blank line
    if (r.fields.size() != head.fields.size())
      return make_error(fmt::format("expected {} columns like the header, found {}",
                                    head.fields.size(), r.fields.size()),
                        where);
    Attendee a;
    switch (out.format) {
      case RosterFormat::native: {
        a.id = cell(r, h.find("id"));
        a.first_name = cell(r, h.find("first_name"));
        a.last_name = cell(r, h.find("last_name"));
        a.email = cell(r, h.find("email"));
        a.company = cell(r, h.find("company"));
        a.title = cell(r, h.find("title"));
        if (auto code = cell(r, h.find("ticket_code")); !code.empty())
          a.codes.push_back({code, CodeKind::ticket_code});
        if (auto st = cell(r, h.find("status")); !st.empty()) {
          auto s = parse_status(ascii_lower(st));
          if (!s || *s == AttendeeStatus::forgotten)
            return make_error(fmt::format("bad status '{}' (use active, cancelled or blocked)", st), where);
          a.status = *s;
        }
        if (a.first_name.empty()) return make_error("first_name is empty", where);
        if (a.id.empty() && a.email.empty() && a.codes.empty())
          return make_error("a row needs an id, an email or a ticket_code", where);
        break;
      }
      case RosterFormat::eventbrite: {
        a.id = cell(r, h.find("attendee #"));
        a.first_name = cell(r, h.find("first name"));
        a.last_name = cell(r, h.find("last name"));
        a.email = cell(r, h.find("email"));
        a.company = cell(r, h.find("company"));
        a.title = cell(r, h.find("job title"));
        a.status = eventbrite_status(cell(r, h.find("attendee status")));
        if (a.id.empty()) return make_error("Attendee # is empty", where);
        if (a.first_name.empty() && a.last_name.empty()) return make_error("the attendee has no name", where);
        if (auto bc = cell(r, h.find("barcode #")); !bc.empty()) a.codes.push_back({bc, CodeKind::barcode});
        a.codes.push_back({a.id, CodeKind::attendee_number});
        break;
      }
      case RosterFormat::pretix: {
        std::string order = cell(r, h.find("order code")), pos = cell(r, h.find("position id"));
        if (order.empty() || pos.empty()) return make_error("Order code or Position ID is empty", where);
        a.id = order + "-" + pos;
        a.first_name = cell(r, h.find("attendee name: given name"));
        a.last_name = cell(r, h.find("attendee name: family name"));
        if (a.first_name.empty() && a.last_name.empty())
          split_name(cell(r, h.find("attendee name")), a.first_name, a.last_name);
        a.email = cell(r, h.find("attendee email"));
        if (a.email.empty()) a.email = cell(r, h.find("email"));
        a.company = cell(r, h.find("company"));
        a.status = pretix_status(cell(r, h.find("status")), cell(r, h.find("blocked")));
        std::string secret = cell(r, h.find("ticket secret"));
        if (secret.empty()) return make_error("Ticket secret is empty", where);
        a.codes.push_back({secret, CodeKind::ticket_secret});
        if (a.first_name.empty() && a.last_name.empty()) {
          out.skipped.push_back({r.line, "no attendee name on this ticket"});
          continue;
        }
        break;
      }
      default: break;
    }
    if (a.first_name.empty()) std::swap(a.first_name, a.last_name);
    RAPPORT_TRY(fill_custom(a, r, custom, mapping, separators, where));
    out.rows.push_back(RosterRow{r.line, std::move(a)});
  }
  return out;
}

namespace {

bool same_person_data(const Attendee& a, const Attendee& b) {
  if (a.first_name != b.first_name || a.last_name != b.last_name || a.email != b.email ||
      a.company != b.company || a.title != b.title || a.status != b.status || a.consent != b.consent)
    return false;
  for (int k = 0; k < kTagKindCount; ++k) {
    std::vector<std::string> x, y;
    for (auto& t : a.tags[k]) x.push_back(tag_key(t));
    for (auto& t : b.tags[k]) y.push_back(tag_key(t));
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    if (x != y) return false;
  }
  return true;
}


}  // namespace

Result<ImportSummary> import_roster(Store& store, ParsedRoster roster, const Progress& progress) {
  ImportSummary sum;
  sum.format = roster.format;
  sum.rows = roster.rows.size() + roster.skipped.size();
  sum.skipped = std::move(roster.skipped);
  Db& db = store.db();
  const std::string now = store.now_iso();
  const std::string kiosk = store.kiosk_id();

  // Tag kinds, statuses and code kinds below all come from enums, never from the file.
  BulkWrite bulk(db, /*skip_checks=*/true);
  auto status = db.write([&]() -> Status {
    std::unordered_map<std::string, size_t> ids_in_file, codes_in_file, emails_in_file;
    for (const auto& row : roster.rows)
      if (!row.attendee.email.empty()) ++emails_in_file[ascii_lower(row.attendee.email)];
    std::unordered_map<std::string, std::string> tags_known;  // label -> stored key
    auto any_forgotten = db.scalar_int("SELECT EXISTS (SELECT 1 FROM forgotten)");
    if (!any_forgotten) return any_forgotten.error();
    const bool check_forgotten = *any_forgotten != 0;
    size_t done = 0;
    for (auto& row : roster.rows) {
      Attendee& a = row.attendee;
      if (progress && (++done % 1000 == 0 || done == roster.rows.size())) progress(done, roster.rows.size());

      // Forgotten people stay forgotten.
      if (check_forgotten && !a.id.empty()) {
        auto f = db.text_of("SELECT attendee_id FROM forgotten WHERE attendee_id = ?", a.id);
        if (!f) return f.error();
        if (*f) {
          sum.skipped.push_back({row.line, "this person asked to be forgotten"});
          continue;
        }
      }
      if (check_forgotten && !a.email.empty()) {
        auto f = db.text_of("SELECT attendee_id FROM forgotten WHERE email_hash = ?",
                        hash_hex(ascii_lower(a.email)));
        if (!f) return f.error();
        if (*f) {
          sum.skipped.push_back({row.line, "this person asked to be forgotten"});
          continue;
        }
      }

      // Match an existing attendee: id, else a ticket code, else the email. A row whose id
      // is new may still be someone already here under another roster's id (the native
      // list first, the Eventbrite report later): a ticket code they hold says so, and so
      // does an email that names one person in this file and one in the database (a
      // buyer's email on several tickets names nobody in particular).
      std::optional<std::string> existing;
      if (!a.id.empty()) {
        auto r = db.text_of("SELECT id FROM attendees WHERE id = ?", a.id);
        if (!r) return r.error();
        existing = *r;
      }
      for (size_t i = 0; !existing && i < a.codes.size(); ++i) {
        auto r = db.text_of("SELECT attendee_id FROM attendee_codes WHERE code = ?", a.codes[i].code);
        if (!r) return r.error();
        existing = *r;
      }
      if (!existing && !a.email.empty()) {
        if (a.id.empty()) {
          auto r = db.text_of("SELECT id FROM attendees WHERE email = ? COLLATE NOCASE AND email <> '' ORDER BY id LIMIT 1", a.email);
          if (!r) return r.error();
          existing = *r;
        } else if (emails_in_file[ascii_lower(a.email)] == 1) {
          auto r = db.text_of("SELECT min(id) FROM attendees WHERE email = ? COLLATE NOCASE AND email <> '' HAVING count(*) = 1",
                              a.email);
          if (!r) return r.error();
          existing = *r;
        }
      }
      if (existing) a.id = *existing;
      else if (a.id.empty()) a.id = "r-" + new_uuid();

      // The same person twice in one file: keep the first, say so.
      if (auto [it, fresh] = ids_in_file.emplace(a.id, row.line); !fresh) {
        sum.skipped.push_back({row.line, fmt::format("same person as line {}", it->second)});
        continue;
      }
      bool conflict = false;
      for (const auto& c : a.codes) {
        auto owner = db.text_of("SELECT attendee_id FROM attendee_codes WHERE code = ?", c.code);
        if (!owner) return owner.error();
        auto [it, fresh] = codes_in_file.emplace(c.code, row.line);
        if ((*owner && **owner != a.id) || (!fresh && it->second != row.line)) {
          sum.skipped.push_back(
              {row.line, fmt::format("ticket code '{}' already belongs to someone else", c.code)});
          conflict = true;
          break;
        }
      }
      if (conflict) continue;

      if (existing) {
        auto old = load_attendee(db, a.id);
        if (!old) return old.error();
        if (*old && (*old)->status == AttendeeStatus::forgotten) {
          sum.skipped.push_back({row.line, "this person asked to be forgotten"});
          continue;
        }
        bool codes_known = true;
        for (const auto& c : a.codes) {
          auto owner = db.text_of("SELECT attendee_id FROM attendee_codes WHERE code = ?", c.code);
          if (!owner) return owner.error();
          codes_known = codes_known && owner->has_value();
        }
        ++sum.updated;
        if (*old && same_person_data(**old, a) && codes_known) {
          ++sum.unchanged;
          continue;
        }
      } else {
        ++sum.imported;
      }

      auto up = db.cached(
          "INSERT INTO attendees (id, first_name, last_name, email, company, title, status, consent, "
          "source, kiosk_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
          "ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, last_name = "
          "excluded.last_name, email = excluded.email, company = excluded.company, title = "
          "excluded.title, status = excluded.status, consent = excluded.consent, source = "
          "excluded.source, kiosk_id = excluded.kiosk_id, updated_at = excluded.updated_at");
      if (!up) return up.error();
      RAPPORT_TRY((*up)->bind_all(a.id, a.first_name, a.last_name, a.email, a.company, a.title,
                                   std::string(status_name(a.status)), a.consent,
                                   std::string(format_name(roster.format)), kiosk, now, now)
                       .run());
      if (existing) {
        auto del = db.cached("DELETE FROM attendee_tags WHERE attendee_id = ?");
        if (!del) return del.error();
        RAPPORT_TRY((*del)->bind_all(a.id).run());
      }
      for (int k = 0; k < kTagKindCount; ++k) {
        for (const auto& label : a.tags[k]) {
          // The stored key: NFKC + case folding, then the organizer's synonyms.
          auto known = tags_known.find(label);
          if (known == tags_known.end()) {
            auto interned = store.intern_tag(label);
            if (!interned) return interned.error();
            known = tags_known.emplace(label, std::move(*interned)).first;
          }
          const std::string& key = known->second;
          auto ins = db.cached(
              "INSERT INTO attendee_tags (attendee_id, kind, tag) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
          if (!ins) return ins.error();
          RAPPORT_TRY((*ins)->bind_all(a.id, std::string(tag_kind_name(static_cast<TagKind>(k))), key).run());
        }
      }
      for (const auto& c : a.codes) {
        auto ins = db.cached(
            "INSERT INTO attendee_codes (code, attendee_id, kind, kiosk_id, created_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING");
        if (!ins) return ins.error();
        RAPPORT_TRY((*ins)->bind_all(c.code, a.id, std::string(code_kind_name(c.kind)), kiosk, now).run());
      }
    }
    // Everyone gets a badge code in the same transaction, so no one is ever without one.
    auto issued = ensure_badge_codes_in(db, kiosk, now);
    if (!issued) return issued.error();
    return {};
  });
  if (!status) return status.error();
  std::sort(sum.skipped.begin(), sum.skipped.end(),
            [](const SkippedRow& x, const SkippedRow& y) { return x.line < y.line; });
  return sum;
}

Result<std::string> read_roster_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("cannot read the roster file", path);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

Result<ImportSummary> import_roster_file(Store& store, const std::string& path, RosterFormat format,
                                         const ImportMapping& mapping, const Progress& progress) {
  auto data = read_roster_file(path);
  if (!data) return data.error();
  auto parsed = parse_roster(*data, path, format, mapping);
  if (!parsed) return parsed.error();
  return import_roster(store, std::move(parsed.value()), progress);
}

}  // namespace rapport
