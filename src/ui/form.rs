//! The payload form, drawn from `evo-core`'s field table for the profile in use: presets, one control
//! per field, the events checklists. Every control reads its value from the linted text and writes
//! back through [`Builder::patch`], which edits only that field's text.

use evo_core::builder::Preset;
use evo_core::fields::{Field, FieldText, Group, Input, Profile, Role, Ty};
use evo_core::json::Json;
use evo_core::lint::{Kind, Node};
use evo_core::render::describe;
use evo_core::render::render;
use leptos::prelude::*;

use crate::browser;
use crate::i18n::{fill, tr, ui, Ui};
use crate::state::Builder;

/// A field's test id: `field-webhook-url` for `webhook.url`; the basic fields keep short ones.
fn testid_of(key: &str) -> String {
    match key {
        "instanceName" => "instance-name".into(),
        "token" | "qrcode" | "integration" => key.into(),
        _ => format!("field-{}", key.replace('.', "-")),
    }
}

/// The field's message (lint or server).
fn field_message(b: Builder, key: &'static str) -> impl Fn() -> Option<String> + Copy {
    move || {
        b.server_errors
            .with(|e| e.iter().find(|(k, _)| k == key).map(|(_, m)| fill(ui().server_says, &[m])))
            .or_else(|| b.linted.with(|l| l.field_message(key).map(|r| render(&r.message, crate::i18n::current()))))
    }
}

/// What a control shows for a value: strings as they are, numbers and booleans as written in the
/// text (so `007` or `1e3` are not rewritten by a float round-trip).
fn node_text(b: Builder, n: &Node) -> String {
    match &n.kind {
        Kind::String(s) => s.to_string(),
        Kind::Number(_) | Kind::Bool(_) => {
            b.text.with_untracked(|t| t.get(n.span.start..n.span.end).unwrap_or_default().to_owned())
        }
        _ => String::new(),
    }
}

/// What a text box writes: nothing when empty (unless `keep_empty`), a number for digits in a
/// numeric box (anything else stays a string, and the linter says so), else the string.
fn input_json(v: String, numeric: bool, keep_empty: bool) -> Option<Json> {
    if v.trim().is_empty() && !keep_empty {
        return None;
    }
    match v.trim().parse::<i64>() {
        Ok(n) if numeric => Some(Json::from(n)),
        _ => Some(Json::from(v)),
    }
}

/// One of a field's texts in the profile's table and the page's language, following the language.
fn ftext(f: &'static Field, pick: fn(&FieldText) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let b = Builder::expect();
    move || pick(&evo_core::render::field_text(f, b.profile.get_untracked(), crate::i18n::current()))
}

/// One form control with its label, help line and field message.
#[component]
pub fn FieldControl(f: &'static Field) -> impl IntoView {
    let b = Builder::expect();
    let key = f.key;
    if f.input == Input::Events {
        // Only the closed sections (webhook, event sinks) have one: loaded when one first opens.
        return crate::ui::show(events_checklist(f));
    }
    let id = format!("f-{}", key.replace('.', "-"));
    let msg_id = format!("{id}-msg");
    let value = move || b.linted.with(|l| l.field(key).cloned());
    let message = field_message(b, key);
    let invalid = move || message().is_some().to_string();
    let described = format!("{msg_id} {id}-help");
    let testid = testid_of(key);
    let control = match f.input {
        Input::Text { .. } | Input::Secret | Input::Int => {
            let numeric = f.input == Input::Int;
            let keep_empty = f.input == (Input::Text { keep_empty: true });
            view! {
                <input
                    id=id.clone()
                    data-testid=testid
                    // Secrets are masked by CSS (`.secret`), not `type=password`: their text is in the
                    // JSON editor beside them anyway, and a password field with a value costs the page
                    // 16–38 ms at start in Chromium (its password manager wakes up) and offers to save
                    // an instance token as a site password.
                    type="text"
                    class:secret=f.input == Input::Secret
                    inputmode=if numeric { "numeric" } else { "text" }
                    spellcheck="false"
                    autocomplete="off"
                    placeholder=ftext(f, |t| t.placeholder)
                    prop:value=move || value().map(|n| node_text(b, &n)).unwrap_or_default()
                    aria-invalid=invalid
                    aria-describedby=described.clone()
                    on:input:target=move |ev| b.patch(key, input_json(ev.target().value(), numeric, keep_empty))
                />
            }
            .into_any()
        }
        Input::Check { off_false } => view! {
            <input
                id=id.clone()
                data-testid=testid
                type="checkbox"
                prop:checked=move || value().and_then(|n| n.as_bool()).unwrap_or(false)
                aria-invalid=invalid
                aria-describedby=described.clone()
                on:change:target=move |ev| {
                    let on = ev.target().checked();
                    b.patch(key, if on { Some(Json::Bool(true)) } else if off_false { Some(Json::Bool(false)) } else { None });
                }
            />
        }
        .into_any(),
        Input::Select(options) => view! {
            <select
                id=id.clone()
                data-testid=testid
                prop:value=move || value().map(|n| node_text(b, &n)).unwrap_or_default()
                aria-invalid=invalid
                aria-describedby=described.clone()
                on:change:target=move |ev| {
                    let v = ev.target().value();
                    b.patch(key, (!v.is_empty()).then(|| Json::from(v)));
                }
            >
                {(!options.contains(&"")).then(|| view! { <option value="">{tr(|u| u.not_set)}</option> })}
                {options
                    .iter()
                    .map(|o| {
                        if o.is_empty() {
                            view! { <option value="">{tr(|u| u.not_set)}</option> }.into_any()
                        } else {
                            view! { <option value=*o>{*o}</option> }.into_any()
                        }
                    })
                    .collect_view()}
            </select>
        }
        .into_any(),
        Input::Events | Input::None => return ().into_any(),
    };
    let is_check = matches!(f.input, Input::Check { .. });
    let label = view! { <label for=id.clone()>{ftext(f, |t| t.label)}" " <code class="key">{key}</code></label> };
    let generate = (key == "token").then(|| {
        let gen = move |_| {
            if let Some(t) = browser::fresh_uuid() {
                b.patch("token", Some(Json::from(t)));
            }
        };
        view! { <button type="button" data-testid="token-generate" on:click=gen>{tr(|u| u.generate)}</button> }
    });
    view! {
        <div class=if is_check { "field check" } else { "field" }>
            {if is_check {
                view! { {control} {label} }.into_any()
            } else {
                view! { {label} <div class="row">{control} {generate}</div> }.into_any()
            }}
            <p id=format!("{id}-help") class="hint">{ftext(f, |t| t.help)}</p>
            <p id=msg_id class="field-msg" role="status">{message}</p>
        </div>
    }
    .into_any()
}

/// The events checklist of an events field (`events`, `webhook.events`, `rabbitmq.events`, …):
/// every event of the profile.
#[component]
pub fn EventsChecklist(f: &'static Field) -> impl IntoView {
    let b = Builder::expect();
    let key = f.key;
    let tid = key.replace('.', "-");
    let events = move || b.profile.get_untracked().offered_events(b.server.get_untracked());
    let list = move || -> Option<Vec<String>> {
        b.linted.with(|l| {
            l.field(key)?.items().map(|items| items.iter().filter_map(|i| i.as_str().map(str::to_owned)).collect())
        })
    };
    let all_mode = move || list().is_some_and(|l| l.is_empty());
    let toggle = move |event: &'static str, on: bool| {
        let mut current = match list() {
            Some(l) if l.is_empty() => events().iter().map(|e| (*e).to_owned()).collect(),
            Some(l) => l,
            None => Vec::new(),
        };
        current.retain(|e| e != event);
        if on {
            current.push(event.to_owned());
        }
        // Keep the server's order, so the text reads like the docs (names it does not know last, as
        // they were); built in that order rather than sorted: no sort code in the page for this.
        let known = events();
        let mut ordered: Vec<String> =
            known.iter().filter(|e| current.iter().any(|c| c == *e)).map(|e| (*e).to_owned()).collect();
        ordered.extend(current.into_iter().filter(|c| !known.contains(&c.as_str())));
        b.patch(key, Some(Json::from(ordered)));
    };
    let message = field_message(b, key);
    view! {
        <fieldset class="events" data-testid=format!("events-{tid}")>
            <legend>{ftext(f, |t| t.label)}" " <code class="key">{key}</code></legend>
            <div class="row">
                <button type="button" data-testid=format!("events-all-{tid}") on:click=move |_| b.patch(key, Some(Json::Arr(vec![])))>
                    {tr(|u| u.events_all)}
                </button>
                <button type="button" data-testid=format!("events-none-{tid}") on:click=move |_| b.patch(key, None)>
                    {tr(|u| u.events_none)}
                </button>
                <span class="hint">
                    {move || match list() {
                        None => ui().no_events_field.to_owned(),
                        Some(l) if l.is_empty() => ui().every_event.to_owned(),
                        Some(l) => fill(ui().n_selected, &[&l.len().to_string()]),
                    }}
                </span>
            </div>
            <p class="field-msg" role="status">{message}</p>
            <ul class="event-list">
                // Drawn again when the server's version changes what it offers (2.3 ⇄ 2.4).
                {let tid = tid.clone();
                move || b.profile.get_untracked().offered_events(b.server.get())
                    .iter()
                    .map(|&e| {
                        let id = format!("ev-{tid}-{e}");
                        view! {
                            <li>
                                <input
                                    type="checkbox"
                                    id=id.clone()
                                    data-testid=format!("event-{tid}-{e}")
                                    prop:checked=move || all_mode() || list().is_some_and(|l| l.iter().any(|x| x == e))
                                    on:change:target=move |ev| toggle(e, ev.target().checked())
                                />
                                <label for=id>
                                    <code>{e}</code>
                                    <span class="hint">{move || describe(e, crate::i18n::current())}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
}

/// The fields of `groups` in table order (traps and not-entered fields left out); an object's
/// fields stand in a fieldset with the object's own help and message.
fn controls(profile: Profile, groups: &'static [Group]) -> impl IntoView {
    let shown = move |f: &&'static Field| f.role == Role::Normal && f.input != Input::None;
    profile
        .fields()
        .iter()
        .filter(move |f| groups.contains(&f.group) && f.parent().is_empty())
        .filter(|f| f.ty == Ty::Object || shown(f))
        .map(move |f| {
            if f.ty != Ty::Object {
                return view! { <FieldControl f /> }.into_any();
            }
            let b = Builder::expect();
            let message = field_message(b, f.key);
            view! {
                <fieldset class=f.key>
                    <legend>{ftext(f, |t| t.label)}" " <code class="key">{f.key}</code></legend>
                    <p class="hint">{ftext(f, |t| t.help)}</p>
                    {profile.children(f.key).filter(shown).map(|f| view! { <FieldControl f /> }).collect_view()}
                    <p class="field-msg" role="status" data-testid=format!("{}-msg", testid_of(f.key))>{message}</p>
                </fieldset>
            }
            .into_any()
        })
        .collect_view()
}

/// A collapsible section of the form, open while the text has any of its fields.
#[component]
fn Section(
    title: fn(&'static Ui) -> &'static str,
    testid: &'static str,
    groups: &'static [Group],
    #[prop(optional)] note: Option<fn(&'static Ui) -> &'static str>,
) -> impl IntoView {
    let b = Builder::expect();
    let profile = b.profile.get_untracked();
    // A memo changes only when a field appears or goes, so a section the user opened stays open.
    let present = Memo::new(move |_| {
        b.linted
            .with(|l| profile.fields().iter().filter(|f| groups.contains(&f.group)).any(|f| l.field(f.key).is_some()))
    });
    // The controls are built the first time the section opens (by the user or because the text has
    // one of its fields) and kept after: a closed section costs nothing at start.
    let built = RwSignal::new(false);
    let shown = Memo::new(move |_| present.get() || built.get());
    let build = move || shown.get().then(|| controls(profile, groups));
    view! {
        <details class="section" open=present on:toggle:target=move |ev| if ev.target().open() { built.set(true) }>
            <summary data-testid=testid>{tr(title)}</summary>
            {note.map(|n| view! { <p class="hint">{tr(n)}</p> })}
            {build}
        </details>
    }
}

/// Presets, the basic fields, and the webhook / Chatwoot / more-settings sections of the profile.
#[component]
pub fn PayloadForm() -> impl IntoView {
    let b = Builder::expect();
    let presets = view! {
        <div class="presets" role="group" aria-label=tr(|u| u.presets)>
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
                            {move || p.label(crate::i18n::current())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    };
    view! {
        {presets}
        <p class="msg err" role="alert" data-testid="patch-error" hidden=move || b.patch_error.with(Option::is_none)>
            {move || b.patch_error.get()}
        </p>
        // The whole form follows the profile: its fields, groups and event lists.
        {move || {
            let profile = b.profile.get();
            let more: fn(&'static Ui) -> &'static str =
                if profile == Profile::V1 { |u| u.more_v1 } else { |u| u.more_v2 };
            view! {
                {controls(profile, &[Group::Basic])}
                <Section title=|_| "Webhook" testid="section-webhook" groups=&[Group::Webhook] />
                <Section title=|_| "Chatwoot" testid="section-chatwoot" groups=&[Group::Chatwoot] note=|u| u.chatwoot_note />
                <Section title=more testid="advanced" groups=&[Group::Settings, Group::Proxy, Group::Sinks, Group::Typebot] />
            }
        }}
    }
}

crate::lazy::part! {
    /// The events checklist of an events field, with every event's description (the form's
    /// webhook and event-sink sections: loaded when the first of them opens).
    events_checklist(f: &'static evo_core::fields::Field) -> AnyView {
        view! { <EventsChecklist f /> }.into_any()
    }
}
