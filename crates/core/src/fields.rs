//! The one table of payload fields, per profile: every fact about a field of `POST /instance/create`
//! lives here — its key (a dotted path for nested fields), JSON type, whether the server rejects a
//! wrong type, when it is required, its form group, label, help, input, whether it is a secret, its
//! default, its counterpart in the other profile and the server messages that name it.
//!
//! The rules, the form, secret stripping (draft, share link, cURL), the server-message → field map,
//! the migration, the JSON Schema and the sandbox all read these tables; nothing else lists field
//! names. v1 = Evolution API 1.x (1.8.2 and the seed page), v2 = 2.x (2.3.6): see `CONTRACT.md` and
//! `CONTRACT-v2.md`.

/// A server generation: which fields, shapes and rules apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Profile {
    #[default]
    V1,
    V2,
}

impl Profile {
    pub const ALL: [Profile; 2] = [Profile::V1, Profile::V2];

    /// `v1` / `v2`: stable ids for the CLI, the page's select and share links.
    pub fn id(self) -> &'static str {
        match self {
            Profile::V1 => "v1",
            Profile::V2 => "v2",
        }
    }

    pub fn parse(s: &str) -> Option<Profile> {
        match s.trim().to_ascii_lowercase().as_str() {
            "v1" | "1" | "1.x" => Some(Profile::V1),
            "v2" | "2" | "2.x" => Some(Profile::V2),
            _ => None,
        }
    }

    /// The profile of a server version string (`GET /` → `version`): `1.8.2` → v1, `2.3.6` → v2.
    pub fn of_version(version: &str) -> Option<Profile> {
        match version.trim().trim_start_matches(['v', 'V']).split('.').next()? {
            "1" => Some(Profile::V1),
            "2" => Some(Profile::V2),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Profile::V1 => "Evolution API 1.x (1.8)",
            Profile::V2 => "Evolution API 2.x (2.3)",
        }
    }

    pub fn fields(self) -> &'static [Field] {
        match self {
            Profile::V1 => V1,
            Profile::V2 => V2,
        }
    }

    pub fn other(self) -> Profile {
        match self {
            Profile::V1 => Profile::V2,
            Profile::V2 => Profile::V1,
        }
    }

    /// The field at `path` (`"webhook.url"`), if this profile has it.
    pub fn field(self, path: &str) -> Option<&'static Field> {
        self.fields().iter().find(|f| f.key == path)
    }

    /// The fields directly inside `parent` (`""` for the top level).
    pub fn children(self, parent: &str) -> impl Iterator<Item = &'static Field> + '_ {
        self.fields().iter().filter(move |f| f.parent() == parent)
    }

    /// Dotted paths of this profile's secret fields.
    pub fn secrets(self) -> impl Iterator<Item = &'static str> {
        self.fields().iter().filter(|f| f.secret).map(|f| f.key)
    }

    /// The event names this generation knows.
    pub fn events(self) -> &'static [&'static str] {
        match self {
            Profile::V1 => &crate::events::EVENTS_V1_8,
            Profile::V2 => &crate::events::EVENTS_V2,
        }
    }
}

/// What a field must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Bool,
    Str,
    /// An absolute http(s) URL (a string).
    Url,
    /// An array of event names.
    Events,
    /// `number`: a phone number (or Meta phone-number id) as a string of digits.
    Phone,
    /// A whole number, or a string of digits (v1: the Chatwoot account id, the proxy port).
    Digits,
    /// A whole number.
    Int,
    /// `integration`: one of the profile's channel names.
    Integration,
    /// A nested object whose fields are listed with this field as their parent.
    Object,
    /// An object of header names to string values.
    Headers,
}

impl Ty {
    /// The JSON Schema `type` (and the word the server's schema messages use).
    pub fn json_type(self) -> &'static str {
        match self {
            Ty::Bool => "boolean",
            Ty::Str | Ty::Url | Ty::Phone | Ty::Integration => "string",
            Ty::Events => "array",
            Ty::Digits => "integer",
            Ty::Int => "integer",
            Ty::Object | Ty::Headers => "object",
        }
    }
}

/// When the server needs a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Optional,
    /// Always.
    Required,
    /// With `integration: "WHATSAPP-BUSINESS"`.
    Business,
    /// On the Chatwoot path (account id, token and URL all given).
    Chatwoot,
    /// One of the three (Chatwoot account id, token, URL) that together switch the Chatwoot path on.
    Trio,
    /// Whenever its parent object is given.
    WithParent,
}

/// Where the form shows a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Basic,
    Webhook,
    Chatwoot,
    Settings,
    /// WebSocket / RabbitMQ / SQS / NATS / Kafka / Pusher.
    Sinks,
    Proxy,
    Typebot,
    /// Keys the create route checks or stores but never uses as meant: never shown in the form.
    Trap,
}

/// How the form enters a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Text; an empty box removes the field unless `keep_empty`.
    Text { keep_empty: bool },
    /// Masked text.
    Secret,
    /// A checkbox; unchecked writes `false` when `off_false`, else removes the field.
    Check { off_false: bool },
    /// Digits become a JSON number; anything else stays a string (and the linter says so).
    Int,
    /// A select of fixed values (`""` = not set).
    Select(&'static [&'static str]),
    /// The events checklist.
    Events,
    /// Not in the form (objects shown through their children, traps, headers as JSON).
    None,
}

/// What the server does with a key beyond its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Normal,
    /// Type-checked or stored, but the create route never uses it: the working key is named.
    Trap {
        use_instead: &'static str,
    },
    /// Goes straight into the instance record: never send it.
    Forbidden,
}

/// How a value changes when the field moves to its counterpart in the other profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Convert {
    /// The value is kept as written.
    Same,
    /// A number becomes a string (`1` → `"1"`); back: digits become a number.
    ToString,
    /// A scheme-less URL gets `https://` (v1 accepted it; v2 would never call it).
    EnsureScheme,
}

/// One payload field of one profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The key, or a dotted path for a field inside an object (`webhook.url`).
    pub key: &'static str,
    pub ty: Ty,
    /// The server rejects a value of another JSON type with a 400 (else it stores it as sent).
    pub strict: bool,
    pub need: Need,
    pub group: Group,
    pub label: &'static str,
    pub help: &'static str,
    pub placeholder: &'static str,
    pub input: Input,
    /// Never in a stored draft, a share link or an export.
    pub secret: bool,
    /// The server's default, as JSON text.
    pub default: Option<&'static str>,
    /// At most this many characters (longer fails or is silently lost).
    pub max_len: Option<u32>,
    /// The counterpart in the other profile (a dotted path), and how the value converts.
    pub other: Option<(&'static str, Convert)>,
    pub role: Role,
    /// Server error messages (exact) that are about this field.
    pub messages: &'static [&'static str],
}

impl Field {
    const fn new(key: &'static str, ty: Ty, group: Group, label: &'static str, help: &'static str) -> Field {
        let input = match ty {
            Ty::Bool => Input::Check { off_false: false },
            Ty::Int | Ty::Digits => Input::Int,
            Ty::Events => Input::Events,
            Ty::Object | Ty::Headers => Input::None,
            _ => Input::Text { keep_empty: false },
        };
        Field {
            key,
            ty,
            strict: false,
            need: Need::Optional,
            group,
            label,
            help,
            placeholder: "",
            input,
            secret: false,
            default: None,
            max_len: None,
            other: None,
            role: Role::Normal,
            messages: &[],
        }
    }

    const fn strict(mut self) -> Self {
        self.strict = true;
        self
    }
    const fn need(mut self, need: Need) -> Self {
        self.need = need;
        self
    }
    const fn ph(mut self, placeholder: &'static str) -> Self {
        self.placeholder = placeholder;
        self
    }
    const fn input(mut self, input: Input) -> Self {
        self.input = input;
        self
    }
    const fn secret(mut self) -> Self {
        self.secret = true;
        if matches!(self.input, Input::Text { .. }) {
            self.input = Input::Secret;
        }
        self
    }
    const fn default(mut self, json: &'static str) -> Self {
        self.default = Some(json);
        self
    }
    const fn max(mut self, n: u32) -> Self {
        self.max_len = Some(n);
        self
    }
    const fn to(mut self, other: &'static str) -> Self {
        self.other = Some((other, Convert::Same));
        self
    }
    const fn to_as(mut self, other: &'static str, how: Convert) -> Self {
        self.other = Some((other, how));
        self
    }
    const fn role(mut self, role: Role) -> Self {
        self.role = role;
        self.group = Group::Trap;
        self.input = Input::None;
        self
    }
    const fn msgs(mut self, messages: &'static [&'static str]) -> Self {
        self.messages = messages;
        self
    }

    /// The parent object's path (`""` at the top level).
    pub fn parent(&self) -> &'static str {
        self.key.rsplit_once('.').map_or("", |(p, _)| p)
    }

    /// The last segment of the path (the JSON key inside its object).
    pub fn name(&self) -> &'static str {
        self.key.rsplit_once('.').map_or(self.key, |(_, n)| n)
    }

    /// The label as the form shows it: `Webhook URL (webhook.url)`.
    pub fn shown(&self) -> String {
        format!("{} ({})", self.label, self.key)
    }
}

use Group as G;
use Ty::*;

const INTEGRATIONS_V1: &[&str] = &["", "WHATSAPP-BAILEYS", "WHATSAPP-BUSINESS"];
const INTEGRATIONS_V2: &[&str] = &["WHATSAPP-BAILEYS", "WHATSAPP-BUSINESS", "EVOLUTION"];
const PROXY_PROTOCOLS_V1: &[&str] = &["", "http", "https", "socks4", "socks5"];
const PROXY_PROTOCOLS_V2: &[&str] = &["", "http", "socks"];

/// The channel names a profile accepts for `integration` (without the form's "not set").
pub fn integrations(profile: Profile) -> &'static [&'static str] {
    match profile {
        Profile::V1 => &INTEGRATIONS_V1[1..],
        Profile::V2 => INTEGRATIONS_V2,
    }
}

/// The proxy protocols a profile accepts.
pub fn proxy_protocols(profile: Profile) -> &'static [&'static str] {
    match profile {
        Profile::V1 => &PROXY_PROTOCOLS_V1[1..],
        Profile::V2 => &PROXY_PROTOCOLS_V2[1..],
    }
}

const NAME_HELP: &str = "Lowercase letters and digits only: the name becomes part of every later URL.";
const TOKEN_HELP: &str = "The instance's own key. Generate one here rather than leaving it to the server.";

/// Profile v1: Evolution API 1.x (the seed page's fields and the late-1.x ones of 1.4–1.8).
pub const V1: &[Field] = &[
    Field::new("instanceName", Str, G::Basic, "Instance name", NAME_HELP)
        .need(Need::Required)
        .ph("mystore")
        .input(Input::Text { keep_empty: true })
        .to("instanceName")
        .msgs(&["Authentication error"]),
    Field::new("token", Str, G::Basic, "Instance token", TOKEN_HELP).strict().need(Need::Business).secret().to("token").msgs(&["Token already exists", "token is required"]),
    Field::new("qrcode", Bool, G::Basic, "Generate the QR code now", "Off: connect later from the instance's page.")
        .strict()
        .input(Input::Check { off_false: true })
        .to("qrcode"),
    Field::new("number", Phone, G::Settings, "Phone number for a pairing code", "Digits only, country code first (e.g. 5511999999999): the QR answer then carries an 8-character code to type on the phone.")
        .strict()
        .need(Need::Business)
        .ph("5511999999999")
        .to("number")
        .msgs(&["number is required"]),
    Field::new("integration", Integration, G::Settings, "Integration", "Baileys (WhatsApp Web, the default) or the official Business API (needs token and number).")
        .input(Input::Select(INTEGRATIONS_V1))
        .to("integration"),
    Field::new("webhook", Url, G::Webhook, "Webhook URL", "Where the server POSTs events. Needs events too, or it is silently not saved.")
        .strict()
        .ph("https://example.com/your-webhook")
        .to_as("webhook.url", Convert::EnsureScheme)
        .msgs(&["Invalid \"url\" property in webhook"]),
    Field::new("webhook_by_events", Bool, G::Webhook, "One URL per event", "Appends the event name to the URL, e.g. …/messages-upsert.")
        .strict()
        .input(Input::Check { off_false: true })
        .to("webhook.byEvents"),
    Field::new("webhook_base64", Bool, G::Webhook, "Media as base64 in webhooks", "Sends media content inside the webhook body.").to("webhook.base64"),
    Field::new("events", Events, G::Webhook, "Events", "The events sent to the webhook; [] = all.").strict().to("webhook.events"),
    Field::new("reject_call", Bool, G::Settings, "Reject calls", "Incoming calls are declined automatically.").to("rejectCall"),
    Field::new("msg_call", Str, G::Settings, "Message sent when a call is rejected", "Only with reject_call.").to("msgCall"),
    Field::new("groups_ignore", Bool, G::Settings, "Ignore group messages", "1.8.2 forces this on at create; change it later in settings.").default("true").to("groupsIgnore"),
    Field::new("always_online", Bool, G::Settings, "Always online", "Shows the number as online all the time.").to("alwaysOnline"),
    Field::new("read_messages", Bool, G::Settings, "Mark messages as read", "Blue ticks for every received message.").to("readMessages"),
    Field::new("read_status", Bool, G::Settings, "Mark status updates as seen", "").to("readStatus"),
    Field::new("sync_full_history", Bool, G::Settings, "Sync the full history", "Asks WhatsApp for all past messages: slow on big accounts.").to("syncFullHistory"),
    Field::new("websocket_enabled", Bool, G::Sinks, "WebSocket events", "Needs websocket_events, or it is silently dropped.").to("websocket.enabled"),
    Field::new("websocket_events", Events, G::Sinks, "WebSocket events", "").to("websocket.events"),
    Field::new("rabbitmq_enabled", Bool, G::Sinks, "RabbitMQ events", "Needs rabbitmq_events, or it is silently dropped.").to("rabbitmq.enabled"),
    Field::new("rabbitmq_events", Events, G::Sinks, "RabbitMQ events", "").to("rabbitmq.events"),
    Field::new("sqs_enabled", Bool, G::Sinks, "Amazon SQS events", "Needs sqs_events, or it is silently dropped.").to("sqs.enabled"),
    Field::new("sqs_events", Events, G::Sinks, "Amazon SQS events", "").to("sqs.events"),
    Field::new("chatwoot_account_id", Digits, G::Chatwoot, "Chatwoot account id", "The number in your Chatwoot URL: /app/accounts/1/…").need(Need::Trio)
        .ph("1")
        .to_as("chatwootAccountId", Convert::ToString),
    Field::new("chatwoot_token", Str, G::Chatwoot, "Chatwoot access token", "From Chatwoot › Profile settings › Access token. Never stored or shared by this page.").need(Need::Trio).secret().to("chatwootToken"),
    Field::new("chatwoot_url", Url, G::Chatwoot, "Chatwoot URL", "Your Chatwoot installation, e.g. https://app.chatwoot.com").need(Need::Trio).ph("https://app.chatwoot.com").to("chatwootUrl"),
    Field::new("chatwoot_sign_msg", Bool, G::Chatwoot, "Sign messages with the agent's name", "Required (true or false) when Chatwoot is on.")
        .need(Need::Chatwoot)
        .input(Input::Check { off_false: true })
        .to("chatwootSignMsg")
        .msgs(&["sign_msg is required"]),
    Field::new("chatwoot_reopen_conversation", Bool, G::Chatwoot, "Reopen resolved conversations", "A new message reopens the last conversation instead of starting one.").to("chatwootReopenConversation"),
    Field::new("chatwoot_conversation_pending", Bool, G::Chatwoot, "New conversations start as pending", "Instead of open.").to("chatwootConversationPending"),
    Field::new("chatwoot_name_inbox", Str, G::Chatwoot, "Inbox name", "Defaults to the instance name.").to("chatwootNameInbox"),
    Field::new("chatwoot_merge_brazil_contacts", Bool, G::Chatwoot, "Merge Brazilian numbers with/without the 9th digit", "One contact for +55 numbers written both ways.").to("chatwootMergeBrazilContacts"),
    Field::new("chatwoot_import_contacts", Bool, G::Chatwoot, "Import contacts", "Copy WhatsApp contacts into Chatwoot.").default("true").to("chatwootImportContacts"),
    Field::new("chatwoot_import_messages", Bool, G::Chatwoot, "Import messages", "Copy recent history into Chatwoot.").default("true").to("chatwootImportMessages"),
    Field::new("chatwoot_days_limit_import_messages", Int, G::Chatwoot, "Days of history to import", "The server's default is 60.").default("60").to("chatwootDaysLimitImportMessages"),
    Field::new("typebot_url", Url, G::Typebot, "Typebot URL", "Your Typebot server, e.g. https://typebot.example.com"),
    Field::new("typebot", Str, G::Typebot, "Typebot flow name", "The public name of the flow to run."),
    Field::new("typebot_expire", Int, G::Typebot, "Typebot session expiry, minutes", "0 = never."),
    Field::new("typebot_keyword_finish", Str, G::Typebot, "Keyword that ends the flow", "e.g. #exit"),
    Field::new("typebot_delay_message", Int, G::Typebot, "Delay between bot messages, ms", ""),
    Field::new("typebot_unknown_message", Str, G::Typebot, "Reply to unknown input", ""),
    Field::new("typebot_listening_from_me", Bool, G::Typebot, "Typebot listens to your own messages", ""),
    Field::new("proxy", Object, G::Proxy, "Proxy", "The server checks the proxy by calling an outside host through it; unreachable → 400 \"Invalid proxy\".")
        .msgs(&["Invalid proxy"]),
    Field::new("proxy.host", Str, G::Proxy, "Proxy host", "").need(Need::WithParent).to("proxyHost"),
    Field::new("proxy.port", Digits, G::Proxy, "Proxy port", "").need(Need::WithParent).to_as("proxyPort", Convert::ToString),
    Field::new("proxy.protocol", Str, G::Proxy, "Proxy protocol", "").input(Input::Select(PROXY_PROTOCOLS_V1)).to("proxyProtocol"),
    Field::new("proxy.username", Str, G::Proxy, "Proxy user name", "").to("proxyUsername"),
    Field::new("proxy.password", Str, G::Proxy, "Proxy password", "").secret().to("proxyPassword"),
];

const CW_TRIO_HELP: &str = "All three of account id, token and URL, or Chatwoot is silently ignored.";

/// Profile v2: Evolution API 2.x (2.3.6), from `CONTRACT-v2.md` §2.
pub const V2: &[Field] = &[
    Field::new("instanceName", Str, G::Basic, "Instance name", NAME_HELP)
        .strict()
        .need(Need::Required)
        .ph("mystore")
        .input(Input::Text { keep_empty: true })
        .max(255)
        .to("instanceName")
        .msgs(&["The \"instanceName\" cannot be empty"]),
    Field::new("integration", Integration, G::Basic, "Integration (channel)", "Required in 2.x. WHATSAPP-BAILEYS = WhatsApp Web (QR or pairing code); WHATSAPP-BUSINESS = Meta's Cloud API (needs token and number); EVOLUTION = a generic channel fed through its own webhook.")
        .need(Need::Required)
        .input(Input::Select(INTEGRATIONS_V2))
        .default("\"WHATSAPP-BAILEYS\"")
        .to("integration")
        .msgs(&["Invalid integration"]),
    Field::new("token", Str, G::Basic, "Instance token", "The instance's own key (for WHATSAPP-BUSINESS also the Meta access token). The server does not check that it is unique: generate a fresh one.")
        .strict()
        .need(Need::Business)
        .secret()
        .to("token")
        .msgs(&["token is required"]),
    Field::new("qrcode", Bool, G::Basic, "Generate the QR code now", "WHATSAPP-BAILEYS only: the server starts WhatsApp and answers after 5 s with the QR code.")
        .strict()
        .input(Input::Check { off_false: true })
        .to("qrcode"),
    Field::new("number", Phone, G::Settings, "Phone number (pairing code) / Meta phone-number id", "BAILEYS: digits only, country code first, for an 8-character pairing code. BUSINESS: the Meta phone-number id (required).")
        .strict()
        .need(Need::Business)
        .ph("5511999999999")
        .to("number")
        .msgs(&["number is required"]),
    Field::new("businessId", Str, G::Settings, "WhatsApp Business Account id", "WHATSAPP-BUSINESS only.").strict(),
    Field::new("rejectCall", Bool, G::Settings, "Reject calls", "Incoming calls are declined automatically.").strict().default("false").to("reject_call"),
    Field::new("msgCall", Str, G::Settings, "Message sent when a call is rejected", "Only with rejectCall. At most 100 characters.").strict().max(100).to("msg_call"),
    Field::new("groupsIgnore", Bool, G::Settings, "Ignore group messages", "2.x defaults to false (1.8.2 forced true).").strict().default("false").to("groups_ignore"),
    Field::new("alwaysOnline", Bool, G::Settings, "Always online", "Shows the number as online all the time.").strict().default("false").to("always_online"),
    Field::new("readMessages", Bool, G::Settings, "Mark messages as read", "Blue ticks for every received message.").strict().default("false").to("read_messages"),
    Field::new("readStatus", Bool, G::Settings, "Mark status updates as seen", "").strict().default("false").to("read_status"),
    Field::new("syncFullHistory", Bool, G::Settings, "Sync the full history", "Asks WhatsApp for all past messages: slow on big accounts.").strict().default("false").to("sync_full_history"),
    Field::new("wavoipToken", Str, G::Settings, "Wavoip token", "Any value makes create fail in 2.3.6: set it after create with POST /settings/set/{instance}.")
        .strict()
        .secret()
        .msgs(&["Cannot read properties of undefined (reading 'ws')"]),
    Field::new("webhook", Object, G::Webhook, "Webhook", "An object {url, events, byEvents, base64, headers}. Nothing inside it is validated at create.")
        .to_as("webhook", Convert::Same),
    Field::new("webhook.url", Url, G::Webhook, "Webhook URL", "Must start with http:// or https://, or it is stored and never called. At most 500 characters.")
        .need(Need::WithParent)
        .ph("https://example.com/your-webhook")
        .max(500)
        .to_as("webhook", Convert::EnsureScheme)
        .msgs(&["Argument `url` is missing."]),
    Field::new("webhook.byEvents", Bool, G::Webhook, "One URL per event", "Appends the event name in kebab-case to the URL, e.g. …/messages-upsert.")
        .strict()
        .input(Input::Check { off_false: true })
        .to("webhook_by_events"),
    Field::new("webhook.base64", Bool, G::Webhook, "Media as base64 in webhooks", "Sends media content inside the webhook body.").strict().to("webhook_base64"),
    Field::new("webhook.headers", Headers, G::Webhook, "Webhook headers", "Sent with every delivery; the special key jwt_key becomes an Authorization: Bearer JWT.").secret(),
    Field::new("webhook.enabled", Bool, G::Webhook, "Webhook enabled", "Ignored at create: a webhook given at create is always enabled.").input(Input::None),
    Field::new("webhook.events", Events, G::Webhook, "Events", "Required in 2.x ([] = all 31). Names are stored as sent: a typo never fires.")
        .need(Need::WithParent)
        .to("events")
        .msgs(&["Cannot read properties of undefined (reading 'length')"]),
    Field::new("websocket", Object, G::Sinks, "WebSocket", "Saved only when the server has WEBSOCKET_ENABLED."),
    Field::new("websocket.enabled", Bool, G::Sinks, "WebSocket events", "").to("websocket_enabled"),
    Field::new("websocket.events", Events, G::Sinks, "WebSocket events", "").need(Need::WithParent).to("websocket_events"),
    Field::new("rabbitmq", Object, G::Sinks, "RabbitMQ", "Saved only when the server has RABBITMQ_ENABLED."),
    Field::new("rabbitmq.enabled", Bool, G::Sinks, "RabbitMQ events", "").to("rabbitmq_enabled"),
    Field::new("rabbitmq.events", Events, G::Sinks, "RabbitMQ events", "").need(Need::WithParent).to("rabbitmq_events"),
    Field::new("sqs", Object, G::Sinks, "Amazon SQS", "Saved only when the server has SQS_ENABLED."),
    Field::new("sqs.enabled", Bool, G::Sinks, "Amazon SQS events", "").to("sqs_enabled"),
    Field::new("sqs.events", Events, G::Sinks, "Amazon SQS events", "").need(Need::WithParent).to("sqs_events"),
    Field::new("nats", Object, G::Sinks, "NATS", "Saved only when the server has NATS_ENABLED."),
    Field::new("nats.enabled", Bool, G::Sinks, "NATS events", ""),
    Field::new("nats.events", Events, G::Sinks, "NATS events", "").need(Need::WithParent),
    Field::new("kafka", Object, G::Sinks, "Kafka", "Saved only when the server has KAFKA_ENABLED."),
    Field::new("kafka.enabled", Bool, G::Sinks, "Kafka events", ""),
    Field::new("kafka.events", Events, G::Sinks, "Kafka events", "").need(Need::WithParent),
    Field::new("pusher", Object, G::Sinks, "Pusher", "Processed even when the server has Pusher off: appId, key, secret, cluster and events are required."),
    Field::new("pusher.enabled", Bool, G::Sinks, "Pusher enabled", ""),
    Field::new("pusher.appId", Str, G::Sinks, "Pusher app id", "").need(Need::WithParent),
    Field::new("pusher.key", Str, G::Sinks, "Pusher key", "").need(Need::WithParent),
    Field::new("pusher.secret", Str, G::Sinks, "Pusher secret", "").need(Need::WithParent).secret(),
    Field::new("pusher.cluster", Str, G::Sinks, "Pusher cluster", "").need(Need::WithParent),
    Field::new("pusher.useTLS", Bool, G::Sinks, "Pusher over TLS", ""),
    Field::new("pusher.events", Events, G::Sinks, "Pusher events", "").need(Need::WithParent),
    Field::new("proxyHost", Str, G::Proxy, "Proxy host", "Host, port and protocol: all three or none (a partial set is ignored).").strict().to("proxy.host").msgs(&["Invalid proxy"]),
    Field::new("proxyPort", Str, G::Proxy, "Proxy port", "A string in 2.x (\"3128\").").strict().ph("3128").to_as("proxy.port", Convert::ToString),
    Field::new("proxyProtocol", Str, G::Proxy, "Proxy protocol", "http or socks.").strict().input(Input::Select(PROXY_PROTOCOLS_V2)).to("proxy.protocol"),
    Field::new("proxyUsername", Str, G::Proxy, "Proxy user name", "Used only together with the password.").strict().to("proxy.username"),
    Field::new("proxyPassword", Str, G::Proxy, "Proxy password", "Used only together with the user name.").strict().secret().to("proxy.password"),
    Field::new("chatwootAccountId", Str, G::Chatwoot, "Chatwoot account id", "A string in 2.x (\"1\"): the number in your Chatwoot URL /app/accounts/1/…").need(Need::Trio)
        .strict()
        .ph("1")
        .max(100)
        .to_as("chatwoot_account_id", Convert::ToString),
    Field::new("chatwootToken", Str, G::Chatwoot, "Chatwoot access token", CW_TRIO_HELP).need(Need::Trio).strict().secret().max(100).to("chatwoot_token"),
    Field::new("chatwootUrl", Url, G::Chatwoot, "Chatwoot URL", "Your Chatwoot installation, e.g. https://app.chatwoot.com").need(Need::Trio)
        .strict()
        .ph("https://app.chatwoot.com")
        .max(500)
        .to("chatwoot_url")
        .msgs(&["Invalid \"url\" property in chatwoot", "Chatwoot is not enabled"]),
    Field::new("chatwootSignMsg", Bool, G::Chatwoot, "Sign messages with the agent's name", "Required (true or false) on the Chatwoot path.")
        .strict()
        .need(Need::Chatwoot)
        .input(Input::Check { off_false: true })
        .to("chatwoot_sign_msg")
        .msgs(&["signMsg is required"]),
    Field::new("chatwootReopenConversation", Bool, G::Chatwoot, "Reopen resolved conversations", "Required (true or false) on the Chatwoot path.")
        .strict()
        .need(Need::Chatwoot)
        .input(Input::Check { off_false: true })
        .to("chatwoot_reopen_conversation")
        .msgs(&["reopenConversation is required"]),
    Field::new("chatwootConversationPending", Bool, G::Chatwoot, "New conversations start as pending", "Required (true or false) on the Chatwoot path.")
        .strict()
        .need(Need::Chatwoot)
        .input(Input::Check { off_false: true })
        .to("chatwoot_conversation_pending")
        .msgs(&["conversationPending is required"]),
    Field::new("chatwootNameInbox", Str, G::Chatwoot, "Inbox name", "Defaults to the instance name.").strict().max(100).to("chatwoot_name_inbox"),
    Field::new("chatwootMergeBrazilContacts", Bool, G::Chatwoot, "Merge Brazilian numbers with/without the 9th digit", "One contact for +55 numbers written both ways.").strict().default("false").to("chatwoot_merge_brazil_contacts"),
    Field::new("chatwootImportContacts", Bool, G::Chatwoot, "Import contacts", "Copy WhatsApp contacts into Chatwoot.").strict().default("true").to("chatwoot_import_contacts"),
    Field::new("chatwootImportMessages", Bool, G::Chatwoot, "Import messages", "Copy recent history into Chatwoot.").strict().default("true").to("chatwoot_import_messages"),
    Field::new("chatwootDaysLimitImportMessages", Int, G::Chatwoot, "Days of history to import", "The server's default is 60.").strict().default("60").to("chatwoot_days_limit_import_messages"),
    Field::new("chatwootOrganization", Str, G::Chatwoot, "Organization name", "Shown on the bot contact.").max(100),
    Field::new("chatwootLogo", Url, G::Chatwoot, "Logo URL", "The bot contact's picture.").max(500),
    Field::new("chatwootAutoCreate", Bool, G::Chatwoot, "Create the inbox automatically", "Anything but false means true.").default("true"),
    // §2.7: checked by the schema, never used by the create route.
    Field::new("webhookUrl", Str, G::Trap, "", "").strict().role(Role::Trap { use_instead: "webhook.url" }),
    Field::new("webhookByEvents", Bool, G::Trap, "", "").strict().role(Role::Trap { use_instead: "webhook.byEvents" }),
    Field::new("webhookBase64", Bool, G::Trap, "", "").strict().role(Role::Trap { use_instead: "webhook.base64" }),
    Field::new("webhookEvents", Events, G::Trap, "", "").strict().role(Role::Trap { use_instead: "webhook.events" }),
    Field::new("rabbitmqEnabled", Bool, G::Trap, "", "").strict().role(Role::Trap { use_instead: "rabbitmq.enabled" }),
    Field::new("rabbitmqEvents", Events, G::Trap, "", "").strict().role(Role::Trap { use_instead: "rabbitmq.events" }),
    Field::new("natsEnabled", Bool, G::Trap, "", "").strict().role(Role::Trap { use_instead: "nats.enabled" }),
    Field::new("natsEvents", Events, G::Trap, "", "").strict().role(Role::Trap { use_instead: "nats.events" }),
    Field::new("sqsEnabled", Bool, G::Trap, "", "").strict().role(Role::Trap { use_instead: "sqs.enabled" }),
    Field::new("sqsEvents", Events, G::Trap, "", "").strict().role(Role::Trap { use_instead: "sqs.events" }),
    Field::new("Integration", Integration, G::Trap, "", "").strict().role(Role::Trap { use_instead: "integration" }),
    // §2.9: written straight into the instance record.
    Field::new("instanceId", Str, G::Trap, "", "").role(Role::Forbidden),
    Field::new("status", Str, G::Trap, "", "").role(Role::Forbidden),
    Field::new("ownerJid", Str, G::Trap, "", "").role(Role::Forbidden),
    Field::new("profileName", Str, G::Trap, "", "").role(Role::Forbidden),
    Field::new("profilePicUrl", Str, G::Trap, "", "").role(Role::Forbidden),
];

/// The field a server error message is about, in either profile's table.
pub fn field_of_exact_message(profile: Profile, msg: &str) -> Option<&'static Field> {
    let last_line = msg.trim_end().rsplit('\n').next().unwrap_or(msg).trim();
    profile.fields().iter().find(|f| f.messages.iter().any(|m| *m == msg || *m == last_line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_parents_exist() {
        for p in Profile::ALL {
            let fields = p.fields();
            for (i, f) in fields.iter().enumerate() {
                assert!(fields[i + 1..].iter().all(|g| g.key != f.key), "{} twice in {p:?}", f.key);
                if !f.parent().is_empty() {
                    let parent = p.field(f.parent()).unwrap_or_else(|| panic!("{}: no parent", f.key));
                    assert_eq!(parent.ty, Ty::Object, "{}", f.key);
                }
                if f.role == Role::Normal {
                    assert!(!f.label.is_empty(), "{} has no label", f.key);
                }
            }
        }
    }

    #[test]
    fn counterparts_exist_in_the_other_profile() {
        for p in Profile::ALL {
            for f in p.fields() {
                if let Some((other, _)) = f.other {
                    assert!(p.other().field(other).is_some(), "{:?} {} → {other} missing", p, f.key);
                }
                if let Role::Trap { use_instead } = f.role {
                    assert!(p.field(use_instead).is_some(), "{use_instead}");
                }
            }
        }
    }

    #[test]
    fn profiles_from_versions_and_names() {
        assert_eq!(Profile::of_version("1.8.2"), Some(Profile::V1));
        assert_eq!(Profile::of_version("2.3.6"), Some(Profile::V2));
        assert_eq!(Profile::of_version("v2.1.0"), Some(Profile::V2));
        assert_eq!(Profile::of_version("3.0"), None);
        assert_eq!(Profile::parse("V2"), Some(Profile::V2));
        assert_eq!(Profile::parse("x"), None);
    }

    #[test]
    fn secrets_per_profile() {
        let v1: Vec<_> = Profile::V1.secrets().collect();
        assert_eq!(v1, ["token", "chatwoot_token", "proxy.password"]);
        let v2: Vec<_> = Profile::V2.secrets().collect();
        for k in ["token", "wavoipToken", "webhook.headers", "pusher.secret", "proxyPassword", "chatwootToken"] {
            assert!(v2.contains(&k), "{k}");
        }
    }

    #[test]
    fn messages_map_to_fields() {
        let f = |p, m| field_of_exact_message(p, m).map(|f| f.key);
        assert_eq!(f(Profile::V2, "signMsg is required"), Some("chatwootSignMsg"));
        assert_eq!(f(Profile::V2, "Invalid integration"), Some("integration"));
        assert_eq!(
            f(
                Profile::V2,
                "\nInvalid `this.prisma.webhook.upsert()` invocation in\n/x.ts\n\nArgument `url` is missing."
            ),
            Some("webhook.url")
        );
        assert_eq!(f(Profile::V1, "sign_msg is required"), Some("chatwoot_sign_msg"));
        assert_eq!(f(Profile::V1, "Invalid proxy"), Some("proxy"));
    }
}
