//! The Evolution API v1 rules for a create payload (profile "v1": the seed's fields plus the late-v1
//! fields of the contract). Each message says what the server would do.

use super::code::Code;
use super::ctx::{bool_fix, is_http_url, is_placeholder, quote, Ctx};
use super::diag::{Diagnostic, Fix};
use super::suggest::{is_seed_instance_name, slug};
use super::syntax::{Kind, Member, Node};
use super::text::Edit;
use crate::fields::Profile;

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
            self.push(Diagnostic::error(
                Code::Type,
                v.span,
                "proxy must be an object: {\"host\": …, \"port\": …, \"protocol\": \"http\"}.",
            ));
            return;
        };
        let get = |k: &str| members.iter().rev().find(|m| m.key == k).and_then(|m| m.value.as_ref());
        for k in ["host", "port"] {
            if get(k).is_none() {
                self.push(Diagnostic::error(Code::Proxy, v.span, format!("proxy needs \"{k}\".")));
            }
        }
        if let Some(p) = get("protocol") {
            if !p.as_str().is_some_and(|s| matches!(s, "http" | "https" | "socks4" | "socks5")) {
                self.push(Diagnostic::error(
                    Code::Proxy,
                    p.span,
                    "proxy.protocol must be \"http\", \"https\", \"socks4\" or \"socks5\".",
                ));
            }
        }
        for m in members {
            if !matches!(m.key.as_str(), "host" | "port" | "protocol" | "username" | "password") {
                self.push(Diagnostic::warning(
                    Code::UnknownKey,
                    m.key_span,
                    format!("proxy has no field \"{}\": the server ignores it.", m.key),
                ));
            }
        }
        self.push(Diagnostic::info(
            Code::Proxy,
            v.span,
            "The server tests the proxy by calling an outside host through it; if that fails it answers 400 \"Invalid proxy\".",
        ));
    }

    fn instance_name(&mut self) {
        let Some(m) = self.get("instanceName") else {
            self.push(Diagnostic::error(
                Code::Required,
                self.top(),
                "instanceName is required: without it the server fails with a 500 error.",
            ));
            return;
        };
        let Some(v) = &m.value else { return };
        let Some(name) = v.as_str() else { return };
        if name.is_empty() {
            self.push(Diagnostic::error(
                Code::InstanceName,
                v.span,
                "instanceName is empty: the server answers 403 (This name \"\" is already in use).",
            ));
            return;
        }
        let fix = slug(name).map(|s| Fix::one(format!("Use \"{s}\""), Edit::replace(v.span, quote(&s))));
        let d = if is_placeholder(name) {
            Diagnostic::error(
                Code::Placeholder,
                v.span,
                format!("{name} is the seed's placeholder: put your instance's name here."),
            )
        } else if name.contains('/') {
            Diagnostic::error(
                Code::InstanceNameSlash,
                v.span,
                "A / in instanceName breaks the server: it answers 400 \"Authentication error\", keeps a broken instance, and from then on every create without a token fails with \"Token already exists\" until that instance is deleted.",
            )
        } else if !is_seed_instance_name(name) {
            Diagnostic::error(
                Code::InstanceName,
                v.span,
                "instanceName may hold only lowercase letters (no accents) and digits. The server accepts others, but names are case-sensitive in every later URL and spaces or accents break them.",
            )
        } else {
            return;
        };
        self.push(d.with_fix_opt(fix));
    }

    fn token(&mut self) {
        let fresh = self.opts.fresh_token.clone();
        let Some(m) = self.get("token") else {
            let mut d = Diagnostic::warning(
                Code::TokenMissing,
                self.get("instanceName").map_or(self.top(), |m| m.key_span),
                "No token: the server then makes one itself, and that path is buggy (a second token-less create can fail with \"Token already exists\"). Send your own.",
            );
            if let Some(t) = fresh {
                d = d.with_fix(Fix::one(
                    "Add a fresh token",
                    self.insert_member(self.get("instanceName"), "token", &quote(&t)),
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
                let msg = format!("This token was already used for \"{instance}\": the server answers 400 \"Token already exists\". Use a fresh one.");
                let d = Diagnostic::error(Code::TokenReuse, v.span, msg);
                let fix = fresh.map(|t| Fix::one("Use a fresh token", Edit::replace(v.span, quote(&t))));
                self.push(d.with_fix_opt(fix));
            }
            return;
        }
        let cleaned: String = token.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        let (code, msg) = if is_placeholder(token) {
            (
                Code::Placeholder,
                format!("{token} is the seed's placeholder: put the instance's own key here, or generate one."),
            )
        } else if token.is_empty() {
            (Code::Token, "token is empty: the server then makes its own (see the missing-token warning).".to_owned())
        } else {
            (Code::Token, "token may hold only letters, digits and hyphens.".to_owned())
        };
        let mut d = Diagnostic::error(code, v.span, msg);
        if !cleaned.is_empty() && !is_placeholder(token) {
            d = d.with_fix(Fix::one(format!("Use \"{cleaned}\""), Edit::replace(v.span, quote(&cleaned))));
        } else if let Some(t) = fresh {
            d = d.with_fix(Fix::one("Use a fresh token", Edit::replace(v.span, quote(&t))));
        }
        self.push(d);
    }

    fn qrcode(&mut self) {
        if self.get("qrcode").is_none() {
            self.push(
                Diagnostic::warning(
                    Code::QrcodeMissing,
                    self.top(),
                    "qrcode is missing (the seed marks it required): the server will not produce a QR code now.",
                )
                .with_fix(Fix::one("Add \"qrcode\": true", self.insert_member(None, "qrcode", "true"))),
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
                        self.push(Diagnostic::error(
                            Code::Placeholder,
                            v.span,
                            format!(
                                "{url} is the seed's placeholder: put the URL that should receive the events here."
                            ),
                        ));
                    } else if !is_http_url(url) {
                        self.push(Diagnostic::error(
                            Code::WebhookUrl,
                            v.span,
                            "webhook must be an absolute http:// or https:// URL. The server checks it only after saving the instance: it would answer 400 and keep a half-created instance, so a retry gets 403 \"already in use\".",
                        ));
                    }
                }
            }
            if events.is_none() {
                self.push(
                    Diagnostic::error(
                        Code::WebhookWithoutEvents,
                        m.key_span,
                        "webhook without events: the server silently does NOT save the webhook. Add \"events\": [] for all events, or list the ones you want.",
                    )
                    .with_fix(Fix::one("Add \"events\": [] (all events)", self.insert_member(Some(m), "events", "[]"))),
                );
            }
        }
        if let Some(m) = events {
            if webhook.is_none() {
                self.push(Diagnostic::warning(
                    Code::EventsWithoutWebhook,
                    m.key_span,
                    "events without webhook: the server ignores them.",
                ));
            }
            if let Some(v) = &m.value {
                self.events_list(v, &m.key);
            }
        }
        if let (Some(m), None) = (self.get("webhook_by_events"), webhook) {
            self.push(Diagnostic::info(Code::Unused, m.key_span, "webhook_by_events does nothing without webhook."));
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
                            format!("{enabled_key} without {events_key}: the server silently drops it, like a webhook without events."),
                        )
                        .with_fix(Fix::one(format!("Add \"{events_key}\": [] (all events)"), self.insert_member(Some(m), &events_key, "[]"))),
                    );
                }
            }
            if let Some(m) = events {
                if enabled.is_none() {
                    self.push(Diagnostic::warning(
                        Code::EventsWithoutWebhook,
                        m.key_span,
                        format!("{events_key} without \"{enabled_key}\": true does nothing."),
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
                self.push(Diagnostic::info(
                    Code::Unused,
                    m.key_span,
                    format!("{} does nothing without chatwoot_account_id, chatwoot_token and chatwoot_url.", m.key),
                ));
            }
            return;
        }
        let first = self.get(present[0]).map_or(self.root.span, |m| m.key_span);
        if present.len() < 3 {
            let missing: Vec<&str> = CHATWOOT_TRIO.iter().copied().filter(|k| !present.contains(k)).collect();
            self.push(Diagnostic::error(
                Code::ChatwootPartial,
                first,
                format!("Chatwoot needs chatwoot_account_id, chatwoot_token and chatwoot_url together; {} missing, so the server would silently skip Chatwoot.", missing.join(" and ")),
            ));
            return;
        }
        if let Some(v) = self.value("chatwoot_url") {
            if let Some(url) = v.as_str() {
                if !is_http_url(url) {
                    self.push(Diagnostic::error(
                        Code::ChatwootUrl,
                        v.span,
                        "chatwoot_url must be an absolute http:// or https:// URL of your Chatwoot.",
                    ));
                }
            }
        }
        match self.get("chatwoot_sign_msg") {
            None => {
                let after = self.get("chatwoot_url");
                self.push(
                    Diagnostic::error(
                        Code::ChatwootSignMsg,
                        first,
                        "With Chatwoot on, chatwoot_sign_msg (true or false) is required: without it the server answers 400 \"sign_msg is required\" after saving the instance — the server would keep a half-created instance.",
                    )
                    .with_fix(Fix::one("Add \"chatwoot_sign_msg\": false", self.insert_member(after, "chatwoot_sign_msg", "false"))),
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
            self.push(Diagnostic::info(
                Code::ChatwootQr,
                first,
                "With Chatwoot on, the QR code is sent to your Chatwoot inbox as a message, not in this response.",
            ));
        }
    }

    /// A Chatwoot boolean the controller requires strictly (else "sign_msg is required" after saving).
    fn strict_bool(&mut self, m: &'a Member) {
        let Some(v) = &m.value else { return };
        if v.as_bool().is_some() || v.kind == Kind::Invalid {
            return;
        }
        let d = Diagnostic::error(
            Code::Type,
            v.span,
            format!("{} must be true or false (no quotes): otherwise the server answers 400 \"sign_msg is required\" after saving — the server would keep a half-created instance.", m.key),
        );
        let fix = bool_fix(v);
        self.push(d.with_fix_opt(fix));
    }

    fn integration(&mut self) {
        if self.value("integration").and_then(Node::as_str) == Some("WHATSAPP-BUSINESS") {
            let span = self.get("integration").map_or(self.root.span, |m| m.key_span);
            for k in ["token", "number"] {
                if self.get(k).is_none() {
                    self.push(Diagnostic::error(
                        Code::Business,
                        span,
                        format!("WHATSAPP-BUSINESS needs \"{k}\" (the Meta access token / the business phone number id): the server answers 400 \"{k} is required\"."),
                    ));
                }
            }
        }
        if let Some(v) = self.value("groups_ignore") {
            if v.as_bool() == Some(false) {
                self.push(Diagnostic::info(
                    Code::GroupsIgnore,
                    v.span,
                    "Evolution 1.8.2 forces groups_ignore to true at create; change it afterwards in the settings.",
                ));
            }
        }
    }
}
