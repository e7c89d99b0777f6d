//! What the configuration routes after create share in both versions (`CONTRACT-config.md`):
//! the answer type (a 2.3.6 sink may answer with an empty body), the server switches, the
//! JSON-schema step as the `jsonschema` package reports it, the live checks the sandbox can never
//! pass (an outside proxy test, an outside Chatwoot).
//! The behaviour itself is in [`crate::config_v1`] (1.8.2) and [`crate::config_v2`] (2.3.6).

use serde_json::{json, Value};

use crate::evolution::{error_reply, Config};

/// A configuration route's body: JSON, or nothing at all (2.3.6 sinks switched off answer
/// `res.json(undefined)`: an empty body).
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Json(Value),
    Empty,
}

/// Status and body.
pub type ConfigReply = (u16, Body);

pub(crate) fn ok(status: u16, v: Value) -> ConfigReply {
    (status, Body::Json(v))
}

pub(crate) fn err(status: u16, message: Value) -> ConfigReply {
    let (s, v) = error_reply(status, message);
    (s, Body::Json(v))
}

/// 400 with a flat array (a controller's `BadRequestException`).
pub(crate) fn bad(message: &str) -> ConfigReply {
    err(400, json!([message]))
}

/// 500 with a string message (an uncaught error).
pub(crate) fn crash(message: &str) -> ConfigReply {
    err(500, json!(message))
}

/// The event sinks a server can switch on (`WEBSOCKET_ENABLED`, `RABBITMQ_ENABLED`, `SQS_ENABLED`,
/// and in 2.x `NATS_ENABLED`, `KAFKA_ENABLED`, `PUSHER_ENABLED`). All off by default, as on the
/// recorded servers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sinks {
    pub websocket: bool,
    pub rabbitmq: bool,
    pub sqs: bool,
    pub nats: bool,
    pub kafka: bool,
    pub pusher: bool,
}

impl Sinks {
    /// Every sink name, for the CLI.
    pub const NAMES: [&'static str; 6] = ["websocket", "rabbitmq", "sqs", "nats", "kafka", "pusher"];

    pub fn on(&self, name: &str) -> bool {
        match name {
            "websocket" => self.websocket,
            "rabbitmq" => self.rabbitmq,
            "sqs" => self.sqs,
            "nats" => self.nats,
            "kafka" => self.kafka,
            "pusher" => self.pusher,
            _ => false,
        }
    }

    /// Switches `name` on; `false` for an unknown name.
    pub fn enable(&mut self, name: &str) -> bool {
        let slot = match name {
            "websocket" => &mut self.websocket,
            "rabbitmq" => &mut self.rabbitmq,
            "sqs" => &mut self.sqs,
            "nats" => &mut self.nats,
            "kafka" => &mut self.kafka,
            "pusher" => &mut self.pusher,
            _ => return false,
        };
        *slot = true;
        true
    }
}

/// JavaScript truthiness.
pub(crate) fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(_) => true,
    }
}

/// The proxy test (`https://icanhazip.com/`, once direct and once through the proxy). The
/// sandbox has no internet, like the recorded servers: it fails unless `Config::proxies_reachable`
/// (a demo switch) says otherwise, and then only for the protocols the version's agent speaks.
pub(crate) fn proxy_test_passes(cfg: &Config, protocol: Option<&Value>, agent_protocols: &[&str]) -> bool {
    cfg.proxies_reachable && protocol.and_then(Value::as_str).is_some_and(|p| agent_protocols.contains(&p))
}

/// The error Node gives when the server contacts a Chatwoot at `url` during the request (the
/// sandbox reaches none): a refused connection for an IP address, a failed DNS lookup otherwise.
pub(crate) fn chatwoot_unreachable(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("http", url));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if p.chars().all(|c| c.is_ascii_digit()) && !p.is_empty() => (h, p.to_owned()),
        _ => (authority, if scheme == "https" { "443".into() } else { "80".into() }),
    };
    if host.parse::<std::net::Ipv4Addr>().is_ok() {
        format!("connect ECONNREFUSED {host}:{port}")
    } else {
        format!("getaddrinfo EAI_AGAIN {host}")
    }
}

// ---- the JSON-schema step -------------------------------------------------------------------

/// One schema node, as the servers' `JSONSchema7` objects declare it.
#[derive(Debug)]
pub(crate) enum Ty {
    /// `{type:'boolean'}`; `true` adds `enum:[true,false]` (a second message on a type error).
    Bool(bool),
    Str,
    StrOrNull,
    Num,
    /// A free-form object (`headers`).
    AnyObject,
    StrArray,
    /// An array of strings from the list.
    Events(&'static [&'static str]),
    Obj(&'static Obj),
}

/// An object schema: `properties` (in order), `required`, and the `isNotEmpty(…)` helper's list.
#[derive(Debug)]
pub(crate) struct Obj {
    pub props: &'static [(&'static str, Ty)],
    pub required: &'static [&'static str],
    pub not_empty: &'static [&'static str],
}

/// Every violation of `schema` by `body`, worded as the servers' `dataValidate` words them
/// (`stack` with its first `instance.` removed, or the `isNotEmpty` description). Empty: it passes.
pub(crate) fn validate(body: &Value, schema: &Obj) -> Vec<String> {
    let mut out = Vec::new();
    check_obj(body, schema, "instance", &mut out);
    out.into_iter().map(|m| m.replacen("instance.", "", 1)).collect()
}

fn type_error(path: &str, ty: &str, out: &mut Vec<String>) {
    out.push(format!("{path} is not of a type(s) {ty}"));
}

fn check_obj(v: &Value, schema: &Obj, path: &str, out: &mut Vec<String>) {
    let Value::Object(m) = v else {
        return type_error(path, "object", out);
    };
    for (key, ty) in schema.props {
        if let Some(p) = m.get(*key) {
            check(p, ty, &format!("{path}.{key}"), out);
        }
    }
    for key in schema.required.iter().filter(|k| !m.contains_key(**k)) {
        out.push(format!("{path} requires property \"{key}\""));
    }
    // `if: {propertyNames: {enum: list}}, then: {properties: {k: {minLength: 1}}}`.
    if !schema.not_empty.is_empty() && m.keys().all(|k| schema.not_empty.contains(&k.as_str())) {
        for key in schema.not_empty {
            if m.get(*key).and_then(Value::as_str) == Some("") {
                out.push(format!("The \"{key}\" cannot be empty"));
            }
        }
    }
}

fn check(v: &Value, ty: &Ty, path: &str, out: &mut Vec<String>) {
    match ty {
        Ty::Bool(with_enum) if !v.is_boolean() => {
            type_error(path, "boolean", out);
            if *with_enum {
                out.push(format!("{path} is not one of enum values: true,false"));
            }
        }
        Ty::Str if !v.is_string() => type_error(path, "string", out),
        Ty::StrOrNull if !(v.is_string() || v.is_null()) => type_error(path, "string,null", out),
        Ty::Num if !v.is_number() => type_error(path, "number", out),
        Ty::AnyObject if !v.is_object() => type_error(path, "object", out),
        Ty::StrArray | Ty::Events(_) => {
            let Value::Array(items) = v else { return type_error(path, "array", out) };
            for (i, item) in items.iter().enumerate() {
                if !item.is_string() {
                    type_error(&format!("{path}[{i}]"), "string", out);
                }
                if let Ty::Events(list) = ty {
                    if !item.as_str().is_some_and(|s| list.contains(&s)) {
                        out.push(format!("{path}[{i}] is not one of enum values: {}", list.join(",")));
                    }
                }
            }
        }
        Ty::Obj(schema) => check_obj(v, schema, path, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreachable_chatwoot_texts() {
        assert_eq!(chatwoot_unreachable("http://127.0.0.1:9"), "connect ECONNREFUSED 127.0.0.1:9");
        assert_eq!(chatwoot_unreachable("https://10.0.0.2/app"), "connect ECONNREFUSED 10.0.0.2:443");
        assert_eq!(chatwoot_unreachable("https://chat.example.com"), "getaddrinfo EAI_AGAIN chat.example.com");
    }
}
