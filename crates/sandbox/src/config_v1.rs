//! The configuration routes after create as Evolution API 1.8.2 answers them
//! (`CONTRACT-config.md`, `recorded-config.json` sections `1.8.2 …`): `POST /{area}/set/{name}` and
//! `GET /{area}/find/{name}` for settings, webhook, proxy, chatwoot, websocket, rabbitmq and sqs.
//! Plain functions over [`Store`]; no HTTP here.
//!
//! 1.8.2 keeps one file per config and **replaces** it with the body as sent (unknown keys too);
//! `find` shows a fixed projection of the file, missing keys omitted — so only `find` tells what
//! a `set` kept.

use evo_core::events::EVENTS_V1_8;
use serde_json::{json, Map, Value};

use crate::config::{bad, chatwoot_unreachable, crash, err, ok, proxy_test_passes, truthy, validate, ConfigReply};
use crate::config_schema::{CHATWOOT_V1, PROXY_V1, SETTINGS_V1, SINK_V1, WEBHOOK_V1};
use crate::evolution::{encode_component, loose_url_ok, not_found, unauthorized, Config, Instance, Store};

/// The routes 1.8.2 has (nats, kafka and pusher do not exist there: express answers 404).
pub const AREAS: [&str; 7] = ["settings", "webhook", "proxy", "chatwoot", "websocket", "rabbitmq", "sqs"];

/// One instance's config files (the Chatwoot file is `Instance::chatwoot`; SQS files live in
/// `Store::sqs_files`, by name, because a delete leaves them behind).
#[derive(Debug, Clone, Default)]
pub struct Stored {
    pub settings: Map<String, Value>,
    pub webhook: Map<String, Value>,
    pub proxy: Map<String, Value>,
    pub websocket: Map<String, Value>,
    pub rabbitmq: Map<String, Value>,
}

const SETTINGS_KEYS: [&str; 7] =
    ["reject_call", "msg_call", "groups_ignore", "always_online", "read_messages", "read_status", "sync_full_history"];
const WEBHOOK_KEYS: [&str; 5] = ["enabled", "url", "events", "webhook_by_events", "webhook_base64"];
const PROXY_KEYS: [&str; 2] = ["enabled", "proxy"];
const SINK_KEYS: [&str; 2] = ["enabled", "events"];
const CHATWOOT_KEYS: [&str; 13] = [
    "enabled",
    "account_id",
    "token",
    "url",
    "name_inbox",
    "sign_msg",
    "sign_delimiter",
    "reopen_conversation",
    "conversation_pending",
    "merge_brazil_contacts",
    "import_contacts",
    "import_messages",
    "days_limit_import_messages",
];

/// The guards, in the server's order: the instance exists (404, even with a wrong key), then the
/// key is the global one or this instance's own token (401).
fn guard(store: &Store, cfg: &Config, apikey: Option<&str>, name: &str) -> Result<usize, ConfigReply> {
    let Some(i) = store.instances.iter().position(|i| i.name == name) else {
        let (s, v) = not_found(name);
        return Err(ok(s, v));
    };
    match apikey {
        Some(k) if k == cfg.global_key || k == store.instances[i].token => Ok(i),
        _ => {
            let (s, v) = unauthorized();
            Err(ok(s, v))
        }
    }
}

/// The keys of `stored` that `find` shows, in its order; keys the file lacks are omitted.
fn project(stored: &Map<String, Value>, keys: &[&str]) -> Map<String, Value> {
    keys.iter().filter_map(|k| stored.get(*k).map(|v| ((*k).to_owned(), v.clone()))).collect()
}

/// `data.events.length` on a missing or `null` list.
pub(crate) fn reading_length(v: Option<&Value>) -> ConfigReply {
    let what = if v == Some(&Value::Null) { "null" } else { "undefined" };
    crash(&format!("Cannot read properties of {what} (reading 'length')"))
}

/// `[]` means every event; a missing list crashes.
fn expand_events(data: &mut Map<String, Value>) -> Result<(), ConfigReply> {
    match data.get("events") {
        Some(Value::Array(a)) if a.is_empty() => {
            data.insert("events".into(), json!(EVENTS_V1_8));
            Ok(())
        }
        Some(Value::Array(_)) => Ok(()),
        other => Err(reading_length(other)),
    }
}

fn chatwoot_webhook_url(cfg: &Config, name: &str) -> String {
    format!("{}/chatwoot/webhook/{}", cfg.public_url, encode_component(name))
}

/// What `chatwoot/find` shows of the stored file (`sign_delimiter` is always there: `|| null`).
fn chatwoot_projection(inst: &Instance) -> Map<String, Value> {
    let empty = Map::new();
    let stored = inst.chatwoot.as_ref().and_then(Value::as_object).unwrap_or(&empty);
    let mut m = project(stored, &CHATWOOT_KEYS);
    let delimiter = stored.get("sign_delimiter").filter(|v| truthy(Some(v))).cloned().unwrap_or(Value::Null);
    m.insert("sign_delimiter".into(), delimiter);
    // Back in the server's key order.
    CHATWOOT_KEYS.iter().filter_map(|k| m.remove(*k).map(|v| ((*k).to_owned(), v))).collect()
}

/// The listing's `chatwoot`: shown only while enabled (recorded: #66 vs #78).
pub fn chatwoot_listing(inst: &Instance, cfg: &Config) -> Option<Value> {
    let mut m = chatwoot_projection(inst);
    if !truthy(m.get("enabled")) {
        return None;
    }
    m.insert("webhook_url".into(), json!(chatwoot_webhook_url(cfg, &inst.name)));
    Some(Value::Object(m))
}

/// `POST /{area}/set/{name}`: guards → schema (400 `[[…]]`) → the area's controller.
pub fn set(store: &mut Store, cfg: &Config, apikey: Option<&str>, area: &str, name: &str, body: &Value) -> ConfigReply {
    let i = match guard(store, cfg, apikey, name) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let schema = match area {
        "settings" => &SETTINGS_V1,
        "webhook" => &WEBHOOK_V1,
        "proxy" => &PROXY_V1,
        "chatwoot" => &CHATWOOT_V1,
        _ => &SINK_V1,
    };
    let violations = validate(body, schema);
    if !violations.is_empty() {
        return err(400, json!([violations]));
    }
    let data = body.as_object().cloned().unwrap_or_default();
    let inst = &mut store.instances[i];
    let wrap = |data: &Map<String, Value>| json!({area: {"instanceName": name, area: data}});
    match area {
        "settings" => {
            inst.configs.settings = data.clone();
            ok(201, wrap(&data))
        }
        "webhook" => webhook(inst, data).map_or_else(|e| e, |d| ok(201, wrap(&d))),
        "proxy" => proxy(inst, cfg, data).map_or_else(|e| e, |d| ok(201, wrap(&d))),
        "chatwoot" => chatwoot(inst, cfg, data),
        _ => sink(store, i, cfg, area, data).map_or_else(|e| e, |d| ok(201, wrap(&d))),
    }
}

/// The URL is checked first (even to disable; no scheme needed), `enabled` defaults to true,
/// disabling wipes the URL and events.
fn webhook(inst: &mut Instance, mut data: Map<String, Value>) -> Result<Map<String, Value>, ConfigReply> {
    if !data.get("url").and_then(Value::as_str).is_some_and(loose_url_ok) {
        return Err(bad("Invalid \"url\" property"));
    }
    if data.get("enabled").is_none_or(Value::is_null) {
        data.insert("enabled".into(), json!(true));
    }
    if truthy(data.get("enabled")) {
        expand_events(&mut data)?;
    } else {
        data.insert("url".into(), json!(""));
        data.insert("events".into(), json!([]));
    }
    inst.configs.webhook = data.clone();
    Ok(data)
}

/// Disabling drops the proxy; an enabled one is tested live first (unreachable: 400, nothing stored).
fn proxy(inst: &mut Instance, cfg: &Config, mut data: Map<String, Value>) -> Result<Map<String, Value>, ConfigReply> {
    if !truthy(data.get("enabled")) {
        data.insert("proxy".into(), Value::Null);
    }
    if truthy(data.get("proxy")) {
        // The agent is always an HTTP(S) proxy agent.
        let protocol = data["proxy"].get("protocol");
        if !proxy_test_passes(cfg, protocol, &["http", "https"]) {
            return Err(bad("Invalid proxy"));
        }
    }
    inst.configs.proxy = data.clone();
    Ok(data)
}

/// Checks when enabled, wipes when disabled, stores, then — with `auto_create` — contacts
/// Chatwoot during the request: unreachable gives 500 although the config is stored.
fn chatwoot(inst: &mut Instance, cfg: &Config, mut data: Map<String, Value>) -> ConfigReply {
    if truthy(data.get("enabled")) {
        let url = data.get("url").and_then(Value::as_str).unwrap_or("");
        if !loose_url_ok(url) {
            return bad("url is not valid");
        }
        for (key, message) in [("account_id", "account_id is required"), ("token", "token is required")] {
            if !truthy(data.get(key)) {
                return bad(message);
            }
        }
        if !data.get("sign_msg").is_some_and(Value::is_boolean) {
            return bad("sign_msg is required");
        }
        if data["sign_msg"] == json!(false) {
            data.insert("sign_delimiter".into(), Value::Null);
        }
    } else {
        let wiped = json!({
            "account_id": "", "token": "", "url": "", "sign_msg": false, "sign_delimiter": null,
            "reopen_conversation": false, "conversation_pending": false, "import_contacts": false,
            "import_messages": false, "merge_brazil_contacts": false, "days_limit_import_messages": 0,
            "auto_create": false, "name_inbox": "",
        });
        for (k, v) in wiped.as_object().into_iter().flatten() {
            data.insert(k.clone(), v.clone());
        }
    }
    if !truthy(data.get("name_inbox")) {
        data.insert("name_inbox".into(), json!(inst.name));
    }
    inst.chatwoot = Some(Value::Object(data.clone()));
    if truthy(data.get("auto_create")) {
        return crash(&chatwoot_unreachable(data.get("url").and_then(Value::as_str).unwrap_or("")));
    }
    data.insert("webhook_url".into(), json!(chatwoot_webhook_url(cfg, &inst.name)));
    ok(201, Value::Object(data))
}

/// websocket, rabbitmq, sqs: disabled means every event (not `[]`); stored whatever the server
/// has switched on. RabbitMQ and SQS then set up their queues: with the integration off that
/// fails with 500 — after storing.
fn sink(
    store: &mut Store,
    i: usize,
    cfg: &Config,
    area: &str,
    mut data: Map<String, Value>,
) -> Result<Map<String, Value>, ConfigReply> {
    if !truthy(data.get("enabled")) {
        data.insert("events".into(), json!([]));
    }
    expand_events(&mut data)?;
    let name = store.instances[i].name.clone();
    let configs = &mut store.instances[i].configs;
    match area {
        "websocket" => configs.websocket = data.clone(),
        "rabbitmq" => configs.rabbitmq = data.clone(),
        _ => {
            store.sqs_files.insert(name, data.clone());
        }
    }
    match area {
        "rabbitmq" if !cfg.sinks.rabbitmq => Err(crash("Cannot read properties of null (reading 'assertExchange')")),
        "sqs" if !cfg.sinks.sqs => Err(crash("Cannot read properties of undefined (reading 'createQueue')")),
        _ => Ok(data),
    }
}

/// `GET /{area}/find/{name}`: the projection of the stored file (`{}` when there is none).
pub fn find(store: &mut Store, cfg: &Config, apikey: Option<&str>, area: &str, name: &str) -> ConfigReply {
    let i = match guard(store, cfg, apikey, name) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let inst = &store.instances[i];
    let c = &inst.configs;
    let m = match area {
        "settings" => project(&c.settings, &SETTINGS_KEYS),
        "webhook" => project(&c.webhook, &WEBHOOK_KEYS),
        "proxy" => project(&c.proxy, &PROXY_KEYS),
        "websocket" => project(&c.websocket, &SINK_KEYS),
        "rabbitmq" => project(&c.rabbitmq, &SINK_KEYS),
        "sqs" => store.sqs_files.get(name).map(|f| project(f, &SINK_KEYS)).unwrap_or_default(),
        _ => {
            let mut m = chatwoot_projection(inst);
            m.insert("webhook_url".into(), json!(chatwoot_webhook_url(cfg, name)));
            m
        }
    };
    ok(200, Value::Object(m))
}
