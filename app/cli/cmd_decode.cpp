#include <fmt/format.h>

#include <chrono>
#include <iostream>

#include "cli/command.hpp"
#include "core/checkin/resolve.hpp"
#include "scan/image_file.hpp"
#include "scan/scanner.hpp"

namespace rapport::cli {

void add_decode(CLI::App& root, Commands& out) {
  struct Opts {
    std::string db;
    std::vector<std::string> images;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* app = root.add_subcommand("decode", "Decode badge photos (PNG/JPEG) with the kiosk's scan pipeline");
  app->add_option("--db", o->db, "The event database: names the attendee each code belongs to");
  app->add_option("images", o->images, "Image files")->required();
  app->add_flag("--json", o->json, "One JSON object per image");
  out.push_back({app, [o]() -> int {
                   std::optional<Store> store;
                   if (!o->db.empty()) {
                     auto s = open_store(o->db, true);
                     if (!s) return bad_input(s.error());
                     store.emplace(std::move(s.value()));
                   }
                   for (const auto& path : o->images) {
                     nlohmann::json j = {{"file", path}, {"found", false}, {"text", nullptr}, {"attendee", nullptr}, {"ms", 0}};
                     auto frame = load_image_frame(path);
                     if (!frame) {
                       j["error"] = frame.error().message;
                       if (o->json) print_json_line(j);
                       else std::cout << fmt::format("{}: error: {}", path, frame.error().message) << std::endl;
                       continue;
                     }
                     auto t0 = std::chrono::steady_clock::now();
                     DecodeResult r = decode_frame(*frame);
                     double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
                     j["ms"] = std::round(ms * 10) / 10;
                     std::string who;
                     if (r.found) {
                       j["found"] = true;
                       j["text"] = r.text;
                       if (store) {
                         auto res = resolve_scan(store->db(), r.text);
                         if (!res) return failed(res.error());
                         if (res->match == ScanMatch::attendee) {
                           j["attendee"] = res->attendee_id;
                           who = fmt::format(" -> {}", res->attendee_id);
                         } else {
                           who = fmt::format(" ({})", res->detail);
                         }
                       }
                     }
                     if (o->json) {
                       print_json_line(j);
                     } else if (r.found) {
                       std::cout << fmt::format("{}: {}{} [{:.1f} ms]", path, r.text, who, ms) << std::endl;
                     } else {
                       std::cout << fmt::format("{}: no code found [{:.1f} ms]", path, ms) << std::endl;
                     }
                   }
                   return kOk;
                 }});
}

}  // namespace rapport::cli
