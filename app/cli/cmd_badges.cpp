#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <set>

#include "cli/command.hpp"
#include "core/badge/badge_code.hpp"
#include "scan/badge_print.hpp"

namespace rapport::cli {

namespace {

// A file name from an attendee id: ids come from other people's rosters, so anything but
// letters, digits, '-', '_' and '.' becomes '_' (no '/' or '..' escapes the folder).
std::string file_stem(const std::string& id) {
  std::string out;
  for (unsigned char c : id) out += (std::isalnum(c) || c == '-' || c == '_') ? static_cast<char>(c) : '_';
  if (out.empty() || out[0] == '.') out = "_" + out;
  return out;
}

}  // namespace

void add_badges(CLI::App& root, Commands& out) {
  struct Opts {
    std::string db, dir, pdf, paper = "a4";
    std::vector<std::string> only, reissue;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* app = root.add_subcommand("badges", "Render printable badges: one PNG per attendee and PDF sheets");
  app->add_option("--db", o->db, "The event database")->required();
  app->add_option("--out", o->dir, "Folder for the badge PNGs (created if missing)")->required();
  app->add_option("--pdf", o->pdf, "Also write print-ready sheets (2x3 badges per page) to this PDF");
  app->add_option("--paper", o->paper, "Sheet size: a4 or letter")->check(CLI::IsMember({"a4", "letter"}));
  app->add_option("--only", o->only, "Only these attendee ids (any status but forgotten)");
  app->add_option("--reissue", o->reissue, "Lost badge: revoke these attendees' codes and print new badges");
  app->add_flag("--json", o->json, "Print a JSON summary");
  out.push_back({app, [o]() -> int {
                   auto store = open_store(o->db);
                   if (!store) return bad_input(store.error());
                   auto issued = ensure_badge_codes(*store);
                   if (!issued) return failed(issued.error());
                   std::vector<std::string> only = o->only;
                   for (const auto& id : o->reissue) {
                     auto code = reissue_badge(*store, id);
                     if (!code) return bad_input(code.error());
                     only.push_back(id);
                   }
                   auto people = load_attendees(store->db());
                   if (!people) return failed(people.error());
                   std::set<std::string> wanted(only.begin(), only.end());
                   for (const auto& id : wanted) {
                     bool known = false;
                     for (const auto& a : *people) known = known || (a.id == id && a.status != AttendeeStatus::forgotten);
                     if (!known) return bad_input(make_error(fmt::format("no attendee with id '{}'", id)));
                   }
                   std::error_code ec;
                   std::filesystem::create_directories(o->dir, ec);
                   if (!std::filesystem::is_directory(o->dir, ec))
                     return bad_input(make_error("cannot create the output folder", o->dir));

                   std::vector<BadgeContent> badges;
                   nlohmann::json files = nlohmann::json::array();
                   std::set<std::string> stems;
                   for (const auto& a : *people) {
                     bool pick = wanted.empty() ? a.status == AttendeeStatus::active
                                                : wanted.count(a.id) && a.status != AttendeeStatus::forgotten;
                     if (!pick) continue;
                     auto code = active_badge_code(store->db(), a.id);
                     if (!code) return failed(code.error());
                     if (!*code) return failed(make_error(fmt::format("attendee '{}' has no badge code", a.id)));
                     BadgeContent b{store->event().name, a.first_name, a.full_name(), a.tags_of(TagKind::interest), **code};
                     if (b.interests.size() > 3) b.interests.resize(3);
                     std::string stem = file_stem(a.id);
                     for (int n = 2; !stems.insert(stem).second; ++n) stem = fmt::format("{}-{}", file_stem(a.id), n);
                     std::string path = (std::filesystem::path(o->dir) / (stem + ".png")).string();
                     if (auto s = write_badge_png(b, path); !s) return failed(s.error());
                     files.push_back({{"id", a.id}, {"file", path}});
                     badges.push_back(std::move(b));
                   }
                   int pages = 0;
                   if (!o->pdf.empty()) {
                     auto p = write_badge_sheets(badges, o->paper == "letter" ? Paper::letter : Paper::a4, o->pdf);
                     if (!p) return failed(p.error());
                     pages = *p;
                   }
                   if (o->json) {
                     print_json_line({{"badges", badges.size()},
                                      {"out", o->dir},
                                      {"pdf", o->pdf.empty() ? nlohmann::json(nullptr) : nlohmann::json(o->pdf)},
                                      {"paper", o->paper},
                                      {"pages", pages},
                                      {"codes_issued", *issued + o->reissue.size()},
                                      {"files", files}});
                   } else {
                     std::cout << fmt::format("Wrote {} badge{} to {}", badges.size(), badges.size() == 1 ? "" : "s", o->dir);
                     if (!o->pdf.empty()) std::cout << fmt::format(" and {} page{} ({}) to {}", pages, pages == 1 ? "" : "s", o->paper, o->pdf);
                     std::cout << std::endl;
                   }
                   return kOk;
                 }});
}

}  // namespace rapport::cli
