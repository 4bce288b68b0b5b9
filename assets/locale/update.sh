#!/usr/bin/env bash
# Re-extracts the kiosk's strings into rapport.pot and merges them into every <lang>.po,
# so translators see what is new (marked fuzzy or untranslated until they translate it).
set -euo pipefail
cd "$(dirname "$0")/../.."
find app -name '*.cpp' -o -name '*.hpp' | sort > /tmp/rapport-i18n-files.$$
xgettext --from-code=UTF-8 --language=C++ --keyword= --keyword=tr --keyword=trn:1,2 \
  --keyword=N_ --keyword=trf --keyword=trfn:1,2 \
  --no-location --sort-output --package-name=rapport --msgid-bugs-address=rapport \
  --files-from=/tmp/rapport-i18n-files.$$ -o assets/locale/rapport.pot
rm -f /tmp/rapport-i18n-files.$$
for po in assets/locale/*.po; do
  msgmerge --quiet --update --backup=none --no-location --sort-output "$po" assets/locale/rapport.pot
done
