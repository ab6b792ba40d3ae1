#!/usr/bin/env bash
# Synthesizes Flick's CloudFormation templates into cdk/cdk.out without an AWS account: a dummy account
# and region, no version check, no notices, and a placeholder Lambda package when
# artifacts/lambda/flick-bootstrap-arm64.zip has not been built (the templates are the same but for its asset).
#   ./scripts/synth.sh [stage]        (default stage: dev; extra CDK context with FLICK_CDK_CONTEXT="-c k=v ...")
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
stage="${1:-dev}"

for tool in node npm dotnet; do
  command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool is required (node and npm for the CDK CLI, dotnet for the app)" >&2; exit 2; }
done
if [[ ! -x "$root/node_modules/.bin/cdk" ]]; then
  echo "== npm ci (the CDK CLI pinned in package-lock.json)"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi

export CDK_DEFAULT_ACCOUNT="${CDK_DEFAULT_ACCOUNT:-123456789012}"
export CDK_DEFAULT_REGION="${CDK_DEFAULT_REGION:-us-east-1}"
export CDK_DISABLE_VERSION_CHECK=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

cd "$root/cdk"
# shellcheck disable=SC2086 # FLICK_CDK_CONTEXT is a list of arguments on purpose
"$root/node_modules/.bin/cdk" synth --no-notices --quiet -c "stage=$stage" -c allowPlaceholderPackage=true ${FLICK_CDK_CONTEXT:-}
echo "== templates in cdk/cdk.out:"
ls -1 "$root/cdk/cdk.out"/*.template.json
