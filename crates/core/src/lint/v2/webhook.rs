//! Where the events go: the webhook (its 2.x object shape, its URL) and the other event sinks.

use super::SINKS;
use crate::json::quote;
use crate::lint::code::Code;
use crate::lint::ctx::{is_http_url, is_placeholder, member, Ctx};
use crate::lint::diag::{Diagnostic, Fix};
use crate::lint::syntax::Node;
use crate::lint::text::Edit;
use crate::msg;
use crate::msg::keys::lint_v2 as t2;

impl Ctx<'_> {
    pub(super) fn webhook_v2(&mut self) {
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
                Diagnostic::error(Code::WebhookShape, v.span, t2::webhook_shape)
                    .with_fix(Fix::new(t2::fix_webhook_object, edits)),
            );
            return;
        }
        let Some((m, members)) = self.nested("webhook") else { return };
        self.required_events(m, members, t2::webhook_events_why);
        if let Some(u) = member(members, "url").and_then(|u| u.value.as_ref()) {
            if let Some(url) = u.as_str() {
                self.webhook_url(u, url);
            }
        }
        if let Some(e) = member(members, "enabled").and_then(|e| e.value.as_ref()) {
            if e.as_bool() == Some(false) {
                self.push(Diagnostic::warning(Code::WebhookEnabled, e.span, t2::webhook_enabled_false));
            }
        }
        if let Some(h) = member(members, "headers").and_then(|h| h.value.as_ref()) {
            for hm in h.members().unwrap_or_default() {
                let Some(hv) = &hm.value else { continue };
                if hv.as_str().is_none() {
                    let msg = msg!(t2::header_not_string, &hm.key);
                    self.push(Diagnostic::warning(Code::WebhookHeaders, hv.span, msg));
                } else if hm.key == "jwt_key" {
                    self.push(Diagnostic::info(Code::WebhookHeaders, hm.key_span, t2::jwt_key));
                }
            }
        }
    }

    fn webhook_url(&mut self, u: &Node, url: &str) {
        if is_placeholder(url) {
            self.push(Diagnostic::error(Code::Placeholder, u.span, msg!(t2::webhook_url_placeholder, url)));
            return;
        }
        let lower_scheme = url.starts_with("http://") || url.starts_with("https://");
        if !lower_scheme || !is_http_url(url) {
            let fixed = with_scheme(url);
            let d = Diagnostic::error(Code::WebhookUrl, u.span, t2::webhook_url_scheme);
            let fix = (fixed != url && is_http_url(&fixed))
                .then(|| Fix::one(msg!(t2::fix_use, &fixed), Edit::replace(u.span, quote(&fixed))));
            self.push(d.with_fix_opt(fix));
            return;
        }
        let host = url.split("://").nth(1).unwrap_or("").split(['/', ':', '?', '#']).next().unwrap_or("");
        if matches!(host, "localhost" | "127.0.0.1" | "[::1]" | "0.0.0.0") {
            self.push(Diagnostic::warning(Code::WebhookLocalhost, u.span, msg!(t2::webhook_localhost, host)));
        }
    }

    pub(super) fn sinks_v2(&mut self) {
        for sink in SINKS {
            let Some((m, members)) = self.nested(sink) else { continue };
            self.required_events(m, members, t2::sink_events_why);
            let env = sink.to_ascii_uppercase();
            self.push(Diagnostic::warning(Code::Sink, m.key_span, msg!(t2::sink_saved_only, sink, &env)));
        }
        if let Some((m, members)) = self.nested("pusher") {
            self.required_events(m, members, t2::pusher_events_why);
        }
    }
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
