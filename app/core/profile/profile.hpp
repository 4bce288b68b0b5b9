#pragma once
// A person's profile as they set it themselves at a kiosk (or staff with `rapport
// profile`): consent to be introduced and the four kinds of tags. Each change is one
// durable write of rows in profile_changes (one per field it sets, stamped with the
// hybrid logical clock, core/profile/hlc.hpp) and of the effective values in attendees /
// attendee_tags, which everything else reads. Merges and the hub resolve the rows per
// person and field, newest stamp first; a re-import of the same roster changes nothing.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/roster/attendee.hpp"
#include "core/store/store.hpp"
#include "core/util/result.hpp"

namespace rapport {

inline constexpr size_t kMaxTagLabelChars = 80;  // characters (code points), not bytes
inline constexpr size_t kMaxTagsPerKind = 30;

// Where a change came from (profile_changes.source).
enum class ProfileSource { kiosk, cli, roster };
std::string_view source_name(ProfileSource s);

// What a change sets; a field left empty is not touched. A list replaces that kind.
struct ProfileEdit {
  std::optional<bool> consent;
  std::array<std::optional<std::vector<std::string>>, kTagKindCount> tags;
  bool empty() const;
};

struct Profile {
  AttendeeRef attendee;
  bool consent = false;
  std::array<std::vector<std::string>, kTagKindCount> tags;  // labels
  std::string updated_at;  // the newest profile change, else the roster row's time
};

// A `;`-separated list of labels (the CLI's LIST): trimmed, duplicates (same tag key)
// dropped; "" is the empty list. An empty item, a label over 80 characters, control
// characters or more than 30 labels is an error naming the label.
Result<std::vector<std::string>> parse_tag_list(std::string_view list);
// The same checks for labels that arrive one by one (the kiosk's picker).
Status check_tag_labels(const std::vector<std::string>& labels);

Result<Profile> load_profile(Db& db, const std::string& attendee_id);

// Applies `edit` to the person in one transaction (acknowledged after COMMIT): unknown
// or forgotten person, or a bad label, is an error and nothing is written. Fields whose
// value does not change write nothing.
Result<Profile> change_profile(Store& store, const std::string& attendee_id, const ProfileEdit& edit,
                               ProfileSource source);

// Makes attendees.consent and attendee_tags equal to the newest profile_changes rows of
// the given people (all people with rows when `ids` is null). Run inside the write that
// changed the rows (merge, hub pull). Returns the ids whose effective profile changed.
Result<std::vector<std::string>> apply_profile_rows(Db& db, const std::vector<std::string>* ids = nullptr);

// For the roster import, in its transaction: the person's roster values as the roster
// last gave them (profile rows' roster_value where a kiosk changed a field), so that an
// unchanged roster row is recognised as unchanged.
Status roster_view(Db& db, Attendee& a);
// After the import wrote the roster's values for an existing person: fields the roster
// did not change keep the newer kiosk change; a field the roster changed since is a new
// change of its own (stamped now) and wins.
Status reconcile_import(Store& store, const Attendee& roster);

}  // namespace rapport
