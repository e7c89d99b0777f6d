//! The field table of profile v2 (Evolution API 2.x, 2.3.6).

use super::{Convert, Field, Group as G, Input, Need, Role, Ty::*};
use super::{INTEGRATIONS_V2, NAME_HELP, PROXY_PROTOCOLS_V2};

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
        .secret("EVOLUTION_INSTANCE_TOKEN")
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
        .secret("EVOLUTION_WAVOIP_TOKEN")
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
    Field::new("webhook.headers", Headers, G::Webhook, "Webhook headers", "Sent with every delivery; the special key jwt_key becomes an Authorization: Bearer JWT.").secret("EVOLUTION_WEBHOOK_HEADER"),
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
    Field::new("pusher.secret", Str, G::Sinks, "Pusher secret", "").need(Need::WithParent).secret("EVOLUTION_PUSHER_SECRET"),
    Field::new("pusher.cluster", Str, G::Sinks, "Pusher cluster", "").need(Need::WithParent),
    Field::new("pusher.useTLS", Bool, G::Sinks, "Pusher over TLS", ""),
    Field::new("pusher.events", Events, G::Sinks, "Pusher events", "").need(Need::WithParent),
    Field::new("proxyHost", Str, G::Proxy, "Proxy host", "Host, port and protocol: all three or none (a partial set is ignored).").strict().to("proxy.host").msgs(&["Invalid proxy"]),
    Field::new("proxyPort", Str, G::Proxy, "Proxy port", "A string in 2.x (\"3128\").").strict().ph("3128").to_as("proxy.port", Convert::ToString),
    Field::new("proxyProtocol", Str, G::Proxy, "Proxy protocol", "http or socks.").strict().input(Input::Select(PROXY_PROTOCOLS_V2)).to("proxy.protocol"),
    Field::new("proxyUsername", Str, G::Proxy, "Proxy user name", "Used only together with the password.").strict().to("proxy.username"),
    Field::new("proxyPassword", Str, G::Proxy, "Proxy password", "Used only together with the user name.").strict().secret("EVOLUTION_PROXY_PASSWORD").to("proxy.password"),
    Field::new("chatwootAccountId", Str, G::Chatwoot, "Chatwoot account id", "A string in 2.x (\"1\"): the number in your Chatwoot URL /app/accounts/1/…").need(Need::Trio)
        .strict()
        .ph("1")
        .max(100)
        .to_as("chatwoot_account_id", Convert::ToString),
    Field::new("chatwootToken", Str, G::Chatwoot, "Chatwoot access token", CW_TRIO_HELP).need(Need::Trio).strict().secret("EVOLUTION_CHATWOOT_TOKEN").max(100).to("chatwoot_token"),
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
