//! The page's own texts, in English ([`en`], which declares the keys) and Brazilian Portuguese
//! ([`pt_br`], struct literals of the same types: a missing or misspelt key does not compile):
//! [`Ui`] for the first load, [`UiParts`] for the parts loaded on first use.
//!
//! The Portuguese texts are not in the wasm: they are the last section of `i18n/pt-BR.txt`, after
//! evo-core's (`evo_core::i18n::file`), under a header line of their own ([`HEADER`] and
//! [`SIGNATURE_HEX`], a hash of the keys, so a file written for other keys is refused).
//! [`install_pt`] reads them (the page, once the file is fetched); [`write_pt`] writes them (evo-core's
//! `pt_file` test, which includes this module, checks the committed file is current).
//!
//! This module uses nothing but `std` and evo-core, so that the test can include it.

use std::sync::OnceLock;

use evo_core::i18n::file::{self, LoadError};
use evo_core::i18n::Lang;

pub mod en;
pub mod pt_br;

pub use en::ui::Ui;
pub use en::ui_parts::UiParts;

/// The first line of the page's section, before its signature.
pub const HEADER: &str = "evo-admin-i18n pt-BR ";

/// A hash of the format and of every key of the page's texts, in file order.
pub const SIGNATURE: u64 =
    file::signature_of("evo-admin-i18n 1\n", &[("ui\n", Ui::KEYS), ("ui_parts\n", UiParts::KEYS)]);

const SIGNATURE_BYTES: [u8; 16] = file::hex(SIGNATURE);

/// [`SIGNATURE`] as 16 lowercase hex digits.
// SAFETY: `hex` writes ASCII digits only.
pub const SIGNATURE_HEX: &str = unsafe { std::str::from_utf8_unchecked(&SIGNATURE_BYTES) };

/// The page's section of the catalogue file for these texts.
pub fn write_pt(ui: &Ui, parts: &UiParts) -> String {
    let mut out = String::with_capacity(24 * 1024);
    out.push_str(HEADER);
    out.push_str(SIGNATURE_HEX);
    out.push('\n');
    for v in ui.values().into_iter().chain(parts.values()) {
        file::escape(&mut out, v);
    }
    out
}

/// Reads the page's section (the text after evo-core's section of the file): exactly its values.
pub fn parse_pt(text: &str) -> Result<(Ui, UiParts), LoadError> {
    let count = Ui::KEYS.len() + UiParts::KEYS.len();
    let (values, rest) = file::section(text, HEADER, SIGNATURE_HEX, count)?;
    let lines = || LoadError::Lines { found: 1 + count + rest.lines().count(), expected: 1 + count };
    if !rest.trim_end_matches(['\n', '\r']).is_empty() {
        return Err(lines());
    }
    let (ui, parts) = values.split_at(Ui::KEYS.len());
    Ok((Ui::from_values(ui).ok_or_else(lines)?, UiParts::from_values(parts).ok_or_else(lines)?))
}

static PT: OnceLock<(Ui, UiParts)> = OnceLock::new();

/// Installs the page's pt-BR texts from the text of `i18n/pt-BR.txt` (evo-core's section is
/// skipped; `evo_core::i18n::install_pt` reads it). A refused file changes nothing.
pub fn install_pt(text: &str) -> Result<(), LoadError> {
    if PT.get().is_none() {
        let _ = PT.set(parse_pt(file::after_core(text)?)?);
    }
    Ok(())
}

/// Whether the page's pt-BR texts are installed (evo-core's are then too: [`install_pt`]'s caller
/// installs those first).
pub fn pt_installed() -> bool {
    PT.get().is_some()
}

/// The installed pt-BR texts when `lang` is pt-BR. (Not inlined: every use would carry the check.)
#[inline(never)]
fn pt(lang: Lang) -> Option<&'static (Ui, UiParts)> {
    PT.get().filter(|_| lang == Lang::PtBr)
}

/// The page's texts in `lang` (English until pt-BR's are installed).
pub fn ui(lang: Lang) -> &'static Ui {
    pt(lang).map_or(&en::ui::EN, |(ui, _)| ui)
}

/// The parts' texts in `lang` (English until pt-BR's are installed).
pub fn ui_parts(lang: Lang) -> &'static UiParts {
    pt(lang).map_or(&en::ui_parts::EN, |(_, parts)| parts)
}
