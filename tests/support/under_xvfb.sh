#!/usr/bin/env bash
# Runs a GUI command under Xvfb: under_xvfb.sh WIDTHxHEIGHT COMMAND [ARGS...]
# Used by every test that starts the kiosk's window (tests/ui, the soak, the CLI's
# kiosk-lock test). Exits with the command's own status.
# - Under AddressSanitizer, leak checking is off for the GUI process: Mesa's software
#   driver leaks from a library it has already unloaded, which LeakSanitizer can neither
#   name nor suppress. Every memory error is still caught.
# - xvfb-run keeps its Xauthority in a folder under $TMPDIR (the caller's own, so nothing
#   that tidies /tmp pulls it away mid-run), and now and then fails to remove that folder
#   after a clean run (exit 5): the status is written down inside xvfb-run instead.
set -u
size=$1
shift
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
rc_file=$(mktemp)
xvfb-run -a -s "-screen 0 ${size}x24" sh -c '"$@"; echo $? > "$0"' "$rc_file" "$@"
rc=$?
if [ -s "$rc_file" ]; then rc=$(cat "$rc_file"); fi
rm -f "$rc_file"
exit "$rc"
