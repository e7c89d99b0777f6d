//! The form of a configuration body, drawn from its endpoint's field table: one control per field
//! (text, checkbox, select, the events of that generation, header rows), each with a visible
//! label; every control edits only its field's text ([`Doc::patch`]).

use evo_core::fields::{Field, Input, Role, Ty};
use evo_core::json::Json;
use evo_core::lint::{Kind, Node};
use leptos::prelude::*;

use super::doc::Doc;
use crate::i18n::trp;

/// What a control shows for a value (strings as they are, other scalars as written).
fn shown(d: Doc, n: &Node) -> String {
    match &n.kind {
        Kind::String(s) => s.to_string(),
        Kind::Number(_) | Kind::Bool(_) => {
            d.text.with_untracked(|t| t.get(n.span.start..n.span.end).unwrap_or_default().to_owned())
        }
        _ => String::new(),
    }
}

fn input_json(v: String, numeric: bool, keep_empty: bool) -> Option<Json> {
    if v.is_empty() && !keep_empty {
        return None;
    }
    match v.trim().parse::<i64>() {
        Ok(n) if numeric => Some(Json::from(n)),
        _ => Some(Json::from(v)),
    }
}

/// Every field of the body in table order (objects through their children).
pub fn form(d: Doc) -> impl IntoView {
    let fields =
        d.endpoint.table(d.profile).iter().filter(|f| {
            f.role == Role::Normal && f.ty != Ty::Object && (f.input != Input::None || f.ty == Ty::Headers)
        });
    view! { <div class="config-form" data-testid="config-form">{fields.map(|f| control(d, f)).collect_view()}</div> }
}

fn control(d: Doc, f: &'static Field) -> AnyView {
    let key = f.key;
    let id = format!("cf-{}", key.replace('.', "-"));
    let testid = format!("config-field-{}", key.replace('.', "-"));
    // Tracks the language: a switch re-renders the texts, never the controls.
    let text = move || evo_core::render::config_field_text(d.endpoint, f, d.profile, crate::i18n::current());
    let value = move || d.linted.with(|l| l.field(key).cloned());
    let message = move || {
        d.linted.with(|l| {
            l.rows
                .iter()
                .find(|r| r.severity != evo_core::lint::Severity::Info && r.field.as_deref() == Some(key))
                .map(|r| evo_core::render::render(&r.message, crate::i18n::current()))
        })
    };
    let label = view! { <label for=id.clone()>{move || text().label}" " <code class="key">{key}</code></label> };
    let help = view! { <p class="hint">{move || text().help}</p> <p class="field-msg" role="status">{message}</p> };
    if f.ty == Ty::Headers {
        return view! { <div class="field">{super::webhook::headers(d, f, id)}{help}</div> }.into_any();
    }
    match f.input {
        Input::Text { .. } | Input::Secret | Input::Int => {
            let numeric = f.input == Input::Int;
            let keep_empty = f.input == (Input::Text { keep_empty: true });
            view! {
                <div class="field">
                    {label}
                    <input id=id data-testid=testid type="text" class:secret=f.secret spellcheck="false" autocomplete="off"
                        placeholder=move || text().placeholder
                        prop:value=move || value().map(|n| shown(d, &n)).unwrap_or_default()
                        on:change:target=move |ev| d.patch(key, input_json(ev.target().value(), numeric, keep_empty)) />
                    {help}
                </div>
            }
            .into_any()
        }
        Input::Check { off_false } => view! {
            <div class="field check">
                <input id=id data-testid=testid type="checkbox"
                    prop:checked=move || value().and_then(|n| n.as_bool()).unwrap_or(false)
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        d.patch(key, if on { Some(Json::Bool(true)) } else if off_false || f.ty == Ty::Bool { Some(Json::Bool(false)) } else { None });
                    } />
                {label}
                {help}
            </div>
        }
        .into_any(),
        Input::Select(options) => view! {
            <div class="field">
                {label}
                <select id=id data-testid=testid prop:value=move || value().map(|n| shown(d, &n)).unwrap_or_default()
                    on:change:target=move |ev| {
                        let v = ev.target().value();
                        d.patch(key, (!v.is_empty()).then(|| Json::from(v)));
                    }>
                    {(!options.contains(&"")).then(|| view! { <option value="">"—"</option> })}
                    {options.iter().map(|o| view! { <option value=*o>{if o.is_empty() { "—" } else { o }}</option> }).collect_view()}
                </select>
                {help}
            </div>
        }
        .into_any(),
        Input::Events => view! { <div class="field">{events(d, f)}{help}</div> }.into_any(),
        Input::None => ().into_any(),
    }
}

/// The events of this generation (and the server's version) as a checklist; none ticked with an
/// empty list means "every event".
fn events(d: Doc, f: &'static Field) -> impl IntoView {
    let key = f.key;
    let tid = key.replace('.', "-");
    let version = d.server.get_value().as_deref().and_then(evo_core::version::ServerVersion::parse);
    let offered = d.profile.offered_events(version);
    let list = move || -> Option<Vec<String>> {
        d.linted
            .with(|l| l.field(key)?.items().map(|i| i.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect()))
    };
    let toggle = move |e: &'static str, on: bool| {
        let mut now = match list() {
            Some(l) if l.is_empty() => offered.iter().map(|x| (*x).to_owned()).collect(),
            l => l.unwrap_or_default(),
        };
        now.retain(|x| x != e);
        if on {
            now.push(e.to_owned());
        }
        let ordered: Vec<String> =
            offered.iter().filter(|x| now.iter().any(|n| n == *x)).map(|x| (*x).to_owned()).collect();
        d.patch(key, Some(Json::from(ordered)));
    };
    view! {
        <fieldset class="events" data-testid=format!("config-events-{tid}")>
            <legend>{move || evo_core::render::config_field_text(d.endpoint, f, d.profile, crate::i18n::current()).label}" " <code class="key">{key}</code></legend>
            <button type="button" data-testid=format!("config-events-all-{tid}") on:click=move |_| d.patch(key, Some(Json::Arr(vec![])))>
                {trp(|u| u.cfg_all_events)}
            </button>
            <ul class="event-list">
                {offered.iter().map(|&e| {
                    let id = format!("cev-{tid}-{e}");
                    view! {
                        <li>
                            <input type="checkbox" id=id.clone() data-testid=format!("config-event-{e}")
                                prop:checked=move || list().is_some_and(|l| l.is_empty() || l.iter().any(|x| x == e))
                                on:change:target=move |ev| toggle(e, ev.target().checked()) />
                            <label for=id>
                                <code>{e}</code>
                                <span class="hint">{move || evo_core::render::describe(e, crate::i18n::current())}</span>
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}
