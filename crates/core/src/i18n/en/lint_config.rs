//! The configuration rules' texts (`config/`, `CONTRACT-config.md` §10): keys named after the rule
//! ids, shared checks first, then the notes of the §11 conversion.

crate::catalog! {
    pub LintConfig(4, lint_config) {
        // Shared, table-driven (config/cx.rs).
        /// {0} the field path, {1} the object the server names, {2} the key.
        required: "{0} is required: without it the server answers 400 ({1} requires property \"{2}\").",
        a6_null: "{0} cannot be null: the server's schema wants a {1} (400 \"is not of a type(s)\"). Give a value or remove it.",
        /// {0} the field, {1} the JSON type, {2} the type written.
        type_wrong: "{0} must be a {1}, not {2}: the server answers 400 \"{0} is not of a type(s) {1}\".",
        type_lenient: "{0} should be a {1}, not {2}: the server stores it unchecked, and a string such as \"false\" acts as true.",
        too_long: "{0} has {1} characters; the server's column holds {2}: it answers 500 and stores nothing.",
        c8_fraction: "{0}: {1} is stored as {2} (a whole number of days).",
        w13_header: "Header \"{0}\" should be a string: it is sent as an HTTP header.",
        a5_other_gen: "{0} is the {1} name: this server ignores it without a word (201, never stored). It reads {2}.",
        a5_other_gen_none: "{0} exists only in {1}: {2} ignores it without a word (201, never stored).",
        a5_unknown_suggest: "Unknown key {0}: the server ignores it without a word. Did you mean {1}?",
        a5_unknown: "Unknown key {0}: the server ignores it without a word (and echoes it in the 201, which is not what it stored).",
        w18_all: "events: [] means every event ({0}).",
        /// {0} the event, {1} the list's path, {2} a did-you-mean or "".
        w4_unknown: "{0} is not an event this server accepts in {1}: it answers 400 \"is not one of enum values\".{2}",
        did_you_mean: " Did you mean {0}?",
        /// {0} the event, {1} this generation, {2} the list's path.
        w4_other_gen: "{0} belongs to the other generation: {1} refuses it in {2} (400).",
        w19_groups_update: "{0} is emitted by the server but not subscribable: {1} refuses it in {2} (400). Group-subject changes cannot be subscribed per instance (GROUP_UPDATE is the group settings).",
        /// {0} the event, {1} the list's path.
        w4_history_set: "{0} is accepted in {1} from 2.4 on: a 2.3.x server answers 400 \"is not one of enum values\".",
        w4_duplicate: "{0} is listed twice.",
        empty: "\"{0}\" is \"\" in a body that has only the required keys: the server answers 400 \"The \"{0}\" cannot be empty\". Send the value (the server keeps it) or add another key.",
        not_object: "The body must be a JSON object, not {0}.",
        fix_add: "Add {0}",
        fix_remove: "Remove {0}",
        fix_write: "Write {0}",
        fix_rename: "Rename to {0}",
        fix_clear: "Send {0} empty (clear it)",
        fix_convert: "Convert to the {0} shape",

        // A4: the other generation's shape.
        /// {0} the other generation, {1} the endpoint, {2} this generation, {3} a4_refused or a4_nothing.
        a4: "This is the {0} shape of the {1} body; a {2} server {3}",
        a4_refused: "refuses it with 400 \"requires property\".",
        a4_nothing: "answers 201 and does nothing.",

        // Settings.
        st3: "{0} is missing: 1.8.2 replaces the stored settings with this body, so a stored message is deleted. Always send it (\"\" for none).",
        st3_current: "{0} is missing: 1.8.2 replaces the stored settings with this body, so the stored message \"{1}\" is deleted. Send it again (or \"\" to clear it on purpose).",
        st4: "{0} is missing: 2.3.6 keeps the stored value ({1}). Send \"\" to clear it.",
        st4_unknown: "{0} is missing: 2.3.6 keeps whatever is stored; send \"\" to clear it.",
        st6: "A wavoipToken on an instance that was never connected: the server answers 500 (\"reading 'ws'\") although it stored it. Read the settings back before telling anyone it failed.",
        st7: "{0} is sent to every caller, whether or not {1} is true: the server tests the two separately.",
        st8: "{0} takes effect at the next WhatsApp connect.",
        st9: "1.8.2 has no wavoipToken: the server ignores it.",
        st9_length: "{0} is longer than 100 characters: fine in 1.8.2, but 2.x refuses it (500).",
        st10: "1.8.2's create set groups_ignore to true: false turns group messages on.",

        // Webhook.
        w1: "\"{0}\" does not pass the server's URL test: it answers 400 \"Invalid \"url\" property\" (also when disabling).",
        w2: "\"{0}\" has no http:// or https://: 1.8.2 stores it, and no event is ever delivered.",
        /// {0} the events path.
        w3: "The sink is enabled without {0}: the server answers 500 \"Cannot read properties of undefined (reading 'length')\" and stores nothing. Add \"events\": [] for every event.",
        w6: "{0} is missing: 1.8.2 replaces the stored webhook with this body, so a stored {0} is dropped (the running instance keeps the old one until it reconnects). Send it.",
        w6_current: "{0} is missing: 1.8.2 replaces the stored webhook, so the stored {0}: {1} is dropped (the running instance keeps it until it reconnects). Send it.",
        w7: "enabled is missing: 1.8.2 takes it as true.",
        w8: "enabled: false wipes the stored URL and events in 1.8.2: enabling again needs both.",
        w9_headers: "1.8.2 has no custom webhook headers: the server ignores this.",
        w10_string: "In 2.x webhook is an object {\"enabled\", \"url\", \"events\"}: a URL string is refused (400 \"webhook is not of a type(s) object\").",
        /// {0} the URL, {1} w11_empty or "".
        w11: "\"{0}\" is not an http(s):// URL: 2.3.6 stores it without a check and never calls it.{1}",
        w11_empty: " (An empty URL is refused only when events is missing.)",
        w14: "{0} is missing: 2.3.6 keeps the stored value ({1}). To remove it, send it (headers: the whole object).",
        w14_unknown: "{0} is missing: 2.3.6 keeps whatever is stored; send it to change it.",
        w16: "enabled: false keeps the URL and headers and stores events: [].",
        w17: "A base64 change reaches the running instance only at its next connect.",

        // Proxy.
        p4: "\"{0}\" is not a protocol 2.3.6 can use (http or socks): the live test fails with 400 \"Invalid proxy\".",
        p5: "\"{0}\": 1.8.2 always uses an HTTP(S) proxy agent, so only http or https proxies can work.",
        p6: "enabled: true makes the server test the proxy live (icanhazip.com, ~1 s): any failure, or a server without internet, gives 400 \"Invalid proxy\".",
        p7_pair: "username and password are used only together: give both or neither.",
        p7_chars: "{0} contains @ : / or #: it is put into the proxy URL without encoding, which breaks it.",
        p8: "2.3.6 answers proxy/set before writing it: a find right after may still show the old value (read back after ~1 s).",
        p9: "The proxy is used from the next WhatsApp connect (restart the instance).",
        p10: "find (and 2.x fetchInstances) return this password in clear: mask it when showing it.",
        p11: "With the instance's proxy disabled, a server-wide PROXY_HOST (if set) applies to it.",

        // Chatwoot.
        c3_url: "\"{0}\" is not a URL: enabling answers 400 \"url is not valid\".",
        c3_empty: "{0} is empty: enabling answers 400 \"{0} is required\".",
        c4: "The server needs CHATWOOT_ENABLED=true, or every Chatwoot route answers 400 \"Chatwoot is disabled\".",
        c6: "This is the first Chatwoot set for the instance: 2.3.6 drops signDelimiter on insert (stored null). Send the same body a second time.",
        c6_unknown: "On the instance's first Chatwoot set, 2.3.6 drops signDelimiter (stored null): read it back and send again if it is null.",
        c7: "{0}: true creates the inbox in Chatwoot during the request: if Chatwoot cannot be reached the server answers 500 although it stored the configuration. Read it back.",
        c10: "enabled: false wipes account id, token and URL in 1.8.2.",
        c11: "1.8.2 replaces the stored configuration: {0} (stored now) will be dropped. Send every key each time.",
        c11_unknown: "1.8.2 replaces the stored configuration: optional keys left out are dropped. Send every key each time.",
        c12: "{0} is missing on the first set: 2.3.6 stores false (create's default was true). Send it explicitly.",
        c13: "{0} defaults to the instance name; the answer's webhook_url is the URL to paste into Chatwoot.",
        c14: "find (and 2.x fetchInstances) return the Chatwoot token in clear: mask it when showing it.",

        // Event sinks.
        /// {0} the sink, {1} its server switch.
        e5: "{0} is saved only when the server has {1}=true: otherwise it answers 201 with an empty body and stores nothing.",
        e7: "1.8.2 stores {0} whatever the server has, but sends nothing unless the server has {1}=true.",
        e8: "With {1}=false on the server, 1.8.2 answers 500 on every {0} set (even enabled: false) after storing it. Read it back.",
        e9: "enabled: false makes 1.8.2 store the full event list, not [].",
        e10: "1.8.2 keeps the SQS configuration of a deleted instance: a new instance with the same name inherits it.",
        e11: "Pusher is stored even when the server has PUSHER_ENABLED=false, but then pusher/find answers empty and nothing is sent (the answer shows the secret in clear).",
        /// {0} the endpoint, {1} its route.
        e13: "{0} does not exist in 1.8.2: POST /{1}/… answers 404.",

        // §11 conversion notes.
        mig_truthy: "{0}: the string \"{1}\" acted as {2} in 1.8.2 (JavaScript truthiness) and became {2}.",
        mig_whole: "{0}: {1} became {2} (2.x stores whole numbers).",
        mig_protocol: "protocol \"{0}\" has no 2.x equivalent and became \"{1}\".",
        mig_wrap: "the body went inside \"{0}\": {…} (the 2.x shape).",
        mig_enabled: "{0}.enabled: true was added: 1.8.2 took a missing enabled as true, 2.x requires it.",
        mig_outside: "{0} stood outside \"{1}\" and was removed (1.8.2 reads the flat body only).",
        mig_unwrap: "the body of \"{0}\" became the flat 1.8.2 body.",
        /// {0} the key removed, {1} the key that carries the same setting.
        mig_duplicate: "{0} was removed: {1} carries the same setting in the migrated body.",
        mig_flatten: "proxy.{…} became flat keys (host, port, protocol…), as 2.x reads them.",
        mig_nest: "host, port, protocol (and username, password) went inside \"proxy\": {…}, as 1.8.2 reads them.",
    }
}
