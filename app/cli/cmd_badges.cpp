#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <set>

#include "cli/command.hpp"
#include "cli/badge_content.hpp"
#include "core/badge/badge_code.hpp"
#include "core/checkin/staff_card.hpp"
#include "print/badge_job.hpp"
#include "print/cups_queue.hpp"
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

// `--staff-card`: a new staff card, written and/or printed like a badge.
int staff_card(Store& store, const std::string& dir, const std::string& pdf, const std::string& queue,
               LabelPreset label, bool revoke, bool json) {
  int64_t revoked = 0;
  if (revoke) {
    auto n = revoke_staff_cards(store);
    if (!n) return failed(n.error());
    revoked = *n;
  }
  auto code = issue_staff_card(store, "staff");
  if (!code) return failed(code.error());
  BadgeContent card{store.event().name, "STAFF", "Staff card: scan at the door kiosk", {"opens the staff screen"}, *code};
  std::string png;
  if (!dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (!std::filesystem::is_directory(dir, ec)) return bad_input(make_error("cannot create the output folder", dir));
    png = (std::filesystem::path(dir) / "staff-card.png").string();
    if (auto s = write_badge_png(card, png); !s) return failed(s.error());
  }
  if (!pdf.empty())
    if (auto s = write_badge_label(card, label, pdf); !s) return failed(s.error());
  bool printed = false;
  if (!queue.empty()) {
    auto job = print::print_badge(card, {queue, label});
    if (!job) return failed(job.error());
    printed = true;
  }
  if (json) {
    print_json_line({{"staff_card", *code}, {"revoked", revoked}, {"file", png.empty() ? nlohmann::json(nullptr) : nlohmann::json(png)},
                     {"pdf", pdf.empty() ? nlohmann::json(nullptr) : nlohmann::json(pdf)}, {"printed", printed}});
  } else {
    std::cout << fmt::format("New staff card {}{}{}{}{}\n", *code, png.empty() ? "" : " in " + png,
                             pdf.empty() ? "" : " and " + pdf, printed ? ", printed" : "",
                             revoked ? fmt::format(" ({} old card{} revoked)", revoked, revoked == 1 ? "" : "s") : "");
  }
  return kOk;
}

}  // namespace

void add_badges(CLI::App& root, Commands& out) {
  struct Opts {
    std::string db, dir, pdf, paper = "a4", queue, label = "4x3in";
    std::vector<std::string> only, reissue;
    bool json = false, staff_card = false, revoke_staff = false;
  };
  auto o = std::make_shared<Opts>();
  auto* app = root.add_subcommand("badges", "Render printable badges: one PNG per attendee and PDF sheets");
  app->add_option("--db", o->db, "The event database")->required();
  app->add_option("--out", o->dir, "Folder for the badge PNGs (created if missing; needed unless --print)");
  app->add_option("--pdf", o->pdf, "Also write print-ready sheets (2x3 badges per page) to this PDF");
  app->add_option("--paper", o->paper, "Sheet size: a4 or letter")->check(CLI::IsMember({"a4", "letter"}));
  app->add_option("--only", o->only, "Only these attendee ids (any status but forgotten)");
  app->add_option("--reissue", o->reissue, "Lost badge: revoke these attendees' codes and print new badges");
  app->add_option("--print", o->queue, "Send each badge to this CUPS queue (CUPS_SERVER is honoured)");
  app->add_option("--label", o->label, std::string("Label size for --print (and --staff-card --pdf): ") + std::string(kLabelNames));
  app->add_flag("--staff-card", o->staff_card, "Make a new staff card (a QR code that opens the staff screen)");
  app->add_flag("--revoke-staff-cards", o->revoke_staff, "With --staff-card: revoke every earlier staff card first");
  app->add_flag("--json", o->json, "Print a JSON summary");
  out.push_back({app, [o]() -> int {
                   auto label = parse_label(o->label);
                   if (!label)
                     return bad_input(make_error(fmt::format("unknown label '{}' (use {})", o->label, kLabelNames)));
                   if (o->revoke_staff && !o->staff_card)
                     return bad_input(make_error("--revoke-staff-cards goes with --staff-card"));
                   if (o->dir.empty() && o->queue.empty() && !(o->staff_card && !o->pdf.empty()))
                     return bad_input(make_error("badges needs --out FOLDER or --print QUEUE"));
                   auto store = open_store(o->db);
                   if (!store) return bad_input(store.error());
                   if (o->staff_card) return staff_card(*store, o->dir, o->pdf, o->queue, *label, o->revoke_staff, o->json);
                   if (!o->queue.empty()) {
                     // Before any badge code changes: a missing printer changes nothing.
                     if (auto s = print::check_queue(o->queue); !s) return failed(s.error());
                   }
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
                   if (!o->dir.empty()) {
                     std::filesystem::create_directories(o->dir, ec);
                     if (!std::filesystem::is_directory(o->dir, ec))
                       return bad_input(make_error("cannot create the output folder", o->dir));
                   }

                   std::vector<BadgeContent> badges;
                   int printed = 0;
                   nlohmann::json files = nlohmann::json::array();
                   std::set<std::string> stems;
                   for (const auto& a : *people) {
                     bool pick = wanted.empty() ? a.status == AttendeeStatus::active
                                                : wanted.count(a.id) && a.status != AttendeeStatus::forgotten;
                     if (!pick) continue;
                     auto content = badge_content_for(*store, a.id);
                     if (!content) return failed(content.error());
                     BadgeContent b = std::move(*content);
                     nlohmann::json entry = {{"id", a.id}};
                     if (!o->dir.empty()) {
                       std::string stem = file_stem(a.id);
                       for (int n = 2; !stems.insert(stem).second; ++n) stem = fmt::format("{}-{}", file_stem(a.id), n);
                       std::string path = (std::filesystem::path(o->dir) / (stem + ".png")).string();
                       if (auto s = write_badge_png(b, path); !s) return failed(s.error());
                       entry["file"] = path;
                     }
                     if (!o->queue.empty()) {
                       auto job = print::print_badge(b, {o->queue, *label});
                       if (!job) return failed(job.error());
                       entry["job"] = *job;
                       ++printed;
                     }
                     files.push_back(std::move(entry));
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
                                      {"printed", printed},
                                      {"queue", o->queue.empty() ? nlohmann::json(nullptr) : nlohmann::json(o->queue)},
                                      {"label", o->label},
                                      {"files", files}});
                   } else {
                     if (!o->dir.empty())
                       std::cout << fmt::format("Wrote {} badge{} to {}", badges.size(), badges.size() == 1 ? "" : "s", o->dir);
                     else
                       std::cout << fmt::format("Printed {} badge{} on {} ({})", printed, printed == 1 ? "" : "s", o->queue, o->label);
                     if (!o->pdf.empty()) std::cout << fmt::format(" and {} page{} ({}) to {}", pages, pages == 1 ? "" : "s", o->paper, o->pdf);
                     std::cout << std::endl;
                   }
                   return kOk;
                 }});
}

}  // namespace rapport::cli
