#include "core/profile/profile.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "core/profile/hlc.hpp"
#include "core/util/text.hpp"

namespace rapport {

namespace {

constexpr std::string_view kConsentField = "consent";

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

Status check_label(std::string_view label) {
  if (trim(label).empty() || tag_key(label).empty()) return make_error("a tag label is empty");
  if (!is_valid_utf8(label)) return make_error("a tag label is not valid UTF-8");
  for (unsigned char c : label)
    if (c < 0x20 || c == 0x7F) return make_error("a tag label holds a control character");
  if (code_points(trim(label)) > kMaxTagLabelChars)
    return make_error(fmt::format("the tag label '{}...' is longer than {} characters",
                                  std::string(trim(label).substr(0, 20)), kMaxTagLabelChars));
  return {};
}

std::string encode_tags(const std::vector<std::string>& labels) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& l : labels) j.push_back(l);
  return j.dump();
}

std::vector<std::string> decode_tags(const std::string& value) {
  std::vector<std::string> out;
  auto j = nlohmann::json::parse(value, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& x : j)
    if (x.is_string()) out.push_back(x.get<std::string>());
  return out;
}

std::set<std::string> keys_of(const std::vector<std::string>& labels) {
  std::set<std::string> out;
  for (const auto& l : labels) out.insert(tag_key(l));
  return out;
}

std::string encode_consent(bool yes) { return yes ? "yes" : "no"; }

// The stored value of one field of `a`.
std::string value_of(const Attendee& a, std::string_view field) {
  if (field == kConsentField) return encode_consent(a.consent);
  return encode_tags(a.tags_of(*parse_tag_kind(field)));
}

bool same_value(std::string_view field, const std::string& x, const std::string& y) {
  if (field == kConsentField) return x == y;
  return keys_of(decode_tags(x)) == keys_of(decode_tags(y));
}

void set_value(Attendee& a, std::string_view field, const std::string& value) {
  if (field == kConsentField)
    a.consent = value == "yes";
  else
    a.tags_of(*parse_tag_kind(field)) = decode_tags(value);
}

struct Row {
  std::string id, field, value;
  std::optional<std::string> roster_value;
};

Result<std::vector<Row>> rows_of(Db& db, const std::string* id) {
  std::vector<Row> out;
  auto collect = [&](const Stmt& st) { out.push_back({st.text(0), st.text(1), st.text(2), st.opt_text(3)}); };
  Status s = id ? db.each_row("SELECT attendee_id, field, value, roster_value FROM profile_changes "
                              "WHERE attendee_id = ? ORDER BY field", collect, *id)
                : db.each_row("SELECT attendee_id, field, value, roster_value FROM profile_changes "
                              "ORDER BY attendee_id, field", collect);
  if (!s) return s.error();
  return out;
}

Status intern(Db& db, const std::string& label) {
  auto st = db.cached("INSERT INTO tags (tag, label) VALUES (?, ?) ON CONFLICT (tag) DO NOTHING");
  if (!st) return st.error();
  return (*st)->bind_all(tag_key(label), std::string(trim(label))).run();
}

// Writes one field's effective value; true when something changed.
Result<bool> apply_row(Db& db, const Row& r) {
  if (r.field == kConsentField) {
    auto st = db.cached("UPDATE attendees SET consent = ?1 WHERE id = ?2 AND consent <> ?1 AND status <> 'forgotten'");
    if (!st) return st.error();
    RAPPORT_TRY((*st)->bind_all(r.value == "yes", r.id).run());
    return db.changes() > 0;
  }
  auto wanted = keys_of(decode_tags(r.value));
  std::set<std::string> have;
  RAPPORT_TRY(db.each_row("SELECT tag FROM attendee_tags WHERE attendee_id = ? AND kind = ?",
                          [&](const Stmt& st) { have.insert(st.text(0)); }, r.id, r.field));
  if (have == wanted) return false;
  auto del = db.cached("DELETE FROM attendee_tags WHERE attendee_id = ? AND kind = ?");
  if (!del) return del.error();
  RAPPORT_TRY((*del)->bind_all(r.id, r.field).run());
  for (const auto& label : decode_tags(r.value)) {
    RAPPORT_TRY(intern(db, label));
    auto ins = db.cached(
        "INSERT INTO attendee_tags (attendee_id, kind, tag) SELECT ?1, ?2, ?3 "
        "WHERE EXISTS (SELECT 1 FROM attendees WHERE id = ?1 AND status <> 'forgotten') ON CONFLICT DO NOTHING");
    if (!ins) return ins.error();
    RAPPORT_TRY((*ins)->bind_all(r.id, r.field, tag_key(label)).run());
  }
  return true;
}

}  // namespace

std::string_view source_name(ProfileSource s) {
  switch (s) {
    case ProfileSource::kiosk: return "kiosk";
    case ProfileSource::cli: return "cli";
    case ProfileSource::roster: return "roster";
  }
  return "kiosk";
}

bool ProfileEdit::empty() const {
  if (consent) return false;
  for (const auto& t : tags)
    if (t) return false;
  return true;
}

Status check_tag_labels(const std::vector<std::string>& labels) {
  for (const auto& l : labels) RAPPORT_TRY(check_label(l));
  if (keys_of(labels).size() > kMaxTagsPerKind)
    return make_error(fmt::format("more than {} tags in one list", kMaxTagsPerKind));
  return {};
}

Result<std::vector<std::string>> parse_tag_list(std::string_view list) {
  std::vector<std::string> out;
  if (list.empty()) return out;  // "" clears the kind; " " is an empty label
  std::set<std::string> seen;
  size_t start = 0;
  while (true) {
    size_t end = list.find(';', start);
    std::string_view item = list.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    RAPPORT_TRY(check_label(item));
    if (seen.insert(tag_key(item)).second) out.emplace_back(trim(item));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  RAPPORT_TRY(check_tag_labels(out));
  return out;
}

Result<Profile> load_profile(Db& db, const std::string& attendee_id) {
  auto a = load_attendee(db, attendee_id);
  if (!a) return a.error();
  if (!*a) return make_error(fmt::format("no attendee with id '{}'", attendee_id));
  Profile p;
  p.attendee = ref_of(**a);
  p.consent = (*a)->consent;
  p.tags = (*a)->tags;
  auto at = db.text_of(
      "SELECT coalesce((SELECT at FROM profile_changes WHERE attendee_id = ?1 ORDER BY hlc DESC, kiosk_id DESC LIMIT 1),"
      "                (SELECT updated_at FROM attendees WHERE id = ?1))",
      attendee_id);
  if (!at) return at.error();
  p.updated_at = at->value_or("");
  return p;
}

Result<Profile> change_profile(Store& store, const std::string& attendee_id, const ProfileEdit& edit,
                               ProfileSource source) {
  for (const auto& t : edit.tags)
    if (t) RAPPORT_TRY(check_tag_labels(*t));
  Db& db = store.db();
  auto s = db.write([&]() -> Status {
    auto a = load_attendee(db, attendee_id);
    if (!a) return a.error();
    if (!*a) return make_error(fmt::format("no attendee with id '{}'", attendee_id));
    auto gone = db.text_of("SELECT attendee_id FROM forgotten WHERE attendee_id = ?", attendee_id);
    if (!gone) return gone.error();
    if ((*a)->status == AttendeeStatus::forgotten || *gone)
      return make_error(fmt::format("attendee '{}' asked to be forgotten; their profile cannot be changed", attendee_id));
    if (edit.empty()) return {};
    auto hlc = hlc_tick(db, store.now());
    if (!hlc) return hlc.error();
    auto rows = rows_of(db, &attendee_id);
    if (!rows) return rows.error();
    auto up = db.cached(R"sql(
INSERT INTO profile_changes (attendee_id, field, value, hlc, kiosk_id, at, source, roster_value)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT (attendee_id, field) DO UPDATE SET
  value = excluded.value, hlc = excluded.hlc, kiosk_id = excluded.kiosk_id, at = excluded.at,
  source = excluded.source, roster_value = coalesce(profile_changes.roster_value, excluded.roster_value)
)sql");
    if (!up) return up.error();
    auto write_field = [&](std::string_view field, const std::string& value) -> Status {
      // Where no kiosk changed this field yet, the person's current value is the roster's.
      std::optional<std::string> roster = value_of(**a, field);
      for (const auto& r : *rows)
        if (r.field == field) roster = r.roster_value;
      return (*up)->bind_all(attendee_id, std::string(field), value, *hlc, store.kiosk_id(), store.now_iso(),
                             std::string(source_name(source)), roster).run();
    };
    if (edit.consent) RAPPORT_TRY(write_field(kConsentField, encode_consent(*edit.consent)));
    for (int k = 0; k < kTagKindCount; ++k)
      if (edit.tags[k]) {
        std::vector<std::string> labels;
        std::set<std::string> seen;
        for (const auto& l : *edit.tags[k])
          if (seen.insert(tag_key(l)).second) labels.emplace_back(trim(l));
        RAPPORT_TRY(write_field(tag_kind_name(static_cast<TagKind>(k)), encode_tags(labels)));
      }
    const std::vector<std::string> one{attendee_id};
    auto applied = apply_profile_rows(db, &one);
    if (!applied) return applied.error();
    return {};
  });
  if (!s) return s.error();
  return load_profile(db, attendee_id);
}

Result<std::vector<std::string>> apply_profile_rows(Db& db, const std::vector<std::string>* ids) {
  std::vector<Row> rows;
  if (ids) {
    for (const auto& id : *ids) {
      auto r = rows_of(db, &id);
      if (!r) return r.error();
      rows.insert(rows.end(), r->begin(), r->end());
    }
  } else {
    auto r = rows_of(db, nullptr);
    if (!r) return r.error();
    rows = std::move(*r);
  }
  std::vector<std::string> changed;
  for (const auto& r : rows) {
    auto c = apply_row(db, r);
    if (!c) return c.error();
    if (*c && (changed.empty() || changed.back() != r.id)) changed.push_back(r.id);
  }
  return changed;
}

Status roster_view(Db& db, Attendee& a) {
  auto rows = rows_of(db, &a.id);
  if (!rows) return rows.error();
  for (const auto& r : *rows)
    if (r.roster_value) set_value(a, r.field, *r.roster_value);
  return {};
}

Status reconcile_import(Store& store, const Attendee& roster) {
  Db& db = store.db();
  auto rows = rows_of(db, &roster.id);
  if (!rows) return rows.error();
  if (rows->empty()) return {};
  std::optional<int64_t> hlc;
  for (const auto& r : *rows) {
    std::string now_says = value_of(roster, r.field);
    if (!r.roster_value || same_value(r.field, *r.roster_value, now_says)) {
      if (!r.roster_value) {
        auto st = db.cached("UPDATE profile_changes SET roster_value = ? WHERE attendee_id = ? AND field = ?");
        if (!st) return st.error();
        RAPPORT_TRY((*st)->bind_all(now_says, r.id, r.field).run());
      }
      continue;
    }
    // The organizer changed this field in the ticketing tool since: a change of its own.
    if (!hlc) {
      auto h = hlc_tick(db, store.now());
      if (!h) return h.error();
      hlc = *h;
    }
    auto st = db.cached(
        "UPDATE profile_changes SET value = ?1, roster_value = ?1, hlc = ?2, kiosk_id = ?3, at = ?4, "
        "source = 'roster' WHERE attendee_id = ?5 AND field = ?6");
    if (!st) return st.error();
    RAPPORT_TRY((*st)->bind_all(now_says, *hlc, store.kiosk_id(), store.now_iso(), r.id, r.field).run());
  }
  const std::vector<std::string> one{roster.id};
  auto applied = apply_profile_rows(db, &one);
  if (!applied) return applied.error();
  return {};
}

}  // namespace rapport
