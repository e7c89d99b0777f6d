//! Diagnostic codes: one enum, whose strings (`json/…` for syntax, `evo/…` for Evolution rules) are
//! stable — they are what evo-lint's JSON and SARIF output, the page's `data-code` and users' CI
//! filters rely on.

use std::fmt;

macro_rules! codes {
    ($($variant:ident => $text:literal,)*) => {
        /// A diagnostic's stable code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, for documentation and the SARIF rule list.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable string, e.g. `evo/unknown-key`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)*
                }
            }
        }
    };
}

codes! {
    Business => "evo/business",
    ChatbotKey => "evo/chatbot-key",
    ChatwootEnabled => "evo/chatwoot-enabled",
    ChatwootPartial => "evo/chatwoot-partial",
    ChatwootQr => "evo/chatwoot-qr",
    ChatwootRequired => "evo/chatwoot-required",
    ChatwootSignMsg => "evo/chatwoot-sign-msg",
    ChatwootUrl => "evo/chatwoot-url",
    ConfigDisable => "evo/config-disable",
    ConfigEmpty => "evo/config-empty",
    ConfigFirstSet => "evo/config-first-set",
    ConfigLiveTest => "evo/config-live-test",
    ConfigMerge => "evo/config-merge",
    ConfigMsgCall => "evo/config-msg-call",
    ConfigNextConnect => "evo/config-next-connect",
    ConfigNoRoute => "evo/config-no-route",
    ConfigNote => "evo/config-note",
    ConfigProxyAuth => "evo/config-proxy-auth",
    ConfigReadBack => "evo/config-read-back",
    ConfigReplace => "evo/config-replace",
    ConfigSecretInFind => "evo/config-secret-in-find",
    ConfigServerSwitch => "evo/config-server-switch",
    ConfigStoredOnError => "evo/config-stored-on-error",
    DuplicateEvent => "evo/duplicate-event",
    EnabledWithoutEvents => "evo/enabled-without-events",
    Event => "evo/event",
    EventVersion => "evo/event-version",
    EventsWithoutWebhook => "evo/events-without-webhook",
    ForbiddenKey => "evo/forbidden-key",
    GroupsIgnore => "evo/groups-ignore",
    InstanceName => "evo/instance-name",
    InstanceNameSlash => "evo/instance-name-slash",
    Integration => "evo/integration",
    MsgCallUnused => "evo/msg-call-unused",
    NotObject => "evo/not-object",
    Null => "evo/null",
    Number => "evo/number",
    PairingCode => "evo/pairing-code",
    Placeholder => "evo/placeholder",
    Profile => "evo/profile",
    Proxy => "evo/proxy",
    QrcodeIgnored => "evo/qrcode-ignored",
    QrcodeMissing => "evo/qrcode-missing",
    QrcodeSlow => "evo/qrcode-slow",
    Required => "evo/required",
    SecretInFile => "evo/secret-in-file",
    RulesLoading => "evo/rules-loading",
    Sink => "evo/sink",
    Token => "evo/token",
    TokenMissing => "evo/token-missing",
    TokenReuse => "evo/token-reuse",
    TooLong => "evo/too-long",
    TrapKey => "evo/trap-key",
    Type => "evo/type",
    UnknownEvent => "evo/unknown-event",
    UnknownKey => "evo/unknown-key",
    Unused => "evo/unused",
    V1Key => "evo/v1-key",
    V2Key => "evo/v2-key",
    WavoipToken => "evo/wavoip-token",
    WebhookEnabled => "evo/webhook-enabled",
    WebhookHeaders => "evo/webhook-headers",
    WebhookLocalhost => "evo/webhook-localhost",
    WebhookShape => "evo/webhook-shape",
    WebhookUrl => "evo/webhook-url",
    WebhookWithoutEvents => "evo/webhook-without-events",
    JsonBom => "json/bom",
    JsonComment => "json/comment",
    JsonControlChar => "json/control-char",
    JsonDuplicateKey => "json/duplicate-key",
    JsonEmpty => "json/empty",
    JsonEncoding => "json/encoding",
    JsonExtraComma => "json/extra-comma",
    JsonInvalidEscape => "json/invalid-escape",
    JsonInvalidNumber => "json/invalid-number",
    JsonMismatchedBracket => "json/mismatched-bracket",
    JsonMissingColon => "json/missing-colon",
    JsonMissingComma => "json/missing-comma",
    JsonMissingValue => "json/missing-value",
    JsonPythonLiteral => "json/python-literal",
    JsonSingleQuote => "json/single-quote",
    JsonSmartQuote => "json/smart-quote",
    JsonTooDeep => "json/too-deep",
    JsonTrailingComma => "json/trailing-comma",
    JsonTrailingContent => "json/trailing-content",
    JsonUnclosed => "json/unclosed",
    JsonUnexpectedToken => "json/unexpected-token",
    JsonUnquotedKey => "json/unquoted-key",
    JsonUnquotedString => "json/unquoted-string",
    JsonUnterminatedString => "json/unterminated-string",
}

impl Code {
    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == s)
    }

    /// A JSON syntax problem (as opposed to an Evolution rule).
    pub fn is_syntax(self) -> bool {
        self.as_str().starts_with("json/")
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn strings_are_unique_and_round_trip() {
        for (i, c) in Code::ALL.iter().enumerate() {
            assert!(Code::ALL[i + 1..].iter().all(|d| d.as_str() != c.as_str()), "{c}");
            assert_eq!(Code::parse(c.as_str()), Some(*c));
        }
        assert_eq!(Code::UnknownKey, "evo/unknown-key");
    }
}
