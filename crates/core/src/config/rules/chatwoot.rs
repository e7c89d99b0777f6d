//! C1–C14: the Chatwoot body (1.8.2 snake_case, 2.3.6 camelCase). C1, C2, C5 and C8 are
//! table-driven (`cx.rs`).

use super::super::cx::{passes_is_url, Cx, WithFixRef};
use crate::fields::{Need, Profile};
use crate::lint::syntax::Node;
use crate::lint::{Code, Severity};
use crate::msg::keys::lint_config as t;

pub(super) fn check(cx: &mut Cx) {
    let v1 = cx.profile == Profile::V1;
    let (account, auto, delimiter) =
        if v1 { ("account_id", "auto_create", "sign_delimiter") } else { ("accountId", "autoCreate", "signDelimiter") };
    let enabled = cx.is_true("enabled");
    if enabled {
        // C3: the controller's checks when enabling.
        if let Some(v) = cx.value("url") {
            if let Some(s) = v.as_str().filter(|s| !passes_is_url(s)) {
                cx.say(Severity::Error, Code::ChatwootUrl, v.span, t::c3_url, &[s]);
            }
        }
        for key in [account, "token"] {
            if let Some(v) = cx.value(key).filter(|v| v.as_str() == Some("")) {
                cx.say(Severity::Error, Code::ChatwootRequired, v.span, t::c3_empty, &[key]);
            }
        }
        // C13
        cx.say(Severity::Info, Code::ConfigNote, cx.top(), t::c13, &[if v1 { "name_inbox" } else { "nameInbox" }]);
    }
    if !v1 {
        // C9 (with the stored values as fixes) and the isNotEmpty rule of the seven keys.
        let seven: Vec<&str> = cx.table.iter().filter(|f| f.need == Need::Required).map(|f| f.key).collect();
        cx.not_empty("", &seven);
        // C4
        cx.say(Severity::Info, Code::ConfigServerSwitch, cx.top(), t::c4, &[]);
    }
    // C7: the inbox is created during the request.
    if let Some(v) = cx.value(auto).filter(|_| cx.is_true(auto)) {
        cx.say(Severity::Warning, Code::ConfigStoredOnError, v.span, t::c7, &[auto]);
    }
    if !v1 {
        let first = cx.current.as_ref().map(|_| cx.nothing_stored() == Some(true) || stored_empty(cx) == Some(true));
        // C6: the first set (insert) drops signDelimiter.
        if let Some(v) = cx.value(delimiter).filter(|v| v.as_str().is_some_and(|s| !s.is_empty())) {
            match first {
                Some(true) => {
                    cx.say(Severity::Warning, Code::ConfigFirstSet, v.span, t::c6, &[]);
                }
                None => {
                    cx.say(Severity::Info, Code::ConfigFirstSet, v.span, t::c6_unknown, &[]);
                }
                Some(false) => {}
            }
        }
        // C12: the insert's defaults for the imports.
        if first == Some(true) {
            for key in ["importContacts", "importMessages", "mergeBrazilContacts"] {
                if cx.value(key).is_none() {
                    let fix = cx.insert("", key, "true").map(|e| cx.fix(t::fix_add, &[key], vec![e]));
                    cx.say(Severity::Warning, Code::ConfigFirstSet, cx.top(), t::c12, &[key]).with_fix_opt_ref(fix);
                }
            }
        }
    }
    if v1 && cx.is_false("enabled") {
        // C10
        let at = cx.value("enabled").map_or(cx.top(), |v| v.span);
        cx.say(Severity::Warning, Code::ConfigDisable, at, t::c10, &[]);
    } else if v1 {
        // C11: replace: optional keys omitted are dropped.
        let optional: Vec<&'static str> = cx.table.iter().filter(|f| f.need == Need::Optional).map(|f| f.key).collect();
        let lost: Vec<&str> = optional
            .iter()
            .copied()
            .filter(|k| cx.value(k).is_none() && *k != "auto_create" && *k != "number")
            .filter(|k| cx.stored(k).is_some_and(meaningful))
            .collect();
        if !lost.is_empty() {
            cx.say(Severity::Warning, Code::ConfigReplace, cx.top(), t::c11, &[&lost.join(", ")]);
        } else if cx.current.is_none() && optional.iter().any(|k| cx.value(k).is_none()) {
            cx.say(Severity::Info, Code::ConfigReplace, cx.top(), t::c11_unknown, &[]);
        }
    }
    // C14
    if let Some(m) = cx.member("token").filter(|_| cx.filled("token").is_some()) {
        cx.say(Severity::Info, Code::ConfigSecretInFind, m.key_span, t::c14, &[]);
    }
}

/// A 2.x `find` with an empty account id and token: the defaults of an instance never set.
fn stored_empty(cx: &Cx) -> Option<bool> {
    let acc = cx.stored("accountId")?.as_str()?;
    Some(acc.is_empty() && cx.stored("token").and_then(Node::as_str).is_none_or(str::is_empty))
}

/// A stored value whose loss matters (not null, "", false, 0).
fn meaningful(v: &Node) -> bool {
    use crate::lint::syntax::Kind;
    match &v.kind {
        Kind::String(s) => !s.is_empty(),
        Kind::Bool(b) => *b,
        Kind::Number(n) => *n != 0.0,
        Kind::Null | Kind::Invalid => false,
        _ => true,
    }
}
