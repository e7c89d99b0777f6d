//! P1–P11: the proxy body (1.8.2 `{enabled, proxy:{…}}`, 2.3.6 flat). P1, P2 (required keys) and
//! P3 (`port` a string) are table-driven (`cx.rs`).

use super::super::cx::{Cx, WithFixRef};
use crate::fields::Profile;
use crate::json::quote;
use crate::lint::{Code, Edit, Severity};
use crate::msg::keys::lint_config as t;

pub(super) fn check(cx: &mut Cx) {
    let v1 = cx.profile == Profile::V1;
    let p = |k: &str| if v1 { format!("proxy.{k}") } else { k.to_owned() };
    let enabled = cx.is_true("enabled");
    if !v1 {
        // P2: "" for host/port/protocol is refused when nothing else is there.
        cx.not_empty("", &["enabled", "host", "port", "protocol"]);
    }
    if let Some(v) = cx.value(&p("protocol")) {
        if let Some(s) = v.as_str().filter(|s| !s.is_empty()) {
            let lower = s.to_ascii_lowercase();
            if !v1 && enabled && lower != "http" && lower != "socks" {
                // P4: the 2.x agent knows http and socks only.
                let to = if lower.starts_with("socks") { "socks" } else { "http" };
                let fix = cx.fix(t::fix_write, &[to], vec![Edit::replace(v.span, quote(to))]);
                cx.say(Severity::Error, Code::Proxy, v.span, t::p4, &[s]).with_fix_opt_ref(Some(fix));
            } else if v1 && lower != "http" && lower != "https" {
                // P5: 1.8.2 uses an HTTPS proxy agent whatever the protocol.
                cx.say(Severity::Warning, Code::Proxy, v.span, t::p5, &[s]);
            }
        }
    }
    // P7: both or neither; no URL-breaking characters.
    let user = cx.value(&p("username")).and_then(|v| v.as_str()).filter(|s| !s.is_empty());
    let pass = cx.value(&p("password")).and_then(|v| v.as_str()).filter(|s| !s.is_empty());
    if user.is_some() != pass.is_some() {
        let at = cx.member(&p(if user.is_some() { "username" } else { "password" })).map_or(cx.top(), |m| m.key_span);
        cx.say(Severity::Warning, Code::ConfigProxyAuth, at, t::p7_pair, &[]);
    }
    for key in ["username", "password"] {
        if let Some(v) = cx.value(&p(key)).filter(|v| v.as_str().is_some_and(|s| s.contains(['@', ':', '/', '#']))) {
            cx.say(Severity::Warning, Code::ConfigProxyAuth, v.span, t::p7_chars, &[key]);
        }
    }
    if enabled {
        // P6, P9
        let at = cx.value("enabled").map_or(cx.top(), |v| v.span);
        cx.say(Severity::Info, Code::ConfigLiveTest, at, t::p6, &[]);
        cx.say(Severity::Info, Code::ConfigNextConnect, at, t::p9, &[]);
    } else if !v1 && cx.is_false("enabled") {
        // P11
        let at = cx.value("enabled").map_or(cx.top(), |v| v.span);
        cx.say(Severity::Info, Code::ConfigNote, at, t::p11, &[]);
    }
    if !v1 {
        // P8: the 201 comes before the write.
        cx.say(Severity::Warning, Code::ConfigReadBack, cx.top(), t::p8, &[]);
    }
    // P10
    if let Some(m) = cx.member(&p("password")).filter(|_| pass.is_some()) {
        cx.say(Severity::Info, Code::ConfigSecretInFind, m.key_span, t::p10, &[]);
    }
}
