//! W1–W19: the webhook body (1.8.2 flat, 2.3.6 `{"webhook": {…}}`). W4, W5, W12, W13, W15 and
//! W18/W19 are table-driven (`cx.rs`).

use super::super::cx::{is_http_url, passes_is_url, Cx, WithFixRef};
use crate::fields::Profile;
use crate::json::quote;
use crate::lint::syntax::{Kind, Node};
use crate::lint::v2::with_scheme;
use crate::lint::{Code, Edit, Severity};
use crate::msg::keys::lint_config as t;

pub(super) fn check(cx: &mut Cx) {
    if cx.profile == Profile::V1 {
        v1(cx);
    } else {
        v2(cx);
    }
}

/// W3: enabled without events is a 500 (`…reading 'length'`), nothing stored.
fn events_when_enabled(cx: &mut Cx, parent: &str, enabled_by_default: bool) {
    let p = |k: &str| if parent.is_empty() { k.to_owned() } else { format!("{parent}.{k}") };
    let enabled = cx.is_true(&p("enabled")) || (enabled_by_default && cx.value(&p("enabled")).is_none());
    if enabled && cx.value(&p("events")).is_none() {
        let at = if parent.is_empty() { cx.top() } else { cx.member(parent).map_or(cx.top(), |m| m.key_span) };
        let fix = cx.insert(parent, "events", "[]").map(|e| cx.fix(t::fix_add, &["events: []"], vec![e]));
        cx.say(Severity::Error, Code::EnabledWithoutEvents, at, t::w3, &[&p("events")]).with_fix_opt_ref(fix);
    }
}

fn v1(cx: &mut Cx) {
    // W1 / W2: isURL (also when disabling), then a scheme for delivery.
    if let Some(v) = cx.value("url") {
        if let Some(s) = v.as_str() {
            if !passes_is_url(s) {
                if !cx.not_empty("", &["url"]) {
                    cx.say(Severity::Error, Code::WebhookUrl, v.span, t::w1, &[s]);
                }
            } else if !is_http_url(s) {
                let fixed = with_scheme(s);
                let fix =
                    (fixed != s).then(|| cx.fix(t::fix_write, &[&fixed], vec![Edit::replace(v.span, quote(&fixed))]));
                cx.say(Severity::Warning, Code::WebhookUrl, v.span, t::w2, &[s]).with_fix_opt_ref(fix);
            }
        }
    }
    events_when_enabled(cx, "", true);
    // W7: enabled omitted = true.
    if cx.value("enabled").is_none() {
        let fix = cx.insert("", "enabled", "true").map(|e| cx.fix(t::fix_add, &["enabled: true"], vec![e]));
        cx.say(Severity::Warning, Code::WebhookEnabled, cx.top(), t::w7, &[]).with_fix_opt_ref(fix);
    }
    if cx.is_false("enabled") {
        // W8: disabling wipes url and events.
        let at = cx.value("enabled").map_or(cx.top(), |v| v.span);
        cx.say(Severity::Warning, Code::ConfigDisable, at, t::w8, &[]);
        return;
    }
    // W6: replace: omitted flags leave the store.
    for key in ["webhook_by_events", "webhook_base64"] {
        if cx.value(key).is_some() {
            continue;
        }
        let stored =
            cx.stored(key).map(|v| (v.as_bool().map_or("false", |b| if b { "true" } else { "false" }), v.kind.clone()));
        let fix = |cx: &Cx, json: &str| cx.insert("", key, json).map(|e| cx.fix(t::fix_add, &[key], vec![e]));
        match stored {
            Some((b, kind)) => {
                let json = if let Kind::String(s) = &kind { quote(s) } else { b.to_owned() };
                let f = fix(cx, &json);
                cx.say(Severity::Warning, Code::ConfigReplace, cx.top(), t::w6_current, &[key, &json])
                    .with_fix_opt_ref(f)
                    .field = Some(key);
            }
            None if cx.current.is_none() => {
                let f = fix(cx, "false");
                cx.say(Severity::Warning, Code::ConfigReplace, cx.top(), t::w6, &[key]).with_fix_opt_ref(f).field =
                    Some(key);
            }
            None => {}
        }
    }
    // W9: 2.x-only keys (named by A5); headers do not exist in 1.8.2.
    if let Some(m) = cx.member("headers") {
        // In place of A5's generic "exists only in v2".
        cx.out.retain(|d| !(d.code == Code::V2Key && d.span == m.key_span));
        cx.say(Severity::Warning, Code::V2Key, m.key_span, t::w9_headers, &[]);
    }
}

fn v2(cx: &mut Cx) {
    let Some(hook) = cx.value("webhook") else { return };
    // W10: a URL string where the object belongs.
    if let Some(s) = hook.as_str() {
        let obj = format!("{{\"enabled\": true, \"url\": {}, \"events\": []}}", quote(s));
        let fix = cx.fix(t::fix_write, &[&obj], vec![Edit::replace(hook.span, obj.clone())]);
        cx.say(Severity::Error, Code::WebhookShape, hook.span, t::w10_string, &[]).with_fix_opt_ref(Some(fix));
        return;
    }
    if hook.members().is_none() {
        return;
    }
    cx.not_empty("webhook", &["enabled", "url"]);
    events_when_enabled(cx, "webhook", false);
    // W11: stored, never called.
    if let Some(v) = cx.value("webhook.url") {
        if let Some(s) = v.as_str().filter(|s| !is_http_url(s)) {
            let fixed = with_scheme(s);
            let fix = (fixed != s && is_http_url(&fixed))
                .then(|| cx.fix(t::fix_write, &[&fixed], vec![Edit::replace(v.span, quote(&fixed))]));
            let why = cx.value("webhook.events").filter(|_| s.is_empty()).map(|_| t::w11_empty);
            cx.say_msg(Severity::Warning, Code::WebhookUrl, v.span, crate::msg!(t::w11, s, why)).with_fix_opt_ref(fix);
        }
    }
    if cx.is_false("webhook.enabled") {
        // W16
        let at = cx.value("webhook.enabled").map_or(cx.top(), |v| v.span);
        cx.say(Severity::Info, Code::ConfigDisable, at, t::w16, &[]);
    }
    // W14: merge: omitted headers / byEvents / base64 keep the stored value.
    let stored = |cx: &Cx, keys: [&str; 2]| keys.iter().find_map(|k| cx.stored(k)).cloned();
    for (key, columns) in [
        ("headers", ["headers", "headers"]),
        ("byEvents", ["webhookByEvents", "byEvents"]),
        ("base64", ["webhookBase64", "base64"]),
    ] {
        if cx.value(&format!("webhook.{key}")).is_some() {
            continue;
        }
        let path = format!("webhook.{key}");
        match stored(cx, columns) {
            Some(v) if matters(&v) => {
                let shown =
                    cx.ctx.current.as_deref().and_then(|c| c.get(v.span.start..v.span.end)).unwrap_or("").to_owned();
                let clear = if key == "headers" { "{}" } else { "false" };
                let fix = cx.insert("webhook", key, clear).map(|e| cx.fix(t::fix_clear, &[&path], vec![e]));
                let shown = if key == "headers" {
                    v.members()
                        .map(|m| m.iter().map(|h| h.key.as_str()).collect::<Vec<_>>().join(", "))
                        .unwrap_or(shown)
                } else {
                    shown
                };
                cx.say(Severity::Warning, Code::ConfigMerge, cx.top(), t::w14, &[&path, &shown]).with_fix_opt_ref(fix);
            }
            Some(_) => {}
            None if cx.current.is_none() || cx.nothing_stored() == Some(false) => {
                cx.say(Severity::Info, Code::ConfigMerge, cx.top(), t::w14_unknown, &[&path]);
            }
            None => {}
        }
    }
    // W17
    if let Some(m) = cx.member("webhook.base64") {
        cx.say(Severity::Info, Code::ConfigNextConnect, m.key_span, t::w17, &[]);
    }
}

/// A stored value an omitted key would keep that is not the default (non-empty headers, `true`).
fn matters(v: &Node) -> bool {
    match &v.kind {
        Kind::Bool(b) => *b,
        Kind::Object(m) => !m.is_empty(),
        _ => false,
    }
}
