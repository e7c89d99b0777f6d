//! The field table of profile v1 (Evolution API 1.x).

use super::{Convert, Field, Group as G, Input, Need, Ty::*};
use super::{INTEGRATIONS_V1, NAME_HELP, PROXY_PROTOCOLS_V1};

const TOKEN_HELP: &str = "The instance's own key. Generate one here rather than leaving it to the server.";

/// Profile v1: Evolution API 1.x (the seed page's fields and the late-1.x ones of 1.4–1.8).
pub const V1: &[Field] = &[
    Field::new("instanceName", Str, G::Basic, "Instance name", NAME_HELP)
        .need(Need::Required)
        .ph("mystore")
        .input(Input::Text { keep_empty: true })
        .to("instanceName")
        .msgs(&["Authentication error"]),
    Field::new("token", Str, G::Basic, "Instance token", TOKEN_HELP).strict().need(Need::Business).secret("EVOLUTION_INSTANCE_TOKEN").to("token").msgs(&["Token already exists", "token is required"]),
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
    Field::new("chatwoot_token", Str, G::Chatwoot, "Chatwoot access token", "From Chatwoot › Profile settings › Access token. Never stored or shared by this page.").need(Need::Trio).secret("EVOLUTION_CHATWOOT_TOKEN").to("chatwootToken"),
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
    Field::new("proxy.password", Str, G::Proxy, "Proxy password", "").secret("EVOLUTION_PROXY_PASSWORD").to("proxyPassword"),
];
