#!/usr/bin/env bash
# Issue 21's database fault harness: licensebot against a 3-node Galera cluster on loopback and
# against a MariaDB of its own that is restarted under load. Not part of .ci/run (a few minutes).
#   scripts/fault-harness.sh [all|race|failover|restart]     (default all)
# race:     two licensebot nodes writing through two Galera nodes (3311, 3312), 32 clients racing
#           for the 10 licenses of one pool for 20 s.
# failover: one licensebot node on jdbc:mariadb:sequential://3311,3312,3313; the writer (node 1)
#           SIGKILLed at 5 s under 32 clients, started again at 12 s; 25 s in all.
# restart:  one licensebot node on a mariadbd of its own (port 3321, data in $OWN_DIR), stopped at
#           5 s under 32 clients and started again at 11 s (a 6 s outage); 20 s in all.
# Each run checks: no 5xx but 503 database_unavailable (with Retry-After), held never above the
# total and always equal to the open sessions, every acknowledged open and logout kept.
# Results: one table row a scenario in bench/target/fault-harness.md; logs beside it.
set -euo pipefail
cd "$(dirname "$0")/.."

OWN_PORT=3321
OWN_DIR=${OWN_DIR:-/tmp/licensebot-own-$OWN_PORT}
OUT=bench/target/fault-harness.md
JAR=bench/target/benchmarks.jar

log() { printf 'fault-harness: %s\n' "$*" >&2; }

own_start() {
  if [ ! -d "$OWN_DIR/data/mysql" ]; then
    mkdir -p "$OWN_DIR"
    mariadb-install-db --no-defaults --datadir="$OWN_DIR/data" --user=root --auth-root-authentication-method=normal \
      --skip-test-db >"$OWN_DIR/install.log" 2>&1
  fi
  setsid /usr/sbin/mariadbd --no-defaults --datadir="$OWN_DIR/data" --user=root --bind-address=127.0.0.1 \
    --port=$OWN_PORT --socket="$OWN_DIR/mariadbd.sock" --pid-file="$OWN_DIR/mariadbd.pid" --skip-name-resolve \
    --innodb-buffer-pool-size=64M --max-connections=300 --log-error="$OWN_DIR/mariadbd.err" </dev/null >/dev/null 2>&1 &
  echo $! >"$OWN_DIR/own.pid"
  for _ in $(seq 1 120); do
    mariadb --connect-timeout=1 -h127.0.0.1 -P$OWN_PORT -uroot -e 'SELECT 1' >/dev/null 2>&1 && {
      log "own mariadbd answers on $OWN_PORT"; return; }
    sleep 0.5
  done
  log "own mariadbd did not start: see $OWN_DIR/mariadbd.err"; exit 1
}

own_stop() {
  local pid
  pid=$(cat "$OWN_DIR/own.pid" 2>/dev/null || true)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid"
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || { log "own mariadbd stopped"; return; }; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
}

harness() {
  local name=$1; shift
  log "scenario: $name"
  local status=0
  java -Xmx1g -cp "$JAR" dev.licensebot.bench.fault.FaultHarness --name "$name" "$@" \
    >"bench/target/fault-harness-${name%% *}.log" 2>&1 || status=$?
  grep -E '^\| |^FAILED' "bench/target/fault-harness-${name%% *}.log" | tee -a "$OUT" || true
  [ "$status" -eq 0 ] || FAILED=1
}

race() {
  harness "race (2 nodes, 2 Galera writers)" --url jdbc:mariadb://127.0.0.1:3311/licensebot \
    --url jdbc:mariadb://127.0.0.1:3312/licensebot --clients 32 --total 10 --seconds 20
}

failover() {
  harness "failover (sequential, writer killed)" \
    --url "jdbc:mariadb:sequential://127.0.0.1:3311,127.0.0.1:3312,127.0.0.1:3313/licensebot" \
    --clients 32 --seconds 25 --fault "scripts/galera-cluster.sh kill 1" --fault-at 5 \
    --recover "scripts/galera-cluster.sh start-node 1" --recover-at 12
}

restart() {
  own_start
  mariadb -h127.0.0.1 -P$OWN_PORT -uroot -e 'CREATE DATABASE IF NOT EXISTS licensebot'
  harness "restart (own MariaDB, 6 s outage)" --url "jdbc:mariadb://127.0.0.1:$OWN_PORT/licensebot" \
    --clients 32 --seconds 20 --fault "scripts/fault-harness.sh own-stop" --fault-at 5 \
    --recover "scripts/fault-harness.sh own-start" --recover-at 11
}

case "${1:-all}" in
  own-start) own_start; exit ;;
  own-stop) own_stop; exit ;;
  all|race|failover|restart) ;;
  *) sed -n '2,16p' "$0"; exit 2 ;;
esac

FAILED=0
mvn -B -o -q -pl bench -am package -DskipTests
mkdir -p bench/target
{
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, MariaDB $(/usr/sbin/mariadbd --version | awk '{print $3}')"
  echo
  echo "| scenario | requests | 503 answers | lost answers | transactions run again | 409 pool full | max held / total | pool readings broken | acknowledged writes lost | 5xx but 503 |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} >"$OUT"
trap 'scripts/galera-cluster.sh stop || true; own_stop || true' EXIT
case "${1:-all}" in
  race|failover)
    scripts/galera-cluster.sh start
    "$1" ;;
  restart) restart ;;
  all)
    scripts/galera-cluster.sh start
    race
    failover
    scripts/galera-cluster.sh stop
    restart ;;
esac
cat "$OUT"
exit "$FAILED"
