#pragma once
// connections.kiosks: the kiosks that saw a connection, as "door-1,floor-2" (sorted,
// each once), so that merging in any order gives the same text.
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

std::vector<std::string> split_kiosk_list(std::string_view list);
std::string kiosk_list_union(std::string_view a, std::string_view b);

}  // namespace rapport
