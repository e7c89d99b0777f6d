//! The exports under the editor: copy JSON, copy as cURL, download, JSON Schema, share link. The
//! buttons are part of the page; what they do (the cURL command, the secret-free share link, the
//! download, the clipboard) is a part loaded on the first click ([`export`]), so it is not in
//! the first load. A part that cannot be loaded is said in the status line; the text is untouched.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::actions::export::{self, Export, Exported};
use crate::i18n::{fill, t, tfp, tr, trp, Ui};
use crate::state::Builder;

/// An export's name in the status line.
fn name(what: Export, u: &'static Ui) -> &'static str {
    match what {
        Export::Json | Export::Download => u.json,
        Export::Curl => u.curl_command,
        Export::Share => u.share_link,
    }
}

/// Where an export's result goes: the text shown for copying by hand (its view is made by the
/// part), and the status line.
#[derive(Clone, Copy)]
pub struct ExportOut {
    shown: RwSignal<Option<ViewFn>>,
    status: RwSignal<String>,
    /// "Include secrets": for the next JSON copy or download only (never cURL or a share link).
    secrets: RwSignal<bool>,
}

/// The exported text, labelled, selectable for copying by hand; and, after an export whose secrets
/// became placeholders, "Include secrets" for the next one.
fn shown(what: Export, text: Option<String>, secrets: Option<RwSignal<bool>>) -> ViewFn {
    let (testid, label): (_, fn(&'static Ui) -> &'static str) = match what {
        Export::Curl => ("curl-text", |u| u.curl_label),
        Export::Share => ("share-url", |u| u.share_label),
        Export::Json | Export::Download => ("copy-text", |u| u.json_label),
    };
    ViewFn::from(move || {
        let text = text.clone().map(|text| {
            view! {
                <label class="hint" for="export-text">
                    {tr(label)}
                </label>
                <textarea id="export-text" class="export" readonly data-testid=testid prop:value=text rows="4"></textarea>
            }
        });
        let secrets = secrets.map(|s| {
            view! {
                <label class="hint">
                    <input
                        type="checkbox"
                        data-testid="export-include-secrets"
                        prop:checked=move || s.get()
                        on:change:target=move |ev| s.set(ev.target().checked())
                    />
                    {trp(|u| u.include_secrets)}
                </label>
            }
        });
        view! { {text} {secrets} }
    })
}

/// Carries out an export (reached only through [`export`]: [`export::run`]) and says what it did
/// (and shows the text, so it can be copied by hand where the clipboard refuses).
pub async fn run(what: Export, base_url: String, b: Builder, out: ExportOut) {
    // "Include secrets" is for this export only.
    let include = out.secrets.get_untracked();
    out.secrets.try_set(false);
    let Ok(Exported { text, copied, vars, may_include }) = export::run(what, &base_url, b, include).await else {
        out.shown.try_set(None);
        out.status.try_set(t().share_unsafe.into());
        return;
    };
    // "Include secrets" is offered under a file export that had some.
    let offer = may_include.then_some(out.secrets);
    let u = t();
    let said = match what {
        Export::Download => String::new(),
        _ => fill(if copied { u.what_copied } else { u.copy_by_hand }, &[name(what, u)]),
    };
    let said = if vars.is_empty() { said } else { tfp(|u| u.secrets_as_env, &[&said, &vars.join(", ")]) };
    out.shown.try_set(Some(shown(what, text, offer)));
    out.status.try_set(said.trim_start().to_owned());
}

/// The export buttons, their status line and the text last exported.
#[component]
pub fn Exports(base_url: RwSignal<String>) -> impl IntoView {
    let b = Builder::expect();
    let out =
        ExportOut { shown: RwSignal::new(None), status: RwSignal::new(String::new()), secrets: RwSignal::new(false) };
    let export = move |what: Export| {
        let base = base_url.get_untracked();
        spawn_local(async move {
            match export(what, base, b, out).await {
                Ok(task) => task.await,
                Err(e) => {
                    out.status.try_set(e.to_string());
                }
            }
        });
    };
    // The JSON Schema of the profile in use: a static file next to the page (generated from the
    // field table and kept current by a test), so no schema code travels in the wasm.
    let schema_file = move || format!("schema/evolution-create-{}.schema.json", b.profile.get().id());
    let button = move |what: Export, testid: &'static str, label: fn(&'static Ui) -> &'static str| {
        view! {
            <button type="button" data-testid=testid on:click=move |_| export(what)>
                {tr(label)}
            </button>
        }
    };
    view! {
        <div class="row wrap exports">
            {button(Export::Json, "copy-json", |u| u.copy_json)}
            {button(Export::Curl, "copy-curl", |u| u.copy_curl)}
            {button(Export::Download, "download-json", |u| u.download_json)}
            <a class="button" data-testid="download-schema" href=schema_file download="">
                {tr(|u| u.json_schema)}
            </a>
            {button(Export::Share, "share-link", |u| u.share_link)}
            <span class="hint" role="status" data-testid="copy-status">{move || out.status.get()}</span>
        </div>
        {move || out.shown.get().map(|v| v.run())}
    }
}

crate::lazy::part! {
    /// What an export button does (cURL command, share link, download, clipboard).
    export(what: Export, base_url: String, b: Builder, out: ExportOut) -> crate::lazy::Task<()> {
        Box::pin(run(what, base_url, b, out))
    }
}
