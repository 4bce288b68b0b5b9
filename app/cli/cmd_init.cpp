#include <fmt/format.h>

#include <iostream>
#include <regex>

#include "cli/command.hpp"
#include "core/config/topics_config.hpp"
#include "core/profile/topics.hpp"

namespace rapport::cli {

void add_init(CLI::App& root, Commands& out) {
  struct Opts {
    std::string db, event, date, kiosk, topics;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* app = root.add_subcommand("init", "Create a new event database");
  app->add_option("--db", o->db, "The database file to create")->required();
  app->add_option("--event", o->event, "The event's name")->required();
  app->add_option("--date", o->date, "The event's date, YYYY-MM-DD");
  app->add_option("--kiosk", o->kiosk, "This kiosk's id (default: host name + random suffix)");
  app->add_option("--topics", o->topics, "The organizer's topic list to offer at kiosks (kiosk-config/topics.toml)");
  app->add_flag("--json", o->json, "Print the result as JSON");
  out.push_back({app, [o]() -> int {
                   static const std::regex date_re(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
                   if (!o->date.empty() && !std::regex_match(o->date, date_re))
                     return bad_input(make_error(fmt::format("--date '{}' is not a date like 2026-11-21", o->date)));
                   std::vector<std::string> topics;
                   if (!o->topics.empty()) {
                     auto t = load_topics_config(o->topics);
                     if (!t) return bad_input(t.error());
                     topics = std::move(*t);
                   }
                   auto store = Store::create(o->db, EventInfo{o->event, o->date, o->kiosk});
                   if (!store) return bad_input(store.error());
                   if (!topics.empty())
                     if (auto st = store_event_topics(store->db(), topics); !st) return failed(st.error());
                   const auto& ev = store->event();
                   if (o->json)
                     print_json_line({{"db", o->db}, {"event", ev.name}, {"date", ev.date}, {"kiosk", ev.kiosk_id}});
                   else
                     std::cout << fmt::format("Created {} for \"{}\"{} (kiosk {})\n", o->db, ev.name,
                                              ev.date.empty() ? "" : " on " + ev.date, ev.kiosk_id);
                   return kOk;
                 }});
}

}  // namespace rapport::cli
