//! The admin page: thin Leptos views over `evo-core`.
//!
//! [`http`] is the only module that talks to the network; [`storage`] the only one that touches
//! browser storage (and [`theme`], the colour theme it keeps, sits below it); [`browser`] wraps the other browser APIs (random bytes, origin, clipboard, clock).
//! [`state`] holds the payload text — the source of truth — its profile and its lint report;
//! [`i18n`] holds the page's texts (English, Brazilian Portuguese) and its language; [`ui`] holds
//! the views, one file per concern; [`lazy`] is the machinery of the parts loaded on first use
//! (their own wasm modules in release builds), each declared beside the function it wraps.

pub mod actions;
pub mod browser;
pub mod http;
pub mod i18n;
pub mod lazy;
pub mod state;
pub mod storage;
pub mod theme;
pub mod ui;

pub use ui::app;

/// Mounts the page on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(app::App);
}
