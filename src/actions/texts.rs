//! The page's texts in the reader's language loaded: `i18n/pt-BR.txt` fetched (through the part
//! [`load_pt`]) and installed in [`crate::i18n`].

use evo_core::i18n::Lang;

use crate::i18n;

/// Runs `then` once evo-core's texts in `lang` are there: at once when they already are, else
/// after loading them (pt-BR: `i18n/pt-BR.txt` fetched and installed; on failure a console warning,
/// and the page stays English: see [`i18n::usable`]). One boxed callback, so the page carries one copy of the load.
pub fn with_domain(lang: Lang, then: Box<dyn FnOnce()>) {
    if !i18n::needs_domain(lang) {
        return then();
    }
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = match load_pt().await {
            Ok(task) => task.await,
            Err(e) => Err(e.to_string()),
        };
        if let Err(e) = loaded {
            crate::browser::warn(&format!(
                "evo-admin: the pt-BR texts could not be loaded, the page stays English: {e}"
            ));
        }
        then();
    });
}

/// Fetches `i18n/pt-BR.txt` and installs its texts (through [`load_pt`]).
pub async fn fetch_pt() -> Result<(), String> {
    let v = [evo_core::i18n::SIGNATURE_HEX, i18n::catalogue::SIGNATURE_HEX].concat();
    let text = crate::http::get_static(i18n::DOMAIN_CATALOGUE, &[("v", &v)], 15).await?;
    i18n::install_pt(&text)
}

crate::lazy::part! {
    /// evo-core's pt-BR texts (`i18n/pt-BR.txt`) fetched and installed: only a Portuguese reader
    /// needs the fetch and the catalogue parser.
    load_pt() -> crate::lazy::Task<Result<(), String>> {
        Box::pin(fetch_pt())
    }
}
