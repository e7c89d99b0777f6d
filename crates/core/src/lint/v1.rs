//! The Evolution API v1 rules for a create payload (profile "v1": the seed's fields plus the late-v1
//! fields of the contract). Each message says what the server would do.

use super::code::Code;
use super::ctx::{bool_fix, is_http_url, is_placeholder, Ctx};
use super::diag::{Diagnostic, Fix};
use super::suggest::{is_seed_instance_name, slug};
use super::syntax::{Kind, Member, Node};
use super::text::Edit;
use crate::fields::Profile;
use crate::json::quote;
use crate::msg;
use crate::msg::keys::lint as t;

const CHATWOOT_TRIO: [&str; 3] = ["chatwoot_account_id", "chatwoot_token", "chatwoot_url"];
const STRICT_CHATWOOT: [&str; 3] =
    ["chatwoot_sign_msg", "chatwoot_reopen_conversation", "chatwoot_conversation_pending"];

/// Runs every v1 rule over the members of the root object.
pub(super) fn check(cx: &mut Ctx<'_>) {
    let members = cx.members;
    cx.unknown_keys(members, "");
    let chatwoot_on = CHATWOOT_TRIO.iter().all(|k| cx.get(k).is_some());
    for m in members {
        // With Chatwoot on, these three are strict: `chatwoot()` reports them as errors.
        if chatwoot_on && STRICT_CHATWOOT.contains(&m.key.as_str()) {
            continue;
        }
        if let Some(f) = Profile::V1.field(&m.key) {
            cx.check_type(m, f);
        }
    }
    if let Some(v) = cx.value("proxy").filter(|v| v.members().is_some()) {
        cx.proxy(v);
    }
    cx.instance_name();
    cx.token();
    cx.qrcode();
    cx.webhook();
    cx.channels();
    cx.chatwoot();
    cx.integration();
    cx.other_placeholders(&["instanceName", "token", "webhook"]);
}

impl<'a> Ctx<'a> {
    fn proxy(&mut self, v: &'a Node) {
        let Some(members) = v.members() else {
            self.push(Diagnostic::error(Code::Type, v.span, t::proxy_not_object));
            return;
        };
        let get = |k: &str| members.iter().rev().find(|m| m.key == k).and_then(|m| m.value.as_ref());
        for k in ["host", "port"] {
            if get(k).is_none() {
                self.push(Diagnostic::error(Code::Proxy, v.span, msg!(t::proxy_needs, k)));
            }
        }
        if let Some(p) = get("protocol") {
            if !p.as_str().is_some_and(|s| matches!(s, "http" | "https" | "socks4" | "socks5")) {
                self.push(Diagnostic::error(Code::Proxy, p.span, t::proxy_protocol));
            }
        }
        for m in members {
            if !matches!(m.key.as_str(), "host" | "port" | "protocol" | "username" | "password") {
                self.push(Diagnostic::warning(
                    Code::UnknownKey,
                    m.key_span,
                    msg!(t::unknown_nested_key, "proxy", &m.key),
                ));
            }
        }
        self.push(Diagnostic::info(Code::Proxy, v.span, t::proxy_tested));
    }

    fn instance_name(&mut self) {
        let Some(m) = self.get("instanceName") else {
            self.push(
                Diagnostic::error(Code::Required, self.top(), t::instance_name_required).on_field("instanceName"),
            );
            return;
        };
        let Some(v) = &m.value else { return };
        let Some(name) = v.as_str() else { return };
        if name.is_empty() {
            self.push(Diagnostic::error(Code::InstanceName, v.span, t::instance_name_empty));
            return;
        }
        let fix = slug(name).map(|s| Fix::one(msg!(t::fix_use_quoted, &s), Edit::replace(v.span, quote(&s))));
        let d = if is_placeholder(name) {
            Diagnostic::error(Code::Placeholder, v.span, msg!(t::instance_name_placeholder, name))
        } else if name.contains('/') {
            Diagnostic::error(Code::InstanceNameSlash, v.span, t::instance_name_slash)
        } else if is_seed_instance_name(name) {
            return;
        } else if name.bytes().any(|b| b.is_ascii_alphanumeric())
            && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        {
            // Only - or _ beyond the seed's rule: accepted by every server and safe in URLs.
            Diagnostic::warning(Code::InstanceName, v.span, t::instance_name_dash)
        } else {
            Diagnostic::error(Code::InstanceName, v.span, t::instance_name_chars)
        };
        self.push(d.with_fix_opt(fix));
    }

    fn token(&mut self) {
        let fresh = self.opts.fresh_token.clone();
        let Some(m) = self.get("token") else {
            let mut d = Diagnostic::warning(
                Code::TokenMissing,
                self.get("instanceName").map_or(self.top(), |m| m.key_span),
                t::token_missing,
            )
            .on_field("token");
            if let Some(token) = fresh {
                d = d.with_fix(Fix::one(
                    t::fix_add_fresh_token,
                    self.insert_member(self.get("instanceName"), "token", &quote(&token)),
                ));
            }
            self.push(d);
            return;
        };
        let Some(v) = &m.value else { return };
        let Some(token) = v.as_str() else { return };
        let valid = !token.is_empty() && token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if valid {
            if let Some(instance) = self.opts.used_token(token) {
                let msg = msg!(t::token_reused, instance);
                let d = Diagnostic::error(Code::TokenReuse, v.span, msg);
                let fix = fresh.map(|f| Fix::one(t::fix_use_fresh_token, Edit::replace(v.span, quote(&f))));
                self.push(d.with_fix_opt(fix));
            }
            return;
        }
        let cleaned: String = token.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        let (code, msg) = if is_placeholder(token) {
            (Code::Placeholder, msg!(t::token_placeholder, token))
        } else if token.is_empty() {
            (Code::Token, t::token_empty.into())
        } else {
            (Code::Token, t::token_chars.into())
        };
        let mut d = Diagnostic::error(code, v.span, msg);
        if !cleaned.is_empty() && !is_placeholder(token) {
            d = d.with_fix(Fix::one(msg!(t::fix_use_quoted, &cleaned), Edit::replace(v.span, quote(&cleaned))));
        } else if let Some(f) = fresh {
            d = d.with_fix(Fix::one(t::fix_use_fresh_token, Edit::replace(v.span, quote(&f))));
        }
        self.push(d);
    }

    fn qrcode(&mut self) {
        if self.get("qrcode").is_none() {
            self.push(
                Diagnostic::warning(Code::QrcodeMissing, self.top(), t::qrcode_missing)
                    .on_field("qrcode")
                    .with_fix(Fix::one(t::fix_add_qrcode, self.insert_member(None, "qrcode", "true"))),
            );
        }
    }

    fn webhook(&mut self) {
        let webhook = self.get("webhook");
        let events = self.get("events");
        if let Some(m) = webhook {
            if let Some(v) = &m.value {
                if let Some(url) = v.as_str() {
                    if is_placeholder(url) {
                        self.push(Diagnostic::error(Code::Placeholder, v.span, msg!(t::webhook_placeholder, url)));
                    } else if !is_http_url(url) {
                        self.push(Diagnostic::error(Code::WebhookUrl, v.span, t::webhook_url));
                    }
                }
            }
            if events.is_none() {
                self.push(
                    Diagnostic::error(Code::WebhookWithoutEvents, m.key_span, t::webhook_without_events)
                        .on_field("events")
                        .with_fix(Fix::one(
                            msg!(t::fix_add_events, "events"),
                            self.insert_member(Some(m), "events", "[]"),
                        )),
                );
            }
        }
        if let Some(m) = events {
            if webhook.is_none() {
                self.push(Diagnostic::warning(Code::EventsWithoutWebhook, m.key_span, t::events_without_webhook));
            }
            if let Some(v) = &m.value {
                self.events_list(v, &m.key);
            }
        }
        if let (Some(m), None) = (self.get("webhook_by_events"), webhook) {
            self.push(Diagnostic::info(Code::Unused, m.key_span, t::webhook_by_events_unused));
        }
    }

    fn channels(&mut self) {
        for kind in ["websocket", "rabbitmq", "sqs"] {
            let enabled_key = format!("{kind}_enabled");
            let events_key = format!("{kind}_events");
            let enabled = self.get(&enabled_key);
            let events = self.get(&events_key);
            if let Some(m) = enabled {
                if m.value.as_ref().and_then(Node::as_bool) == Some(true) && events.is_none() {
                    self.push(
                        Diagnostic::error(
                            Code::EnabledWithoutEvents,
                            m.key_span,
                            msg!(t::enabled_without_events, &enabled_key, &events_key),
                        )
                        .with_fix(Fix::one(
                            msg!(t::fix_add_events, &events_key),
                            self.insert_member(Some(m), &events_key, "[]"),
                        )),
                    );
                }
            }
            if let Some(m) = events {
                if enabled.is_none() {
                    self.push(Diagnostic::warning(
                        Code::EventsWithoutWebhook,
                        m.key_span,
                        msg!(t::events_without_enabled, &events_key, &enabled_key),
                    ));
                }
                if let Some(v) = &m.value {
                    self.events_list(v, &m.key);
                }
            }
        }
    }

    fn chatwoot(&mut self) {
        let present: Vec<&str> = CHATWOOT_TRIO.iter().copied().filter(|k| self.get(k).is_some()).collect();
        if present.is_empty() {
            for m in self.members.iter().filter(|m| m.key.starts_with("chatwoot_")) {
                self.push(Diagnostic::info(Code::Unused, m.key_span, msg!(t::chatwoot_unused, &m.key)));
            }
            return;
        }
        let first = self.get(present[0]).map_or(self.root.span, |m| m.key_span);
        if present.len() < 3 {
            let missing: Vec<&str> = CHATWOOT_TRIO.iter().copied().filter(|k| !present.contains(k)).collect();
            self.push(Diagnostic::error(
                Code::ChatwootPartial,
                first,
                crate::msg::Msg::joined(t::chatwoot_partial, &missing, t::and),
            ));
            return;
        }
        if let Some(v) = self.value("chatwoot_url") {
            if let Some(url) = v.as_str() {
                if !is_http_url(url) {
                    self.push(Diagnostic::error(Code::ChatwootUrl, v.span, t::chatwoot_url));
                }
            }
        }
        match self.get("chatwoot_sign_msg") {
            None => {
                let after = self.get("chatwoot_url");
                self.push(
                    Diagnostic::error(Code::ChatwootSignMsg, first, t::chatwoot_sign_msg_required)
                        .on_field("chatwoot_sign_msg")
                        .with_fix(Fix::one(
                            t::fix_add_sign_msg,
                            self.insert_member(after, "chatwoot_sign_msg", "false"),
                        )),
                );
            }
            Some(m) => self.strict_bool(m),
        }
        for k in &STRICT_CHATWOOT[1..] {
            if let Some(m) = self.get(k) {
                self.strict_bool(m);
            }
        }
        if self.value("qrcode").and_then(Node::as_bool) == Some(true) {
            self.push(Diagnostic::info(Code::ChatwootQr, first, t::chatwoot_qr));
        }
    }

    /// A Chatwoot boolean the controller requires strictly (else "sign_msg is required" after saving).
    fn strict_bool(&mut self, m: &'a Member) {
        let Some(v) = &m.value else { return };
        if v.as_bool().is_some() || v.kind == Kind::Invalid {
            return;
        }
        let d = Diagnostic::error(Code::Type, v.span, msg!(t::strict_bool, &m.key));
        let fix = bool_fix(v);
        self.push(d.with_fix_opt(fix));
    }

    fn integration(&mut self) {
        if self.value("integration").and_then(Node::as_str) == Some("WHATSAPP-BUSINESS") {
            let span = self.get("integration").map_or(self.root.span, |m| m.key_span);
            for k in ["token", "number"] {
                if self.get(k).is_none() {
                    self.push(Diagnostic::error(Code::Business, span, msg!(t::business_needs, k)));
                }
            }
        }
        if let Some(v) = self.value("groups_ignore") {
            if v.as_bool() == Some(false) {
                self.push(Diagnostic::info(Code::GroupsIgnore, v.span, t::groups_ignore));
            }
        }
    }
}
