#!/usr/bin/env bash
# Installs what is missing, then serves the app on http://127.0.0.1:8080 with the local sandbox API
# on http://127.0.0.1:8081 (global key: sandbox-global-key; Evolution 1.8.2, or 2.3.6 with
# SANDBOX_ARGS='--api-version 2'). Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
NEED_BROWSER=0 bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
SANDBOX_PORT="${SANDBOX_PORT:-8081}"
SANDBOX_KEY="${SANDBOX_KEY:-sandbox-global-key}"

cargo build -p evo-sandbox
# SANDBOX_ARGS adds sandbox flags, e.g. SANDBOX_ARGS='--api-version 2' for a 2.3.6 server.
# shellcheck disable=SC2086
target/debug/evo-sandbox --port "$SANDBOX_PORT" --key "$SANDBOX_KEY" ${SANDBOX_ARGS:-} &
sandbox_pid=$!
trap 'kill "$sandbox_pid" 2>/dev/null || true' EXIT INT TERM

cat <<MSG

  App:          http://127.0.0.1:8080/
  Sandbox API:  http://127.0.0.1:${SANDBOX_PORT}   (global API key: ${SANDBOX_KEY})

MSG
trunk --skip-version-check serve --address 127.0.0.1 --port 8080
