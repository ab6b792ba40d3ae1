# Sourced by deploy.sh and destroy.sh: reads the stage argument, checks what deploying with the CDK
# needs, says every missing thing at once, and sets $account and $region from the current credentials.

# read_stage <script> <args...>: sets $stage from the first argument or exits 2 with the usage; the
# caller shifts it off.
read_stage() {
  local script="$1"; shift
  if [[ $# -lt 1 || "$1" == -* ]]; then
    echo "usage: $script <stage> [cdk arguments]   (stage: lower-case letters, digits and '-', e.g. dev or prod)" >&2
    exit 2
  fi
  stage="$1"
  [[ "$stage" =~ ^[a-z0-9][a-z0-9-]{0,20}$ ]] || { echo "error: stage '$stage' must match ^[a-z0-9][a-z0-9-]{0,20}\$" >&2; exit 2; }
}

check_prerequisites() {
  local action="$1" missing=()
  command -v aws >/dev/null 2>&1 || missing+=("the AWS CLI v2 (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html)")
  command -v node >/dev/null 2>&1 || missing+=("Node.js 18 or later (apt-get install nodejs npm): the CDK CLI runs on it")
  command -v dotnet >/dev/null 2>&1 || missing+=("the .NET SDK of global.json (https://dot.net): the CDK app is C#")
  if [[ "$action" == deploy ]]; then
    if ! command -v docker >/dev/null 2>&1; then
      missing+=("docker: the API image is built from the Dockerfile during deploy")
    elif ! docker info >/dev/null 2>&1; then
      missing+=("a running Docker daemon (docker info fails)")
    fi
  fi
  if [[ ! -x "$root/node_modules/.bin/cdk" ]]; then
    if command -v npm >/dev/null 2>&1; then
      echo "== npm ci (the CDK CLI pinned in package-lock.json)"
      (cd "$root" && npm ci --no-audit --no-fund --loglevel=error) || missing+=("node_modules: npm ci failed")
    else
      missing+=("npm, to install the pinned CDK CLI (npm ci)")
    fi
  fi
  account=""
  if command -v aws >/dev/null 2>&1; then
    account="$(aws sts get-caller-identity --query Account --output text 2>/dev/null || true)"
    [[ -n "$account" && "$account" != None ]] || missing+=("AWS credentials: 'aws sts get-caller-identity' fails (aws configure, aws sso login, or AWS_PROFILE)")
  fi
  region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"
  if [[ -z "$region" ]] && command -v aws >/dev/null 2>&1; then
    region="$(aws configure get region 2>/dev/null || true)"
  fi
  [[ -n "$region" ]] || missing+=("a region: set AWS_REGION or 'aws configure set region <region>'")

  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "error: cannot $action, missing:" >&2
    printf '  - %s\n' "${missing[@]}" >&2
    exit 1
  fi
  echo "== account $account, region $region"
}
