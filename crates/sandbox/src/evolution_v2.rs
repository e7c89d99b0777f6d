//! The Evolution API 2.3.6 behaviour, as plain functions over an in-memory store: no HTTP here.
//! Create is in `evolution_v2_create` ([`create`]); this module holds the store, the instance routes
//! and the records they answer. Every rule cites `CONTRACT-v2.md` (§7) and `recorded-2.3.6.json`.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use evo_core::connection::ConnectionState;
use serde_json::{json, Value};

use crate::evolution::{encode_component, error_reply, random_bytes, Config, Reply};
pub use crate::evolution_v2_create::{create, CreateError, DbProblem};
use crate::session::{Connected, Session};

/// One v2 instance, as the server's database and its WhatsApp connection hold it.
#[derive(Debug, Clone)]
pub struct Instance {
    pub name: String,
    pub id: String,
    pub token: String,
    /// `WHATSAPP-BAILEYS`, `WHATSAPP-BUSINESS` or `EVOLUTION`.
    pub integration: &'static str,
    pub number: Option<String>,
    pub business_id: Option<String>,
    /// The live connection; its state is also the stored `connectionStatus`.
    pub session: Session,
    pub created_at: String,
    /// The stored `Setting` record.
    pub setting: Value,
    /// The stored webhook record (`GET /webhook/find`), if any.
    pub webhook: Option<Value>,
    /// The stored Chatwoot record (the listing's `Chatwoot`), if any.
    pub chatwoot: Option<Value>,
    /// The proxy and event-sink records (`crate::config_v2`).
    pub configs: crate::config_v2::Stored,
}

#[derive(Debug, Default)]
pub struct Store {
    /// In creation order.
    pub instances: Vec<Instance>,
    /// Names of rolled-back creates and when they become free again (the real rollback is not
    /// instant: re-sending the name within ~0.3 s gets 403, seen).
    pub held: Vec<(String, Instant)>,
}

impl Store {
    pub fn find(&self, name: &str) -> Option<&Instance> {
        self.instances.iter().find(|i| i.name == name)
    }

    /// The create guard's lookup. `None` (no `instanceName` sent) has no filter and matches
    /// any instance, rolled-back ones included.
    pub fn taken(&mut self, name: Option<&str>, now: Instant) -> bool {
        self.held.retain(|(_, until)| *until > now);
        match name {
            Some(n) => self.find(n).is_some() || self.held.iter().any(|(h, _)| h == n),
            None => !self.instances.is_empty() || !self.held.is_empty(),
        }
    }
}

/// Why an instance route refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstanceError {
    /// 404 `The "x" instance does not exist` — checked before the key.
    NotFound(String),
    /// 401: no key, or neither the global key nor this instance's token.
    Unauthorized,
    /// 400 on logout while the state is `close`.
    NotConnected(String),
    /// 404 of `fetchInstances?instanceName=`.
    FetchNotFound(String),
    /// 400 of the test-only scan when the instance shows no QR.
    NotWaitingForScan(String),
    /// 400 of the Chatwoot routes on a server with `CHATWOOT_ENABLED=false`.
    ChatwootDisabled,
}

impl InstanceError {
    pub fn reply(&self) -> Reply {
        match self {
            InstanceError::NotFound(n) => error_reply(404, json!([format!("The \"{n}\" instance does not exist")])),
            InstanceError::Unauthorized => crate::evolution::unauthorized(),
            InstanceError::NotConnected(n) => {
                error_reply(400, json!([format!("The \"{n}\" instance is not connected")]))
            }
            InstanceError::FetchNotFound(n) => error_reply(404, json!([format!("Instance \"{n}\" not found")])),
            InstanceError::NotWaitingForScan(n) => {
                error_reply(400, json!([format!("The \"{n}\" instance is not waiting for a scan")]))
            }
            InstanceError::ChatwootDisabled => error_reply(400, json!(["Chatwoot is disabled"])),
        }
    }
}

/// A route's answer: 200 with a body, or an error.
pub type Answer = Result<Value, InstanceError>;

pub fn into_reply(answer: Answer) -> Reply {
    answer.map_or_else(|e| e.reply(), |v| (200, v))
}

/// A Prisma-style record id (`c` + 24 lower-case letters and digits).
pub fn cuid() -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let tail: String = random_bytes::<24>().iter().map(|b| char::from(ALPHABET[usize::from(*b) % 36])).collect();
    format!("c{tail}")
}

/// Now as the database shows it: `2026-11-26T03:42:43.752Z`.
pub fn iso_now() -> String {
    let ms = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis());
    let (days, rem) = ((ms / 86_400_000) as i64, ms % 86_400_000);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let (h, min, s, milli) = (rem / 3_600_000, rem / 60_000 % 60, rem / 1000 % 60, rem % 1000);
    format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}.{milli:03}Z")
}

/// `GET /`: no key needed.
pub fn health(cfg: &Config) -> Reply {
    (
        200,
        json!({
            "status": 200,
            "message": "Welcome to the Evolution API, it is working!",
            "version": "2.3.6",
            "clientName": "evolution",
            "manager": format!("{}/manager", cfg.public_url),
            "documentation": "https://doc.evolution-api.com",
            "whatsappWebVersion": "2.3000.1027934701"
        }),
    )
}

/// Finds `name` for a `/{name}` route: unknown → 404 before the key is looked at; then the global
/// key, or this instance's own token.
pub(crate) fn lookup<'a>(
    store: &'a mut Store,
    cfg: &Config,
    apikey: Option<&str>,
    name: &str,
) -> Result<&'a mut Instance, InstanceError> {
    let inst =
        store.instances.iter_mut().find(|i| i.name == name).ok_or_else(|| InstanceError::NotFound(name.into()))?;
    match apikey {
        Some(k) if k == cfg.global_key || k == inst.token => Ok(inst),
        _ => Err(InstanceError::Unauthorized),
    }
}

fn state_body(inst: &Instance, state: ConnectionState) -> Value {
    json!({"instance": {"instanceName": inst.name, "state": state}})
}

/// `GET /instance/connectionState/{name}` (after a simulated scan: close, connecting, then open).
pub fn connection_state(store: &mut Store, cfg: &Config, apikey: Option<&str>, name: &str, now: Instant) -> Answer {
    let inst = lookup(store, cfg, apikey, name)?;
    inst.session.advance(cfg, now);
    let state = inst.session.reported_state();
    Ok(state_body(inst, state))
}

fn connected(inst: &mut Instance, cfg: &Config, number: Option<&str>, now: Instant) -> Value {
    match inst.session.connect(cfg, number, now) {
        Connected::Qr(qr) => qr,
        Connected::AlreadyOpen => state_body(inst, ConnectionState::Open),
    }
}

/// `GET /instance/connect/{name}[?number=]` (§6.2): starts connecting or answers the current QR;
/// an open instance answers its state.
pub fn connect(
    store: &mut Store,
    cfg: &Config,
    apikey: Option<&str>,
    name: &str,
    number: Option<&str>,
    now: Instant,
) -> Answer {
    let inst = lookup(store, cfg, apikey, name)?;
    Ok(connected(inst, cfg, number, now))
}

/// `POST /instance/restart/{name}`: a closed instance fails with a 200 `{"error":true,…}` (seen);
/// an open one answers its state; a connecting one starts a new QR session.
pub fn restart(store: &mut Store, cfg: &Config, apikey: Option<&str>, name: &str, now: Instant) -> Answer {
    let inst = lookup(store, cfg, apikey, name)?;
    inst.session.advance(cfg, now);
    match inst.session.state {
        ConnectionState::Close => Ok(json!({"error": true, "message": "[object Object]"})),
        ConnectionState::Open => Ok(state_body(inst, ConnectionState::Open)),
        _ => {
            inst.session.close();
            Ok(connected(inst, cfg, None, now))
        }
    }
}

fn success(message: &str) -> Value {
    json!({"status": "SUCCESS", "error": false, "response": {"message": message}})
}

/// `DELETE /instance/logout/{name}` (400 when the state is `close`, seen; 2.4: success).
pub fn logout(store: &mut Store, cfg: &Config, apikey: Option<&str>, name: &str, now: Instant) -> Answer {
    let inst = lookup(store, cfg, apikey, name)?;
    inst.session.advance(cfg, now);
    if inst.session.state == ConnectionState::Close && cfg.release.is_2_4() {
        return Ok(success("Instance was already disconnected"));
    }
    if inst.session.state == ConnectionState::Close {
        return Err(InstanceError::NotConnected(name.into()));
    }
    inst.session.close();
    Ok(success("Instance logged out"))
}

/// `DELETE /instance/delete/{name}`: logs out first when connected (2.x), then deletes. The name
/// is free at once.
pub fn delete(store: &mut Store, cfg: &Config, apikey: Option<&str>, name: &str) -> Answer {
    lookup(store, cfg, apikey, name)?.session.close();
    store.instances.retain(|i| i.name != name);
    Ok(success("Instance deleted"))
}

/// One flat record of `fetchInstances`.
pub fn listing(inst: &Instance) -> Value {
    json!({
        "id": inst.id, "name": inst.name, "connectionStatus": inst.session.state,
        "ownerJid": null, "profileName": null, "profilePicUrl": null,
        "integration": inst.integration, "number": inst.number, "businessId": inst.business_id,
        "token": inst.token, "clientName": "evolution",
        "disconnectionReasonCode": null, "disconnectionObject": null, "disconnectionAt": null,
        "createdAt": inst.created_at, "updatedAt": inst.created_at,
        "Chatwoot": inst.chatwoot, "Proxy": inst.configs.proxy_row(Instant::now()),
        "Rabbitmq": inst.configs.sink("rabbitmq"), "Nats": inst.configs.sink("nats"),
        "Sqs": inst.configs.sink("sqs"), "Websocket": inst.configs.sink("websocket"),
        "Setting": inst.setting,
        "_count": {"Message": 0, "Contact": 0, "Chat": 0},
    })
}

/// `GET /instance/fetchInstances[?instanceName=]`: always an array. The global key lists every
/// instance; an instance token lists the instances having that token (seen).
pub fn fetch_instances(store: &Store, cfg: &Config, apikey: Option<&str>, filter: Option<&str>) -> Answer {
    let key = apikey.ok_or(InstanceError::Unauthorized)?;
    let visible: Vec<&Instance> = store.instances.iter().filter(|i| key == cfg.global_key || i.token == key).collect();
    if visible.is_empty() && key != cfg.global_key {
        return Err(InstanceError::Unauthorized);
    }
    let chosen: Vec<Value> = visible.into_iter().filter(|i| filter.is_none_or(|n| i.name == n)).map(listing).collect();
    match filter {
        Some(n) if chosen.is_empty() => Err(InstanceError::FetchNotFound(n.into())),
        _ => Ok(Value::Array(chosen)),
    }
}

/// `GET /webhook/find/{name}`: the stored record, or `null` (seen).
pub fn webhook_find(store: &mut Store, cfg: &Config, apikey: Option<&str>, name: &str) -> Answer {
    Ok(lookup(store, cfg, apikey, name)?.webhook.clone().unwrap_or(Value::Null))
}

/// `GET /settings/find/{name}`: the eight settings (not recorded; from the 2.3.6 source).
pub fn settings_find(store: &mut Store, cfg: &Config, apikey: Option<&str>, name: &str) -> Answer {
    let mut s = lookup(store, cfg, apikey, name)?.setting.clone();
    if let Some(m) = s.as_object_mut() {
        for k in ["id", "createdAt", "updatedAt", "instanceId"] {
            m.remove(k);
        }
    }
    Ok(s)
}

/// `GET /chatwoot/find/{name}`: the stored record's fields with its `webhook_url`, or the server's
/// empty answer; 400 when the server has Chatwoot off (recorded in `recorded-config.json`).
pub fn chatwoot_find(store: &mut Store, cfg: &Config, apikey: Option<&str>, name: &str) -> Answer {
    let inst = lookup(store, cfg, apikey, name)?;
    if !cfg.chatwoot_enabled {
        return Err(InstanceError::ChatwootDisabled);
    }
    Ok(match &inst.chatwoot {
        Some(Value::Object(record)) => {
            let mut m = crate::config_v2_chatwoot::find_fields(record);
            let url = format!("{}/chatwoot/webhook/{}", cfg.public_url, encode_component(name));
            m.insert("webhook_url".into(), json!(url));
            Value::Object(m)
        }
        _ => json!({"enabled": false, "url": "", "accountId": "", "token": "", "signMsg": false,
                    "nameInbox": "", "webhook_url": ""}),
    })
}

/// Test-only: the phone scanned the QR of `name`.
pub fn scan(store: &mut Store, name: &str) -> Answer {
    let inst =
        store.instances.iter_mut().find(|i| i.name == name).ok_or_else(|| InstanceError::NotFound(name.into()))?;
    if !inst.session.scan() {
        return Err(InstanceError::NotWaitingForScan(name.into()));
    }
    Ok(state_body(inst, ConnectionState::Open))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_times_look_like_the_database() {
        let id = cuid();
        assert_eq!(id.len(), 25);
        assert!(id.starts_with('c') && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
        let t = iso_now();
        assert_eq!((t.len(), &t[4..5], &t[10..11], &t[23..]), (24, "-", "T", "Z"), "{t}");
        assert!(t.as_str() > "2024-01-01");
    }
}
