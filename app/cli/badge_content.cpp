#include "cli/badge_content.hpp"

#include <fmt/format.h>

#include "core/badge/badge_code.hpp"
#include "core/roster/attendee.hpp"

namespace rapport::cli {

Result<BadgeContent> badge_content_for(Store& store, const std::string& attendee_id) {
  auto a = load_attendee(store.db(), attendee_id);
  if (!a) return a.error();
  if (!*a || (*a)->status == AttendeeStatus::forgotten)
    return make_error(fmt::format("no attendee with id '{}'", attendee_id));
  auto code = active_badge_code(store.db(), attendee_id);
  if (!code) return code.error();
  if (!*code) return make_error(fmt::format("attendee '{}' has no badge code", attendee_id));
  const Attendee& p = **a;
  BadgeContent b{store.event().name, p.first_name, p.full_name(), p.tags_of(TagKind::interest), **code};
  if (b.interests.size() > 3) b.interests.resize(3);
  return b;
}

}  // namespace rapport::cli
