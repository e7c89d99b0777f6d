//! The Evolution API v1 rules for a create payload (profile "v1": the seed's fields plus the late-v1
//! fields of the contract). Each message says what the server would do.

use super::diag::{Diagnostic, Edit, Fix, Span};
use super::suggest::{closest, is_seed_instance_name, slug};
use super::syntax::{insert_member_edit, Kind, Member, Node};
use crate::events::EVENTS_V1_8;

/// What a field must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ty {
    /// A JSON boolean; `checked`: the server's schema rejects anything else with a 400.
    Bool {
        checked: bool,
    },
    Str,
    /// An absolute http(s) URL.
    Url,
    /// An array of event names.
    Events,
    /// `number`: a string of digits.
    Phone,
    /// A number, or a string of digits.
    Id,
    /// A whole number.
    Int,
    Integration,
    Proxy,
}

/// Every key profile v1 knows, with its type.
const KEYS: &[(&str, Ty)] = &[
    ("instanceName", Ty::Str),
    ("token", Ty::Str),
    ("qrcode", Ty::Bool { checked: true }),
    ("number", Ty::Phone),
    ("integration", Ty::Integration),
    ("webhook", Ty::Url),
    ("webhook_by_events", Ty::Bool { checked: true }),
    ("webhook_base64", Ty::Bool { checked: false }),
    ("events", Ty::Events),
    ("reject_call", Ty::Bool { checked: false }),
    ("msg_call", Ty::Str),
    ("groups_ignore", Ty::Bool { checked: false }),
    ("always_online", Ty::Bool { checked: false }),
    ("read_messages", Ty::Bool { checked: false }),
    ("read_status", Ty::Bool { checked: false }),
    ("sync_full_history", Ty::Bool { checked: false }),
    ("websocket_enabled", Ty::Bool { checked: false }),
    ("websocket_events", Ty::Events),
    ("rabbitmq_enabled", Ty::Bool { checked: false }),
    ("rabbitmq_events", Ty::Events),
    ("sqs_enabled", Ty::Bool { checked: false }),
    ("sqs_events", Ty::Events),
    ("chatwoot_account_id", Ty::Id),
    ("chatwoot_token", Ty::Str),
    ("chatwoot_url", Ty::Url),
    ("chatwoot_sign_msg", Ty::Bool { checked: false }),
    ("chatwoot_reopen_conversation", Ty::Bool { checked: false }),
    ("chatwoot_conversation_pending", Ty::Bool { checked: false }),
    ("chatwoot_merge_brazil_contacts", Ty::Bool { checked: false }),
    ("chatwoot_import_contacts", Ty::Bool { checked: false }),
    ("chatwoot_import_messages", Ty::Bool { checked: false }),
    ("chatwoot_days_limit_import_messages", Ty::Int),
    ("chatwoot_name_inbox", Ty::Str),
    ("typebot_url", Ty::Url),
    ("typebot", Ty::Str),
    ("typebot_expire", Ty::Int),
    ("typebot_keyword_finish", Ty::Str),
    ("typebot_delay_message", Ty::Int),
    ("typebot_unknown_message", Ty::Str),
    ("typebot_listening_from_me", Ty::Bool { checked: false }),
    ("proxy", Ty::Proxy),
];

/// The v1 key names, in the order above.
pub fn known_keys() -> impl Iterator<Item = &'static str> {
    KEYS.iter().map(|(k, _)| *k)
}

const INTEGRATIONS: [&str; 2] = ["WHATSAPP-BAILEYS", "WHATSAPP-BUSINESS"];
const CHATWOOT_TRIO: [&str; 3] = ["chatwoot_account_id", "chatwoot_token", "chatwoot_url"];
const STRICT_CHATWOOT: [&str; 3] =
    ["chatwoot_sign_msg", "chatwoot_reopen_conversation", "chatwoot_conversation_pending"];

/// Options the rules need from outside (the library has no random source of its own).
#[derive(Debug, Clone, Default)]
pub struct RuleOptions {
    /// A fresh UUID for fix-its that insert or replace a token.
    pub fresh_token: Option<String>,
}

struct Ctx<'a> {
    text: &'a str,
    root: &'a Node,
    members: &'a [Member],
    opts: &'a RuleOptions,
    out: Vec<Diagnostic>,
}

fn is_placeholder(s: &str) -> bool {
    s.len() >= 3 && s.starts_with('[') && s.ends_with(']') && !s[1..s.len() - 1].contains(['[', ']'])
}

/// An absolute http(s) URL with a host.
pub fn is_http_url(s: &str) -> bool {
    let lower = s.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    let rest = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && !host.starts_with(':') && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

impl<'a> Ctx<'a> {
    fn get(&self, key: &str) -> Option<&'a Member> {
        self.members.iter().rev().find(|m| m.key == key)
    }

    fn value(&self, key: &str) -> Option<&'a Node> {
        self.get(key)?.value.as_ref()
    }

    fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    /// An edit that adds `"key": value_json` to the root object, after `after` (or the last member).
    fn insert_member(&self, after: Option<&Member>, key: &str, value_json: &str) -> Edit {
        insert_member_edit(self.text, self.root, after, key, value_json)
    }

    fn bool_fix(&self, v: &Node) -> Option<Fix> {
        let b = match &v.kind {
            Kind::String(s) if s.eq_ignore_ascii_case("true") => true,
            Kind::String(s) if s.eq_ignore_ascii_case("false") => false,
            Kind::Number(n) if *n == 1.0 => true,
            Kind::Number(n) if *n == 0.0 => false,
            _ => return None,
        };
        Some(Fix::one(format!("Write {b}"), Edit::replace(v.span, b.to_string())))
    }

    fn check_type(&mut self, m: &'a Member, ty: Ty) {
        let Some(v) = &m.value else { return };
        if v.kind == Kind::Invalid {
            return;
        }
        let key = &m.key;
        match ty {
            Ty::Bool { checked } => {
                if v.as_bool().is_none() {
                    let d = if checked {
                        Diagnostic::error(
                            "evo/type",
                            v.span,
                            format!("{key} must be true or false (a JSON boolean, no quotes), not {}: the server answers 400 \"{key} is not of a type(s) boolean\".", v.type_name()),
                        )
                    } else {
                        Diagnostic::warning(
                            "evo/type",
                            v.span,
                            format!("{key} should be true or false (a JSON boolean, no quotes), not {}: the server stores it as sent, and a string like \"false\" counts as on.", v.type_name()),
                        )
                    };
                    let d = d.with_fix_opt(self.bool_fix(v));
                    self.push(d);
                }
            }
            Ty::Str | Ty::Url => match &v.kind {
                Kind::String(_) => {}
                Kind::Number(_) | Kind::Bool(_) => {
                    let raw = &self.text[v.span.start..v.span.end];
                    self.push(
                        Diagnostic::error("evo/type", v.span, format!("{key} must be a string (in double quotes)."))
                            .with_fix(Fix::one("Put it in quotes", Edit::replace(v.span, quote(raw)))),
                    );
                }
                _ => self.push(Diagnostic::error(
                    "evo/type",
                    v.span,
                    format!("{key} must be a string, not {}.", v.type_name()),
                )),
            },
            Ty::Events => {
                if v.items().is_none() {
                    let d = Diagnostic::error(
                        "evo/type",
                        v.span,
                        format!(
                            "{key} must be an array of event names, like [\"MESSAGES_UPSERT\"], not {}.",
                            v.type_name()
                        ),
                    );
                    let d = d.with_fix_opt(
                        v.as_str()
                            .map(|s| Fix::one("Wrap it in [ ]", Edit::replace(v.span, format!("[{}]", quote(s))))),
                    );
                    self.push(d);
                }
            }
            Ty::Phone => match &v.kind {
                Kind::String(s) => {
                    let b = s.as_bytes();
                    let ok = b.len() >= 2
                        && b[0].is_ascii_digit()
                        && (b[1].is_ascii_alphanumeric() || b"_.@-".contains(&b[1]));
                    if !ok {
                        self.push(Diagnostic::error(
                            "evo/number",
                            v.span,
                            "number must be the phone number in digits, country code first (e.g. \"5511999999999\"): the server answers 400 \"number does not match pattern\".",
                        ));
                    }
                }
                Kind::Number(_) => {
                    let raw = &self.text[v.span.start..v.span.end];
                    self.push(
                        Diagnostic::error("evo/type", v.span, "number must be a string of digits, in quotes.")
                            .with_fix(Fix::one("Put it in quotes", Edit::replace(v.span, quote(raw)))),
                    );
                }
                _ => self.push(Diagnostic::error(
                    "evo/type",
                    v.span,
                    format!("number must be a string, not {}.", v.type_name()),
                )),
            },
            Ty::Id => {
                let ok = match &v.kind {
                    Kind::Number(n) => n.fract() == 0.0,
                    Kind::String(s) => !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()),
                    _ => false,
                };
                if !ok {
                    self.push(Diagnostic::error(
                        "evo/type",
                        v.span,
                        format!("{key} must be your Chatwoot account number, e.g. 1."),
                    ));
                }
            }
            Ty::Int => {
                if !matches!(v.kind, Kind::Number(n) if n.fract() == 0.0) {
                    self.push(Diagnostic::warning("evo/type", v.span, format!("{key} should be a whole number.")));
                }
            }
            Ty::Integration => match v.as_str() {
                Some(s) if INTEGRATIONS.contains(&s) => {}
                Some(s) => {
                    let d = Diagnostic::warning(
                        "evo/integration",
                        v.span,
                        format!("integration \"{s}\" is not one of WHATSAPP-BAILEYS, WHATSAPP-BUSINESS: the server stores it without a word and it does nothing."),
                    );
                    let d = d.with_fix_opt(
                        closest(s, &INTEGRATIONS)
                            .map(|c| Fix::one(format!("Use {c}"), Edit::replace(v.span, quote(c)))),
                    );
                    self.push(d);
                }
                None => self.push(Diagnostic::error("evo/type", v.span, "integration must be a string.")),
            },
            Ty::Proxy => self.proxy(v),
        }
    }

    fn proxy(&mut self, v: &'a Node) {
        let Some(members) = v.members() else {
            self.push(Diagnostic::error(
                "evo/type",
                v.span,
                "proxy must be an object: {\"host\": …, \"port\": …, \"protocol\": \"http\"}.",
            ));
            return;
        };
        let get = |k: &str| members.iter().rev().find(|m| m.key == k).and_then(|m| m.value.as_ref());
        for k in ["host", "port"] {
            if get(k).is_none() {
                self.push(Diagnostic::error("evo/proxy", v.span, format!("proxy needs \"{k}\".")));
            }
        }
        if let Some(p) = get("protocol") {
            if !p.as_str().is_some_and(|s| matches!(s, "http" | "https" | "socks4" | "socks5")) {
                self.push(Diagnostic::error(
                    "evo/proxy",
                    p.span,
                    "proxy.protocol must be \"http\", \"https\", \"socks4\" or \"socks5\".",
                ));
            }
        }
        for m in members {
            if !matches!(m.key.as_str(), "host" | "port" | "protocol" | "username" | "password") {
                self.push(Diagnostic::warning(
                    "evo/unknown-key",
                    m.key_span,
                    format!("proxy has no field \"{}\": the server ignores it.", m.key),
                ));
            }
        }
        self.push(Diagnostic::info(
            "evo/proxy",
            v.span,
            "The server tests the proxy by calling an outside host through it; if that fails it answers 400 \"Invalid proxy\".",
        ));
    }

    fn unknown_keys(&mut self) {
        let known: Vec<&str> = known_keys().collect();
        for m in self.members {
            if known.contains(&m.key.as_str()) {
                continue;
            }
            let suggestion = closest(&m.key, &known);
            let msg = match suggestion {
                Some(s) => {
                    format!("Unknown field \"{}\": the server silently ignores it. Did you mean \"{s}\"?", m.key)
                }
                None => format!("Unknown field \"{}\": the server silently ignores it.", m.key),
            };
            let mut d = Diagnostic::warning("evo/unknown-key", m.key_span, msg);
            if let Some(s) = suggestion {
                if self.get(s).is_none() {
                    d = d.with_fix(Fix::one(format!("Rename to {s}"), Edit::replace(m.key_span, quote(s))));
                }
            }
            self.push(d);
        }
    }

    fn instance_name(&mut self) {
        let Some(m) = self.get("instanceName") else {
            self.push(Diagnostic::error(
                "evo/required",
                Span::new(self.root.span.start, self.root.span.start + 1),
                "instanceName is required: without it the server fails with a 500 error.",
            ));
            return;
        };
        let Some(v) = &m.value else { return };
        let Some(name) = v.as_str() else { return };
        if name.is_empty() {
            self.push(Diagnostic::error(
                "evo/instance-name",
                v.span,
                "instanceName is empty: the server answers 403 (This name \"\" is already in use).",
            ));
            return;
        }
        let fix = slug(name).map(|s| Fix::one(format!("Use \"{s}\""), Edit::replace(v.span, quote(&s))));
        let d = if is_placeholder(name) {
            Diagnostic::error(
                "evo/placeholder",
                v.span,
                format!("{name} is the seed's placeholder: put your instance's name here."),
            )
        } else if name.contains('/') {
            Diagnostic::error(
                "evo/instance-name-slash",
                v.span,
                "A / in instanceName breaks the server: it answers 400 \"Authentication error\", keeps a broken instance, and from then on every create without a token fails with \"Token already exists\" until that instance is deleted.",
            )
        } else if !is_seed_instance_name(name) {
            Diagnostic::error(
                "evo/instance-name",
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
                "evo/token-missing",
                self.get("instanceName").map_or(Span::new(self.root.span.start, self.root.span.start + 1), |m| m.key_span),
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
            return;
        }
        let cleaned: String = token.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        let (code, msg) = if is_placeholder(token) {
            (
                "evo/placeholder",
                format!("{token} is the seed's placeholder: put the instance's own key here, or generate one."),
            )
        } else if token.is_empty() {
            ("evo/token", "token is empty: the server then makes its own (see the missing-token warning).".to_owned())
        } else {
            ("evo/token", "token may hold only letters, digits and hyphens.".to_owned())
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
                    "evo/qrcode-missing",
                    Span::new(self.root.span.start, self.root.span.start + 1),
                    "qrcode is missing (the seed marks it required): the server will not produce a QR code now.",
                )
                .with_fix(Fix::one("Add \"qrcode\": true", self.insert_member(None, "qrcode", "true"))),
            );
        }
    }

    /// Checks an events array (`webhook`'s or a websocket/rabbitmq/sqs one).
    fn events_list(&mut self, m: &'a Member) {
        let Some(v) = &m.value else { return };
        let Some(items) = v.items() else { return };
        let mut seen: Vec<&str> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let Some(name) = item.as_str() else {
                if item.kind != Kind::Invalid {
                    self.push(Diagnostic::error(
                        "evo/event",
                        item.span,
                        format!("{}[{i}] must be an event name in quotes.", m.key),
                    ));
                }
                continue;
            };
            if !EVENTS_V1_8.contains(&name) {
                let upper = name.to_ascii_uppercase().replace(['.', '-', ' '], "_");
                let guess = EVENTS_V1_8.iter().copied().find(|e| *e == upper).or_else(|| closest(name, &EVENTS_V1_8));
                let msg = format!(
                    "\"{name}\" is not an Evolution event{}: the server answers 400 \"{}[{i}] is not one of enum values\".",
                    guess.map(|g| format!(" (did you mean {g}?)")).unwrap_or_default(),
                    m.key
                );
                let mut d = Diagnostic::error("evo/unknown-event", item.span, msg);
                if let Some(g) = guess {
                    d = d.with_fix(Fix::one(format!("Use {g}"), Edit::replace(item.span, quote(g))));
                }
                self.push(d);
            } else if seen.contains(&name) {
                // Remove this copy: from the previous item's end to this item's end.
                let prev_end = items[i - 1].span.end;
                self.push(
                    Diagnostic::warning("evo/duplicate-event", item.span, format!("{name} is listed twice."))
                        .with_fix(Fix::one("Remove the repeat", Edit::delete(Span::new(prev_end, item.span.end)))),
                );
            } else {
                seen.push(name);
            }
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
                            "evo/placeholder",
                            v.span,
                            format!(
                                "{url} is the seed's placeholder: put the URL that should receive the events here."
                            ),
                        ));
                    } else if !is_http_url(url) {
                        self.push(Diagnostic::error(
                            "evo/webhook-url",
                            v.span,
                            "webhook must be an absolute http:// or https:// URL. The server checks it only after saving the instance: it would answer 400 and keep a half-created instance, so a retry gets 403 \"already in use\".",
                        ));
                    }
                }
            }
            if events.is_none() {
                self.push(
                    Diagnostic::error(
                        "evo/webhook-without-events",
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
                    "evo/events-without-webhook",
                    m.key_span,
                    "events without webhook: the server ignores them.",
                ));
            }
            self.events_list(m);
        }
        if let (Some(m), None) = (self.get("webhook_by_events"), webhook) {
            self.push(Diagnostic::info("evo/unused", m.key_span, "webhook_by_events does nothing without webhook."));
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
                            "evo/enabled-without-events",
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
                        "evo/events-without-webhook",
                        m.key_span,
                        format!("{events_key} without \"{enabled_key}\": true does nothing."),
                    ));
                }
                self.events_list(m);
            }
        }
    }

    fn chatwoot(&mut self) {
        let present: Vec<&str> = CHATWOOT_TRIO.iter().copied().filter(|k| self.get(k).is_some()).collect();
        if present.is_empty() {
            for m in self.members.iter().filter(|m| m.key.starts_with("chatwoot_")) {
                self.push(Diagnostic::info(
                    "evo/unused",
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
                "evo/chatwoot-partial",
                first,
                format!("Chatwoot needs chatwoot_account_id, chatwoot_token and chatwoot_url together; {} missing, so the server would silently skip Chatwoot.", missing.join(" and ")),
            ));
            return;
        }
        if let Some(v) = self.value("chatwoot_url") {
            if let Some(url) = v.as_str() {
                if !is_http_url(url) {
                    self.push(Diagnostic::error(
                        "evo/chatwoot-url",
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
                        "evo/chatwoot-sign-msg",
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
                "evo/chatwoot-qr",
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
            "evo/type",
            v.span,
            format!("{} must be true or false (no quotes): otherwise the server answers 400 \"sign_msg is required\" after saving — the server would keep a half-created instance.", m.key),
        );
        let fix = self.bool_fix(v);
        self.push(d.with_fix_opt(fix));
    }

    /// A seed-style `[placeholder]` left in any other string field.
    fn other_placeholders(&mut self) {
        for m in self.members {
            if matches!(m.key.as_str(), "instanceName" | "token" | "webhook") {
                continue;
            }
            if let Some(v) = m.value.as_ref().filter(|v| v.as_str().is_some_and(is_placeholder)) {
                let msg = format!(
                    "{} is still a placeholder: put your own value here.",
                    self.text[v.span.start..v.span.end].trim_matches('"')
                );
                self.push(Diagnostic::error("evo/placeholder", v.span, msg));
            }
        }
    }

    fn integration(&mut self) {
        if self.value("integration").and_then(Node::as_str) == Some("WHATSAPP-BUSINESS") {
            let span = self.get("integration").map_or(self.root.span, |m| m.key_span);
            for k in ["token", "number"] {
                if self.get(k).is_none() {
                    self.push(Diagnostic::error(
                        "evo/business",
                        span,
                        format!("WHATSAPP-BUSINESS needs \"{k}\" (the Meta access token / the business phone number id): the server answers 400 \"{k} is required\"."),
                    ));
                }
            }
        }
        if let Some(v) = self.value("groups_ignore") {
            if v.as_bool() == Some(false) {
                self.push(Diagnostic::info(
                    "evo/groups-ignore",
                    v.span,
                    "Evolution 1.8.2 forces groups_ignore to true at create; change it afterwards in the settings.",
                ));
            }
        }
    }
}

/// Runs every v1 rule over a parsed root (which should be an object).
pub fn check(text: &str, root: &Node, opts: &RuleOptions) -> Vec<Diagnostic> {
    let Some(members) = root.members() else {
        if root.kind != Kind::Invalid {
            return vec![Diagnostic::error(
                "evo/not-object",
                root.span,
                format!("The payload must be a JSON object {{ … }}, not {}.", root.type_name()),
            )];
        }
        return Vec::new();
    };
    let mut cx = Ctx { text, root, members, opts, out: Vec::new() };
    cx.unknown_keys();
    let chatwoot_on = CHATWOOT_TRIO.iter().all(|k| cx.get(k).is_some());
    for m in members {
        // With Chatwoot on, these three are strict: `chatwoot()` reports them as errors.
        if chatwoot_on && STRICT_CHATWOOT.contains(&m.key.as_str()) {
            continue;
        }
        if let Some((_, ty)) = KEYS.iter().find(|(k, _)| *k == m.key) {
            cx.check_type(m, *ty);
        }
    }
    cx.instance_name();
    cx.token();
    cx.qrcode();
    cx.webhook();
    cx.channels();
    cx.chatwoot();
    cx.integration();
    cx.other_placeholders();
    cx.out
}
