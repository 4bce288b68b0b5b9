#include <fmt/format.h>

#include <iostream>
#include <regex>

#include "cli/command.hpp"

namespace rapport::cli {

void add_init(CLI::App& root, Commands& out) {
  struct Opts {
    std::string db, event, date, kiosk, event_id;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* app = root.add_subcommand("init", "Create a new event database");
  app->add_option("--db", o->db, "The database file to create")->required();
  app->add_option("--event", o->event, "The event's name")->required();
  app->add_option("--date", o->date, "The event's date, YYYY-MM-DD");
  app->add_option("--kiosk", o->kiosk, "This kiosk's id (default: host name + random suffix)");
  app->add_option("--event-id", o->event_id,
                  "Join an existing event: its id (printed by 'rapport init'); default: a new random id");
  app->add_flag("--json", o->json, "Print the result as JSON");
  out.push_back({app, [o]() -> int {
                   static const std::regex date_re(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
                   if (!o->date.empty() && !std::regex_match(o->date, date_re))
                     return bad_input(make_error(fmt::format("--date '{}' is not a date like 2026-11-21", o->date)));
                   static const std::regex id_re(R"([A-Za-z0-9][A-Za-z0-9._-]{7,63})");
                   if (!o->event_id.empty() && !std::regex_match(o->event_id, id_re))
                     return bad_input(make_error(fmt::format(
                         "--event-id '{}' is not an event id (8 to 64 letters, digits, '.', '_' or '-')",
                         o->event_id)));
                   auto store = Store::create(o->db, EventInfo{o->event, o->date, o->kiosk, "kiosk", o->event_id});
                   if (!store) return bad_input(store.error());
                   const auto& ev = store->event();
                   if (o->json)
                     print_json_line({{"db", o->db}, {"event", ev.name}, {"date", ev.date}, {"kiosk", ev.kiosk_id}, {"event_id", ev.event_id}});
                   else
                     std::cout << fmt::format("Created {} for \"{}\"{} (kiosk {}, event {})\n", o->db, ev.name,
                                              ev.date.empty() ? "" : " on " + ev.date, ev.kiosk_id, ev.event_id);
                   return kOk;
                 }});
}

}  // namespace rapport::cli
