#include <fmt/format.h>

#include <iostream>

#include "cli/command.hpp"
#include "core/config/kiosk_config.hpp"
#include "hub/hub_roles.hpp"
#include "hub/hub_schema.hpp"

namespace rapport::cli {

namespace {
constexpr const char* kFooter = R"(
Creates the hub's tables (schema "rapport") in an existing PostgreSQL database, with a
group role for its kiosks and row-level security (a kiosk writes only rows as itself; see
'rapport hub add-kiosk'); running it again changes nothing. Run it with the hub owner's
credential (a role that may create roles); that credential never goes on a kiosk. Point every kiosk of ONE event at the hub with [hub] url in its
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
                   if (auto sec = hub::secure_hub(*conn, *h); !sec) return failed(sec.error());
                   // Old row versions (forgotten people's among them) go now, not at autovacuum.
                   (void)conn->run_simple("VACUUM rapport.attendees, rapport.attendee_codes, rapport.forgotten");
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

  struct KioskOpts {
    std::string url, name;
    bool json = false;
  };
  auto k = std::make_shared<KioskOpts>();
  auto* add = hub->add_subcommand("add-kiosk", "Create a kiosk's own PostgreSQL role at the hub and print its credentials");
  add->footer(R"(
Creates the login role of kiosk NAME (or gives it a new password) with only what a kiosk
needs: it reads the hub and writes rows as itself, nothing else. Run with the hub owner's
credential. The password is printed once: put it in the kiosk's ~/.pgpass (or PGPASSFILE,
or a pg_service.conf entry), not in the kiosk config, and set [hub] url to the URL shown
and kiosk_id = NAME.
JSON: {"kiosk","user","password","url","pgpass"}.
Exit status: 0 done; 1 the server could not be reached or refused; 2 bad usage.)");
  add->add_option("name", k->name, "The kiosk's id (its kiosk_id), e.g. door-1")->required();
  add->add_option("--url", k->url, "The hub, with the owner's credential")->required();
  add->add_flag("--json", k->json, "Print the result as one JSON object");
  out.push_back({add, [k]() -> int {
                   if (auto u = check_hub_url(k->url); !u) return bad_input(make_error("--url " + u.error().message));
                   auto conn = hub::PgConn::connect(k->url);
                   if (!conn) return failed(conn.error());
                   auto h = hub::read_hub(*conn);
                   if (!h) return failed(h.error());
                   auto cred = hub::add_kiosk(*conn, *h, k->name);
                   if (!cred) return failed(cred.error());
                   std::string url = conn->url_for(cred->user);
                   std::string pgpass = conn->pgpass_line(cred->user, cred->password);
                   if (k->json) {
                     print_json_line({{"kiosk", cred->kiosk},
                                      {"user", cred->user},
                                      {"password", cred->password},
                                      {"url", url},
                                      {"pgpass", pgpass}});
                   } else {
                     std::cout << fmt::format(
                         "Kiosk {} at the hub {}\n"
                         "  user      {}\n"
                         "  password  {}\n"
                         "On the kiosk, add this line to ~/.pgpass (chmod 600), not to its config:\n"
                         "  {}\n"
                         "and in its kiosk config: kiosk_id = \"{}\" and [hub] url = \"{}\"\n",
                         cred->kiosk, hub::redact_url(k->url), cred->user, cred->password, pgpass, cred->kiosk, url);
                   }
                   return kOk;
                 }});
}

}  // namespace rapport::cli
