#!/usr/bin/env bash
# Starts or stops a Redis server for the API tests, on loopback only, with no persistence:
#   127.0.0.1:${FLICK_REDIS_PORT:-6390}, pid file and log under .data/redis
# Usage: scripts/redis.sh start|stop|restart     (installs Debian's redis-server when missing)
# `start` prints the line to eval: tests find the server through FLICK_TEST_REDIS.
set -euo pipefail
cd "$(dirname "$0")/.."
state=$PWD/.data/redis
mkdir -p "$state"
port=${FLICK_REDIS_PORT:-6390}

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

ensure_installed() {
  if ! command -v redis-server >/dev/null; then
    as_root apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >&2
  fi
}

wait_for_port() {
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "error: redis-server did not start on 127.0.0.1:$port (see $state/redis.log)" >&2
  return 1
}

stop() {
  if [[ -f "$state/redis.pid" ]]; then
    local pid
    pid=$(cat "$state/redis.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$state/redis.pid"
  fi
}

start() {
  ensure_installed
  stop
  # No RDB snapshots, no AOF: a test server keeps nothing across restarts.
  redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --protected-mode yes \
    --daemonize yes --pidfile "$state/redis.pid" --logfile "$state/redis.log" --dir "$state" >&2
  wait_for_port
  echo "export FLICK_TEST_REDIS=127.0.0.1:$port"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  *) echo "usage: $0 start|stop|restart" >&2; exit 2 ;;
esac
