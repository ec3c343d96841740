#!/usr/bin/env bash
# Installs the real VS Code extension host used by the extension tests and `npm start`:
# code-server 4.100.3 (= VS Code 1.100.3, the last release on Node 20) plus Debian Chromium and
# playwright-core, into a git-ignored folder. Only apt and the npm registry are needed. Idempotent.
set -euo pipefail
DIR="$(realpath -m "${1:-.vscode-host}")"
CS_VERSION=4.100.3
PW_VERSION=1.65.1
if [ -x "$DIR/node_modules/.bin/code-server" ] && [ -f "$DIR/.ok-$CS_VERSION" ]; then
  echo "setup-vscode-host: VS Code host already in $DIR"; exit 0
fi
echo "setup-vscode-host: installing code-server $CS_VERSION + Chromium into $DIR (about a minute)"
bash "$(dirname "$0")/apt-install.sh" chromium libkrb5-dev ripgrep

# @vscode/ripgrep (inside VS Code) downloads rg from GitHub in postinstall; it first looks in this
# cache, so seed it with Debian's rg.
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
if [ ! -s "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ]; then
  stage="$(mktemp -d)"; cp /usr/bin/rg "$stage/rg"
  tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$stage" rg; rm -rf "$stage"
fi

mkdir -p "$DIR"; cd "$DIR"
[ -f package.json ] || echo '{"name":"vscode-host","private":true,"allowScripts":{"code-server":true,"argon2":true}}' > package.json
# Root installs need unsafe_perm; node-pty's postinstall runs npx (yes=true); native modules build
# against the system Node headers because nodejs.org is unreachable.
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr
npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" "playwright-core@$PW_VERSION"
touch "$DIR/.ok-$CS_VERSION"
echo "setup-vscode-host: ready ($DIR)"
