//! The doctor's texts the first screen needs: the migration's errors and note kinds, the form's edit
//! errors and presets, the connection fields' checks and the events' descriptions. The answers'
//! explanations, the QR session's messages and the migration notes are in [`super::answers`].

crate::catalog! {
    pub Doctor {
        timeout: "No answer within {0} s.",

        // migrate.rs: errors, note kinds and notes.
        migrate_not_object: "the JSON text is not an object yet: fix the JSON before migrating",
        kind_renamed: "renamed",
        kind_converted: "converted",
        kind_added: "added",
        kind_dropped: "dropped",
        kind_warning: "warning",

        // builder.rs: the form's edits and the presets.
        patch_not_object: "the JSON text is not an object yet; fix the JSON (or pick a preset) before using the form",
        patch_parent_not_object: "\"{0}\" is not an object in the text (it has the other profile's shape?): fix it in the editor, or migrate the payload",
        preset_basic: "Basic",
        preset_webhook: "With webhook",
        preset_chatwoot: "From Chatwoot",

        // url.rs and token.rs: the connection fields.
        url_empty: "Enter the server's base URL, e.g. https://evolution.example.com",
        url_no_scheme: "The base URL must start with http:// or https://",
        url_no_host: "The base URL has no host name after the scheme",
        url_whitespace: "The base URL must not contain spaces",
        url_query_or_fragment: "Leave the query (?…) and fragment (#…) out of the base URL",
        key_empty: "Enter the server's global API key (AUTHENTICATION_API_KEY)",
        key_invalid: "The API key contains spaces or characters an HTTP header cannot carry; check for a stray paste",

        // events.rs: one line per event, for the events checklist.
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
    }
}
