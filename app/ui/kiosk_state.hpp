#pragma once
// Everything the kiosk's screens read. Screens are functions of this state that draw and
// return intents; KioskUi (kiosk_ui.cpp) is the one place that changes it.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/config/kiosk_config.hpp"
#include "core/config/pin.hpp"
#include "core/kiosk/front_desk.hpp"
#include "core/util/clock.hpp"

namespace rapport::ui {

enum class Screen { attract, door_outcome, suggestions, we_met, search, pin, admin, storage_problem };

// What the staff PIN pad opens when the right PIN is entered.
enum class PinPurpose { admin, search };

struct WeMet {
  std::string first_id;
  std::string first_name;
  std::string expected_id;    // after tapping "We met!" on a card: who should scan next
  std::string expected_name;
  TimePoint deadline{};
  std::optional<MeetReply> result;  // set once the second badge was read
  bool waiting_for_first = false;   // "We met" started from the attract screen
};

struct KioskState {
  KioskConfig config;
  KioskMode mode = KioskMode::door;
  std::string event_name;
  std::vector<PublicPerson> roster;
  int present = 0;
  std::string camera_status;
  bool camera_live = false;
  bool desk_busy = false;         // a request is in the writer's hands ("one moment")

  Screen screen = Screen::attract;
  TimePoint now{};
  TimePoint last_input{};
  TimePoint screen_since{};

  std::optional<DoorReply> door;               // the last door outcome
  std::optional<SuggestionSet> suggestions;    // for door->attendee on the floor
  std::optional<WeMet> we_met;

  std::string search_query;
  std::string pin_digits;
  PinPurpose pin_purpose = PinPurpose::admin;
  std::string pin_message;       // "Wrong PIN - 4 tries left", "Locked for 60 s"
  bool pin_checking = false;
  bool staff_unlocked = false;   // until the kiosk falls back to attract

  std::optional<DayPicture> picture;
  std::optional<SyncStatus> sync;  // the last push to [sync] target (periodic or "Sync now")
  bool sync_running = false;       // "Sync now" pressed, no answer yet
  std::string hub_status;         // "hub: offline, 12 pending"; admin screen only, never public
  std::string storage_detail;     // for the admin screen only

  // The language screens speak now: the attendee's own after their scan, else the one picked
  // on the attract screen for the next person, else config.language (back at attract).
  std::string language = "en";
  std::vector<std::pair<std::string, std::string>> languages;  // (code, own name), button order

  std::vector<std::string> demo_badges;     // demo tray: codes to present
  std::vector<std::string> demo_names;      // their first names
};

struct Intent {
  enum class Kind {
    home,             // back to attract
    present_demo,     // arg = badge code
    start_we_met,     // arg = attendee id of the card ("" = any second badge)
    see_suggestions,  // from a door welcome (demo mode)
    we_met_from_attract,
    open_search,
    search_type,      // arg = UTF-8 text
    search_backspace,
    search_clear,
    checkin_id,       // arg = attendee id
    pin_digit,        // arg = "0".."9"
    pin_backspace,
    pin_submit,
    corner_tap,
    admin_mode,       // arg = door | floor | demo
    admin_sync,
    admin_exit,
    admin_refresh,
    set_language,     // arg = language code ("de")
  };
  Kind kind;
  std::string arg;
};

}  // namespace rapport::ui
