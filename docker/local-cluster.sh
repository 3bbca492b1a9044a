#!/usr/bin/env bash
# Two Tunesmith nodes and HAProxy on one machine (the README's "Scale-out" recipe):
#   docker/local-cluster.sh start [NODES]   nodes on 127.0.0.1:18501.., Hazelcast on 18601.., HAProxy on 127.0.0.1:18500
#   docker/local-cluster.sh stop
# NODES is 1 or 2 (default 2; with 1, HAProxy's second backend stays down and the node runs clustered alone).
# Uses TUNESMITH_DB_URL (default: the tunesmith database on 127.0.0.1) and needs TUNESMITH_JWT_SECRET shared by the nodes
# (a fixed development value is used when unset). Logs and pids go to ${TUNESMITH_CLUSTER_DIR:-/tmp/tunesmith-cluster}.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DIR="${TUNESMITH_CLUSTER_DIR:-/tmp/tunesmith-cluster}"
mkdir -p "$DIR"
export TUNESMITH_JWT_SECRET="${TUNESMITH_JWT_SECRET:-local-cluster-secret-0123456789abcdefghij}"
export TUNESMITH_DB_URL="${TUNESMITH_DB_URL:-postgresql://tunesmith:tunesmith@127.0.0.1:5432/tunesmith}"
MEMBERS="127.0.0.1:18601,127.0.0.1:18602"

stop() {
  for f in "$DIR"/*.pid; do
    [ -f "$f" ] || continue
    kill "$(cat "$f")" 2>/dev/null || true
    rm -f "$f"
  done
}

wait_healthy() { # $1 = port
  for _ in $(seq 1 300); do
    if curl -fsS "http://127.0.0.1:$1/health" 2>/dev/null | grep -q '"recommender":"UP"'; then return 0; fi
    sleep 1
  done
  echo "node on port $1 did not become healthy; see $DIR" >&2; return 1
}

case "${1:-start}" in
  start)
    n="${2:-2}"
    ./tunesmith setup >/dev/null
    for i in $(seq 1 "$n"); do
      PORT="1850$i" TUNESMITH_HOST=127.0.0.1 TUNESMITH_CLUSTER_MEMBERS="$MEMBERS" TUNESMITH_CLUSTER_PORT="1860$i" \
        TUNESMITH_CLUSTER_HOST=127.0.0.1 TUNESMITH_JAVA_OPTS="${TUNESMITH_JAVA_OPTS:--Xmx2g}" \
        nohup ./tunesmith run > "$DIR/node$i.log" 2>&1 &
      echo $! > "$DIR/node$i.pid"
      wait_healthy "1850$i"   # one at a time: the first migrates and seeds, the next joins
      echo "node $i up on http://127.0.0.1:1850$i"
    done
    TUNESMITH_NODE1=127.0.0.1:18501 TUNESMITH_NODE2=127.0.0.1:18502 TUNESMITH_LB_BIND=127.0.0.1:18500 \
      nohup haproxy -f docker/haproxy.cfg > "$DIR/haproxy.log" 2>&1 &
    echo $! > "$DIR/haproxy.pid"
    sleep 1
    echo "HAProxy on http://127.0.0.1:18500 -> $(curl -fsS http://127.0.0.1:18500/health)"
    ;;
  stop) stop ;;
  *) echo "usage: $0 start [1|2] | stop" >&2; exit 2 ;;
esac
