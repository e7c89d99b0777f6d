//! One tab of the configuration page: the route's `find` read and shown (secrets masked), the
//! editor starting from it (or from the table's defaults when nothing is stored), the form, the
//! diff, Save and its read-back.

use evo_core::config::readback::body_from_find;
use evo_core::config::{mask_secrets, Endpoint};
use evo_core::fields::Profile;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::{Map, Value};

use super::doc::Doc;
use super::save::{diff_view, readback_view, save, why_failed, Saved};
use super::Target;
use crate::http::Api;
use crate::i18n::{fill, parts, tp, trp};
use crate::ui::connection::Conn;
use crate::ui::editor::editor_view;

/// A body of the table's defaults (what an editor starts from when nothing is stored).
pub fn defaults(endpoint: Endpoint, profile: Profile) -> Value {
    let mut root = Map::new();
    for f in endpoint.table(profile) {
        let Some(v) = f.default.and_then(|d| serde_json::from_str::<Value>(d).ok()) else { continue };
        match f.key.split_once('.') {
            None => {
                root.insert(f.key.to_owned(), v);
            }
            Some((parent, name)) => {
                if let Value::Object(m) = root.entry(parent).or_insert_with(|| Value::Object(Map::new())) {
                    m.insert(name.to_owned(), v);
                }
            }
        }
    }
    Value::Object(root)
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

/// The page's client for the connection in use.
pub fn api(conn: Conn) -> Result<Api, crate::http::ApiError> {
    Api::new(&conn.base_url.get_untracked(), &conn.api_key.get_untracked())
}

#[component]
pub fn Tab(endpoint: Endpoint, target: Target) -> impl IntoView {
    let conn = expect_context::<Conn>();
    let profile = target.profile;
    let d = Doc::new(endpoint, profile, target.open, target.server.clone());
    let name = target.name.clone();
    let load_error = RwSignal::new(None::<String>);
    let loaded = RwSignal::new(false);
    let result = RwSignal::new(None::<Saved>);
    let pending = RwSignal::new(false);
    {
        let name = name.clone();
        spawn_local(async move {
            let reply = match api(conn) {
                Ok(a) => a.config_find(endpoint, &name, None).await,
                Err(e) => Err(e),
            };
            match reply {
                Ok(r) => {
                    let off = endpoint.answer_means_off(profile, r.status, &r.body);
                    let body =
                        body_from_find(&r.body, endpoint, profile).unwrap_or_else(|| defaults(endpoint, profile));
                    d.current.try_set(Some(r.body));
                    if off {
                        result.try_set(Some(Saved::Off));
                    }
                    d.replace(pretty(&body));
                }
                Err(e) => {
                    load_error.try_set(Some(why_failed(&e, &name)));
                    d.replace(pretty(&defaults(endpoint, profile)));
                }
            }
            loaded.try_set(true);
        });
    }
    let shown_current = move || {
        d.current.get().map(|c| {
            if c.trim().is_empty() {
                tp().cfg_empty_body.to_owned()
            } else {
                mask_secrets(&evo_core::pretty_json(&c), endpoint, profile)
            }
        })
    };
    let on_save = move |_| {
        d.lint_now();
        if d.linted.with_untracked(|l| l.errors) > 0 {
            return;
        }
        let Ok(api) = api(conn) else { return };
        let (body, before, name) = (d.text.get_untracked(), d.current.get_untracked(), name.clone());
        pending.set(true);
        result.set(None);
        spawn_local(async move {
            let (saved, found) = save(api, endpoint, profile, &name, body, before).await;
            if let Some(f) = found {
                // What the server holds now; the editor keeps what was typed.
                d.current.try_set(Some(f));
                d.lint_now();
            }
            result.try_set(Some(saved));
            pending.try_set(false);
        });
    };
    let errors = move || d.linted.with(|l| l.errors);
    let blocked = move || pending.get() || errors() != 0 || !loaded.get();
    view! {
        <div class="config-tab" data-testid=format!("config-panel-{}", endpoint.id()) data-loaded=move || loaded.get().to_string()>
            {move || load_error.get().map(|e| view! { <p class="msg err" role="alert" data-testid="config-load-error">{e}</p> })}
            <details class="preview" open>
                <summary>{trp(|u| u.cfg_current)}</summary>
                <pre class="code" data-testid="config-current" role="region" tabindex="0" aria-label=trp(|u| u.cfg_current)>{shown_current}</pre>
            </details>
            <div class="builder">
                <section class="card">{super::fields::form(d)}{super::webhook::notes(d)}</section>
                <section class="card">
                    {editor_view(d)}
                    <h4>{trp(|u| u.cfg_diff)}</h4>
                    {diff_view(d)}
                    <div class="row">
                        <button type="button" class="primary" data-testid="config-save"
                            prop:disabled=blocked
                            on:click=on_save>
                            {move || if pending.get() { parts().cfg_saving.to_owned() } else if errors() != 0 { fill(parts().cfg_fix_first, &[&errors().to_string()]) } else { parts().cfg_save.to_owned() }}
                        </button>
                    </div>
                    {move || result.get().map(|s| readback_view(endpoint, profile, s))}
                    {super::exports::exports(d, target.name.clone())}
                    {super::copy::copy_panel(d, target.name.clone())}
                </section>
            </div>
        </div>
    }
}
