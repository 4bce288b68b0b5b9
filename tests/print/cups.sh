#!/usr/bin/env bash
# A throwaway CUPS scheduler for the print tests (Debian's cups-daemon and cups-client).
#
#   tests/print/cups.sh start DIR    write a private configuration into DIR, start cupsd on
#                                    127.0.0.1 on a free port, add the queue "door" (stopped:
#                                    jobs stay in DIR/spool with their document), and write
#                                    "127.0.0.1:PORT" to DIR/server (use it as CUPS_SERVER)
#   tests/print/cups.sh destroy DIR  stop it and remove DIR
#   tests/print/cups.sh fresh DIR    destroy, then start (the CTest fixture)
#
# Nothing outside DIR is touched: the system's own cupsd, queues and spool are not used.
set -euo pipefail

CUPSD=${CUPSD:-/usr/sbin/cupsd}
[ -x "$CUPSD" ] || { echo "cups.sh: cupsd not found (apt-get install cups-daemon)" >&2; exit 1; }
command -v lpadmin >/dev/null || { echo "cups.sh: lpadmin not found (apt-get install cups-client)" >&2; exit 1; }
cmd=${1:-}; dir=${2:-}
[ -z "$dir" ] || dir=$(realpath -m "$dir")
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: cups.sh start|destroy|fresh DIR" >&2; exit 2; }

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

start() {
  mkdir -p "$dir"/{spool/tmp,cache,state,log,ppd}
  chmod 755 "$dir"
  local port; port=$(free_port)
  local user=lp group=lp
  cat > "$dir/cups-files.conf" <<CONF
ServerRoot $dir
RequestRoot $dir/spool
TempDir $dir/spool/tmp
CacheDir $dir/cache
StateDir $dir/state
ServerBin /usr/lib/cups
DataDir /usr/share/cups
AccessLog $dir/log/access_log
ErrorLog $dir/log/error_log
PageLog $dir/log/page_log
FileDevice Yes
User $user
Group $group
SystemGroup root
Sandboxing Relaxed
CONF
  cat > "$dir/cupsd.conf" <<CONF
Listen 127.0.0.1:$port
Browsing No
WebInterface No
LogLevel warn
DefaultAuthType None
PreserveJobFiles Yes
PreserveJobHistory Yes
MaxJobs 0
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
  chown -R "$user:$group" "$dir/spool" "$dir/cache" "$dir/state" "$dir/log" 2>/dev/null || true
  "$CUPSD" -f -c "$dir/cupsd.conf" -s "$dir/cups-files.conf" >"$dir/log/cupsd.out" 2>&1 &
  echo $! > "$dir/pid"
  for _ in $(seq 1 100); do
    (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break
    kill -0 "$(cat "$dir/pid")" 2>/dev/null || { cat "$dir/log/cupsd.out" "$dir/log/error_log" >&2 2>/dev/null; exit 1; }
    sleep 0.1
  done
  echo "127.0.0.1:$port" > "$dir/server"
  # A raw queue to nowhere, then stopped: each job waits in the spool with its document.
  lpadmin -h "127.0.0.1:$port" -p door -E -v file:///dev/null 2>"$dir/log/lpadmin.err" \
    || { cat "$dir/log/lpadmin.err" "$dir/log/error_log" >&2 2>/dev/null; exit 1; }
  cupsdisable -h "127.0.0.1:$port" door
  cat "$dir/server"
}

destroy() {
  if [ -f "$dir/pid" ]; then
    local pid; pid=$(cat "$dir/pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$dir"
}

case "$cmd" in
  start) start ;;
  destroy) destroy ;;
  fresh) destroy; start ;;
  *) echo "usage: cups.sh start|destroy|fresh DIR" >&2; exit 2 ;;
esac
