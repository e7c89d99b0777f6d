//! The JSON schemas of the configuration `set` routes, as the servers declare them
//! (1.8.2: `src/validate/validate.schema.ts`, `integrations/{chatwoot,rabbitmq,sqs}/validate/*.schema.ts`;
//! 2.3.6: `src/validate/{settings,proxy}.schema.ts`, `integrations/event/{event,webhook/webhook,pusher/pusher}.schema.ts`,
//! `integrations/chatbot/chatwoot/validate/chatwoot.schema.ts`). Checked by [`crate::config::validate`].

use evo_core::events::{EVENTS_V1_8, EVENTS_V2};

use crate::config::{Obj, Ty};

const SETTINGS_V1_REQUIRED: &[&str] =
    &["reject_call", "groups_ignore", "always_online", "read_messages", "read_status", "sync_full_history"];

pub(crate) const SETTINGS_V1: Obj = Obj {
    props: &[
        ("reject_call", Ty::Bool(true)),
        ("msg_call", Ty::Str),
        ("groups_ignore", Ty::Bool(true)),
        ("always_online", Ty::Bool(true)),
        ("read_messages", Ty::Bool(true)),
        ("read_status", Ty::Bool(true)),
        ("sync_full_history", Ty::Bool(true)),
    ],
    required: SETTINGS_V1_REQUIRED,
    not_empty: SETTINGS_V1_REQUIRED,
};

pub(crate) const WEBHOOK_V1: Obj =
    Obj { props: &[("url", Ty::Str), ("events", Ty::Events(&EVENTS_V1_8))], required: &["url"], not_empty: &["url"] };

/// websocket, rabbitmq and sqs share it.
pub(crate) const SINK_V1: Obj = Obj {
    props: &[("enabled", Ty::Bool(true)), ("events", Ty::Events(&EVENTS_V1_8))],
    required: &["enabled"],
    not_empty: &["enabled"],
};

const PROXY_V1_INNER: Obj = Obj {
    props: &[("host", Ty::Str), ("port", Ty::Str), ("protocol", Ty::Str), ("username", Ty::Str), ("password", Ty::Str)],
    required: &["host", "port", "protocol"],
    not_empty: &["host", "port", "protocol"],
};

pub(crate) const PROXY_V1: Obj = Obj {
    props: &[("enabled", Ty::Bool(true)), ("proxy", Ty::Obj(&PROXY_V1_INNER))],
    required: &["enabled", "proxy"],
    not_empty: &["enabled", "proxy"],
};

pub(crate) const CHATWOOT_V1: Obj = Obj {
    props: &[
        ("enabled", Ty::Bool(true)),
        ("account_id", Ty::Str),
        ("token", Ty::Str),
        ("url", Ty::Str),
        ("sign_msg", Ty::Bool(true)),
        ("sign_delimiter", Ty::StrOrNull),
        ("name_inbox", Ty::StrOrNull),
        ("reopen_conversation", Ty::Bool(true)),
        ("conversation_pending", Ty::Bool(true)),
        ("auto_create", Ty::Bool(true)),
        ("import_contacts", Ty::Bool(true)),
        ("merge_brazil_contacts", Ty::Bool(true)),
        ("import_messages", Ty::Bool(true)),
        ("days_limit_import_messages", Ty::Num),
    ],
    required: &["enabled", "account_id", "token", "url", "sign_msg", "reopen_conversation", "conversation_pending"],
    not_empty: &["account_id", "token", "url", "sign_msg", "reopen_conversation", "conversation_pending"],
};

const SETTINGS_V2_REQUIRED: &[&str] =
    &["rejectCall", "groupsIgnore", "alwaysOnline", "readMessages", "readStatus", "syncFullHistory"];

pub(crate) const SETTINGS_V2: Obj = Obj {
    props: &[
        ("rejectCall", Ty::Bool(false)),
        ("msgCall", Ty::Str),
        ("groupsIgnore", Ty::Bool(false)),
        ("alwaysOnline", Ty::Bool(false)),
        ("readMessages", Ty::Bool(false)),
        ("readStatus", Ty::Bool(false)),
        ("syncFullHistory", Ty::Bool(false)),
        ("wavoipToken", Ty::Str),
    ],
    required: SETTINGS_V2_REQUIRED,
    not_empty: SETTINGS_V2_REQUIRED,
};

const WEBHOOK_V2_INNER: Obj = Obj {
    props: &[
        ("enabled", Ty::Bool(false)),
        ("url", Ty::Str),
        ("headers", Ty::AnyObject),
        ("byEvents", Ty::Bool(false)),
        ("base64", Ty::Bool(false)),
        ("events", Ty::Events(&EVENTS_V2)),
    ],
    required: &["enabled", "url"],
    not_empty: &["enabled", "url"],
};

pub(crate) const WEBHOOK_V2: Obj =
    Obj { props: &[("webhook", Ty::Obj(&WEBHOOK_V2_INNER))], required: &["webhook"], not_empty: &[] };

pub(crate) const PROXY_V2: Obj = Obj {
    props: &[
        ("enabled", Ty::Bool(true)),
        ("host", Ty::Str),
        ("port", Ty::Str),
        ("protocol", Ty::Str),
        ("username", Ty::Str),
        ("password", Ty::Str),
    ],
    required: &["enabled", "host", "port", "protocol"],
    not_empty: &["enabled", "host", "port", "protocol"],
};

const CHATWOOT_V2_REQUIRED: &[&str] =
    &["enabled", "accountId", "token", "url", "signMsg", "reopenConversation", "conversationPending"];

pub(crate) const CHATWOOT_V2: Obj = Obj {
    props: &[
        ("enabled", Ty::Bool(true)),
        ("accountId", Ty::Str),
        ("token", Ty::Str),
        ("url", Ty::Str),
        ("signMsg", Ty::Bool(true)),
        ("signDelimiter", Ty::StrOrNull),
        ("nameInbox", Ty::StrOrNull),
        ("reopenConversation", Ty::Bool(true)),
        ("conversationPending", Ty::Bool(true)),
        ("autoCreate", Ty::Bool(true)),
        ("importContacts", Ty::Bool(true)),
        ("mergeBrazilContacts", Ty::Bool(true)),
        ("importMessages", Ty::Bool(true)),
        ("daysLimitImportMessages", Ty::Num),
        ("ignoreJids", Ty::StrArray),
    ],
    required: CHATWOOT_V2_REQUIRED,
    not_empty: CHATWOOT_V2_REQUIRED,
};

/// `$defs/event`: the inside of `{"websocket": {…}}` and its siblings.
const EVENT_V2: Obj = Obj {
    props: &[("enabled", Ty::Bool(true)), ("events", Ty::Events(&EVENTS_V2))],
    required: &["enabled"],
    not_empty: &[],
};

/// websocket, rabbitmq, nats, sqs and kafka share it; the outer key is not required.
pub(crate) const EVENTS_V2_SCHEMA: Obj = Obj {
    props: &[
        ("websocket", Ty::Obj(&EVENT_V2)),
        ("rabbitmq", Ty::Obj(&EVENT_V2)),
        ("nats", Ty::Obj(&EVENT_V2)),
        ("sqs", Ty::Obj(&EVENT_V2)),
        ("kafka", Ty::Obj(&EVENT_V2)),
    ],
    required: &[],
    not_empty: &[],
};

const PUSHER_REQUIRED: &[&str] = &["enabled", "appId", "key", "secret", "cluster", "useTLS"];

const PUSHER_INNER: Obj = Obj {
    props: &[
        ("enabled", Ty::Bool(false)),
        ("appId", Ty::Str),
        ("key", Ty::Str),
        ("secret", Ty::Str),
        ("cluster", Ty::Str),
        ("useTLS", Ty::Bool(false)),
        ("events", Ty::Events(&EVENTS_V2)),
    ],
    required: PUSHER_REQUIRED,
    not_empty: PUSHER_REQUIRED,
};

pub(crate) const PUSHER_V2: Obj =
    Obj { props: &[("pusher", Ty::Obj(&PUSHER_INNER))], required: &["pusher"], not_empty: &[] };

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::config::validate;

    #[test]
    fn messages_as_recorded() {
        let m = validate(&json!({"reject_call": false}), &SETTINGS_V1);
        assert_eq!(m.len(), 5);
        assert_eq!(m[0], "instance requires property \"groups_ignore\"");
        assert_eq!(validate(&json!({"url": ""}), &WEBHOOK_V1), vec!["The \"url\" cannot be empty"]);
        assert!(validate(&json!({"url": "", "enabled": true}), &WEBHOOK_V1).is_empty());
        assert_eq!(
            validate(&json!({"enabled": true, "proxy": {"port": "1"}}), &PROXY_V1),
            vec!["proxy requires property \"host\"", "proxy requires property \"protocol\""]
        );
        assert_eq!(
            validate(&json!({"websocket": {"enabled": "yes"}}), &EVENTS_V2_SCHEMA),
            vec![
                "websocket.enabled is not of a type(s) boolean",
                "websocket.enabled is not one of enum values: true,false"
            ]
        );
        assert_eq!(validate(&json!({"webhook": "x"}), &WEBHOOK_V2), vec!["webhook is not of a type(s) object"]);
        assert!(validate(&json!({"enabled": true}), &EVENTS_V2_SCHEMA).is_empty(), "the outer key is optional");
        let m = validate(&json!({"webhook": {"enabled": true, "url": "u", "events": ["X"]}}), &WEBHOOK_V2);
        assert!(m[0].starts_with("webhook.events[0] is not one of enum values: APPLICATION_STARTUP,"), "{m:?}");
    }
}
