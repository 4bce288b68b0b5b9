#pragma once
// The people at the event, in the event's own words.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/store/sqlite.hpp"
#include "core/util/result.hpp"

namespace rapport {

enum class TagKind { interest = 0, personal = 1, looking_for = 2, can_help_with = 3 };
inline constexpr int kTagKindCount = 4;
std::string_view tag_kind_name(TagKind k);
std::optional<TagKind> parse_tag_kind(std::string_view s);

enum class AttendeeStatus { active, cancelled, blocked, forgotten };
std::string_view status_name(AttendeeStatus s);
std::optional<AttendeeStatus> parse_status(std::string_view s);

enum class CodeKind { badge, ticket_code, ticket_secret, barcode, attendee_number };
std::string_view code_kind_name(CodeKind k);

struct AttendeeCode {
  std::string code;
  CodeKind kind = CodeKind::ticket_code;
};

struct Attendee {
  std::string id;  // from the roster; stable across kiosks and re-imports
  std::string first_name;
  std::string last_name;
  std::string email;
  std::string company;  // shown to the organizer only; never a matching signal
  std::string title;    // likewise
  AttendeeStatus status = AttendeeStatus::active;
  bool consent = false;          // opted in to be suggested to others
  bool suggest_opt_out = false;  // asked to stop being suggested
  std::array<std::vector<std::string>, kTagKindCount> tags;  // labels, roster order
  std::vector<AttendeeCode> codes;

  std::string full_name() const;
  const std::vector<std::string>& tags_of(TagKind k) const { return tags[static_cast<int>(k)]; }
  std::vector<std::string>& tags_of(TagKind k) { return tags[static_cast<int>(k)]; }
};

// A person as the outside world refers to them (JSON "attendee" objects).
struct AttendeeRef {
  std::string id;
  std::string name;
  std::string first_name;
};
AttendeeRef ref_of(const Attendee& a);

// Where a person was last seen: the place of the last kiosk that read their badge.
struct LastSeen {
  std::string location;  // the kiosk config's `location` ("coffee bar")
  std::string at;        // ISO-8601
};

// Loads one attendee with tags (not codes); nullopt when there is no such id.
Result<std::optional<Attendee>> load_attendee(Db& db, const std::string& id);
// Loads every attendee with their tags, in id order.
Result<std::vector<Attendee>> load_attendees(Db& db);

}  // namespace rapport
