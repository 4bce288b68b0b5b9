#!/usr/bin/env bash
# The first hub push of a big event, measured: a kiosk file with N attendees (default one
# million, each with a ticket code and two tags) made directly with sqlite3, pushed to a
# throwaway PostgreSQL (tests/hub/pg.sh) by `rapport sync`, under /usr/bin/time -v. Prints
# the peak memory (maximum resident set size) and the wall time. Issue 16, finding 8: the
# push must stay under 500 MB at a million people.
#   tests/bench/hub_push_memory.sh build/bin/rapport [N]
set -euo pipefail
rapport=$(realpath "$1"); n=${2:-1000000}
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d); chmod 755 "$work"; pgdir=$work/pg
trap '"$src/tests/hub/pg.sh" destroy "$pgdir" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
"$src/tests/hub/pg.sh" fresh "$pgdir" >/dev/null
server=$(cat "$pgdir/url")
psql "$server" -qc "CREATE DATABASE push_memory" >/dev/null
url=${server%/*}/push_memory
db=$work/door.sqlite
"$rapport" init --db "$db" --event "Big Day" --kiosk door-1 >/dev/null
sqlite3 "$db" <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
INSERT INTO tags (tag, label) VALUES ('rust', 'Rust'), ('climate data', 'Climate data');
WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < $n)
INSERT INTO attendees (id, first_name, last_name, email, company, title, consent, kiosk_id, created_at, updated_at)
SELECT printf('A%07d', n), 'Person', printf('Number %d', n), printf('p%d@example.org', n), 'Acme', 'Engineer', 1,
       'door-1', '2026-11-21T07:00:00.000Z', '2026-11-21T07:00:00.000Z' FROM i;
INSERT INTO attendee_codes (code, attendee_id, kind, kiosk_id, created_at)
SELECT printf('T-%07d', substr(id, 2) + 0), id, 'ticket_code', 'door-1', '2026-11-21T07:00:00.000Z' FROM attendees;
INSERT INTO attendee_tags (attendee_id, kind, tag) SELECT id, 'interest', 'rust' FROM attendees;
INSERT INTO attendee_tags (attendee_id, kind, tag) SELECT id, 'interest', 'climate data' FROM attendees;
COMMIT;
SQL
"$rapport" hub init --url "$url" >/dev/null
echo "kiosk file: $(du -h "$db" | cut -f1), $n attendees"
/usr/bin/time -v "$rapport" sync --db "$db" --hub "$url" 2>"$work/time" >"$work/out" || { cat "$work/out" "$work/time"; exit 1; }
cat "$work/out"
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$work/time"
echo "hub attendees: $(psql "$url" -tAc 'SELECT count(*) FROM rapport.attendees')"
