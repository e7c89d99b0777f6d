//! The answers' texts: explanations of a server's answers and failures (`explain.rs`), the QR
//! session's (`session.rs`) and the QR image's (`qr.rs`) messages, and the migration's notes
//! (`migrate.rs`), the events' descriptions (`events.rs`). Only the parts of the page loaded on first use read them (`Lang::answers`, not in
//! [`super::super::Texts`]), so the page's first load does not carry them.

crate::catalog! {
    pub Answers(1, answers) {

        // explain.rs: the answer to POST /instance/create.
        created: "Instance \"{0}\" created. Store its key: it is shown only now.",
        ok_not_json: "{0}: the server answered success, but not with JSON — a proxy, a login page or another web server answered, not an Evolution API. Check the base URL.",
        ok_empty: "The server answered success with an empty body: nothing to show. Check the instance list on the server.",
        ok_other: "The server answered success, but not with a create response. Is the base URL an Evolution API?",
        unauthorized: "401 Unauthorized: the global API key is wrong or missing. Use the server's AUTHENTICATION_API_KEY; an instance's own token is not accepted for creating instances.",
        name_taken: "403: the name \"{0}\" is already in use on this server. Choose another name (e.g. \"{1}\") — or, if an earlier create failed half-way, that attempt may have left the instance behind: delete it first.",
        rejected: "400: the server rejected the payload: {0}",
        not_found: "404 Not Found: the base URL's path is wrong. It must be the server root, where GET / answers \"Welcome to the Evolution API\".",
        cors_refused: "The server refused this page's origin (CORS). Add this page's origin to CORS_ORIGIN on the server.",
        server_failed: "{0}: the server failed. Check the server's logs.",
        server_failed_with: "{0}: the server failed: {1}. Check the server's logs.",
        not_json: "{0}: the answer is not JSON, so it did not come from an Evolution API. Check the base URL (a proxy or web server answered instead).",
        empty_body: "{0}: the server answered with an empty body.",
        unexpected: "{0}: unexpected answer",
        unexpected_with: "{0}: unexpected answer: {1}",
        // explain.rs: no answer at all.
        no_response: "No answer from the server. Either it is not running or not reachable at this address (check the base URL and that the server is up), \
                      or it blocked this page with CORS — the browser hides which. If the server is up, set CORS_ORIGIN={0} on it (or CORS_ORIGIN=*).",
        timeout_stopped: "No answer within {0} s, so the page stopped waiting. The server may be overloaded or unreachable through a proxy — \
                          and it may still create the instance: check the instance list before sending again (a retry could get 403 \"already in use\"). \
                          A create with a QR code takes at least 5 s; raise the time limit if the server is slow.",
        /// The browser says it is offline (a page the service worker opened without a network).
        offline: "You are offline: nothing was sent and nothing you typed is lost. Connect to the network, then try again.",
        aborted: "You stopped the request. The server may still have created the instance: check before sending again.",
        // explain.rs: GET {base}/ and mixed content.
        /// {0} the server's activation page (`register_url`).
        licence_required: "503 LICENSE_REQUIRED: this Evolution API (2.4 or later) is not activated, so it refuses every call but its version check — creating, listing, connecting and configuring instances are all blocked, whatever the key. Activate it on the server's own page, {0}, or set AUTHENTICATION_API_KEY in the server's .env to a valid licensing key, then restart it.",
        /// {0} the server's activation page.
        licence_inactive: "This server is not activated (licence status: inactive): every call but this check will answer 503 LICENSE_REQUIRED until it is. Activate it at {0}.",
        health_404: "404 at this address: the base URL's path is wrong (use the server root).",
        health_html: "{0}: an HTML page answered, not an Evolution API. Check the base URL.",
        health_other: "{0}: this does not look like an Evolution API answer.",
        mixed_content: "This page is served over https, so the browser will block calls to an http:// API (mixed content). Use an https:// base URL, or open this page over http (e.g. locally).",

        // session.rs: the QR panel.
        qr_failed: "Could not get a QR code — {0}",
        state_failed: "Could not read the connection state — {0}",
        connect_not_understood: "The server's connect answer was not understood.",
        halt_no_progress: "Stopped checking: no new QR code and no change of state for {0} s — the server may not \
                           reach WhatsApp (or its WhatsApp Web version is out of date).",
        /// {0} seconds without progress.
        halt_no_qr: "Stopped checking: not one QR code in {0} s (the server answers {\"count\":0}). Likely causes, most likely first: \
                     1) the server cannot reach WhatsApp (no internet, a firewall or DNS on the server's side); \
                     2) CONFIG_SESSION_PHONE_VERSION pins a WhatsApp Web version WhatsApp no longer accepts — remove it so the server uses the current one; \
                     3) the instance's proxy does not work — check it, or remove it. The server's log says which.",
        halt_refused: "Stopped checking: the server refused the key (401). Check the API key.",
        halt_not_found: "Stopped checking: the server does not know this instance (404).",
        note_number_to_string: "{0}: the number {1} became the string {2} ({3} is a string in {4}).",
        note_string_to_number: "{0}: the string \"{1}\" became the number {1}.",
        note_scheme_added: "{0}: \"{1}\" has no http(s):// scheme; 1.x accepted it, 2.x would store it and never call it, so it became \"{2}\".",
        note_event_upper: "{0}: \"{1}\" became {2} (event names are upper case).",
        note_event_unknown: "{0}: {1} does not exist in {2} and was removed.",
        note_no_counterpart: "{0} has no counterpart in {1} and was removed.",
        note_no_counterpart_typebot: "{0} has no counterpart in {1} and was removed. Set it after create with POST /typebot/create/{instance} (enabled, url, typebot, expire, keywordFinish, delayMessage, unknownMessage, listeningFromMe, triggerType).",
        note_integration_unknown: "integration \"{0}\" does not exist in {1} and was removed.",
        note_trap: "{0} → {1}: the {2} server ignored \"{0}\", so the migrated payload now does what it only seemed to do.",
        /// {0} the old name, {1} the new one.
        note_renamed: "{0} → {1}",
        note_unknown_key: "{0} is not a field of either profile: kept as is (the server ignores it).",
        note_webhook_without_url: "webhook settings without a webhook URL were removed (the 1.x server ignored them too).",
        note_webhook_events_added: "webhook.events: [] (all events) was added: 2.x requires it. Note: the 1.x server silently did NOT save a webhook without events.",
        note_without_events: "{0} without events was removed (the 1.x server dropped it too; add \"{0}\": {\"enabled\": true, \"events\": []} for all events).",
        note_required_added: "{0} was added: {1} requires it.",
        note_chatwoot_added: "{0}: false was added: the Chatwoot path requires it.",
        note_old_default: "{0}: {1} was added to keep the {2} behaviour ({3} forced {1} at create; {4} defaults to {5}).",

        // qr.rs: the server's QR image and the local QR code.
        qr_not_data_url: "qrcode.base64 is not a data: URL (it starts with \"{0}\"); only data:image/png;base64 images are shown",
        qr_not_png: "qrcode.base64 is a data: URL of type \"{0}\", not image/png; it is not shown",
        qr_double_prefix: "qrcode.base64 carries the data:image/png;base64, prefix twice",
        qr_not_base64: "qrcode.base64 is not valid base64",
        qr_not_png_bytes: "qrcode.base64 does not hold a PNG file",
        qr_text_empty: "the QR code text is empty",
        qr_text_too_long: "the QR code text is too long to encode ({0} bytes)",

        // events.rs: one line per event, for the events checklist (a part).
        ev_application_startup: "The server started",
        ev_qrcode_updated: "A new QR code to scan",
        ev_messages_set: "Initial message history loaded",
        ev_messages_upsert: "A message received or sent",
        ev_messages_update: "Message status changed (delivered, read…)",
        ev_messages_delete: "A message deleted",
        ev_send_message: "A message sent through the API",
        ev_contacts_set: "Initial contacts loaded",
        ev_contacts_upsert: "Contacts added or reloaded",
        ev_contacts_update: "A contact changed",
        ev_presence_update: "Online / typing / recording",
        ev_chats_set: "Initial chats loaded",
        ev_chats_upsert: "A chat created or reloaded",
        ev_chats_update: "A chat changed",
        ev_chats_delete: "A chat deleted",
        ev_groups_upsert: "A group created",
        ev_group_update: "Group details changed",
        ev_group_participants_update: "Someone joined, left, was promoted…",
        ev_connection_update: "WhatsApp connection state changed",
        ev_labels_edit: "A label edited (1.7+)",
        ev_labels_association: "A label put on / taken off a chat (1.7+)",
        ev_call: "An incoming call (1.4.3+)",
        ev_new_jwt_token: "The instance's JWT was renewed",
        ev_typebot_start: "A Typebot session started (1.5.1+)",
        ev_typebot_change_status: "A Typebot session changed status (1.5.1+)",
        ev_chama_ai_action: "A Chama AI action (1.5.1+)",
        ev_messages_edited: "A message edited (2.x)",
        ev_send_message_update: "A sent message's status changed (2.x)",
        ev_remove_instance: "An instance removed (2.x)",
        ev_logout_instance: "An instance logged out (2.x)",
        ev_instance_create: "An instance created (2.x)",
        ev_instance_delete: "An instance deleted (2.x)",
        ev_status_instance: "An instance's status changed (2.x)",
        ev_messaging_history_set: "The history sync after linking finished, with its counts (2.4+)",
        // The QR panel's own notices (log out, delete), said through the session's messages.
        bad_url_or_key: "The base URL or the key is not valid.",
        logout_first_failed: "Log out (needed before delete) failed — {0}",
        logged_out_first: "Logged out first (Evolution 1.8.2 refuses to delete a connected instance).",
        delete_failed: "Delete failed — {0}",
        logout_failed: "Log out failed — {0}",
        deleted: "Instance deleted.",
        logged_out: "Logged out: the phone is unlinked. Generate a new QR to link again.",
    }
}
