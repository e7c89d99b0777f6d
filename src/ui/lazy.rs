//! Parts of the page that are not needed to build a payload, loaded on first use. In release builds
//! (the `split` feature) each is cut into its own wasm module by `scripts/wasm.mjs` and fetched the
//! first time it is shown; otherwise they are plain functions. Either way a caller awaits them
//! (`Suspend::new(lazy::instances())`): once loaded, the future is ready at its first poll.

use leptos::prelude::*;

use super::instances::InstancesView;
use super::qr_panel::QrPanel;
use super::response::{Outcome, OutcomeView};

/// The instances tab.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn instances() -> AnyView {
    view! { <InstancesView /> }.into_any()
}

/// A create's answer explained (with its QR panel after a 201).
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn outcome(outcome: Outcome) -> AnyView {
    view! { <OutcomeView outcome /> }.into_any()
}

/// The QR panel of an instance named by hand.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn qr_panel(name: String, base_url: RwSignal<String>, global_key: RwSignal<String>) -> AnyView {
    view! { <QrPanel name initial=None base_url global_key instance_key=None /> }.into_any()
}
