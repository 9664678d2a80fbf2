# Sourced by .ci/run and bench/run: start a throwaway PostgreSQL cluster as a
# non-root system user on 127.0.0.1 and export DATABASE_URL. Call pg_stop to end it.
set -euo pipefail

pg_start() {
  local port=${PGPORT_CI:-54329}
  if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    echo "Installing PostgreSQL (Debian package)…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  PGDATA=$(mktemp -d)/pgdata
  chmod 755 "$(dirname "$PGDATA")"  # mktemp makes it 700; the postgres user must reach pgdata
  export PGBIN PGDATA
  local runas=()
  if [ "$(id -u)" = 0 ]; then
    id -u postgres >/dev/null 2>&1 || useradd --system --user-group --no-create-home \
      --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    install -d -o postgres -g postgres -m 700 "$PGDATA"
    runas=(runuser -u postgres --)
  else
    install -d -m 700 "$PGDATA"
  fi
  PG_RUNAS="${runas[*]}"
  export PG_RUNAS
  "${runas[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  "${runas[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PGDATA -c fsync=off -c max_connections=300" >/dev/null
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres \
    -c "CREATE ROLE app LOGIN PASSWORD 'app' CREATEDB" -c "CREATE DATABASE app OWNER app" >/dev/null
  export DATABASE_URL="postgres://app:app@127.0.0.1:$port/app"
  export PGPORT_CI=$port
  echo "PostgreSQL ready on 127.0.0.1:$port"
}

pg_stop() {
  if [ -n "${PGDATA:-}" ] && [ -d "$PGDATA" ]; then
    $PG_RUNAS "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$(dirname "$PGDATA")"
  fi
}
