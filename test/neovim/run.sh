#!/usr/bin/env bash
# `npm run test:neovim` (part of `npm test`): Dunmark's language server in Neovim's own LSP client,
# headless (test/neovim/lsp.lua). Installs Debian's neovim when it is missing (root, or sudo), builds
# when dist/ is missing, and runs the script on copies of two example letters.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
if ! command -v nvim >/dev/null; then
  SUDO=; [[ $(id -u) != 0 ]] && SUDO=sudo
  echo "[neovim] apt-get install neovim"
  $SUDO apt-get install -y neovim >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y neovim >/dev/null; }
fi
[[ -f dist/cli.mjs ]] || node esbuild.config.mjs
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp examples/with-mistakes.md examples/reminder-en.md examples/.dunmarkrc.json "$work/"
echo "[neovim] $(nvim --version | head -1)"
DUNMARK_ROOT="$PWD" DUNMARK_WORK="$work" timeout 300 nvim --headless --clean -c 'luafile test/neovim/lsp.lua'
