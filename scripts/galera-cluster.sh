#!/usr/bin/env bash
# A 3-node MariaDB Galera cluster on loopback, for trying licensebot against Galera (issue 21):
#   scripts/galera-cluster.sh start          bootstraps node 1 (--wsrep-new-cluster), joins 2 and 3
#   scripts/galera-cluster.sh stop           stops every node (SIGTERM, then waits)
#   scripts/galera-cluster.sh kill N         SIGKILLs node N (1-3), as a crash would
#   scripts/galera-cluster.sh start-node N   starts node N again; it rejoins (IST or rsync SST)
#   scripts/galera-cluster.sh status         each node's wsrep state and cluster size
# Node N: SQL on 127.0.0.1:331N, group communication 127.0.0.1:456(6+N), IST 127.0.0.1:457(6+N),
# rsync SST 127.0.0.1:444(3+N); data in $GALERA_DIR/nodeN (default /tmp/licensebot-galera).
# root has no password; the database "licensebot" is created at start. Needs Debian's
# mariadb-server (galera-4 and rsync come with it). Never touches the MariaDB on 3306.
set -euo pipefail

DIR=${GALERA_DIR:-/tmp/licensebot-galera}
PROVIDER=/usr/lib/galera/libgalera_smm.so
MARIADBD=/usr/sbin/mariadbd
# The rsync SST daemon runs as the server's user, which must own the data dirs: Debian's mysql.
RUN_AS=$(id -u mysql >/dev/null 2>&1 && echo mysql || id -un)
CLUSTER=gcomm://127.0.0.1:4567,127.0.0.1:4568,127.0.0.1:4569

log() { printf 'galera-cluster: %s\n' "$*" >&2; }
sql_port() { echo $((3310 + $1)); }
node_dir() { echo "$DIR/node$1"; }
pid_of() { cat "$(node_dir "$1")/node.pid" 2>/dev/null || true; }
alive() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
sql() { mariadb --connect-timeout=2 -h127.0.0.1 -P"$(sql_port "$1")" -uroot -N -B -e "$2"; }

require() {
  [ -x "$MARIADBD" ] || { log "$MARIADBD is missing: apt-get install mariadb-server"; exit 1; }
  [ -e "$PROVIDER" ] || { log "$PROVIDER is missing: apt-get install galera-4"; exit 1; }
  command -v rsync >/dev/null || { log "rsync is missing: apt-get install rsync"; exit 1; }
}

init_node() {
  local n=$1 d
  d=$(node_dir "$n")
  if [ ! -d "$d/data/mysql" ]; then
    mkdir -p "$d"
    chown "$RUN_AS" "$d"
    mariadb-install-db --no-defaults --datadir="$d/data" --user="$RUN_AS" --auth-root-authentication-method=normal \
      --skip-test-db >"$d/install.log" 2>&1 || { log "mariadb-install-db failed for node $n: see $d/install.log"; exit 1; }
  fi
}

start_node() {
  local n=$1 bootstrap=${2:-} d
  d=$(node_dir "$n")
  if alive "$n"; then log "node $n already runs"; return; fi
  init_node "$n"
  local extra=()
  [ "$bootstrap" = new ] && extra+=(--wsrep-new-cluster)
  # A node killed while it was the only one left must be told it may bootstrap again.
  [ "$bootstrap" = new ] && [ -f "$d/data/grastate.dat" ] && sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$d/data/grastate.dat"
  setsid "$MARIADBD" --no-defaults --datadir="$d/data" --user="$RUN_AS" --bind-address=127.0.0.1 \
    --port="$(sql_port "$n")" --socket="$d/mariadbd.sock" --pid-file="$d/mariadbd.pid" --skip-name-resolve \
    --innodb-buffer-pool-size=64M --max-connections=300 --log-error="$d/mariadbd.err" \
    --binlog-format=ROW --default-storage-engine=InnoDB --innodb-autoinc-lock-mode=2 \
    --wsrep-on=ON --wsrep-provider="$PROVIDER" --wsrep-cluster-name=licensebot-test \
    --wsrep-cluster-address="$CLUSTER" --wsrep-node-name="node$n" --wsrep-node-address="127.0.0.1:$((4566 + n))" \
    --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$((4566 + n));ist.recv_addr=127.0.0.1:$((4576 + n))" \
    --wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:$((4443 + n))" \
    "${extra[@]}" >"$d/mariadbd.out" 2>&1 < /dev/null &
  echo $! >"$d/node.pid"
  wait_synced "$n"
}

wait_synced() {
  local n=$1 i
  for i in $(seq 1 240); do
    alive "$n" || { log "node $n exited: see $(node_dir "$n")/mariadbd.err"; exit 1; }
    if [ "$(sql "$n" "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2)" = Synced ]; then
      log "node $n synced (SQL port $(sql_port "$n"))"
      return
    fi
    sleep 0.5
  done
  log "node $n did not reach Synced in 120 s: see $(node_dir "$n")/mariadbd.err"
  exit 1
}

stop_node() {
  local n=$1 signal=${2:-TERM} pid i
  pid=$(pid_of "$n")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -"$signal" "$pid"
  for i in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || { log "node $n stopped ($signal)"; return; }; sleep 0.5; done
  log "node $n did not stop in 60 s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true
}

case "${1:-}" in
  start)
    require
    start_node 1 new
    start_node 2
    start_node 3
    sql 1 "CREATE DATABASE IF NOT EXISTS licensebot CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    log "cluster size $(sql 1 "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2)"
    ;;
  stop) for n in 3 2 1; do stop_node "$n"; done ;;
  kill) stop_node "${2:?node 1-3}" KILL ;;
  start-node) require; start_node "${2:?node 1-3}" ;;
  status)
    for n in 1 2 3; do
      if alive "$n"; then
        echo "node $n: $(sql "$n" "SHOW STATUS WHERE Variable_name IN ('wsrep_local_state_comment','wsrep_cluster_size')" 2>/dev/null | tr '\n\t' ' =')"
      else echo "node $n: down"; fi
    done ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
