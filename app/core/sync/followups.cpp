#include "core/sync/followups.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/roster/csv.hpp"
#include "core/sync/export_csv.hpp"
#include "core/sync/file_batch.hpp"
#include "core/sync/vcard.hpp"
#include "core/util/text.hpp"

namespace rapport {

namespace {

bool shareable(const Attendee& a) { return a.consent && a.status != AttendeeStatus::forgotten; }

// Labels of `theirs` whose key is among `mine`, in their order.
std::vector<std::string> common(const std::vector<std::string>& theirs, const std::vector<std::string>& mine) {
  std::unordered_set<std::string> keys;
  for (const auto& m : mine) keys.insert(tag_key(m));
  std::vector<std::string> out;
  for (const auto& t : theirs)
    if (keys.count(tag_key(t))) out.push_back(t);
  return out;
}

std::string stem_for(const Attendee& a, std::set<std::string>& used) {
  std::string s;
  for (char ch : a.id) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
              ch == '_';
    s += ok ? ch : '_';
  }
  if (s.empty()) s = "attendee";
  s = "met-" + s.substr(0, 80);
  std::string candidate = s;
  for (int n = 2; used.count(ascii_lower(candidate)); ++n) candidate = fmt::format("{}-{}", s, n);
  used.insert(ascii_lower(candidate));
  return candidate;
}

}  // namespace

std::string suggested_first_line(const Attendee& me, const MetPerson& other, const std::string& event_name) {
  const std::string& name = other.person.first_name.empty() ? other.person.last_name : other.person.first_name;
  std::string at = event_name.empty() ? "" : " at " + event_name;
  if (!other.you_can_help_with.empty())
    return fmt::format("Hi {}, it was good to meet you{}. You mentioned you are looking for {}; I have some "
                       "experience there and would be glad to share it. Would a short call help?",
                       name, at, other.you_can_help_with.front());
  const auto& wants = other.person.tags_of(TagKind::looking_for);
  if (!wants.empty())
    return fmt::format("Hi {}, great to meet you{}. You mentioned you are looking for {}; if an introduction "
                       "to someone who knows it would help, I would be happy to make one.",
                       name, at, wants.front());
  if (!other.shared_interests.empty())
    return fmt::format("Hi {}, good to meet you{}. I enjoyed talking about {}; is there anything I could help "
                       "you with on it?",
                       name, at, other.shared_interests.front());
  (void)me;
  return fmt::format("Hi {}, it was good to meet you{}. Is there anything I could help you with?", name, at);
}

Result<EventLabel> event_label(Db& db) {
  auto st = db.prepare("SELECT name, date FROM event WHERE id = 1");
  if (!st) return st.error();
  auto r = st->step();
  if (!r) return r.error();
  if (!*r) return EventLabel{};
  return EventLabel{st->text(0), st->text(1)};
}

Result<std::vector<FollowupPack>> build_followups(Db& db) {
  auto ev = event_label(db);
  if (!ev) return ev.error();
  auto people = load_attendees(db);
  if (!people) return people.error();
  std::unordered_map<std::string, const Attendee*> by_id;
  for (const auto& a : *people) by_id.emplace(a.id, &a);

  std::unordered_map<std::string, size_t> pack_of;
  std::vector<FollowupPack> packs;
  std::set<std::string> used_stems;
  auto st = db.prepare("SELECT a_id, b_id, at FROM connections ORDER BY at, a_id, b_id");
  if (!st) return st.error();
  while (true) {
    auto r = st->step();
    if (!r) return r.error();
    if (!*r) break;
    auto ia = by_id.find(st->text(0)), ib = by_id.find(st->text(1));
    if (ia == by_id.end() || ib == by_id.end()) continue;
    for (auto [me, other] : {std::pair{ia->second, ib->second}, std::pair{ib->second, ia->second}}) {
      if (!shareable(*me)) continue;
      auto [it, fresh] = pack_of.emplace(me->id, packs.size());
      if (fresh) packs.push_back(FollowupPack{*me, {}, {}, 0});
      FollowupPack& pack = packs[it->second];
      if (!shareable(*other)) {
        ++pack.others_met;
        continue;
      }
      MetPerson m;
      m.person = *other;
      m.met_at = st->text(2);
      m.you_can_help_with = common(other->tags_of(TagKind::looking_for), me->tags_of(TagKind::can_help_with));
      m.they_can_help_with = common(other->tags_of(TagKind::can_help_with), me->tags_of(TagKind::looking_for));
      m.shared_interests = common(other->tags_of(TagKind::interest), me->tags_of(TagKind::interest));
      for (auto& p : common(other->tags_of(TagKind::personal), me->tags_of(TagKind::personal)))
        m.shared_interests.push_back(p);
      m.first_line = suggested_first_line(*me, m, ev->name);
      pack.people.push_back(std::move(m));
    }
  }
  std::sort(packs.begin(), packs.end(), [](const FollowupPack& x, const FollowupPack& y) { return x.me.id < y.me.id; });
  for (auto& p : packs) p.file_stem = stem_for(p.me, used_stems);
  return packs;
}

std::string followup_csv(const FollowupPack& pack, bool excel) {
  std::string out = excel ? "\xEF\xBB\xBF" : "";
  out += spreadsheet_line({"name", "email", "company", "title", "looking_for", "can_help_with", "you_could_help_with",
                   "they_could_help_with", "shared_interests", "met_at", "suggested_first_line"});
  for (const auto& m : pack.people) {
    const Attendee& p = m.person;
    out += spreadsheet_line({p.full_name(), p.email, p.company, p.title, join_labels(p.tags_of(TagKind::looking_for)),
                     join_labels(p.tags_of(TagKind::can_help_with)), join_labels(m.you_can_help_with),
                     join_labels(m.they_can_help_with), join_labels(m.shared_interests), m.met_at, m.first_line});
  }
  return out;
}

std::string followup_vcards(const FollowupPack& pack, const EventLabel& event) {
  std::string out;
  for (const auto& m : pack.people) {
    const Attendee& p = m.person;
    std::string note = "Met at " + (event.name.empty() ? std::string("the event") : event.name);
    if (!event.date.empty()) note += " on " + event.date;
    note += ".";
    if (!p.tags_of(TagKind::looking_for).empty()) note += " Looking for: " + join_labels(p.tags_of(TagKind::looking_for)) + ".";
    if (!p.tags_of(TagKind::can_help_with).empty())
      note += " Can help with: " + join_labels(p.tags_of(TagKind::can_help_with)) + ".";
    out += vcard({p.first_name, p.last_name, p.email, p.company, p.title, note});
  }
  return out;
}

Result<FollowupExportReport> export_followups(Db& db, const std::string& dir, bool excel) {
  FollowupExportReport rep;
  RAPPORT_TRY(db.exec("BEGIN"));
  struct End {
    Db& db;
    ~End() { (void)db.exec("COMMIT"); }
  } end{db};
  auto ev = event_label(db);
  if (!ev) return ev.error();
  auto packs = build_followups(db);
  if (!packs) return packs.error();
  auto not_listed = db.scalar_int(
      "SELECT count(*) FROM attendees a WHERE (a.consent = 0 OR a.status = 'forgotten') AND EXISTS "
      "(SELECT 1 FROM connections c WHERE c.a_id = a.id OR c.b_id = a.id)");
  if (!not_listed) return not_listed.error();
  rep.not_listed = *not_listed;

  FileBatch batch(dir);
  std::string index = excel ? "\xEF\xBB\xBF" : "";
  index += spreadsheet_line({"attendee_id", "name", "email", "people_met", "people_listed", "csv", "html", "vcard"});
  for (const auto& p : *packs) {
    int64_t listed = static_cast<int64_t>(p.people.size());
    // Everyone they met chose not to share: the page says so, and there is no empty vCard.
    std::string vcf = listed > 0 ? p.file_stem + ".vcf" : "";
    index += spreadsheet_line({p.me.id, p.me.full_name(), p.me.email, std::to_string(listed + p.others_met),
                       std::to_string(listed), p.file_stem + ".csv", p.file_stem + ".html", vcf});
    batch.add(p.file_stem + ".csv", followup_csv(p, excel));
    batch.add(p.file_stem + ".html", followup_html(p, *ev));
    if (!vcf.empty()) batch.add(vcf, followup_vcards(p, *ev));
    ++rep.packs;
    rep.people_listed += listed;
  }
  batch.add("index.csv", std::move(index));
  RAPPORT_TRY(batch.commit());
  rep.files = batch.paths();
  return rep;
}

}  // namespace rapport
