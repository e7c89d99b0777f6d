//! Parts of the page that are not needed to build a payload, loaded on first use. In release builds
//! (the `split` feature) each is cut into its own wasm module by `scripts/wasm.mjs` and fetched the
//! first time it is shown; otherwise they are plain functions. Either way a caller awaits them
//! (`Suspend::new(lazy::instances())`): once loaded, the future is ready at its first poll.

use evo_core::migrate::{migrate_in, Migrate};
use leptos::prelude::*;

use super::app::{create, Create};
use super::connection::Conn;
use super::instances::InstancesView;
use super::qr_panel::QrPanel;
use super::response::{announcement, Outcome, OutcomeView};
use crate::state::Builder;

/// The instances tab.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn instances() -> AnyView {
    view! { <InstancesView /> }.into_any()
}

/// A create's answer explained (with its QR panel after a 201); `live` gets what the response
/// card's live region announces about it.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn outcome(outcome: Outcome, live: RwSignal<String>) -> AnyView {
    live.set(announcement(&outcome));
    view! { <OutcomeView outcome /> }.into_any()
}

/// The QR panel of an instance named by hand.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn qr_panel(name: String, base_url: RwSignal<String>, global_key: RwSignal<String>) -> AnyView {
    view! { <QrPanel name initial=None base_url global_key instance_key=None /> }.into_any()
}

/// A create sent and answered (the HTTP client, the server's version check, the answer's decoding).
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn send(req: Create) -> Outcome {
    create(req).await
}

/// "Test connection" (`GET /` read and explained).
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn test_connection(base: String, conn: Conn, b: Builder) -> Result<String, String> {
    super::connection::test_connection(base, conn, b).await
}

/// The 1.x ⇄ 2.x migration, as a function called on the text once loaded (so the text migrated is
/// the one in the editor then, not when the button was clicked).
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn migrator() -> Migrate {
    migrate_in as Migrate
}
