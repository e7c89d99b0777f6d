//! The instance itself: its name, channel (`integration`), token, number, QR code and call settings.

use super::filled;
use crate::json::quote;
use crate::lint::code::Code;
use crate::lint::ctx::{is_placeholder, Ctx};
use crate::lint::diag::{Diagnostic, Fix};
use crate::lint::suggest::slug;
use crate::lint::syntax::Node;
use crate::lint::text::Edit;
use crate::msg;
use crate::msg::keys::lint_v2 as t2;

impl Ctx<'_> {
    pub(super) fn name_v2(&mut self) {
        let Some(m) = self.get("instanceName") else {
            self.push(Diagnostic::error(Code::Required, self.top(), t2::name_required).on_field("instanceName"));
            return;
        };
        let Some(v) = &m.value else { return };
        let Some(name) = v.as_str() else { return };
        let fix = slug(name).map(|s| Fix::one(msg!(t2::fix_use_quoted, &s), Edit::replace(v.span, quote(&s))));
        if name.is_empty() {
            self.push(Diagnostic::error(Code::InstanceName, v.span, t2::name_empty));
        } else if is_placeholder(name) {
            self.push(Diagnostic::error(Code::Placeholder, v.span, msg!(t2::name_placeholder, name)).with_fix_opt(fix));
        } else if !is_v2_name(name) {
            self.push(Diagnostic::warning(Code::InstanceName, v.span, t2::name_chars).with_fix_opt(fix));
        }
    }

    pub(super) fn integration_v2(&mut self) {
        if self.get("integration").is_none() {
            let fix = self.insert_member(self.get("instanceName"), "integration", "\"WHATSAPP-BAILEYS\"");
            self.push(
                Diagnostic::error(
                    Code::Required,
                    self.get("instanceName").map_or(self.top(), |m| m.key_span),
                    t2::integration_required,
                )
                .on_field("integration")
                .with_fix(Fix::one(t2::fix_add_integration, fix)),
            );
        }
        if self.integration_is("WHATSAPP-BUSINESS") {
            let span = self.get("integration").map_or(self.top(), |m| m.key_span);
            for (k, what) in [("token", t2::business_token), ("number", t2::business_number)] {
                if !filled(self.value(k)) {
                    self.push(Diagnostic::error(Code::Business, span, msg!(t2::business_needs, k, what)));
                }
            }
        }
    }

    pub(super) fn token_v2(&mut self) {
        let Some(v) = self.value("token") else { return };
        let Some(token) = v.as_str() else { return };
        let fresh = self.opts.fresh_token.clone();
        if is_placeholder(token) {
            let d = Diagnostic::error(Code::Placeholder, v.span, msg!(t2::token_placeholder, token));
            let fix = fresh.map(|t| Fix::one(t2::fix_fresh_token, Edit::replace(v.span, quote(&t))));
            self.push(d.with_fix_opt(fix));
        } else if let Some(instance) = self.opts.used_token(token) {
            let d = Diagnostic::warning(Code::TokenReuse, v.span, msg!(t2::token_reuse, instance));
            let fix = fresh.map(|t| Fix::one(t2::fix_fresh_token, Edit::replace(v.span, quote(&t))));
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
            let d = Diagnostic::warning(Code::Number, v.span, t2::number_digits);
            let fix = (!clean.is_empty() && clean != n)
                .then(|| Fix::one(msg!(t2::fix_use_quoted, &clean), Edit::replace(v.span, quote(&clean))));
            self.push(d.with_fix_opt(fix));
        } else {
            self.push(Diagnostic::info(Code::PairingCode, v.span, t2::pairing_code));
        }
    }

    pub(super) fn qrcode_v2(&mut self) {
        let Some(m) = self.get("qrcode") else { return };
        if m.value.as_ref().and_then(Node::as_bool) != Some(true) {
            return;
        }
        let channel = self.value("integration").and_then(Node::as_str).unwrap_or("");
        if matches!(channel, "EVOLUTION" | "WHATSAPP-BUSINESS") {
            self.push(Diagnostic::warning(Code::QrcodeIgnored, m.key_span, msg!(t2::qrcode_channel, channel)));
        } else if self.chatwoot_on() {
            self.push(Diagnostic::warning(Code::QrcodeIgnored, m.key_span, t2::qrcode_chatwoot));
        } else {
            self.push(Diagnostic::info(Code::QrcodeSlow, m.key_span, t2::qrcode_slow));
        }
    }

    pub(super) fn settings_v2(&mut self) {
        if let Some(m) = self.get("msgCall") {
            if self.value("rejectCall").and_then(Node::as_bool) != Some(true) {
                self.push(Diagnostic::warning(Code::MsgCallUnused, m.key_span, t2::msg_call_unused));
            }
        }
        if let Some(m) = self.get("wavoipToken") {
            if filled(m.value.as_ref()) {
                let edit = self.remove(self.members, m);
                self.push(
                    Diagnostic::error(Code::WavoipToken, m.key_span, t2::wavoip_token)
                        .with_fix(Fix::one(t2::fix_remove, edit)),
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
