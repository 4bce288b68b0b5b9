#pragma once
// The event store: one SQLite file per kiosk (or the organizer's merged file).
// WAL, synchronous=FULL, foreign keys on; every write in BEGIN IMMEDIATE; a write is
// done only when COMMIT returned OK. Opening something that is not a Rapport database,
// or one from a newer Rapport, is an error that leaves the file exactly as it was.
#include <string>

#include "core/store/sqlite.hpp"
#include "core/util/clock.hpp"
#include "core/util/result.hpp"

namespace rapport {

struct EventInfo {
  std::string name;
  std::string date;      // YYYY-MM-DD, may be empty
  std::string kiosk_id;  // who writes this file
  std::string role = "kiosk";
  // Which event this is: random, made by `rapport init` (or given to join an event);
  // copies for each kiosk share it. Files from before schema 4 derive it from name and
  // date (see schema_v4_event_id.cpp). Empty in a new EventInfo means "make one".
  std::string event_id;
};

// The id a file without a stored event id has: derived from its name and date, so every
// copy of one old event file agrees.
std::string legacy_event_id(const std::string& name, const std::string& date);
// `"Rust Meetup" on 2026-10-15 (event 1f3a...)`: how messages name an event.
std::string describe_event(const EventInfo& e);
// Ok when `theirs` is the same event as `mine`; otherwise a bad-input error naming both
// (`what` says what theirs is: "this file", "the hub"), at `where`.
Status check_same_event(const EventInfo& mine, const EventInfo& theirs, const std::string& what,
                        const std::string& where = {});

struct OpenOptions {
  bool read_only = false;
  // Runs PRAGMA quick_check before anything else (the kiosk at start-up): a damaged file
  // is reported and left as it is instead of failing later in front of an attendee.
  bool verify = false;
};

class Store {
 public:
  // Creates a new database; fails when the file already exists.
  static Result<Store> create(const std::string& path, EventInfo event, Clock clock = system_clock());
  static Result<Store> open(const std::string& path, OpenOptions options = {},
                            Clock clock = system_clock());

  Db& db() { return db_; }
  const EventInfo& event() const { return event_; }
  // The kiosk id stamped on the rows this process writes (the file's own unless overridden).
  const std::string& kiosk_id() const { return kiosk_id_; }
  void set_kiosk_id(std::string id) { kiosk_id_ = std::move(id); }
  TimePoint now() const { return clock_(); }
  std::string now_iso() const { return to_iso8601(clock_()); }
  const Clock& clock() const { return clock_; }
  void set_clock(Clock c) { clock_ = std::move(c); }

  // Makes sure an attendee-facing tag exists and returns its key.
  Result<std::string> intern_tag(const std::string& label);

 private:
  Status configure(bool read_only);
  Status migrate();
  Status load_event();

  Db db_;
  EventInfo event_;
  std::string kiosk_id_;
  Clock clock_;
};

// A default kiosk id for a new file: the host name and a short random suffix.
std::string default_kiosk_id();

}  // namespace rapport
