//! The configuration body's exports, as under the create editor: copy JSON, copy as cURL (`POST
//! {base}/{route}/{instance}`), download, and the route's JSON Schema. Secrets (the route's table
//! marks them: webhook header values, proxy password, Chatwoot token, wavoip token, Pusher secret)
//! leave as `${VAR}` placeholders, unless "Include secrets" — offered under a file export that had
//! some — is ticked for the next JSON copy or download; cURL fills them from the environment.

use evo_core::secrets::{curl_command, with_env_placeholders_of, WithEnv};
use evo_core::url::BaseUrl;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::doc::Doc;
use crate::browser;
use crate::i18n::{fill, t, tfp, tr, trp, Ui};
use crate::ui::connection::Conn;

#[derive(Clone, Copy, PartialEq)]
enum What {
    Json,
    Curl,
    Download,
}

/// `said`, then which variables the exported secrets became (none: `said` alone).
fn said_vars(said: String, vars: &[String]) -> String {
    if vars.is_empty() {
        said
    } else {
        tfp(|u| u.secrets_as_env, &[&said, &vars.join(", ")])
    }
}

/// The export row of a configuration tab for `instance`.
pub fn exports(d: Doc, instance: String) -> impl IntoView {
    let conn = expect_context::<Conn>();
    let status = RwSignal::new(String::new());
    let shown = RwSignal::new(None::<String>);
    let include = RwSignal::new(false);
    let offer = RwSignal::new(false);
    let curl_shown = RwSignal::new(false);
    let file_name = format!("{instance}-{}.json", d.endpoint.id());
    let names = StoredValue::new((instance, file_name));
    let run = move |what: What| {
        let text = d.text.get_untracked();
        let file = what != What::Curl;
        let with_secrets = file && include.get_untracked();
        include.set(false);
        let Some(WithEnv { text: safe, vars }) = with_env_placeholders_of(&text, d.endpoint.secret_fields()) else {
            shown.set(None);
            status.set(t().share_unsafe.into());
            return;
        };
        if file {
            offer.set(!vars.is_empty());
        }
        let (body, vars) = if with_secrets { (text, Vec::new()) } else { (safe, vars) };
        let out = match what {
            What::Json => body,
            What::Curl => {
                let route = d.endpoint.route();
                let instance = names.with_value(|n| n.0.clone());
                let url = BaseUrl::parse(&conn.base_url.get_untracked())
                    .map(|b| b.route_url(route, &instance))
                    .unwrap_or_else(|_| format!("https://YOUR-SERVER/{route}/{instance}"));
                curl_command(&url, &body, &vars)
            }
            What::Download => {
                let href = format!("data:application/json;charset=utf-8,{}", evo_core::builder::encode_fragment(&body));
                names.with_value(|n| browser::download(&n.1, &href));
                shown.set(None);
                status.set(said_vars(String::new(), &vars).trim_start().to_owned());
                return;
            }
        };
        curl_shown.set(what == What::Curl);
        shown.set(Some(out.clone()));
        spawn_local(async move {
            let ok = browser::copy_text(&out).await;
            let u = t();
            let name = if what == What::Curl { u.curl_command } else { u.json };
            let said = fill(if ok { u.what_copied } else { u.copy_by_hand }, &[name]);
            status.try_set(if what == What::Curl { said } else { said_vars(said, &vars) });
        });
    };
    let schema = format!("schema/evolution-{}-{}.schema.json", d.endpoint.id(), d.profile.id());
    let button = move |what: What, testid: &'static str, label: fn(&'static Ui) -> &'static str| {
        view! { <button type="button" data-testid=testid on:click=move |_| run(what)>{tr(label)}</button> }
    };
    view! {
        <div class="row wrap exports" data-testid="config-exports">
            {button(What::Json, "config-export-json", |u| u.copy_json)}
            {button(What::Curl, "config-export-curl", |u| u.copy_curl)}
            {button(What::Download, "config-export-download", |u| u.download_json)}
            <a class="button" data-testid="config-export-schema" href=schema download="">{tr(|u| u.json_schema)}</a>
            <span class="hint" role="status" data-testid="config-export-status">{move || status.get()}</span>
        </div>
        {move || shown.get().map(|text| {
            let label = if curl_shown.get_untracked() { t().curl_label } else { t().json_label };
            view! {
                <label class="hint" for="config-export-text">{label}</label>
                <textarea id="config-export-text" class="export" readonly data-testid="config-export-text" prop:value=text rows="4"></textarea>
            }
        })}
        {move || offer.get().then(|| view! {
            <label class="hint">
                <input type="checkbox" data-testid="config-export-include-secrets" prop:checked=move || include.get()
                    on:change:target=move |ev| include.set(ev.target().checked()) />
                {trp(|u| u.include_secrets)}
            </label>
        })}
    }
}
