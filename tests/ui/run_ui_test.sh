#!/usr/bin/env bash
# Runs one kiosk UI script on the real binary under Xvfb.
#   run_ui_test.sh RAPPORT SCRIPT SHOTS_DIR SOURCE_DIR
# Directives in the script's leading comments:
#   # config: door|floor|demo|FILE   which kiosk config (kiosk-config/NAME.toml or tests/ui/configs/FILE)
#   # checkin: CODE...                 check these people in first (with the CLI)
#   # sql: STATEMENT                   run on the event file first (e.g. a trigger that fails writes)
#   # expect-exit: N                   the kiosk's exit code (default 0)
#   # expect-stderr: TEXT              stderr must contain TEXT
# Screenshots land in SHOTS_DIR/<script name>/.
set -euo pipefail
rapport=$1 script=$2 shots=$3 src=$4
name=$(basename "$script" .txt)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$shots/$name"
rm -rf "$out"; mkdir -p "$out"

config=door; expect_exit=0; expect_stderr=""
checkins=(); sqls=()
while IFS= read -r line; do
  case "$line" in
    "# config: "*) config=${line#\# config: } ;;
    "# checkin: "*) read -r -a more <<<"${line#\# checkin: }"; checkins+=("${more[@]}") ;;
    "# sql: "*) sqls+=("${line#\# sql: }") ;;
    "# expect-exit: "*) expect_exit=${line#\# expect-exit: } ;;
    "# expect-stderr: "*) expect_stderr=${line#\# expect-stderr: } ;;
  esac
done < "$script"
if [ -f "$src/kiosk-config/$config.toml" ]; then cfg="$src/kiosk-config/$config.toml"; else cfg="$src/tests/ui/configs/$config"; fi

db="$work/event.sqlite"
"$rapport" init --db "$db" --event "Rapport Test Day" >/dev/null
"$rapport" import --db "$db" "$src/tests/ui/data/roster.csv" >/dev/null
for c in "${checkins[@]}"; do "$rapport" checkin --db "$db" "$c" >/dev/null; done
for q in "${sqls[@]}"; do sqlite3 "$db" "$q"; done

# Under AddressSanitizer, Mesa's software GL driver leaks from a library it has already
# unloaded at exit, so LeakSanitizer cannot name (or suppress) it: leak checking is off
# for the GUI process only; every memory error is still caught.
if [ -n "${ASAN_OPTIONS:-}" ]; then export ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0"; fi
set +e
(cd "$out" && xvfb-run -a -s "-screen 0 1920x1080x24" "$rapport" kiosk --db "$db" --config "$cfg" \
   --camera synthetic --script "$script") 2>"$work/stderr"
rc=$?
set -e
cat "$work/stderr" >&2
if [ "$rc" != "$expect_exit" ]; then
  echo "FAIL: kiosk exited $rc, expected $expect_exit" >&2; exit 1
fi
if [ -n "$expect_stderr" ] && ! grep -qF -- "$expect_stderr" "$work/stderr"; then
  echo "FAIL: stderr lacks: $expect_stderr" >&2; exit 1
fi
echo "ok: $name (screenshots in $out)"
