// With the `split` feature (release builds, scripts/wasm.mjs) the linker keeps its relocations in the
// wasm: wasm-split-cli reads them to cut the parts loaded on first use (src/lazy.rs) into their
// own modules. Link arguments only: no dependency is rebuilt for it.
fn main() {
    println!("cargo:rerun-if-env-changed=CARGO_FEATURE_SPLIT");
    let wasm = std::env::var("CARGO_CFG_TARGET_FAMILY").is_ok_and(|f| f == "wasm");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
