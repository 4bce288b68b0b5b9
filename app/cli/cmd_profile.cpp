#include <fmt/format.h>

#include <iostream>

#include "cli/command.hpp"
#include "core/checkin/resolve.hpp"
#include "core/profile/profile.hpp"

namespace rapport::cli {

namespace {

nlohmann::json profile_json(const Profile& p) {
  auto list = [&](TagKind k) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& t : p.tags[static_cast<int>(k)]) a.push_back(t);
    return a;
  };
  return {{"attendee", to_json(p.attendee)},
          {"consent", p.consent},
          {"interests", list(TagKind::interest)},
          {"personal_interests", list(TagKind::personal)},
          {"looking_for", list(TagKind::looking_for)},
          {"can_help_with", list(TagKind::can_help_with)},
          {"updated_at", p.updated_at}};
}

void print_text(const Profile& p) {
  auto join = [](const std::vector<std::string>& v) {
    return v.empty() ? std::string("-") : fmt::format("{}", fmt::join(v, "; "));
  };
  std::cout << fmt::format("{} ({})\n", p.attendee.name, p.attendee.id);
  std::cout << fmt::format("  introductions:      {}\n", p.consent ? "yes" : "no");
  std::cout << fmt::format("  interests:          {}\n", join(p.tags[0]));
  std::cout << fmt::format("  personal interests: {}\n", join(p.tags[1]));
  std::cout << fmt::format("  looking for:        {}\n", join(p.tags[2]));
  std::cout << fmt::format("  can help with:      {}\n", join(p.tags[3]));
  std::cout << fmt::format("  updated:            {}\n", p.updated_at);
}

}  // namespace

void add_profile(CLI::App& root, Commands& out) {
  struct Opts {
    std::string db, code, id, consent, kiosk;
    std::array<std::string, kTagKindCount> lists;
    std::array<CLI::Option*, kTagKindCount> list_opts{};
    CLI::Option* consent_opt = nullptr;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* app = root.add_subcommand("profile", "Show or change a person's consent and interests (as at a kiosk)");
  app->add_option("--db", o->db, "The event database")->required();
  auto* code = app->add_option("code", o->code, "A badge or ticket code of the person");
  auto* id = app->add_option("--id", o->id, "The attendee id of the person");
  code->excludes(id);
  o->consent_opt = app->add_option("--consent", o->consent, "yes: may be introduced; no: stop suggesting them")
                       ->check(CLI::IsMember({"yes", "no"}));
  const char* names[kTagKindCount] = {"--interests", "--personal-interests", "--looking-for", "--can-help-with"};
  for (int k = 0; k < kTagKindCount; ++k)
    o->list_opts[k] = app->add_option(names[k], o->lists[k], "';'-separated labels; replaces that kind ('' clears it)");
  app->add_option("--kiosk", o->kiosk, "The kiosk id the change is stamped with (default: the file's own)");
  app->add_flag("--json", o->json, "Print the profile as one JSON object");
  out.push_back({app, [o]() -> int {
                   if (o->code.empty() && o->id.empty())
                     return bad_input(make_error("profile needs a CODE or --id ID"));
                   ProfileEdit edit;
                   if (o->consent_opt->count() > 0) edit.consent = o->consent == "yes";
                   for (int k = 0; k < kTagKindCount; ++k) {
                     if (o->list_opts[k]->count() == 0) continue;
                     auto labels = parse_tag_list(o->lists[k]);
                     if (!labels)
                       return bad_input(make_error(fmt::format("{}: {}", o->list_opts[k]->get_name(),
                                                               labels.error().message)));
                     edit.tags[k] = std::move(*labels);
                   }
                   auto store = open_store(o->db, edit.empty());
                   if (!store) return bad_input(store.error());
                   if (!o->kiosk.empty()) store->set_kiosk_id(o->kiosk);
                   std::string who = o->id;
                   if (who.empty()) {
                     auto r = resolve_scan(store->db(), o->code);
                     if (!r) return failed(r.error());
                     if (r->match != ScanMatch::attendee)
                       return bad_input(make_error(
                           r->match == ScanMatch::invalid
                               ? fmt::format("this is not a badge or ticket code ({})", r->detail)
                               : r->match == ScanMatch::revoked
                                     ? fmt::format("the code '{}' was replaced by a new badge", o->code)
                                     : fmt::format("no attendee has the code '{}'", o->code),
                           o->db));
                     who = r->attendee_id;
                   }
                   auto p = edit.empty() ? load_profile(store->db(), who)
                                         : change_profile(*store, who, edit, ProfileSource::cli);
                   if (!p) {
                     const auto& m = p.error().message;
                     bool bad = m.rfind("no attendee", 0) == 0 || m.find("forgotten") != std::string::npos ||
                                m.find("tag") != std::string::npos;
                     return bad ? bad_input(make_error(m, o->db)) : failed(p.error());
                   }
                   if (edit.empty()) {
                     auto st = store->db().text_of("SELECT status FROM attendees WHERE id = ?", who);
                     if (st && *st && **st == "forgotten")
                       return bad_input(make_error(fmt::format("attendee '{}' asked to be forgotten", who), o->db));
                   }
                   if (o->json)
                     print_json_line(profile_json(*p));
                   else
                     print_text(*p);
                   return kOk;
                 }});
}

}  // namespace rapport::cli
