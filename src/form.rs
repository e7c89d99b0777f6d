//! The payload form: presets, one control per field, the events checklist. Every control reads its
//! value from the linted text and writes back through [`Builder::patch`], which edits only that
//! field's text.

use evo_core::builder::Preset;
use evo_core::events::{describe, EVENTS_V1_8};
use evo_core::lint::{Kind, Node};
use leptos::prelude::*;
use serde_json::Value;

use crate::browser;
use crate::state::Builder;

/// How a control shows and writes its field.
#[derive(Clone, Copy, PartialEq)]
pub enum Widget {
    /// Text; an empty box removes the field unless `keep_empty`.
    Text {
        placeholder: &'static str,
        keep_empty: bool,
    },
    /// A checkbox; unchecked writes `false` when `off_false`, else removes the field.
    Bool {
        off_false: bool,
    },
    /// Digits become a JSON number; anything else stays a string (and the linter says so).
    Int {
        placeholder: &'static str,
    },
    Select(&'static [&'static str]),
}

pub struct FieldSpec {
    pub key: &'static str,
    pub label: &'static str,
    pub help: &'static str,
    pub widget: Widget,
}

const fn text(key: &'static str, label: &'static str, help: &'static str, placeholder: &'static str) -> FieldSpec {
    FieldSpec { key, label, help, widget: Widget::Text { placeholder, keep_empty: false } }
}

const fn flag(key: &'static str, label: &'static str, help: &'static str) -> FieldSpec {
    FieldSpec { key, label, help, widget: Widget::Bool { off_false: false } }
}

const fn int(key: &'static str, label: &'static str, help: &'static str) -> FieldSpec {
    FieldSpec { key, label, help, widget: Widget::Int { placeholder: "" } }
}

pub const WEBHOOK: &[FieldSpec] = &[
    text(
        "webhook",
        "Webhook URL (webhook)",
        "Where the server POSTs events. Needs events too, or it is silently not saved.",
        "https://example.com/your-webhook",
    ),
    FieldSpec {
        key: "webhook_by_events",
        label: "One URL per event (webhook_by_events)",
        help: "Appends the event name to the URL, e.g. …/messages-upsert.",
        widget: Widget::Bool { off_false: true },
    },
];

pub const CHATWOOT: &[FieldSpec] = &[
    FieldSpec {
        key: "chatwoot_account_id",
        label: "Chatwoot account id (chatwoot_account_id)",
        help: "The number in your Chatwoot URL: /app/accounts/1/…",
        widget: Widget::Int { placeholder: "1" },
    },
    text(
        "chatwoot_token",
        "Chatwoot access token (chatwoot_token)",
        "From Chatwoot › Profile settings › Access token. Never stored or shared by this page.",
        "",
    ),
    text(
        "chatwoot_url",
        "Chatwoot URL (chatwoot_url)",
        "Your Chatwoot installation, e.g. https://app.chatwoot.com",
        "https://app.chatwoot.com",
    ),
    FieldSpec {
        key: "chatwoot_sign_msg",
        label: "Sign messages with the agent's name (chatwoot_sign_msg)",
        help: "Required (true or false) when Chatwoot is on.",
        widget: Widget::Bool { off_false: true },
    },
    flag(
        "chatwoot_reopen_conversation",
        "Reopen resolved conversations (chatwoot_reopen_conversation)",
        "A new message reopens the last conversation instead of starting one.",
    ),
    flag(
        "chatwoot_conversation_pending",
        "New conversations start as pending (chatwoot_conversation_pending)",
        "Instead of open.",
    ),
    text("chatwoot_name_inbox", "Inbox name (chatwoot_name_inbox)", "Defaults to the instance name.", ""),
    flag(
        "chatwoot_merge_brazil_contacts",
        "Merge Brazilian numbers with/without the 9th digit (chatwoot_merge_brazil_contacts)",
        "One contact for +55 numbers written both ways.",
    ),
    flag(
        "chatwoot_import_contacts",
        "Import contacts (chatwoot_import_contacts)",
        "Copy WhatsApp contacts into Chatwoot.",
    ),
    flag(
        "chatwoot_import_messages",
        "Import messages (chatwoot_import_messages)",
        "Copy recent history into Chatwoot.",
    ),
    int(
        "chatwoot_days_limit_import_messages",
        "Days of history to import (chatwoot_days_limit_import_messages)",
        "The server's default is 60.",
    ),
];

pub const ADVANCED: &[FieldSpec] = &[
    FieldSpec {
        key: "number",
        label: "Phone number for a pairing code (number)",
        help: "Digits only, country code first (e.g. 5511999999999): the QR answer then carries an 8-character code to type on the phone.",
        widget: Widget::Text { placeholder: "5511999999999", keep_empty: false },
    },
    FieldSpec {
        key: "integration",
        label: "Integration (integration)",
        help: "Baileys (WhatsApp Web, the default) or the official Business API (needs token and number).",
        widget: Widget::Select(&["", "WHATSAPP-BAILEYS", "WHATSAPP-BUSINESS"]),
    },
    flag("reject_call", "Reject calls (reject_call)", "Incoming calls are declined automatically."),
    text("msg_call", "Message sent when a call is rejected (msg_call)", "Only with reject_call.", ""),
    flag("groups_ignore", "Ignore group messages (groups_ignore)", "1.8.2 forces this on at create; change it later in settings."),
    flag("always_online", "Always online (always_online)", "Shows the number as online all the time."),
    flag("read_messages", "Mark messages as read (read_messages)", "Blue ticks for every received message."),
    flag("read_status", "Mark status updates as seen (read_status)", ""),
    flag("sync_full_history", "Sync the full history (sync_full_history)", "Asks WhatsApp for all past messages: slow on big accounts."),
    flag("webhook_base64", "Media as base64 in webhooks (webhook_base64)", "Sends media content inside the webhook body."),
    flag("websocket_enabled", "WebSocket events (websocket_enabled)", "Needs websocket_events, or it is silently dropped."),
    flag("rabbitmq_enabled", "RabbitMQ events (rabbitmq_enabled)", "Needs rabbitmq_events, or it is silently dropped."),
    flag("sqs_enabled", "Amazon SQS events (sqs_enabled)", "Needs sqs_events, or it is silently dropped."),
    text("typebot_url", "Typebot URL (typebot_url)", "Your Typebot server, e.g. https://typebot.example.com", ""),
    text("typebot", "Typebot flow name (typebot)", "The public name of the flow to run.", ""),
    int("typebot_expire", "Typebot session expiry, minutes (typebot_expire)", "0 = never."),
    text("typebot_keyword_finish", "Keyword that ends the flow (typebot_keyword_finish)", "e.g. #exit", ""),
    int("typebot_delay_message", "Delay between bot messages, ms (typebot_delay_message)", ""),
    text("typebot_unknown_message", "Reply to unknown input (typebot_unknown_message)", "", ""),
    flag("typebot_listening_from_me", "Typebot listens to your own messages (typebot_listening_from_me)", ""),
];

fn field_value(b: Builder, key: &'static str) -> impl Fn() -> Option<Node> + Copy {
    move || b.linted.with(|l| l.field(key).cloned())
}

/// The field's message (lint or server) and whether it is an error.
fn field_message(b: Builder, key: &'static str) -> impl Fn() -> Option<String> + Copy {
    move || {
        b.server_errors
            .with(|e| e.iter().find(|(k, _)| k == key).map(|(_, m)| format!("Server: {m}")))
            .or_else(|| b.linted.with(|l| l.field_message(key).map(|r| r.message.clone())))
    }
}

/// What a control shows for a value: strings as they are, numbers and booleans as written in the
/// text (so `007` or `1e3` are not rewritten by a float round-trip).
fn node_text(b: Builder, n: &Node) -> String {
    match &n.kind {
        Kind::String(s) => s.clone(),
        Kind::Number(_) | Kind::Bool(_) => {
            b.text.with_untracked(|t| t.get(n.span.start..n.span.end).unwrap_or_default().to_owned())
        }
        _ => String::new(),
    }
}

/// What a text box writes: nothing when empty (unless `keep_empty`), a number for digits in a
/// numeric box (anything else stays a string, and the linter says so), else the string.
fn input_json(v: String, numeric: bool, keep_empty: bool) -> Option<Value> {
    if v.trim().is_empty() && !keep_empty {
        return None;
    }
    match v.trim().parse::<i64>() {
        Ok(n) if numeric => Some(Value::from(n)),
        _ => Some(Value::from(v)),
    }
}

/// One form control with its label, help line and field message.
#[component]
pub fn Field(spec: &'static FieldSpec, #[prop(optional)] testid: Option<&'static str>) -> impl IntoView {
    let b = Builder::expect();
    let key = spec.key;
    let id = format!("f-{key}");
    let msg_id = format!("f-{key}-msg");
    let testid = testid.map_or_else(|| format!("field-{key}"), str::to_owned);
    let value = field_value(b, key);
    let message = field_message(b, key);
    let invalid = move || message().is_some().to_string();
    let described = format!("{msg_id} {id}-help");
    let control = match spec.widget {
        Widget::Text { placeholder, .. } | Widget::Int { placeholder } => {
            let numeric = matches!(spec.widget, Widget::Int { .. });
            let keep_empty = matches!(spec.widget, Widget::Text { keep_empty: true, .. });
            view! {
                <input
                    id=id.clone()
                    data-testid=testid
                    type="text"
                    inputmode=if numeric { "numeric" } else { "text" }
                    spellcheck="false"
                    autocomplete="off"
                    placeholder=placeholder
                    prop:value=move || value().map(|n| node_text(b, &n)).unwrap_or_default()
                    aria-invalid=invalid
                    aria-describedby=described.clone()
                    on:input:target=move |ev| b.patch(key, input_json(ev.target().value(), numeric, keep_empty))
                />
            }
            .into_any()
        }
        Widget::Bool { off_false } => view! {
            <input
                id=id.clone()
                data-testid=testid
                type="checkbox"
                prop:checked=move || value().and_then(|n| n.as_bool()).unwrap_or(false)
                aria-invalid=invalid
                aria-describedby=described.clone()
                on:change:target=move |ev| {
                    let on = ev.target().checked();
                    b.patch(key, if on { Some(Value::Bool(true)) } else if off_false { Some(Value::Bool(false)) } else { None });
                }
            />
        }
        .into_any(),
        Widget::Select(options) => view! {
            <select
                id=id.clone()
                data-testid=testid
                prop:value=move || value().map(|n| node_text(b, &n)).unwrap_or_default()
                aria-describedby=described.clone()
                on:change:target=move |ev| {
                    let v = ev.target().value();
                    b.patch(key, (!v.is_empty()).then(|| Value::from(v)));
                }
            >
                {options
                    .iter()
                    .map(|o| view! { <option value=*o>{if o.is_empty() { "(not set)" } else { o }}</option> })
                    .collect_view()}
            </select>
        }
        .into_any(),
    };
    let is_check = matches!(spec.widget, Widget::Bool { .. });
    view! {
        <div class=if is_check { "field check" } else { "field" }>
            {if is_check {
                view! { {control} <label for=id.clone()>{spec.label}</label> }.into_any()
            } else {
                view! { <label for=id.clone()>{spec.label}</label> {control} }.into_any()
            }}
            <p id=format!("{id}-help") class="hint">{spec.help}</p>
            <p id=msg_id class="field-msg" role="status">{message}</p>
        </div>
    }
}

/// The events checklist for `key` (`events`, `websocket_events`, …): all 26 v1.8 events.
#[component]
pub fn EventsChecklist(key: &'static str) -> impl IntoView {
    let b = Builder::expect();
    let list = move || -> Option<Vec<String>> {
        b.linted.with(|l| {
            l.field(key)?.items().map(|items| items.iter().filter_map(|i| i.as_str().map(str::to_owned)).collect())
        })
    };
    let all_mode = move || list().is_some_and(|l| l.is_empty());
    let toggle = move |event: &'static str, on: bool| {
        let mut current = match list() {
            Some(l) if l.is_empty() => EVENTS_V1_8.iter().map(|e| (*e).to_owned()).collect(),
            Some(l) => l,
            None => Vec::new(),
        };
        current.retain(|e| e != event);
        if on {
            current.push(event.to_owned());
        }
        // Keep the server's order, so the text reads like the docs.
        current.sort_by_key(|e| EVENTS_V1_8.iter().position(|x| x == e).unwrap_or(usize::MAX));
        b.patch(key, Some(Value::from(current)));
    };
    let message = field_message(b, key);
    view! {
        <fieldset class="events" data-testid=format!("events-{key}")>
            <legend>{format!("Events ({key})")}</legend>
            <div class="row">
                <button type="button" data-testid=format!("events-all-{key}") on:click=move |_| b.patch(key, Some(Value::Array(vec![])))>
                    "All (sends [])"
                </button>
                <button type="button" data-testid=format!("events-none-{key}") on:click=move |_| b.patch(key, None)>
                    "None"
                </button>
                <span class="hint">
                    {move || match list() {
                        None => "No events field.".to_owned(),
                        Some(l) if l.is_empty() => "[] = every event.".to_owned(),
                        Some(l) => format!("{} selected.", l.len()),
                    }}
                </span>
            </div>
            <p class="field-msg" role="status">{message}</p>
            <ul class="event-list">
                {EVENTS_V1_8
                    .iter()
                    .map(|&e| {
                        let id = format!("ev-{key}-{e}");
                        view! {
                            <li>
                                <input
                                    type="checkbox"
                                    id=id.clone()
                                    data-testid=format!("event-{key}-{e}")
                                    prop:checked=move || all_mode() || list().is_some_and(|l| l.iter().any(|x| x == e))
                                    on:change:target=move |ev| toggle(e, ev.target().checked())
                                />
                                <label for=id>
                                    <code>{e}</code>
                                    <span class="hint">{describe(e)}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
}

/// `proxy: {host, port, protocol, username, password}` as five inputs.
#[component]
fn ProxyFields() -> impl IntoView {
    let b = Builder::expect();
    let current = move || -> serde_json::Map<String, Value> {
        b.linted.with(|l| {
            let mut out = serde_json::Map::new();
            for m in l.field("proxy").and_then(Node::members).unwrap_or_default() {
                if let Some(v) = &m.value {
                    out.insert(m.key.clone(), Value::from(node_text(b, v)));
                }
            }
            out
        })
    };
    let set = move |k: &'static str, v: String| {
        let mut map = current();
        if v.is_empty() {
            map.remove(k);
        } else {
            map.insert(k.to_owned(), Value::from(v));
        }
        b.patch("proxy", (!map.is_empty()).then_some(Value::Object(map)));
    };
    let message = field_message(b, "proxy");
    view! {
        <fieldset class="proxy">
            <legend>"Proxy (proxy)"</legend>
            <p class="hint">"The server checks the proxy by calling an outside host through it; unreachable → 400 \"Invalid proxy\"."</p>
            {["host", "port", "protocol", "username", "password"]
                .into_iter()
                .map(|k| {
                    let id = format!("proxy-{k}");
                    view! {
                        <div class="field">
                            <label for=id.clone()>{format!("proxy.{k}")}</label>
                            <input
                                id=id
                                data-testid=format!("field-proxy-{k}")
                                type=if k == "password" { "password" } else { "text" }
                                autocomplete="off"
                                prop:value=move || current().get(k).and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
                                on:input:target=move |ev| set(k, ev.target().value())
                            />
                        </div>
                    }
                })
                .collect_view()}
            <p class="field-msg" role="status">{message}</p>
        </fieldset>
    }
}

/// Presets, the basic fields, and the webhook / Chatwoot / advanced sections.
#[component]
pub fn PayloadForm() -> impl IntoView {
    let b = Builder::expect();
    let name_spec: &'static FieldSpec = &FieldSpec {
        key: "instanceName",
        label: "Instance name (instanceName)",
        help: "Lowercase letters and digits only: the name becomes part of every later URL.",
        widget: Widget::Text { placeholder: "mystore", keep_empty: true },
    };
    let token_spec: &'static FieldSpec = &FieldSpec {
        key: "token",
        label: "Instance token (token)",
        help: "The instance's own key. Generate one here rather than leaving it to the server.",
        widget: Widget::Text { placeholder: "", keep_empty: false },
    };
    let qr_spec: &'static FieldSpec = &FieldSpec {
        key: "qrcode",
        label: "Generate the QR code now (qrcode)",
        help: "Off: connect later from the instance's page.",
        widget: Widget::Bool { off_false: true },
    };
    // Memos change only when the field appears or goes, so a section the user opened stays open.
    let has_webhook = Memo::new(move |_| b.linted.with(|l| l.field("webhook").is_some()));
    let has_chatwoot = Memo::new(move |_| b.linted.with(|l| l.field("chatwoot_url").is_some()));
    let has_advanced = Memo::new(move |_| {
        b.linted.with(|l| ADVANCED.iter().map(|s| s.key).chain(["proxy"]).any(|k| l.field(k).is_some()))
    });
    let generate = move |_| {
        if let Some(t) = browser::fresh_uuid() {
            b.patch("token", Some(Value::from(t)));
        }
    };
    view! {
        <div class="presets" role="group" aria-label="Presets from the vendor's page">
            {Preset::ALL
                .into_iter()
                .map(|p| {
                    view! {
                        <button
                            type="button"
                            data-testid=format!("preset-{}", p.id())
                            aria-pressed=move || (b.preset.get() == Some(p)).to_string()
                            on:click=move |_| b.switch_preset(p)
                        >
                            {p.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <p class="msg err" role="alert" data-testid="patch-error" hidden=move || b.patch_error.with(Option::is_none)>
            {move || b.patch_error.get()}
        </p>
        <Field spec=name_spec testid="instance-name" />
        <div class="row end">
            <div class="grow">
                <Field spec=token_spec testid="token" />
            </div>
            <button type="button" data-testid="token-generate" on:click=generate>
                "Generate"
            </button>
        </div>
        <Field spec=qr_spec testid="qrcode" />
        <details class="section" open=has_webhook>
            <summary>"Webhook"</summary>
            {WEBHOOK.iter().map(|s| view! { <Field spec=s /> }).collect_view()}
            <EventsChecklist key="events" />
        </details>
        <details class="section" open=has_chatwoot>
            <summary>"Chatwoot"</summary>
            <p class="hint">"All three of account id, token and URL, or none. The QR code then goes to your Chatwoot inbox."</p>
            {CHATWOOT.iter().map(|s| view! { <Field spec=s /> }).collect_view()}
        </details>
        <details class="section" open=has_advanced>
            <summary data-testid="advanced">"Advanced (Evolution 1.4–1.8 fields)"</summary>
            {ADVANCED.iter().map(|s| view! { <Field spec=s /> }).collect_view()}
            <details>
                <summary>"WebSocket / RabbitMQ / SQS events"</summary>
                <EventsChecklist key="websocket_events" />
                <EventsChecklist key="rabbitmq_events" />
                <EventsChecklist key="sqs_events" />
            </details>
            <ProxyFields />
        </details>
    }
}
