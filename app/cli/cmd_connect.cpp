#include <fmt/format.h>

#include <iostream>

#include "cli/command.hpp"
#include "core/checkin/resolve.hpp"
#include "core/matcher/matcher.hpp"

namespace rapport::cli {

namespace {
constexpr const char* kFooter = R"(
A pair is stored once, whatever the order of the badges; recording it again prints
"already connected" with the time they first met (exit 0, not an error).
JSON: {"recorded":true|false,"at":"...","a":{"id","name"},"b":{"id","name"}}.
Exit status: 0 recorded or already recorded; 2 bad usage, a code that names nobody, or
the same person twice.)";

// The attendee a scanned code names, or why it names nobody.
Result<std::string> attendee_of(Db& db, const std::string& code) {
  auto r = resolve_scan(db, code);
  if (!r) return r.error();
  if (r->match != ScanMatch::attendee) return make_error(fmt::format("code '{}': {}", code, r->detail));
  return r->attendee_id;
}
}  // namespace

void add_connect(CLI::App& root, Commands& out) {
  struct Opts {
    std::string db, kiosk, method;
    std::vector<std::string> codes, ids;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* app = root.add_subcommand("connect", "Record that two people met (two scanned codes, or two attendee ids)");
  app->footer(kFooter);
  app->add_option("--db", o->db, "The event database")->required();
  auto* codes = app->add_option("codes", o->codes, "The two codes the scanner read (CODE_A CODE_B)")->expected(2);
  auto* ids = app->add_option("--ids", o->ids, "The two attendee ids (ID_A ID_B)")->expected(2);
  codes->excludes(ids);
  app->add_option("--method", o->method, "scan, suggestion or manual (default: scan for codes, manual for --ids)");
  app->add_option("--kiosk", o->kiosk, "The kiosk id to record (default: the database's)");
  app->add_flag("--json", o->json, "Print the result as JSON");
  out.push_back({app, [o]() -> int {
                   if (o->codes.size() != 2 && o->ids.size() != 2)
                     return bad_input(make_error("connect needs two codes (CODE_A CODE_B) or --ids ID_A ID_B"));
                   auto store = open_store(o->db);
                   if (!store) return bad_input(store.error());
                   if (!o->kiosk.empty()) store->set_kiosk_id(o->kiosk);
                   std::string a, b;
                   if (o->ids.size() == 2) {
                     a = o->ids[0];
                     b = o->ids[1];
                   } else {
                     auto ra = attendee_of(store->db(), o->codes[0]);
                     if (!ra) return bad_input(ra.error());
                     auto rb = attendee_of(store->db(), o->codes[1]);
                     if (!rb) return bad_input(rb.error());
                     a = *ra;
                     b = *rb;
                   }
                   std::string method = !o->method.empty() ? o->method : o->ids.size() == 2 ? "manual" : "scan";
                   if (method != "scan" && method != "suggestion" && method != "manual")
                     return bad_input(make_error(fmt::format("--method must be scan, suggestion or manual, not '{}'", method)));
                   if (a == b) return bad_input(make_error("both codes name the same person - scan the other person's badge"));
                   auto r = record_connection(*store, a, b, method);
                   if (!r) {
                     // A missing person is the caller's mistake; a storage failure is not.
                     if (r.error().message.rfind("no attendee", 0) == 0) return bad_input(r.error());
                     return failed(r.error());
                   }
                   if (o->json) {
                     print_json_line({{"recorded", r->recorded}, {"at", r->at}, {"a", to_json(r->a)}, {"b", to_json(r->b)}});
                   } else {
                     auto when = parse_iso8601(r->at);
                     std::string hhmm = when ? local_hhmm(*when) : r->at;
                     std::cout << (r->recorded ? fmt::format("connected: {} and {} at {}\n", r->a.name, r->b.name, hhmm)
                                               : fmt::format("already connected: {} and {} met at {}\n", r->a.name,
                                                             r->b.name, hhmm));
                   }
                   return kOk;
                 }});
}

}  // namespace rapport::cli
