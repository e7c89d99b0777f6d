// Talc (single-threaded wasm, grow-and-claim, no realloc in place) instead of Rust's default
// dlmalloc: measured −228 B brotli on the first load, and faster allocation.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::cell::TalcSyncCell<talc::wasm::WasmGrowAndClaim, talc::wasm::WasmBinning> =
    talc::cell::TalcSyncCell::new_wasm(talc::wasm::WasmGrowAndClaim);

fn main() {
    // A page that starts in pt-BR loads evo-core's Portuguese texts first (English readers never
    // download them), then mounts, whether the load worked or not.
    let lang = evo_admin::i18n::starting_lang();
    evo_admin::i18n::with_domain(lang, Box::new(evo_admin::mount));
}
