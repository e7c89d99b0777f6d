//! `POST /instance/create` as Evolution API 2.3.6 answers it (`CONTRACT-v2.md` §1.1, §2, §6.1):
//! name guard (403, before the key) → key (401) → schema (400, nested array) → controller (400,
//! flat array; a failure after the instance row was saved rolls it back, and the name stays taken
//! for `Config::rollback_hold`).

use std::time::Instant;

use evo_core::connection::ConnectionState;
use serde_json::{json, Map, Value};

use crate::evolution::{encode_component, loose_url_ok, server_uuid, Config, Reply};
use crate::evolution_v2::{cuid, iso_now, Instance, Store};
pub use crate::evolution_v2_errors::{CreateError, DbProblem};
use crate::schema_v2::{integrations, schema_messages_with, EVENTS_V2};
use crate::session::{pairing_code, Session};

/// Prisma's name for a JSON value's type.
fn prisma_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "Null",
        Value::Bool(_) => "Boolean",
        Value::Number(n) if n.is_f64() => "Float",
        Value::Number(_) => "Int",
        Value::String(_) => "String",
        Value::Array(_) => "List",
        Value::Object(_) => "Object",
    }
}

/// JavaScript truthiness (a falsy sink object is skipped).
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

fn non_empty<'a>(body: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    body.get(key).and_then(Value::as_str).filter(|s| !s.is_empty())
}

/// A sink's `events`: `[]` means `all` (31; 2.4: 32); anything but an array fails like the server.
fn events_of(sink: &Value, all: &[&str]) -> Result<Value, CreateError> {
    match sink.get("events") {
        Some(Value::Array(a)) if a.is_empty() => Ok(json!(all)),
        Some(Value::Array(a)) => Ok(Value::Array(a.clone())),
        Some(Value::Null) => Err(CreateError::ReadingLength("null")),
        _ => Err(CreateError::ReadingLength("undefined")),
    }
}

/// The webhook step: nothing inside the object is validated; the database refuses what it must.
fn webhook_record(w: &Value, all: &[&str], instance_id: &str, row_saved: bool) -> Result<Value, CreateError> {
    let db = |problem| CreateError::Db { call: "this.prisma.webhook.upsert()", problem };
    let events = events_of(w, all)?;
    let url = match w.get("url") {
        None | Some(Value::Null) => return Err(db(DbProblem::Missing("url"))),
        Some(Value::String(s)) => s.clone(),
        Some(v) => {
            return Err(db(DbProblem::InvalidValue { arg: "url", expected: "String", provided: prisma_type(v) }))
        }
    };
    let mut flags = [false, false];
    for (slot, (arg, key)) in flags.iter_mut().zip([("webhookByEvents", "byEvents"), ("webhookBase64", "base64")]) {
        match w.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::Bool(b)) => *slot = *b,
            Some(v) => {
                return Err(db(DbProblem::InvalidValue { arg, expected: "Boolean or Null", provided: prisma_type(v) }))
            }
        }
    }
    if url.chars().count() > 500 {
        return Err(db(DbProblem::TooLong));
    }
    if !row_saved {
        return Err(db(DbProblem::ForeignKey("Webhook_instanceId_fkey")));
    }
    let now = iso_now();
    Ok(json!({
        "id": cuid(), "url": url, "headers": w.get("headers").cloned().unwrap_or(Value::Null),
        // `enabled` is ignored at create: always stored true (seen).
        "enabled": true, "events": events, "webhookByEvents": flags[0], "webhookBase64": flags[1],
        "createdAt": now, "updatedAt": now, "instanceId": instance_id,
    }))
}

/// Pusher is handled even when the server has it off; its credentials are required by the database.
fn pusher_check(p: &Value, row_saved: bool) -> Result<(), CreateError> {
    let db = |problem| CreateError::Db { call: "this.prisma.pusher.upsert()", problem };
    events_of(p, &EVENTS_V2)?;
    if let Some(arg) = ["appId", "key", "secret", "cluster"].into_iter().find(|k| p.get(*k).is_none_or(Value::is_null))
    {
        return Err(db(DbProblem::Missing(arg)));
    }
    if row_saved {
        Ok(())
    } else {
        Err(db(DbProblem::ForeignKey("Pusher_instanceId_fkey")))
    }
}

/// The settings step: the 201's `settings` block and the stored record.
fn settings(body: &Map<String, Value>, instance_id: &str, row_saved: bool) -> Result<(Value, Value), CreateError> {
    let db = |problem| CreateError::Db { call: "this.prismaRepository.setting.upsert()", problem };
    if !row_saved {
        return Err(db(DbProblem::ForeignKey("Setting_instanceId_fkey")));
    }
    let msg_call = body.get("msgCall").and_then(Value::as_str).unwrap_or("");
    if msg_call.chars().count() > 100 {
        return Err(db(DbProblem::TooLong));
    }
    let flag = |k: &str| body.get(k) == Some(&Value::Bool(true));
    let echo = json!({
        "rejectCall": flag("rejectCall"), "msgCall": msg_call, "groupsIgnore": flag("groupsIgnore"),
        "alwaysOnline": flag("alwaysOnline"), "readMessages": flag("readMessages"), "readStatus": flag("readStatus"),
        "syncFullHistory": flag("syncFullHistory"),
        "wavoipToken": body.get("wavoipToken").and_then(Value::as_str).unwrap_or(""),
    });
    let mut record = echo.as_object().cloned().unwrap_or_default();
    let now = iso_now();
    record.insert("id".into(), json!(cuid()));
    record.insert("createdAt".into(), json!(now));
    record.insert("updatedAt".into(), json!(now));
    record.insert("instanceId".into(), json!(instance_id));
    Ok((echo, Value::Object(record)))
}

/// The Chatwoot path (the trio is present): checks, the 201 block, and the record saved in the
/// background (silently not saved when a value is longer than its column).
fn chatwoot(inst: &mut Instance, body: &Map<String, Value>, cfg: &Config) -> Result<Value, CreateError> {
    if !cfg.chatwoot_enabled {
        return Err(CreateError::ChatwootDisabled);
    }
    let s = |k: &str| body.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
    let url = s("chatwootUrl");
    if !loose_url_ok(&url) {
        return Err(CreateError::ChatwootUrl);
    }
    let required = [
        ("chatwootSignMsg", CreateError::SignMsgRequired),
        ("chatwootReopenConversation", CreateError::ReopenRequired),
        ("chatwootConversationPending", CreateError::PendingRequired),
    ];
    if let Some((_, e)) = required.into_iter().find(|(k, _)| !body.get(*k).is_some_and(Value::is_boolean)) {
        return Err(e);
    }
    let or = |k: &str, d: Value| body.get(k).cloned().unwrap_or(d);
    let name_inbox = body
        .get("chatwootNameInbox")
        .and_then(Value::as_str)
        .map_or_else(|| inst.name.split("-cwId-").next().unwrap_or_default().to_owned(), str::to_owned);
    let mut block = json!({
        "enabled": true, "accountId": s("chatwootAccountId"), "token": s("chatwootToken"), "url": url,
        "signMsg": body["chatwootSignMsg"], "reopenConversation": body["chatwootReopenConversation"],
        "conversationPending": body["chatwootConversationPending"],
        "mergeBrazilContacts": or("chatwootMergeBrazilContacts", json!(false)),
        "importContacts": or("chatwootImportContacts", json!(true)),
        "importMessages": or("chatwootImportMessages", json!(true)),
        "daysLimitImportMessages": or("chatwootDaysLimitImportMessages", json!(60)),
        "nameInbox": name_inbox,
        "webhookUrl": format!("{}/chatwoot/webhook/{}", cfg.public_url, encode_component(&inst.name)),
    });
    if let (Some(n), Some(m)) = (body.get("number"), block.as_object_mut()) {
        m.insert("number".into(), n.clone());
    }
    let long = |k: &str, max: usize| body.get(k).and_then(Value::as_str).is_some_and(|v| v.chars().count() > max);
    let fits =
        [("chatwootAccountId", 100), ("chatwootToken", 100), ("chatwootNameInbox", 100), ("chatwootOrganization", 100)]
            .into_iter()
            .chain([("chatwootUrl", 500), ("chatwootLogo", 500)])
            .all(|(k, max)| !long(k, max));
    if fits {
        let days = block["daysLimitImportMessages"].as_f64().map_or(60, |d| d.trunc() as i64);
        let now = iso_now();
        inst.chatwoot = Some(json!({
            "id": cuid(), "enabled": true, "accountId": block["accountId"], "token": block["token"], "url": block["url"],
            "nameInbox": block["nameInbox"], "signMsg": block["signMsg"], "signDelimiter": null,
            "number": body.get("number").cloned().unwrap_or(Value::Null),
            "reopenConversation": block["reopenConversation"], "conversationPending": block["conversationPending"],
            "mergeBrazilContacts": block["mergeBrazilContacts"], "importContacts": block["importContacts"],
            "importMessages": block["importMessages"], "daysLimitImportMessages": days,
            "organization": or("chatwootOrganization", Value::Null), "logo": or("chatwootLogo", Value::Null),
            "ignoreJids": null, "createdAt": now, "updatedAt": now, "instanceId": inst.id,
        }));
    }
    Ok(block)
}

/// The echo of a nested object's keys, renamed (`{}` when absent; undefined keys left out).
fn echo(sink: Option<&Value>, keys: &[(&str, &str)]) -> Value {
    let mut m = Map::new();
    for (from, to) in keys {
        if let Some(v) = sink.and_then(|s| s.get(*from)) {
            m.insert((*to).into(), v.clone());
        }
    }
    Value::Object(m)
}

/// `POST /instance/create`. `apikey` is the header's value; `body` the parsed JSON (`{}` when none
/// or not sent as JSON).
pub fn create(store: &mut Store, cfg: &Config, apikey: Option<&str>, body: &Value, now: Instant) -> Reply {
    match run(store, cfg, apikey, body, now) {
        Ok(v) => (201, v),
        Err(e) => e.reply(),
    }
}

fn run(
    store: &mut Store,
    cfg: &Config,
    apikey: Option<&str>,
    body: &Value,
    now: Instant,
) -> Result<Value, CreateError> {
    let empty = Map::new();
    let body = body.as_object().unwrap_or(&empty);
    let name = match body.get("instanceName") {
        None => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Null) => return Err(CreateError::NameNotString(DbProblem::NotNull("name"))),
        Some(v) => {
            let provided = prisma_type(v);
            return Err(CreateError::NameNotString(DbProblem::InvalidValue {
                arg: "name",
                expected: "StringFilter or String",
                provided,
            }));
        }
    };
    if store.taken(name.as_deref(), now) {
        return Err(CreateError::NameTaken(name.unwrap_or_else(|| "undefined".into())));
    }
    if apikey != Some(cfg.global_key.as_str()) {
        return Err(CreateError::Unauthorized);
    }
    let schema = schema_messages_with(body, crate::v2_4::flat_events(cfg));
    if !schema.is_empty() {
        return Err(CreateError::Schema(schema));
    }
    let token = non_empty(body, "token");
    let sent = body.get("integration").and_then(Value::as_str);
    if sent == Some("WHATSAPP-BUSINESS") && token.is_none() {
        return Err(CreateError::TokenRequired);
    }
    let integration = *integrations().iter().find(|i| Some(**i) == sent).ok_or(CreateError::InvalidIntegration)?;
    let Some(name) = name else {
        return Err(CreateError::Db {
            call: "this.prismaRepository.instance.create()",
            problem: DbProblem::Missing("name"),
        });
    };
    // 2.4 trims the name here, after the guard: a trimmed name that is taken fails to save (unique).
    let name = crate::v2_4::created_name(cfg, name);
    // The row is saved now; a failure to save it is not reported and surfaces later (§1.1).
    let baileys = integration == "WHATSAPP-BAILEYS";
    let row_saved =
        name.chars().count() <= 255 && (baileys || !body.contains_key("status")) && !store.taken(Some(&name), now);
    let mut inst = Instance {
        name: name.clone(),
        id: server_uuid(),
        token: token.map_or_else(|| server_uuid().to_uppercase(), str::to_owned),
        integration,
        number: body.get("number").and_then(Value::as_str).map(str::to_owned),
        business_id: body.get("businessId").and_then(Value::as_str).map(str::to_owned),
        session: Session::new(if baileys { ConnectionState::Close } else { ConnectionState::Open }),
        created_at: iso_now(),
        setting: Value::Null,
        webhook: None,
        chatwoot: None,
        configs: crate::config_v2::Stored::default(),
    };
    match controller(&mut inst, body, cfg, row_saved, now) {
        Ok(answer) => {
            store.instances.push(inst);
            Ok(answer)
        }
        Err(e) => {
            // The rollback (`remove.instance`) purges by name: a trimmed name that collided takes
            // the instance that had it along (2.4).
            store.instances.retain(|i| i.name != name);
            if row_saved {
                store.held.push((name, now + cfg.rollback_hold));
            }
            Err(e)
        }
    }
}

/// The controller's steps after the instance row is saved (§1.1 step 5.3 on).
fn controller(
    inst: &mut Instance,
    body: &Map<String, Value>,
    cfg: &Config,
    row_saved: bool,
    now: Instant,
) -> Result<Value, CreateError> {
    // websocket, rabbitmq, nats, sqs and kafka are off on this server: dropped silently.
    if let Some(w) = body.get("webhook").filter(|v| truthy(v)) {
        inst.webhook = Some(webhook_record(w, crate::v2_4::events(cfg), &inst.id, row_saved)?);
    }
    if let Some(p) = body.get("pusher").filter(|v| truthy(v)) {
        pusher_check(p, row_saved)?;
    }
    if ["proxyHost", "proxyPort", "proxyProtocol"].iter().all(|k| non_empty(body, k).is_some()) {
        // The server tests the proxy against an outside service; the sandbox reaches none.
        return Err(CreateError::InvalidProxy);
    }
    let (settings_echo, record) = settings(body, &inst.id, row_saved)?;
    inst.setting = record;
    if non_empty(body, "wavoipToken").is_some() {
        return Err(CreateError::Wavoip);
    }
    let business = inst.integration == "WHATSAPP-BUSINESS";
    if business && non_empty(body, "number").is_none() {
        return Err(CreateError::NumberRequired);
    }
    let trio = ["chatwootAccountId", "chatwootToken", "chatwootUrl"].iter().all(|k| non_empty(body, k).is_some());
    let mut out = Map::new();
    if trio {
        out.insert("chatwoot".into(), chatwoot(inst, body, cfg)?);
    } else if body.get("qrcode") == Some(&Value::Bool(true)) && inst.integration == "WHATSAPP-BAILEYS" {
        inst.session.start(cfg, now);
        inst.session.pairing = non_empty(body, "number").and(inst.session.qr_code.as_ref()).map(|_| pairing_code());
        out.insert("qrcode".into(), inst.session.qr_object(inst.session.pairing.clone()));
    }
    let meta = |on: Value| if business { on } else { Value::Null };
    out.insert(
        "instance".into(),
        json!({
            "instanceName": inst.name, "instanceId": inst.id, "integration": inst.integration,
            "webhookWaBusiness": meta(json!(format!("{}/webhook/meta", cfg.public_url))),
            "accessTokenWaBusiness": if business { "evolution" } else { "" },
            "status": inst.session.state,
        }),
    );
    out.insert("hash".into(), json!(inst.token));
    let hook = [
        ("url", "webhookUrl"),
        ("headers", "webhookHeaders"),
        ("byEvents", "webhookByEvents"),
        ("base64", "webhookBase64"),
    ];
    out.insert("webhook".into(), echo(body.get("webhook"), &hook));
    for sink in ["websocket", "rabbitmq", "nats", "sqs"] {
        out.insert(sink.into(), echo(body.get(sink), &[("enabled", "enabled")]));
    }
    out.insert("settings".into(), settings_echo);
    Ok(Value::Object(out))
}
