#include <fmt/format.h>

#include <iostream>

#include "cli/command.hpp"
#include "core/checkin/checkin.hpp"

namespace rapport::cli {

namespace {
void print_result(const CheckinResult& r, bool json) {
  if (json) {
    nlohmann::json j = {{"outcome", outcome_name(r.outcome)},
                        {"attendee", r.attendee ? to_json(*r.attendee) : nlohmann::json(nullptr)},
                        {"at", r.at}};
    if (!r.reason.empty()) j["reason"] = r.reason;
    if (r.reentry) {
      j["reentry"] = true;
      j["first_at"] = r.first_at;
    }
    print_json_line(j);
    return;
  }
  std::string who = r.attendee ? fmt::format("{} ({})", r.attendee->name, r.attendee->id) : "";
  std::string when = parse_iso8601(r.at) ? local_hhmm(*parse_iso8601(r.at)) : r.at;
  switch (r.outcome) {
    case CheckinOutcome::checked_in:
      std::cout << fmt::format("{}: {} at {}\n", r.reentry ? "back in" : "checked in", who, when);
      break;
    case CheckinOutcome::checked_out: std::cout << fmt::format("checked out: {} at {}\n", who, when); break;
    case CheckinOutcome::not_checked_in:
      std::cout << fmt::format("not checked in: {} - {}\n", who, r.reason);
      break;
    case CheckinOutcome::already_checked_in:
      std::cout << fmt::format("already checked in: {} at {}\n", who, when);
      break;
    case CheckinOutcome::unknown_code: std::cout << fmt::format("unknown code: {}\n", r.reason); break;
    case CheckinOutcome::cancelled: std::cout << fmt::format("cancelled: {} - {}\n", who, r.reason); break;
    case CheckinOutcome::blocked: std::cout << fmt::format("blocked: {} - {}\n", who, r.reason); break;
  }
  std::cout.flush();
}
}  // namespace

void add_checkin(CLI::App& root, Commands& out) {
  struct Opts {
    std::string db, kiosk;
    QueryOptions query;
    bool json = false, exit = false;
  };
  auto o = std::make_shared<Opts>();
  auto* app = root.add_subcommand("checkin", "Check people in (or out with --exit) by scanned code, attendee id, or a batch file");
  app->add_option("--db", o->db, "The event database")->required();
  add_query_options(*app, o->query);
  app->add_option("--kiosk", o->kiosk, "The kiosk id to record (default: the database's)");
  app->add_flag("--exit", o->exit, "Record an exit (check-out) instead of an entry");
  app->add_flag("--json", o->json, "One JSON object per check-in");
  out.push_back({app, [o]() -> int {
                   auto queries = collect_queries(o->query, "checkin");
                   if (!queries) return bad_input(queries.error());
                   const auto& items = queries.value();
                   auto store = open_store(o->db);
                   if (!store) return bad_input(store.error());
                   if (!o->kiosk.empty()) store->set_kiosk_id(o->kiosk);
                   DoorPolicy policy;
                   if (o->exit) policy.direction = DoorDirection::exit;
                   for (const auto& item : items) {
                     auto r = item.by_id ? checkin_attendee(*store, item.value, CheckinMethod::id, policy)
                                         : checkin_scan(*store, item.value, policy);
                     if (!r) return failed(r.error());
                     print_result(*r, o->json);
                   }
                   return kOk;
                 }});
}

}  // namespace rapport::cli
