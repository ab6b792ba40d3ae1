#!/usr/bin/env bash
# Deletes a stage's stacks: ./scripts/destroy.sh <stage> [extra cdk arguments]
# The buckets, tables and user pool are retained (their data outlives the stacks): the script lists
# them at the end so that they can be emptied and deleted by hand if that is really wanted.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

source "$root/scripts/cdk-prerequisites.sh"
read_stage "$0" "$@"; shift
check_prerequisites destroy

export CDK_DEFAULT_ACCOUNT="$account" CDK_DEFAULT_REGION="$region" CDK_DISABLE_VERSION_CHECK=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cd "$root/cdk"
# Destroying needs the app to synthesize, not the real package: the placeholder is enough.
"$root/node_modules/.bin/cdk" destroy --all --force --no-notices -c "stage=$stage" -c allowPlaceholderPackage=true "$@"

echo "== retained (not deleted): the buckets and tables of Flick-$stage-Storage and the user pool flick-$stage-users:"
aws dynamodb list-tables --query "TableNames[?starts_with(@, 'flick-$stage-')]" --output text || true
aws s3api list-buckets --query "Buckets[?starts_with(Name, 'flick-$stage-storage')].Name" --output text || true
