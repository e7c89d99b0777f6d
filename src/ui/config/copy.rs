//! Copy this body to another instance, on this server or another saved one: converted between
//! generations with the migration (its notes shown), then sent and read back like a save.

use evo_core::config::migrate_config;
use evo_core::fields::Profile;
use evo_core::render::render;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::doc::Doc;
use super::save::{readback_view, save, Saved};
use crate::http::Api;
use crate::i18n::{tp, trp};
use crate::ui::connection::Conn;

/// The generation of the server at `base` (the version saved with it, else `GET /`).
async fn profile_of(conn: Conn, base: &str, api: &Api) -> Option<Profile> {
    let saved = conn.saved.with_untracked(|s| s.iter().find(|x| x.base_url == base).and_then(|x| x.version.clone()));
    if let Some(p) = saved.as_deref().and_then(Profile::of_version) {
        return Some(p);
    }
    let r = api.health().await.ok()?;
    let v: serde_json::Value = serde_json::from_str(&r.body).ok()?;
    v.get("version").and_then(|v| v.as_str()).and_then(Profile::of_version)
}

pub fn copy_panel(d: Doc, from_name: String) -> impl IntoView {
    let conn = expect_context::<Conn>();
    let to_name = RwSignal::new(String::new());
    let to_base = RwSignal::new(conn.base_url.get_untracked());
    let notes = RwSignal::new(Vec::<String>::new());
    let result = RwSignal::new(None::<(Profile, Saved)>);
    let pending = RwSignal::new(false);
    let go = move |_| {
        let (name, base) = (to_name.get_untracked().trim().to_owned(), to_base.get_untracked());
        if name.is_empty() {
            return;
        }
        let key = if base == conn.base_url.get_untracked() {
            conn.api_key.get_untracked()
        } else {
            crate::storage::load_key(&base).unwrap_or_else(|| conn.api_key.get_untracked())
        };
        let text = d.text.get_untracked();
        pending.set(true);
        result.set(None);
        notes.set(Vec::new());
        spawn_local(async move {
            let outcome = async {
                let api = Api::new(&base, &key).map_err(|e| crate::ui::errors::explain(&e).text)?;
                let to = profile_of(conn, &base, &api).await.unwrap_or(d.profile);
                let m = migrate_config(&text, d.endpoint, d.profile, to).map_err(|e| e.message(crate::i18n::lang()))?;
                let lang = crate::i18n::lang();
                notes.try_set(m.notes.iter().map(|n| format!("{}: {}", n.key, render(&n.message, lang))).collect());
                let before = api.config_find(d.endpoint, &name, None).await.ok().map(|r| r.body);
                let (saved, _) = save(api, d.endpoint, to, &name, m.text, before).await;
                Ok::<_, String>((to, saved))
            }
            .await;
            result.try_set(Some(outcome.unwrap_or_else(|e| (d.profile, Saved::Failed(e)))));
            pending.try_set(false);
        });
    };
    let endpoint = d.endpoint;
    view! {
        <details class="section" data-testid="config-copy">
            <summary>{trp(|u| u.cfg_copy)}</summary>
            <p class="hint">{move || tp().cfg_copy_help.replace("{0}", &from_name)}</p>
            <div class="row wrap">
                <label for="cfg-copy-server">{trp(|u| u.cfg_copy_server)}</label>
                <select id="cfg-copy-server" data-testid="config-copy-server" on:change:target=move |ev| to_base.set(ev.target().value())>
                    <option value=conn.base_url.get_untracked()>{conn.base_url.get_untracked()}</option>
                    {conn.saved.get_untracked().into_iter().filter(|s| s.base_url != conn.base_url.get_untracked()).map(|s| {
                        let label = format!("{} ({})", s.name, s.base_url);
                        view! { <option value=s.base_url>{label}</option> }
                    }).collect_view()}
                </select>
                <label for="cfg-copy-name">{trp(|u| u.cfg_copy_name)}</label>
                <input id="cfg-copy-name" data-testid="config-copy-name" type="text" bind:value=to_name />
                <button type="button" data-testid="config-copy-send" prop:disabled=move || pending.get() on:click=go>{trp(|u| u.cfg_copy_send)}</button>
            </div>
            <ul data-testid="config-copy-notes">{move || notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            <div data-testid="config-copy-result">{move || result.get().map(|(p, s)| readback_view(endpoint, p, s))}</div>
        </details>
    }
}
