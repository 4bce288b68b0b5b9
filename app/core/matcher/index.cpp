#include "core/matcher/index.hpp"

#include <algorithm>
#include <cmath>

#include "core/util/text.hpp"

namespace rapport::matching {

namespace {
const std::vector<PersonIx> kEmptyPosting;
}

void Index::reserve(size_t people, size_t tag_occurrences) {
  people_.reserve(people);
  by_id_.reserve(people);
  met_.reserve(people);
  seen_by_.reserve(people);
  shown_times_.reserve(people);
  floor_.reserve(people);
  tag_pool_.reserve(tag_occurrences);
  tag_ids_.reserve(tag_occurrences / 4 + 16);
}

TagId Index::intern(std::string key, const std::string& label) {
  auto [it, inserted] = tag_ids_.try_emplace(std::move(key), static_cast<TagId>(labels_.size()));
  if (inserted) {
    labels_.push_back(std::string(trim(label)));
    for (auto& lists : postings_) lists.emplace_back();
  }
  return it->second;
}

uint32_t Index::company_key(std::string_view company) {
  std::string key = tag_key(company);
  if (key.empty()) return 0;
  auto [it, inserted] = companies_.try_emplace(std::move(key), static_cast<uint32_t>(companies_.size() + 1));
  return it->second;
}

PersonIx Index::upsert(const Attendee& a) {
  PersonIx p;
  if (auto found = find(a.id)) {
    p = *found;
    if (suggestable(p)) remove_postings(p);
  } else {
    p = static_cast<PersonIx>(people_.size());
    people_.emplace_back();
    met_.emplace_back();
    seen_by_.emplace_back();
    shown_times_.emplace_back();
    by_id_.emplace(a.id, p);
  }
  Person& person = people_[p];
  person.id = a.id;
  person.first_name = a.first_name;
  person.last_name = a.last_name;
  person.status = a.status;
  person.consent = a.consent;
  person.opt_out = a.suggest_opt_out;
  person.company = company_key(a.company);
  // A changed person gets a fresh run at the end of the pool; the old run is left behind
  // (changes during an event are rare, and the pool is rebuilt at the next start).
  person.tag_begin = static_cast<uint32_t>(tag_pool_.size());
  for (int k = 0; k < kTagKindCount; ++k) {
    size_t begin = tag_pool_.size();
    for (const auto& label : a.tags[k]) {
      std::string key = tag_key(label);
      if (key.empty()) continue;
      TagId t = intern(std::move(key), label);
      if (std::find(tag_pool_.begin() + static_cast<long>(begin), tag_pool_.end(), t) == tag_pool_.end())
        tag_pool_.push_back(t);
      if (tag_pool_.size() - begin == 255) break;  // more is noise, and the count is a byte
    }
    std::sort(tag_pool_.begin() + static_cast<long>(begin), tag_pool_.end());
    person.tag_count[k] = static_cast<uint8_t>(tag_pool_.size() - begin);
  }
  if (person.floor_pos != kNone) {
    // It was on the floor: postings were removed above; re-enter with the new tags.
    PersonIx last = floor_.back();
    floor_[person.floor_pos] = last;
    people_[last].floor_pos = person.floor_pos;
    floor_.pop_back();
    person.floor_pos = kNone;
  }
  refresh_floor(p);
  return p;
}

std::optional<PersonIx> Index::find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

std::span<const TagId> Index::tags(PersonIx p, TagKind k) const {
  const Person& person = people_[p];
  uint32_t begin = person.tag_begin;
  for (int i = 0; i < static_cast<int>(k); ++i) begin += person.tag_count[i];
  return {tag_pool_.data() + begin, person.tag_count[static_cast<int>(k)]};
}

const std::vector<PersonIx>& Index::posting(TagKind k, TagId t) const {
  const auto& lists = postings_[static_cast<int>(k)];
  return t < lists.size() ? lists[t] : kEmptyPosting;
}

bool Index::eligible_for_floor(const Person& p) {
  return p.present && p.consent && !p.opt_out && p.status == AttendeeStatus::active;
}

void Index::refresh_floor(PersonIx p) {
  Person& person = people_[p];
  bool want = eligible_for_floor(person);
  bool is = person.floor_pos != kNone;
  if (want == is) return;
  if (want) {
    person.floor_pos = static_cast<uint32_t>(floor_.size());
    floor_.push_back(p);
    add_postings(p);
  } else {
    remove_postings(p);
    PersonIx last = floor_.back();
    floor_[person.floor_pos] = last;
    people_[last].floor_pos = person.floor_pos;
    floor_.pop_back();
    person.floor_pos = kNone;
  }
}

void Index::add_postings(PersonIx p) {
  for (int k = 0; k < kTagKindCount; ++k)
    for (TagId t : tags(p, static_cast<TagKind>(k))) postings_[k][t].push_back(p);
}

void Index::remove_postings(PersonIx p) {
  for (int k = 0; k < kTagKindCount; ++k)
    for (TagId t : tags(p, static_cast<TagKind>(k))) {
      auto& list = postings_[k][t];
      auto it = std::find(list.begin(), list.end(), p);
      if (it != list.end()) {
        *it = list.back();
        list.pop_back();
      }
    }
}

void Index::set_present(PersonIx p, bool present) {
  people_[p].present = present;
  refresh_floor(p);
}

bool Index::connected(PersonIx a, PersonIx b) const {
  const auto& small = met_[a].size() <= met_[b].size() ? met_[a] : met_[b];
  PersonIx other = met_[a].size() <= met_[b].size() ? b : a;
  for (const Met& m : small)
    if (m.other == other) return true;
  return false;
}

void Index::add_connection(PersonIx a, PersonIx b, int64_t at_ms) {
  if (a == b || connected(a, b)) return;
  met_[a].push_back({b, at_ms});
  met_[b].push_back({a, at_ms});
}

void Index::add_shown(PersonIx for_person, PersonIx shown, int64_t at_ms) {
  auto& times = shown_times_[shown];
  // Only the current window matters for exposure; older times are dropped as we go so
  // memory stays flat over a ten-hour day.
  std::erase_if(times, [&](int64_t t) { return t <= at_ms - window_ms_; });
  times.push_back(at_ms);
  auto& seen = seen_by_[shown];
  if (std::find(seen.begin(), seen.end(), for_person) == seen.end()) seen.push_back(for_person);
}

double Index::weight(TagKind k, TagId t) const {
  double holders = static_cast<double>(posting(k, t).size());
  double floor = static_cast<double>(floor_.size());
  return std::log(1.0 + (floor + 1.0) / (holders + 1.0));
}

}  // namespace rapport::matching
