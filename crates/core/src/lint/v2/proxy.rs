//! The proxy: its three fields together, its protocol, its credentials.

use super::filled;
use crate::json::quote;
use crate::lint::code::Code;
use crate::lint::ctx::Ctx;
use crate::lint::diag::{Diagnostic, Fix};
use crate::lint::text::Edit;
use crate::msg;
use crate::msg::keys::lint_v2 as t2;

impl Ctx<'_> {
    pub(super) fn proxy_v2(&mut self) {
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
                crate::msg::Msg::joined(t2::proxy_partial, &missing, t2::list_and),
            ));
            return;
        }
        if let Some(v) = self.value("proxyProtocol") {
            if let Some(p) = v.as_str().filter(|p| !matches!(*p, "http" | "socks")) {
                let to = if p.to_ascii_lowercase().starts_with("socks") { "socks" } else { "http" };
                self.push(
                    Diagnostic::error(Code::Proxy, v.span, msg!(t2::proxy_protocol, p))
                        .with_fix(Fix::one(msg!(t2::fix_use_quoted, to), Edit::replace(v.span, quote(to)))),
                );
            }
        }
        let (user, pass) = (filled(self.value("proxyUsername")), filled(self.value("proxyPassword")));
        if user != pass {
            let k = if user { "proxyUsername" } else { "proxyPassword" };
            let span = self.get(k).map_or(first, |m| m.key_span);
            self.push(Diagnostic::warning(Code::Proxy, span, t2::proxy_credentials));
        }
        self.push(Diagnostic::info(Code::Proxy, first, t2::proxy_tested));
    }
}
