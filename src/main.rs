// Talc (single-threaded wasm, grow-and-claim, no realloc in place) instead of Rust's default
// dlmalloc: measured −228 B brotli on the first load, and faster allocation.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::cell::TalcSyncCell<talc::wasm::WasmGrowAndClaim, talc::wasm::WasmBinning> =
    talc::cell::TalcSyncCell::new_wasm(talc::wasm::WasmGrowAndClaim);

fn main() {
    // A page that starts in pt-BR loads evo-core's Portuguese texts first (English readers never
    // download them), then mounts, whether the load worked or not.
    // `evo-mount`: from the wasm's start to the page mounted (scripts/tti.mjs prints it).
    let started = evo_admin::browser::now_ms();
    let lang = evo_admin::i18n::starting_lang();
    evo_admin::actions::texts::with_domain(
        lang,
        Box::new(move || {
            evo_admin::mount();
            evo_admin::browser::measure("evo-mount", started);
        }),
    );
}
