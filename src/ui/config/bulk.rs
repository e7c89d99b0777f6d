//! One change applied to several instances: one body (linted as a save would be), then for each
//! instance its `find`, the diff key by key, the `set` and the read-back, and a summary table —
//! saved, lost, off, failed, or not tried when the server stopped answering mid-way. "Preview" does
//! the `find`s and the diffs only, so each instance's changes (a 1.8.2 replace's wipes among them)
//! are seen before anything is sent.

use evo_core::config::readback::{body_from_find, diff, Change};
use evo_core::config::Endpoint;
use evo_core::fields::Profile;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::doc::Doc;
use super::save::{changes_list, save, Saved};
use crate::http::ApiError;
use crate::i18n::{parts, trp};
use crate::ui::connection::Conn;
use crate::ui::editor::editor_view;

/// One instance's line of the summary: the keys the diff changes, what the save ended in.
#[derive(Clone, PartialEq)]
struct Line {
    name: String,
    changes: Option<Vec<Change>>,
    saved: Option<Saved>,
    skipped: bool,
}

#[component]
pub fn BulkView(names: Vec<String>, profile: Profile, on_close: Callback<()>) -> impl IntoView {
    let conn = expect_context::<Conn>();
    let endpoint = RwSignal::new(Endpoint::Settings);
    let server = conn.known_server().map(|k| k.version);
    let doc = RwSignal::new(Doc::new(Endpoint::Settings, profile, None, server.clone()));
    let fresh = move |e: Endpoint| {
        let d = Doc::new(e, profile, None, server.clone());
        d.replace(serde_json::to_string_pretty(&super::tab::defaults(e, profile)).unwrap_or_default());
        doc.set(d);
    };
    fresh(Endpoint::Settings);
    let lines = RwSignal::new(Vec::<Line>::new());
    let running = RwSignal::new(false);
    let list = StoredValue::new(names.clone());
    // `send`: false = preview (finds and diffs only), true = apply.
    let run = move |send: bool| {
        let d = doc.get_untracked();
        d.lint_now();
        if d.linted.with_untracked(|l| l.errors) > 0 {
            return;
        }
        let Ok(api) = super::tab::api(conn) else { return };
        let body = d.text.get_untracked();
        let value: Option<serde_json::Value> = serde_json::from_str(&body).ok();
        lines.set(list.with_value(|l| {
            l.iter().map(|n| Line { name: n.clone(), changes: None, saved: None, skipped: false }).collect()
        }));
        running.set(true);
        let names = list.get_value();
        spawn_local(async move {
            let mut stopped = false;
            for (i, name) in names.iter().enumerate() {
                if stopped {
                    lines.try_update(|l| l[i].skipped = true);
                    continue;
                }
                let before = match api.config_find(d.endpoint, name, None).await {
                    Ok(r) => Some(r.body),
                    Err(e @ ApiError::NoAnswer(_)) => {
                        stopped = true;
                        lines.try_update(|l| l[i].saved = Some(Saved::Unanswered(crate::ui::errors::explain(&e).text)));
                        continue;
                    }
                    Err(_) => None,
                };
                let now = before.as_deref().and_then(|b| body_from_find(b, d.endpoint, d.profile));
                let changes = value.as_ref().map_or_else(Vec::new, |v| diff(now.as_ref(), v, d.profile));
                lines.try_update(|l| l[i].changes = Some(changes));
                if !send {
                    continue;
                }
                let (saved, _) = save(api.clone(), d.endpoint, d.profile, name, body.clone(), before).await;
                if matches!(&saved, Saved::Unanswered(_)) {
                    stopped = true;
                }
                lines.try_update(|l| l[i].saved = Some(saved));
            }
            running.try_set(false);
        });
    };
    let word = |s: &Option<Saved>, skipped: bool, previewed: bool| -> (&'static str, String) {
        let u = parts();
        match s {
            _ if skipped => ("skipped", u.cfg_bulk_skipped.to_owned()),
            None if previewed => ("preview", String::new()),
            None => ("pending", u.cfg_bulk_pending.to_owned()),
            Some(Saved::Failed(why) | Saved::Unanswered(why)) => ("failed", format!("{} — {why}", u.cfg_bulk_failed)),
            Some(s @ Saved::Read { lost, .. }) if s.id() == "lost" => {
                let keys: Vec<&str> = lost.iter().filter(|l| !l.expected()).map(|l| l.key.as_str()).collect();
                ("lost", format!("{}: {}", u.cfg_bulk_lost, keys.join(", ")))
            }
            Some(Saved::Off) => ("off", u.cfg_off.to_owned()),
            Some(_) => ("saved", u.cfg_bulk_saved.to_owned()),
        }
    };
    let count = names.len();
    view! {
        <section class="config-page card wide" data-testid="config-bulk" aria-labelledby="bulk-h">
            <div class="row wrap">
                <h3 id="bulk-h" tabindex="-1">{move || parts().cfg_bulk_title.replace("{0}", &count.to_string())}</h3>
                <button type="button" data-testid="config-bulk-close" on:click=move |_| on_close.run(())>{trp(|u| u.cfg_close)}</button>
            </div>
            <p class="hint">{names.join(", ")}</p>
            <label for="bulk-endpoint">{trp(|u| u.cfg_bulk_route)}</label>
            <select id="bulk-endpoint" data-testid="config-bulk-endpoint" on:change:target=move |ev| {
                let e = Endpoint::parse(&ev.target().value()).unwrap_or(Endpoint::Settings);
                endpoint.set(e);
                fresh(e);
            }>
                {Endpoint::ALL.into_iter().filter(|e| *e != Endpoint::Create && e.exists_in(profile)).map(|e| view! { <option value=e.id()>{e.id()}</option> }).collect_view()}
            </select>
            {move || { let d = doc.get(); editor_view(d) }}
            <div class="row wrap">
                <button type="button" data-testid="config-bulk-preview"
                    prop:disabled=move || running.get() || doc.get().errors() != 0
                    on:click=move |_| run(false)>{trp(|u| u.cfg_bulk_preview)}</button>
                <button type="button" class="primary" data-testid="config-bulk-apply"
                    prop:disabled=move || running.get() || doc.get().errors() != 0
                    on:click=move |_| run(true)>{trp(|u| u.cfg_bulk_apply)}</button>
            </div>
            <table data-testid="config-bulk-summary" hidden=move || lines.with(Vec::is_empty)>
                <thead><tr><th>{trp(|u| u.cfg_bulk_instance)}</th><th>{trp(|u| u.cfg_bulk_changes)}</th><th>{trp(|u| u.cfg_bulk_result)}</th></tr></thead>
                <tbody>
                    {move || lines.get().into_iter().map(|l| {
                        let previewed = l.changes.is_some() && !running.get();
                        let (id, text) = word(&l.saved, l.skipped, previewed);
                        let (endpoint, profile) = doc.with_untracked(|d| (d.endpoint, d.profile));
                        view! {
                            <tr data-testid="config-bulk-row" data-name=l.name.clone() data-result=id>
                                <td>{l.name.clone()}</td>
                                <td data-testid="config-bulk-changes">{l.changes.map(|c| changes_cell(endpoint, profile, c))}</td>
                                <td>{text}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// An instance's diff in the summary: the number of keys, unfolded into the list of each key.
fn changes_cell(endpoint: Endpoint, profile: Profile, changes: Vec<Change>) -> AnyView {
    if changes.is_empty() {
        return view! { <span data-count="0">{trp(|u| u.cfg_bulk_no_change)}</span> }.into_any();
    }
    let n = changes.len();
    view! {
        <details data-count=n.to_string()>
            <summary>{n}</summary>
            {changes_list(endpoint, profile, changes)}
        </details>
    }
    .into_any()
}

crate::lazy::part! {
    /// One configuration change applied to several instances, with its summary table.
    config_bulk(names: Vec<String>, profile: evo_core::fields::Profile, on_close: Callback<()>) -> AnyView {
        view! { <BulkView names profile on_close /> }.into_any()
    }
}
