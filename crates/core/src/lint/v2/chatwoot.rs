//! The Chatwoot integration: its trio of fields and what the server needs to use them.

use super::{filled, with_scheme, CHATWOOT_TRIO, P};
use crate::fields::Need;
use crate::json::quote;
use crate::lint::code::Code;
use crate::lint::ctx::{is_http_url, Ctx};
use crate::lint::diag::{Diagnostic, Fix};
use crate::lint::syntax::Member;
use crate::lint::text::Edit;
use crate::msg;
use crate::msg::keys::lint_v2 as t2;

impl<'a> Ctx<'a> {
    pub(super) fn chatwoot_v2(&mut self) {
        let any: Vec<&'a Member> =
            self.members.iter().filter(|m| m.key.starts_with("chatwoot") && P.field(&m.key).is_some()).collect();
        let Some(first) = any.first().map(|m| m.key_span) else { return };
        if !self.chatwoot_on() {
            let missing: Vec<&str> = CHATWOOT_TRIO.iter().copied().filter(|k| !filled(self.value(k))).collect();
            self.push(Diagnostic::error(
                Code::ChatwootPartial,
                first,
                crate::msg::Msg::joined(t2::chatwoot_partial, &missing, t2::list_and),
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
                    Diagnostic::error(Code::ChatwootRequired, first, msg!(t2::chatwoot_required, f.key, &server_name))
                        .with_fix(Fix::one(msg!(t2::fix_add_false, f.key), edit)),
                );
            }
        }
        if let Some(v) = self.value("chatwootUrl") {
            if let Some(url) = v.as_str() {
                if url.contains(char::is_whitespace)
                    || !url.contains('.') && !url.contains("localhost") && !url.contains(':')
                {
                    self.push(Diagnostic::error(Code::ChatwootUrl, v.span, t2::chatwoot_url_invalid));
                } else if !is_http_url(url) {
                    let fixed = with_scheme(url);
                    self.push(
                        Diagnostic::warning(Code::ChatwootUrl, v.span, t2::chatwoot_url_scheme)
                            .with_fix(Fix::one(msg!(t2::fix_use, &fixed), Edit::replace(v.span, quote(&fixed)))),
                    );
                }
            }
        }
        self.push(Diagnostic::info(Code::ChatwootEnabled, first, t2::chatwoot_enabled));
    }
}
