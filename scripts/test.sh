#!/usr/bin/env bash
# Runs Flick's tests on a fresh Debian machine: installs what they need, restores, builds, tests.
#   ./scripts/test.sh            everything
#   ./scripts/test.sh --fast     unit tests only (no end-to-end or process tests)
set -euo pipefail
cd "$(dirname "$0")/.."

filter=()
if [[ "${1:-}" == "--fast" ]]; then
  filter=(--filter "Category!=EndToEnd")
fi

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# Node.js runs asl-validator (the state machine file is checked in the suite).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  as_root apt-get update -qq
  as_root apt-get install -y -qq nodejs npm
fi
if ! command -v dotnet >/dev/null; then
  echo "error: the .NET 10 SDK is required (https://dot.net)" >&2
  exit 2
fi

echo "== npm ci"
npm ci --no-audit --no-fund --loglevel=error

echo "== emulators (fauxqs for S3 and SQS, dynalite for DynamoDB) on 127.0.0.1"
eval "$(./scripts/emulators.sh start)"
export FLICK_TEST_AWS_ENDPOINT FLICK_TEST_DYNAMODB_ENDPOINT

echo "== redis-server on 127.0.0.1 (API cache tests)"
eval "$(./scripts/redis.sh start)"
export FLICK_TEST_REDIS
trap './scripts/emulators.sh stop; ./scripts/redis.sh stop' EXIT

# Debian's Chromium runs the dashboard's browser tests (Playwright drives it; its own browsers are never downloaded).
if [[ ! -x /usr/bin/chromium ]]; then
  as_root apt-get update -qq
  as_root apt-get install -y -qq chromium
fi

echo "== dotnet build"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Flick.sln -c Release --nologo -v quiet

echo "== dotnet test"
log=$(mktemp)
set +e
dotnet test Flick.sln -c Release --no-build --nologo "${filter[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line over all test assemblies.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
