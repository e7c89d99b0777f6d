//! Parts of the page that are not needed to build a payload, loaded on first use. In release builds
//! (the `split` feature) each is cut into its own wasm module by `scripts/wasm.mjs` and fetched the
//! first time it is used; otherwise they are plain functions. Either way a caller awaits them, and a
//! part that cannot be fetched (the network is down, or the site was redeployed and the old build's
//! files are gone) is an [`Unavailable`] the caller explains — the page keeps working, and the next
//! use tries again. Once loaded, a part's future is ready at its first poll.
//!
//! Nothing else in the page may name these functions' insides, or they stay in the first load.

use std::future::Future;
use std::pin::Pin;

use evo_core::migrate::{migrate, Migrate};
use leptos::prelude::*;

use crate::i18n::tr;
use crate::state::Builder;
use crate::ui::app::{create, Create};
use crate::ui::connection::Conn;
use crate::ui::exports::{Export, ExportOut};
use crate::ui::form::EventsChecklist;
use crate::ui::instances::InstancesView;
use crate::ui::qr_panel::QrPanel;
use crate::ui::response::{announcement, Outcome, OutcomeView};

/// A part of the page could not be loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable;

impl std::fmt::Display for Unavailable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(crate::i18n::t().part_unavailable)
    }
}

impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// A future a part returns (the parts that talk to the server).
pub type Task<T> = Pin<Box<dyn Future<Output = T>>>;

/// Declares a part: in split builds a `wasm_split` function of its own module (`fallible`: a failed
/// load is an `Err`, retried on the next call), otherwise an `async fn`.
macro_rules! part {
    ($(#[$doc:meta])* $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$out, Unavailable> {
            Ok($body)
        }
        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$out, Unavailable> {
            Ok($body)
        }
    };
}

/// A view part, or what to show in its place when it could not be loaded.
pub fn view_or_explain(part: Result<AnyView, Unavailable>) -> AnyView {
    part.unwrap_or_else(|_| {
        view! { <p class="msg err" role="alert" data-testid="part-unavailable">{tr(|u| u.part_unavailable)}</p> }
            .into_any()
    })
}

/// Shows a view part where it is awaited: at once when it is already loaded, else a "Loading…" line
/// (announced politely) until it is.
pub fn show(part: impl Future<Output = Result<AnyView, Unavailable>> + Send + 'static) -> AnyView {
    let loading = RwSignal::new(true);
    view! {
        <p class="muted" role="status" data-testid="part-loading" hidden=move || !loading.get()>
            {tr(|u| u.part_loading)}
        </p>
        {Suspend::new(async move {
            let v = view_or_explain(part.await);
            loading.try_set(false);
            v
        })}
    }
    .into_any()
}

part! {
    /// The instances tab.
    instances() -> AnyView {
        view! { <InstancesView /> }.into_any()
    }
}

part! {
    /// A create's answer explained (with its QR panel after a 201); `live` gets what the response
    /// card's live region announces about it.
    outcome(outcome: Outcome, live: RwSignal<String>) -> AnyView {
        live.try_set(announcement(&outcome));
        view! { <OutcomeView outcome /> }.into_any()
    }
}

part! {
    /// The events checklist of an events field, with every event's description (the form's
    /// webhook and event-sink sections: loaded when the first of them opens).
    events_checklist(f: &'static evo_core::fields::Field) -> AnyView {
        view! { <EventsChecklist f /> }.into_any()
    }
}

part! {
    /// What an export button does (cURL command, share link, download, clipboard).
    export(what: Export, base_url: String, b: Builder, out: ExportOut) -> Task<()> {
        Box::pin(crate::ui::exports::run(what, base_url, b, out))
    }
}

part! {
    /// The QR panel of an instance named by hand.
    qr_panel(name: String, base_url: RwSignal<String>, global_key: RwSignal<String>) -> AnyView {
        view! { <QrPanel name initial=None base_url global_key instance_key=None /> }.into_any()
    }
}

part! {
    /// A create sent and answered (the HTTP client, the server's version check, the answer's decoding).
    send(req: Create) -> Task<Outcome> {
        Box::pin(create(req))
    }
}

part! {
    /// "Test connection" (`GET /` read and explained).
    test_connection(base: String, conn: Conn, b: Builder) -> Task<Result<crate::ui::connection::Tested, String>> {
        Box::pin(crate::ui::connection::test_connection(base, conn, b))
    }
}

part! {
    /// The 1.x ⇄ 2.x migration, as a function called on the text once loaded (so the text migrated
    /// is the one in the editor then, not when the button was clicked).
    migrator() -> Migrate {
        migrate as Migrate
    }
}

part! {
    /// evo-core's pt-BR texts (`i18n/pt-BR.txt`) fetched and installed: only a Portuguese reader
    /// needs the fetch and the catalogue parser.
    load_pt() -> Task<Result<(), String>> {
        Box::pin(crate::i18n::fetch_pt())
    }
}

part! {
    /// The 2.x rules, handed to the linter once loaded (`state::lint_options`).
    v2_rules() -> evo_core::lint::V2Rules {
        evo_core::lint::v2_rules()
    }
}

part! {
    /// An instance's configuration page (settings, webhook, proxy, Chatwoot, event sinks).
    config_view(target: crate::ui::config::Target, on_close: Callback<()>) -> AnyView {
        view! { <crate::ui::config::ConfigView target on_close /> }.into_any()
    }
}

part! {
    /// One configuration change applied to several instances, with its summary table.
    config_bulk(names: Vec<(String, Option<bool>)>, profile: evo_core::fields::Profile, on_close: Callback<()>) -> AnyView {
        view! { <crate::ui::config::bulk::BulkView names profile on_close /> }.into_any()
    }
}
