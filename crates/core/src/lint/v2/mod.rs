//! The Evolution API 2.x rules (profile "v2", checked against 2.3.6): `CONTRACT-v2.md` §3. What the
//! server rejects is an error; what it silently loses is an error (or a warning where the loss is
//! only possible); risks are warnings; the rest are notes. Each message says what the server does.

mod chatwoot;
mod instance;
mod keys;
mod proxy;
mod webhook;

pub use webhook::with_scheme;

use super::code::Code;
use super::ctx::{member, Ctx};
use super::diag::{Diagnostic, Fix};
use super::syntax::{Member, Node};
use super::text::insert_member_edit;
use crate::events::HISTORY_SET;
use crate::fields::{Need, Profile, Role};
use crate::msg;
use crate::msg::keys::lint_v2 as t2;
use crate::version::ServerVersion;

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
                    let msg = match f.messages.first() {
                        Some(server) => msg!(t2::nested_required_msg, parent, f.name(), *server),
                        None => msg!(t2::nested_required, parent, f.name()),
                    };
                    self.push(Diagnostic::error(Code::Required, m.key_span, msg))
                }
                None => {}
            }
        }
        Some((m, members))
    }

    /// An object's `events`: required whenever the object is given (the server reads its length).
    fn required_events(&mut self, m: &'a Member, members: &'a [Member], why: crate::msg::Key) {
        let obj = m.value.as_ref().expect("nested() checked it");
        match member(members, "events") {
            None => {
                let msg = msg!(t2::events_missing, &m.key, why);
                let edit = insert_member_edit(self.text, obj, None, "events", "[]");
                let mut d = Diagnostic::error(Code::WebhookWithoutEvents, m.key_span, msg)
                    .with_fix(Fix::one(t2::fix_add_events, edit));
                // About the list that is missing, not the object it belongs in.
                d.field = self.profile.field(&format!("{}.events", m.key)).map(|f| f.key);
                self.push(d);
            }
            Some(e) => {
                if let Some(v) = &e.value {
                    self.events_list(v, &format!("{}.events", m.key));
                    self.history_event(v);
                }
            }
        }
    }

    /// `MESSAGING_HISTORY_SET` is 2.4's: a 2.3.x server (or one not read yet) stores it at create
    /// without a check and never sends it.
    fn history_event(&mut self, list: &Node) {
        let sends = self.opts.server_version.is_some_and(ServerVersion::sends_history_set);
        for item in list.items().unwrap_or_default() {
            if item.as_str() == Some(HISTORY_SET) && !sends {
                let msg = msg!(t2::history_set_2_4, HISTORY_SET);
                self.push(Diagnostic::warning(Code::EventVersion, item.span, msg));
            }
        }
    }

    /// Chatbot settings are not read at create in 2.x.
    fn chatbot_keys(&mut self) {
        for m in self.members {
            let Some(p) = CHATBOT_PREFIXES.iter().find(|p| m.key.starts_with(**p)) else { continue };
            let route = if *p == "typebot" { "typebot/create".to_owned() } else { format!("{p}/create") };
            let msg = msg!(t2::chatbot_key, &m.key, &route);
            self.push(Diagnostic::warning(Code::ChatbotKey, m.key_span, msg));
        }
    }
}

/// A chatbot setting (Typebot, OpenAI, …): configured after create in 2.x.
pub(super) fn is_chatbot_key(key: &str) -> bool {
    CHATBOT_PREFIXES.iter().any(|p| key.starts_with(p))
}
