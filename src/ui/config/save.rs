//! Save = diff, send, read back: the diff of the editor's body against what the server holds, the
//! `set`, then a `find` compared with what was sent (a 5xx read back before it is called a failure,
//! a 2.x sink's empty 201 said to be "off: nothing stored").

use evo_core::config::readback::{body_from_find, diff, read_back, Change, ChangeKind, Loss, Why};
use evo_core::config::Endpoint;
use evo_core::fields::Profile;
use leptos::prelude::*;
use serde_json::Value;

use super::doc::Doc;
use crate::http::{Api, ApiError};
use crate::i18n::{tfp, tp, trp};

/// What a save ended in.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// Read back: every key as sent (`lost` empty), or the keys that did not come back.
    Read { status: u16, lost: Vec<Loss> },
    /// A 2.x sink whose integration is off: nothing stored.
    Off,
    /// Refused: why (the server's words explained).
    Failed(String),
    /// No answer (timeout, network): nothing known of what the server did.
    Unanswered(String),
}

impl Saved {
    /// `saved`, `lost`, `off` or `failed` (the read-back's `data-result`, the bulk table's cell).
    pub fn id(&self) -> &'static str {
        match self {
            Saved::Read { lost, .. } if lost.iter().all(Loss::expected) => "saved",
            Saved::Read { .. } => "lost",
            Saved::Off => "off",
            Saved::Failed(_) | Saved::Unanswered(_) => "failed",
        }
    }
}

/// A value shown in the diff or read-back, masked when the key is a secret.
fn show(endpoint: Endpoint, profile: Profile, key: &str, v: Option<&str>) -> String {
    let secret = key.contains("headers") || endpoint.field(profile, key).is_some_and(|f| f.secret);
    match v {
        None => "—".into(),
        Some(v) if secret && v != "\"\"" => "••••••".into(),
        Some(v) => v.chars().take(120).collect(),
    }
}

/// Why a failed call failed, with the cases that matter here said plainly (404: the instance is
/// gone; 401: the key).
pub fn why_failed(e: &ApiError, name: &str) -> String {
    match e.status() {
        Some(404) => tfp(|u| u.cfg_404, &[name]),
        Some(401) => tp().cfg_401.to_owned(),
        _ => crate::ui::errors::explain(e).text,
    }
}

/// Sends `body` to `name`'s route, then reads back. `before` is the `find` read before sending.
pub async fn save(
    api: Api,
    endpoint: Endpoint,
    profile: Profile,
    name: &str,
    body: String,
    before: Option<String>,
) -> (Saved, Option<String>) {
    let sent: Option<Value> = serde_json::from_str(&body).ok();
    let reply = api.config_set(endpoint, name, body, 30, None).await;
    let status = match &reply {
        Ok(r) if endpoint.answer_means_off(profile, r.status, &r.body) => return (Saved::Off, None),
        Ok(r) => r.status,
        Err(ApiError::Answered(r)) if endpoint.may_have_stored(r.status, &r.body) => r.status,
        Err(e @ ApiError::NoAnswer(_)) => return (Saved::Unanswered(crate::ui::errors::explain(e).text), None),
        Err(e) => return (Saved::Failed(why_failed(e, name)), None),
    };
    // 2.3.6 proxy answers before it writes: read again for about a second while it says nothing.
    let mut found = None;
    for attempt in 0..4 {
        match api.config_find(endpoint, name, None).await {
            Ok(r) if endpoint.answer_means_off(profile, r.status, &r.body) => return (Saved::Off, Some(r.body)),
            Ok(r) => {
                let nothing = body_from_find(&r.body, endpoint, profile).is_none();
                found = Some(r.body);
                if !(nothing && endpoint == Endpoint::Proxy && attempt < 3) {
                    break;
                }
            }
            Err(e) => return (Saved::Failed(why_failed(&e, name)), None),
        }
        gloo_timers_sleep(300).await;
    }
    let after = found.as_deref().and_then(|f| body_from_find(f, endpoint, profile));
    let was = before.as_deref().and_then(|f| body_from_find(f, endpoint, profile));
    let lost = match &sent {
        Some(s) => read_back(s, after.as_ref(), was.as_ref(), endpoint, profile),
        None => Vec::new(),
    };
    (Saved::Read { status, lost }, found)
}

/// Waits `ms` (a timer, no busy loop).
async fn gloo_timers_sleep(ms: u32) {
    let (tx, rx) = futures_channel_oneshot();
    let _ = set_timeout_with_handle(tx, std::time::Duration::from_millis(u64::from(ms)));
    rx.await;
}

/// A one-shot signal: the sender is a closure, the receiver a future.
fn futures_channel_oneshot() -> (impl FnOnce() + 'static, impl std::future::Future<Output = ()>) {
    let done = std::rc::Rc::new(std::cell::Cell::new(false));
    let waker: std::rc::Rc<std::cell::RefCell<Option<std::task::Waker>>> = Default::default();
    let (d2, w2) = (done.clone(), waker.clone());
    let send = move || {
        d2.set(true);
        if let Some(w) = w2.borrow_mut().take() {
            w.wake();
        }
    };
    let recv = std::future::poll_fn(move |cx| {
        if done.get() {
            std::task::Poll::Ready(())
        } else {
            *waker.borrow_mut() = Some(cx.waker().clone());
            std::task::Poll::Pending
        }
    });
    (send, recv)
}

/// The diff of the editor's body against the server's (`config-diff`).
pub fn diff_view(d: Doc) -> impl IntoView {
    move || {
        let text = d.text.get();
        let current = d.current.get();
        let Ok(body) = serde_json::from_str::<Value>(&text) else {
            return view! { <p class="hint" data-testid="config-diff">{trp(|u| u.cfg_diff_json)}</p> }.into_any();
        };
        let now = current.as_deref().and_then(|c| body_from_find(c, d.endpoint, d.profile));
        let changes = diff(now.as_ref(), &body, d.profile);
        if changes.is_empty() {
            return view! { <p class="hint" data-testid="config-diff">{trp(|u| u.cfg_diff_none)}</p> }.into_any();
        }
        changes_list(d.endpoint, d.profile, changes).into_any()
    }
}

/// The keys a save changes, each with its kind and its values (secrets masked): a `config-diff` list.
pub fn changes_list(endpoint: Endpoint, profile: Profile, changes: Vec<Change>) -> impl IntoView {
    view! {
        <ul class="diff" data-testid="config-diff">
            {changes.into_iter().map(|c| {
                let (kind, word) = match c.kind {
                    ChangeKind::Added => ("added", tp().cfg_added),
                    ChangeKind::Changed => ("changed", tp().cfg_changed),
                    ChangeKind::Wiped => ("wiped", tp().cfg_wiped),
                    ChangeKind::Kept => ("kept", tp().cfg_kept),
                };
                let before = show(endpoint, profile, &c.key, c.before.as_deref());
                let after = show(endpoint, profile, &c.key, c.after.as_deref());
                view! {
                    <li data-testid="config-change" data-key=c.key.clone() data-kind=kind class=format!("change {kind}")>
                        <code>{c.key.clone()}</code>" " <strong>{word}</strong>": " {before}" → "{after}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The read-back's reason for one key.
fn why_text(w: Why) -> &'static str {
    let u = tp();
    match w {
        Why::Unknown => u.cfg_why_unknown,
        Why::FirstSetDrops => u.cfg_why_first_set,
        Why::Disabled => u.cfg_why_disabled,
        Why::Truncated => u.cfg_why_truncated,
        Why::NotStored => u.cfg_why_not_stored,
        Why::Missing => u.cfg_why_missing,
        Why::Changed => u.cfg_why_changed,
    }
}

/// What a save ended in (`config-readback`).
pub fn readback_view(endpoint: Endpoint, profile: Profile, s: Saved) -> impl IntoView {
    let id = s.id();
    let (class, head) = match &s {
        Saved::Read { status, lost } if lost.iter().all(Loss::expected) => {
            ("msg ok", tfp(|u| u.cfg_saved, &[&status.to_string()]))
        }
        Saved::Read { status, lost } => {
            let n = lost.iter().filter(|l| !l.expected()).count();
            ("msg warn", tfp(|u| u.cfg_lost, &[&status.to_string(), &n.to_string()]))
        }
        Saved::Off => ("msg warn", tp().cfg_off.to_owned()),
        Saved::Failed(why) | Saved::Unanswered(why) => ("msg err", why.clone()),
    };
    let lost = match s {
        Saved::Read { lost, .. } => lost,
        _ => Vec::new(),
    };
    view! {
        <div data-testid="config-readback" data-result=id role="status">
            <p class=class>{head}</p>
            <ul>
                {lost.into_iter().map(|l| view! {
                    <li data-testid="config-loss" data-key=l.key.clone() data-expected=l.expected().to_string()>
                        <code>{l.key.clone()}</code>": " {show(endpoint, profile, &l.key, Some(&l.sent))}" → "
                        {show(endpoint, profile, &l.key, l.found.as_deref())}" — " {why_text(l.why)}
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}
