//! evo-core's linter exported to JavaScript, for `scripts/lint-bench.mjs`. Built for wasm32 with the
//! workspace's release profile (the page's: `opt-level = "z"`, fat LTO, one codegen unit).

use evo_core::fields::Profile;
use evo_core::lint::{lint as lint_text, LintOptions};
use wasm_bindgen::prelude::*;

// The page's global allocator (see src/main.rs).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::cell::TalcSyncCell<talc::wasm::WasmGrowAndClaim, talc::wasm::WasmBinning> =
    talc::cell::TalcSyncCell::new_wasm(talc::wasm::WasmGrowAndClaim);

/// Lints `text` as a create payload (v1 rules when `v2` is false) and returns the number of
/// diagnostics. The string crosses into wasm memory as UTF-8 first, as with any wasm-bindgen call.
#[wasm_bindgen]
pub fn lint(text: &str, v2: bool) -> u32 {
    let opts = LintOptions::default().with_profile(if v2 { Profile::V2 } else { Profile::V1 });
    lint_text(text, &opts).diagnostics.len() as u32
}

/// Only the string crossing (UTF-8 copy into wasm memory): the part of [`lint`]'s time that is
/// not linting.
#[wasm_bindgen]
pub fn utf8_len(text: &str) -> u32 {
    text.len() as u32
}
