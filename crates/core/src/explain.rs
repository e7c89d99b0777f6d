//! Plain-language causes and next steps for what a create attempt can end in, as facts: a tone and
//! a [`Msg`] ([`Explained`]). The faces render them in their reader's language
//! ([`Explained::render`]; `crate::render::explain_*` for the faces that want the words at once).

use crate::msg::{keys::answers as a, Key, Msg};
use crate::response::{ApiError, Decoded, LicenceGate};

/// How serious an outcome is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Success,
    Warning,
    Error,
}

/// One explanation as words: a headline and the next step, in the reader's language (what
/// [`Explained::render`] makes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub tone: Tone,
    pub text: String,
}

/// One explanation as a fact: how serious, and what to say (rendered at the edge).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    pub tone: Tone,
    pub msg: Msg,
}

fn err(msg: Msg) -> Explained {
    Explained { tone: Tone::Error, msg }
}

fn joined(e: &ApiError) -> String {
    e.messages.join("; ")
}

/// Explains an HTTP answer to `POST /instance/create` (`name` is the instance name that was sent).
pub fn response(status: u16, decoded: &Decoded, name: &str) -> Explained {
    let api = match decoded {
        Decoded::Error(e) => Some(e),
        _ => None,
    };
    let msgs = api.map(joined).unwrap_or_default();
    let code = status.to_string();
    let code = code.as_str();
    // The message without the server's messages, or the one that quotes them.
    let with_msgs = |bare: Key, with: Key| {
        if msgs.is_empty() {
            crate::msg!(bare, code)
        } else {
            crate::msg!(with, code, &msgs)
        }
    };
    match (status, decoded) {
        (200..=299, Decoded::Created(c)) => {
            Explained { tone: Tone::Success, msg: crate::msg!(a::created, c.instance_name.as_deref().unwrap_or(name)) }
        }
        (200..=299, Decoded::NotJson) => err(crate::msg!(a::ok_not_json, code)),
        (200..=299, Decoded::Empty) => err(a::ok_empty.into()),
        (200..=299, _) => Explained { tone: Tone::Warning, msg: a::ok_other.into() },
        (_, Decoded::Licence(g)) => licence(g),
        (401, _) => err(a::unauthorized.into()),
        (403, _) if msgs.contains("already in use") => err(crate::msg!(a::name_taken, name, suggest_free_name(name))),
        (400, _) if api.is_some() => err(crate::msg!(a::rejected, &msgs)),
        (404, _) => err(a::not_found.into()),
        (500..=599, _) if msgs.contains("Not allowed by CORS") => err(a::cors_refused.into()),
        (500..=599, _) => err(with_msgs(a::server_failed, a::server_failed_with)),
        (_, Decoded::NotJson) => err(crate::msg!(a::not_json, code)),
        (_, Decoded::Empty) => err(crate::msg!(a::empty_body, code)),
        _ => err(with_msgs(a::unexpected, a::unexpected_with)),
    }
}

/// A 2.4+ server that is not activated: what that blocks, and where to activate it (the server's
/// own page; nothing is sent anywhere else).
pub fn licence(gate: &LicenceGate) -> Explained {
    let url = gate.register_url.as_deref().unwrap_or("/manager/login");
    err(crate::msg!(a::licence_required, url))
}

/// Explains a request that got no HTTP answer at all (the browser gives no status).
/// `page_origin` is this page's origin, printed as the exact `CORS_ORIGIN` line to set.
pub fn no_response(page_origin: &str) -> Explained {
    err(crate::msg!(a::no_response, page_origin))
}

/// The request ran past the page's time limit and was stopped.
pub fn timeout(seconds: u32) -> Explained {
    err(crate::msg!(a::timeout_stopped, usize::try_from(seconds).unwrap_or(usize::MAX)))
}

/// The user pressed Stop.
pub fn aborted() -> Explained {
    Explained { tone: Tone::Warning, msg: a::aborted.into() }
}

/// A name close to `name` to try when it is taken: the trailing number goes up by one (`shop` → `shop2`).
pub fn suggest_free_name(name: &str) -> String {
    let digits = name.len() - name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (stem, num) = name.split_at(name.len() - digits);
    match num.parse::<u64>() {
        Ok(n) => format!("{stem}{}", n.saturating_add(1)),
        Err(_) => format!("{name}2"),
    }
}

/// What `GET {base}/` says about the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    /// An Evolution API: its version, whether it speaks the v2 API, and (2.x) the WhatsApp Web
    /// version it connects with (`whatsappWebVersion`).
    Evolution { version: String, v2: bool, whatsapp_web: Option<String> },
    /// Something answered, but not an Evolution API: why it is not one.
    NotEvolution(Msg),
}

/// Reads the answer of `GET {base}/`.
pub fn read_health(status: u16, body: &str) -> Health {
    let v: Option<serde_json::Value> = serde_json::from_str(body).ok();
    let welcome =
        v.as_ref().and_then(|v| v.get("message")).and_then(|m| m.as_str()).is_some_and(|m| m.contains("Evolution API"));
    match (status, v.as_ref().and_then(|v| v.get("version")).and_then(|x| x.as_str())) {
        (200, Some(version)) if welcome => Health::Evolution {
            version: version.to_owned(),
            v2: version.starts_with('2') || v.as_ref().is_some_and(|v| v.get("clientName").is_some()),
            whatsapp_web: v
                .as_ref()
                .and_then(|v| v.get("whatsappWebVersion"))
                .and_then(|w| w.as_str())
                .filter(|w| !w.is_empty())
                .map(str::to_owned),
        },
        (404, _) => Health::NotEvolution(a::health_404.into()),
        (s, _) if body.trim_start().starts_with('<') => {
            Health::NotEvolution(crate::msg!(a::health_html, s.to_string()))
        }
        (s, _) => Health::NotEvolution(crate::msg!(a::health_other, s.to_string())),
    }
}

/// The browser blocks an https page from calling an http API before any request is made.
pub fn mixed(page_is_https: bool, api_is_https: bool) -> Option<Explained> {
    (page_is_https && !api_is_https).then(|| err(a::mixed_content.into()))
}

#[cfg(test)]
mod tests;
