#!/usr/bin/env bash
# Runs the real-VS-Code end-to-end test once, on a fresh code-server:
#   bash scripts/e2e/run.sh [EXTENSION.vsix]     (default: ./amlint-<version>.vsix, from `npm run package`)
# Needs scripts/e2e/install.sh first. Every run gets its own user-data, extensions, config and
# XDG folders and its own copy of the workspace fixture (test/e2e/workspace), installs the .vsix
# with --install-extension (offline), serves on a free 127.0.0.1 port, runs
# test/e2e/vscode.e2e.js (playwright-core + /usr/bin/chromium) and kills code-server's whole
# process group at the end. Screenshots: ${AMLINT_E2E_SHOTS:-$CACHE/shots/latest} (printed).
# Follows ../shared/recipes/vscode-e2e (run-e2e.sh) and its pitfalls.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
CS_VERSION=4.100.3
CACHE=${AMLINT_E2E_CACHE:-$HOME/.cache/amlint-e2e}
CS="$CACHE/code-server-$CS_VERSION/node_modules/code-server/out/node/entry.js"
VSIX=${1:-$REPO/$(node -p "const p=require('$REPO/package.json'); p.name + '-' + p.version").vsix}
SHOTS=${AMLINT_E2E_SHOTS:-$CACHE/shots/latest}

[ -f "$CS" ] || { echo "run.sh: code-server not found at $CS: run scripts/e2e/install.sh first" >&2; exit 1; }
[ -f "$VSIX" ] || { echo "run.sh: $VSIX not found: run npm run package first" >&2; exit 1; }
VSIX=$(cd "$(dirname "$VSIX")" && pwd)/$(basename "$VSIX")

RUN=$(mktemp -d "${TMPDIR:-/tmp}/amlint-e2e.XXXXXX")
mkdir -p "$RUN/ud/User" "$RUN/exts" "$RUN/xdg-data" "$RUN/xdg-config"
rm -rf "$SHOTS" && mkdir -p "$SHOTS"
# else code-server writes ~/.config/code-server/config.yaml and ~/.local/share/code-server
export XDG_DATA_HOME="$RUN/xdg-data" XDG_CONFIG_HOME="$RUN/xdg-config"
cp -r "$REPO/test/e2e/workspace" "$RUN/ws"

cat > "$RUN/ud/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none", "workbench.tips.enabled": false, "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false, "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false, "extensions.autoUpdate": false, "update.mode": "none",
  "git.enabled": false, "chat.disableAIFeatures": true, "workbench.editor.enablePreview": false,
  "files.autoSave": "off", "editor.hover.delay": 200, "editor.lightbulb.enabled": "on",
  "notebook.lineNumbers": "on"
}
JSON
PORT=${PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$RUN/config.yaml"
CSARGS=(--config "$RUN/config.yaml" --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts")

echo "[e2e] installing $(basename "$VSIX") into a fresh code-server $CS_VERSION"
node "$CS" "${CSARGS[@]}" --install-extension "$VSIX" 2>&1 | tee "$RUN/install.log"
grep -q 'was successfully installed' "$RUN/install.log" || { echo "run.sh: --install-extension failed" >&2; exit 1; }

setsid node "$CS" "${CSARGS[@]}" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override --ignore-last-opened > "$RUN/cs.log" 2>&1 &
CSPID=$!
rc=1
cleanup() {
  # extension hosts and file watchers outlive a closed browser tab: end the whole process group
  kill -TERM -- -"$CSPID" 2>/dev/null || true
  sleep 1
  kill -KILL -- -"$CSPID" 2>/dev/null || true
  if [ "$rc" -eq 0 ]; then
    rm -rf "$RUN"
  else
    echo "[e2e] code-server logs kept in $RUN (cs.log, ud/logs/)" >&2
    # the amlint output channel and the extension host log, for CI logs
    find "$RUN/ud/logs" \( -name '*amlint*.log' -o -name 'remoteexthost.log' \) 2>/dev/null | while read -r f; do
      echo "----- $f (last 60 lines)" >&2
      tail -n 60 "$f" >&2
    done
  fi
}
trap cleanup EXIT
for _ in $(seq 1 150); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" || { echo "run.sh: code-server did not come up" >&2; cat "$RUN/cs.log" >&2; exit 1; }

echo "[e2e] code-server on 127.0.0.1:$PORT, workspace $RUN/ws, screenshots in $SHOTS"
rc=0
# HOME: Chromium writes ~/.config/chromium/Crash Reports whatever XDG_CONFIG_HOME says
mkdir -p "$RUN/home"
HOME="$RUN/home" AMLINT_E2E_SHOTS="$SHOTS" node "$REPO/test/e2e/vscode.e2e.js" "$PORT" "$RUN/ws" || rc=$?
exit $rc
