//! The page's texts in English and Brazilian Portuguese, and the page's language.
//!
//! The language is one signal, created by the app ([`init`]) before anything is drawn. Views show a
//! text with [`tr`] (`{tr(|u| u.create)}`, `aria-label=tr(|u| u.views)`): every call site gets the
//! same closure type, so a new text costs its bytes and a tiny accessor, not a new view type.
//! Closures that already exist read [`ui`] (tracked); code outside views (messages built in
//! `state`, `http`, async tasks) reads [`t`] (untracked). Domain texts come from `evo_core`, in
//! the same language where its API takes one.
//!
//! The page's own texts are the page's ([`catalogue`]: `Ui`, and `UiParts` for the texts only the
//! parts loaded on first use show — [`parts`], [`trp`], [`tfp`] — so that those travel with the
//! parts); the domain's are evo-core's. The Portuguese ones of both are not in the wasm: they are
//! one file, `i18n/pt-BR.txt` (evo-core's section, then the page's): `actions::texts::with_domain` fetches it and
//! installs both, before the app mounts when it starts in pt-BR, or before the switch when the
//! reader picks pt-BR. If that fails, the page stays in English (the select says so; a console
//! warning says why).

use std::cell::Cell;

pub mod catalogue;

pub use catalogue::{Ui, UiParts};
pub use evo_core::i18n::{fill, Lang};
use leptos::prelude::*;

thread_local! {
    static LANG: Cell<Option<RwSignal<Lang>>> = const { Cell::new(None) };
}

/// The catalogue of `lang` (English until pt-BR's is loaded).
pub fn texts(lang: Lang) -> &'static Ui {
    catalogue::ui(lang)
}

/// `lang` if its catalogue is there, else English (a pt-BR catalogue that could not be loaded).
pub fn usable(lang: Lang) -> Lang {
    if needs_domain(lang) {
        Lang::En
    } else {
        lang
    }
}

/// The language the page starts in: the saved choice, else the browser's preferences (any
/// Portuguese first → pt-BR).
pub fn starting_lang() -> Lang {
    crate::storage::load_lang().unwrap_or_else(|| {
        let prefs = crate::browser::languages();
        Lang::from_preferences(prefs.iter().map(String::as_str))
    })
}

/// The pt-BR catalogue (evo-core's texts, then the page's), relative to the page (Trunk copies
/// `i18n/`). It is asked for with `?v=<both signatures>`, so a cached file of other keys is not used.
pub const DOMAIN_CATALOGUE: &str = "i18n/pt-BR.txt";

/// Whether the texts in `lang` are still to be loaded (`actions::texts::with_domain`). The page's are installed
/// after evo-core's ([`install_pt`]): when they are there, both are.
pub fn needs_domain(lang: Lang) -> bool {
    lang == Lang::PtBr && !catalogue::pt_installed()
}

/// Installs the pt-BR texts of `i18n/pt-BR.txt`: evo-core's, then the page's.
pub fn install_pt(text: &str) -> Result<(), String> {
    evo_core::i18n::install_pt(text).and_then(|()| catalogue::install_pt(text)).map_err(|e| e.to_string())
}

/// Creates the page's language signal (the app calls it first) and returns it.
pub fn init(lang: Lang) -> RwSignal<Lang> {
    let s = RwSignal::new(lang);
    LANG.with(|c| c.set(Some(s)));
    s
}

fn signal() -> Option<RwSignal<Lang>> {
    LANG.with(Cell::get)
}

/// The page's language, untracked (English before [`init`], e.g. in component tests).
pub fn lang() -> Lang {
    signal().and_then(|s| s.try_get_untracked()).unwrap_or_default()
}

/// The page's language, tracked (for domain texts drawn inside a view's closure).
pub fn current() -> Lang {
    signal().and_then(|s| s.try_get()).unwrap_or_default()
}

/// The current catalogue, untracked.
pub fn t() -> &'static Ui {
    texts(lang())
}

/// The current catalogue, tracked: a closure that reads it runs again when the language changes.
pub fn ui() -> &'static Ui {
    texts(current())
}

/// One text of the catalogue, following the language (for a view's text or attribute).
pub fn tr(f: fn(&'static Ui) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || f(ui())
}

/// `fill(template, args)` of the untracked catalogue's `f`.
pub fn tf(f: fn(&'static Ui) -> &'static str, args: &[&str]) -> String {
    fill(f(t()), args)
}

/// The parts' catalogue (instances tab, QR panel, a create's answer), tracked like [`ui`].
pub fn parts() -> &'static UiParts {
    catalogue::ui_parts(current())
}

/// The parts' catalogue, untracked like [`t`].
pub fn tp() -> &'static UiParts {
    catalogue::ui_parts(lang())
}

/// [`tr`] for a text of the parts' catalogue.
pub fn trp(f: fn(&'static UiParts) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || f(parts())
}

/// [`tf`] for a text of the parts' catalogue (untracked).
pub fn tfp(f: fn(&'static UiParts) -> &'static str, args: &[&str]) -> String {
    fill(f(tp()), args)
}

impl std::fmt::Display for crate::lazy::Unavailable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(t().part_unavailable)
    }
}
