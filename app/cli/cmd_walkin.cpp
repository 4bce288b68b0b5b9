#include <fmt/format.h>

#include <iostream>

#include "cli/badge_content.hpp"
#include "cli/command.hpp"
#include "core/checkin/walkin.hpp"
#include "core/util/clock.hpp"
#include "core/util/text.hpp"
#include "print/badge_job.hpp"

namespace rapport::cli {

void add_walkin(CLI::App& root, Commands& out) {
  struct Opts {
    std::string db, first, last, email, consent = "no", interests, queue, label = "4x3in", kiosk;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* app = root.add_subcommand("walkin", "Add a person without a ticket at the door, give them a badge code, check them in");
  app->add_option("--db", o->db, "The event database")->required();
  app->add_option("--first-name", o->first, "First name (required)");
  app->add_option("--last-name", o->last, "Last name");
  app->add_option("--email", o->email, "Email (must not already be on the roster)");
  app->add_option("--consent", o->consent, "May be suggested to others: yes or no (default no)")
      ->check(CLI::IsMember({"yes", "no"}));
  app->add_option("--interests", o->interests, "Interests, separated by ',' or ';'");
  app->add_option("--print", o->queue, "Print the badge on this CUPS queue");
  app->add_option("--label", o->label, std::string("Label for --print: ") + std::string(kLabelNames));
  app->add_option("--kiosk", o->kiosk, "The kiosk id to record (default: the database's)");
  app->add_flag("--json", o->json, "Print the result as JSON");
  out.push_back({app, [o]() -> int {
                   auto label = parse_label(o->label);
                   if (!label)
                     return bad_input(make_error(fmt::format("unknown label '{}' (use {})", o->label, kLabelNames)));
                   WalkinRequest req;
                   req.first_name = o->first;
                   req.last_name = o->last;
                   req.email = o->email;
                   req.consent = o->consent == "yes";
                   req.interests = split_list(o->interests, ",;");
                   auto store = open_store(o->db);
                   if (!store) return bad_input(store.error());
                   if (!o->kiosk.empty()) store->set_kiosk_id(o->kiosk);
                   if (auto c = check_walkin(store->db(), req); !c) return bad_input(c.error());
                   auto w = add_walkin(*store, req);
                   if (!w) return failed(w.error());
                   bool printed = false;
                   std::string print_error;
                   if (!o->queue.empty()) {
                     auto badge = badge_content_for(*store, w->attendee.id);
                     auto job = badge ? print::print_badge(*badge, {o->queue, *label}) : Result<int>(badge.error());
                     printed = job.ok();
                     if (!job) print_error = job.error().message;
                   }
                   if (o->json) {
                     print_json_line({{"outcome", "checked_in"},
                                      {"attendee", to_json(w->attendee)},
                                      {"code", w->code},
                                      {"at", w->at},
                                      {"printed", printed}});
                   } else {
                     auto t = parse_iso8601(w->at);
                     std::cout << fmt::format("checked in (walk-in): {} ({}) at {}, badge {}{}\n", w->attendee.name,
                                              w->attendee.id, t ? local_hhmm(*t) : w->at, w->code,
                                              printed ? ", printed" : "");
                     std::cout.flush();
                   }
                   if (!print_error.empty())
                     return failed(make_error("checked in, but the badge was not printed: " + print_error));
                   return kOk;
                 }});
}

}  // namespace rapport::cli
