#include "core/sync/forget.hpp"

#include <fmt/format.h>

#include "core/checkin/resolve.hpp"
#include "core/util/random.hpp"
#include "core/util/text.hpp"

namespace rapport {

Status erase_forgotten(Db& db) {
  // Every erased field takes a fixed value or a value from the tombstone, never from the
  // row that happened to be there: two files forgotten in any order end up identical.
  RAPPORT_TRY(db.exec(R"sql(
UPDATE attendees
   SET first_name = 'Forgotten', last_name = '', email = '', company = '', title = '',
       status = 'forgotten', consent = 0, suggest_opt_out = 1, source = 'forgotten',
       kiosk_id = f.kiosk_id, created_at = f.at, updated_at = f.at
  FROM forgotten f
 WHERE attendees.id = f.attendee_id
   AND NOT (attendees.status = 'forgotten' AND attendees.first_name = 'Forgotten'
            AND attendees.last_name = '' AND attendees.email = '' AND attendees.company = ''
            AND attendees.title = '' AND attendees.consent = 0 AND attendees.suggest_opt_out = 1
            AND attendees.source = 'forgotten' AND attendees.kiosk_id = f.kiosk_id
            AND attendees.created_at = f.at AND attendees.updated_at = f.at);
DELETE FROM attendee_tags WHERE attendee_id IN (SELECT attendee_id FROM forgotten);
DELETE FROM attendee_codes WHERE attendee_id IN (SELECT attendee_id FROM forgotten);
DELETE FROM last_seen WHERE attendee_id IN (SELECT attendee_id FROM forgotten);
)sql"));
  return {};
}

namespace {
Result<int64_t> count_for(Db& db, std::string_view sql, const std::string& id) {
  auto st = db.prepare(sql);
  if (!st) return st.error();
  st->bind_all(id);
  auto row = st->step();
  if (!row) return row.error();
  return *row ? st->integer(0) : 0;
}
}  // namespace

Result<ForgetResult> forget_attendee(Store& store, const std::string& attendee_id) {
  Db& db = store.db();
  ForgetResult out;
  out.attendee_id = attendee_id;
  auto s = db.write([&]() -> Status {
    auto st = db.prepare("SELECT email, status FROM attendees WHERE id = ?");
    if (!st) return st.error();
    st->bind_all(attendee_id);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return make_error(fmt::format("no attendee with id '{}'", attendee_id));
    std::string email = st->text(0);
    out.already_forgotten = st->text(1) == "forgotten";
    st = Stmt();
    std::string hash = email.empty() ? std::string() : hash_hex(ascii_lower(trim(email)));
    // An existing tombstone keeps its time (the first request to forget counts); a hash
    // learned now is added when the old one had none.
    auto ins = db.prepare(
        "INSERT INTO forgotten (attendee_id, email_hash, at, kiosk_id) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (attendee_id) DO UPDATE SET email_hash = excluded.email_hash "
        "WHERE forgotten.email_hash = '' AND excluded.email_hash <> ''");
    if (!ins) return ins.error();
    RAPPORT_TRY(ins->bind_all(attendee_id, hash, store.now_iso(), store.kiosk_id()).run());
    RAPPORT_TRY(erase_forgotten(db));
    // Tag labels nobody uses any more go too: a rare personal interest could name someone.
    return db.exec("DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM attendee_tags x WHERE x.tag = tags.tag)");
  });
  if (!s) return s.error();
  auto c = count_for(db, "SELECT count(*) FROM checkins WHERE attendee_id = ?", attendee_id);
  if (!c) return c.error();
  out.checkins_kept = *c;
  auto n = count_for(db, "SELECT count(*) FROM connections WHERE a_id = ?1 OR b_id = ?1", attendee_id);
  if (!n) return n.error();
  out.connections_kept = *n;
  return out;
}

Result<ForgetResult> forget_by_code(Store& store, std::string_view code) {
  auto r = resolve_scan(store.db(), code);
  if (!r) return r.error();
  if (r->match == ScanMatch::attendee || (r->match == ScanMatch::revoked && !r->attendee_id.empty()))
    return forget_attendee(store, r->attendee_id);
  if (r->match == ScanMatch::invalid)
    return make_error(fmt::format("this is not a badge or ticket code ({})", r->detail));
  return make_error(fmt::format("no attendee has the code '{}'", std::string(code)));
}

}  // namespace rapport
