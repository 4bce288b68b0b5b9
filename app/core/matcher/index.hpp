#pragma once
// The matcher's in-memory index: a cache of the store shaped for one question, "who on
// the floor shares something with this person?". People and tags are small integers;
// each (tag kind, tag) has a posting list of the people on the floor who may be
// suggested, so a query touches only people who share at least one tag with the scanner.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/roster/attendee.hpp"

namespace rapport::matching {

using PersonIx = uint32_t;
using TagId = uint32_t;
inline constexpr uint32_t kNone = UINT32_MAX;

struct Person {
  std::string id;
  std::string first_name;
  std::string last_name;
  uint32_t tag_begin = 0;                 // this person's tags in Index::tag_pool_, kind by kind
  std::array<uint8_t, kTagKindCount> tag_count{};
  uint32_t company = 0;                   // interned company key; 0 = none given
  uint32_t floor_pos = kNone;             // position in Index::floor_ while suggestable
  AttendeeStatus status = AttendeeStatus::active;
  bool present = false;                   // checked in
  bool consent = false;
  bool opt_out = false;

  std::string full_name() const {
    if (last_name.empty()) return first_name;
    if (first_name.empty()) return last_name;
    return first_name + " " + last_name;
  }
};

struct Met {
  PersonIx other;
  int64_t at_ms;  // when they met (ms since the Unix epoch)
};

class Index {
 public:
  explicit Index(int64_t exposure_window_ms) : window_ms_(exposure_window_ms) {}

  void reserve(size_t people, size_t tag_occurrences);
  // Adds the attendee or replaces what the index knows about them (tags, consent, status),
  // keeping the posting lists in step.
  PersonIx upsert(const Attendee& a);
  void set_present(PersonIx p, bool present);
  // Idempotent: a pair is stored once, the first time wins.
  void add_connection(PersonIx a, PersonIx b, int64_t at_ms);
  // `shown` was suggested to `for_person` at `at_ms`: raises shown's exposure and lets
  // "looking for you" find for_person when `shown` scans later.
  void add_shown(PersonIx for_person, PersonIx shown, int64_t at_ms);

  std::optional<PersonIx> find(std::string_view id) const;
  size_t size() const { return people_.size(); }
  const Person& person(PersonIx p) const { return people_[p]; }
  std::span<const TagId> tags(PersonIx p, TagKind k) const;
  const std::vector<PersonIx>& posting(TagKind k, TagId t) const;
  const std::string& label(TagId t) const { return labels_[t]; }
  size_t tag_count() const { return labels_.size(); }
  // Present, consented, active, not opted out: may be suggested to others.
  bool suggestable(PersonIx p) const { return people_[p].floor_pos != kNone; }
  const std::vector<PersonIx>& floor() const { return floor_; }
  bool connected(PersonIx a, PersonIx b) const;
  const std::vector<Met>& met(PersonIx p) const { return met_[p]; }
  const std::vector<PersonIx>& seen_by(PersonIx p) const { return seen_by_[p]; }
  const std::vector<int64_t>& shown_times(PersonIx p) const { return shown_times_[p]; }
  // How rare a tag is among the people on the floor: a shared rare tag says more than a
  // shared common one (inverse document frequency).
  double weight(TagKind k, TagId t) const;
  uint32_t company_key(std::string_view company);

 private:
  static bool eligible_for_floor(const Person& p);
  void refresh_floor(PersonIx p);  // enters or leaves the floor and the posting lists
  void add_postings(PersonIx p);
  void remove_postings(PersonIx p);
  TagId intern(std::string key, const std::string& label);

  int64_t window_ms_;
  std::vector<Person> people_;
  std::unordered_map<std::string, PersonIx> by_id_;
  std::vector<TagId> tag_pool_;
  std::vector<std::string> labels_;
  std::unordered_map<std::string, TagId> tag_ids_;
  std::array<std::vector<std::vector<PersonIx>>, kTagKindCount> postings_;
  std::unordered_map<std::string, uint32_t> companies_;
  std::vector<PersonIx> floor_;
  std::vector<std::vector<Met>> met_;
  std::vector<std::vector<PersonIx>> seen_by_;
  std::vector<std::vector<int64_t>> shown_times_;
};

}  // namespace rapport::matching
