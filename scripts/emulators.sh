#!/usr/bin/env bash
# Starts or stops the AWS wire-protocol emulators the tests use, on loopback only:
#   fauxqs (S3 and SQS) on 127.0.0.1:${FLICK_FAUXQS_PORT:-4566}
#   dynalite (DynamoDB) on 127.0.0.1:${FLICK_DYNALITE_PORT:-4567}
# Usage: scripts/emulators.sh start|stop     (needs `npm ci` first)
# Tests find them through FLICK_TEST_AWS_ENDPOINT and FLICK_TEST_DYNAMODB_ENDPOINT.
set -euo pipefail
cd "$(dirname "$0")/.."
state=.data/emulators
mkdir -p "$state"
fauxqs_port=${FLICK_FAUXQS_PORT:-4566}
dynalite_port=${FLICK_DYNALITE_PORT:-4567}

wait_for_port() {
  local port=$1 name=$2
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "error: $name did not start on 127.0.0.1:$port (see $state/$name.log)" >&2
  return 1
}

stop_one() {
  local name=$1
  if [[ -f "$state/$name.pid" ]]; then
    kill "$(cat "$state/$name.pid")" 2>/dev/null || true
    rm -f "$state/$name.pid"
  fi
}

case "${1:-}" in
  start)
    stop_one fauxqs; stop_one dynalite
    FAUXQS_PORT=$fauxqs_port node scripts/emulators/fauxqs.mjs >"$state/fauxqs.log" 2>&1 &
    echo $! >"$state/fauxqs.pid"
    node node_modules/dynalite/cli.js --host 127.0.0.1 --port "$dynalite_port" >"$state/dynalite.log" 2>&1 &
    echo $! >"$state/dynalite.pid"
    wait_for_port "$fauxqs_port" fauxqs
    wait_for_port "$dynalite_port" dynalite
    echo "export FLICK_TEST_AWS_ENDPOINT=http://127.0.0.1:$fauxqs_port FLICK_TEST_DYNAMODB_ENDPOINT=http://127.0.0.1:$dynalite_port"
    ;;
  stop)
    stop_one fauxqs; stop_one dynalite
    ;;
  *)
    echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
