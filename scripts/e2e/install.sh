#!/usr/bin/env bash
# Installs what the real-VS-Code end-to-end test needs, from Debian apt and the npm registry
# only (no browser or binary downloads), and skips whatever is already there:
#   - apt: chromium (headless browser driven by playwright-core), ripgrep (VS Code search), and
#     the tool chain code-server's native modules build with (build-essential, python3,
#     pkg-config, libkrb5-dev)
#   - code-server 4.100.3 (VS Code 1.100.3 for the browser; the last line that runs on Node 20)
#     under ${AMLINT_E2E_CACHE:-$HOME/.cache/amlint-e2e}/code-server-4.100.3, outside the repo.
# Follows ../shared/recipes/vscode-e2e (install-code-server.sh) and its pitfalls.
set -euo pipefail

CS_VERSION=4.100.3
CACHE=${AMLINT_E2E_CACHE:-$HOME/.cache/amlint-e2e}
DEST="$CACHE/code-server-$CS_VERSION"
ENTRY="$DEST/node_modules/code-server/out/node/entry.js"
log() { printf '[e2e install] %s\n' "$*"; }
# code-server writes ~/.config/code-server/config.yaml (a random password) and ~/.local/share on
# any start, even --version: keep that inside the cache folder.
export XDG_CONFIG_HOME="$CACHE/xdg-config" XDG_DATA_HOME="$CACHE/xdg-data"

# --- apt packages ------------------------------------------------------------------------------
APT_PKGS=(chromium ripgrep build-essential python3 pkg-config libkrb5-dev fonts-liberation curl ca-certificates)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install.sh: need root (or sudo) to apt-get install: ${missing[*]}" >&2; exit 1; }
    SUDO=(sudo)
  fi
  log "apt-get install ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  # --no-install-recommends: with recommends chromium also pulls systemd upgrades, avahi, cups...
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${APT_PKGS[@]}" >/dev/null
else
  log "apt packages present"
fi
[ -x /usr/bin/chromium ] || { echo "install.sh: /usr/bin/chromium missing after apt-get" >&2; exit 1; }

# --- code-server -------------------------------------------------------------------------------
mkdir -p "$CACHE"
exec 9>"$CACHE/.install.lock"
flock 9   # one install at a time per cache folder

if [ -f "$DEST/.amlint-installed" ] && node "$ENTRY" --version >/dev/null 2>&1; then
  log "code-server $CS_VERSION present in $DEST"
  exit 0
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" = 20 ] || { echo "install.sh: code-server $CS_VERSION needs Node 20, this is $(node --version)" >&2; exit 1; }

log "installing code-server $CS_VERSION into $DEST (about 1-2 minutes: native modules are built)"
rm -rf "$DEST"
mkdir -p "$DEST/tmp"
cd "$DEST"
npm init -y >/dev/null
# @vscode/ripgrep's postinstall downloads rg from GitHub unless this cache file exists; it then
# just untars it. Debian's rg works there.
C="$DEST/tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$C/stage"
cp "$(command -v rg)" "$C/stage/rg"
tar -C "$C/stage" -czf "$C/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg
rm -rf "$C/stage"
# TMPDIR: where that cache is looked up. npm_config_yes: node-pty's postinstall runs npx node-gyp.
# --unsafe-perm: code-server's postinstall refuses to run as root without it. argon2's GitHub
# prebuild download fails and it builds from source (build-essential, python3).
TMPDIR="$DEST/tmp" npm_config_yes=true npm install "code-server@$CS_VERSION" --unsafe-perm --no-audit --no-fund --loglevel=error
test -x node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg
test -f node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node
node "$ENTRY" --version | head -1
touch "$DEST/.amlint-installed"
log "code-server installed"
