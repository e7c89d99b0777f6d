//! The one module that touches browser storage (`localStorage`). Nothing secret is written here
//! unless the user opted in to remembering the API key.

use evo_core::fields::Profile;
use evo_core::i18n::Lang;
use evo_core::lint::syntax::parse;
use evo_core::lint::Node;
use evo_core::url::BaseUrl;

use crate::theme::Theme;

const DRAFT: &str = "evo-admin.draft";
const DRAFT_PROFILE: &str = "evo-admin.draft-profile";
const BASE_URL: &str = "evo-admin.base-url";
const KEY_PREFIX: &str = "evo-admin.key:";
const CONNECTIONS: &str = "evo-admin.connections";
const THEME: &str = "evo-admin.theme";
const LANG: &str = "evo-admin.lang";

/// A saved connection: a name and a base URL, and the version last read there. Never a key (keys
/// are remembered per server only on request, under their own entries).
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub name: String,
    pub base_url: String,
    pub version: Option<String>,
}

/// The saved connections, in the order they were saved. Read with evo-core's JSON parser (the
/// linter's, already in the page) rather than serde_json's, which the first load then does without.
pub fn load_connections() -> Vec<Saved> {
    let Some(root) = get(CONNECTIONS).and_then(|t| parse(&t).root) else {
        return Vec::new();
    };
    let s = |x: &Node, k: &str| x.get(k).and_then(|m| m.value.as_ref()?.as_str()).map(str::to_owned);
    root.items()
        .unwrap_or_default()
        .iter()
        .filter_map(|x| Some(Saved { name: s(x, "name")?, base_url: s(x, "url")?, version: s(x, "version") }))
        .collect()
}

pub fn save_connections(list: &[Saved]) -> bool {
    use std::fmt::Write;
    // Written with evo-core's JSON string quoting (serde's serializer stays out of the first load).
    let mut out = String::from("[");
    for (i, c) in list.iter().enumerate() {
        let version = c.version.as_deref().map_or_else(|| "null".to_owned(), evo_core::json::quote);
        let sep = if i == 0 { "" } else { ", " };
        let _ = write!(
            out,
            "{sep}{{\"name\": {}, \"url\": {}, \"version\": {version}}}",
            evo_core::json::quote(&c.name),
            evo_core::json::quote(&c.base_url)
        );
    }
    out.push(']');
    set(CONNECTIONS, &out)
}

fn store() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn get(key: &str) -> Option<String> {
    store()?.get_item(key).ok()?
}

fn set(key: &str, value: &str) -> bool {
    store().is_some_and(|s| s.set_item(key, value).is_ok())
}

fn remove(key: &str) {
    if let Some(s) = store() {
        let _ = s.remove_item(key);
    }
}

/// The theme chosen on this device (the system's when none was).
pub fn load_theme() -> Theme {
    get(THEME).map_or_else(Theme::default, |t| Theme::parse(&t))
}

pub fn save_theme(theme: Theme) {
    set(THEME, theme.id());
}

/// The language chosen on this device, if one was.
pub fn load_lang() -> Option<Lang> {
    get(LANG).as_deref().and_then(Lang::from_tag)
}

pub fn save_lang(lang: Lang) {
    set(LANG, lang.code());
}

/// The payload last typed, kept across visits.
pub struct Draft {
    /// Already stripped of secrets when it was saved.
    pub text: String,
    /// The profile it was built for (none in drafts saved before profiles were).
    pub profile: Option<Profile>,
}

/// The saved draft and its profile.
pub fn load_draft() -> Option<Draft> {
    Some(Draft { text: get(DRAFT)?, profile: get(DRAFT_PROFILE).as_deref().and_then(Profile::parse) })
}

/// Saves the draft and its profile; the caller passes text without secrets.
pub fn save_draft(text_without_secrets: &str, profile: Profile) -> bool {
    set(DRAFT_PROFILE, profile.id()) && set(DRAFT, text_without_secrets)
}

pub fn load_base_url() -> Option<String> {
    get(BASE_URL)
}

pub fn save_base_url(url: &str) {
    set(BASE_URL, url);
}

/// The origin part of a base URL (`scheme://host[:port]`): keys are remembered per server origin.
pub fn origin_of(base_url: &str) -> Option<String> {
    let b = BaseUrl::parse(base_url).ok()?;
    let s = b.as_str();
    let after_scheme = s.find("://")? + 3;
    let end = s[after_scheme..].find('/').map_or(s.len(), |i| after_scheme + i);
    Some(s[..end].to_ascii_lowercase())
}

/// The API key remembered for the server at `base_url`, if the user opted in for it.
pub fn load_key(base_url: &str) -> Option<String> {
    get(&format!("{KEY_PREFIX}{}", origin_of(base_url)?))
}

/// Remembers the key for the server's origin (only called after the explicit opt-in).
pub fn save_key(base_url: &str, key: &str) -> bool {
    origin_of(base_url).is_some_and(|o| set(&format!("{KEY_PREFIX}{o}"), key))
}

/// Forgets the key remembered for the server's origin.
pub fn forget_key(base_url: &str) {
    if let Some(o) = origin_of(base_url) {
        remove(&format!("{KEY_PREFIX}{o}"));
    }
}
