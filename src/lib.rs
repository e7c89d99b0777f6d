//! The admin page: thin Leptos views over `evo-core`.
//!
//! [`http`] is the only module that talks to the network; [`browser`] wraps the few browser APIs
//! the page needs (random bytes, page origin, clock). Everything else is view code.

pub mod app;
pub mod browser;
pub mod http;

/// Mounts the page on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(app::App);
}
