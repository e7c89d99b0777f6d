//! The doctor's texts the first screen needs: the migration's errors and note kinds, the form's edit
//! errors and presets, the connection fields' checks. The answers' explanations, the QR session's
//! messages, the migration notes and the events' descriptions (only the events checklist, a part,
//! shows them) are in [`super::answers`].

crate::catalog! {
    pub Doctor(6, doctor) {
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

    }
}
