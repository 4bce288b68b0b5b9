#pragma once
// "Talk to these two people": the suggestion engine's public face. The kiosk UI and the
// CLI both use exactly this; nothing here knows about ImGui.
//
// Threading: a Matcher is an in-memory index (a cache of the store). suggest() only reads
// and updates memory, so the UI thread may call it; persisting what was shown is a
// separate store write (record_suggestions_shown) that the kiosk's writer thread runs.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n/language.hpp"

#include "core/roster/attendee.hpp"
#include "core/store/store.hpp"
#include "core/util/clock.hpp"
#include "core/util/result.hpp"

namespace rapport {

// Why this person: the card's label on the kiosk.
enum class SuggestionKind {
  you_could_help,       // "You could help": u can help with what v is looking for
  they_could_help,      // "They could help": v can help with what u is looking for
  shared_interest,      // "Shared interest": professional interests in common
  outside_your_circle,  // "Outside your usual circle": a personal-interest match
  looking_for_you,      // "Looking for you": v was shown u earlier and u is a good match
};
std::string_view kind_name(SuggestionKind k);   // JSON: "you_could_help", ...
std::string_view kind_label(SuggestionKind k);  // UI: "You could help", ...

struct Suggestion {
  AttendeeRef person;
  std::string initials;              // for the avatar ("TN"), never a photo
  SuggestionKind kind = SuggestionKind::shared_interest;
  double score = 0;
  std::vector<std::string> reasons;  // short, plain, about the person: "You both love water skiing"
  std::string starter;               // opening question: "Ask Thảo about water skiing"
};

struct Introduction {
  AttendeeRef a;
  AttendeeRef b;
  std::string reason;  // "You know Ben and Carla: both work on climate data. Introduce them?"
};

// Why nobody is suggested to this person at all (the scanner is not on the floor).
enum class SuggestRefusal {
  none,            // suggestions (possibly fewer than asked, see `note`)
  not_checked_in,  // the person has not checked in at the door yet
  not_active,      // the ticket is cancelled or blocked
};

struct SuggestionSet {
  AttendeeRef for_person;
  SuggestRefusal refusal = SuggestRefusal::none;
  std::string at;  // ISO-8601 time of the query; record_suggestions_shown stamps it
  std::vector<Suggestion> suggestions;  // exactly `count` when enough people are eligible
  std::vector<Introduction> introductions;
  int connections_today = 0;
  std::string note;  // kind words when fewer than two are eligible, or the "three new people" cheer
};

struct MatcherConfig {
  double exposure_window_minutes = 60;  // how long being shown lowers one's weight
  int exposure_cap_per_window = 6;      // shown this often in the window: rested until it passes
  bool exclude_same_company = false;
  // Very common tags have long posting lists; a query reads at most this many entries of
  // one list (from a rotating start, so everyone on it gets their turn).
  size_t posting_scan_limit = 1024;
};

struct SuggestOptions {
  int count = 2;
  // false for a preview (`suggest --dry-run`): nothing about exposure or "looking for
  // you" changes in memory.
  bool update_exposure = true;
  // The words of reasons, questions and notes; null: English.
  const i18n::Language* language = nullptr;
};

// Everything the index is built from, already out of the store (so benchmarks and tests
// can build an index without SQLite in the way).
struct MatcherSnapshot {
  struct Met {
    std::string a_id, b_id;
    TimePoint at;
  };
  struct Shown {
    std::string for_id, shown_id;
    TimePoint at;
  };
  std::vector<Attendee> attendees;
  std::vector<std::string> present;  // checked-in attendee ids
  std::vector<Met> connections;
  std::vector<Shown> shown;
};
Result<MatcherSnapshot> load_matcher_snapshot(Store& store);

class Matcher {
 public:
  // Builds the index from the store: attendees, tags, check-ins (who is present),
  // connections, suggestions already shown (exposure, "looking for you").
  static Result<std::unique_ptr<Matcher>> build(Store& store, MatcherConfig config = {});
  // The same from a snapshot; `clock` dates connections reported by on_connection.
  static std::unique_ptr<Matcher> build_from(const MatcherSnapshot& snapshot, MatcherConfig config,
                                             Clock clock);
  virtual ~Matcher() = default;

  // Suggestions for one attendee at time `now`; updates in-memory exposure as shown.
  virtual Result<SuggestionSet> suggest(const std::string& attendee_id, SuggestOptions options,
                                        TimePoint now) = 0;
  // Incremental updates, called after the store write committed.
  virtual void on_checkin(const std::string& attendee_id) = 0;
  virtual void on_connection(const std::string& a_id, const std::string& b_id) = 0;
  virtual void on_attendee_changed(const Attendee& attendee) = 0;  // import, forget, opt-out
  // Staff undid a check-in: the person is no longer on the floor.
  virtual void on_checkout(const std::string& attendee_id) { (void)attendee_id; }
  // Another kiosk showed `shown_id` to `for_id` at `at` (rows pulled from the hub): it
  // counts toward fair exposure and "looking for you" here as if shown at this kiosk.
  virtual void on_shown(const std::string& for_id, const std::string& shown_id, TimePoint at) = 0;

  // How well u and v suit each other (the score a suggestion of v to u would carry before
  // fairness); 0 when they share nothing. For tests, the quality harness and the kiosk's
  // admin screen.
  virtual double pair_score(const std::string& u_id, const std::string& v_id) const = 0;
  // People on the floor who may be suggested (present, consented, active, not opted out).
  virtual size_t suggestable_count() const = 0;
};

// Persists what was shown (fair exposure and "looking for you" survive a restart).
Status record_suggestions_shown(Store& store, const SuggestionSet& set);

struct ConnectResult {
  bool recorded = false;         // false when the pair had already met (reported, not an error)
  std::string at;                // when the pair first met
  AttendeeRef a, b;
};
// Records that two people met; stored once per unordered pair, whatever the order.
Result<ConnectResult> record_connection(Store& store, const std::string& a_id,
                                        const std::string& b_id, std::string_view method);

}  // namespace rapport
