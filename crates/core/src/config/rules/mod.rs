//! The rules of `CONTRACT-config.md` §10 over a parsed body: the shape of the generation (A4), the
//! table-driven checks (A5, A6 and every type, required key and length rule), then each endpoint's
//! own rules (settings here; webhook, proxy, Chatwoot and the sinks in their modules).

mod chatwoot;
mod proxy;
mod sinks;
mod webhook;

use super::cx::{Cx, WithFixRef};
use super::{ConfigContext, Endpoint};
use crate::fields::Profile;
use crate::lint::syntax::{Kind, Node};
use crate::lint::{Code, Diagnostic, Edit, Severity, Span};
use crate::msg::keys::lint_config as t;

/// Every rule of `endpoint` in `profile` over `root`.
pub(super) fn check(
    text: &str,
    root: &Node,
    endpoint: Endpoint,
    profile: Profile,
    ctx: &ConfigContext,
) -> Vec<Diagnostic> {
    let Some(members) = root.members() else {
        if root.kind == Kind::Invalid {
            return Vec::new();
        }
        let msg = crate::msg!(t::not_object, root.type_name());
        return vec![Diagnostic::error(Code::NotObject, root.span, msg)];
    };
    let mut cx = Cx::new(text, root, endpoint, profile, ctx);
    if !endpoint.exists_in(profile) {
        // E13: nats, kafka and pusher have no route in 1.8.2.
        cx.say(Severity::Error, Code::ConfigNoRoute, cx.top(), t::e13, &[endpoint.id(), endpoint.route()]);
        return cx.out;
    }
    if shape(&mut cx) {
        return cx.out;
    }
    cx.check_object("", members);
    match endpoint {
        Endpoint::Create => {}
        Endpoint::Settings => settings(&mut cx),
        Endpoint::Webhook => webhook::check(&mut cx),
        Endpoint::Proxy => proxy::check(&mut cx),
        Endpoint::Chatwoot => chatwoot::check(&mut cx),
        _ => sinks::check(&mut cx),
    }
    cx.out
}

/// A4: a body shaped for the other generation is refused (400 `requires property`, or for 2.x sinks
/// a 201 that does nothing): one error, with the conversion of §11 as its fix.
fn shape(cx: &mut Cx) -> bool {
    let other = cx.profile.other();
    if cx.endpoint.shape(cx.root) != Some(other) {
        return false;
    }
    let fix = super::migrate_config(cx.text, cx.endpoint, other, cx.profile)
        .ok()
        .map(|m| cx.fix(t::fix_convert, &[cx.profile.id()], vec![Edit::replace(Span::new(0, cx.text.len()), m.text)]));
    let why = if cx.profile == Profile::V2 && cx.endpoint.is_sink() { t::a4_nothing } else { t::a4_refused };
    let msg = crate::msg!(t::a4, other.id(), cx.endpoint.id(), cx.profile.id(), why);
    cx.say_msg(Severity::Error, Code::Profile, cx.top(), msg).with_fix_opt_ref(fix);
    true
}

/// ST3–ST10 (ST1, ST2 and ST5 are table-driven).
fn settings(cx: &mut Cx) {
    let v1 = cx.profile == Profile::V1;
    let (msg, reject, always, sync) = if v1 {
        ("msg_call", "reject_call", "always_online", "sync_full_history")
    } else {
        ("msgCall", "rejectCall", "alwaysOnline", "syncFullHistory")
    };
    if v1 && cx.value(msg).is_none() {
        // ST3: 1.8.2 replaces the stored settings: an omitted msg_call is deleted.
        let stored = cx.stored(msg).and_then(Node::as_str).filter(|s| !s.is_empty()).map(str::to_owned);
        let keep = stored.as_deref().map_or("\"\"".to_owned(), crate::json::quote);
        let fix = cx.insert("", msg, &keep).map(|e| cx.fix(t::fix_add, &[msg], vec![e]));
        match &stored {
            Some(s) => cx.say(Severity::Warning, Code::ConfigReplace, cx.top(), t::st3_current, &[msg, s]),
            None => cx.say(Severity::Warning, Code::ConfigReplace, cx.top(), t::st3, &[msg]),
        }
        .with_fix_opt_ref(fix)
        .field = Some("msg_call");
    }
    if !v1 {
        // ST4: 2.3.6 merges: an omitted msgCall / wavoipToken keeps the stored value.
        for key in ["msgCall", "wavoipToken"] {
            if cx.value(key).is_some() {
                continue;
            }
            match cx.stored(key).and_then(Node::as_str).map(str::to_owned) {
                Some(s) if !s.is_empty() => {
                    let fix = cx.insert("", key, "\"\"").map(|e| cx.fix(t::fix_clear, &[key], vec![e]));
                    let shown = if key == "wavoipToken" { "…".to_owned() } else { s };
                    cx.say(Severity::Warning, Code::ConfigMerge, cx.top(), t::st4, &[key, &shown])
                        .with_fix_opt_ref(fix);
                }
                Some(_) => {}
                None if cx.current.is_none() => {
                    cx.say(Severity::Info, Code::ConfigMerge, cx.top(), t::st4_unknown, &[key]);
                }
                None => {}
            }
        }
        // ST6: a wavoipToken on an instance without a WhatsApp socket: 500, stored anyway.
        if let Some(v) = cx.value("wavoipToken").filter(|v| v.as_str().is_some_and(|s| !s.is_empty())) {
            if cx.ctx.instance_open != Some(true) {
                cx.say(Severity::Warning, Code::ConfigStoredOnError, v.span, t::st6, &[]);
            }
        }
    }
    // ST7: a message goes to every caller, rejected or not.
    if let Some(v) = cx.value(msg).filter(|v| v.as_str().is_some_and(|s| !s.is_empty())) {
        if !cx.is_true(reject) {
            cx.say(Severity::Warning, Code::ConfigMsgCall, v.span, t::st7, &[msg, reject]);
        }
        // ST9: no limit in 1.8.2 (2.x: 100).
        if v1 && v.as_str().is_some_and(|s| s.chars().count() > 100) {
            cx.say(Severity::Info, Code::ConfigNote, v.span, t::st9_length, &[msg]);
        }
    }
    // ST8: applied at the next connect.
    for key in [always, sync] {
        if let Some(m) = cx.member(key).filter(|_| cx.is_true(key)) {
            cx.say(Severity::Info, Code::ConfigNextConnect, m.key_span, t::st8, &[key]);
        }
    }
    if v1 {
        // ST9: 1.8.2 has no wavoipToken (the unknown key is named by A5 too).
        if let Some(m) = cx.member("wavoipToken") {
            cx.say(Severity::Info, Code::ConfigNote, m.key_span, t::st9, &[]);
        }
        // ST10: create forced groups_ignore: true.
        if let Some(v) = cx.value("groups_ignore").filter(|_| cx.is_false("groups_ignore")) {
            cx.say(Severity::Info, Code::ConfigNote, v.span, t::st10, &[]);
        }
    }
}
