//! The configuration routes after create — settings, webhook, proxy, Chatwoot and the event sinks —
//! for both server generations (`CONTRACT-config.md`): one field table per (endpoint, generation),
//! built with the same [`Field`] mechanism as the create payload, the lint rules of §10
//! ([`lint_config`]), and the 1.x ⇄ 2.x conversion of §11 ([`migrate_config`]).
//!
//! Rules that depend on what the server holds (1.8.2 replaces the stored object, 2.3.6 merges into
//! it) read the body of the route's `find` from a [`ConfigContext`]; without it they say what may
//! happen, as a note.

mod cx;
mod events;
mod mask;
mod migrate;
pub mod readback;
mod rules;

pub use mask::{mask_secrets, MASK};
pub use migrate::migrate_config;

use crate::fields::{Field, Profile};
use crate::lint::syntax::{self, Kind, Node};
use crate::lint::{diag, LintOptions, Report};

/// A body the server reads: `POST /instance/create` or one of the `set` routes after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Endpoint {
    #[default]
    Create,
    Settings,
    Webhook,
    Proxy,
    Chatwoot,
    Websocket,
    Rabbitmq,
    Sqs,
    Nats,
    Kafka,
    Pusher,
}

/// A8: the status of a successful `set` (every route, both generations).
pub const SET_STATUS: u16 = 201;
/// A8: the status of a successful `find`.
pub const FIND_STATUS: u16 = 200;

/// An empty table (a route the generation does not have).
const NONE: &[Field] = &[];

/// The configuration routes' tables with their route and generation, in `fields::CONFIG_TABLES`'
/// order (the pt-BR catalogue's).
pub const TABLES: [(Profile, Endpoint, &[Field]); 17] = {
    use {Endpoint as E, Profile::*};
    let t = crate::fields::CONFIG_TABLES;
    [
        (V1, E::Settings, t[0]),
        (V1, E::Webhook, t[1]),
        (V1, E::Proxy, t[2]),
        (V1, E::Chatwoot, t[3]),
        (V1, E::Websocket, t[4]),
        (V1, E::Rabbitmq, t[5]),
        (V1, E::Sqs, t[6]),
        (V2, E::Settings, t[7]),
        (V2, E::Webhook, t[8]),
        (V2, E::Proxy, t[9]),
        (V2, E::Chatwoot, t[10]),
        (V2, E::Websocket, t[11]),
        (V2, E::Rabbitmq, t[12]),
        (V2, E::Sqs, t[13]),
        (V2, E::Nats, t[14]),
        (V2, E::Kafka, t[15]),
        (V2, E::Pusher, t[16]),
    ]
};

impl Endpoint {
    pub const ALL: [Endpoint; 11] = [
        Endpoint::Create,
        Endpoint::Settings,
        Endpoint::Webhook,
        Endpoint::Proxy,
        Endpoint::Chatwoot,
        Endpoint::Websocket,
        Endpoint::Rabbitmq,
        Endpoint::Sqs,
        Endpoint::Nats,
        Endpoint::Kafka,
        Endpoint::Pusher,
    ];

    /// The stable id (`create`, `settings`, … `pusher`): the CLI's `--endpoint`, the route's first segment.
    pub fn id(self) -> &'static str {
        match self {
            Endpoint::Create => "create",
            Endpoint::Settings => "settings",
            Endpoint::Webhook => "webhook",
            Endpoint::Proxy => "proxy",
            Endpoint::Chatwoot => "chatwoot",
            Endpoint::Websocket => "websocket",
            Endpoint::Rabbitmq => "rabbitmq",
            Endpoint::Sqs => "sqs",
            Endpoint::Nats => "nats",
            Endpoint::Kafka => "kafka",
            Endpoint::Pusher => "pusher",
        }
    }

    pub fn parse(s: &str) -> Option<Endpoint> {
        let s = s.trim().to_ascii_lowercase();
        Endpoint::ALL.into_iter().find(|e| e.id() == s)
    }

    /// The route without the instance: `instance/create`, `settings/set`, … (`POST {base}/{route}/{instance}`).
    pub fn route(self) -> &'static str {
        match self {
            Endpoint::Create => "instance/create",
            Endpoint::Settings => "settings/set",
            Endpoint::Webhook => "webhook/set",
            Endpoint::Proxy => "proxy/set",
            Endpoint::Chatwoot => "chatwoot/set",
            Endpoint::Websocket => "websocket/set",
            Endpoint::Rabbitmq => "rabbitmq/set",
            Endpoint::Sqs => "sqs/set",
            Endpoint::Nats => "nats/set",
            Endpoint::Kafka => "kafka/set",
            Endpoint::Pusher => "pusher/set",
        }
    }

    /// The route that reads the stored value back (`settings/find`, …); `None` for create.
    pub fn find_route(self) -> Option<String> {
        (self != Endpoint::Create).then(|| format!("{}/find", self.id()))
    }

    /// Whether the generation has this route (nats, kafka and pusher are 2.x only).
    pub fn exists_in(self, profile: Profile) -> bool {
        !(profile == Profile::V1 && matches!(self, Endpoint::Nats | Endpoint::Kafka | Endpoint::Pusher))
    }

    /// An event sink: websocket, rabbitmq, sqs, nats, kafka, pusher.
    pub fn is_sink(self) -> bool {
        matches!(
            self,
            Endpoint::Websocket
                | Endpoint::Rabbitmq
                | Endpoint::Sqs
                | Endpoint::Nats
                | Endpoint::Kafka
                | Endpoint::Pusher
        )
    }

    /// The secret fields of this body in either generation (what exports write as `${VAR}`).
    pub fn secret_fields(self) -> impl Iterator<Item = &'static Field> {
        Profile::ALL.into_iter().flat_map(move |p| self.table(p)).filter(|f| f.secret)
    }

    /// The body's field table in `profile` (empty where the route does not exist).
    pub fn table(self, profile: Profile) -> &'static [Field] {
        use crate::fields::{config_v1 as v1, config_v2 as v2};
        match (self, profile) {
            (Endpoint::Create, p) => p.fields(),
            (Endpoint::Settings, Profile::V1) => v1::SETTINGS,
            (Endpoint::Settings, Profile::V2) => v2::SETTINGS,
            (Endpoint::Webhook, Profile::V1) => v1::WEBHOOK,
            (Endpoint::Webhook, Profile::V2) => v2::WEBHOOK,
            (Endpoint::Proxy, Profile::V1) => v1::PROXY,
            (Endpoint::Proxy, Profile::V2) => v2::PROXY,
            (Endpoint::Chatwoot, Profile::V1) => v1::CHATWOOT,
            (Endpoint::Chatwoot, Profile::V2) => v2::CHATWOOT,
            (Endpoint::Websocket, Profile::V1) => v1::WEBSOCKET,
            (Endpoint::Websocket, Profile::V2) => v2::WEBSOCKET,
            (Endpoint::Rabbitmq, Profile::V1) => v1::RABBITMQ,
            (Endpoint::Rabbitmq, Profile::V2) => v2::RABBITMQ,
            (Endpoint::Sqs, Profile::V1) => v1::SQS,
            (Endpoint::Sqs, Profile::V2) => v2::SQS,
            (Endpoint::Nats, Profile::V2) => v2::NATS,
            (Endpoint::Kafka, Profile::V2) => v2::KAFKA,
            (Endpoint::Pusher, Profile::V2) => v2::PUSHER,
            (Endpoint::Nats | Endpoint::Kafka | Endpoint::Pusher, Profile::V1) => NONE,
        }
    }

    /// The field at `path` in `profile`'s table.
    pub fn field(self, profile: Profile, path: &str) -> Option<&'static Field> {
        self.table(profile).iter().find(|f| f.key == path)
    }

    /// The field a server message of this route is about: the table's own messages, then the
    /// schema's shapes (`instance requires property "url"`, `webhook.byEvents is not of a type(s)
    /// boolean`, `events[0] is not one of enum values: …`, `The "host" cannot be empty`).
    pub fn field_of_message(self, profile: Profile, msg: &str) -> Option<&'static Field> {
        let table = self.table(profile);
        if let Some(f) = table.iter().find(|f| f.messages.contains(&msg)) {
            return Some(f);
        }
        let path = if let Some((owner, rest)) = msg.split_once(" requires property ") {
            let key = rest.trim_matches('"');
            if owner == "instance" {
                key.to_owned()
            } else {
                format!("{owner}.{key}")
            }
        } else if let Some(rest) = msg.strip_prefix("The \"") {
            rest.split('"').next().unwrap_or("").to_owned()
        } else {
            let head = msg.split(' ').next().unwrap_or("");
            head.split('[').next().unwrap_or("").to_owned()
        };
        table.iter().find(|f| f.key == path).or_else(|| table.iter().find(|f| f.name() == path))
    }

    /// A7: whether a `set` that answered `status` with `message` may still have stored the body —
    /// read it back before saying it failed. 5xx store the data (2.x `wavoipToken`, Chatwoot
    /// `autoCreate`, 1.8.2 RabbitMQ/SQS off) except the crash on missing events and the database's
    /// "too long", which store nothing.
    pub fn may_have_stored(self, status: u16, message: &str) -> bool {
        match status {
            200..=299 => true,
            500..=599 => {
                !message.contains("(reading 'length')") && !message.trim_start().starts_with("Invalid `this.prisma")
            }
            _ => false,
        }
    }

    /// E5 / §1.3: a 2.x sink's `set` or `find` answered 2xx with an empty body: the server has the
    /// integration switched off and stored nothing (Pusher: stored, never sent).
    pub fn answer_means_off(self, profile: Profile, status: u16, body: &str) -> bool {
        profile == Profile::V2 && self.is_sink() && (200..300).contains(&status) && body.trim().is_empty()
    }

    /// Guesses the endpoint from a body's keys, in either generation's shape (`None` when they say
    /// nothing, e.g. a flat `{enabled, events}`, which fits every 1.x sink). `profile` breaks ties.
    pub fn guess(root: &Node, profile: Profile) -> Option<Endpoint> {
        let members = root.members()?;
        let has = |k: &str| members.iter().any(|m| m.key == k);
        let is_obj = |k: &str| root.get(k).and_then(|m| m.value.as_ref()).is_some_and(|v| v.members().is_some());
        // Keys only one endpoint has (in either generation), top level.
        let own = |e: Endpoint| {
            Profile::ALL.iter().any(|p| {
                e.table(*p)
                    .iter()
                    .filter(|f| f.parent().is_empty() && !matches!(f.name(), "enabled" | "url" | "token" | "number"))
                    .any(|f| has(f.name()))
            })
        };
        let sinks =
            [Endpoint::Websocket, Endpoint::Rabbitmq, Endpoint::Sqs, Endpoint::Nats, Endpoint::Kafka, Endpoint::Pusher];
        if has("instanceName") {
            Some(Endpoint::Create)
        } else if let Some(s) = sinks.into_iter().find(|s| is_obj(s.id())) {
            Some(s)
        } else if own(Endpoint::Settings) {
            Some(Endpoint::Settings)
        } else if own(Endpoint::Chatwoot) {
            Some(Endpoint::Chatwoot)
        } else if has("webhook") || has("url") || own(Endpoint::Webhook) && !has("events") {
            Some(Endpoint::Webhook)
        } else if own(Endpoint::Proxy) {
            Some(Endpoint::Proxy)
        } else if has("webhook_by_events") || has("webhook_base64") {
            Some(Endpoint::Webhook)
        } else {
            let _ = profile;
            None
        }
    }

    /// The generation a body of this endpoint is shaped for (`None` when its keys say nothing).
    pub fn shape(self, root: &Node) -> Option<Profile> {
        if self == Endpoint::Create {
            return crate::lint::shape_of(root);
        }
        let members = root.members()?;
        // nats, kafka and pusher have no 1.x body: the 1.x sinks' flat shape stands in.
        let table = |p: Profile| match self.table(p) {
            [] if self.is_sink() => Endpoint::Websocket.table(p),
            t => t,
        };
        let score = |p: Profile| {
            let t = table(p);
            let other = table(p.other());
            members
                .iter()
                .filter(|m| t.iter().any(|f| f.parent().is_empty() && f.key == m.key))
                .filter(|m| !other.iter().any(|f| f.parent().is_empty() && f.key == m.key))
                .count()
        };
        let (one, two) = (score(Profile::V1), score(Profile::V2));
        match one.cmp(&two) {
            std::cmp::Ordering::Greater => Some(Profile::V1),
            std::cmp::Ordering::Less => Some(Profile::V2),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// What the server holds, for the rules that depend on it. Every part is optional: the page fills
/// what it read (`GET /{endpoint}/find/{instance}` right before sending, `GET /` for the version,
/// the connection state); the rules say "may" where a part is missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfigContext {
    /// The body `find` answered (JSON text; `""` or `null` when nothing is stored yet).
    pub current: Option<String>,
    /// The server's version (`GET /` → `version`): when it names a generation, it wins over the
    /// options' profile.
    pub server_version: Option<crate::version::ServerVersion>,
    /// Whether the instance is connected to WhatsApp now (`connectionState` = `open`).
    pub instance_open: Option<bool>,
}

/// Lints a body for `endpoint` as `opts.rules.profile` (create bodies go to [`crate::lint::lint`]).
pub fn lint_config(text: &str, endpoint: Endpoint, opts: &LintOptions) -> Report {
    lint_config_in(text, endpoint, opts, &ConfigContext::default())
}

/// [`lint_config`] knowing what the server holds.
pub fn lint_config_in(text: &str, endpoint: Endpoint, opts: &LintOptions, ctx: &ConfigContext) -> Report {
    let profile = match ctx.server_version.map(|v| v.major) {
        Some(1) => Profile::V1,
        Some(2) => Profile::V2,
        _ => opts.rules.profile,
    };
    if endpoint == Endpoint::Create {
        let opts = opts.clone().with_profile(profile);
        return crate::lint::lint(text, &opts);
    }
    let parsed = syntax::parse(text);
    let mut diagnostics = parsed.diagnostics;
    if let Some(root) = &parsed.root {
        diagnostics.extend(rules::check(text, root, endpoint, profile, ctx));
        crate::lint::name_fields(&mut diagnostics, root, |path| endpoint.field(profile, path));
    }
    diag::sort_stable_by_key(&mut diagnostics, |d| [d.span.start, d.severity as usize, d.span.end]);
    Report { diagnostics, root: parsed.root }
}

/// Applies every fix-it, re-lints and repeats (as [`crate::lint::fix_all`]). Returns the text and
/// the number of fixes applied.
pub fn fix_all_config(text: &str, endpoint: Endpoint, opts: &LintOptions, ctx: &ConfigContext) -> (String, usize) {
    let mut current = text.to_owned();
    let mut total = 0;
    for _ in 0..8 {
        let report = lint_config_in(&current, endpoint, opts, ctx);
        let (next, n) = crate::lint::apply_fixes(&current, report.fixes());
        if n == 0 || next == current {
            break;
        }
        total += n;
        current = next;
    }
    (current, total)
}

/// Whether a `find` body means "nothing stored yet" (`""`, `null`, `{}`).
pub(crate) fn is_nothing(node: Option<&Node>) -> bool {
    match node {
        None => true,
        Some(n) => matches!(&n.kind, Kind::Null) || n.members().is_some_and(<[_]>::is_empty),
    }
}

/// The JSON Schema of a body of `endpoint` in `profile` (create: [`crate::schema::json_schema`]).
pub fn json_schema(endpoint: Endpoint, profile: Profile) -> serde_json::Value {
    if endpoint == Endpoint::Create {
        return crate::schema::json_schema(profile);
    }
    let title = format!("POST /{}/{{instance}} body — {}", endpoint.route(), profile.label());
    crate::schema::json_schema_of(endpoint.table(profile), endpoint.table(profile.other()), profile, &title)
}
