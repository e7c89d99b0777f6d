//! The page's texts in English and Brazilian Portuguese, and the page's language.
//!
//! The language is one signal, created by the app ([`init`]) before anything is drawn. Views show a
//! text with [`tr`] (`{tr(|u| u.create)}`, `aria-label=tr(|u| u.views)`): every call site gets the
//! same closure type, so a new text costs its bytes and a tiny accessor, not a new view type.
//! Closures that already exist read [`ui`] (tracked); code outside views (messages built in
//! `state`, `http`, async tasks) reads [`t`] (untracked). Domain texts come from `evo_core`, in
//! the same language where its API takes one.

mod en;
mod pt_br;

use std::cell::Cell;

pub use en::Ui;
pub use evo_core::i18n::{fill, Lang};
use leptos::prelude::*;

thread_local! {
    static LANG: Cell<Option<RwSignal<Lang>>> = const { Cell::new(None) };
}

/// The catalogue of `lang`.
pub fn texts(lang: Lang) -> &'static Ui {
    match lang {
        Lang::En => &en::EN,
        Lang::PtBr => &pt_br::PT_BR,
    }
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
    texts(signal().and_then(|s| s.try_get()).unwrap_or_default())
}

/// One text of the catalogue, following the language (for a view's text or attribute).
pub fn tr(f: fn(&'static Ui) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || f(ui())
}

/// `fill(template, args)` of the untracked catalogue's `f`.
pub fn tf(f: fn(&'static Ui) -> &'static str, args: &[&str]) -> String {
    fill(f(t()), args)
}
