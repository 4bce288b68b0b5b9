#!/usr/bin/env bash
# A throwaway PostgreSQL for the hub tests and benchmark (Debian's postgresql package).
#
#   tests/hub/pg.sh start DIR   initdb into DIR (once), start on 127.0.0.1 on a free port,
#                               write the hub URL to DIR/url; starting again reuses DIR and
#                               its port (the outage test stops and restarts the server)
#   tests/hub/pg.sh stop DIR    stop it (fast shutdown); the files stay
#   tests/hub/pg.sh destroy DIR stop it and remove DIR
#   tests/hub/pg.sh fresh DIR   destroy, then start (the CTest fixture: no state from an earlier run)
#
# PostgreSQL refuses to run as root: under root (CI) the server runs as the system user
# rapport-test, created when missing. It listens only on 127.0.0.1, trusts the owner role
# "rapport" there, asks every other role for its password (scram-sha-256), and keeps its
# socket inside DIR.
set -euo pipefail

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PGBIN/initdb" ] || { echo "pg.sh: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
cmd=${1:-}; dir=${2:-}
[ -z "$dir" ] || dir=$(realpath -m "$dir")
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: pg.sh start|stop|destroy|fresh DIR" >&2; exit 2; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u rapport-test -- "$@"; else "$@"; fi
}

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

start() {
  if [ "$(id -u)" -eq 0 ] && ! id rapport-test >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin rapport-test 2>/dev/null || id rapport-test >/dev/null
  fi
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown rapport-test "$dir"
  chmod 700 "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_owner "$PGBIN/initdb" -D "$dir/data" -U rapport -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # The owner (rapport) is trusted on loopback; every other role (the kiosks' own, made
    # by `rapport hub add-kiosk`) must give its password, as on a real hub.
    as_owner sh -c "printf '%s\n' 'local all all trust' 'host all rapport 127.0.0.1/32 trust' \
      'host all all 127.0.0.1/32 scram-sha-256' > '$dir/data/pg_hba.conf'"
  fi
  local tries=0 port
  while :; do
    port=$(cat "$dir/port" 2>/dev/null || free_port)
    if as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
         -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$dir' -c fsync=off -c max_connections=60 -c shared_buffers=32MB" >/dev/null; then
      echo "$port" > "$dir/port"
      break
    fi
    tries=$((tries + 1))
    # The port was taken after all (or the remembered one is): try another.
    rm -f "$dir/port"
    [ $tries -lt 5 ] || { tail -5 "$dir/server.log" >&2; exit 1; }
  done
  echo "postgresql://rapport@127.0.0.1:$port/postgres" > "$dir/url"
  cat "$dir/url"
}

stop() {
  [ -f "$dir/data/postmaster.pid" ] || return 0
  as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  destroy) stop; rm -rf "$dir" ;;
  fresh) stop; rm -rf "$dir"; start ;;
  *) echo "usage: pg.sh start|stop|destroy|fresh DIR" >&2; exit 2 ;;
esac
