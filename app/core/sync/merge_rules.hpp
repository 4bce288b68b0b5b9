#pragma once
// Who wins when the same row arrives from two kiosks: one SQLite upsert tail per table,
// shared by the file merge (merge.cpp: kiosk files into the organizer file) and by rows
// pulled from the hub (row_batch.cpp). Each follows an INSERT into the table it names,
// so `excluded` is the arriving row. The hub applies the same rules in PostgreSQL
// (hub/hub_sync.cpp). The rules themselves are described in docs/SCHEMA.md.
#include <string>
#include <string_view>

namespace rapport::merge_rules {

// A tombstone: the earliest forgetting (then kiosk id) wins; a known email hash is kept.
inline constexpr std::string_view kForgotten = R"sql(
ON CONFLICT (attendee_id) DO UPDATE SET
  at = CASE WHEN (excluded.at, excluded.kiosk_id) < (forgotten.at, forgotten.kiosk_id) THEN excluded.at ELSE forgotten.at END,
  kiosk_id = CASE WHEN (excluded.at, excluded.kiosk_id) < (forgotten.at, forgotten.kiosk_id) THEN excluded.kiosk_id ELSE forgotten.kiosk_id END,
  email_hash = CASE WHEN forgotten.email_hash = '' THEN excluded.email_hash
                    WHEN excluded.email_hash = '' THEN forgotten.email_hash
                    ELSE min(forgotten.email_hash, excluded.email_hash) END
WHERE (excluded.at, excluded.kiosk_id) < (forgotten.at, forgotten.kiosk_id)
   OR (excluded.email_hash <> '' AND (forgotten.email_hash = '' OR excluded.email_hash < forgotten.email_hash))
)sql";

// Two spellings of one tag key settle on the smaller label.
inline constexpr std::string_view kTagLabel =
    "\nON CONFLICT (tag) DO UPDATE SET label = excluded.label WHERE excluded.label < tags.label\n";

// A person: the newest version wins whole (updated_at, then kiosk id); never over a
// forgotten person.
inline constexpr std::string_view kAttendees = R"sql(
ON CONFLICT (id) DO UPDATE SET
  first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email,
  company = excluded.company, title = excluded.title, status = excluded.status,
  consent = excluded.consent, suggest_opt_out = excluded.suggest_opt_out,
  source = excluded.source, kiosk_id = excluded.kiosk_id, created_at = excluded.created_at,
  updated_at = excluded.updated_at
WHERE attendees.status <> 'forgotten'
  AND attendees.id NOT IN (SELECT attendee_id FROM forgotten)
  AND (excluded.updated_at, excluded.kiosk_id) > (attendees.updated_at, attendees.kiosk_id)
)sql";

// A badge code: the first issued owns it; a revocation anywhere sticks (the earliest).
inline constexpr std::string_view kCodes = R"sql(
ON CONFLICT (code) DO UPDATE SET
  attendee_id = CASE WHEN (excluded.created_at, excluded.kiosk_id) < (attendee_codes.created_at, attendee_codes.kiosk_id)
                     THEN excluded.attendee_id ELSE attendee_codes.attendee_id END,
  kind = CASE WHEN (excluded.created_at, excluded.kiosk_id) < (attendee_codes.created_at, attendee_codes.kiosk_id)
              THEN excluded.kind ELSE attendee_codes.kind END,
  kiosk_id = CASE WHEN (excluded.created_at, excluded.kiosk_id) < (attendee_codes.created_at, attendee_codes.kiosk_id)
                  THEN excluded.kiosk_id ELSE attendee_codes.kiosk_id END,
  created_at = min(excluded.created_at, attendee_codes.created_at),
  revoked_at = CASE WHEN attendee_codes.revoked_at IS NULL THEN excluded.revoked_at
                    WHEN excluded.revoked_at IS NULL THEN attendee_codes.revoked_at
                    ELSE min(attendee_codes.revoked_at, excluded.revoked_at) END
WHERE (excluded.created_at, excluded.kiosk_id) < (attendee_codes.created_at, attendee_codes.kiosk_id)
   OR (excluded.revoked_at IS NOT NULL
       AND (attendee_codes.revoked_at IS NULL OR excluded.revoked_at < attendee_codes.revoked_at))
)sql";

// A check-in: one per person, the earliest wins (then kiosk id, then method).
inline constexpr std::string_view kCheckins = R"sql(
ON CONFLICT (attendee_id) DO UPDATE SET
  at = excluded.at, kiosk_id = excluded.kiosk_id, method = excluded.method
WHERE (excluded.at, excluded.kiosk_id, excluded.method) < (checkins.at, checkins.kiosk_id, checkins.method)
)sql";

// A connection: one per pair, the earliest sighting wins, every kiosk that saw it is listed.
inline constexpr std::string_view kConnections = R"sql(
ON CONFLICT (a_id, b_id) DO UPDATE SET
  at = CASE WHEN (excluded.at, excluded.kiosk_id, excluded.method) < (connections.at, connections.kiosk_id, connections.method)
            THEN excluded.at ELSE connections.at END,
  kiosk_id = CASE WHEN (excluded.at, excluded.kiosk_id, excluded.method) < (connections.at, connections.kiosk_id, connections.method)
                  THEN excluded.kiosk_id ELSE connections.kiosk_id END,
  method = CASE WHEN (excluded.at, excluded.kiosk_id, excluded.method) < (connections.at, connections.kiosk_id, connections.method)
                THEN excluded.method ELSE connections.method END,
  kiosks = rapport_kiosk_union(connections.kiosks, excluded.kiosks)
WHERE (excluded.at, excluded.kiosk_id, excluded.method) < (connections.at, connections.kiosk_id, connections.method)
   OR rapport_kiosk_union(connections.kiosks, excluded.kiosks) <> connections.kiosks
)sql";

// Where a person was last seen: the newest sighting wins (then kiosk id).
inline constexpr std::string_view kLastSeen = R"sql(
ON CONFLICT (attendee_id) DO UPDATE SET
  location = excluded.location, at = excluded.at, kiosk_id = excluded.kiosk_id
WHERE (excluded.at, excluded.kiosk_id) > (last_seen.at, last_seen.kiosk_id)
)sql";

// A suggestion shown: each has its own uuid; kept once.
inline constexpr std::string_view kSuggestions = "\nON CONFLICT (id) DO NOTHING\n";

// `insert` followed by `rule`: one statement.
inline std::string upsert(std::string_view insert, std::string_view rule) {
  std::string sql(insert);
  sql += rule;
  return sql;
}

}  // namespace rapport::merge_rules
