#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <regex>

#include "cli/command.hpp"
#include "core/config/pin.hpp"
#include "platform/kiosk_loop.hpp"

namespace rapport::cli {

void add_kiosk(CLI::App& root, Commands& out) {
  struct Opts {
    std::string db, config, camera, windowed, script;
    bool hash_pin = false;
  };
  auto o = std::make_shared<Opts>();
  auto* app = root.add_subcommand("kiosk", "Run the fullscreen kiosk (door, floor or demo)");
  app->add_option("--db", o->db, "The event database");
  app->add_option("--config", o->config, "Kiosk config (kiosk-config/door.toml, floor.toml, demo.toml)");
  app->add_option("--camera", o->camera, "auto | v4l2:/dev/videoN | images:DIR | synthetic (overrides the config)");
  app->add_option("--windowed", o->windowed, "Development: a WxH window instead of fullscreen (may be closed)");
  app->add_option("--script", o->script, "Drive the UI from a script and exit (UI tests)");
  app->add_flag("--hash-pin", o->hash_pin,
                "Read a PIN on stdin and print the admin.pin_hash line for the kiosk config");
  out.push_back({app, [o]() -> int {
                   if (o->hash_pin) {
                     std::string pin;
                     std::getline(std::cin, pin);
                     auto h = hash_pin(pin);
                     if (!h) return bad_input(h.error());
                     std::cout << "pin_hash = \"" << *h << "\"" << std::endl;
                     return kOk;
                   }
                   if (o->db.empty()) return bad_input(make_error("kiosk needs --db FILE"));
                   KioskRun run;
                   run.db_path = o->db;
                   if (!o->config.empty()) {
                     auto c = load_kiosk_config(o->config);
                     if (!c) return bad_input(c.error());
                     run.config = std::move(*c);
                     // The organizer's topics file sits beside the kiosk configs.
                     auto topics = std::filesystem::path(o->config).parent_path() / "topics.toml";
                     std::error_code ec;
                     if (std::filesystem::exists(topics, ec)) {
                       auto t = load_tag_synonyms(topics.string());
                       if (!t) return bad_input(t.error());
                       run.synonyms = std::move(*t);
                     }
                   }
                   if (!o->camera.empty()) {
                     static const std::regex camera(R"(^(auto|synthetic|v4l2:.+|images:.+)$)");
                     if (!std::regex_match(o->camera, camera))
                       return bad_input(make_error("--camera '" + o->camera +
                                                   "' must be auto, synthetic, v4l2:/dev/videoN or images:DIR"));
                     run.camera = o->camera;
                   }
                   if (!o->windowed.empty()) {
                     std::smatch m;
                     static const std::regex size(R"(^(\d{3,5})x(\d{3,5})$)");
                     if (!std::regex_match(o->windowed, m, size))
                       return bad_input(make_error("--windowed '" + o->windowed + "' must look like 1280x720"));
                     run.windowed = true;
                     run.window_width = std::stoi(m[1]);
                     run.window_height = std::stoi(m[2]);
                   }
                   run.script = o->script;
                   if (const char* s = std::getenv("RAPPORT_KIOSK_STATS")) run.stats_path = s;
                   if (const char* s = std::getenv("RAPPORT_KIOSK_PROBES")) run.probes_path = s;
                   return run_kiosk(run);
                 }});
}

}  // namespace rapport::cli
