#include "core/sync/kiosk_list.hpp"

#include <algorithm>

#include "core/util/text.hpp"

namespace rapport {

std::vector<std::string> split_kiosk_list(std::string_view list) {
  auto out = split_list(list, ",");
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string kiosk_list_union(std::string_view a, std::string_view b) {
  auto all = split_list(a, ",");
  for (auto& k : split_list(b, ",")) all.push_back(std::move(k));
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  std::string out;
  for (const auto& k : all) {
    if (!out.empty()) out += ',';
    out += k;
  }
  return out;
}

}  // namespace rapport
