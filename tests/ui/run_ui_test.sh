#!/usr/bin/env bash
# Runs one kiosk UI script on the real binary under Xvfb.
#   run_ui_test.sh RAPPORT SCRIPT SHOTS_DIR SOURCE_DIR
# Directives in the script's leading comments, run in the order written:
#   # config: door|floor|demo|FILE   which kiosk config (kiosk-config/NAME.toml or tests/ui/configs/FILE)
#   # checkin: CODE...                 check these people in first (with the CLI)
#   # sql: STATEMENT                   run on the event file first (e.g. a trigger that fails writes)
#   # rapport: ARGS...                 run `rapport ARGS` first; @DB and @WORK name the event file and a scratch folder
#   # let: NAME SQL                    {NAME} in the script becomes the SQL's answer on the event file (at this point)
#   # sync-target: present|missing     [sync] target = an organizer file in a folder that exists / does not exist
#   # import-during: MS FILE           while the kiosk runs, after MS ms: rapport import tests/ui/data/FILE
#   # expect-exit: N                   the kiosk's exit code (default 0)
#   # expect-stderr: TEXT              stderr must contain TEXT
#   # check-organizer: SQL => ANSWER   afterwards, the sync target must answer SQL with ANSWER
#   # check-db: SQL => ANSWER          afterwards, the event file must answer SQL with ANSWER
#   # roster: FILE                     import tests/ui/data/FILE instead of roster.csv
#   # sizes: WxH...                    run the whole script once per screen size, each on a fresh
#                                      event file (default 1920x1080)
# Screenshots land in SHOTS_DIR/<script name>/ (with several sizes, in .../<WxH>/).
set -euo pipefail
[ -n "${UI_TEST_DEBUG:-}" ] && set -x
rapport=$1 script=$2 shots=$3 src=$4
name=$(basename "$script" .txt)
sizes=$(sed -n 's/^# sizes: //p' "$script" | head -1)
sizes=${sizes:-1920x1080}
roster=$(sed -n 's/^# roster: //p' "$script" | head -1)
roster=${roster:-roster.csv}
rm -rf "${shots:?}/$name"

run_at() {
size=$1 out=$2
work=$(mktemp -d)
bg=""
trap 'if [ -n "$bg" ]; then kill "$bg" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
mkdir -p "$out"

db="$work/event.sqlite"
org=""
"$rapport" init --db "$db" --event "Rapport Test Day" >/dev/null
"$rapport" import --db "$db" "$src/tests/ui/data/$roster" >/dev/null

config=door; expect_exit=0; expect_stderr=""; sync_target=""; import_during=""
checks=(); subst=()
while IFS= read -r line; do
  case "$line" in
    "# config: "*) config=${line#\# config: } ;;
    "# checkin: "*)
      read -r -a more <<<"${line#\# checkin: }"
      for c in "${more[@]}"; do "$rapport" checkin --db "$db" "$c" >/dev/null; done ;;
    "# sql: "*) sqlite3 "$db" "${line#\# sql: }" ;;
    "# rapport: "*)
      args=${line#\# rapport: }; args=${args//@DB/$db}; args=${args//@WORK/$work}
      read -r -a argv <<<"$args"
      "$rapport" "${argv[@]}" >/dev/null ;;
    "# let: "*)
      rest=${line#\# let: }; var=${rest%% *}; q=${rest#* }
      subst+=("$var" "$(sqlite3 "$db" "$q")") ;;
    "# sync-target: "*) sync_target=${line#\# sync-target: } ;;
    "# import-during: "*) import_during=${line#\# import-during: } ;;
    "# expect-exit: "*) expect_exit=${line#\# expect-exit: } ;;
    "# expect-stderr: "*) expect_stderr=${line#\# expect-stderr: } ;;
    "# check-organizer: "*) checks+=("org" "${line#\# check-organizer: }") ;;
    "# check-db: "*) checks+=("db" "${line#\# check-db: }") ;;
  esac
done < "$script"
if [ -f "$src/kiosk-config/$config.toml" ]; then cfg="$src/kiosk-config/$config.toml"; else cfg="$src/tests/ui/configs/$config"; fi

# The script as the kiosk runs it: {NAME} filled in (same file name, so failures name it).
run_script="$work/$name.txt"
cp "$script" "$run_script"
for ((i = 0; i < ${#subst[@]}; i += 2)); do
  sed -i "s|{${subst[i]}}|${subst[i+1]}|g" "$run_script"
done

if [ -n "$sync_target" ]; then
  case "$sync_target" in
    present) mkdir -p "$work/stick"; org="$work/stick/organizer.sqlite" ;;
    missing) org="$work/no-stick-here/organizer.sqlite" ;;
    *) echo "FAIL: sync-target must be present or missing" >&2; exit 1 ;;
  esac
  sed "s|^target = .*|target = \"$org\"|" "$cfg" > "$work/kiosk.toml"
  cfg="$work/kiosk.toml"
fi
if [ -n "$import_during" ]; then
  ms=${import_during%% *}; file=${import_during#* }
  (sleep "$(awk "BEGIN { print $ms / 1000 }")"; "$rapport" import --db "$db" "$src/tests/ui/data/$file" >/dev/null) &
  bg=$!
fi

set +e
(cd "$out" && TMPDIR="$work" "$src/tests/support/under_xvfb.sh" "$size" "$rapport" kiosk --db "$db" \
   --config "$cfg" --camera synthetic --script "$run_script") 2>"$work/stderr"
rc=$?
set -e
cat "$work/stderr" >&2
if [ "$rc" != "$expect_exit" ]; then
  echo "FAIL: kiosk exited $rc, expected $expect_exit (at $size)" >&2; exit 1
fi
if [ -n "$expect_stderr" ] && ! grep -qF -- "$expect_stderr" "$work/stderr"; then
  echo "FAIL: stderr lacks: $expect_stderr" >&2; exit 1
fi
for ((i = 0; i < ${#checks[@]}; i += 2)); do
  which=${checks[i]} check=${checks[i+1]}
  q=${check%% => *} want=${check#* => }
  file=$db; [ "$which" = org ] && file=$org
  if [ ! -f "$file" ]; then echo "FAIL: $file does not exist (check: $q)" >&2; exit 1; fi
  got=$(sqlite3 "$file" "$q")
  if [ "$got" != "$want" ]; then
    echo "FAIL: $which: $q gave '$got', expected '$want'" >&2; exit 1
  fi
done
if [ -n "$bg" ]; then wait "$bg" 2>/dev/null || true; bg=""; fi
rm -rf "$work"
echo "ok: $name at $size (screenshots in $out)"
}

set -- $sizes
for size in "$@"; do
  if [ $# -gt 1 ]; then run_at "$size" "$shots/$name/$size"; else run_at "$size" "$shots/$name"; fi
done
