//! The admin page: thin Leptos views over `evo-core`.
//!
//! [`http`] is the only module that talks to the network; [`storage`] the only one that touches
//! browser storage; [`browser`] wraps the other browser APIs (random bytes, origin, clipboard, clock).
//! [`state`] holds the payload text — the source of truth — and its lint report.

pub mod app;
pub mod browser;
pub mod editor;
pub mod form;
pub mod http;
pub mod profile;
pub mod qr_panel;
pub mod state;
pub mod storage;

/// Mounts the page on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(app::App);
}
