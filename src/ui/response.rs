//! The response card: what a create ended in, explained, and the 201 summary with the QR panel.

use evo_core::explain::{suggest_free_name, Explanation, Tone};
use evo_core::fields::Profile;
use evo_core::render::explain_response;
use evo_core::response::{decode, Created, Decoded, QrInfo};
use leptos::prelude::*;

use super::connection::Conn;
use super::copy::CopyButton;
use serde_json::Value;

use crate::actions::create::{NotSent, Outcome};
use crate::browser;
use crate::http::ApiError;
use crate::i18n::{fill, parts, t, tfp, tp, tr, trp};
use crate::state::Builder;
use crate::ui::qr_panel::QrPanel;

/// Why a create was not sent, in the reader's language.
fn not_sent(n: &NotSent) -> String {
    let why = match n {
        NotSent::Errors(n) => tfp(|u| u.not_sent_errors, &[&n.to_string()]),
        NotSent::OtherGeneration { version, payload, server } => {
            tfp(|u| u.not_sent_version, &[version, payload.label(), server.label()])
        }
        NotSent::Refused(r) => crate::ui::errors::refused(r),
        NotSent::Unavailable(e) => e.to_string(),
    };
    tfp(|u| u.not_sent, &[&why])
}

fn tone_class(t: Tone) -> &'static str {
    match t {
        Tone::Success => "msg ok",
        Tone::Warning => "msg warn",
        Tone::Error => "msg err",
    }
}

/// What a screen reader is told when an answer arrives (the response card's live region): the
/// status and the explanation shown.
pub fn announcement(o: &Outcome) -> String {
    match o {
        Outcome::NotSent(why) => not_sent(why),
        Outcome::NoAnswer(err) => {
            tfp(|u| u.no_answer_said, &[&crate::ui::errors::explain(&ApiError::NoAnswer(err.clone())).text])
        }
        Outcome::Answered { reply, name, .. } => {
            let e = explain_response(reply.status, &decode(reply.status, &reply.body), name, crate::i18n::lang());
            tfp(|u| u.status_said, &[&reply.status.to_string(), &e.text])
        }
    }
}

/// The explanation; announced through the response card's live region (so it carries no role itself).
#[component]
fn ExplanationView(e: Explanation) -> impl IntoView {
    let testid = if e.tone == Tone::Success { "response-message" } else { "error-message" };
    view! {
        <p class=tone_class(e.tone) data-testid=testid>
            {e.text}
        </p>
    }
}

#[component]
pub fn OutcomeView(outcome: Outcome) -> impl IntoView {
    match outcome {
        // Written again in the page's language when it is switched.
        Outcome::NotSent(why) => (move || {
            crate::i18n::current();
            view! { <ExplanationView e=Explanation { tone: Tone::Error, text: not_sent(&why) } /> }
        })
        .into_any(),
        Outcome::NoAnswer(err) => {
            let elapsed = err.elapsed_ms().map_or_else(|| "—".to_owned(), |ms| format!("{} ms", ms.round() as u64));
            // Written again in the page's language when it is switched (the rest of the card follows by itself).
            let e = move || {
                crate::i18n::current();
                view! { <ExplanationView e=crate::ui::errors::explain(&ApiError::NoAnswer(err.clone())) /> }
            };
            view! {
                <dl class="facts">
                    <dt>{tr(|u| u.status)}</dt>
                    <dd data-testid="response-status">{trp(|u| u.no_answer)}</dd>
                    <dt>{trp(|u| u.time)}</dt>
                    <dd data-testid="response-time">{elapsed}</dd>
                </dl>
                {e}
            }
            .into_any()
        }
        Outcome::Answered { reply, name, profile, renewed } => {
            let decoded = decode(reply.status, &reply.body);
            let (d2, n2, status) = (decoded.clone(), name.clone(), reply.status);
            let explanation =
                move || view! { <ExplanationView e=explain_response(status, &d2, &n2, crate::i18n::current()) /> };
            let taken = reply.status == 403 && reply.body.contains("already in use");
            let created = match &decoded {
                Decoded::Created(c) if (200..300).contains(&reply.status) => Some(c.clone()),
                _ => None,
            };
            view! {
                <dl class="facts">
                    <dt>{tr(|u| u.status)}</dt>
                    <dd data-testid="response-status">{reply.status}</dd>
                    <dt>{trp(|u| u.time)}</dt>
                    <dd data-testid="response-time">{format!("{} ms", reply.elapsed_ms.round() as u64)}</dd>
                </dl>
                {explanation}
                {renewed.then(|| {
                    let name = name.clone();
                    view! {
                        <p class="msg ok" role="status" data-testid="token-renewed">
                            {move || fill(parts().token_renewed, &[&name])}
                        </p>
                    }
                })}
                {taken.then(|| view! { <UseNameButton name=suggest_free_name(&name) /> })}
                {created.map(|c| view! { <Summary c body=reply.body.clone() profile /> })}
                <h3 id="resp-body-h">{tr(|u| u.body)}</h3>
                <pre class="code" data-testid="response-body" role="region" tabindex="0" aria-labelledby="resp-body-h">{evo_core::pretty_json(&reply.body)}</pre>
            }
            .into_any()
        }
    }
}

#[component]
fn UseNameButton(name: String) -> impl IntoView {
    let b = Builder::expect();
    let label = tfp(|u| u.use_instead, &[&name]);
    view! {
        <button type="button" data-testid="use-suggested-name" on:click=move |_| b.patch("instanceName", Some(evo_core::json::Json::from(name.clone())))>
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
    let key = c.instance_key.clone().unwrap_or_default();
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
                {trp(|u| u.qr_in_chatwoot)}
            </p>
        }
        .into_any(),
        // 2.x on the Chatwoot path, or without qrcode: WhatsApp was not started; offer to connect.
        (None, _, Profile::V2) if integration == "WHATSAPP-BAILEYS" || integration.is_empty() => {
            let c2 = c.clone();
            let why = if chatwoot { tp().chatwoot_no_qr } else { tp().no_qr_requested };
            view! {
                <p class="msg warn" data-testid="qr-chatwoot" hidden=move || connect.get()>
                    {why} " "
                    <button type="button" data-testid="connect-now" on:click=move |_| {
                        connect.set(true);
                        // The button goes; the focus goes to the panel that replaces it.
                        browser::next_frame(|| browser::focus_selector("[data-testid=response-summary] [data-testid=qr-panel]"));
                    }>{trp(|u| u.connect_now)}</button>
                </p>
                {move || connect.get().then(|| panel(None, &c2))}
            }
            .into_any()
        }
        (None, _, Profile::V2) => view! {
            <p class="hint" data-testid="qr-none">{tfp(|u| u.channel_no_qr, &[&integration])}</p>
        }
        .into_any(),
        (Some(q), false, _) => panel(Some(q.clone()), &c).into_any(),
        (Some(q), true, Profile::V2) => panel(Some(q.clone()), &c).into_any(),
        (None, false, Profile::V1) => view! { <p class="hint">{trp(|u| u.no_qr_later)}</p> }.into_any(),
    };
    let status_label = if profile == Profile::V2 { tp().connection_state } else { t().status };
    // The instance's configuration page (a part of its own), opened from here.
    let configuring = RwSignal::new(false);
    let target = crate::ui::config::Target {
        name: c.instance_name.clone().unwrap_or_default(),
        profile,
        open: Some(false),
        server: conn.known_server().map(|k| k.version),
    };
    let configure = view! {
        <button type="button" data-testid="configure" on:click=move |_| configuring.set(true)>{trp(|u| u.configure)}</button>
        {move || configuring.get().then(|| {
            let on_close = Callback::new(move |()| configuring.set(false));
            crate::ui::show(crate::ui::config::config_view(target.clone(), on_close))
        })}
    };
    view! {
        <div class="summary" data-testid="response-summary">
            <dl class="facts">
                <dt>{trp(|u| u.instance)}</dt>
                <dd data-testid="summary-name">{c.instance_name.clone().unwrap_or_default()}</dd>
                <dt>{tr(|u| u.id)}</dt>
                <dd><code>{c.instance_id.clone().unwrap_or_else(|| "—".into())}</code></dd>
                <dt>{status_label}</dt>
                <dd data-testid="summary-status">{c.status.clone().unwrap_or_default()}</dd>
                {(!integration.is_empty()).then(|| view! { <dt>{trp(|u| u.integration)}</dt><dd data-testid="summary-integration">{integration.clone()}</dd> })}
                <dt>{trp(|u| u.instance_key)}</dt>
                <dd>
                    <code data-testid="instance-key">{key.clone()}</code>
                    " "
                    <CopyButton text=Signal::stored(key.clone()) testid="instance-key-copy" />
                    <p class="hint">{trp(|u| u.key_once)}</p>
                </dd>
                {c.webhook.clone().map(|w| view! {
                    <dt>"Webhook"</dt>
                    <dd data-testid="summary-webhook">
                        <code>{w}</code>
                        {tfp(|u| u.events_count, &[&c.events.len().to_string()])}
                    </dd>
                })}
                {(!settings.is_empty()).then(|| view! {
                    <dt>{trp(|u| u.settings)}</dt>
                    <dd class="settings">{settings.into_iter().map(|(k, v)| view! { <span><code>{k}</code>": "{v}</span> }).collect_view()}</dd>
                })}
                {chatwoot.then(|| view! { <dt>"Chatwoot"</dt><dd>{trp(|u| u.enabled)}</dd> })}
            </dl>
            {qr_area}
            {configure}
        </div>
    }
}

crate::lazy::part! {
    /// A create's answer explained (with its QR panel after a 201); `live` gets what the response
    /// card's live region announces about it.
    outcome(outcome: Outcome, live: RwSignal<String>) -> AnyView {
        live.try_set(announcement(&outcome));
        view! { <OutcomeView outcome /> }.into_any()
    }
}
