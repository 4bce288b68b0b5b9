#pragma once
// The kiosk's front desk: one thread that owns the event file. The UI thread hands it
// requests (a badge was scanned, these two met, check this person in) and reads replies
// from a queue; it never waits for the disk. A reply that says "checked in" is sent only
// after the transaction committed. Storage failures come back as a StorageProblem reply
// ("storage full - please call staff"), never as a crash or a false welcome.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "core/checkin/checkin.hpp"
#include "core/checkin/resolve.hpp"
#include "core/config/kiosk_config.hpp"
#include "core/kiosk/day_picture.hpp"
#include "core/i18n/language.hpp"
#include "core/matcher/matcher.hpp"
#include "core/store/store.hpp"
#include "core/sync/live_sync.hpp"
#include "core/sync/row_batch.hpp"

namespace rapport {

// What the public screens may show about a person: never email, company or title.
struct PublicPerson {
  std::string id;
  std::string first_name;
  std::string last_name;
  std::string initials;
  std::vector<std::string> interests;  // interest + personal tags, roster order
  bool present = false;
};

// --- requests -----------------------------------------------------------------------
struct ScanRequest {
  std::string text;
  TimePoint captured{};     // when the frame (or keystroke burst) holding the code arrived
  bool suggest = false;     // floor: also fetch two suggestions
  std::string language;     // the screen's language: the words of the suggestions ("" = English)
};
struct CheckinByIdRequest {
  std::string attendee_id;  // manual check-in from the search screen
  bool suggest = false;
  std::string language;     // as ScanRequest::language
};
struct MeetRequest {
  std::string first_id;          // the person who started "We met"
  std::string second_text;       // what the second badge said (empty when by id)
  std::string second_id;         // or the person tapped on a suggestion card
  std::string method = "scan";   // scan | suggestion
};
struct PinRequest {
  std::string pin;  // checked against the configured hash; never logged
};
struct PictureRequest {};
struct SyncRequest {};
using DeskRequest = std::variant<ScanRequest, CheckinByIdRequest, MeetRequest, PinRequest,
                                 PictureRequest, SyncRequest>;

// --- replies ------------------------------------------------------------------------
struct DoorReply {
  ScanMatch match = ScanMatch::unknown;
  CheckinResult checkin;
  std::optional<SuggestionSet> suggestions;
  TimePoint captured{};
};
struct MeetReply {
  enum class Outcome { recorded, already_met, same_person, unknown_badge, not_present } outcome =
      Outcome::unknown_badge;
  AttendeeRef a, b;
  std::string at;           // when they first met
  int connections_today = 0;  // for the first person, after this one
};
struct PinReply {
  bool matched = false;
};
// After every push to the sync target (periodic or "Sync now"), and once at start.
struct SyncReply {
  SyncStatus status;    // target, last success/attempt, the error, rows pushed, pending
  bool manual = false;  // staff pressed "Sync now"
};
struct StorageProblem {
  std::string detail;  // for logs and the admin screen; the public screen says "please call staff"
};
using DeskReply = std::variant<DoorReply, MeetReply, PinReply, DayPicture, SyncReply, StorageProblem>;

class FrontDesk {
 public:
  struct Options {
    KioskConfig config;  // [sync] target + interval_seconds: pushed from the desk thread
    // How often the desk looks at the clock when idle (a push is due, a retry is due).
    std::chrono::milliseconds tick{1000};
    // Runs after the load, before the desk's thread starts; an error stops the opening
    // (the kiosk's start-up check of the file, run beside the load).
    std::function<Status()> before_start;
  };
  // Loads the roster snapshot and the matcher index, then starts the desk thread.
  static Result<std::unique_ptr<FrontDesk>> open(Store store, Options options);
  ~FrontDesk();  // finishes the request in hand, then joins

  // The people of the event as the public screens may show them (taken at open).
  const std::vector<PublicPerson>& roster() const { return roster_; }
  const std::string& event_name() const { return event_name_; }
  // A few badges for the demo tray (code + first name), people who consented.
  struct DemoBadge {
    std::string code, first_name;
  };
  const std::vector<DemoBadge>& demo_badges() const { return demo_badges_; }

  void submit(DeskRequest r);
  std::optional<DeskReply> poll();
  // Called from the desk thread after each reply (e.g. glfwPostEmptyEvent).
  void set_wake(std::function<void()> wake);
  bool busy() const;
  // Rows other kiosks wrote, already in the file (the hub sync thread applied them on its
  // own connection): the matcher learns who arrived and who met on the desk thread, its
  // only user, before the next request. Safe to call from any thread; never blocks on it.
  void absorb(AppliedRows rows);

 private:
  FrontDesk() = default;
  void run();
  DeskReply handle(DeskRequest& r);
  DeskReply handle_scan(const ScanRequest& r);
  DeskReply handle_checkin_id(const CheckinByIdRequest& r);
  DeskReply door_reply(const CheckinResult& c, ScanMatch match, bool suggest, TimePoint captured,
                       std::string_view language);
  DeskReply handle_meet(const MeetRequest& r);
  DeskReply handle_pin(const PinRequest& r);
  DeskReply handle_sync(bool manual);
  void learn(const AppliedRows& rows);

  std::unique_ptr<Store> store_;
  std::unique_ptr<Matcher> matcher_;
  std::unique_ptr<LiveSync> sync_;  // null when no [sync] target is set
  Options options_;
  std::vector<PublicPerson> roster_;
  std::vector<DemoBadge> demo_badges_;
  std::string event_name_;
  i18n::Languages languages_;  // the catalogs the suggestions' words come from

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<DeskRequest> inbox_;
  std::deque<DeskReply> outbox_;
  std::vector<AppliedRows> remote_;  // from absorb(), for the desk thread
  std::function<void()> wake_;
  bool stopping_ = false;
  bool working_ = false;
  std::thread thread_;
};

}  // namespace rapport
