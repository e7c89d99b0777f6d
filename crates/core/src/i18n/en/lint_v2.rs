//! The 2.x rules' texts (`lint/v2/*.rs`) and their fix-it titles.

crate::catalog! {
    pub LintV2(2, lint_v2) {
        // Shared by several rules.
        /// Joins the names in "{0} missing" lists.
        list_and: " and ",
        fix_use: "Use {0}",
        fix_use_quoted: "Use \"{0}\"",

        // lint/v2/mod.rs: nested objects, their events, chatbot settings.
        nested_required: "{0} needs \"{1}\": without it the create fails with 400 (a database error).",
        nested_required_msg: "{0} needs \"{1}\": without it the create fails with 400 (a database error ending in \"{2}\").",
        events_missing: "{0} has no \"events\": {1} Add \"events\": [] for all events, or list the ones you want.",
        fix_add_events: "Add \"events\": [] (all events)",
        chatbot_key: "{0} is not read at create in 2.x (ignored without a word): configure the bot afterwards with POST /{1}/{instance}.",

        // lint/v2/webhook.rs
        webhook_shape: "In 2.x webhook is an object {\"url\": …, \"events\": […]}: a URL string makes create fail with 400 \"Cannot read properties of undefined (reading 'length')\".",
        fix_webhook_object: "Make it {url, events}",
        webhook_events_why: "the server answers 400 \"Cannot read properties of undefined (reading 'length')\".",
        webhook_enabled_false: "enabled: false is ignored at create: the webhook is saved enabled. Disable it afterwards with POST /webhook/set/{instance}.",
        header_not_string: "Header \"{0}\" should be a string: it is sent as an HTTP header.",
        jwt_key: "jwt_key is not sent: the server signs a 10-minute HS256 JWT with it and sends Authorization: Bearer <jwt>.",
        webhook_url_placeholder: "{0} is the seed's placeholder: put the URL that should receive the events here.",
        webhook_url_scheme: "webhook.url must start with http:// or https:// (lower case) and name a host: otherwise the server stores it and never calls it.",
        webhook_localhost: "{0} here means the Evolution server itself, not your computer: the events go to a port on the server's machine.",
        sink_events_why: "when the server has this sink switched on, create fails with 400 \"Cannot read properties of undefined (reading 'length')\".",
        sink_saved_only: "{0} is saved only when the server has {1}_ENABLED; otherwise it is dropped without a word while the answer still says \"enabled\": true. Check with GET /instance/fetchInstances?instanceName=…",
        pusher_events_why: "Pusher is processed even when the server has it off, and create fails with 400.",

        // lint/v2/instance.rs
        name_required: "instanceName is required: without it the server answers 403 \"This name \\\"undefined\\\" is already in use.\" as soon as it has any instance.",
        name_empty: "instanceName is empty: with any other field present, 2.x creates an instance named \"\" that no later URL can reach.",
        name_placeholder: "{0} is the seed's placeholder: put your instance's name here.",
        name_chars: "Keep instanceName to lowercase letters, digits, - and _ (starting with a letter or digit). The server accepts anything, but names are case-sensitive in every later URL, and spaces, accents, / % ? # need URL-encoding there.",
        integration_required: "integration is required in 2.x: without it the server answers 400 \"Invalid integration\". WHATSAPP-BAILEYS is WhatsApp Web (QR code or pairing code).",
        fix_add_integration: "Add \"integration\": \"WHATSAPP-BAILEYS\"",
        /// {0} is `token` or `number`, {1} what it holds (`business_token` / `business_number`).
        business_needs: "WHATSAPP-BUSINESS needs \"{0}\" ({1}), not empty: the server answers 400 \"{0} is required\".",
        business_token: "the Meta access token",
        business_number: "the Meta phone-number id",
        token_placeholder: "{0} is the seed's placeholder: put the instance's own key here, or generate one.",
        fix_fresh_token: "Use a fresh token",
        token_reuse: "This token was already used for \"{0}\". 2.x accepts it again without a word, and the instance keys are then no longer unique (fetchInstances with it lists both). Use a fresh one.",
        number_digits: "For WhatsApp Web, number is the phone number in digits only, country code first (e.g. \"5511999999999\"): no +, spaces or dashes.",
        /// {0} the event (`MESSAGING_HISTORY_SET`).
        history_set_2_4: "{0} is an Evolution API 2.4 event: a 2.3.x server stores it here without a word and never sends it. Keep it only for a 2.4 server (Test connection reads the version).",
        pairing_code: "With number, WhatsApp also gives an 8-character pairing code next to the QR code (with qrcode: true, or later from connect).",
        qrcode_channel: "qrcode: true does nothing with {0}: there is no QR code on that channel.",
        qrcode_chatwoot: "qrcode: true is ignored on the Chatwoot path: the answer has no QR code and WhatsApp is not started. Connect afterwards (the page offers it).",
        qrcode_slow: "With qrcode: true the server starts WhatsApp and answers after about 5 seconds.",
        msg_call_unused: "msgCall is sent only when a call is rejected: without \"rejectCall\": true it is never used.",
        wavoip_token: "A wavoipToken makes create fail in 2.3.6 (400 \"Cannot read properties of undefined (reading 'ws')\"). Remove it and set it after create with POST /settings/set/{instance}.",
        fix_remove: "Remove it",

        // lint/v2/proxy.rs
        proxy_partial: "The proxy needs proxyHost, proxyPort and proxyProtocol together; {0} missing, so the server ignores the proxy without a word.",
        proxy_protocol: "proxyProtocol must be \"http\" or \"socks\": with \"{0}\" the server answers 400 \"Invalid proxy\".",
        proxy_credentials: "proxyUsername and proxyPassword are used only together: one alone is ignored.",
        proxy_tested: "The server tests the proxy against an outside service before saving: a bad or unreachable proxy, or a server without internet access, gives 400 \"Invalid proxy\".",

        // lint/v2/chatwoot.rs
        chatwoot_partial: "Chatwoot needs chatwootAccountId, chatwootToken and chatwootUrl, all non-empty; {0} missing, so the server ignores every chatwoot field without a word.",
        /// {0} is the payload key (`chatwootSignMsg`), {1} the server's name for it (`signMsg`).
        chatwoot_required: "On the Chatwoot path {0} (true or false) is required: the server answers 400 \"{1} is required\".",
        fix_add_false: "Add \"{0}\": false",
        chatwoot_url_invalid: "chatwootUrl is not a URL: the server answers 400 \"Invalid \\\"url\\\" property in chatwoot\".",
        chatwoot_url_scheme: "chatwootUrl should start with http:// or https://.",
        chatwoot_enabled: "The Chatwoot path needs CHATWOOT_ENABLED=true on the server (else 400 \"Chatwoot is not enabled\"). The answer has no QR code: connect afterwards.",
    }
}
