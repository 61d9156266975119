#!/usr/bin/env bash
# Installs (as root, from Debian's packages) and starts the services the tests need, on loopback ports,
# in a temporary directory. Source it: it exports MOORING_TEST_* variables and defines stop_services.
set -euo pipefail

MOORING_SERVICES_DIR="$(mktemp -d /tmp/mooring-services.XXXXXX)"
chmod 755 "$MOORING_SERVICES_DIR"
export MOORING_SERVICES_DIR

_log() { echo "[services] $*" >&2; }

install_packages() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  if [ ${#missing[@]} -eq 0 ]; then return 0; fi
  if [ "$(id -u)" != 0 ]; then
    _log "missing packages: ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
    return 1
  fi
  _log "installing ${missing[*]} from Debian's packages"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The Debian package starts a cluster of its own; we use a private one on another port.
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start_postgres() {
  local bin port data as=()
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  port="$(free_port)"
  data="$MOORING_SERVICES_DIR/pg"
  mkdir -p "$data"
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$data"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$data" -A trust -U postgres -E UTF8 >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=128MB" start >/dev/null
  export MOORING_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
  export MOORING_TEST_PG_BIN="$bin"
  MOORING_PG_STOP=("${as[@]}" "$bin/pg_ctl" -D "$data" -m fast -w stop)
  _log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

start_redis() {
  local port
  port="$(free_port)"
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$MOORING_SERVICES_DIR/redis.pid" --logfile "$MOORING_SERVICES_DIR/redis.log" >/dev/null
  for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  export MOORING_TEST_REDIS="127.0.0.1:$port"
  _log "Redis $(redis-server --version | awk '{print $3}') on 127.0.0.1:$port"
}

stop_services() {
  if [ -n "${MOORING_PG_STOP+x}" ]; then "${MOORING_PG_STOP[@]}" >/dev/null 2>&1 || true; fi
  if [ -f "$MOORING_SERVICES_DIR/redis.pid" ]; then kill "$(cat "$MOORING_SERVICES_DIR/redis.pid")" 2>/dev/null || true; fi
  rm -rf "$MOORING_SERVICES_DIR"
}

install_packages
start_postgres
start_redis
