#!/usr/bin/env bash
# The tests start their own redis-server processes (standalone, Sentinel, Cluster) on loopback
# ports, so they need the redis-server binary. Install it from Debian's packages when missing.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
echo "redis-server not found: installing Debian's redis-server package" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null
# Debian's package may start a system instance on 6379; the tests do not use it.
command -v redis-server >/dev/null
