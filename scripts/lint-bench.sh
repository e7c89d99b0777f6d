#!/usr/bin/env bash
# Lint speed, side by side in one Node process: evo-core's linter (wasm32, the page's release profile
# and wasm-opt flags) against npm jsonc-parser's parseTree and JSON.parse on the same ~1.4 MB payload.
# Usage: bash scripts/lint-bench.sh [seconds per contender, default 1]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
[ -d node_modules/jsonc-parser ] || npm ci --no-audit --no-fund
cargo build -q -p evo-lint-wasm --release --target wasm32-unknown-unknown
out=target/lint-bench
mkdir -p "$out"
wasm-bindgen --target nodejs --out-dir "$out" target/wasm32-unknown-unknown/release/evo_lint_wasm.wasm
# The page's wasm-opt flags (WASM_OPT in scripts/wasm.mjs, `-s 1` included), so the module runs as the
# page's code does.
wasm-opt -O2 -s 1 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types \
  --enable-multivalue --enable-mutable-globals --one-caller-inline-max-function-size=0 --converge \
  "$out/evo_lint_wasm_bg.wasm" -o "$out/evo_lint_wasm_bg.wasm"
node scripts/lint-bench.mjs "$out/evo_lint_wasm.js" "${1:-1}"
