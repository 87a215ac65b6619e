#!/usr/bin/env bash
# Installs the npm dependencies from package-lock.json when node_modules is missing or older than the lock.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> npm ci"
  npm ci --no-audit --no-fund
fi
