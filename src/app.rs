//! The page's components. They hold signals and render; every rule comes from `evo_core`.

use evo_core::explain::{explain_no_response, explain_response, mixed_content, Explanation, Tone};
use evo_core::payload::BasicPayload;
use evo_core::qr::{check_png_data_url, QrMatrix};
use evo_core::response::{decode, Decoded, QrInfo};
use evo_core::token::{check_api_key, uuid_v4};
use evo_core::url::BaseUrl;
use leptos::prelude::*;

use crate::browser;
use crate::http::{self, HttpError, Reply};

/// The sandbox's default address, offered when the page itself runs locally.
pub const SANDBOX_URL: &str = "http://127.0.0.1:8081";

/// What one press of "Create instance" ended in.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Refused before sending (bad base URL or key, mixed content): nothing left the page.
    NotSent(String),
    /// An HTTP answer, with the instance name that was sent.
    Answered { reply: Reply, name: String },
    /// No HTTP answer.
    NoAnswer(HttpError),
}

#[component]
pub fn App() -> impl IntoView {
    let base_url = RwSignal::new(if browser::page_is_local() { SANDBOX_URL.to_owned() } else { String::new() });
    let api_key = RwSignal::new(String::new());
    let instance_name = RwSignal::new(String::new());
    let token = RwSignal::new(String::new());
    let qrcode = RwSignal::new(true);

    let payload = Memo::new(move |_| BasicPayload {
        instance_name: instance_name.get(),
        token: token.get(),
        qrcode: qrcode.get(),
    });
    let body = Memo::new(move |_| payload.with(BasicPayload::to_json));

    let send = Action::new_local(move |_: &()| {
        let base = base_url.get_untracked();
        let key = api_key.get_untracked();
        let body = body.get_untracked();
        let name = instance_name.get_untracked();
        async move {
            let base = match BaseUrl::parse(&base) {
                Ok(b) => b,
                Err(e) => return Outcome::NotSent(e.to_string()),
            };
            if let Err(e) = check_api_key(&key) {
                return Outcome::NotSent(e.to_string());
            }
            if let Some(e) = mixed_content(browser::page_is_https(), base.is_https()) {
                return Outcome::NotSent(e.text);
            }
            match http::post_json(&base.create_url(), &key, body).await {
                Ok(reply) => Outcome::Answered { reply, name },
                Err(e) => Outcome::NoAnswer(e),
            }
        }
    });
    let pending = send.pending();

    view! {
        <header class="top">
            <h1>"Evolution API — create a WhatsApp instance"</h1>
            <p class="sub">"Build the payload, check it, post it to " <code>"{baseUrl}/instance/create"</code> ", scan the QR."</p>
        </header>
        <main class="grid">
            <section class="card" aria-labelledby="conn-h">
                <h2 id="conn-h">"Connection"</h2>
                <ConnectionPanel base_url api_key />
            </section>
            <section class="card" aria-labelledby="payload-h">
                <h2 id="payload-h">"Payload"</h2>
                <BasicForm instance_name token qrcode />
                <h3>"JSON that will be sent"</h3>
                <pre class="code" data-testid="payload-preview" aria-live="off">{move || body.get()}</pre>
                <button
                    class="primary"
                    data-testid="send"
                    type="button"
                    prop:disabled=move || pending.get()
                    on:click=move |_| {
                        send.dispatch(());
                    }
                >
                    {move || if pending.get() { "Creating…" } else { "Create instance" }}
                </button>
            </section>
            <section class="card wide" aria-labelledby="resp-h" aria-busy=move || pending.get().to_string()>
                <h2 id="resp-h">"Response"</h2>
                {move || match send.value().get() {
                    None => view! { <p class="muted">"Nothing sent yet."</p> }.into_any(),
                    Some(outcome) => view! { <OutcomeView outcome /> }.into_any(),
                }}
            </section>
        </main>
    }
}

#[component]
fn ConnectionPanel(base_url: RwSignal<String>, api_key: RwSignal<String>) -> impl IntoView {
    let reveal = RwSignal::new(false);
    let url_problem = move || base_url.with(|u| BaseUrl::parse(u).err().map(|e| e.to_string()));
    view! {
        <div class="field">
            <label for="base-url">"Base URL"</label>
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
            <p id="base-url-hint" class="hint">
                {move || url_problem().unwrap_or_else(|| "The server root; /instance/create is added for you.".into())}
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
            </div>
            <p id="api-key-hint" class="hint">"Sent only in the apikey header. Kept in this tab's memory, never stored."</p>
        </div>
    }
}

#[component]
fn BasicForm(instance_name: RwSignal<String>, token: RwSignal<String>, qrcode: RwSignal<bool>) -> impl IntoView {
    let generate = move |_| {
        if let Some(bytes) = browser::random_16() {
            token.set(uuid_v4(bytes));
        }
    };
    view! {
        <div class="field">
            <label for="instance-name">"Instance name (instanceName)"</label>
            <input
                id="instance-name"
                data-testid="instance-name"
                type="text"
                placeholder="mystore"
                spellcheck="false"
                bind:value=instance_name
            />
            <p class="hint">"Lowercase letters and digits only: the name becomes part of every later URL."</p>
        </div>
        <div class="field">
            <label for="token">"Instance token (token)"</label>
            <div class="row">
                <input id="token" data-testid="token" type="text" spellcheck="false" autocomplete="off" bind:value=token />
                <button type="button" data-testid="token-generate" on:click=generate>
                    "Generate"
                </button>
            </div>
            <p class="hint">"The instance's own key. Generate one here rather than leaving it to the server."</p>
        </div>
        <div class="field check">
            <input id="qrcode" data-testid="qrcode" type="checkbox" bind:checked=qrcode />
            <label for="qrcode">"Generate the QR code now (qrcode)"</label>
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
    let testid = if e.tone == Tone::Success { "response-summary" } else { "error-message" };
    view! {
        <p class=tone_class(e.tone) data-testid=testid role=if e.tone == Tone::Success { "status" } else { "alert" }>
            {e.text}
        </p>
    }
}

#[component]
fn OutcomeView(outcome: Outcome) -> impl IntoView {
    match outcome {
        Outcome::NotSent(why) => view! {
            <ExplanationView e=Explanation { tone: Tone::Error, text: format!("Not sent: {why}") } />
        }
        .into_any(),
        Outcome::NoAnswer(err) => {
            let elapsed = match &err {
                HttpError::Network { elapsed_ms, .. } => format!("{elapsed_ms:.0} ms"),
                HttpError::Request(_) => "—".into(),
            };
            let mut e = explain_no_response(&browser::page_origin());
            if let HttpError::Request(why) = &err {
                e.text = format!("The browser refused to build the request: {why}");
            }
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
        Outcome::Answered { reply, name } => {
            let decoded = decode(reply.status, &reply.body);
            let explanation = explain_response(reply.status, &decoded, &name);
            let qr = match &decoded {
                Decoded::Created(c) => c.qrcode.clone(),
                _ => None,
            };
            let key = match &decoded {
                Decoded::Created(c) => c.instance_key.clone(),
                _ => None,
            };
            view! {
                <dl class="facts">
                    <dt>"Status"</dt>
                    <dd data-testid="response-status">{reply.status}</dd>
                    <dt>"Time"</dt>
                    <dd data-testid="response-time">{format!("{:.0} ms", reply.elapsed_ms)}</dd>
                    {key.map(|k| view! {
                        <dt>"Instance key"</dt>
                        <dd><code data-testid="instance-key">{k}</code></dd>
                    })}
                </dl>
                <ExplanationView e=explanation />
                {qr.map(|q| view! { <QrView qr=q /> })}
                <h3>"Body"</h3>
                <pre class="code" data-testid="response-body">{evo_core::pretty_json(&reply.body)}</pre>
            }
            .into_any()
        }
    }
}

/// The QR area: the server's PNG (only a checked `data:image/png;base64,` URL) and the same code
/// drawn locally as SVG, always dark on white with a quiet zone.
#[component]
pub fn QrView(qr: QrInfo) -> impl IntoView {
    if qr.is_pending() {
        return view! {
            <p class="msg warn" data-testid="qr-pending">
                "The server has no QR code yet (qrcode.count is 0): it could not reach WhatsApp, or its WhatsApp Web version is out of date. Ask for the QR again in a few seconds."
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
    view! {
        <div class="qr-area" data-testid="qr-area">
            <div class="qr-row">{image} {svg}</div>
            <p class="hint">{count}</p>
        </div>
    }
    .into_any()
}
