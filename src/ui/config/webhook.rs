//! What the webhook and settings tabs add to the form: `headers` as key/value rows (values masked),
//! the URLs `byEvents` will call, the first event a test sees, what cannot be known from here
//! (reachability), and `syncFullHistory` on an instance already connected.

use evo_core::config::Endpoint;
use evo_core::fields::{Field, Profile};
use evo_core::json::Json;
use evo_core::lint::Node;
use leptos::prelude::*;

use super::doc::Doc;
use crate::i18n::{tfp, trp};

/// `QRCODE_UPDATED` → `qrcode-updated`: the path `byEvents` appends to the URL.
pub fn kebab(event: &str) -> String {
    event.to_ascii_lowercase().replace('_', "-")
}

/// The webhook object's path prefix (`webhook.` on 2.x, nothing on 1.8.2).
fn at(d: Doc, key: &str) -> String {
    if d.profile == Profile::V2 {
        format!("webhook.{key}")
    } else {
        key.to_owned()
    }
}

/// `headers` as rows: key and (masked) value; the text keeps the object.
pub fn headers(d: Doc, f: &'static Field, id: String) -> impl IntoView {
    let key = f.key;
    let rows = move || -> Vec<(String, String)> {
        d.linted.with(|l| {
            l.field(key)
                .and_then(Node::members)
                .map(|m| {
                    m.iter()
                        .map(|m| (m.key.to_string(), m.value.as_ref().and_then(Node::as_str).unwrap_or("").to_owned()))
                        .collect()
                })
                .unwrap_or_default()
        })
    };
    let write = move |rows: Vec<(String, String)>| {
        let obj = Json::Obj(rows.into_iter().filter(|(k, _)| !k.is_empty()).map(|(k, v)| (k, Json::from(v))).collect());
        d.patch(key, Some(obj));
    };
    let new_key = RwSignal::new(String::new());
    let new_value = RwSignal::new(String::new());
    view! {
        <fieldset data-testid="config-headers">
            <legend>{move || evo_core::render::config_field_text(d.endpoint, f, d.profile, crate::i18n::current()).label}" " <code class="key">{key}</code></legend>
            <ul>
                {move || rows().into_iter().enumerate().map(|(i, (k, _))| view! {
                    <li class="row" data-testid="config-header">
                        <code>{k.clone()}</code>
                        <span class="secret">"••••••"</span>
                        <button type="button" data-testid="config-header-remove" on:click=move |_| {
                            let mut r = rows();
                            if i < r.len() { r.remove(i); }
                            write(r);
                        }>{trp(|u| u.cfg_remove)}</button>
                    </li>
                }).collect_view()}
            </ul>
            <div class="row">
                <label for=format!("{id}-k")>{trp(|u| u.cfg_header_name)}</label>
                <input id=format!("{id}-k") data-testid="config-header-key" type="text" bind:value=new_key />
                <label for=format!("{id}-v")>{trp(|u| u.cfg_header_value)}</label>
                <input id=format!("{id}-v") data-testid="config-header-value" type="text" class="secret" autocomplete="off" bind:value=new_value />
                <button type="button" data-testid="config-header-add" on:click=move |_| {
                    let k = new_key.get_untracked().trim().to_owned();
                    if k.is_empty() { return; }
                    let mut r = rows();
                    r.retain(|(x, _)| *x != k);
                    r.push((k, new_value.get_untracked()));
                    new_key.set(String::new());
                    new_value.set(String::new());
                    write(r);
                }>{trp(|u| u.cfg_add)}</button>
            </div>
        </fieldset>
    }
}

/// The notes under the webhook and settings forms.
pub fn notes(d: Doc) -> impl IntoView {
    move || match d.endpoint {
        Endpoint::Webhook => webhook_notes(d).into_any(),
        Endpoint::Settings => settings_notes(d).into_any(),
        _ => ().into_any(),
    }
}

fn webhook_notes(d: Doc) -> impl IntoView {
    let (url_key, by_key, ev_key) =
        (at(d, "url"), at(d, if d.profile == Profile::V2 { "byEvents" } else { "webhook_by_events" }), at(d, "events"));
    let read = move || {
        d.linted.with(|l| {
            let url = l.field(&url_key).and_then(Node::as_str).unwrap_or("").trim_end_matches('/').to_owned();
            let by = l.field(&by_key).and_then(Node::as_bool).unwrap_or(false);
            let events: Vec<String> = l
                .field(&ev_key)
                .and_then(Node::items)
                .map(|i| i.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect())
                .unwrap_or_default();
            (url, by, events)
        })
    };
    let all = d.profile.events();
    view! {
        <div class="notes" data-testid="config-webhook-notes">
            <p class="hint" data-testid="config-url-note">{trp(|u| u.cfg_url_reach)}</p>
            {move || {
                let (url, by, events) = read();
                let list: Vec<String> = if events.is_empty() { all.iter().map(|e| (*e).to_owned()).collect() } else { events };
                let order = if d.open == Some(true) { ["MESSAGES_UPSERT", "PRESENCE_UPDATE", "CONNECTION_UPDATE"] } else { ["QRCODE_UPDATED", "CONNECTION_UPDATE", "MESSAGES_UPSERT"] };
                let first = order.iter().find(|e| list.iter().any(|x| x == *e)).map(|e| (*e).to_owned()).or_else(|| list.first().cloned());
                view! {
                    {first.map(|e| view! { <p class="hint" data-testid="config-first-event">{tfp(|u| u.cfg_first_event, &[&e])}</p> })}
                    {(by && !url.is_empty()).then(|| view! {
                        <p class="hint">{trp(|u| u.cfg_by_events)}</p>
                        <ul class="code" data-testid="config-by-events">
                            {list.iter().take(40).map(|e| view! { <li><code>{format!("{url}/{}", kebab(e))}</code></li> }).collect_view()}
                        </ul>
                    })}
                }
            }}
        </div>
    }
}

fn settings_notes(d: Doc) -> impl IntoView {
    let sync = if d.profile == Profile::V2 { "syncFullHistory" } else { "sync_full_history" };
    let on = move || d.linted.with(|l| l.field(sync).and_then(Node::as_bool) == Some(true));
    move || {
        (d.open == Some(true) && on()).then(|| {
            view! {
                <p class="msg warn" data-testid="config-sync-note">{trp(|u| u.cfg_sync_open)}</p>
            }
        })
    }
}
