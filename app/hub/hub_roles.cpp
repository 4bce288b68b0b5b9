#include "hub/hub_roles.hpp"

#include <fmt/format.h>

#include <regex>

#include "core/util/random.hpp"

namespace rapport::hub {

namespace {

// Role names are identifiers built from the hub id and a checked kiosk name; quoted all
// the same. Passwords are base32, so they need no quoting inside a literal.
std::string ident(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string short_id(const HubInfo& hub) {
  std::string id;
  for (char c : hub.hub_id)
    if (std::isalnum(static_cast<unsigned char>(c)) && id.size() < 8) id += c;
  return id;
}

constexpr const char* kTables[] = {"forgotten", "attendees", "attendee_codes", "checkins", "connections",
                                   "suggestions_shown"};

// Run by the owner; every statement can run again.
std::vector<std::string> security_sql(const std::string& group) {
  std::string g = ident(group);
  std::vector<std::string> s = {
      // Which kiosk a login role is. Only the owner reads it; kiosks ask my_kiosk().
      "CREATE TABLE IF NOT EXISTS rapport.kiosk_roles (role name PRIMARY KEY, kiosk_id text COLLATE \"C\" NOT NULL "
      "UNIQUE, created_at timestamptz NOT NULL DEFAULT now())",
      "REVOKE ALL ON rapport.kiosk_roles FROM PUBLIC",
      "CREATE OR REPLACE FUNCTION rapport.my_kiosk() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER "
      "SET search_path = pg_catalog AS $$ SELECT kiosk_id FROM rapport.kiosk_roles WHERE role = session_user $$",
      "REVOKE ALL ON SCHEMA rapport FROM PUBLIC",
      "GRANT USAGE ON SCHEMA rapport TO " + g,
      "GRANT SELECT ON rapport.hub, rapport.kiosks TO " + g,
      "GRANT UPDATE (event_name, event_date, event_id) ON rapport.hub TO " + g,
      "GRANT INSERT, UPDATE ON rapport.kiosks TO " + g,
      "GRANT USAGE ON SEQUENCE rapport.change_seq TO " + g,
      "GRANT EXECUTE ON FUNCTION rapport.kiosk_union(text, text), rapport.my_kiosk() TO " + g,
      "GRANT DELETE ON rapport.attendee_codes TO " + g,
      "ALTER TABLE rapport.hub ENABLE ROW LEVEL SECURITY",
      "ALTER TABLE rapport.kiosks ENABLE ROW LEVEL SECURITY",
      "DROP POLICY IF EXISTS kiosk_read ON rapport.hub",
      "CREATE POLICY kiosk_read ON rapport.hub FOR SELECT TO " + g + " USING (true)",
      "DROP POLICY IF EXISTS kiosk_claim ON rapport.hub",
      // The first kiosk to push names the event; after that the hub's event never changes.
      "CREATE POLICY kiosk_claim ON rapport.hub FOR UPDATE TO " + g + " USING (event_id = '') WITH CHECK (true)",
      "DROP POLICY IF EXISTS kiosk_read ON rapport.kiosks",
      "CREATE POLICY kiosk_read ON rapport.kiosks FOR SELECT TO " + g + " USING (true)",
      "DROP POLICY IF EXISTS kiosk_self_insert ON rapport.kiosks",
      "CREATE POLICY kiosk_self_insert ON rapport.kiosks FOR INSERT TO " + g +
          " WITH CHECK (kiosk_id = rapport.my_kiosk())",
      "DROP POLICY IF EXISTS kiosk_self_update ON rapport.kiosks",
      "CREATE POLICY kiosk_self_update ON rapport.kiosks FOR UPDATE TO " + g +
          " USING (kiosk_id = rapport.my_kiosk()) WITH CHECK (kiosk_id = rapport.my_kiosk())",
  };
  for (const char* t : kTables) {
    std::string table = fmt::format("rapport.{}", t);
    s.push_back(fmt::format("GRANT SELECT, INSERT, UPDATE ON {} TO {}", table, g));
    s.push_back(fmt::format("ALTER TABLE {} ENABLE ROW LEVEL SECURITY", table));
    for (const char* p : {"kiosk_read", "kiosk_insert", "kiosk_update", "kiosk_delete"})
      s.push_back(fmt::format("DROP POLICY IF EXISTS {} ON {}", p, table));
    s.push_back(fmt::format("CREATE POLICY kiosk_read ON {} FOR SELECT TO {} USING (true)", table, g));
    // What a kiosk inserts is its own: activity it saw itself, people and tombstones it pushes.
    bool activity = std::string(t) == "checkins" || std::string(t) == "connections" ||
                    std::string(t) == "suggestions_shown";
    s.push_back(fmt::format("CREATE POLICY kiosk_insert ON {} FOR INSERT TO {} WITH CHECK (pushed_by = "
                            "rapport.my_kiosk(){})",
                            table, g, activity ? " AND kiosk_id = rapport.my_kiosk()" : ""));
    // A change a kiosk makes is signed by it; a check-in it changes becomes its own
    // (an earlier sighting), a connection it changes lists it among the kiosks that saw it.
    std::string update_check = "pushed_by = rapport.my_kiosk()";
    if (std::string(t) == "checkins") update_check += " AND kiosk_id = rapport.my_kiosk()";
    if (std::string(t) == "connections")
      update_check += " AND rapport.my_kiosk() = ANY (string_to_array(kiosks, ','))";
    if (std::string(t) != "suggestions_shown")
      s.push_back(fmt::format("CREATE POLICY kiosk_update ON {} FOR UPDATE TO {} USING (true) WITH CHECK ({})", table,
                              g, update_check));
    if (std::string(t) == "attendee_codes")
      s.push_back(fmt::format("CREATE POLICY kiosk_delete ON {} FOR DELETE TO {} USING (attendee_id IN (SELECT "
                              "attendee_id FROM rapport.forgotten))",
                              table, g));
  }
  return s;
}

}  // namespace

std::string kiosk_group_role(const HubInfo& hub) { return fmt::format("rapport_{}_kiosks", short_id(hub)); }

std::string kiosk_role(const HubInfo& hub, const std::string& name) {
  return fmt::format("rapport_{}_{}", short_id(hub), name);
}

Status secure_hub(PgConn& conn, const HubInfo& hub) {
  std::string group = kiosk_group_role(hub);
  return conn.transaction([&]() -> Status {
    auto l = conn.exec("SELECT pg_advisory_xact_lock($1)", {std::to_string(kPushLock + 1)});
    if (!l) return l.error();
    auto has = conn.exec("SELECT 1 FROM pg_roles WHERE rolname = $1", {group});
    if (!has) return has.error();
    if (has->rows() == 0) {
      auto c = conn.exec("CREATE ROLE " + ident(group) + " NOLOGIN");
      if (!c) return make_error("cannot create the kiosks' role (the hub owner needs CREATEROLE): " + c.error().message);
    }
    for (const auto& sql : security_sql(group)) {
      auto r = conn.exec(sql);
      if (!r) return r.error();
    }
    return {};
  });
}

Result<KioskCredentials> add_kiosk(PgConn& conn, const HubInfo& hub, const std::string& name) {
  static const std::regex ok(R"([A-Za-z0-9][A-Za-z0-9._-]{0,39})");
  if (!std::regex_match(name, ok))
    return make_bad_input(fmt::format("'{}' is not a kiosk id (1 to 40 letters, digits, '.', '_' or '-')", name));
  KioskCredentials k{name, kiosk_role(hub, name), random_base32(20)};
  RAPPORT_TRY(secure_hub(conn, hub));
  auto s = conn.transaction([&]() -> Status {
    auto taken = conn.exec("SELECT role FROM rapport.kiosk_roles WHERE kiosk_id = $1 AND role <> $2", {name, k.user});
    if (!taken) return taken.error();
    if (taken->rows() > 0) return make_bad_input(fmt::format("kiosk '{}' already has another role at this hub", name));
    auto has = conn.exec("SELECT 1 FROM pg_roles WHERE rolname = $1", {k.user});
    if (!has) return has.error();
    std::string verb = has->rows() == 0 ? "CREATE" : "ALTER";
    auto r = conn.exec(fmt::format("{} ROLE {} LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{}'",
                                   verb, ident(k.user), k.password));
    if (!r) return r.error();
    r = conn.exec(fmt::format("GRANT {} TO {}", ident(kiosk_group_role(hub)), ident(k.user)));
    if (!r) return r.error();
    r = conn.exec(
        "INSERT INTO rapport.kiosk_roles (role, kiosk_id) VALUES ($1, $2) ON CONFLICT (role) DO UPDATE SET kiosk_id = "
        "excluded.kiosk_id",
        {k.user, name});
    if (!r) return r.error();
    return {};
  });
  if (!s) return s.error();
  return k;
}

}  // namespace rapport::hub
