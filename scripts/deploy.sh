#!/usr/bin/env bash
# Deploys all of Flick to the AWS account of the current credentials:
#   ./scripts/deploy.sh <stage> [extra cdk arguments, e.g. -c sources=twitch,kick -c alarmEmail=ops@example.com]
# Checks every prerequisite first and names what is missing; builds the Lambda package if it is not
# there; bootstraps the account/region for the CDK once; then deploys the four stacks.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

source "$root/scripts/cdk-prerequisites.sh"
read_stage "$0" "$@"; shift
check_prerequisites deploy

zip="$root/artifacts/lambda/flick-bootstrap-arm64.zip"
if [[ ! -f "$zip" ]]; then
  echo "== $zip is missing: building it"
  "$root/scripts/build.sh" --arch arm64
fi

export CDK_DEFAULT_ACCOUNT="$account" CDK_DEFAULT_REGION="$region" CDK_DISABLE_VERSION_CHECK=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cd "$root/cdk"
echo "== cdk bootstrap aws://$account/$region (once per account and region; does nothing when done)"
"$root/node_modules/.bin/cdk" bootstrap --no-notices "aws://$account/$region"
echo "== cdk deploy --all (stage $stage)"
"$root/node_modules/.bin/cdk" deploy --all --no-notices --require-approval never -c "stage=$stage" "$@"

echo "== deployed. The API's address is the ApiServiceServiceURL output of Flick-$stage-Api."
echo "   Put each source's token (a SecureString) before the first pull, e.g.:"
echo "   aws ssm put-parameter --type SecureString --name /flick/$stage/sources/twitch/token --value '<token>'"
echo "   aws ssm put-parameter --overwrite --type String --name /flick/$stage/sources/twitch/client-id --value '<client id>'"
