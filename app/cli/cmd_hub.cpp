#include <fmt/format.h>

#include <iostream>

#include "cli/command.hpp"
#include "core/config/kiosk_config.hpp"
#include "hub/hub_schema.hpp"

namespace rapport::cli {

namespace {
constexpr const char* kFooter = R"(
Creates the hub's tables (schema "rapport") in an existing PostgreSQL database; running it
again changes nothing. Point every kiosk of ONE event at the hub with [hub] url in its
kiosk config (or run 'rapport sync --db FILE --hub URL').
JSON: {"hub":URL without password,"hub_id","event","schema_version","created_at"}.
Exit status: 0 done; 1 the server could not be reached or refused; 2 bad usage.)";
}  // namespace

void add_hub(CLI::App& root, Commands& out) {
  struct Opts {
    std::string url;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* hub = root.add_subcommand("hub", "The PostgreSQL hub that several kiosks of one event sync through");
  hub->require_subcommand(1);
  auto* init = hub->add_subcommand("init", "Create the hub's tables in a PostgreSQL database (idempotent)");
  init->footer(kFooter);
  init->add_option("--url", o->url, "postgresql://user:password@host:port/dbname")->required();
  init->add_flag("--json", o->json, "Print the result as one JSON object");
  out.push_back({init, [o]() -> int {
                   if (auto u = check_hub_url(o->url); !u) return bad_input(make_error("--url " + u.error().message));
                   auto conn = hub::PgConn::connect(o->url);
                   if (!conn) return failed(conn.error());
                   auto h = hub::init_hub(*conn);
                   if (!h) return failed(h.error());
                   std::string url = hub::redact_url(o->url);
                   if (o->json) {
                     print_json_line({{"hub", url},
                                      {"hub_id", h->hub_id},
                                      {"event", h->event_name},
                                      {"schema_version", h->schema_version},
                                      {"created_at", h->created_at}});
                   } else {
                     std::cout << fmt::format("Hub ready at {} (id {}, {})\n", url, h->hub_id,
                                              h->event_name.empty() ? "no kiosk has pushed yet"
                                                                    : "event '" + h->event_name + "'");
                   }
                   return kOk;
                 }});
}

}  // namespace rapport::cli
