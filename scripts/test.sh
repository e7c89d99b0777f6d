#!/usr/bin/env bash
# Runs every test: native (core, sandbox incl. the recorded-exchange replay), in-browser component
# tests (wasm-bindgen-test in headless Chromium), and end-to-end tests of the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

echo "== 1/5 native tests: evo-core, evo-sandbox"
cargo test --workspace --exclude evo-admin
# evo-core as the page builds it: no embedded pt-BR, the catalogue file loaded at run time.
cargo test -p evo-core --no-default-features --features linked-v1,linked-v2
# …and as the page builds it, without either generation's rules linked in: until they are handed in, one marker.
cargo test -p evo-core --no-default-features --lib lint::rules::
cargo build -p evo-sandbox

echo "== 2/5 in-browser component tests (wasm-bindgen-test, headless Chromium)"
cargo test -p evo-admin --target wasm32-unknown-unknown

echo "== 3/5 release build (trunk; build hook scripts/wasm.mjs: cargo, wasm-split-cli, wasm-bindgen, wasm-opt, terser; post-build: loader, CSP)"
trunk --skip-version-check build --release

echo "== 4/5 end-to-end: release build under a sub-path + sandbox, headless Chromium"
node --test --test-concurrency=1 tests/e2e/

echo "== 5/5 end-to-end again on a build without the brittle byte savings (EVO_DIET=0: what an upgrade of Leptos or wasm-bindgen falls back to; README, Upgrading)"
EVO_DIET=0 trunk --skip-version-check build --release --dist dist-plain
node scripts/size.mjs --dist dist-plain | tail -n 3
E2E_DIST=dist-plain node --test --test-concurrency=1 tests/e2e/
