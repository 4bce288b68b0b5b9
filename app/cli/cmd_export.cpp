#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/command.hpp"
#include "cli/sync_output.hpp"
#include "core/sync/export_csv.hpp"
#include "core/sync/followups.hpp"
#include "core/sync/merge.hpp"
#include "core/config/kiosk_config.hpp"
#include "hub/hub_export.hpp"
#include "hub/pg.hpp"

namespace rapport::cli {

namespace fs = std::filesystem;

void add_export(CLI::App& root, Commands& out) {
  struct Opts {
    std::string db, hub, organizer, csv, followups;
    bool excel = false, json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* app = root.add_subcommand(
      "export", "Export an event file: into an organizer file, as CSV, or as follow-up packs per attendee");
  app->add_option("--db", o->db, "The event database (a kiosk's file or the organizer file)");
  app->add_option("--hub", o->hub,
                  "Build the --organizer file from this hub (postgresql://...) instead of a file; --csv and "
                  "--followups then read that organizer file");
  app->add_option("--organizer", o->organizer, "Merge into this organizer SQLite file (created when missing)");
  app->add_option("--csv", o->csv, "Write attendees.csv, checkins.csv, connections.csv, summary.csv into DIR");
  app->add_option("--followups", o->followups,
                  "Write per-attendee follow-up lists (CSV, printable HTML, vCard) into DIR");
  app->add_flag("--excel", o->excel, "Start CSV files with a UTF-8 byte-order mark for Excel");
  app->add_flag("--json", o->json, "Print the result as one JSON object");
  out.push_back({app, [o]() -> int {
                   if (o->organizer.empty() && o->csv.empty() && o->followups.empty())
                     return bad_input(make_error("export needs --organizer FILE, --csv DIR or --followups DIR"));
                   if (o->db.empty() == o->hub.empty())
                     return bad_input(make_error("export needs either --db FILE or --hub URL (with --organizer)"));
                   if (!o->hub.empty()) {
                     if (auto u = check_hub_url(o->hub); !u) return bad_input(make_error("--hub " + u.error().message));
                     if (o->organizer.empty())
                       return bad_input(make_error("export --hub needs --organizer FILE to build from the hub"));
                   } else if (auto info = inspect_source(o->db); !info) {
                     return bad_input(info.error());
                   }
                   for (const auto* dir : {&o->csv, &o->followups}) {
                     std::error_code ec;
                     if (!dir->empty() && fs::exists(*dir, ec) && !fs::is_directory(*dir, ec))
                       return bad_input(make_error("this is a file, not a folder; name a folder for the export", *dir));
                     auto parent = fs::path(*dir).parent_path();
                     if (!dir->empty() && !parent.empty() && !fs::is_directory(parent, ec))
                       return bad_input(make_error("the folder that should hold the export is not there", *dir));
                   }
                   nlohmann::json j = nlohmann::json::object();
                   if (!o->hub.empty()) {
                     if (auto t = check_organizer_target(o->organizer); !t) return bad_input(t.error());
                     auto r = hub::export_from_hub(o->hub, o->organizer);
                     if (!r) return failed(r.error());
                     if (o->json)
                       j["organizer"] = {{"file", o->organizer},
                                         {"hub", hub::redact_url(o->hub)},
                                         {"hub_id", r->hub_id},
                                         {"created", r->created},
                                         {"pulled", r->pulled},
                                         {"changed", r->applied.rows},
                                         {"skipped", r->applied.skipped},
                                         {"from_seq", r->from_seq},
                                         {"to_seq", r->to_seq}};
                     else
                       std::cout << fmt::format("{} {} from the hub {}: {} rows read, {} changed\n",
                                                r->created ? "Created" : "Updated", o->organizer,
                                                hub::redact_url(o->hub), r->pulled, r->applied.rows);
                     o->db = o->organizer;  // --csv / --followups read the organizer file
                   } else if (!o->organizer.empty()) {
                     if (auto t = check_organizer_target(o->organizer); !t) return bad_input(t.error());
                     auto r = merge_files(o->organizer, {o->db});
                     if (!r) return failed(r.error());
                     if (o->json)
                       j["organizer"] = merge_json(o->organizer, *r);
                     else
                       print_merge_text(o->organizer, *r);
                   }
                   if (o->csv.empty() && o->followups.empty()) {
                     if (o->json) print_json_line(j);
                     return kOk;
                   }
                   auto store = open_store(o->db, true);
                   if (!store) return bad_input(store.error());
                   if (!o->csv.empty()) {
                     auto r = export_csv(store->db(), o->csv, CsvExportOptions{o->excel});
                     if (!r) return failed(r.error());
                     if (o->json) {
                       j["csv"] = {{"dir", o->csv},
                                   {"files", r->files},
                                   {"attendees_listed", r->attendees_listed},
                                   {"attendees_not_listed", r->attendees_not_listed},
                                   {"checkins_listed", r->checkins_listed},
                                   {"checkins_not_listed", r->checkins_not_listed},
                                   {"connections_listed", r->connections_listed},
                                   {"connections_not_listed", r->connections_not_listed}};
                     } else {
                       std::cout << fmt::format(
                           "Wrote {} files to {}: {} attendees, {} check-ins, {} connections "
                           "(not listed, no consent: {} attendees, {} check-ins, {} connections)\n",
                           r->files.size(), o->csv, r->attendees_listed, r->checkins_listed, r->connections_listed,
                           r->attendees_not_listed, r->checkins_not_listed, r->connections_not_listed);
                     }
                   }
                   if (!o->followups.empty()) {
                     auto r = export_followups(store->db(), o->followups, o->excel);
                     if (!r) return failed(r.error());
                     if (o->json) {
                       j["followups"] = {{"dir", o->followups},
                                         {"files", r->files.size()},
                                         {"packs", r->packs},
                                         {"people_listed", r->people_listed},
                                         {"not_listed", r->not_listed}};
                     } else {
                       std::cout << fmt::format(
                           "Wrote follow-up packs for {} attendees to {} ({} people listed; {} who met someone "
                           "but did not consent get no pack)\n",
                           r->packs, o->followups, r->people_listed, r->not_listed);
                     }
                   }
                   if (o->json) print_json_line(j);
                   std::cout.flush();
                   return kOk;
                 }});
}

}  // namespace rapport::cli
