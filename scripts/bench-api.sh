#!/usr/bin/env bash
# Load test of the search API on loopback with wrk, 32 connections, a viewer's token: the cached
# ranking (minute and window) and channel viewers requests, the same requests with the cache off
# (Flick__Api__Cache__Enabled=false), and a bare Kestrel endpoint returning the same bytes from
# memory (the limit), measured back to back in one run. Prints a table and, per measurement,
#   BENCH {"name":"api/<what>","rps":<n>,"p50_ms":<x>,"p99_ms":<y>}
# Usage: ./scripts/bench-api.sh [seconds per measurement, default 10]
#   FLICK_BENCH_PORT (base of three ports, default 5390), FLICK_BENCH_WRK_THREADS (default 1: wrk
#   shares the cores with the server, and one thread leaves it the most), FLICK_BENCH_CONNECTIONS (32),
#   FLICK_BENCH_API_REPEATS (3: bare and cached measured alternately this many times, median reported).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
repeats=${FLICK_BENCH_API_REPEATS:-3}
threads=${FLICK_BENCH_WRK_THREADS:-1}
connections=${FLICK_BENCH_CONNECTIONS:-32}
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
command -v wrk >/dev/null || { as_root apt-get update -qq; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }

port=${FLICK_BENCH_PORT:-5390}
cached=http://127.0.0.1:$port
uncached=http://127.0.0.1:$((port + 1))
bare=http://127.0.0.1:$((port + 2))
# The per-user and per-address limits are raised by configuration, as an operator would for a load
# test: nothing in the API is switched off for the measurement (the cache-off host only adds
# Flick:Api:Cache:Enabled=false to these settings).
export Flick__Api__RateLimits__PerUserPerMinute=1000000000
export Flick__Api__RateLimits__PerAddressPerMinute=1000000000
unset REDIS_URL

data=$(mktemp -d)
log=$(mktemp)
dotnet build -c Release -v q -nologo scripts/bench/BenchHost.cs >"$log" || { cat "$log"; exit 1; }
dotnet run -c Release --no-build --file scripts/bench/BenchHost.cs -- "$data" "$cached" "$uncached" "$bare" >"$log" 2>&1 &
pid=$!
# dotnet run starts the host as its child: stop both.
trap 'kill $(pgrep -P $pid) $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data" "$log"' EXIT

echo "== backfill of 60 minutes, 2000 channels; API cached on $cached, cache off on $uncached, bare Kestrel on $bare"
until grep -q '^READY' "$log"; do
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done
token=$(awk '/^READY/ {print $2}' "$log")
mapfile -t paths < <(grep '^PATH' "$log")

# wrk prints latencies as 812.00us, 1.20ms or 1.05s: in milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'; }

declare -A rps_of runs_of
# A request slower than the timeout counts as an error, not as a latency: the cache-off window
# ranking needs a long one to be measured at all on two shared cores.
wrk_run() { wrk -t"$threads" -c"$connections" --timeout 30s "$@"; }
# One measurement after a 2 s warm-up; appends "rps p50 p99 non-2xx timeouts completed" to runs_of[name].
measure_once() {
  local name=$1; shift
  wrk_run -d2s "$@" >/dev/null   # warm-up: connections, the answer in the cache
  local out rps p50 p99 errors timeouts completed
  out=$(wrk_run -d"${seconds}s" --latency "$@")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  timeouts=$(awk '/Socket errors/ {print $NF}' <<<"$out")
  completed=$(awk '/requests in/ {print $1}' <<<"$out")
  runs_of[$name]+="${rps:-0} ${p50:-0} ${p99:-0} ${errors:-0} ${timeouts:-0} ${completed:-0}"$'\n'
  printf '   %-29s %10s req/s   p50 %9s ms   p99 %9s ms\n' "$name" "$rps" "$p50" "$p99" >&2
}
# Reports the run with the median requests/s of a name's runs (with an even count, the lower middle).
report() {
  local name=$1 rps p50 p99 errors timeouts completed count
  count=$(grep -c . <<<"${runs_of[$name]}")
  read -r rps p50 p99 errors timeouts completed < <(grep . <<<"${runs_of[$name]}" | sort -g -k1,1 | sed -n "$(((count + 1) / 2))p")
  rps_of[$name]=$rps
  if [[ $completed == 0 ]]; then
    # Not one answer within the run: there is no latency to report.
    printf '%-32s no request completed in %ss\n' "$name" "$seconds" >&2
    printf 'BENCH {"name":"api/%s","rps":0,"p50_ms":null,"p99_ms":null}\n' "$name"
    return
  fi
  printf '%-32s %10s req/s   p50 %9s ms   p99 %9s ms   non-2xx %s   timeouts %s   (median of %s)\n' "$name" "$rps" "$p50" "$p99" "$errors" "$timeouts" "$count" >&2
  printf 'BENCH {"name":"api/%s","rps":%s,"p50_ms":%s,"p99_ms":%s,"runs":%s}\n' "$name" "$rps" "$p50" "$p99" "$count"
}

auth=(-H "Authorization: Bearer $token")
# JIT warm-up of both servers' request paths (tiered compilation needs a few seconds of calls),
# so that the first measured pair is not slower for being first.
for line in "${paths[@]}"; do
  read -r _ _ path _ <<<"$line"
  wrk_run -d3s "$bare$path" >/dev/null
  wrk_run -d3s "${auth[@]}" "$cached$path" >/dev/null
done

echo "== wrk, $threads thread(s), $connections connections, ${seconds}s each (after a 2 s warm-up), $repeats pairs per request" >&2
# Bare and cached alternate, $repeats times each, and each reports its median run: the machine's
# drift during a measurement then weighs on both sides alike. The cache-off runs come last, because
# the three servers share one process and the slow computations wrk leaves in flight would weigh
# on what follows.
for line in "${paths[@]}"; do
  read -r _ what path size <<<"$line"
  echo "-- $what: $path ($size bytes)" >&2
  for ((run = 1; run <= repeats; run++)); do
    measure_once "bare/$what" "$bare$path"
    measure_once "cached/$what" "${auth[@]}" "$cached$path"
  done
  report "bare/$what"
  report "cached/$what"
  awk -v c="${rps_of[cached/$what]}" -v b="${rps_of[bare/$what]}" -v w="$what" \
    'BEGIN { printf "   %s: cached = %.0f%% of bare\n", w, 100 * c / b }' >&2
done
echo "-- the same requests with the cache off" >&2
for line in "${paths[@]}"; do
  read -r _ what path _ <<<"$line"
  measure_once "cache-off/$what" "${auth[@]}" "$uncached$path"
  report "cache-off/$what"
done
