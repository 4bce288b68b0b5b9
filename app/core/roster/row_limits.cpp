#include "core/roster/row_limits.hpp"

#include <fmt/format.h>

#include <tuple>

#include "core/roster/attendee.hpp"

namespace rapport {

std::string oversized_part(const Attendee& a, const RowLimits& lim) {
  auto big = [](const char* what, const std::string& v, size_t max) -> std::string {
    return v.size() > max ? fmt::format("{} is {} bytes (at most {})", what, v.size(), max) : std::string();
  };
  for (auto [what, v, max] : {std::tuple<const char*, const std::string&, size_t>{"id", a.id, lim.id},
                              {"first name", a.first_name, lim.name},
                              {"last name", a.last_name, lim.name},
                              {"email", a.email, lim.email},
                              {"company", a.company, lim.company},
                              {"title", a.title, lim.company}})
    if (auto why = big(what, v, max); !why.empty()) return why;
  size_t tags = 0;
  for (const auto& kind : a.tags) {
    tags += kind.size();
    for (const auto& t : kind)
      if (auto why = big("a tag", t, lim.tag); !why.empty()) return why;
  }
  if (tags > lim.tags) return fmt::format("{} tags (at most {})", tags, lim.tags);
  for (const auto& c : a.codes)
    if (auto why = big("a ticket code", c.code, lim.code); !why.empty()) return why;
  return {};
}

}  // namespace rapport
