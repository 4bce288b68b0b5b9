#include <fmt/format.h>

#include <iostream>

#include "cli/command.hpp"
#include "cli/sync_output.hpp"
#include "core/sync/merge.hpp"

namespace rapport::cli {

void add_merge(CLI::App& root, Commands& out) {
  struct Opts {
    std::string into;
    std::vector<std::string> sources;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* app = root.add_subcommand(
      "merge", "Merge kiosk files into one organizer file (created when missing); incremental and idempotent");
  app->add_option("--into", o->into, "The organizer file to build or refresh")->required();
  app->add_option("kiosk_files", o->sources, "The kiosks' own files (any number; merged ten at a time)")->required();
  app->add_flag("--json", o->json, "Print the result as one JSON object");
  out.push_back({app, [o]() -> int {
                   for (const auto& s : o->sources)
                     if (auto info = inspect_source(s); !info) return bad_input(info.error());
                   if (auto t = check_organizer_target(o->into); !t) return bad_input(t.error());
                   auto r = merge_files(o->into, o->sources);
                   if (!r) return failed(r.error());
                   if (o->json)
                     print_json_line(merge_json(o->into, *r));
                   else
                     print_merge_text(o->into, *r);
                   return kOk;
                 }});
}

}  // namespace rapport::cli
