//! The linter's shared texts: syntax errors, the rules shared by both profiles (`lint/ctx.rs`,
//! `lint/rules.rs`), the 1.x rules (`lint/v1.rs`) and the fix-it titles they offer.

crate::catalog! {
    pub Lint(7, lint) {
        // ---- severities (a diagnostic's label) ----
        severity_error: "error",
        severity_warning: "warning",
        severity_info: "info",

        // ---- type names, inserted into messages (`Node::type_name_in`) ----
        type_object: "an object",
        type_array: "an array",
        type_string: "a string",
        type_number: "a number",
        type_boolean: "a boolean",
        type_null: "null",
        type_invalid: "not a valid value",

        // ---- syntax: the whole text (`lint/syntax/mod.rs`) ----
        bom: "The text starts with an invisible byte-order mark (BOM).",
        fix_remove_bom: "Remove the BOM",
        empty: "The payload is empty: it must be a JSON object { … }.",
        must_start_object: "The payload must start with { (a JSON object).",
        trailing_content: "More text after the end of the JSON value: a payload is exactly one object.",
        fix_remove_after: "Remove everything after the object",

        // ---- syntax: comments (`lexer.rs`) ----
        line_comment: "JSON has no comments: the server answers 400 \"Unexpected token /\". The seed's `//` lines are only notes and must go.",
        block_comment: "JSON has no comments: this /* … */ block must be removed.",
        unclosed_comment: "Unclosed /* comment: everything after it is ignored, and JSON has no comments anyway.",
        fix_remove_comment: "Remove the comment",

        // ---- syntax: numbers (`number.rs`); {0} the text as written, {1} its JSON spelling ----
        invalid_number: "{0} is not a valid JSON number.",
        fix_write_as: "Write it as {0}",

        // ---- syntax: strings (`string.rs`); {0} the quote or the escape ----
        unterminated_string: "This string has no closing {0}: a string must end on the line where it starts.",
        fix_close_string: "Close the string with {0}",
        single_quote: "JSON strings use double quotes, not single quotes.",
        fix_double_quotes: "Use double quotes",
        smart_quote: "Curly quotes (“ ” ‘ ’) are not JSON quotes — a chat app or word processor changed them: use straight double quotes (\").",
        fix_straight_quotes: "Use straight double quotes",
        control_char: "A raw control character (U+{0}) inside a string is not allowed: write it as {1}.",
        fix_escape_as: "Escape it as {0}",
        invalid_escape: "\\{0} is not a JSON escape (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX).",
        fix_drop_backslash: "Drop the backslash: ' needs no escape",
        fix_escape_backslash: "Escape the backslash itself",

        // ---- syntax: values, objects and arrays (`parser.rs`) ----
        too_deep: "Nesting deeper than {0} levels is not checked; no create payload nests like this.",
        python_literal: "{0} is not JSON: the JSON spelling is {1} (lowercase).",
        /// Also the fix of a boolean written as a string or 0/1, and of a mismatched bracket.
        fix_write: "Write {0}",
        not_json_number: "{0} is not a JSON number.",
        unquoted_string: "{0} is not a JSON value: text must be in double quotes.",
        fix_put_in_double_quotes: "Put it in double quotes",
        unclosed_object: "This { is never closed: the text ends before its }.",
        unclosed_array: "This [ is never closed: the text ends before its ].",
        fix_add_missing: "Add the missing {0}",
        mismatched_object: "This ] closes an object: an object ends with }.",
        mismatched_array: "This } closes an array: an array ends with ].",
        extra_comma_object: "A comma with no property before it.",
        extra_comma_array: "A comma with no item before it.",
        fix_remove_comma: "Remove the comma",
        unquoted_key: "Property names must be in double quotes: \"{0}\".",
        fix_quote_name: "Quote the name",
        expected_property: "Expected a property name in double quotes (or } to close the object).",
        missing_colon: "Missing : between the name and its value.",
        fix_insert_colon: "Insert :",
        no_colon_no_value: "\"{0}\" has no : and no value.",
        no_value: "\"{0}\" has no value after the colon.",
        trailing_comma: "A comma before {0} is not allowed in JSON (the server answers 400).",
        fix_remove_trailing_comma: "Remove the trailing comma",
        missing_comma: "Missing comma between two items.",
        fix_insert_comma: "Insert ,",
        unexpected_in_object: "Unexpected {0}: expected a comma or the end of the object.",
        unexpected_in_array: "Unexpected {0}: expected a comma or the end of the array.",
        expected_value: "Expected a value or ] here.",
        duplicate_key: "\"{0}\" appears twice: the server keeps only this last value.",
        fix_remove_earlier: "Remove the earlier one",

        // ---- the rules shared by both profiles (`rules.rs`, `ctx.rs`) ----
        not_object: "The payload must be a JSON object { … }, not {0}.",
        profile_hint: "This payload is shaped for {0} but is checked as {1}: switch the profile (or migrate the payload) to match your server.",
        /// {0} the field, {1} its JSON type (`boolean`, `string`…).
        null_v2: "{0} is null: 2.x treats null as a wrong type, not as absent (400 \"{0} is not of a type(s) {1}\"). Remove the field instead.",
        fix_remove_it: "Remove it",
        /// {0} the field (an optional object).
        null_object: "{0} is null: every server reads it as absent. Remove it.",
        /// {0} the field, {1} what it must be (`what_*`, a type name).
        rejects_nested: "{0} must be {1}: the server answers 400 with an opaque database error.",
        /// {0} the field, {1} what it must be, {2} its JSON type.
        rejects_top: "{0} must be {1}: the server answers 400 \"{0} is not of a type(s) {2}\".",
        /// {0} the value's type name.
        what_bool: "true or false (a JSON boolean, no quotes), not {0}",
        what_quoted_string: "a string (in double quotes)",
        what_number: "a number",
        bool_lenient: "{0} should be {1}: the server stores it as sent, and a string like \"false\" counts as on.",
        too_long: "{0} has {1} characters; the server keeps at most {2} (longer fails with a database error or is silently not saved).",
        must_be_quoted_string: "{0} must be a string (in double quotes).",
        fix_put_in_quotes: "Put it in quotes",
        must_be_string_not: "{0} must be a string, not {1}.",
        must_be_events: "{0} must be an array of event names, like [\"MESSAGES_UPSERT\"], not {1}.",
        fix_wrap_in_array: "Wrap it in [ ]",
        must_be_digits: "{0} must be a whole number (or digits in quotes), e.g. 1.",
        should_be_whole: "{0} should be a whole number.",
        must_be_object_not: "{0} must be an object { … }, not {1}.",
        number_pattern: "number must be the phone number in digits, country code first (e.g. \"5511999999999\"): the server answers 400 \"number does not match pattern\".",
        number_in_quotes: "number must be a string of digits, in quotes.",
        number_not_string: "number must be a string, not {0}.",
        integration_not_string: "integration must be a string.",
        /// {0} the value, {1} the integrations, comma-separated.
        integration_v2: "integration \"{0}\" is not one of {1} (exact case, with hyphens): the server answers 400 \"Invalid integration\".",
        integration_v1: "integration \"{0}\" is not one of {1}: the server stores it without a word and it does nothing.",
        fix_use: "Use {0}",
        /// {0} the list's path, {1} the item's index.
        event_not_string: "{0}[{1}] must be an event name in quotes.",
        /// Appended to `unknown_event_*` when a known event is close; {0} that event.
        did_you_mean_event: " (did you mean {0}?)",
        /// {0} the name, {1} `did_you_mean_event` or nothing, {2} the list's path, {3} the index.
        unknown_event_v1: "\"{0}\" is not an Evolution event{1}: the server answers 400 \"{2}[{3}] is not one of enum values\".",
        event_only_v1: "{0} exists only in 1.x: a 2.x server stores it and it never fires. Remove it.",
        unknown_event_v2: "\"{0}\" is not a 2.x event{1}: the server stores it without a word and it never fires.",
        duplicate_event: "{0} is listed twice.",
        fix_remove_repeat: "Remove the repeat",
        /// {0} the key, {1} the suggestion.
        unknown_key_suggest: "Unknown field \"{0}\": the server silently ignores it. Did you mean \"{1}\"?",
        unknown_key: "Unknown field \"{0}\": the server silently ignores it.",
        /// {0} the parent object, {1} the key, {2} the suggestion.
        unknown_nested_key_suggest: "{0} has no field \"{1}\": the server ignores it. Did you mean \"{2}\"?",
        unknown_nested_key: "{0} has no field \"{1}\": the server ignores it.",
        fix_rename: "Rename to {0}",
        /// {0} the 1.x key, {1} its 2.x name(s).
        v1_key_renamed: "\"{0}\" is the 1.x name: 2.x ignores it without a word. Use \"{1}\" (Migrate to 2.x does it for the whole payload).",
        v1_key_dropped: "\"{0}\" is a 1.x field that 2.x no longer reads at create: it is ignored without a word.",
        trap_key: "{0} is checked by the server but never used at create: nothing is saved. Use {1} instead.",
        forbidden_key: "Do not send {0}: it goes straight into the instance record and can break the create (400 with a database error).",
        placeholder: "{0} is still a placeholder: put your own value here.",

        // ---- the 1.x rules (`v1.rs`) ----
        proxy_not_object: "proxy must be an object: {\"host\": …, \"port\": …, \"protocol\": \"http\"}.",
        proxy_needs: "proxy needs \"{0}\".",
        proxy_protocol: "proxy.protocol must be \"http\", \"https\", \"socks4\" or \"socks5\".",
        proxy_tested: "The server tests the proxy by calling an outside host through it; if that fails it answers 400 \"Invalid proxy\".",
        instance_name_required: "instanceName is required: without it the server fails with a 500 error.",
        instance_name_empty: "instanceName is empty: the server answers 403 (This name \"\" is already in use).",
        fix_use_quoted: "Use \"{0}\"",
        instance_name_placeholder: "{0} is the seed's placeholder: put your instance's name here.",
        instance_name_slash: "A / in instanceName breaks the server: it answers 400 \"Authentication error\", keeps a broken instance, and from then on every create without a token fails with \"Token already exists\" until that instance is deleted.",
        instance_name_dash: "The vendor's page asks for \"non-accented lowercase alphabetic characters or numbers\"; every server also accepts - and _, safe in later URLs.",
        instance_name_chars: "instanceName may hold only lowercase letters (no accents) and digits. The server accepts others, but names are case-sensitive in every later URL and spaces or accents break them.",
        token_missing: "No token: the server then makes one itself, and that path is buggy (a second token-less create can fail with \"Token already exists\"). Send your own.",
        fix_add_fresh_token: "Add a fresh token",
        token_reused: "This token was already used for \"{0}\": the server answers 400 \"Token already exists\". Use a fresh one.",
        fix_use_fresh_token: "Use a fresh token",
        token_placeholder: "{0} is the seed's placeholder: put the instance's own key here, or generate one.",
        token_empty: "token is empty: the server then makes its own (see the missing-token warning).",
        token_chars: "token may hold only letters, digits and hyphens.",
        qrcode_missing: "qrcode is missing (the seed marks it required): the server will not produce a QR code now.",
        fix_add_qrcode: "Add \"qrcode\": true",
        webhook_placeholder: "{0} is the seed's placeholder: put the URL that should receive the events here.",
        webhook_url: "webhook must be an absolute http:// or https:// URL. The server checks it only after saving the instance: it would answer 400 and keep a half-created instance, so a retry gets 403 \"already in use\".",
        webhook_without_events: "webhook without events: the server silently does NOT save the webhook. Add \"events\": [] for all events, or list the ones you want.",
        /// {0} the events key (`events`, `rabbitmq_events`…).
        fix_add_events: "Add \"{0}\": [] (all events)",
        events_without_webhook: "events without webhook: the server ignores them.",
        webhook_by_events_unused: "webhook_by_events does nothing without webhook.",
        /// {0} `websocket_enabled`…, {1} `websocket_events`….
        enabled_without_events: "{0} without {1}: the server silently drops it, like a webhook without events.",
        /// {0} `websocket_events`…, {1} `websocket_enabled`….
        events_without_enabled: "{0} without \"{1}\": true does nothing.",
        chatwoot_unused: "{0} does nothing without chatwoot_account_id, chatwoot_token and chatwoot_url.",
        /// {0} the missing keys, joined by `and`.
        chatwoot_partial: "Chatwoot needs chatwoot_account_id, chatwoot_token and chatwoot_url together; {0} missing, so the server would silently skip Chatwoot.",
        /// Joins the last two of a list (` and `).
        and: " and ",
        chatwoot_url: "chatwoot_url must be an absolute http:// or https:// URL of your Chatwoot.",
        chatwoot_sign_msg_required: "With Chatwoot on, chatwoot_sign_msg (true or false) is required: without it the server answers 400 \"sign_msg is required\" after saving the instance — the server would keep a half-created instance.",
        fix_add_sign_msg: "Add \"chatwoot_sign_msg\": false",
        chatwoot_qr: "With Chatwoot on, the QR code is sent to your Chatwoot inbox as a message, not in this response.",
        strict_bool: "{0} must be true or false (no quotes): otherwise the server answers 400 \"sign_msg is required\" after saving — the server would keep a half-created instance.",
        /// {0} `token` or `number`.
        business_needs: "WHATSAPP-BUSINESS needs \"{0}\" (the Meta access token / the business phone number id): the server answers 400 \"{0} is required\".",
        groups_ignore: "Evolution 1.8.2 forces groups_ignore to true at create; change it afterwards in the settings.",
        // The 2.x rules are a catalogue part of their own (`Lang::lint_v2`); this one is said before they are there.
        /// Until the page has loaded a generation's rules (a moment: the 1.x rules as soon as the page is up,
        /// the 2.x rules the first time a payload is 2.x). {0} the generation.
        rules_loading: "Loading the {0} rules to check this payload… (if this stays, check the network and reload the page: your text is kept).",
    }
}
