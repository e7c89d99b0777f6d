//! The one table of payload fields, per profile: every fact about a field of `POST /instance/create`
//! lives here — its key (a dotted path for nested fields), JSON type, whether the server rejects a
//! wrong type, when it is required, its form group, label, help, input, whether it is a secret, its
//! default, its counterpart in the other profile and the server messages that name it.
//!
//! The rules, the form, secret stripping (draft, share link, cURL), the server-message → field map,
//! the migration, the JSON Schema and the sandbox all read these tables; nothing else lists field
//! names. v1 = Evolution API 1.x (1.8.2 and the seed page), v2 = 2.x (2.3.6): see `CONTRACT.md` and
//! `CONTRACT-v2.md`.

pub mod config_v1;
pub mod config_v2;
mod v1;
mod v2;

pub use v1::V1;
pub use v2::V2;

/// The configuration routes' tables (every route but create, each generation that has it), in the
/// order of `config::TABLES` (which names each one's route and generation) and of the pt-BR
/// catalogue's rows (`i18n::pt_br::config_fields`, `i18n::file`).
pub const CONFIG_TABLES: [&[Field]; 17] = {
    use {config_v1 as v1, config_v2 as v2};
    [
        v1::SETTINGS,
        v1::WEBHOOK,
        v1::PROXY,
        v1::CHATWOOT,
        v1::WEBSOCKET,
        v1::RABBITMQ,
        v1::SQS,
        v2::SETTINGS,
        v2::WEBHOOK,
        v2::PROXY,
        v2::CHATWOOT,
        v2::WEBSOCKET,
        v2::RABBITMQ,
        v2::SQS,
        v2::NATS,
        v2::KAFKA,
        v2::PUSHER,
    ]
};

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

    /// This profile's secret fields.
    pub fn secret_fields(self) -> impl Iterator<Item = &'static Field> {
        self.fields().iter().filter(|f| f.secret)
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

    /// The events a server of this generation at `version` (when known) offers: 2.4+ adds
    /// [`crate::events::HISTORY_SET`].
    pub fn offered_events(self, version: Option<crate::version::ServerVersion>) -> &'static [&'static str] {
        match self {
            Profile::V2 if version.is_some_and(crate::version::ServerVersion::sends_history_set) => {
                &crate::events::EVENTS_V2_4
            }
            _ => self.events(),
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
    /// An array of strings (2.x Chatwoot `ignoreJids`).
    Strings,
    /// An object of header names to string values.
    Headers,
}

impl Ty {
    /// The JSON Schema `type` (and the word the server's schema messages use).
    pub fn json_type(self) -> &'static str {
        match self {
            Ty::Bool => "boolean",
            Ty::Str | Ty::Url | Ty::Phone | Ty::Integration => "string",
            Ty::Events | Ty::Strings => "array",
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
    /// For a secret: the environment variable exports put in its place (`${VAR}`); for headers,
    /// the prefix of one variable per header.
    pub env: &'static str,
    /// The server's default, as JSON text.
    pub default: Option<&'static str>,
    /// At most this many characters (longer fails or is silently lost).
    pub max_len: Option<u32>,
    /// The counterpart in the other profile (a dotted path), and how the value converts.
    pub other: Option<(&'static str, Convert)>,
    pub role: Role,
    /// Server error messages (exact) that are about this field.
    pub messages: &'static [&'static str],
    /// Kept by the server (`find` shows it); `false` for a flag it acts on during the request and
    /// never stores (Chatwoot's `autoCreate`): its absence from a read-back is no loss.
    pub stored: bool,
}

impl Field {
    pub(crate) const fn new(key: &'static str, ty: Ty, group: Group, label: &'static str, help: &'static str) -> Field {
        let input = match ty {
            Ty::Bool => Input::Check { off_false: false },
            Ty::Int | Ty::Digits => Input::Int,
            Ty::Events => Input::Events,
            Ty::Object | Ty::Headers | Ty::Strings => Input::None,
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
            env: "",
            default: None,
            max_len: None,
            other: None,
            role: Role::Normal,
            messages: &[],
            stored: true,
        }
    }

    /// A flag the server acts on during the request and never stores (see [`Field::stored`]).
    pub(crate) const fn not_stored(mut self) -> Self {
        self.stored = false;
        self
    }

    pub(crate) const fn strict(mut self) -> Self {
        self.strict = true;
        self
    }
    pub(crate) const fn need(mut self, need: Need) -> Self {
        self.need = need;
        self
    }
    pub(crate) const fn ph(mut self, placeholder: &'static str) -> Self {
        self.placeholder = placeholder;
        self
    }
    pub(crate) const fn input(mut self, input: Input) -> Self {
        self.input = input;
        self
    }
    pub(crate) const fn secret(mut self, env: &'static str) -> Self {
        self.secret = true;
        self.env = env;
        if matches!(self.input, Input::Text { .. }) {
            self.input = Input::Secret;
        }
        self
    }
    pub(crate) const fn default(mut self, json: &'static str) -> Self {
        self.default = Some(json);
        self
    }
    pub(crate) const fn max(mut self, n: u32) -> Self {
        self.max_len = Some(n);
        self
    }
    pub(crate) const fn to(mut self, other: &'static str) -> Self {
        self.other = Some((other, Convert::Same));
        self
    }
    /// [`Field::to`] when there is a counterpart (macros that build several tables).
    pub(crate) const fn to_opt(mut self, other: Option<&'static str>) -> Self {
        if let Some(o) = other {
            self.other = Some((o, Convert::Same));
        }
        self
    }
    pub(crate) const fn to_as(mut self, other: &'static str, how: Convert) -> Self {
        self.other = Some((other, how));
        self
    }
    pub(crate) const fn role(mut self, role: Role) -> Self {
        self.role = role;
        self.group = Group::Trap;
        self.input = Input::None;
        self
    }
    pub(crate) const fn msgs(mut self, messages: &'static [&'static str]) -> Self {
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

/// A field's user-visible texts in one language. The translations (`i18n::pt_br::fields`) are
/// arrays of these in table order, checked against the tables when the crate compiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldText {
    /// The field's key (dotted path): ties the row to the table's row.
    pub path: &'static str,
    pub label: &'static str,
    /// `""` where the English has none.
    pub help: &'static str,
    /// Example values (`mystore`, URLs) stay as in English.
    pub placeholder: &'static str,
}

impl FieldText {
    /// A row without a placeholder.
    pub const fn new(path: &'static str, label: &'static str, help: &'static str) -> FieldText {
        FieldText { path, label, help, placeholder: "" }
    }

    /// The same row with a placeholder.
    pub const fn ph(mut self, placeholder: &'static str) -> FieldText {
        self.placeholder = placeholder;
        self
    }

    /// The English texts of a table row.
    pub const fn of(f: &Field) -> FieldText {
        FieldText { path: f.key, label: f.label, help: f.help, placeholder: f.placeholder }
    }
}

/// The English texts of a table, row by row.
const fn english<const N: usize>(fields: &[Field]) -> [FieldText; N] {
    let mut out = [FieldText::new("", "", ""); N];
    let mut i = 0;
    while i < N {
        out[i] = FieldText::of(&fields[i]);
        i += 1;
    }
    out
}

static EN_V1: [FieldText; V1.len()] = english(V1);
static EN_V2: [FieldText; V2.len()] = english(V2);

const fn same_str(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Checks a translation of a table at compile time (`const _: () = check_texts(V1, &ROWS);`):
/// row `i` must be the table's row `i` (same path), and have a label, a help and a placeholder
/// exactly where the English has one. A failure names the path where it went wrong.
pub const fn check_texts(fields: &[Field], texts: &[FieldText]) {
    if fields.len() != texts.len() {
        panic!("a translation of a field table has another number of rows than the table");
    }
    let mut i = 0;
    while i < fields.len() {
        let (f, t) = (&fields[i], &texts[i]);
        if !same_str(f.key, t.path) {
            panic!("{}", f.key);
        }
        if f.label.is_empty() != t.label.is_empty()
            || f.help.is_empty() != t.help.is_empty()
            || f.placeholder.is_empty() != t.placeholder.is_empty()
        {
            panic!("{}", f.key);
        }
        i += 1;
    }
}

impl Profile {
    /// The English texts of this profile's fields, in table order (`crate::render::field_texts` gives
    /// them in a language).
    pub fn english_texts(self) -> &'static [FieldText] {
        match self {
            Profile::V1 => &EN_V1,
            Profile::V2 => &EN_V2,
        }
    }
}

const INTEGRATIONS_V1: &[&str] = &["", "WHATSAPP-BAILEYS", "WHATSAPP-BUSINESS"];
const INTEGRATIONS_V2: &[&str] = &["WHATSAPP-BAILEYS", "WHATSAPP-BUSINESS", "EVOLUTION"];
const PROXY_PROTOCOLS_V1: &[&str] = &["", "http", "https", "socks4", "socks5"];
const PROXY_PROTOCOLS_V2: &[&str] = &["", "http", "socks"];

/// The servers' `number` pattern `^\d+[\.@\w-]+`, applied (by both generations) as a prefix test:
/// a digit, then one more of `0-9 A-Z a-z _ . @ -` (`"55 11 9"` passes, `"+55…"` and `"5"` fail).
pub fn matches_number_pattern(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && b[0].is_ascii_digit() && (b[1].is_ascii_alphanumeric() || b"_.@-".contains(&b[1]))
}

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

/// Shared by both tables.
const NAME_HELP: &str = "Lowercase letters and digits only: the name becomes part of every later URL.";

/// The field a server error message is about, in either profile's table.
pub fn field_of_exact_message(profile: Profile, msg: &str) -> Option<&'static Field> {
    let last_line = msg.trim_end().rsplit('\n').next().unwrap_or(msg).trim();
    profile.fields().iter().find(|f| f.messages.iter().any(|m| *m == msg || *m == last_line))
}

#[cfg(test)]
mod tests;
