#pragma once
// A kiosk's settings (kiosk-config/*.toml) as a validated struct. Every key is described
// in kiosk-config/README.md. A bad file is an error that names the file, the line, the
// key and the value, so whoever set the kiosk up can fix it at the door.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/util/result.hpp"

namespace rapport {

enum class KioskMode { door, floor, demo };
std::string_view mode_name(KioskMode m);

// An sRGB colour, 0xRRGGBB.
using Colour = uint32_t;

struct KioskConfig {
  KioskMode mode = KioskMode::door;
  std::string event_name;  // overrides the event name stored in the database when set
  std::string kiosk_id;    // overrides the database's kiosk id when set
  std::string language = "en";  // what the screens speak until an attendee's own language is known

  struct Theme {
    Colour background = 0x14202B;
    Colour surface = 0x1F3140;
    Colour accent = 0x3FB68B;
    Colour text = 0xF4F1EA;
    std::string logo;  // PNG path, shown on the attract screen; empty = none
    double scale = 0;  // font size multiplier; 0 = from the screen height
  } theme;

  struct Display {
    int monitor = 0;  // which monitor the fullscreen window takes (0 = primary)
  } display;

  struct Camera {
    std::string source = "auto";  // auto | v4l2:/dev/videoN | images:DIR | synthetic
    int width = 1280;
    int height = 720;
    int fps = 30;
  } camera;

  struct Scanner {  // keyboard-wedge USB scanners
    int max_gap_ms = 35;
    int min_length = 4;
    std::string suffix = "\n";
    int end_pause_ms = 120;
    int debounce_ms = 3000;
  } scanner;

  struct Timeouts {
    int idle_seconds = 20;     // any screen back to attract after this long without input
    int outcome_seconds = 8;   // a door outcome stays this long
    int we_met_seconds = 20;   // the second badge must come within this window
  } timeouts;

  struct Fairness {
    double exposure_window_minutes = 60;
    int exposure_cap_per_window = 6;
    bool exclude_same_company = false;
  } fairness;

  struct Admin {
    std::string pin_hash;  // libsodium crypto_pwhash_str; empty = admin and search disabled
    int max_attempts = 5;
    int lock_seconds = 60;
  } admin;

  struct Sync {
    std::string target;  // organizer file (or folder) to push to; empty = no sync
    int interval_seconds = 300;
  } sync;

  struct Hub {
    std::string url;           // postgresql://user:password@host:port/dbname; empty = no hub
    int interval_seconds = 1;  // how often the sync thread pushes and pulls
  } hub;
};

// A hub address: libpq's URI form, "postgresql://..." or "postgres://..." with a host.
// The error never repeats the URL (it may carry a password).
Status check_hub_url(std::string_view url);

// Parses TOML text; `name` is the file name used in error messages.
Result<KioskConfig> parse_kiosk_config(std::string_view text, const std::string& name);
Result<KioskConfig> load_kiosk_config(const std::string& path);

}  // namespace rapport
