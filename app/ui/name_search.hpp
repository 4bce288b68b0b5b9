#pragma once
// Finding a person by name from a few letters typed on the on-screen keyboard.
// Letters with accents match their plain letter ("thao" finds Thảo, "lukasz" Łukasz);
// other scripts match as typed.
#include <string>
#include <string_view>
#include <vector>

#include "core/kiosk/front_desk.hpp"

namespace rapport::ui {

// Lower case with Latin accents removed; other characters kept.
std::string fold_for_search(std::string_view s);
// Indices into `roster`, best first (name starts with the query before name contains it),
// at most `limit`.
std::vector<size_t> find_people(const std::vector<PublicPerson>& roster, std::string_view query, size_t limit);

}  // namespace rapport::ui
