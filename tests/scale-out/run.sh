#!/usr/bin/env bash
# The scale-out proof on one machine (issue 16, docs/scale-out.md): every service as its own process (two replicas of
# the gateway, crm and every process API), HAProxy as the load balancer (routing by readiness), real redis-server and PostgreSQL, load from wrk.
# Usage: tests/scale-out/run.sh [--no-build]      (APIPLATFORM_SCALEOUT_ORDERS=60 sets the orders of the kill phase)
# It starts its own redis-server and PostgreSQL cluster on loopback and stops everything it started by PID.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=$(mktemp -d /tmp/apiplatform-scaleout.XXXXXX)
pg_port=${APIPLATFORM_SCALEOUT_PG_PORT:-55532}
redis_port=${APIPLATFORM_SCALEOUT_REDIS_PORT:-56479}
log() { printf '[scale-out] %s\n' "$*"; }

cleanup() {
  if [ -f "$work/haproxy/haproxy.pid" ]; then kill "$(cat "$work/haproxy/haproxy.pid")" 2>/dev/null || true; fi
  if [ -f "$work/redis.pid" ]; then kill "$(cat "$work/redis.pid")" 2>/dev/null || true; fi
  if [ -f "$work/pgdata/postmaster.pid" ]; then kill "$(head -1 "$work/pgdata/postmaster.pid")" 2>/dev/null || true; fi
  sleep 1
  if [ "${APIPLATFORM_SCALEOUT_KEEP:-}" = "" ] && [ "${status:-1}" = 0 ]; then rm -rf "$work"; else log "kept $work (logs of every process in $work/logs)"; fi
}
trap cleanup EXIT

packages=()
command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || packages+=(haproxy)
command -v wrk >/dev/null || packages+=(wrk)
command -v redis-server >/dev/null || packages+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || packages+=(postgresql)
if [ ${#packages[@]} -gt 0 ]; then
  log "installing ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq "${packages[@]}" >/dev/null || { log "apt-get install failed"; exit 1; }
fi
export PATH="$PATH:/usr/sbin"

log "starting redis-server on 127.0.0.1:$redis_port"
redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
  --pidfile "$work/redis.pid" --logfile "$work/redis.log" || { log "redis-server did not start"; exit 1; }

log "starting a private PostgreSQL cluster on 127.0.0.1:$pg_port"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
mkdir -p "$work/pgdata" "$work/pgsock"
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home "$work" postgres
  chown -R postgres "$work/pgdata" "$work/pgsock"
  chmod 755 "$work"
  as_pg=(runuser -u postgres --)
else
  as_pg=()
fi
"${as_pg[@]}" "$pg_bin/initdb" -D "$work/pgdata" -U postgres --auth=trust >/dev/null || { log "initdb failed"; exit 1; }
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pgdata" -l "$work/pgsock/postgres.log" -w \
  -o "-p $pg_port -k $work/pgsock -c listen_addresses=127.0.0.1 -c max_connections=500 -c fsync=off" start >/dev/null \
  || { log "postgres did not start"; exit 1; }

if [ "${1:-}" != "--no-build" ]; then
  log "building (Release)"
  dotnet build ApiPlatform.sln -c Release >"$work/build.log" 2>&1 || { tail -40 "$work/build.log"; log "build failed"; exit 1; }
fi

export APIPLATFORM_SCALEOUT_REDIS="127.0.0.1:$redis_port"
export APIPLATFORM_SCALEOUT_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
export APIPLATFORM_SCALEOUT_REPOSITORY="$root"
export APIPLATFORM_SCALEOUT_WORK="$work"
dotnet "$root/tests/scale-out/ApiPlatform.ScaleOut/bin/Release/net10.0/ApiPlatform.ScaleOut.dll"
status=$?
exit $status
