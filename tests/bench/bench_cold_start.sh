#!/usr/bin/env bash
# Cold start of a floor kiosk on a big event: from launch to the attract screen, on an
# event file with N people (default 100,000) all checked in, under Xvfb (software GL).
# After a crash systemd restarts the kiosk: this is how long the door's screen stays dark.
# usage: tests/bench/bench_cold_start.sh [path/to/rapport] [N]
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
rapport=${1:-$src/build-release/bin/rapport}
n=${2:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

db=$work/big.sqlite
"$rapport" demo-event --out "$work/roster.csv" --attendees "$n" --seed 7 >/dev/null
"$rapport" init --db "$db" --event "Big Day" >/dev/null
"$rapport" import --db "$db" "$work/roster.csv" >/dev/null
# Everyone is here: one transaction (the CLI's `checkin --batch` commits each person on
# its own, which takes minutes for 100,000); the sync log's triggers fire as for any check-in.
sqlite3 "$db" "INSERT INTO checkins (attendee_id, at, kiosk_id, method)
  SELECT id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'bench', 'id' FROM attendees"
echo "expect Hold your badge" > "$work/attract.txt"

xvfb-run -a -s "-screen 0 1920x1080x24" bash -c '
  for i in 1 2 3; do
    /usr/bin/time -f "%e %U %S" -a -o "$4" \
      "$0" kiosk --db "$1" --config "$2" --camera v4l2:/dev/rapport-no-camera --script "$3" >/dev/null
  done
' "$rapport" "$db" "$src/kiosk-config/floor.toml" "$work/attract.txt" "$work/times.txt"

python3 - "$work/times.txt" "$n" <<'PY'
import sys, statistics
runs = [tuple(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
wall = [r[0] for r in runs]
cpu = [r[1] + r[2] for r in runs]
print(f"cold start, floor kiosk, {int(sys.argv[2]):,} people checked in: launch to attract screen "
      f"median {statistics.median(wall):.2f} s wall (runs: {', '.join(f'{w:.2f}' for w in wall)}; target < 3 s), "
      f"{statistics.median(cpu):.2f} s CPU (user+sys, all threads)")
PY
