//! `POST /chatwoot/set/{name}` and the fields `chatwoot/find` shows, as Evolution API 2.3.6 has
//! them (`CONTRACT-config.md` §5.2; `chatwoot.controller.ts`, `channel.service.ts` l.251–392).
//! The first set inserts (and drops `signDelimiter`), later ones update (omitted keys keep their
//! value); `autoCreate` contacts Chatwoot during the request (unreachable: 500 after storing).

use serde_json::{json, Map, Value};

use crate::config::{bad, chatwoot_unreachable, crash, ok, truthy, ConfigReply};
use crate::config_v2::{longer_than, too_long};
use crate::evolution::{encode_component, loose_url_ok, Config};
use crate::evolution_v2::{cuid, iso_now, Instance};

/// The columns, in the row's order, with their length limits (`None`: not a text column).
const COLUMNS: [(&str, Option<usize>); 17] = [
    ("enabled", None),
    ("accountId", Some(100)),
    ("token", Some(100)),
    ("url", Some(500)),
    ("nameInbox", Some(100)),
    ("signMsg", None),
    ("signDelimiter", Some(100)),
    ("number", Some(100)),
    ("reopenConversation", None),
    ("conversationPending", None),
    ("mergeBrazilContacts", None),
    ("importContacts", None),
    ("importMessages", None),
    ("daysLimitImportMessages", None),
    ("organization", Some(100)),
    ("logo", Some(500)),
    ("ignoreJids", None),
];

/// What `find` shows of a row (`findChatwoot`): no id, number or dates; `signDelimiter || null`;
/// `ignoreJids` always a list.
pub fn find_fields(row: &Map<String, Value>) -> Map<String, Value> {
    let mut m = Map::new();
    for (key, _) in COLUMNS.iter().filter(|(k, _)| *k != "number") {
        let v = row.get(*key).cloned().unwrap_or(Value::Null);
        let v = match *key {
            "signDelimiter" if !truthy(Some(&v)) => Value::Null,
            "ignoreJids" if !v.is_array() => json!([]),
            _ => v,
        };
        m.insert((*key).into(), v);
    }
    m
}

/// The value the database stores for `key` (an integer column truncates).
fn column_value(key: &str, v: &Value) -> Value {
    match (key, v.as_f64()) {
        ("daysLimitImportMessages", Some(f)) => json!(f.trunc() as i64),
        _ => v.clone(),
    }
}

/// The controller, then `setChatwoot`, then `autoCreate`.
pub(crate) fn set(inst: &mut Instance, cfg: &Config, mut data: Map<String, Value>) -> ConfigReply {
    if !cfg.chatwoot_enabled {
        return bad("Chatwoot is disabled");
    }
    if truthy(data.get("enabled")) {
        if !data.get("url").and_then(Value::as_str).is_some_and(loose_url_ok) {
            return bad("url is not valid");
        }
        for (key, message) in [("accountId", "accountId is required"), ("token", "token is required")] {
            if !truthy(data.get(key)) {
                return bad(message);
            }
        }
        if !data.get("signMsg").is_some_and(Value::is_boolean) {
            return bad("signMsg is required");
        }
        if data["signMsg"] == json!(false) {
            data.insert("signDelimiter".into(), Value::Null);
        }
    }
    if !truthy(data.get("nameInbox")) {
        data.insert("nameInbox".into(), json!(inst.name));
    }
    let now = iso_now();
    match inst.chatwoot.as_mut().and_then(Value::as_object_mut) {
        Some(row) => {
            if COLUMNS.iter().any(|(k, max)| max.is_some_and(|m| longer_than(&data, k, m))) {
                return too_long("this.prismaRepository.chatwoot.update()");
            }
            for (key, _) in COLUMNS {
                let v = match key {
                    "signDelimiter" if !truthy(data.get("signMsg")) => Some(Value::Null),
                    _ => data.get(key).cloned(),
                };
                if let Some(v) = v {
                    row.insert(key.into(), column_value(key, &v));
                }
            }
            row.insert("updatedAt".into(), json!(now));
        }
        None => {
            // The insert leaves `signDelimiter` out (seen: stored null, then kept by the next set).
            let written = |k: &&str| *k != "signDelimiter";
            if COLUMNS.iter().any(|(k, max)| written(k) && max.is_some_and(|m| longer_than(&data, k, m))) {
                return too_long("this.prismaRepository.chatwoot.create()");
            }
            let mut row = Map::new();
            row.insert("id".into(), json!(cuid()));
            for (key, _) in COLUMNS {
                let default = match key {
                    "mergeBrazilContacts" | "importContacts" | "importMessages" => json!(false),
                    _ => Value::Null,
                };
                let v = data.get(key).filter(|_| written(&key)).map_or(default, |v| column_value(key, v));
                row.insert(key.into(), v);
            }
            row.insert("createdAt".into(), json!(now));
            row.insert("updatedAt".into(), json!(now));
            row.insert("instanceId".into(), json!(inst.id));
            inst.chatwoot = Some(Value::Object(row));
        }
    }
    if truthy(data.get("autoCreate")) {
        return crash(&chatwoot_unreachable(data.get("url").and_then(Value::as_str).unwrap_or("")));
    }
    let url = format!("{}/chatwoot/webhook/{}", cfg.public_url, encode_component(&inst.name));
    data.insert("webhook_url".into(), json!(url));
    ok(201, Value::Object(data))
}
