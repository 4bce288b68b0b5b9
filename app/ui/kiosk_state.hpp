#pragma once
// Everything the kiosk's screens read. Screens are functions of this state that draw and
// return intents; KioskUi (kiosk_ui.cpp) is the one place that changes it.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/config/kiosk_config.hpp"
#include "core/config/pin.hpp"
#include "core/kiosk/front_desk.hpp"
#include "core/util/clock.hpp"

namespace rapport::ui {

enum class Screen { attract, door_outcome, suggestions, we_met, search, pin, admin, storage_problem, staff, walkin };

// What the staff PIN pad opens when the right PIN is entered.
enum class PinPurpose { admin, search, staff };

// The walk-in form on the staff screen (typed with the on-screen keyboard).
struct WalkinForm {
  std::string first, last, email;
  int field = 0;       // 0 first name, 1 last name, 2 email
  int consent = -1;    // -1 not answered, 0 no, 1 yes
  std::string error;   // "a walk-in needs a first name", or the desk's refusal
  bool sending = false;
};

// What staff see (only on staff screens): the latest outcomes, who a tool acts on.
struct StaffDesk {
  TimePoint until{};         // the staff session: open until then (PIN or staff card)
  std::string notice;        // "Ana Lima checked in" (a badge scanned while staff work), "Check-in undone: ..."
  TimePoint notice_at{};
  std::string hint;          // the last door outcome's staff note ("Ticket cancelled: ...")
  std::string refused_id, refused_name;     // the last cancelled/blocked ticket: "Let in anyway"
  std::string last_in_id, last_in_name;     // the last check-in: "Undo"
  std::string printer;       // "" fine, else "Printer offline: ..."
  int queued_scans = 0;      // badges handled while a staff screen was open
};

struct WeMet {
  std::string first_id;
  std::string first_name;
  std::string expected_id;    // after tapping "We met!" on a card: who should scan next
  std::string expected_name;
  TimePoint deadline{};
  std::optional<MeetReply> result;  // set once the second badge was read
  bool waiting_for_first = false;   // "We met" started from the attract screen
};

class NameIndex;

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
  std::shared_ptr<const NameIndex> search_index;  // the roster's search keys (made on first search)
  std::string pin_digits;
  PinPurpose pin_purpose = PinPurpose::admin;
  std::string pin_message;       // "Wrong PIN - 4 tries left", "Locked for 60 s"
  bool pin_checking = false;
  bool staff_unlocked = false;   // while the staff session lasts (staff.until)
  StaffDesk staff;
  WalkinForm walkin;
  bool printing = false;         // [print] queue set: reprint is offered

  std::optional<DayPicture> picture;
  std::optional<SyncStatus> sync;  // the last push to [sync] target (periodic or "Sync now")
  bool sync_running = false;       // "Sync now" pressed, no answer yet
  std::string hub_status;         // "hub: offline, 12 pending"; admin screen only, never public
  std::string storage_detail;     // for the admin screen only

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
    open_staff,       // the staff screen (PIN or staff card first)
    open_walkin,
    walkin_field,     // arg = "0" | "1" | "2"
    walkin_consent,   // arg = "yes" | "no"
    walkin_submit,
    undo_last,        // the last check-in was a mistake
    reprint,          // arg = attendee id
    override_in,      // arg = the reason; acts on staff.refused_id
    staff_close,      // end the staff session now
  };
  Kind kind;
  std::string arg;
};

}  // namespace rapport::ui
