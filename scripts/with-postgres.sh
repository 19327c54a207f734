#!/usr/bin/env bash
# Run a command beside a throwaway PostgreSQL server, then stop it.
#
# Installs Debian's postgresql when its binaries are missing, makes a cluster in a
# temporary directory (no system service, no password: trust on 127.0.0.1 only), starts
# it on a free port, exports SAYDO_TEST_POSTGRES for the command, and on exit stops the
# server and removes the directory. The command's exit status is the script's.
set -euo pipefail

find_pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

PGBIN=$(find_pgbin)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "with-postgres: installing Debian's postgresql" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  PGBIN=$(find_pgbin)
fi

as_owner() {
  # PostgreSQL refuses to run as root: the Debian package's postgres user runs it.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

DIR=$(mktemp -d /tmp/saydo-pg.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cleanup() {
  as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT

as_owner "$PGBIN/initdb" -D "$DIR/data" -U saydo --auth=trust -E UTF8 >/dev/null
as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
export SAYDO_TEST_POSTGRES="postgresql+psycopg://saydo@127.0.0.1:$PORT/postgres"
echo "with-postgres: throwaway server on 127.0.0.1:$PORT" >&2

set +e
"$@"
status=$?
set -e
exit $status
