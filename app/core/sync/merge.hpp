#pragma once
// The organizer file: one SQLite file (same schema, event.role = 'organizer') that merges
// every kiosk's file. The rules, which docs/SCHEMA.md spells out for organizers:
//   - keys are the kiosk file's keys (attendee id, code, unordered pair, suggestion uuid);
//   - a check-in or connection seen at two kiosks is one row with the earliest time
//     (the kiosk and method of that earliest sighting; connections list every kiosk);
//   - an attendee's details come from the newest version (updated_at, then kiosk id);
//   - a tombstone in `forgotten` wins over everything: the person's details are erased
//     and never come back, whatever file is merged later;
//   - every rule picks by value, never by arrival, so the order of the files never
//     matters, and merging the same file twice changes nothing.
// Only rows new since the last merge of a source are read (sync_log / sync_sources).
#include <string>
#include <vector>

#include "core/store/store.hpp"
#include "core/util/result.hpp"

namespace rapport {

// What one source brought.
struct SourceReport {
  std::string path;
  std::string kiosk_id;
  bool full_scan = false;  // first merge of this file, or a file without a sync log
  int64_t from_seq = 0;    // cursor before and after
  int64_t to_seq = 0;
  int64_t attendees = 0;   // rows inserted or changed in the organizer file, per table
  int64_t codes = 0;
  int64_t tags = 0;
  int64_t checkins = 0;
  int64_t connections = 0;
  int64_t suggestions = 0;
  int64_t forgotten = 0;
  int64_t last_seen = 0;
  int64_t total() const {
    return attendees + codes + tags + checkins + connections + suggestions + forgotten + last_seen;
  }
};

struct MergeReport {
  std::vector<SourceReport> sources;
  bool created = false;  // the organizer file was made by this merge
  int64_t total() const {
    int64_t n = 0;
    for (const auto& s : sources) n += s.total();
    return n;
  }
};

// At most this many files are merged in one transaction (SQLite's ATTACH limit); more
// are merged that many at a time.
inline constexpr size_t kMaxSourcesPerMerge = 10;

// Checks that `path` is a Rapport file that can be merged (opened read-only, untouched).
Result<EventInfo> inspect_source(const std::string& path);

// Opens an organizer file, or creates it (role 'organizer') named after `event` when
// there is no file yet. A kiosk file is refused: merging into it would mix the two.
Result<Store> open_or_create_organizer(const std::string& path, const EventInfo& event,
                                       bool* created = nullptr, Clock clock = system_clock());

// Checks, without writing, that `path` can receive a merge: an existing organizer file
// that opens for writing, or no file yet in a folder that exists.
Status check_organizer_target(const std::string& path);

// Merges the source files into the organizer store in ONE transaction: all of them or
// none. Every source is checked first; a source that is not a Rapport file is an error
// that names it, and nothing is written.
Result<MergeReport> merge_into(Store& organizer, const std::vector<std::string>& sources);

// The CLI's path: validates the sources, opens or creates ORG, merges. A newly created
// organizer file is removed again when the merge fails.
Result<MergeReport> merge_files(const std::string& organizer_path,
                                const std::vector<std::string>& sources,
                                Clock clock = system_clock());

}  // namespace rapport
