#pragma once
// After the event: for each attendee who met someone, the people they met and what those
// people are looking for and can help with, so that the follow-up offers help instead of
// a pitch. The organizer sends each pack to its person.
//
// Only consented data leaves: packs are made for people who consented, list only people
// who consented, and count the others ("and 2 more people who did not share details").
#include <string>
#include <vector>

#include "core/roster/attendee.hpp"
#include "core/store/sqlite.hpp"
#include "core/util/result.hpp"

namespace rapport {

struct MetPerson {
  Attendee person;
  std::string met_at;                          // ISO-8601
  std::vector<std::string> you_can_help_with;  // what they look for that you offered
  std::vector<std::string> they_can_help_with; // what you look for that they offered
  std::vector<std::string> shared_interests;   // interests and personal interests in common
  std::string first_line;                      // a suggested opening that offers help
};

struct FollowupPack {
  Attendee me;
  std::string file_stem;  // a safe, unique file name for this person's files
  std::vector<MetPerson> people;  // consented people met, earliest first
  int64_t others_met = 0;         // people met who did not share their details
};

struct EventLabel {
  std::string name;
  std::string date;
};

// A suggested first line from `me` to `other`: help first, then a question.
std::string suggested_first_line(const Attendee& me, const MetPerson& other, const std::string& event_name);

Result<EventLabel> event_label(Db& db);
Result<std::vector<FollowupPack>> build_followups(Db& db);

// The printable page (UTF-8 HTML, everything escaped), the CSV and the vCard file.
std::string followup_html(const FollowupPack& pack, const EventLabel& event);
std::string followup_csv(const FollowupPack& pack, bool excel);
std::string followup_vcards(const FollowupPack& pack, const EventLabel& event);
std::string html_escape(const std::string& text);

struct FollowupExportReport {
  std::vector<std::string> files;
  int64_t packs = 0;                // people who get a pack
  int64_t people_listed = 0;        // rows across all packs
  int64_t not_listed = 0;           // met someone but did not consent: no pack, only counted
};

// Writes DIR/index.csv and, per pack, STEM.csv, STEM.html and STEM.vcf; all or none.
Result<FollowupExportReport> export_followups(Db& db, const std::string& dir, bool excel = false);

}  // namespace rapport
