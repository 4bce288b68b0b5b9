#include <fmt/format.h>

#include <iostream>

#include "cli/command.hpp"
#include "core/sync/forget.hpp"

namespace rapport::cli {

void add_forget(CLI::App& root, Commands& out) {
  struct Opts {
    std::string db, code, id;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* app = root.add_subcommand(
      "forget", "Erase a person's details (name, email, company, title, tags, codes); anonymous counts stay");
  app->add_option("--db", o->db, "The event database")->required();
  auto* code = app->add_option("code", o->code, "A badge or ticket code of the person");
  auto* id = app->add_option("--id", o->id, "The attendee id of the person");
  code->excludes(id);
  app->add_flag("--json", o->json, "Print the result as one JSON object");
  out.push_back({app, [o]() -> int {
                   if (o->code.empty() && o->id.empty())
                     return bad_input(make_error("forget needs a CODE or --id ID"));
                   auto store = open_store(o->db);
                   if (!store) return bad_input(store.error());
                   auto r = o->id.empty() ? forget_by_code(*store, o->code) : forget_attendee(*store, o->id);
                   if (!r) {
                     const auto& m = r.error().message;
                     bool unknown = m.rfind("no attendee", 0) == 0 || m.rfind("this is not a badge", 0) == 0;
                     return unknown ? bad_input(make_error(m, o->db)) : failed(r.error());
                   }
                   if (o->json) {
                     print_json_line({{"forgotten", r->attendee_id},
                                      {"already_forgotten", r->already_forgotten},
                                      {"checkins_kept", r->checkins_kept},
                                      {"connections_kept", r->connections_kept}});
                   } else {
                     std::cout << fmt::format(
                         "{} {}: name, email, company, title, tags and codes erased; {} check-in(s) and {} "
                         "connection(s) kept as anonymous counts\n",
                         r->already_forgotten ? "Already forgotten:" : "Forgotten:", r->attendee_id,
                         r->checkins_kept, r->connections_kept);
                   }
                   return kOk;
                 }});
}

}  // namespace rapport::cli
