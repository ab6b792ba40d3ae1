#!/usr/bin/env bash
# Pipeline benchmark of the embedded runtime, with its peer in the same run:
#   1. Flick.Local --once over N channels x M minutes of the simulator (Release build): the summary's
#      observations/s and the process's peak RSS (GNU time);
#   2. DuckDB computing the same per-slot aggregates from the raw pages that run pulled (ingest
#      included, 2 threads), and a check that Flick's gold holds the same answers.
# It measures the pull over HTTP too; scripts/bench.sh is the harness that sets Flick (from raw
# pages, --import), DuckDB and the limit side by side on fixed data sets.
# Usage: scripts/bench-pipeline.sh [channels=10000] [minutes=60]
set -euo pipefail
cd "$(dirname "$0")/.."
channels=${1:-10000}
minutes=${2:-60}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
command -v /usr/bin/time >/dev/null || { echo "error: GNU time is needed (apt-get install time)" >&2; exit 2; }

dotnet build src/Flick.Local -c Release -v quiet --nologo >/dev/null
dotnet build bench/Flick.Benchmarks -c Release -v quiet --nologo >/dev/null

echo "== Flick.Local --once --channels $channels --minutes $minutes"
# The simulated source's rate limit is lifted: this measures the pipeline, not a token's 800 requests/minute.
/usr/bin/time -f "peak-rss=%M KB wall=%e s cpu=%P" -o "$dir/time.txt" \
  dotnet src/Flick.Local/bin/Release/net10.0/Flick.Local.dll --once --channels "$channels" --minutes "$minutes" \
  --end 2026-11-23T10:00Z --rate-limit 1000000 --data-dir "$dir/data" | tail -8
cat "$dir/time.txt"

echo "== DuckDB on the same raw pages"
/usr/bin/time -f "peak-rss=%M KB wall=%e s cpu=%P" -o "$dir/duck.txt" \
  dotnet bench/Flick.Benchmarks/bin/Release/net10.0/Flick.Benchmarks.dll duckdb "$dir/data/buckets/raw" "$dir/data" 2 "${channels}x${minutes}"
cat "$dir/duck.txt"
