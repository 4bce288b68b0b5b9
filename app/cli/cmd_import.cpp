#include <fmt/format.h>
#include <unistd.h>

#include <iostream>

#include "cli/command.hpp"
#include "core/roster/import.hpp"
#include "core/roster/tag_synonyms.hpp"

namespace rapport::cli {

namespace {
void draw_progress(size_t done, size_t total) {
  int width = 30;
  int filled = total ? static_cast<int>(width * done / total) : width;
  std::cerr << fmt::format("\rimporting [{:=<{}}{: <{}}] {}/{} rows", "", filled, "", width - filled,
                           done, total)
            << (done == total ? "\n" : "") << std::flush;
}
}  // namespace

void add_import(CLI::App& root, Commands& out) {
  struct Opts {
    std::string db, roster, format = "auto", map, topics;
    bool json = false, quiet = false;
  };
  auto o = std::make_shared<Opts>();
  auto* app = root.add_subcommand("import", "Import attendees from a roster CSV (native, Eventbrite, pretix)");
  app->add_option("--db", o->db, "The event database")->required();
  app->add_option("roster", o->roster, "The roster CSV file")->required();
  app->add_option("--format", o->format, "auto, native, eventbrite or pretix")
      ->check(CLI::IsMember({"auto", "native", "eventbrite", "pretix"}));
  app->add_option("--map", o->map, "TOML file naming the custom-question columns (kiosk-config/import.toml)");
  app->add_option("--topics", o->topics,
                  "kiosk-config/topics.toml: its [synonyms] (\"ML\" = \"machine learning\") apply to the tags");
  app->add_flag("--json", o->json, "Print the summary as JSON");
  app->add_flag("--quiet", o->quiet, "No progress bar");
  out.push_back({app, [o]() -> int {
                   ImportMapping mapping;
                   if (!o->map.empty()) {
                     auto m = load_import_mapping(o->map);
                     if (!m) return bad_input(m.error());
                     mapping = *m;
                   }
                   std::optional<TagSynonyms> synonyms;
                   if (!o->topics.empty()) {
                     auto t = load_tag_synonyms(o->topics);
                     if (!t) return bad_input(t.error());
                     synonyms = std::move(*t);
                   }
                   auto store = open_store(o->db);
                   if (!store) return bad_input(store.error());
                   bool bar = !o->quiet && !o->json && isatty(STDERR_FILENO);
                   Progress progress;
                   if (bar)
                     progress = [](size_t done, size_t total) {
                       if (total >= 5000) draw_progress(done, total);
                     };
                   // Parse first: a broken roster leaves the file as it was, synonyms included.
                   auto data = read_roster_file(o->roster);
                   if (!data) return bad_input(data.error());
                   auto parsed = parse_roster(*data, o->roster, *parse_format(o->format), mapping);
                   if (!parsed) return bad_input(parsed.error());
                   if (synonyms) {
                     auto saved = save_tag_synonyms(*store, *synonyms);
                     if (!saved) return bad_input(saved.error());
                   }
                   auto sum = import_roster(*store, std::move(*parsed), progress);
                   if (!sum) return bad_input(sum.error());
                   if (o->json) {
                     nlohmann::json skipped = nlohmann::json::array();
                     for (const auto& s : sum->skipped) skipped.push_back({{"line", s.line}, {"reason", s.reason}});
                     print_json_line({{"format", format_name(sum->format)},
                                      {"rows", sum->rows},
                                      {"imported", sum->imported},
                                      {"updated", sum->updated},
                                      {"unchanged", sum->unchanged},
                                      {"skipped", skipped}});
                   } else {
                     std::cout << fmt::format("{} roster, {} rows: {} imported, {} updated ({} already up to date), {} skipped\n",
                                              format_name(sum->format), sum->rows, sum->imported, sum->updated,
                                              sum->unchanged, sum->skipped.size());
                     for (const auto& s : sum->skipped)
                       std::cout << fmt::format("  skipped {}:{}: {}\n", o->roster, s.line, s.reason);
                   }
                   return kOk;
                 }});
}

}  // namespace rapport::cli
