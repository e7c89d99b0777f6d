//! The connection card: base URL, global key (masked, remembered only on request), time limit,
//! "Test connection" (which reads the server's version and picks the profile).

use evo_core::fields::Profile;
use evo_core::url::BaseUrl;
use leptos::prelude::*;

use super::copy::CopyButton;
use leptos::task::spawn_local;

use crate::actions::read_server::read_server;
use crate::http::Api;
use crate::i18n::{fill, tf, tr, ui};
use crate::state::Builder;
pub use crate::state::{Conn, KnownServer};
use crate::storage;

/// The sandbox's default address, offered when the page itself runs locally.
pub const SANDBOX_URL: &str = "http://127.0.0.1:8081";

/// What "Test connection" says: the server's version, and for a 2.4+ server that is not activated
/// a link to its activation page (made here, in the part, so its view is not in the first load).
#[derive(Clone)]
pub struct Tested {
    pub text: String,
    pub licence: Option<ViewFn>,
}

/// "Test connection": the server at `base` read (`GET /`), its version explained, or why not.
pub async fn tested(base: String, conn: Conn, b: Builder) -> Result<Tested, String> {
    let api = Api::new(&base, "").map_err(|e| crate::ui::errors::explain(&e).text)?;
    let read = read_server(conn, b, api).await.map_err(|e| crate::ui::errors::not_read(&e))?;
    let mut text = tf(|u| u.health_ok, &[&read.version, read.profile.label()]);
    if let Some(url) = &read.licence_url {
        text = format!("{text} {}", fill(crate::i18n::lang().answers().licence_inactive, &[url]));
    }
    let licence = read.licence_url.map(|url| {
        ViewFn::from(move || {
            let href = url.clone();
            view! {
                " "
                <a data-testid="licence-register" href=href target="_blank" rel="noopener noreferrer">
                    {url.clone()}
                </a>
            }
        })
    });
    Ok(Tested { text, licence })
}

#[component]
pub fn ConnectionPanel(
    base_url: RwSignal<String>,
    api_key: RwSignal<String>,
    remember: RwSignal<bool>,
    timeout_s: RwSignal<u32>,
) -> impl IntoView {
    let reveal = RwSignal::new(false);
    let health = RwSignal::new(None::<Result<Tested, String>>);
    // In the reader's language (tracked): `Display` is English, for logs and the CLI.
    let url_problem = move || {
        base_url.with(|u| BaseUrl::parse(u).err().map(|e| evo_core::render::render(&e.msg(), crate::i18n::current())))
    };
    // Switching to a server whose key was remembered fills the key in.
    Effect::new(move |prev: Option<String>| {
        let url = base_url.get();
        if prev.is_some_and(|p| p != url) {
            if let Some(k) = storage::load_key(&url) {
                api_key.set(k);
                remember.set(true);
            }
        }
        url
    });
    let conn = expect_context::<Conn>();
    let save_name = RwSignal::new(String::new());
    let save = move |_| {
        let (name, url) = (save_name.get_untracked().trim().to_owned(), base_url.get_untracked());
        if name.is_empty() || BaseUrl::parse(&url).is_err() {
            return;
        }
        let version = conn.known_server().map(|k| k.version);
        conn.edit_saved(|list| {
            list.retain(|c| c.name != name);
            list.push(storage::Saved { name, base_url: url, version });
        });
        save_name.set(String::new());
    };
    let remove = move |_| {
        let url = base_url.get_untracked();
        conn.edit_saved(|list| list.retain(|c| c.base_url != url));
    };
    let test_connection = move |_| {
        let base = base_url.get_untracked();
        let (conn, b) = (expect_context::<Conn>(), Builder::expect());
        health.set(None);
        spawn_local(async move {
            let result = match test_connection(base, conn, b).await {
                Ok(task) => task.await,
                Err(e) => Err(e.to_string()),
            };
            health.try_set(Some(result));
        });
    };
    view! {
        <div class="field">
            <label for="connections">{tr(|u| u.saved_servers)}</label>
            <div class="row">
                <select
                    id="connections"
                    data-testid="connections"
                    prop:value=move || {
                        let url = base_url.get();
                        if conn.saved.with(|l| l.iter().any(|c| c.base_url == url)) { url } else { String::new() }
                    }
                    on:change:target=move |ev| {
                        let v = ev.target().value();
                        if !v.is_empty() {
                            base_url.set(v);
                        }
                    }
                >
                    <option value="">{tr(|u| u.not_saved)}</option>
                    {move || {
                        let u = ui();
                        conn.saved
                            .get()
                            .into_iter()
                            .map(|c| {
                                let what = c.version.as_deref().and_then(|v| Profile::of_version(v).map(|p| fill(u.saved_version, &[v, p.id()])));
                                view! { <option value=c.base_url.clone()>{format!("{} ({}){}", c.name, c.base_url, what.unwrap_or_default())}</option> }
                            })
                            .collect_view()
                    }}
                </select>
                <button type="button" data-testid="connection-remove" on:click=remove>{tr(|u| u.remove)}</button>
            </div>
            <div class="row">
                <label for="connection-name" class="sr-only">{tr(|u| u.conn_name)}</label>
                <input id="connection-name" data-testid="connection-name" type="text" placeholder=tr(|u| u.conn_name_ph) bind:value=save_name />
                <button type="button" data-testid="connection-save" on:click=save>{tr(|u| u.save)}</button>
            </div>
            <p class="hint">{tr(|u| u.saved_hint)}</p>
        </div>
        <div class="field">
            <label for="base-url">{tr(|u| u.base_url)}</label>
            <div class="row">
                <input
                    id="base-url"
                    data-testid="base-url"
                    type="url"
                    placeholder="https://evolution.example.com"
                    autocomplete="url"
                    spellcheck="false"
                    bind:value=base_url
                    aria-invalid=move || url_problem().is_some().to_string()
                    aria-describedby="base-url-hint"
                />
                <button type="button" data-testid="test-connection" on:click=test_connection>
                    {tr(|u| u.test_connection)}
                </button>
            </div>
            <p id="base-url-hint" class="hint">
                {move || url_problem().unwrap_or_else(|| ui().base_url_hint.into())}
            </p>
            <p data-testid="server-version" role="status" class=move || match health.get() {
                Some(Ok(t)) if t.licence.is_some() => "msg warn",
                Some(Ok(_)) => "msg ok",
                Some(Err(_)) => "msg err",
                None => "hidden",
            }>
                {move || health.get().map(|r| r.map_or_else(|e| e, |t| t.text))}
                {move || health.get().and_then(Result::ok).and_then(|t| t.licence).map(|v| v.run())}
            </p>
        </div>
        <div class="field">
            <label for="api-key">{tr(|u| u.global_key)}</label>
            <div class="row">
                <input
                    id="api-key"
                    data-testid="api-key"
                    type=move || if reveal.get() { "text" } else { "password" }
                    autocomplete="off"
                    spellcheck="false"
                    bind:value=api_key
                    aria-describedby="api-key-hint"
                />
                <button
                    type="button"
                    data-testid="api-key-reveal"
                    aria-pressed=move || reveal.get().to_string()
                    on:click=move |_| reveal.update(|r| *r = !*r)
                >
                    {move || if reveal.get() { ui().hide } else { ui().show }}
                </button>
                <CopyButton text=api_key testid="api-key-copy" />
            </div>
            <p id="api-key-hint" class="hint">
                {tr(|u| u.key_hint)}
            </p>
        </div>
        <div class="field check">
            <input
                id="remember-key"
                data-testid="remember-key"
                type="checkbox"
                prop:checked=move || remember.get()
                on:change:target=move |ev| {
                    let on = ev.target().checked();
                    remember.set(on);
                    if !on {
                        storage::forget_key(&base_url.get_untracked());
                    }
                }
            />
            <label for="remember-key">{tr(|u| u.remember_key)}</label>
            <button
                type="button"
                data-testid="forget-key"
                on:click=move |_| {
                    storage::forget_key(&base_url.get_untracked());
                    remember.set(false);
                    api_key.set(String::new());
                }
            >
                {tr(|u| u.forget)}
            </button>
        </div>
        <div class="field">
            <label for="timeout">{tr(|u| u.timeout)}</label>
            <input
                id="timeout"
                data-testid="timeout"
                type="number"
                min="1"
                max="600"
                prop:value=move || timeout_s.get().to_string()
                on:input:target=move |ev| {
                    if let Ok(n) = ev.target().value().parse::<u32>() {
                        timeout_s.set(n.clamp(1, 600));
                    }
                }
            />
            <p class="hint">{tr(|u| u.timeout_hint)}</p>
        </div>
    }
}

crate::lazy::part! {
    /// "Test connection" (`GET /` read and explained).
    test_connection(base: String, conn: Conn, b: Builder) -> crate::lazy::Task<Result<Tested, String>> {
        Box::pin(tested(base, conn, b))
    }
}
