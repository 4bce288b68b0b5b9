#!/usr/bin/env bash
# Every string the kiosk shows is in every catalog, translated, with no fuzzy guesses, and
# each catalog's format strings keep the same {} placeholders as the English.
#   check_catalogs.sh SOURCE_DIR
set -euo pipefail
src=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"

# What the code marks today (keywords: assets/locale/README.md).
find app -name '*.cpp' -o -name '*.hpp' | sort > "$work/files"
xgettext --from-code=UTF-8 --language=C++ --keyword= --keyword=tr --keyword=trn:1,2 \
  --keyword=N_ --keyword=trf --keyword=trfn:1,2 \
  --no-location --sort-output --files-from="$work/files" -o "$work/now.pot"

status=0
if ! diff -q <(grep '^msgid' "$work/now.pot" | sort) <(grep '^msgid' assets/locale/rapport.pot | sort) >/dev/null; then
  echo "assets/locale/rapport.pot is out of date: run assets/locale/update.sh" >&2
  diff <(grep '^msgid' "$work/now.pot" | sort) <(grep '^msgid' assets/locale/rapport.pot | sort) | head -20 >&2
  status=1
fi
for po in assets/locale/*.po; do
  msgcmp --use-untranslated "$po" "$work/now.pot" 2>"$work/cmp" || {
    echo "$po: strings missing (run assets/locale/update.sh, then translate them):" >&2
    head -20 "$work/cmp" >&2
    status=1
  }
  stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  if grep -qE 'fuzzy|untranslated' <<<"$stats"; then
    echo "$po: $stats" >&2
    status=1
  fi
  # The same placeholders in the translation as in the English ({} and {0}, {1}...).
  python3 - "$po" <<'PY' || status=1
import re, sys
po = open(sys.argv[1], encoding="utf-8").read()
bad = 0
for block in po.split("\n\n"):
    def field(name):
        m = re.findall(r'^' + name + r' ((?:".*"\n?)+)', block, re.M)
        return ["".join(re.findall(r'"(.*)"', x)) for x in m]
    ids = field("msgid") + field("msgid_plural")
    strs = field(r"msgstr(?:\[\d\])?")
    if not ids or not ids[0]:
        continue
    want = sorted(set(re.findall(r"\{\d*\}", ids[-1])))
    for s in strs:
        if sorted(set(re.findall(r"\{\d*\}", s))) != want:
            print(f"{sys.argv[1]}: placeholders differ in {ids[0]!r} -> {s!r}", file=sys.stderr)
            bad = 1
sys.exit(bad)
PY
done
exit $status
