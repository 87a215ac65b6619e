#!/usr/bin/env bash
# `npm start`: installs what the demo needs (npm deps, the lab's Debian tools, code-server 4.100.3), builds
# and packages the extension, then runs scripts/demo/startDemo.ts (lab + code-server + demo workspace).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node-deps.sh
bash scripts/install-lab-deps.sh
echo "==> installing code-server 4.100.3 into .tools/ (first run only)"
bash scripts/vscode/install-code-server.sh
echo "==> building and packaging the extension"
rm -f image-trust-*.vsix
npm run --silent package >/dev/null
exec node --import tsx scripts/demo/startDemo.ts
