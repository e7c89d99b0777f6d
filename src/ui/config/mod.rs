//! An instance's configuration page (a part, loaded on first use): one tab per area — settings,
//! webhook, proxy, Chatwoot, the event sinks of the generation — each reading the route's `find`,
//! editing the body with the form and the linted editor, and saving as diff → send → read back.
//! `bulk` applies one body to several instances.

pub mod bulk;
mod copy;
mod doc;
mod exports;
mod fields;
mod save;
mod tab;
mod webhook;

use evo_core::config::Endpoint;
use evo_core::fields::Profile;
use leptos::prelude::*;

use crate::i18n::{parts, tfp, trp};

/// The instance configured, and what is known of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub name: String,
    pub profile: Profile,
    /// Whether it is connected now (its row's state), when known.
    pub open: Option<bool>,
    /// The server's version, when read.
    pub server: Option<String>,
}

const TABS: [(Endpoint, &str); 5] = [
    (Endpoint::Settings, "config-tab-settings"),
    (Endpoint::Webhook, "config-tab-webhook"),
    (Endpoint::Proxy, "config-tab-proxy"),
    (Endpoint::Chatwoot, "config-tab-chatwoot"),
    (Endpoint::Websocket, "config-tab-events"),
];

const SINKS: [Endpoint; 6] =
    [Endpoint::Websocket, Endpoint::Rabbitmq, Endpoint::Sqs, Endpoint::Nats, Endpoint::Kafka, Endpoint::Pusher];

/// What the server runs, when the page has not read it yet (`GET /`): the generation and version
/// the tabs follow. The row's guess stays when the server does not say.
async fn resolve(conn: crate::ui::connection::Conn, mut t: Target) -> Target {
    if let Some(k) = conn.known_server() {
        t.profile = k.profile;
        t.server = Some(k.version);
        return t;
    }
    let Ok(api) = tab::api(conn) else { return t };
    let version = api.health().await.ok().and_then(|r| {
        let v: serde_json::Value = serde_json::from_str(&r.body).ok()?;
        v.get("version")?.as_str().map(str::to_owned)
    });
    if let Some(p) = version.as_deref().and_then(Profile::of_version) {
        t.profile = p;
    }
    t.server = version.or(t.server);
    t
}

/// The configuration page of one instance, once its server's generation is known.
#[component]
pub fn ConfigView(target: Target, on_close: Callback<()>) -> impl IntoView {
    let conn = expect_context::<crate::ui::connection::Conn>();
    let resolved = RwSignal::new(None::<Target>);
    leptos::task::spawn_local(async move {
        let t = resolve(conn, target).await;
        resolved.try_set(Some(t));
    });
    move || resolved.get().map(|target| view! { <Page target on_close /> })
}

#[component]
fn Page(target: Target, on_close: Callback<()>) -> impl IntoView {
    let tab = RwSignal::new(Endpoint::Settings);
    let sink = RwSignal::new(Endpoint::Websocket);
    let profile = target.profile;
    let title = tfp(|u| u.cfg_title, &[&target.name, profile.label()]);
    let t2 = target.clone();
    view! {
        <section class="config-page card wide" data-testid="config-page" data-name=target.name.clone() data-profile=profile.id() aria-labelledby="config-h">
            <div class="row wrap">
                <h3 id="config-h" tabindex="-1">{title}</h3>
                <button type="button" data-testid="config-close" on:click=move |_| on_close.run(())>{trp(|u| u.cfg_close)}</button>
            </div>
            <nav class="tabs" aria-label=trp(|u| u.cfg_areas)>
                {TABS.map(|(e, tid)| {
                    let is = move || if e == Endpoint::Websocket { tab.get().is_sink() } else { tab.get() == e };
                    view! {
                        <button type="button" data-testid=tid aria-pressed=move || is().to_string()
                            on:click=move |_| tab.set(if e == Endpoint::Websocket { sink.get_untracked() } else { e })>
                            {move || if e == Endpoint::Websocket { parts().cfg_events } else { e.id() }}
                        </button>
                    }
                })}
            </nav>
            {move || tab.get().is_sink().then(|| view! {
                <div class="row">
                    <label for="config-sink">{trp(|u| u.cfg_sink)}</label>
                    <select id="config-sink" data-testid="config-sink" prop:value=move || sink.get().id() on:change:target=move |ev| {
                        let e = Endpoint::parse(&ev.target().value()).unwrap_or(Endpoint::Websocket);
                        sink.set(e);
                        tab.set(e);
                    }>
                        {SINKS.into_iter().filter(|s| s.exists_in(profile)).map(|s| view! { <option value=s.id()>{s.id()}</option> }).collect_view()}
                    </select>
                </div>
            })}
            {move || {
                let e = tab.get();
                view! { <tab::Tab endpoint=e target=t2.clone() /> }
            }}
        </section>
    }
}

crate::lazy::part! {
    /// An instance's configuration page (settings, webhook, proxy, Chatwoot, event sinks).
    config_view(target: crate::ui::config::Target, on_close: Callback<()>) -> AnyView {
        view! { <ConfigView target on_close /> }.into_any()
    }
}
