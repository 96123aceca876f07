#!/usr/bin/env bash
# Makes sure `nvim` is on PATH, for the real-editor LSP test (test/lsp/neovim.test.ts).
# Installs the Debian package `neovim` with apt-get when it is missing.
# Exit codes: 0 nvim is available, 3 it is missing and apt-get cannot install it here.
set -euo pipefail

if command -v nvim >/dev/null 2>&1; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-neovim: nvim is missing and apt-get is not available" >&2
  exit 3
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "ensure-neovim: nvim is missing and installing it needs root (no passwordless sudo)" >&2
    exit 3
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends neovim

command -v nvim >/dev/null 2>&1
