#include <fmt/format.h>

#include <iostream>

#include "cli/command.hpp"
#include "core/checkin/resolve.hpp"
#include "core/checkin/sightings.hpp"
#include "core/matcher/matcher.hpp"

namespace rapport::cli {

namespace {

constexpr const char* kFooter = R"(
Exit status: 0 when suggestions were printed, and for every --batch (a line that names
nobody on the floor is reported on its own line with an "error" field); 1 when the one
CODE or --id names nobody who can get suggestions (unknown or replaced badge, not checked
in yet, cancelled ticket: the message says which); 2 on bad usage.
JSON per query: {"for":{"id","name"},"suggestions":[{"id","name","full_name","last_seen",
"kind","score","reasons","starter"}],"introductions":[{"a":{"id","name","full_name",
"last_seen"},"b":{...},"reason"}], where last_seen is null or {"location","at"} (the last
kiosk with a location that read the badge),
"connections_today":N,"note"}; a problem is {"query","error","error_kind"} (plus "for" when
the person is known). Shown suggestions are recorded (fair exposure, "looking for you")
unless --dry-run.)";

nlohmann::json seen_json(const std::optional<LastSeen>& seen) {
  if (!seen) return nullptr;
  return {{"location", seen->location}, {"at", seen->at}};
}

nlohmann::json person_json(const AttendeeRef& who, const std::optional<LastSeen>& seen) {
  nlohmann::json j = to_json(who);
  j["full_name"] = who.name;
  j["last_seen"] = seen_json(seen);
  return j;
}

nlohmann::json set_json(const SuggestionSet& set) {
  nlohmann::json suggestions = nlohmann::json::array();
  for (const auto& s : set.suggestions)
    suggestions.push_back({{"id", s.person.id},
                           {"name", s.person.name},
                           {"full_name", s.person.name},
                           {"last_seen", seen_json(s.last_seen)},
                           {"first_name", s.person.first_name},
                           {"initials", s.initials},
                           {"kind", kind_name(s.kind)},
                           {"label", kind_label(s.kind)},
                           {"score", s.score},
                           {"reasons", s.reasons},
                           {"starter", s.starter}});
  nlohmann::json intros = nlohmann::json::array();
  for (const auto& i : set.introductions)
    intros.push_back({{"a", person_json(i.a, i.a_seen)}, {"b", person_json(i.b, i.b_seen)}, {"reason", i.reason}});
  nlohmann::json j = {{"for", to_json(set.for_person)},
                      {"suggestions", suggestions},
                      {"introductions", intros},
                      {"connections_today", set.connections_today}};
  if (!set.note.empty()) j["note"] = set.note;
  return j;
}

void print_human(const SuggestionSet& set) {
  std::cout << fmt::format("For {} ({}): {} new {} today\n", set.for_person.name, set.for_person.id,
                           set.connections_today, set.connections_today == 1 ? "person" : "people");
  int n = 0;
  for (const auto& s : set.suggestions) {
    std::cout << fmt::format("  {}. {} ({}) - {}\n", ++n, s.person.name, s.person.id, kind_label(s.kind));
    if (s.last_seen) std::cout << fmt::format("     last seen at {}, {}\n", place_phrase(s.last_seen->location), s.last_seen->at);
    for (const auto& r : s.reasons) std::cout << "     " << r << "\n";
    std::cout << "     " << s.starter << "\n";
  }
  for (const auto& i : set.introductions) std::cout << "  Introduce: " << i.reason << "\n";
  if (!set.note.empty()) std::cout << "  " << set.note << "\n";
  std::cout.flush();
}

struct Problem {
  std::string kind;     // unknown_code, revoked, invalid, unknown_id, not_checked_in, not_active
  std::string message;  // for the person at the kiosk or the organizer
};

void print_problem(const BatchItem& item, const Problem& p, const SuggestionSet* set, bool json) {
  if (json) {
    nlohmann::json j = {{"query", item.by_id ? "id:" + item.value : item.value},
                        {"error", p.message},
                        {"error_kind", p.kind}};
    if (set) {
      j["for"] = to_json(set->for_person);
      j["suggestions"] = nlohmann::json::array();
      j["introductions"] = nlohmann::json::array();
      j["connections_today"] = set->connections_today;
    }
    print_json_line(j);
    return;
  }
  std::cout << (set ? fmt::format("{} ({}): {}\n", set->for_person.name, set->for_person.id, p.message)
                    : fmt::format("{}: {}\n", item.value, p.message));
  std::cout.flush();
}

}  // namespace

void add_suggest(CLI::App& root, Commands& out) {
  struct Opts {
    std::string db, kiosk;
    QueryOptions query;
    int count = 2;
    bool json = false, dry_run = false;
  };
  auto o = std::make_shared<Opts>();
  auto* app = root.add_subcommand("suggest", "Two people to talk to, explained, for a scanned badge or an attendee id");
  app->footer(kFooter);
  app->add_option("--db", o->db, "The event database")->required();
  add_query_options(*app, o->query);
  app->add_option("--count", o->count, "How many people to suggest (1-10)")->capture_default_str();
  app->add_flag("--dry-run", o->dry_run, "Preview: do not record what was shown");
  app->add_option("--kiosk", o->kiosk, "The kiosk id to record (default: the database's)");
  app->add_flag("--json", o->json, "One JSON object per query");
  out.push_back({app, [o]() -> int {
                   if (o->count < 1 || o->count > 10)
                     return bad_input(make_error(fmt::format("--count must be between 1 and 10, not {}", o->count)));
                   auto queries = collect_queries(o->query, "suggest");
                   if (!queries) return bad_input(queries.error());
                   const auto& items = queries.value();
                   auto store = open_store(o->db);
                   if (!store) return bad_input(store.error());
                   if (!o->kiosk.empty()) store->set_kiosk_id(o->kiosk);
                   auto matcher = Matcher::build(*store);
                   if (!matcher) return failed(matcher.error());
                   bool any_problem = false;
                   for (const auto& item : items) {
                     std::string attendee_id = item.value;
                     if (!item.by_id) {
                       auto r = resolve_scan(store->db(), item.value);
                       if (!r) return failed(r.error());
                       if (r->match != ScanMatch::attendee) {
                         const char* kind = r->match == ScanMatch::revoked ? "revoked"
                                            : r->match == ScanMatch::invalid ? "invalid"
                                                                             : "unknown_code";
                         print_problem(item, {kind, r->detail}, nullptr, o->json);
                         any_problem = true;
                         continue;
                       }
                       attendee_id = r->attendee_id;
                     }
                     SuggestOptions options{o->count, !o->dry_run};
                     auto set = (*matcher)->suggest(attendee_id, options, store->now());
                     if (!set) {
                       print_problem(item, {"unknown_id", set.error().message}, nullptr, o->json);
                       any_problem = true;
                       continue;
                     }
                     if (set->refusal != SuggestRefusal::none) {
                       const char* kind = set->refusal == SuggestRefusal::not_checked_in ? "not_checked_in" : "not_active";
                       print_problem(item, {kind, set->note}, &*set, o->json);
                       any_problem = true;
                       continue;
                     }
                     if (auto seen = fill_last_seen(store->db(), *set); !seen) return failed(seen.error());
                     // Printed only once what was shown is on disk: the output is the acknowledgement.
                     if (!o->dry_run)
                       if (auto s = record_suggestions_shown(*store, *set); !s) return failed(s.error());
                     if (o->json)
                       print_json_line(set_json(*set));
                     else
                       print_human(*set);
                   }
                   return any_problem && o->query.batch.empty() ? kFailed : kOk;
                 }});
}

}  // namespace rapport::cli
