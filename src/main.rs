// Talc (single-threaded wasm, grow-and-claim, no realloc in place) instead of Rust's default
// dlmalloc: measured −228 B brotli on the first load, and faster allocation.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::cell::TalcSyncCell<talc::wasm::WasmGrowAndClaim, talc::wasm::WasmBinning> =
    talc::cell::TalcSyncCell::new_wasm(talc::wasm::WasmGrowAndClaim);

fn main() {
    evo_admin::mount();
}
