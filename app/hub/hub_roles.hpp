#pragma once
// Least privilege at the hub. `rapport hub init` (run with the hub owner's credential)
// creates a group role for the hub's kiosks and turns on row-level security; `rapport hub
// add-kiosk NAME` creates one login role per kiosk, with a random password, and
// remembers which kiosk it is (rapport.kiosk_roles). A kiosk role may:
//   - read every table (a kiosk pulls the others' rows);
//   - write rows only as itself: every row it inserts or changes carries pushed_by = its
//     own kiosk id, every check-in, connection and suggestion it inserts was made by it
//     (kiosk_id = its id), a connection it changes lists it among the kiosks that saw it;
//   - delete nothing but the codes of forgotten people;
//   - claim an unclaimed hub for its event, and nothing else of rapport.hub;
//   - not create, alter, drop or truncate anything, nor read rapport.kiosk_roles.
// The owner's credential (used by `hub init`, `hub add-kiosk`, `export --hub`) is not
// subject to these rules and never goes on a kiosk.
#include <string>

#include "core/util/result.hpp"
#include "hub/hub_schema.hpp"
#include "hub/pg.hpp"

namespace rapport::hub {

// The group role of this hub's kiosks ("rapport_<first 8 of hub_id>_kiosks"): roles are
// per server, so each hub has its own.
std::string kiosk_group_role(const HubInfo& hub);
// The login role of kiosk `name` at this hub.
std::string kiosk_role(const HubInfo& hub, const std::string& name);

// Creates the group role (when missing), grants it least privilege, and turns on
// row-level security with the policies above. Idempotent; part of init_hub's work.
Status secure_hub(PgConn& conn, const HubInfo& hub);

struct KioskCredentials {
  std::string kiosk;     // the kiosk id it must push as
  std::string user;      // its PostgreSQL role
  std::string password;  // random; shown once
};
// Creates (or, when it exists, gives a new password to) the role of kiosk `name`.
// `name` is a kiosk id: 1-40 letters, digits, '.', '_' or '-'.
Result<KioskCredentials> add_kiosk(PgConn& conn, const HubInfo& hub, const std::string& name);

}  // namespace rapport::hub
