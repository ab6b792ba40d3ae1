#!/usr/bin/env bash
# Publishes the Lambda bootstrap (Native AOT, custom runtime provided.al2023) and zips it as the
# deployment package the infrastructure deploys: artifacts/lambda/flick-bootstrap-<arch>.zip, with
# the executable `bootstrap` at its root.
#   ./scripts/build.sh              linux-arm64 (Graviton), cross-compiled on an x64 machine
#   ./scripts/build.sh --arch x64   linux-x64
#   ./scripts/build.sh --api        the API service's image context instead (see build_api below)
set -euo pipefail

usage() {
  echo "usage: $0 [--arch arm64|x64] | --api"
}

# The API service (src/Flick.Api.Service, the Fargate container): publishes it the way the
# Dockerfile does (so a broken image build shows here, without Docker), packs the image's build
# context (the tracked files the Dockerfile copies) as artifacts/api/flick-api-context.tar.gz, and,
# where Docker is installed, builds the image flick-api:<commit>.
build_api() {
  local root out
  root="$(cd "$(dirname "$0")/.." && pwd)"
  out="$root/artifacts/api"
  command -v dotnet >/dev/null 2>&1 || { echo "error: dotnet is required (the .NET SDK named in global.json)" >&2; exit 1; }
  command -v git >/dev/null 2>&1 || { echo "error: git is required (the context is the repository's tracked files)" >&2; exit 1; }
  rm -rf "$out" && mkdir -p "$out"
  dotnet publish "$root/src/Flick.Api.Service/Flick.Api.Service.csproj" -c Release -o "$out/publish" --nologo -v quiet
  (cd "$root" && git ls-files -z -- Dockerfile .dockerignore Directory.Build.props Directory.Packages.props src \
    | tar --null -czf "$out/flick-api-context.tar.gz" --files-from=-)
  echo "API service published to artifacts/api/publish; image context: artifacts/api/flick-api-context.tar.gz ($(du -h "$out/flick-api-context.tar.gz" | cut -f1))"
  if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    local tag
    tag="flick-api:$(cd "$root" && git rev-parse --short HEAD)"
    docker build -t "$tag" - <"$out/flick-api-context.tar.gz"
    echo "image: $tag"
  else
    echo "no Docker engine here: the image itself is built by the CDK app on deploy (or: docker build - < artifacts/api/flick-api-context.tar.gz)"
  fi
}

arch=arm64
while [[ $# -gt 0 ]]; do
  case "$1" in
    --api) build_api; exit 0 ;;
    --arch) arch="${2:-}"; shift 2 || { usage >&2; exit 2; } ;;
    --arch=*) arch="${1#*=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "error: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

case "$arch" in
  arm64|x64) ;;
  *) echo "error: --arch must be arm64 or x64 (was '$arch')" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "$0")/.." && pwd)"
host="$(uname -m)"

# Native AOT links with clang (or gcc for a native build); a cross build to arm64 also needs lld and
# the arm64 C runtime and libraries. Collect everything that is missing, then say it once.
missing=()
need_command() { command -v "$1" >/dev/null 2>&1 || missing+=("$1: $2"); }
need_command dotnet "the .NET SDK named in global.json (https://dot.net)"
need_command zip "apt-get install zip"
need_command unzip "apt-get install unzip"
need_command objcopy "apt-get install binutils (strips the symbols out of the executable)"

cross=false
if [[ "$arch" == arm64 && "$host" != aarch64 && "$host" != arm64 ]]; then
  cross=true
  need_command clang "apt-get install clang"
  need_command ld.lld "apt-get install lld"
  need_command aarch64-linux-gnu-gcc "apt-get install gcc-aarch64-linux-gnu"
  [[ -e /usr/aarch64-linux-gnu/lib/libc.so ]] || missing+=("the arm64 C library: apt-get install libc6-dev-arm64-cross")
elif [[ "$arch" == x64 && "$host" != x86_64 ]]; then
  echo "error: building linux-x64 on a $host machine is not supported here; build it on x64" >&2
  exit 2
elif ! command -v clang >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then
  missing+=("clang or gcc: apt-get install clang")
fi

if [[ ${#missing[@]} -gt 0 ]]; then
  echo "error: missing prerequisites for the linux-$arch bootstrap:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi

publish="$(mktemp -d)"
trap 'rm -rf "$publish"' EXIT

args=(publish "$root/src/Flick.Lambda/Flick.Lambda.csproj" -c Release -r "linux-$arch" -o "$publish" --nologo)
if $cross; then
  # The arm64 sysroot of the cross packages lives under /usr; lld links for the foreign target.
  args+=(-p:SysRoot=/ -p:LinkerFlavor=lld)
fi

echo "== dotnet publish (Native AOT, linux-$arch)"
dotnet "${args[@]}"

out="$root/artifacts/lambda"
zipfile="$out/flick-bootstrap-$arch.zip"
mkdir -p "$out"
rm -f "$zipfile"
chmod 0755 "$publish/bootstrap"
# -X: no extra timestamps or uid/gid fields; the Unix mode (rwxr-xr-x) stays, as Lambda needs it.
(cd "$publish" && zip -X -q "$zipfile" bootstrap)

entries="$(unzip -Z1 "$zipfile")"
if [[ "$entries" != "bootstrap" ]]; then
  echo "error: $zipfile should hold exactly 'bootstrap', holds: $entries" >&2
  exit 1
fi

echo "== $zipfile ($(du -h "$zipfile" | cut -f1), bootstrap $(du -h "$publish/bootstrap" | cut -f1))"
unzip -Z "$zipfile" | sed -n '3p'
