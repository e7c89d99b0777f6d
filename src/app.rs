//! The page: connection settings, the builder (form + editor + diagnostics), sending, and the
//! response with its explanation, summary and QR code. Every rule comes from `evo_core`.

use evo_core::builder::{decode_fragment, preset_text, Preset};
use evo_core::explain::{explain_response, read_health, suggest_free_name, Explanation, Health, Tone};
use evo_core::fields::Profile;
use evo_core::qr::{check_png_data_url, QrMatrix};
use evo_core::response::{decode, field_of_message, Created, Decoded, QrInfo};
use evo_core::token::check_api_key;
use evo_core::url::BaseUrl;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;

use crate::editor::{Editor, Exports};
use crate::form::PayloadForm;
use crate::http::{Abort, Api, ApiError, HttpError, Reply};
use crate::profile::ProfileBar;
use crate::qr_panel::QrPanel;
use crate::state::{Builder, ProfileSource};
use crate::{browser, storage};

/// The sandbox's default address, offered when the page itself runs locally.
pub const SANDBOX_URL: &str = "http://127.0.0.1:8081";

/// The connection settings, shared with the QR panel.
#[derive(Clone, Copy)]
pub struct Conn {
    pub base_url: RwSignal<String>,
    pub api_key: RwSignal<String>,
    /// What the server at `base_url` said it runs, once read: `(base URL, version, profile)`.
    pub server: RwSignal<Option<(String, String, Profile)>>,
}

impl Conn {
    /// The known version and profile of the server at the current base URL.
    pub fn known_server(&self) -> Option<(String, Profile)> {
        let base = self.base_url.get_untracked();
        self.server.with_untracked(|s| s.as_ref().filter(|(b, _, _)| *b == base).map(|(_, v, p)| (v.clone(), *p)))
    }
}

/// Reads the server's version (`GET /`), remembers it, and switches the builder to its profile.
/// `Err` holds the explanation shown when the server could not be read.
async fn read_server(conn: Conn, b: Builder, api: Api) -> Result<(String, Profile), String> {
    let reply = match api.health().await {
        Ok(r) | Err(ApiError::Answered(r)) => r,
        Err(e) => return Err(e.explanation().text),
    };
    match read_health(reply.status, &reply.body) {
        Health::Evolution { version, v2 } => {
            let profile = Profile::of_version(&version).unwrap_or(if v2 { Profile::V2 } else { Profile::V1 });
            conn.server.try_set(Some((conn.base_url.get_untracked(), version.clone(), profile)));
            b.set_profile(profile, ProfileSource::Server(version.clone()));
            Ok((version, profile))
        }
        Health::NotEvolution(why) => Err(why),
    }
}

/// What one press of "Create instance" ended in.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Refused before sending (bad base URL or key, mixed content, lint errors): nothing left the page.
    NotSent(String),
    /// An HTTP answer, with the instance name, token and profile that were sent.
    Answered { reply: Reply, name: String, token: String, profile: Profile },
    /// No HTTP answer.
    NoAnswer(HttpError),
}

/// The text the page starts with and its profile: a shared payload in the URL, else the saved
/// draft, else the Basic preset with a fresh token.
fn initial_text() -> (String, Profile, ProfileSource, Option<&'static str>) {
    if let Some(frag) = browser::fragment() {
        let mut payload = None;
        let mut profile = None;
        for part in frag.split('&') {
            if let Some(p) = part.strip_prefix("payload=") {
                payload = decode_fragment(p);
            } else if let Some(p) = part.strip_prefix("profile=") {
                profile = Profile::parse(p);
            }
        }
        if let Some(p) = payload {
            browser::clear_fragment();
            let notice = "Payload loaded from the share link (tokens were not included: generate one).";
            return (p, profile.unwrap_or_default(), ProfileSource::Saved, Some(notice));
        }
    }
    if let Some((d, profile)) = storage::load_draft().filter(|(d, _)| !d.trim().is_empty()) {
        return (d, profile.unwrap_or_default(), ProfileSource::Saved, None);
    }
    let token = browser::fresh_uuid().unwrap_or_default();
    (preset_text(Profile::V1, Preset::Basic, "", &token, true), Profile::V1, ProfileSource::Default, None)
}

#[component]
pub fn App() -> impl IntoView {
    let (text, profile, source, notice) = initial_text();
    let b = Builder::new(text, profile, source);
    provide_context(b);
    let base_url = RwSignal::new(storage::load_base_url().unwrap_or_else(|| {
        if browser::page_is_local() {
            SANDBOX_URL.to_owned()
        } else {
            String::new()
        }
    }));
    let remembered = storage::load_key(&base_url.get_untracked());
    let remember = RwSignal::new(remembered.is_some());
    let api_key = RwSignal::new(remembered.unwrap_or_default());
    let timeout_s = RwSignal::new(30u32);
    let conn = Conn { base_url, api_key, server: RwSignal::new(None) };
    provide_context(conn);
    let existing = RwSignal::new(String::new());
    let opened = RwSignal::new(None::<String>);
    let abort = StoredValue::new(None::<Abort>);

    Effect::new(move |_| storage::save_base_url(&base_url.get()));
    // The key is written to storage only while "Remember on this device" is on.
    Effect::new(move |_| {
        let (url, key) = (base_url.get(), api_key.get());
        if remember.get() && !key.is_empty() {
            storage::save_key(&url, &key);
        }
    });

    let send = Action::new_local(move |_: &()| {
        let base = base_url.get_untracked();
        let key = api_key.get_untracked();
        let timeout = timeout_s.get_untracked();
        b.lint_now();
        let errors = b.linted.with_untracked(|l| l.errors);
        let body = b.text.get_untracked();
        let field = |k: &str| b.linted.with_untracked(|l| l.field(k).and_then(|n| n.as_str().map(str::to_owned)));
        let (name, token) = (field("instanceName"), field("token"));
        let profile = b.profile.get_untracked();
        let known = conn.known_server();
        b.server_errors.set(Vec::new());
        let controller = Abort::new();
        abort.set_value(controller.clone());
        async move {
            if errors > 0 {
                return Outcome::NotSent(format!(
                    "the payload has {errors} error(s): fix them first (see the list under the editor)."
                ));
            }
            let api = match Api::new(&base, &key) {
                Ok(api) => api,
                Err(e) => return Outcome::NotSent(e.to_string().trim_start_matches("not sent: ").to_owned()),
            };
            if let Err(e) = check_api_key(&key) {
                return Outcome::NotSent(e.to_string());
            }
            // The first send to a server whose version is not known yet reads it: a payload of the
            // other generation is stopped here, with the user's text untouched.
            let server = match known {
                Some(k) => Some(k),
                None => read_server(conn, b, api.clone()).await.ok(),
            };
            if let Some((version, p)) = server.filter(|(_, p)| *p != profile) {
                return Outcome::NotSent(format!(
                    "this server runs Evolution API {version}, and the payload was built for {}. The profile is now {}: review the problems listed under the editor (\"Migrate\" converts the payload), then send again.",
                    profile.label(),
                    p.label()
                ));
            }
            let (name, token) = (name.unwrap_or_default(), token.unwrap_or_default());
            match api.create(body, timeout, controller).await {
                Ok(reply) | Err(ApiError::Answered(reply)) => Outcome::Answered { reply, name, token, profile },
                Err(ApiError::NotSent(why)) => Outcome::NotSent(why),
                Err(ApiError::NoAnswer(e)) => Outcome::NoAnswer(e),
            }
        }
    });
    let pending = send.pending();
    let token_notice = RwSignal::new(None::<String>);
    // After a 400, put the server's messages next to the fields they are about; after a 201, the
    // token is spent and the payload gets a fresh one.
    Effect::new(move |_| {
        token_notice.set(None);
        if let Some(Outcome::Answered { reply, name, token, profile }) = send.value().get() {
            match decode(reply.status, &reply.body) {
                Decoded::Error(e) if reply.status == 400 => {
                    let mapped = e
                        .messages
                        .iter()
                        .filter_map(|m| field_of_message(profile, m).map(|f| (f.key, m.clone())))
                        .collect();
                    b.server_errors.set(mapped);
                }
                Decoded::Created(_) if (200..300).contains(&reply.status) => {
                    token_notice.set(b.spend_token(&token, &name));
                }
                _ => {}
            }
        }
    });
    let errors = move || b.linted.with(|l| l.errors);
    let send_label = move || match (pending.get(), errors()) {
        (true, _) => "Creating…".to_owned(),
        (false, 0) => "Create instance".to_owned(),
        (false, n) => format!("Fix {n} error{} first", if n == 1 { "" } else { "s" }),
    };

    view! {
        <header class="top">
            <h1>"Evolution API — create a WhatsApp instance"</h1>
            <p class="sub">
                "Build the payload, see every mistake explained, post it to " <code>"{baseUrl}/instance/create"</code>
                ", scan the QR. Also a JSON linter for the vendor's examples, comments and all."
            </p>
            {notice.map(|n| view! { <p class="msg warn" role="status">{n}</p> })}
        </header>
        <main class="grid">
            <section class="card wide" aria-labelledby="conn-h">
                <h2 id="conn-h">"Connection"</h2>
                <div class="conn">
                    <ConnectionPanel base_url api_key remember timeout_s />
                </div>
            </section>
            <div class="builder">
            <section class="card" aria-labelledby="payload-h">
                <h2 id="payload-h">"Payload"</h2>
                <ProfileBar />
                <PayloadForm />
            </section>
            <section class="card sticky" aria-labelledby="json-h">
                <h2 id="json-h">"JSON"</h2>
                <Editor />
                <Exports base_url />
                <div class="row send-row">
                    <button
                        class="primary"
                        data-testid="send"
                        type="button"
                        prop:disabled=move || pending.get() || (errors() != 0)
                        on:click=move |_| {
                            send.dispatch(());
                        }
                    >
                        {send_label}
                    </button>
                    <button
                        type="button"
                        data-testid="abort"
                        hidden=move || !pending.get()
                        on:click=move |_| abort.with_value(|a| if let Some(a) = a { a.abort() })
                    >
                        "Stop"
                    </button>
                    <span class="hint" data-testid="send-hint">
                        {move || (errors() != 0).then_some("Warnings are allowed; errors must be fixed before sending.")}
                    </span>
                </div>
            </section>
            </div>
            <section class="card wide" aria-labelledby="resp-h" aria-busy=move || pending.get().to_string()>
                <h2 id="resp-h">"Response"</h2>
                <p class="msg ok" role="status" data-testid="token-renewed" hidden=move || token_notice.with(Option::is_none)>
                    {move || token_notice.get()}
                </p>
                // While a create is in flight the previous answer is not shown as if it were this one's.
                {move || match (pending.get(), send.value().get()) {
                    (true, _) => view! { <p class="muted" data-testid="response-pending">"Waiting for the server's answer…"</p> }.into_any(),
                    (false, None) => view! { <p class="muted">"Nothing sent yet."</p> }.into_any(),
                    (false, Some(outcome)) => view! { <OutcomeView outcome /> }.into_any(),
                }}
            </section>
            <section class="card wide" aria-labelledby="existing-h">
                <h2 id="existing-h">"Connect an existing instance"</h2>
                <div class="row">
                    <label for="existing-name" class="sr-only">"Instance name"</label>
                    <input
                        id="existing-name"
                        data-testid="existing-name"
                        type="text"
                        placeholder="instance name (exact case)"
                        spellcheck="false"
                        bind:value=existing
                    />
                    <button
                        type="button"
                        data-testid="open-panel"
                        prop:disabled=move || existing.with(|n| n.trim().is_empty())
                        on:click=move |_| {
                            opened.set(None);
                            opened.set(Some(existing.get_untracked().trim().to_owned()));
                        }
                    >
                        "Show QR / state"
                    </button>
                </div>
                {move || opened.get().map(|name| view! {
                    <QrPanel name initial=None base_url global_key=api_key instance_key=None />
                })}
            </section>
        </main>
    }
}

#[component]
fn ConnectionPanel(
    base_url: RwSignal<String>,
    api_key: RwSignal<String>,
    remember: RwSignal<bool>,
    timeout_s: RwSignal<u32>,
) -> impl IntoView {
    let reveal = RwSignal::new(false);
    let health = RwSignal::new(None::<Result<String, String>>);
    let copied = RwSignal::new(false);
    let url_problem = move || base_url.with(|u| BaseUrl::parse(u).err().map(|e| e.to_string()));
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
    let test_connection = move |_| {
        let base = base_url.get_untracked();
        let (conn, b) = (expect_context::<Conn>(), Builder::expect());
        health.set(None);
        spawn_local(async move {
            let result = match Api::new(&base, "") {
                Err(e) => Err(e.explanation().text),
                Ok(api) => read_server(conn, b, api).await.map(|(version, profile)| {
                    format!(
                        "Evolution API {version} answers at this address: payloads are built and checked for {}.",
                        profile.label()
                    )
                }),
            };
            health.try_set(Some(result));
        });
    };
    let copy_key = move |_| {
        let k = api_key.get_untracked();
        spawn_local(async move { copied.set(browser::copy_text(&k).await) });
    };
    view! {
        <div class="field">
            <label for="base-url">"Base URL"</label>
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
                    "Test connection"
                </button>
            </div>
            <p id="base-url-hint" class="hint">
                {move || url_problem().unwrap_or_else(|| "The server root; /instance/create is added for you.".into())}
            </p>
            <p data-testid="server-version" role="status" class=move || match health.get() {
                Some(Ok(_)) => "msg ok",
                Some(Err(_)) => "msg err",
                None => "hidden",
            }>
                {move || health.get().map(|r| r.unwrap_or_else(|e| e))}
            </p>
        </div>
        <div class="field">
            <label for="api-key">"Global API key"</label>
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
                    {move || if reveal.get() { "Hide" } else { "Show" }}
                </button>
                <button type="button" data-testid="api-key-copy" on:click=copy_key>
                    {move || if copied.get() { "Copied" } else { "Copy" }}
                </button>
            </div>
            <p id="api-key-hint" class="hint">
                "The server's AUTHENTICATION_API_KEY, sent only in the apikey header — never in a URL, a share link, the cURL export or the draft."
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
            <label for="remember-key">"Remember the key on this device (for this server only)"</label>
            <button
                type="button"
                data-testid="forget-key"
                on:click=move |_| {
                    storage::forget_key(&base_url.get_untracked());
                    remember.set(false);
                    api_key.set(String::new());
                }
            >
                "Forget"
            </button>
        </div>
        <div class="field">
            <label for="timeout">"Time limit (seconds)"</label>
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
            <p class="hint">"A create with a QR code takes at least 5 s on a real server."</p>
        </div>
    }
}

fn tone_class(t: Tone) -> &'static str {
    match t {
        Tone::Success => "msg ok",
        Tone::Warning => "msg warn",
        Tone::Error => "msg err",
    }
}

#[component]
fn ExplanationView(e: Explanation) -> impl IntoView {
    let (testid, role) =
        if e.tone == Tone::Success { ("response-message", "status") } else { ("error-message", "alert") };
    view! {
        <p class=tone_class(e.tone) data-testid=testid role=role>
            {e.text}
        </p>
    }
}

#[component]
fn OutcomeView(outcome: Outcome) -> impl IntoView {
    match outcome {
        Outcome::NotSent(why) => {
            view! { <ExplanationView e=Explanation { tone: Tone::Error, text: format!("Not sent: {why}") } /> }
                .into_any()
        }
        Outcome::NoAnswer(err) => {
            let elapsed = err.elapsed_ms().map_or_else(|| "—".to_owned(), |ms| format!("{} ms", ms.round() as u64));
            let e = ApiError::NoAnswer(err).explanation();
            view! {
                <dl class="facts">
                    <dt>"Status"</dt>
                    <dd data-testid="response-status">"no answer"</dd>
                    <dt>"Time"</dt>
                    <dd data-testid="response-time">{elapsed}</dd>
                </dl>
                <ExplanationView e />
            }
            .into_any()
        }
        Outcome::Answered { reply, name, profile, .. } => {
            let decoded = decode(reply.status, &reply.body);
            let explanation = explain_response(reply.status, &decoded, &name);
            let taken = reply.status == 403 && reply.body.contains("already in use");
            let created = match &decoded {
                Decoded::Created(c) if (200..300).contains(&reply.status) => Some(c.clone()),
                _ => None,
            };
            view! {
                <dl class="facts">
                    <dt>"Status"</dt>
                    <dd data-testid="response-status">{reply.status}</dd>
                    <dt>"Time"</dt>
                    <dd data-testid="response-time">{format!("{} ms", reply.elapsed_ms.round() as u64)}</dd>
                </dl>
                <ExplanationView e=explanation />
                {taken.then(|| view! { <UseNameButton name=suggest_free_name(&name) /> })}
                {created.map(|c| view! { <Summary c body=reply.body.clone() profile /> })}
                <h3>"Body"</h3>
                <pre class="code" data-testid="response-body">{evo_core::pretty_json(&reply.body)}</pre>
            }
            .into_any()
        }
    }
}

#[component]
fn UseNameButton(name: String) -> impl IntoView {
    let b = Builder::expect();
    let label = format!("Use \"{name}\" instead");
    view! {
        <button type="button" data-testid="use-suggested-name" on:click=move |_| b.patch("instanceName", Some(Value::from(name.clone())))>
            {label}
        </button>
    }
}

/// The 201 summary: name, id, the instance key (shown once), webhook/events, settings, Chatwoot, QR.
#[component]
fn Summary(c: Created, body: String, profile: Profile) -> impl IntoView {
    let v: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
    let settings: Vec<(String, String)> = v
        .get("settings")
        .and_then(Value::as_object)
        .map(|m| m.iter().map(|(k, v)| (k.clone(), v.to_string())).collect())
        .unwrap_or_default();
    let chatwoot = c.chatwoot_enabled;
    let copied = RwSignal::new(false);
    let key = c.instance_key.clone().unwrap_or_default();
    let copy_key = {
        let key = key.clone();
        move |_| {
            let k = key.clone();
            spawn_local(async move { copied.set(browser::copy_text(&k).await) });
        }
    };
    let conn = expect_context::<Conn>();
    let panel = move |initial: Option<QrInfo>, c: &Created| {
        view! {
            <QrPanel
                name=c.instance_name.clone().unwrap_or_default()
                initial
                base_url=conn.base_url
                global_key=conn.api_key
                instance_key=c.instance_key.clone()
            />
        }
    };
    let integration = v.pointer("/instance/integration").and_then(Value::as_str).unwrap_or("").to_owned();
    let connect = RwSignal::new(false);
    let qr_area = match (&c.qrcode, chatwoot, profile) {
        (_, true, Profile::V1) => view! {
            <p class="msg warn" data-testid="qr-chatwoot">
                "The QR code was sent to your Chatwoot inbox as a message (Chatwoot is on): scan it there."
            </p>
        }
        .into_any(),
        // 2.x on the Chatwoot path, or without qrcode: WhatsApp was not started; offer to connect.
        (None, _, Profile::V2) if integration == "WHATSAPP-BAILEYS" || integration.is_empty() => {
            let c2 = c.clone();
            let why = if chatwoot {
                "On the Chatwoot path the server sends no QR code and does not start WhatsApp."
            } else {
                "No QR code was requested (qrcode was not true)."
            };
            view! {
                <p class="msg warn" data-testid="qr-chatwoot" hidden=move || connect.get()>
                    {why} " "
                    <button type="button" data-testid="connect-now" on:click=move |_| connect.set(true)>"Connect now"</button>
                </p>
                {move || connect.get().then(|| panel(None, &c2))}
            }
            .into_any()
        }
        (None, _, Profile::V2) => view! {
            <p class="hint" data-testid="qr-none">{format!("The {integration} channel has no QR code: the instance is ready.")}</p>
        }
        .into_any(),
        (Some(q), false, _) => panel(Some(q.clone()), &c).into_any(),
        (Some(q), true, Profile::V2) => panel(Some(q.clone()), &c).into_any(),
        (None, false, Profile::V1) => {
            view! { <p class="hint">"No QR code requested (qrcode was not true): connect the instance later."</p> }
                .into_any()
        }
    };
    let status_label = if profile == Profile::V2 { "Connection state" } else { "Status" };
    view! {
        <div class="summary" data-testid="response-summary">
            <dl class="facts">
                <dt>"Instance"</dt>
                <dd data-testid="summary-name">{c.instance_name.clone().unwrap_or_default()}</dd>
                <dt>"Id"</dt>
                <dd><code>{c.instance_id.clone().unwrap_or_else(|| "—".into())}</code></dd>
                <dt>{status_label}</dt>
                <dd data-testid="summary-status">{c.status.clone().unwrap_or_default()}</dd>
                {(!integration.is_empty()).then(|| view! { <dt>"Integration"</dt><dd data-testid="summary-integration">{integration.clone()}</dd> })}
                <dt>"Instance key"</dt>
                <dd>
                    <code data-testid="instance-key">{key}</code>
                    " "
                    <button type="button" data-testid="instance-key-copy" on:click=copy_key>
                        {move || if copied.get() { "Copied" } else { "Copy" }}
                    </button>
                    <p class="hint">"Store this key now: it opens this instance's own API calls and is not shown again here."</p>
                </dd>
                {c.webhook.clone().map(|w| view! {
                    <dt>"Webhook"</dt>
                    <dd data-testid="summary-webhook">
                        <code>{w}</code>
                        {format!(" — {} event(s)", c.events.len())}
                    </dd>
                })}
                {(!settings.is_empty()).then(|| view! {
                    <dt>"Settings"</dt>
                    <dd class="settings">{settings.into_iter().map(|(k, v)| view! { <span><code>{k}</code>": "{v}</span> }).collect_view()}</dd>
                })}
                {chatwoot.then(|| view! { <dt>"Chatwoot"</dt><dd>"enabled"</dd> })}
            </dl>
            {qr_area}
        </div>
    }
}

/// The QR area: the server's PNG (only a checked `data:image/png;base64,` URL) and the same code
/// drawn locally as SVG, always dark on white with a quiet zone.
#[component]
pub fn QrView(qr: QrInfo) -> impl IntoView {
    if qr.is_pending() {
        return view! {
            <p class="msg warn" data-testid="qr-pending">
                "The server has no QR code yet (qrcode.count is 0): it could not reach WhatsApp, or its WhatsApp Web version is out of date. Ask for the QR again in a few seconds (Refresh)."
            </p>
        }
        .into_any();
    }
    let image = qr.base64.as_deref().map(|b| match check_png_data_url(b) {
        Ok(url) => view! {
            <figure class="qr">
                <img data-testid="qr-image" src=url.to_owned() alt="WhatsApp QR code from the server" width="264" height="264" />
                <figcaption>"From the server"</figcaption>
            </figure>
        }
        .into_any(),
        Err(e) => view! { <p class="msg err" data-testid="qr-image-refused">{e.to_string()}</p> }.into_any(),
    });
    let svg = qr.code.as_deref().map(|code| match QrMatrix::encode(code) {
        Ok(m) => {
            const QUIET: usize = 4;
            let side = m.side(QUIET);
            view! {
                <figure class="qr">
                    <svg
                        data-testid="qr-svg"
                        xmlns="http://www.w3.org/2000/svg"
                        viewBox=format!("0 0 {side} {side}")
                        width="264"
                        height="264"
                        shape-rendering="crispEdges"
                        role="img"
                        aria-label="WhatsApp QR code drawn from qrcode.code"
                    >
                        <rect width=side.to_string() height=side.to_string() fill="#ffffff" />
                        <path d=m.svg_path(QUIET) fill="#000000" />
                    </svg>
                    <figcaption>"Drawn here from qrcode.code"</figcaption>
                </figure>
            }
            .into_any()
        }
        Err(e) => view! { <p class="msg err">{format!("qrcode.code cannot be drawn: {e}")}</p> }.into_any(),
    });
    let count = qr
        .count
        .map(|c| format!("QR code #{c} of this session. Open WhatsApp › Linked devices › Link a device, and scan."));
    let pairing = qr.pairing_code.map(|p| {
        let shown = if p.len() == 8 { format!("{}-{}", &p[..4], &p[4..]) } else { p };
        view! { <p data-testid="qr-pairing" class="pairing">"Pairing code: " <strong>{shown}</strong></p> }
    });
    view! {
        <div class="qr-area" data-testid="qr-area">
            <div class="qr-row">{image} {svg}</div>
            {pairing}
            <p class="hint">{count}</p>
        </div>
    }
    .into_any()
}
