//! Exporting the payload: copy as JSON or as a cURL command, download, or a share link. Secrets leave
//! as `${VAR}` placeholders (never in a cURL command's URL nor a share link); typed only — the
//! export row words an [`Exported`] (`ui/exports.rs`, whose part calls [`run`]).

use evo_core::builder::{encode_fragment, strip_secrets};
use evo_core::secrets::{curl_command, with_env_placeholders, WithEnv};
use evo_core::share::ShareLink;
use evo_core::url::BaseUrl;
use leptos::prelude::*;

use crate::browser;
use crate::state::Builder;

/// What an export button asks for.
#[derive(Clone, Copy, PartialEq)]
pub enum Export {
    Json,
    Curl,
    Share,
    Download,
}

impl Export {
    /// A JSON copy or download: the exports that may include secrets when asked to.
    pub fn is_file(self) -> bool {
        matches!(self, Export::Json | Export::Download)
    }
}

/// What an export did.
pub struct Exported {
    /// The text exported, shown for copying by hand (none for a download).
    pub text: Option<String>,
    /// Whether the clipboard took it (a download copies nothing: `true`).
    pub copied: bool,
    /// The secrets that became `${VAR}` placeholders in it.
    pub vars: Vec<String>,
    /// A JSON copy or download of a text with secrets: "Include secrets" can be offered for the next.
    pub may_include: bool,
}

/// The text holds a secret the export cannot name as a placeholder: nothing was exported.
pub struct Unsafe;

/// Carries out an export: builds the text, then copies it or downloads it. With `include_secrets`
/// a JSON copy or download keeps the secrets as typed.
pub async fn run(what: Export, base_url: &str, b: Builder, include_secrets: bool) -> Result<Exported, Unsafe> {
    let text = b.text.get_untracked();
    // A text that is not an object holds none it could name: as is, unless it mentions one.
    let WithEnv { text: safe, vars } = with_env_placeholders(&text)
        .or_else(|| strip_secrets(&text).map(|text| WithEnv { text, vars: Vec::new() }))
        .ok_or(Unsafe)?;
    let may_include = what.is_file() && !vars.is_empty();
    let (safe, vars) = if include_secrets && what.is_file() { (text.clone(), Vec::new()) } else { (safe, vars) };
    let (result, vars) = match what {
        Export::Json => (safe, vars),
        Export::Curl => {
            let url = BaseUrl::parse(base_url)
                .map(|b| b.create_url())
                .unwrap_or_else(|_| "https://YOUR-SERVER/instance/create".into());
            (curl_command(&url, &safe, &vars), vars)
        }
        // The link carries the text without its secrets (no placeholders to name).
        Export::Share => {
            let link = ShareLink::new(&text, b.profile.get_untracked()).ok_or(Unsafe)?;
            (link.encode(&browser::page_url_without_fragment()), Vec::new())
        }
        Export::Download => {
            let name = b.str_field("instanceName").filter(|n| !n.is_empty()).unwrap_or_else(|| "instance".into());
            // The data: URL is built on the click (not on every keystroke: a 10 MB text would
            // make a 30 MB attribute).
            let href = format!("data:application/json;charset=utf-8,{}", encode_fragment(&safe));
            browser::download(&format!("{name}.json"), &href);
            return Ok(Exported { text: None, copied: true, vars, may_include });
        }
    };
    let copied = browser::copy_text(&result).await;
    Ok(Exported { text: Some(result), copied, vars, may_include })
}
