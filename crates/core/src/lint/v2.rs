//! The Evolution API 2.x rules (profile "v2", checked against 2.3.6): `CONTRACT-v2.md` §3. What the
//! server rejects is an error; what it silently loses is an error (or a warning where the loss is
//! only possible); risks are warnings; the rest are notes. Each message says what the server does.

use super::code::Code;
use super::ctx::{is_http_url, is_placeholder, member, quote, Ctx};
use super::diag::{Diagnostic, Fix};
use super::suggest::slug;
use super::syntax::{Member, Node};
use super::text::{insert_member_edit, Edit};
use crate::fields::{Need, Profile, Role};

const P: Profile = Profile::V2;
const CHATWOOT_TRIO: [&str; 3] = ["chatwootAccountId", "chatwootToken", "chatwootUrl"];
const SINKS: [&str; 5] = ["websocket", "rabbitmq", "sqs", "nats", "kafka"];
const CHATBOT_PREFIXES: [&str; 7] = ["typebot", "openai", "dify", "evolutionBot", "flowise", "n8n", "evoai"];

/// Runs every v2 rule over the members of the root object.
pub(super) fn check(cx: &mut Ctx<'_>) {
    let members = cx.members;
    cx.chatbot_keys();
    cx.unknown_keys(members, "");
    cx.role_keys();
    for m in members {
        if let Some(f) = P.field(&m.key).filter(|f| f.role == Role::Normal) {
            cx.check_type(m, f);
        }
    }
    cx.name_v2();
    cx.integration_v2();
    cx.token_v2();
    cx.number_v2();
    cx.qrcode_v2();
    cx.settings_v2();
    cx.webhook_v2();
    cx.sinks_v2();
    cx.proxy_v2();
    cx.chatwoot_v2();
    cx.other_placeholders(&["instanceName", "token", "webhook.url"]);
}

/// A string value that is there and not empty.
fn filled(v: Option<&Node>) -> bool {
    v.and_then(Node::as_str).is_some_and(|s| !s.trim().is_empty())
}

impl<'a> Ctx<'a> {
    fn chatwoot_on(&self) -> bool {
        CHATWOOT_TRIO.iter().all(|k| filled(self.value(k)))
    }

    fn integration_is(&self, name: &str) -> bool {
        self.value("integration").and_then(Node::as_str) == Some(name)
    }

    /// The members of a nested object (checked against the table: types, unknown keys, required).
    fn nested(&mut self, parent: &'static str) -> Option<(&'a Member, &'a [Member])> {
        let m = self.get(parent)?;
        let members = m.value.as_ref()?.members()?;
        self.unknown_keys(members, parent);
        for f in P.children(parent) {
            match member(members, f.name()) {
                Some(child) => self.check_type(child, f),
                None if f.need == Need::WithParent && f.ty != crate::fields::Ty::Events => {
                    let server = f.messages.first().map_or(String::new(), |m| format!(" ending in \"{m}\""));
                    self.push(Diagnostic::error(
                        Code::Required,
                        m.key_span,
                        format!(
                            "{parent} needs \"{}\": without it the create fails with 400 (a database error{server}).",
                            f.name()
                        ),
                    ))
                }
                None => {}
            }
        }
        Some((m, members))
    }

    /// An object's `events`: required whenever the object is given (the server reads its length).
    fn required_events(&mut self, m: &'a Member, members: &'a [Member], why: &str) {
        let obj = m.value.as_ref().expect("nested() checked it");
        match member(members, "events") {
            None => {
                let msg = format!(
                    "{} has no \"events\": {why} Add \"events\": [] for all events, or list the ones you want.",
                    m.key
                );
                let edit = insert_member_edit(self.text, obj, None, "events", "[]");
                self.push(
                    Diagnostic::error(Code::WebhookWithoutEvents, m.key_span, msg)
                        .with_fix(Fix::one("Add \"events\": [] (all events)", edit)),
                );
            }
            Some(e) => {
                if let Some(v) = &e.value {
                    self.events_list(v, &format!("{}.events", m.key));
                }
            }
        }
    }

    fn name_v2(&mut self) {
        let Some(m) = self.get("instanceName") else {
            self.push(Diagnostic::error(
                Code::Required,
                self.top(),
                "instanceName is required: without it the server answers 403 \"This name \\\"undefined\\\" is already in use.\" as soon as it has any instance.",
            ));
            return;
        };
        let Some(v) = &m.value else { return };
        let Some(name) = v.as_str() else { return };
        let fix = slug(name).map(|s| Fix::one(format!("Use \"{s}\""), Edit::replace(v.span, quote(&s))));
        if name.is_empty() {
            self.push(Diagnostic::error(
                Code::InstanceName,
                v.span,
                "instanceName is empty: with any other field present, 2.x creates an instance named \"\" that no later URL can reach.",
            ));
        } else if is_placeholder(name) {
            self.push(
                Diagnostic::error(
                    Code::Placeholder,
                    v.span,
                    format!("{name} is the seed's placeholder: put your instance's name here."),
                )
                .with_fix_opt(fix),
            );
        } else if !is_v2_name(name) {
            self.push(Diagnostic::warning(
                Code::InstanceName,
                v.span,
                "Keep instanceName to lowercase letters, digits, - and _ (starting with a letter or digit). The server accepts anything, but names are case-sensitive in every later URL, and spaces, accents, / % ? # need URL-encoding there.",
            ).with_fix_opt(fix));
        }
    }

    fn integration_v2(&mut self) {
        if self.get("integration").is_none() {
            let fix = self.insert_member(self.get("instanceName"), "integration", "\"WHATSAPP-BAILEYS\"");
            self.push(
                Diagnostic::error(
                    Code::Required,
                    self.get("instanceName").map_or(self.top(), |m| m.key_span),
                    "integration is required in 2.x: without it the server answers 400 \"Invalid integration\". WHATSAPP-BAILEYS is WhatsApp Web (QR code or pairing code).",
                )
                .with_fix(Fix::one("Add \"integration\": \"WHATSAPP-BAILEYS\"", fix)),
            );
        }
        if self.integration_is("WHATSAPP-BUSINESS") {
            let span = self.get("integration").map_or(self.top(), |m| m.key_span);
            for (k, what) in [("token", "the Meta access token"), ("number", "the Meta phone-number id")] {
                if !filled(self.value(k)) {
                    self.push(Diagnostic::error(
                        Code::Business,
                        span,
                        format!("WHATSAPP-BUSINESS needs \"{k}\" ({what}), not empty: the server answers 400 \"{k} is required\"."),
                    ));
                }
            }
        }
    }

    fn token_v2(&mut self) {
        let Some(v) = self.value("token") else { return };
        let Some(token) = v.as_str() else { return };
        let fresh = self.opts.fresh_token.clone();
        if is_placeholder(token) {
            let d = Diagnostic::error(
                Code::Placeholder,
                v.span,
                format!("{token} is the seed's placeholder: put the instance's own key here, or generate one."),
            );
            let fix = fresh.map(|t| Fix::one("Use a fresh token", Edit::replace(v.span, quote(&t))));
            self.push(d.with_fix_opt(fix));
        } else if let Some(instance) = self.opts.used_token(token) {
            let d = Diagnostic::warning(
                Code::TokenReuse,
                v.span,
                format!("This token was already used for \"{instance}\". 2.x accepts it again without a word, and the instance keys are then no longer unique (fetchInstances with it lists both). Use a fresh one."),
            );
            let fix = fresh.map(|t| Fix::one("Use a fresh token", Edit::replace(v.span, quote(&t))));
            self.push(d.with_fix_opt(fix));
        }
    }

    fn number_v2(&mut self) {
        let Some(v) = self.value("number") else { return };
        let Some(n) = v.as_str() else { return };
        let b = n.as_bytes();
        let pattern =
            b.len() >= 2 && b[0].is_ascii_digit() && (b[1].is_ascii_alphanumeric() || b"_.@-".contains(&b[1]));
        if self.integration_is("WHATSAPP-BUSINESS") || !pattern {
            return;
        }
        let digits = n.len() >= 8 && n.len() <= 15 && n.bytes().all(|b| b.is_ascii_digit()) && !n.starts_with('0');
        if !digits {
            let clean: String = n.chars().filter(char::is_ascii_digit).collect();
            let d = Diagnostic::warning(
                Code::Number,
                v.span,
                "For WhatsApp Web, number is the phone number in digits only, country code first (e.g. \"5511999999999\"): no +, spaces or dashes.",
            );
            let fix = (!clean.is_empty() && clean != n)
                .then(|| Fix::one(format!("Use \"{clean}\""), Edit::replace(v.span, quote(&clean))));
            self.push(d.with_fix_opt(fix));
        } else {
            self.push(Diagnostic::info(
                Code::PairingCode,
                v.span,
                "With number, WhatsApp also gives an 8-character pairing code next to the QR code (with qrcode: true, or later from connect).",
            ));
        }
    }

    fn qrcode_v2(&mut self) {
        let Some(m) = self.get("qrcode") else { return };
        if m.value.as_ref().and_then(Node::as_bool) != Some(true) {
            return;
        }
        let channel = self.value("integration").and_then(Node::as_str).unwrap_or("");
        if matches!(channel, "EVOLUTION" | "WHATSAPP-BUSINESS") {
            self.push(Diagnostic::warning(
                Code::QrcodeIgnored,
                m.key_span,
                format!("qrcode: true does nothing with {channel}: there is no QR code on that channel."),
            ));
        } else if self.chatwoot_on() {
            self.push(Diagnostic::warning(
                Code::QrcodeIgnored,
                m.key_span,
                "qrcode: true is ignored on the Chatwoot path: the answer has no QR code and WhatsApp is not started. Connect afterwards (the page offers it).",
            ));
        } else {
            self.push(Diagnostic::info(
                Code::QrcodeSlow,
                m.key_span,
                "With qrcode: true the server starts WhatsApp and answers after about 5 seconds.",
            ));
        }
    }

    fn settings_v2(&mut self) {
        if let Some(m) = self.get("msgCall") {
            if self.value("rejectCall").and_then(Node::as_bool) != Some(true) {
                self.push(Diagnostic::warning(
                    Code::MsgCallUnused,
                    m.key_span,
                    "msgCall is sent only when a call is rejected: without \"rejectCall\": true it is never used.",
                ));
            }
        }
        if let Some(m) = self.get("wavoipToken") {
            if filled(m.value.as_ref()) {
                let edit = self.remove(self.members, m);
                self.push(
                    Diagnostic::error(
                        Code::WavoipToken,
                        m.key_span,
                        "A wavoipToken makes create fail in 2.3.6 (400 \"Cannot read properties of undefined (reading 'ws')\"). Remove it and set it after create with POST /settings/set/{instance}.",
                    )
                    .with_fix(Fix::one("Remove it", edit)),
                );
            }
        }
    }

    fn webhook_v2(&mut self) {
        let Some(m) = self.get("webhook") else { return };
        let Some(v) = &m.value else { return };
        if let Some(url) = v.as_str() {
            // The 1.x shape: a URL string (with `events` beside it).
            let events = self.get("events");
            let events_json = events.and_then(|e| e.value.as_ref()).map_or("[]", |e| self.raw(e));
            let object = format!("{{\"url\": {}, \"events\": {events_json}}}", quote(&with_scheme(url)));
            let mut edits = vec![Edit::replace(v.span, object)];
            if let Some(e) = events {
                edits.push(self.remove(self.members, e));
            }
            self.push(
                Diagnostic::error(
                    Code::WebhookShape,
                    v.span,
                    "In 2.x webhook is an object {\"url\": …, \"events\": […]}: a URL string makes create fail with 400 \"Cannot read properties of undefined (reading 'length')\".",
                )
                .with_fix(Fix::new("Make it {url, events}", edits)),
            );
            return;
        }
        let Some((m, members)) = self.nested("webhook") else { return };
        self.required_events(
            m,
            members,
            "the server answers 400 \"Cannot read properties of undefined (reading 'length')\".",
        );
        if let Some(u) = member(members, "url").and_then(|u| u.value.as_ref()) {
            if let Some(url) = u.as_str() {
                self.webhook_url(u, url);
            }
        }
        if let Some(e) = member(members, "enabled").and_then(|e| e.value.as_ref()) {
            if e.as_bool() == Some(false) {
                self.push(Diagnostic::warning(Code::WebhookEnabled, e.span, "enabled: false is ignored at create: the webhook is saved enabled. Disable it afterwards with POST /webhook/set/{instance}."));
            }
        }
        if let Some(h) = member(members, "headers").and_then(|h| h.value.as_ref()) {
            for hm in h.members().unwrap_or_default() {
                let Some(hv) = &hm.value else { continue };
                if hv.as_str().is_none() {
                    let msg = format!("Header \"{}\" should be a string: it is sent as an HTTP header.", hm.key);
                    self.push(Diagnostic::warning(Code::WebhookHeaders, hv.span, msg));
                } else if hm.key == "jwt_key" {
                    self.push(Diagnostic::info(Code::WebhookHeaders, hm.key_span, "jwt_key is not sent: the server signs a 10-minute HS256 JWT with it and sends Authorization: Bearer <jwt>."));
                }
            }
        }
    }

    fn webhook_url(&mut self, u: &Node, url: &str) {
        if is_placeholder(url) {
            self.push(Diagnostic::error(
                Code::Placeholder,
                u.span,
                format!("{url} is the seed's placeholder: put the URL that should receive the events here."),
            ));
            return;
        }
        let lower_scheme = url.starts_with("http://") || url.starts_with("https://");
        if !lower_scheme || !is_http_url(url) {
            let fixed = with_scheme(url);
            let d = Diagnostic::error(
                Code::WebhookUrl,
                u.span,
                "webhook.url must start with http:// or https:// (lower case) and name a host: otherwise the server stores it and never calls it.",
            );
            let fix = (fixed != url && is_http_url(&fixed))
                .then(|| Fix::one(format!("Use {fixed}"), Edit::replace(u.span, quote(&fixed))));
            self.push(d.with_fix_opt(fix));
            return;
        }
        let host = url.split("://").nth(1).unwrap_or("").split(['/', ':', '?', '#']).next().unwrap_or("");
        if matches!(host, "localhost" | "127.0.0.1" | "[::1]" | "0.0.0.0") {
            self.push(Diagnostic::warning(
                Code::WebhookLocalhost,
                u.span,
                format!("{host} here means the Evolution server itself, not your computer: the events go to a port on the server's machine."),
            ));
        }
    }

    fn sinks_v2(&mut self) {
        for sink in SINKS {
            let Some((m, members)) = self.nested(sink) else { continue };
            self.required_events(m, members, "when the server has this sink switched on, create fails with 400 \"Cannot read properties of undefined (reading 'length')\".");
            let env = sink.to_ascii_uppercase();
            self.push(Diagnostic::warning(
                Code::Sink,
                m.key_span,
                format!("{sink} is saved only when the server has {env}_ENABLED; otherwise it is dropped without a word while the answer still says \"enabled\": true. Check with GET /instance/fetchInstances?instanceName=…"),
            ));
        }
        if let Some((m, members)) = self.nested("pusher") {
            self.required_events(
                m,
                members,
                "Pusher is processed even when the server has it off, and create fails with 400.",
            );
        }
    }

    fn proxy_v2(&mut self) {
        const TRIO: [&str; 3] = ["proxyHost", "proxyPort", "proxyProtocol"];
        let given: Vec<&str> = TRIO.iter().copied().filter(|k| filled(self.value(k))).collect();
        if given.is_empty() {
            return;
        }
        let first = self.get(given[0]).map_or(self.top(), |m| m.key_span);
        if given.len() < 3 {
            let missing: Vec<&str> = TRIO.iter().copied().filter(|k| !given.contains(k)).collect();
            self.push(Diagnostic::error(
                Code::Proxy,
                first,
                format!("The proxy needs proxyHost, proxyPort and proxyProtocol together; {} missing, so the server ignores the proxy without a word.", missing.join(" and ")),
            ));
            return;
        }
        if let Some(v) = self.value("proxyProtocol") {
            if let Some(p) = v.as_str().filter(|p| !matches!(*p, "http" | "socks")) {
                let to = if p.to_ascii_lowercase().starts_with("socks") { "socks" } else { "http" };
                self.push(
                    Diagnostic::error(Code::Proxy, v.span, format!("proxyProtocol must be \"http\" or \"socks\": with \"{p}\" the server answers 400 \"Invalid proxy\"."))
                        .with_fix(Fix::one(format!("Use \"{to}\""), Edit::replace(v.span, quote(to)))),
                );
            }
        }
        let (user, pass) = (filled(self.value("proxyUsername")), filled(self.value("proxyPassword")));
        if user != pass {
            let k = if user { "proxyUsername" } else { "proxyPassword" };
            let span = self.get(k).map_or(first, |m| m.key_span);
            self.push(Diagnostic::warning(
                Code::Proxy,
                span,
                "proxyUsername and proxyPassword are used only together: one alone is ignored.",
            ));
        }
        self.push(Diagnostic::info(
            Code::Proxy,
            first,
            "The server tests the proxy against an outside service before saving: a bad or unreachable proxy, or a server without internet access, gives 400 \"Invalid proxy\".",
        ));
    }

    fn chatwoot_v2(&mut self) {
        let any: Vec<&'a Member> =
            self.members.iter().filter(|m| m.key.starts_with("chatwoot") && P.field(&m.key).is_some()).collect();
        let Some(first) = any.first().map(|m| m.key_span) else { return };
        if !self.chatwoot_on() {
            let missing: Vec<&str> = CHATWOOT_TRIO.iter().copied().filter(|k| !filled(self.value(k))).collect();
            self.push(Diagnostic::error(
                Code::ChatwootPartial,
                first,
                format!("Chatwoot needs chatwootAccountId, chatwootToken and chatwootUrl, all non-empty; {} missing, so the server ignores every chatwoot field without a word.", missing.join(" and ")),
            ));
            return;
        }
        for f in P.fields().iter().filter(|f| f.need == Need::Chatwoot) {
            if self.get(f.key).is_none() {
                let after = self.get("chatwootUrl");
                let short = f.key.trim_start_matches("chatwoot");
                let server_name = format!("{}{}", short[..1].to_ascii_lowercase(), &short[1..]);
                let edit = self.insert_member(after, f.key, "false");
                self.push(
                    Diagnostic::error(
                        Code::ChatwootRequired,
                        first,
                        format!("On the Chatwoot path {} (true or false) is required: the server answers 400 \"{server_name} is required\".", f.key),
                    )
                    .with_fix(Fix::one(format!("Add \"{}\": false", f.key), edit)),
                );
            }
        }
        if let Some(v) = self.value("chatwootUrl") {
            if let Some(url) = v.as_str() {
                if url.contains(char::is_whitespace)
                    || !url.contains('.') && !url.contains("localhost") && !url.contains(':')
                {
                    self.push(Diagnostic::error(Code::ChatwootUrl, v.span, "chatwootUrl is not a URL: the server answers 400 \"Invalid \\\"url\\\" property in chatwoot\"."));
                } else if !is_http_url(url) {
                    let fixed = with_scheme(url);
                    self.push(
                        Diagnostic::warning(
                            Code::ChatwootUrl,
                            v.span,
                            "chatwootUrl should start with http:// or https://.",
                        )
                        .with_fix(Fix::one(format!("Use {fixed}"), Edit::replace(v.span, quote(&fixed)))),
                    );
                }
            }
        }
        self.push(Diagnostic::info(
            Code::ChatwootEnabled,
            first,
            "The Chatwoot path needs CHATWOOT_ENABLED=true on the server (else 400 \"Chatwoot is not enabled\"). The answer has no QR code: connect afterwards.",
        ));
    }

    /// Chatbot settings are not read at create in 2.x.
    fn chatbot_keys(&mut self) {
        for m in self.members {
            let Some(p) = CHATBOT_PREFIXES.iter().find(|p| m.key.starts_with(**p)) else { continue };
            let route = if *p == "typebot" { "typebot/create".to_owned() } else { format!("{p}/create") };
            self.push(Diagnostic::warning(
                Code::ChatbotKey,
                m.key_span,
                format!("{} is not read at create in 2.x (ignored without a word): configure the bot afterwards with POST /{route}/{{instance}}.", m.key),
            ));
        }
    }
}

/// The 2.x-friendly name rule: lowercase letters, digits, `-`, `_`, starting with a letter or digit.
fn is_v2_name(name: &str) -> bool {
    let b = name.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-' || *c == b'_')
}

/// `url` with `https://` in front when it has no scheme; an upper-case scheme lowered.
pub fn with_scheme(url: &str) -> String {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if lower.starts_with("https://") {
        format!("https://{}", &url[8..])
    } else if lower.starts_with("http://") {
        format!("http://{}", &url[7..])
    } else if url.contains("://") || url.is_empty() || is_placeholder(url) {
        url.to_owned()
    } else {
        format!("https://{url}")
    }
}

/// A chatbot setting (Typebot, OpenAI, …): configured after create in 2.x.
pub(super) fn is_chatbot_key(key: &str) -> bool {
    CHATBOT_PREFIXES.iter().any(|p| key.starts_with(p))
}
