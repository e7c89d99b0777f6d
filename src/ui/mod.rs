//! The page's views, one file per concern: the page shell (`app`), the connection card, the
//! builder (profile bar, form, editor with diagnostics, exports), the response card, the QR
//! view and the QR panel. Views are thin: rules come from `evo_core`, HTTP from [`crate::http`],
//! storage from [`crate::storage`].

pub mod app;
pub mod config;
pub mod connection;
pub mod copy;
pub mod editor;
pub mod errors;
pub mod exports;
pub mod form;
pub mod instances;
pub mod profile;
pub mod qr_panel;
pub mod qr_view;
pub mod response;

/// A part of the page shown where it is awaited ([`crate::lazy::show`]), with its texts in the
/// reader's language.
pub fn show(
    part: impl std::future::Future<Output = Result<leptos::prelude::AnyView, crate::lazy::Unavailable>> + Send + 'static,
) -> leptos::prelude::AnyView {
    crate::lazy::show(part, crate::i18n::tr(|u| u.part_loading), crate::i18n::tr(|u| u.part_unavailable))
}
