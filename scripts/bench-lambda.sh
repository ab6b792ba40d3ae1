#!/usr/bin/env bash
# Lambda bootstrap benchmark (not a test):
#   1. start-up: the bootstrap (src/Flick.Lambda) published for linux-x64, Release, twice — Native AOT and
#      framework-dependent (JIT) — each started RUNS times against a loopback Runtime API
#      (bench/Flick.LambdaBench); the time from process start to the first response posted, for the
#      Background Starter answering an SQS batch of one poison message (no AWS call);
#   2. memory: the AOT bootstrap's peak RSS handling one slot of CHANNELS channels (Background Starter,
#      then Viewers) against the S3 and DynamoDB emulators named by FLICK_TEST_AWS_ENDPOINT and
#      FLICK_TEST_DYNAMODB_ENDPOINT, or, when those are unset, fauxqs and dynalite started here on
#      127.0.0.1:${FLICK_BENCH_FAUXQS_PORT:-24566} and :${FLICK_BENCH_DYNALITE_PORT:-24567} (needs `npm ci`) and stopped after.
# Usage: scripts/bench-lambda.sh [runs=20] [channels=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
channels=${2:-10000}
dir=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$dir"
}
trap cleanup EXIT
# The framework-dependent bootstrap finds the runtime next to the dotnet in use.
DOTNET_ROOT=${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}
export DOTNET_ROOT

echo "== publish (linux-x64, Release): Native AOT and framework-dependent"
dotnet publish src/Flick.Lambda -c Release -r linux-x64 -o "$dir/aot" --nologo -v quiet >/dev/null
dotnet publish src/Flick.Lambda -c Release -r linux-x64 --self-contained false -p:PublishAot=false \
  -o "$dir/jit" --nologo -v quiet >/dev/null
dotnet build bench/Flick.LambdaBench -c Release --nologo -v quiet >/dev/null
bench=bench/Flick.LambdaBench/bin/Release/net10.0/Flick.LambdaBench.dll
echo "aot bootstrap: $(du -h "$dir/aot/bootstrap" | cut -f1)"

echo "== start-up: process start -> first response posted ($runs runs each, after one unmeasured run)"
dotnet "$bench" start start-aot "$dir/aot/bootstrap" "$runs"
dotnet "$bench" start start-jit "$dir/jit/bootstrap" "$runs"

echo "== peak memory of one slot of $channels channels (AOT)"
if [[ -z "${FLICK_TEST_AWS_ENDPOINT:-}" || -z "${FLICK_TEST_DYNAMODB_ENDPOINT:-}" ]]; then
  [[ -d node_modules/dynalite ]] || { echo "error: no emulators: set FLICK_TEST_AWS_ENDPOINT and FLICK_TEST_DYNAMODB_ENDPOINT, or run npm ci" >&2; exit 2; }
  fauxqs_port=${FLICK_BENCH_FAUXQS_PORT:-24566}
  dynalite_port=${FLICK_BENCH_DYNALITE_PORT:-24567}
  FAUXQS_PORT=$fauxqs_port node scripts/emulators/fauxqs.mjs >"$dir/fauxqs.log" 2>&1 &
  pids+=($!)
  node node_modules/dynalite/cli.js --host 127.0.0.1 --port "$dynalite_port" >"$dir/dynalite.log" 2>&1 &
  pids+=($!)
  for port in "$fauxqs_port" "$dynalite_port"; do
    for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  done
  export FLICK_TEST_AWS_ENDPOINT=http://127.0.0.1:$fauxqs_port FLICK_TEST_DYNAMODB_ENDPOINT=http://127.0.0.1:$dynalite_port
fi
dotnet "$bench" slot-memory "$dir/aot/bootstrap" "$channels"
