//! The instance itself: its name, channel (`integration`), token, number, QR code and call settings.

use super::filled;
use crate::lint::code::Code;
use crate::lint::ctx::{is_placeholder, quote, Ctx};
use crate::lint::diag::{Diagnostic, Fix};
use crate::lint::suggest::slug;
use crate::lint::syntax::Node;
use crate::lint::text::Edit;

impl Ctx<'_> {
    pub(super) fn name_v2(&mut self) {
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

    pub(super) fn integration_v2(&mut self) {
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

    pub(super) fn token_v2(&mut self) {
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

    pub(super) fn number_v2(&mut self) {
        let Some(v) = self.value("number") else { return };
        let Some(n) = v.as_str() else { return };
        if self.integration_is("WHATSAPP-BUSINESS") || !crate::fields::matches_number_pattern(n) {
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

    pub(super) fn qrcode_v2(&mut self) {
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

    pub(super) fn settings_v2(&mut self) {
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
}

/// The 2.x-friendly name rule: lowercase letters, digits, `-`, `_`, starting with a letter or digit.
fn is_v2_name(name: &str) -> bool {
    let b = name.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-' || *c == b'_')
}
