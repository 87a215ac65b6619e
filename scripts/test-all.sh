#!/usr/bin/env bash
# Runs every test of the project on a fresh Debian/Ubuntu machine with Node 20+.
# It installs what it needs itself (Debian packages for the trust lab and the browser, npm packages,
# code-server into the git-ignored .tools/), builds, checks types, lint and format, starts the real trust
# lab on 127.0.0.1, runs all tiers, and stops what it started.
# Order: the real-VS-Code tiers first, node's test runner last, so its summary closes the output.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash scripts/install-lab-deps.sh
bash scripts/ensure-node-deps.sh

echo "==> build, type-check, lint, format"
npm run --silent build
npm run --silent typecheck
npm run --silent lint
npm run --silent format:check

echo "==> trust lab"
export IMAGE_TRUST_LAB_DIR="$root/.lab/test"
npx tsx scripts/lab/cli.ts up
trap 'npx tsx scripts/lab/cli.ts down >/dev/null 2>&1 || true' EXIT

status=0
echo "==> extension tests in a real VS Code (code-server + chromium)"
npm run --silent test:e2e || status=1
npm run --silent test:e2e:restricted || status=1
echo "==> UI test on the packaged .vsix"
npm run --silent test:ui || status=1

echo "==> unit, language-server, CLI and trust tests"
node scripts/run-node-tests.mjs test/unit test/server test/cli test/trust || status=1
exit $status
