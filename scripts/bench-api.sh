#!/usr/bin/env bash
# Load test of the search API on loopback with wrk, 32 connections: a cached ranking request
# against a bare Kestrel endpoint returning the same bytes. Prints requests/s and p50/p99.
#   ./scripts/bench-api.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
command -v wrk >/dev/null || { as_root apt-get update -qq; as_root apt-get install -y -qq wrk; }

api=http://127.0.0.1:${FLICK_BENCH_API_PORT:-5390}
bare=http://127.0.0.1:${FLICK_BENCH_BARE_PORT:-5391}
path="/api/series/sim/rankings/channels/minute?limit=25"
data=$(mktemp -d)
log=$(mktemp)
dotnet run -c Release --file scripts/bench/BenchHost.cs -- "$data" "$api" "$bare" "$path" >"$log" 2>&1 &
pid=$!
# dotnet run starts the host as its child: stop both.
trap 'kill $(pgrep -P $pid) $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data" "$log"' EXIT

echo "== backfill of 60 minutes, 2000 channels, then the API on $api and bare Kestrel on $bare"
until grep -q '^READY' "$log"; do
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done
read -r _ token size < <(grep '^READY' "$log")
echo "   answer: $size bytes"

run() {
  local name=$1; shift
  local out
  out=$(wrk -t2 -c32 -d"${seconds}s" --latency "$@")
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%-28s %12s req/s   p50 %-9s p99 %-9s non-2xx %s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}"
}

echo "== wrk, 2 threads, 32 connections, ${seconds}s each"
run "API (cached ranking)" -H "Authorization: Bearer $token" "$api$path"
run "bare Kestrel, same bytes" "$bare${path%%\?*}"
