//! The field tables of the 2.3.6 configuration routes (`CONTRACT-config.md` §2.2, §3.2, §4.2, §5.2,
//! §6.2): camelCase keys, the webhook and the event sinks nested under their name.

use crate::fields::{Convert, Field, Group as G, Input, Need, Ty::*};

const PROTOCOLS: &[&str] = &["", "http", "socks"];

/// `POST /settings/set/{instance}` (2.3.6): six booleans required; omitted strings keep their value.
pub const SETTINGS: &[Field] = &[
    Field::new("rejectCall", Bool, G::Settings, "Reject calls", "Incoming calls are declined automatically.").strict().need(Need::Required).default("false").to("reject_call").msgs(&["instance requires property \"rejectCall\"", "rejectCall is not of a type(s) boolean"]),
    Field::new("msgCall", Str, G::Settings, "Message to callers", "Sent to every caller, whether or not calls are rejected. At most 100 characters. Omitted = kept; \"\" clears it.")
        .strict()
        .input(Input::Text { keep_empty: true })
        .max(100)
        .default("\"\"")
        .to("msg_call"),
    Field::new("groupsIgnore", Bool, G::Settings, "Ignore group messages", "").strict().need(Need::Required).default("false").to("groups_ignore").msgs(&["instance requires property \"groupsIgnore\""]),
    Field::new("alwaysOnline", Bool, G::Settings, "Always online", "Applied at the next WhatsApp connect.").strict().need(Need::Required).default("false").to("always_online").msgs(&["instance requires property \"alwaysOnline\""]),
    Field::new("readMessages", Bool, G::Settings, "Mark messages as read", "").strict().need(Need::Required).default("false").to("read_messages").msgs(&["instance requires property \"readMessages\""]),
    Field::new("readStatus", Bool, G::Settings, "Mark status updates as seen", "").strict().need(Need::Required).default("false").to("read_status").msgs(&["instance requires property \"readStatus\""]),
    Field::new("syncFullHistory", Bool, G::Settings, "Sync the full history", "Applied at the next WhatsApp connect.").strict().need(Need::Required).default("false").to("sync_full_history").msgs(&["instance requires property \"syncFullHistory\""]),
    Field::new("wavoipToken", Str, G::Settings, "Wavoip token", "On an instance never connected the server answers 500 although it stored it. Omitted = kept; \"\" clears it.")
        .strict()
        .max(100)
        .secret("EVOLUTION_WAVOIP_TOKEN")
        .msgs(&["Cannot read properties of undefined (reading 'ws')"]),
];

/// `POST /webhook/set/{instance}` (2.3.6): `{"webhook": {…}}`; the URL is not checked at all.
pub const WEBHOOK: &[Field] = &[
    Field::new("webhook", Object, G::Webhook, "Webhook", "")
        .strict()
        .need(Need::Required)
        .msgs(&["instance requires property \"webhook\"", "webhook is not of a type(s) object"]),
    Field::new(
        "webhook.enabled",
        Bool,
        G::Webhook,
        "Webhook enabled",
        "false stores events: [] and keeps the URL and headers.",
    )
    .strict()
    .need(Need::WithParent)
    .input(Input::Check { off_false: true })
    .to("enabled")
    .msgs(&["webhook requires property \"enabled\""]),
    Field::new(
        "webhook.url",
        Url,
        G::Webhook,
        "Webhook URL",
        "Must start with http:// or https://, or it is stored and never called. At most 500 characters.",
    )
    .strict()
    .need(Need::WithParent)
    .ph("https://example.com/your-webhook")
    .max(500)
    .to_as("url", Convert::EnsureScheme)
    .msgs(&["webhook requires property \"url\"", "The \"url\" cannot be empty"]),
    Field::new(
        "webhook.events",
        Events,
        G::Webhook,
        "Events",
        "Required when enabled ([] = all 31); always overwritten.",
    )
    .strict()
    .to("events")
    .msgs(&["Cannot read properties of undefined (reading 'length')"]),
    Field::new(
        "webhook.headers",
        Headers,
        G::Webhook,
        "Headers",
        "Sent with every delivery. Omitted = kept: send the whole object to remove one.",
    )
    .strict()
    .secret("EVOLUTION_WEBHOOK_HEADER")
    .msgs(&["webhook.headers is not of a type(s) object"]),
    Field::new("webhook.byEvents", Bool, G::Webhook, "One URL per event", "Omitted = kept.")
        .strict()
        .input(Input::Check { off_false: true })
        .to("webhook_by_events")
        .msgs(&["webhook.byEvents is not of a type(s) boolean"]),
    Field::new(
        "webhook.base64",
        Bool,
        G::Webhook,
        "Media as base64",
        "Omitted = kept; read by the running instance at its next connect.",
    )
    .strict()
    .input(Input::Check { off_false: true })
    .to("webhook_base64"),
];

/// `POST /proxy/set/{instance}` (2.3.6): flat; host, port and protocol required even to disable.
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
    .msgs(&["instance requires property \"enabled\"", "Invalid proxy"]),
    Field::new("host", Str, G::Proxy, "Proxy host", "Required, also to disable.")
        .strict()
        .need(Need::Required)
        .max(100)
        .to("proxy.host")
        .msgs(&["instance requires property \"host\"", "The \"host\" cannot be empty"]),
    Field::new("port", Str, G::Proxy, "Proxy port", "A string (\"3128\").")
        .strict()
        .need(Need::Required)
        .ph("3128")
        .max(100)
        .to_as("proxy.port", Convert::ToString)
        .msgs(&[
            "instance requires property \"port\"",
            "The \"port\" cannot be empty",
            "port is not of a type(s) string",
        ]),
    Field::new("protocol", Str, G::Proxy, "Proxy protocol", "http or socks.")
        .strict()
        .need(Need::Required)
        .input(Input::Select(PROTOCOLS))
        .max(100)
        .to("proxy.protocol")
        .msgs(&["instance requires property \"protocol\"", "The \"protocol\" cannot be empty"]),
    Field::new("username", Str, G::Proxy, "Proxy user name", "Used only together with the password.")
        .strict()
        .max(100)
        .to("proxy.username"),
    Field::new("password", Str, G::Proxy, "Proxy password", "Used only together with the user name.")
        .strict()
        .max(100)
        .secret("EVOLUTION_PROXY_PASSWORD")
        .to("proxy.password"),
];

/// `POST /chatwoot/set/{instance}` (2.3.6): camelCase; seven keys required, also to disable.
pub const CHATWOOT: &[Field] = &[
    Field::new("enabled", Bool, G::Chatwoot, "Chatwoot enabled", "false keeps the other values.")
        .strict()
        .need(Need::Required)
        .input(Input::Check { off_false: true })
        .to("enabled"),
    Field::new("accountId", Str, G::Chatwoot, "Chatwoot account id", "A string (\"1\").")
        .strict()
        .need(Need::Required)
        .ph("1")
        .max(100)
        .to_as("account_id", Convert::ToString)
        .msgs(&[
            "accountId is required",
            "accountId is not of a type(s) string",
            "instance requires property \"accountId\"",
        ]),
    Field::new("token", Str, G::Chatwoot, "Chatwoot access token", "")
        .strict()
        .need(Need::Required)
        .max(100)
        .secret("EVOLUTION_CHATWOOT_TOKEN")
        .to("token")
        .msgs(&["token is required"]),
    Field::new("url", Url, G::Chatwoot, "Chatwoot URL", "")
        .strict()
        .need(Need::Required)
        .ph("https://app.chatwoot.com")
        .max(500)
        .to("url")
        .msgs(&["url is not valid", "Chatwoot is disabled"]),
    Field::new("signMsg", Bool, G::Chatwoot, "Sign messages", "")
        .strict()
        .need(Need::Required)
        .input(Input::Check { off_false: true })
        .to("sign_msg")
        .msgs(&["signMsg is required", "instance requires property \"signMsg\""]),
    Field::new(
        "signDelimiter",
        Str,
        G::Chatwoot,
        "Signature delimiter",
        "String or null. Dropped by the first set: send it twice.",
    )
    .strict()
    .max(100)
    .to("sign_delimiter"),
    Field::new("reopenConversation", Bool, G::Chatwoot, "Reopen resolved conversations", "")
        .strict()
        .need(Need::Required)
        .input(Input::Check { off_false: true })
        .to("reopen_conversation")
        .msgs(&["instance requires property \"reopenConversation\""]),
    Field::new("conversationPending", Bool, G::Chatwoot, "New conversations start as pending", "")
        .strict()
        .need(Need::Required)
        .input(Input::Check { off_false: true })
        .to("conversation_pending")
        .msgs(&["instance requires property \"conversationPending\""]),
    Field::new("nameInbox", Str, G::Chatwoot, "Inbox name", "Defaults to the instance name.")
        .strict()
        .max(100)
        .to("name_inbox"),
    Field::new("importContacts", Bool, G::Chatwoot, "Import contacts", "The first set stores false when omitted.")
        .strict()
        .to("import_contacts"),
    Field::new("importMessages", Bool, G::Chatwoot, "Import messages", "The first set stores false when omitted.")
        .strict()
        .to("import_messages"),
    Field::new(
        "mergeBrazilContacts",
        Bool,
        G::Chatwoot,
        "Merge Brazilian numbers",
        "The first set stores false when omitted.",
    )
    .strict()
    .to("merge_brazil_contacts"),
    Field::new(
        "daysLimitImportMessages",
        Int,
        G::Chatwoot,
        "Days of history to import",
        "A whole number (7.5 is stored as 7).",
    )
    .strict()
    .to("days_limit_import_messages"),
    Field::new(
        "autoCreate",
        Bool,
        G::Chatwoot,
        "Create the inbox now",
        "Contacts Chatwoot during the request (unreachable → 500, the rest stored anyway); never stored itself.",
    )
    .strict()
    .not_stored()
    .to("auto_create"),
    Field::new("number", Phone, G::Chatwoot, "Number", "Not schema-checked.").max(100).to("number"),
    Field::new("ignoreJids", Strings, G::Chatwoot, "JIDs to ignore", "").strict(),
    Field::new("organization", Str, G::Chatwoot, "Organization name", "").strict().max(100),
    Field::new("logo", Url, G::Chatwoot, "Logo URL", "").strict().max(500),
];

macro_rules! sink {
    ($name:ident, $key:literal, $enabled:literal, $events:literal, $to:expr) => {
        #[doc = concat!("`POST /", $key, "/set/{instance}` (2.3.6): `{\"", $key, "\": {enabled, events}}`.")]
        pub const $name: &[Field] = &[
            Field::new($key, Object, G::Sinks, $key, "Without it the server answers 201 and does nothing.")
                .strict()
                .need(Need::Required)
                .default("{\"enabled\": true, \"events\": []}"),
            Field::new($enabled, Bool, G::Sinks, "Enabled", "Required.")
                .strict()
                .need(Need::WithParent)
                .input(Input::Check { off_false: true })
                .to_opt($to.0)
                .msgs(&[concat!($key, " requires property \"enabled\"")]),
            Field::new($events, Events, G::Sinks, "Events", "Required when enabled ([] = all 31).")
                .strict()
                .to_opt($to.1)
                .msgs(&["Cannot read properties of undefined (reading 'length')"]),
        ];
    };
}

sink!(WEBSOCKET, "websocket", "websocket.enabled", "websocket.events", (Some("enabled"), Some("events")));
sink!(RABBITMQ, "rabbitmq", "rabbitmq.enabled", "rabbitmq.events", (Some("enabled"), Some("events")));
sink!(SQS, "sqs", "sqs.enabled", "sqs.events", (Some("enabled"), Some("events")));
sink!(NATS, "nats", "nats.enabled", "nats.events", (None::<&str>, None::<&str>));
sink!(KAFKA, "kafka", "kafka.enabled", "kafka.events", (None::<&str>, None::<&str>));

/// `POST /pusher/set/{instance}` (2.3.6): stored even when the server has Pusher off.
pub const PUSHER: &[Field] = &[
    Field::new("pusher", Object, G::Sinks, "Pusher", "").strict().need(Need::Required),
    Field::new("pusher.enabled", Bool, G::Sinks, "Enabled", "")
        .strict()
        .need(Need::WithParent)
        .input(Input::Check { off_false: true }),
    Field::new("pusher.appId", Str, G::Sinks, "App id", "")
        .strict()
        .need(Need::WithParent)
        .msgs(&["pusher requires property \"appId\""]),
    Field::new("pusher.key", Str, G::Sinks, "Key", "")
        .strict()
        .need(Need::WithParent)
        .msgs(&["pusher requires property \"key\""]),
    Field::new("pusher.secret", Str, G::Sinks, "Secret", "")
        .strict()
        .need(Need::WithParent)
        .secret("EVOLUTION_PUSHER_SECRET")
        .msgs(&["pusher requires property \"secret\""]),
    Field::new("pusher.cluster", Str, G::Sinks, "Cluster", "")
        .strict()
        .need(Need::WithParent)
        .msgs(&["pusher requires property \"cluster\""]),
    Field::new("pusher.useTLS", Bool, G::Sinks, "Use TLS", "")
        .strict()
        .need(Need::WithParent)
        .msgs(&["pusher requires property \"useTLS\""]),
    Field::new("pusher.events", Events, G::Sinks, "Events", "Required when enabled ([] = all 31).")
        .strict()
        .msgs(&["Cannot read properties of undefined (reading 'length')"]),
];
