//! The field tables of the 1.8.2 configuration routes (`CONTRACT-config.md` §2.1, §3.1, §4.1, §5.1,
//! §6.1): flat bodies, snake_case keys.

use crate::fields::{Convert, Field, Group as G, Input, Need, Ty::*};

const PROTOCOLS: &[&str] = &["", "http", "https"];

/// `POST /settings/set/{instance}` (1.8.2): the six booleans are required; the body replaces the store.
pub const SETTINGS: &[Field] = &[
    Field::new("reject_call", Bool, G::Settings, "Reject calls", "Incoming calls are declined automatically.")
        .strict()
        .need(Need::Required)
        .default("false")
        .to("rejectCall")
        .msgs(&["instance requires property \"reject_call\""]),
    Field::new("msg_call", Str, G::Settings, "Message to callers", "Sent to every caller, whether or not calls are rejected. Omitted = deleted (1.8.2 replaces the stored settings).")
        .strict()
        .input(Input::Text { keep_empty: true })
        .default("\"\"")
        .to("msgCall"),
    Field::new("groups_ignore", Bool, G::Settings, "Ignore group messages", "1.8.2's create set it to true.").strict().need(Need::Required).default("true").to("groupsIgnore").msgs(&["instance requires property \"groups_ignore\""]),
    Field::new("always_online", Bool, G::Settings, "Always online", "Applied at the next WhatsApp connect.").strict().need(Need::Required).default("false").to("alwaysOnline").msgs(&["instance requires property \"always_online\""]),
    Field::new("read_messages", Bool, G::Settings, "Mark messages as read", "").strict().need(Need::Required).default("false").to("readMessages").msgs(&["instance requires property \"read_messages\""]),
    Field::new("read_status", Bool, G::Settings, "Mark status updates as seen", "").strict().need(Need::Required).default("false").to("readStatus").msgs(&["instance requires property \"read_status\""]),
    Field::new("sync_full_history", Bool, G::Settings, "Sync the full history", "Applied at the next WhatsApp connect.").strict().need(Need::Required).default("false").to("syncFullHistory").msgs(&["instance requires property \"sync_full_history\""]),
];

/// `POST /webhook/set/{instance}` (1.8.2): flat; `url` checked by `isURL`; the flags are not type-checked.
pub const WEBHOOK: &[Field] = &[
    Field::new("enabled", Bool, G::Webhook, "Webhook enabled", "Omitted = true. false wipes the URL and the events.")
        .input(Input::Check { off_false: true })
        .default("true")
        .to("webhook.enabled"),
    Field::new(
        "url",
        Url,
        G::Webhook,
        "Webhook URL",
        "Required, also to disable. Needs http:// or https:// to be delivered.",
    )
    .strict()
    .need(Need::Required)
    .ph("https://example.com/your-webhook")
    .to_as("webhook.url", Convert::EnsureScheme)
    .msgs(&["Invalid \"url\" property", "The \"url\" cannot be empty", "instance requires property \"url\""]),
    Field::new("events", Events, G::Webhook, "Events", "Required when enabled ([] = all 26).")
        .strict()
        .to("webhook.events")
        .msgs(&["Cannot read properties of undefined (reading 'length')"]),
    Field::new(
        "webhook_by_events",
        Bool,
        G::Webhook,
        "One URL per event",
        "Not type-checked: \"false\" is stored and acts as true. Omitted = dropped from the store.",
    )
    .input(Input::Check { off_false: true })
    .to("webhook.byEvents"),
    Field::new(
        "webhook_base64",
        Bool,
        G::Webhook,
        "Media as base64",
        "Not type-checked. Omitted = dropped from the store.",
    )
    .input(Input::Check { off_false: true })
    .to("webhook.base64"),
];

/// `POST /proxy/set/{instance}` (1.8.2): `{enabled, proxy:{…}}`; `proxy` required even to disable.
pub const PROXY: &[Field] = &[
    Field::new(
        "enabled",
        Bool,
        G::Proxy,
        "Proxy enabled",
        "true: the server tests the proxy live (400 Invalid proxy when it fails).",
    )
    .strict()
    .need(Need::Required)
    .input(Input::Check { off_false: true })
    .to("enabled")
    .msgs(&["Invalid proxy"]),
    Field::new("proxy", Object, G::Proxy, "Proxy", "Required, also to disable.")
        .strict()
        .need(Need::Required)
        .msgs(&["instance requires property \"proxy\""]),
    Field::new("proxy.host", Str, G::Proxy, "Proxy host", "")
        .strict()
        .need(Need::WithParent)
        .to("host")
        .msgs(&["proxy requires property \"host\""]),
    Field::new("proxy.port", Str, G::Proxy, "Proxy port", "A string (\"3128\").")
        .strict()
        .need(Need::WithParent)
        .ph("3128")
        .to_as("port", Convert::ToString)
        .msgs(&["proxy.port is not of a type(s) string"]),
    Field::new(
        "proxy.protocol",
        Str,
        G::Proxy,
        "Proxy protocol",
        "Only http/https proxies can work (1.8.2 uses an HTTPS proxy agent).",
    )
    .strict()
    .need(Need::WithParent)
    .input(Input::Select(PROTOCOLS))
    .to("protocol"),
    Field::new("proxy.username", Str, G::Proxy, "Proxy user name", "Used only together with the password.")
        .strict()
        .to("username"),
    Field::new("proxy.password", Str, G::Proxy, "Proxy password", "Used only together with the user name.")
        .strict()
        .secret("EVOLUTION_PROXY_PASSWORD")
        .to("password"),
];

/// `POST /chatwoot/set/{instance}` (1.8.2): snake_case; seven keys required, also to disable.
pub const CHATWOOT: &[Field] = &[
    Field::new("enabled", Bool, G::Chatwoot, "Chatwoot enabled", "false wipes account id, token and URL.")
        .strict()
        .need(Need::Required)
        .input(Input::Check { off_false: true })
        .to("enabled"),
    Field::new("account_id", Str, G::Chatwoot, "Chatwoot account id", "A string (\"1\").")
        .strict()
        .need(Need::Required)
        .ph("1")
        .to_as("accountId", Convert::ToString)
        .msgs(&["account_id is required", "account_id is not of a type(s) string"]),
    Field::new("token", Str, G::Chatwoot, "Chatwoot access token", "")
        .strict()
        .need(Need::Required)
        .secret("EVOLUTION_CHATWOOT_TOKEN")
        .to("token")
        .msgs(&["token is required"]),
    Field::new("url", Url, G::Chatwoot, "Chatwoot URL", "")
        .strict()
        .need(Need::Required)
        .ph("https://app.chatwoot.com")
        .to("url")
        .msgs(&["url is not valid"]),
    Field::new("sign_msg", Bool, G::Chatwoot, "Sign messages", "")
        .strict()
        .need(Need::Required)
        .input(Input::Check { off_false: true })
        .to("signMsg")
        .msgs(&["instance requires property \"sign_msg\""]),
    Field::new("sign_delimiter", Str, G::Chatwoot, "Signature delimiter", "String or null.")
        .strict()
        .to("signDelimiter"),
    Field::new("reopen_conversation", Bool, G::Chatwoot, "Reopen resolved conversations", "")
        .strict()
        .need(Need::Required)
        .input(Input::Check { off_false: true })
        .to("reopenConversation")
        .msgs(&["instance requires property \"reopen_conversation\""]),
    Field::new("conversation_pending", Bool, G::Chatwoot, "New conversations start as pending", "")
        .strict()
        .need(Need::Required)
        .input(Input::Check { off_false: true })
        .to("conversationPending")
        .msgs(&["instance requires property \"conversation_pending\""]),
    Field::new("name_inbox", Str, G::Chatwoot, "Inbox name", "Defaults to the instance name.").strict().to("nameInbox"),
    Field::new("import_contacts", Bool, G::Chatwoot, "Import contacts", "").strict().to("importContacts"),
    Field::new("import_messages", Bool, G::Chatwoot, "Import messages", "").strict().to("importMessages"),
    Field::new("merge_brazil_contacts", Bool, G::Chatwoot, "Merge Brazilian numbers", "")
        .strict()
        .to("mergeBrazilContacts"),
    Field::new("days_limit_import_messages", Int, G::Chatwoot, "Days of history to import", "")
        .strict()
        .to("daysLimitImportMessages"),
    Field::new(
        "auto_create",
        Bool,
        G::Chatwoot,
        "Create the inbox now",
        "Contacts Chatwoot during the request (unreachable → 500, the rest stored anyway); never stored itself.",
    )
    .strict()
    .not_stored()
    .to("autoCreate"),
    Field::new("number", Phone, G::Chatwoot, "Number", "Read, not schema-checked.").to("number"),
];

macro_rules! sink {
    ($name:ident, $label:literal, $enabled:literal, $events:literal) => {
        #[doc = concat!("`POST /", $label, "/set/{instance}` (1.8.2): flat `{enabled, events}`.")]
        pub const $name: &[Field] = &[
            Field::new("enabled", Bool, G::Sinks, "Enabled", "Required. false stores the full event list.")
                .strict()
                .need(Need::Required)
                .input(Input::Check { off_false: true })
                .to($enabled)
                .msgs(&["instance requires property \"enabled\""]),
            Field::new("events", Events, G::Sinks, "Events", "Required when enabled ([] = all 26).")
                .strict()
                .to($events)
                .msgs(&["Cannot read properties of undefined (reading 'length')"]),
        ];
    };
}

sink!(WEBSOCKET, "websocket", "websocket.enabled", "websocket.events");
sink!(RABBITMQ, "rabbitmq", "rabbitmq.enabled", "rabbitmq.events");
sink!(SQS, "sqs", "sqs.enabled", "sqs.events");
