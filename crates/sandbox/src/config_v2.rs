//! The configuration routes after create as Evolution API 2.3.6 answers them
//! (`CONTRACT-config.md`, `recorded-config.json` sections `2.3.6 …`): `POST /{area}/set/{name}` and
//! `GET /{area}/find/{name}` for settings, webhook, proxy, chatwoot (in `config_v2_chatwoot`),
//! websocket, rabbitmq, sqs, nats, kafka and pusher. Plain functions over [`Store`]; no HTTP here.
//!
//! 2.3.6 keeps database rows and **merges** (Prisma `upsert` with `undefined` for omitted keys),
//! except `events`, which every set overwrites.

use std::collections::BTreeMap;
use std::time::Instant;

use serde_json::{json, Map, Value};

use crate::config::{bad, crash, err, ok, proxy_test_passes, truthy, validate, Body, ConfigReply};
use crate::config_schema::{EVENTS_V2_SCHEMA, PROXY_V2, PUSHER_V2, SETTINGS_V2, WEBHOOK_V2};
use crate::evolution::Config;
use crate::evolution_v2::{cuid, iso_now, lookup, Instance, Store};
use crate::evolution_v2_errors::{db_text, DbProblem};
use crate::schema_v2::EVENTS_V2;

/// The routes 2.3.6 has.
pub const AREAS: [&str; 10] =
    ["settings", "webhook", "proxy", "chatwoot", "websocket", "rabbitmq", "sqs", "nats", "kafka", "pusher"];

/// One instance's proxy and event-sink rows (settings, webhook and Chatwoot are fields of
/// [`Instance`] since create writes them).
#[derive(Debug, Clone, Default)]
pub struct Stored {
    /// The proxy row the database has.
    pub proxy: Option<Value>,
    /// `proxy/set` answers before its write: the rows still on their way, with when they land.
    pub proxy_writes: Vec<(Instant, Value)>,
    /// websocket, rabbitmq, sqs, nats, kafka and pusher rows, by name.
    pub sinks: BTreeMap<String, Value>,
}

impl Stored {
    /// The proxy row as the database shows it at `now`.
    pub fn proxy_row(&self, now: Instant) -> Value {
        let landed = self.proxy_writes.iter().rev().find(|(at, _)| *at <= now).map(|(_, row)| row);
        landed.or(self.proxy.as_ref()).cloned().unwrap_or(Value::Null)
    }

    /// A sink's row, or `null`.
    pub fn sink(&self, name: &str) -> Value {
        self.sinks.get(name).cloned().unwrap_or(Value::Null)
    }
}

/// `POST /{area}/set/{name}`: guards (404 before the key, 401) → schema (400 `[[…]]`) → the
/// area's controller.
pub fn set(
    store: &mut Store,
    cfg: &Config,
    apikey: Option<&str>,
    area: &str,
    name: &str,
    body: &Value,
    now: Instant,
) -> ConfigReply {
    let inst = match lookup(store, cfg, apikey, name) {
        Ok(i) => i,
        Err(e) => {
            let (s, v) = e.reply();
            return ok(s, v);
        }
    };
    let schema = match area {
        "settings" => &SETTINGS_V2,
        "webhook" => &WEBHOOK_V2,
        "proxy" => &PROXY_V2,
        "chatwoot" => &crate::config_schema::CHATWOOT_V2,
        "pusher" => &PUSHER_V2,
        _ => &EVENTS_V2_SCHEMA,
    };
    let violations = validate(body, schema);
    if !violations.is_empty() {
        return err(400, json!([violations]));
    }
    let data = body.as_object().cloned().unwrap_or_default();
    match area {
        "settings" => settings(inst, data),
        "webhook" => webhook(inst, data),
        "proxy" => proxy(inst, cfg, data, now),
        "chatwoot" => crate::config_v2_chatwoot::set(inst, cfg, data),
        "pusher" => pusher(inst, data),
        _ => event_sink(inst, cfg, area, data),
    }
}

/// A Prisma "value too long" failure: 500 with the database text.
pub(crate) fn too_long(call: &str) -> ConfigReply {
    crash(&db_text(call, &DbProblem::TooLong))
}

pub(crate) fn longer_than(data: &Map<String, Value>, key: &str, max: usize) -> bool {
    data.get(key).and_then(Value::as_str).is_some_and(|s| s.chars().count() > max)
}

/// An `upsert`: keys present in `data` overwrite the row's, the others keep their value.
fn merge_into(row: &mut Map<String, Value>, data: &Map<String, Value>, keys: &[(&str, &str)]) {
    for (from, to) in keys {
        if let Some(v) = data.get(*from) {
            row.insert((*to).into(), v.clone());
        }
    }
}

/// A new row with `id`, the given fields, then `createdAt`, `updatedAt` and `instanceId`.
fn new_row(inst: &Instance, fields: Value) -> Map<String, Value> {
    let mut row = Map::new();
    row.insert("id".into(), json!(cuid()));
    row.extend(fields.as_object().cloned().unwrap_or_default());
    let now = iso_now();
    row.insert("createdAt".into(), json!(now));
    row.insert("updatedAt".into(), json!(now));
    row.insert("instanceId".into(), json!(inst.id));
    row
}

fn touch(row: &mut Map<String, Value>) {
    row.insert("updatedAt".into(), json!(iso_now()));
}

const SETTING_KEYS: [&str; 8] = [
    "rejectCall",
    "msgCall",
    "groupsIgnore",
    "alwaysOnline",
    "readMessages",
    "readStatus",
    "syncFullHistory",
    "wavoipToken",
];

/// Merge; `msgCall`/`wavoipToken` over 100 characters fail in the database (nothing stored); a
/// non-empty `wavoipToken` then restarts the WhatsApp socket, which a never-connected instance does
/// not have: 500 — after storing.
fn settings(inst: &mut Instance, data: Map<String, Value>) -> ConfigReply {
    if longer_than(&data, "msgCall", 100) || longer_than(&data, "wavoipToken", 100) {
        return too_long("this.prismaRepository.setting.upsert()");
    }
    let keys: Vec<(&str, &str)> = SETTING_KEYS.iter().map(|k| (*k, *k)).collect();
    match inst.setting.as_object_mut() {
        Some(row) => {
            merge_into(row, &data, &keys);
            touch(row);
        }
        None => {
            let defaults = json!({"rejectCall": false, "msgCall": "", "groupsIgnore": false, "alwaysOnline": false,
                "readMessages": false, "readStatus": false, "syncFullHistory": false, "wavoipToken": ""});
            let mut row = new_row(inst, defaults);
            merge_into(&mut row, &data, &keys);
            inst.setting = Value::Object(row);
        }
    }
    if truthy(data.get("wavoipToken")) && inst.session.state == evo_core::connection::ConnectionState::Close {
        return crash("Cannot read properties of undefined (reading 'ws')");
    }
    ok(201, json!({"settings": {"instanceName": inst.name, "settings": data}}))
}

/// `enabled:true` needs `events` (`[]` = all 31); disabling stores `events: []` and keeps the rest.
/// No URL check at all. 201 = the row.
fn events_for(sink: &mut Map<String, Value>) -> Result<(), ConfigReply> {
    if !truthy(sink.get("enabled")) {
        sink.insert("events".into(), json!([]));
        return Ok(());
    }
    match sink.get("events") {
        Some(Value::Array(a)) if a.is_empty() => {
            sink.insert("events".into(), json!(EVENTS_V2));
            Ok(())
        }
        Some(Value::Array(_)) => Ok(()),
        other => Err(crate::config_v1::reading_length(other)),
    }
}

fn webhook(inst: &mut Instance, data: Map<String, Value>) -> ConfigReply {
    let mut w = data.get("webhook").and_then(Value::as_object).cloned().unwrap_or_default();
    if let Err(e) = events_for(&mut w) {
        return e;
    }
    if longer_than(&w, "url", 500) {
        return too_long("this.prisma.webhook.upsert()");
    }
    let always = [("enabled", "enabled"), ("events", "events"), ("url", "url")];
    let optional = [("headers", "headers"), ("base64", "webhookBase64"), ("byEvents", "webhookByEvents")];
    let row = match inst.webhook.as_mut().and_then(Value::as_object_mut) {
        Some(row) => {
            merge_into(row, &w, &always);
            merge_into(row, &w, &optional);
            touch(row);
            row.clone()
        }
        None => {
            let fields = json!({"url": w.get("url"), "headers": w.get("headers"), "enabled": w.get("enabled"),
                "events": w.get("events"), "webhookByEvents": w.get("byEvents").unwrap_or(&json!(false)),
                "webhookBase64": w.get("base64").unwrap_or(&json!(false))});
            let row = new_row(inst, fields);
            inst.webhook = Some(Value::Object(row.clone()));
            row
        }
    };
    ok(201, Value::Object(row))
}

const PROXY_KEYS: [&str; 6] = ["enabled", "host", "port", "protocol", "username", "password"];

/// Disabling wipes host, port, protocol and credentials to `""`; a host is tested live (the
/// sandbox reaches nothing: 400 `Invalid proxy`). The 201 is sent before the database write, which
/// lands `Config::proxy_write_delay` later (and silently never, when a value is too long).
fn proxy(inst: &mut Instance, cfg: &Config, mut data: Map<String, Value>, now: Instant) -> ConfigReply {
    if !truthy(data.get("enabled")) {
        for k in ["host", "port", "protocol", "username", "password"] {
            data.insert(k.into(), json!(""));
        }
    }
    if truthy(data.get("host")) && !proxy_test_passes(cfg, data.get("protocol"), &["http", "socks"]) {
        return bad("Invalid proxy");
    }
    let answer = ok(201, json!({"proxy": {"instanceName": inst.name, "proxy": data}}));
    if PROXY_KEYS.iter().any(|k| longer_than(&data, k, 100)) {
        return answer;
    }
    let c = &mut inst.configs;
    // Writes that have landed become the row.
    if let Some(last) = c.proxy_writes.iter().rposition(|(at, _)| *at <= now) {
        c.proxy = Some(c.proxy_writes[last].1.clone());
        c.proxy_writes.drain(..=last);
    }
    let keys: Vec<(&str, &str)> = PROXY_KEYS.iter().map(|k| (*k, *k)).collect();
    let latest = c.proxy_writes.last().map(|(_, r)| r).or(c.proxy.as_ref()).and_then(Value::as_object).cloned();
    let row = match latest {
        Some(mut row) => {
            merge_into(&mut row, &data, &keys);
            touch(&mut row);
            row
        }
        None => {
            let fields: Map<String, Value> =
                PROXY_KEYS.iter().map(|k| ((*k).to_owned(), data.get(*k).cloned().unwrap_or(Value::Null))).collect();
            new_row(inst, Value::Object(fields))
        }
    };
    let c = &mut inst.configs;
    if cfg.proxy_write_delay.is_zero() {
        c.proxy = Some(Value::Object(row));
    } else {
        c.proxy_writes.push((now + cfg.proxy_write_delay, Value::Object(row)));
    }
    answer
}

/// websocket, rabbitmq, sqs, nats, kafka: with the integration off the server answers 201 with an
/// empty body and stores nothing (after the schema, which does not require the outer key).
fn event_sink(inst: &mut Instance, cfg: &Config, area: &str, data: Map<String, Value>) -> ConfigReply {
    if !cfg.sinks.on(area) {
        return (201, Body::Empty);
    }
    let Some(mut sink) = data.get(area).and_then(Value::as_object).cloned() else {
        return crash("Cannot set properties of undefined (setting 'events')");
    };
    if let Err(e) = events_for(&mut sink) {
        return e;
    }
    let keys = [("enabled", "enabled"), ("events", "events")];
    let row = match inst.configs.sinks.get_mut(area).and_then(Value::as_object_mut) {
        Some(row) => {
            merge_into(row, &sink, &keys);
            touch(row);
            row.clone()
        }
        None => new_row(inst, json!({"enabled": sink.get("enabled"), "events": sink.get("events")})),
    };
    inst.configs.sinks.insert(area.into(), Value::Object(row.clone()));
    ok(201, Value::Object(row))
}

const PUSHER_KEYS: [&str; 7] = ["enabled", "appId", "key", "secret", "cluster", "useTLS", "events"];

/// Pusher has no switch check on `set`: stored (secret in clear in the answer) even when the
/// server has Pusher off — but `find` checks it.
fn pusher(inst: &mut Instance, data: Map<String, Value>) -> ConfigReply {
    let mut p = data.get("pusher").and_then(Value::as_object).cloned().unwrap_or_default();
    if let Err(e) = events_for(&mut p) {
        return e;
    }
    let keys: Vec<(&str, &str)> = PUSHER_KEYS.iter().map(|k| (*k, *k)).collect();
    let row = match inst.configs.sinks.get_mut("pusher").and_then(Value::as_object_mut) {
        Some(row) => {
            merge_into(row, &p, &keys);
            touch(row);
            row.clone()
        }
        None => {
            let fields: Map<String, Value> =
                PUSHER_KEYS.iter().map(|k| ((*k).to_owned(), p.get(*k).cloned().unwrap_or(Value::Null))).collect();
            new_row(inst, Value::Object(fields))
        }
    };
    inst.configs.sinks.insert("pusher".into(), Value::Object(row.clone()));
    ok(201, Value::Object(row))
}

/// `GET /{area}/find/{name}`: the row, `null` when there is none, or an empty body for a sink the
/// server has switched off.
pub fn find(
    store: &mut Store,
    cfg: &Config,
    apikey: Option<&str>,
    area: &str,
    name: &str,
    now: Instant,
) -> ConfigReply {
    let answer = match area {
        "settings" => crate::evolution_v2::settings_find(store, cfg, apikey, name),
        "webhook" => crate::evolution_v2::webhook_find(store, cfg, apikey, name),
        "chatwoot" => crate::evolution_v2::chatwoot_find(store, cfg, apikey, name),
        _ => match lookup(store, cfg, apikey, name) {
            Ok(_) if area != "proxy" && !cfg.sinks.on(area) => return (200, Body::Empty),
            Ok(inst) if area == "proxy" => Ok(inst.configs.proxy_row(now)),
            Ok(inst) => Ok(inst.configs.sink(area)),
            Err(e) => Err(e),
        },
    };
    let (s, v) = crate::evolution_v2::into_reply(answer);
    ok(s, v)
}
