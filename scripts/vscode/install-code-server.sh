#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3 server + web workbench, the last release for Node 20) into
# .tools/code-server/ (git-ignored), never into the project's node_modules. Idempotent and quiet on success.
# Why each workaround is needed: vscode-test-harness.md "Installing code-server 4.100.3 as root".
set -euo pipefail

VERSION=4.100.3
RG_CACHE=vscode-ripgrep-cache-1.15.11
RG_TARBALL=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEST="$ROOT/.tools/code-server"
BIN="$DEST/node_modules/.bin/code-server"
LOG="$DEST/install.log"

installed_version() {
  node -p "require('$DEST/node_modules/code-server/package.json').version" 2>/dev/null || true
}
if [[ -x "$BIN" && "$(installed_version)" == "$VERSION" && -e "$DEST/node_modules/code-server/lib/vscode/node_modules.asar" ]]; then
  exit 0
fi

# chromium drives the workbench, ripgrep replaces @vscode/ripgrep's GitHub download, kerberos needs gssapi.h.
missing=()
for pkg in chromium ripgrep libkrb5-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]} > 0)); then
  SUDO=""
  [[ "$(id -u)" == 0 ]] || SUDO="sudo"
  apt_log="$(mktemp)"
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"; } >"$apt_log" 2>&1; then
    cat "$apt_log" >&2
    exit 1
  fi
  rm -f "$apt_log"
fi

rm -rf "$DEST"
mkdir -p "$DEST/tmp/$RG_CACHE"
# @vscode/ripgrep looks in $TMPDIR/<cache>/ before GitHub; Debian's rg is the same 13.0.0.
tar czf "$DEST/tmp/$RG_CACHE/$RG_TARBALL" -C "$(dirname "$(command -v rg)")" rg
printf '{ "name": "code-server-tool", "private": true }\n' >"$DEST/package.json"

# unsafe_perm: code-server's postinstall refuses root otherwise; yes: node-pty's `npx node-gyp` prompt.
if ! (cd "$DEST" && TMPDIR="$DEST/tmp" npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --no-audit --no-fund --foreground-scripts "code-server@$VERSION" >"$LOG" 2>&1); then
  tail -n 40 "$LOG" >&2
  echo "install-code-server: npm install failed, full log: $LOG" >&2
  exit 1
fi
rm -rf "$DEST/tmp"
if [[ "$(installed_version)" != "$VERSION" ]]; then
  echo "install-code-server: expected code-server $VERSION, found '$(installed_version)'" >&2
  exit 1
fi
