#!/usr/bin/env bash
# Installs every tool the app and its tests need, idempotently, from the package registries only.
# Safe to run again: each step is skipped when the right version is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.129   # must equal the wasm-bindgen version in Cargo.lock and Trunk.toml
WASM_SPLIT_VERSION=0.2.3       # wasm_split_cli_support: the splitter for leptos' wasm_split_helpers in Cargo.lock
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

log() { printf '[setup] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. the wasm target
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Debian's chromium + chromedriver (browser tests). Only when tests need them.
need_browser=${NEED_BROWSER:-1}
if [ "$need_browser" = 1 ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; }; then
  log "installing chromium and chromium-driver (apt)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 3. npm tools: binaryen (wasm-opt 132) and playwright-core (drives the system chromium; downloads no browser)
# Every devDependency of package.json must resolve (a new one added since the last install counts).
all_npm_deps() {
  node -e 'const p = require("./package.json"); for (const d of Object.keys(p.devDependencies)) require.resolve(d + "/package.json");' 2>/dev/null
}
if [ ! -x node_modules/.bin/wasm-opt ] || ! all_npm_deps; then
  log "installing npm devDependencies (binaryen, playwright-core, axe-core, …)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 4. cargo tools
have_version() { command -v "$1" >/dev/null && "$1" --version 2>/dev/null | grep -q "$2"; }
if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked
fi
if ! have_version trunk "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 12 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi
# wasm-split-cli prints no version: cargo's list of installed packages tells.
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION, about 2 minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi
log "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | head -1), wasm-split-cli $WASM_SPLIT_VERSION"
