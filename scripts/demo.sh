#!/usr/bin/env bash
# The main job, for a newcomer: installs the npm dependencies, builds, and runs `image-trust check` on the
# bundled IBM tutorial files in examples/. It prints one line per finding and exits 1 when the tutorial's
# pod would be denied, exactly as the admission controller would deny it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node-deps.sh
npm run --silent build
echo "==> image-trust check examples/"
set +e
node dist/cli.js check examples/
status=$?
set -e
echo "==> exit code $status (1 = at least one error, as in CI)"
