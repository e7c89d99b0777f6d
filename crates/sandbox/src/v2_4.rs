//! Evolution API 2.4.0-rc2 (`--api-version 2.4`): the 2.3.6 behaviour plus what 2.4 changed, read
//! in the vendor's source (`github:evolution-foundation/evolution-api`, tag `2.4.0-rc2`). The licence
//! gate in front of every business route is [`crate::licence`]; this module holds the rest:
//!
//! - `GET /` says `version: "2.4.0"` (`package.json`), same shape as 2.3.6 (`src/api/routes/index.router.ts`).
//! - `MESSAGING_HISTORY_SET` is a new event, after `TYPEBOT_CHANGE_STATUS`: in `EventController.events`
//!   (`src/api/integrations/event/event.controller.ts`: what `"events": []` expands to, and the enum of the
//!   webhook, pusher, kafka and shared sink schemas) and in the create schema's four flat `*Events` enums
//!   (`src/validate/instance.schema.ts`).
//! - Create trims `instanceName` — in the controller, after the name guard and the schema
//!   (`InstanceController.createInstance`; 2.3.7 does not).
//! - Logging out an instance that is already `close` answers success
//!   (`InstanceController.logout`: "Instance was already disconnected") instead of 400.
//! - Delete goes on to `remove.instance` when its logout throws (`InstanceController.deleteInstance`).
//!   The sandbox's logout never throws, so nothing differs on the wire.

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::evolution::{Config, Reply};
use crate::schema_v2::EVENTS_V2;
use crate::Shared;

/// Which 2.x server the 2.x mode answers as (`Config::release`; ignored in 1.8.2 mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Release {
    /// 2.3.6 (`recorded-2.3.6.json`, `CONTRACT-v2.md`).
    #[default]
    V2_3_6,
    /// 2.4.0-rc2, with its licence gate; `activated`: a licence is active when the server starts.
    V2_4 { activated: bool },
}

impl Release {
    pub fn is_2_4(self) -> bool {
        matches!(self, Release::V2_4 { .. })
    }
}

/// The new event.
pub const MESSAGING_HISTORY_SET: &str = "MESSAGING_HISTORY_SET";

/// 2.4's 32 events, in its order: 2.3.6's with `MESSAGING_HISTORY_SET` after `TYPEBOT_CHANGE_STATUS`.
pub const EVENTS_V2_4: [&str; 32] = {
    let mut out = [""; 32];
    let mut i = 0;
    while i < EVENTS_V2.len() {
        out[if i < 26 { i } else { i + 1 }] = EVENTS_V2[i];
        i += 1;
    }
    out[26] = MESSAGING_HISTORY_SET;
    out
};

/// The create schema's flat `*Events` enum in 2.4: 2.3.6's 26 names and `MESSAGING_HISTORY_SET`.
pub const FLAT_EVENT_NAMES_V2_4: &[&str] = EVENTS_V2_4.split_at(27).0;

/// Every event the server knows (what `"events": []` expands to).
pub fn events(cfg: &Config) -> &'static [&'static str] {
    if cfg.release.is_2_4() {
        &EVENTS_V2_4
    } else {
        &EVENTS_V2
    }
}

/// The names the create schema's flat `*Events` keys accept.
pub fn flat_events(cfg: &Config) -> &'static [&'static str] {
    if cfg.release.is_2_4() {
        FLAT_EVENT_NAMES_V2_4
    } else {
        crate::schema_v2::FLAT_EVENT_NAMES
    }
}

/// JavaScript's `String.prototype.trim`: its white space (Unicode `Zs`, tab, VT, FF, BOM) and line
/// terminators — not U+0085, which Rust's `char::is_whitespace` counts.
pub fn js_trim(s: &str) -> &str {
    s.trim_matches(|c: char| c != '\u{85}' && (c.is_whitespace() || c == '\u{feff}'))
}

/// The name create goes on with after its guard and schema: trimmed in 2.4, as sent before.
pub fn created_name(cfg: &Config, name: String) -> String {
    if cfg.release.is_2_4() {
        js_trim(&name).to_owned()
    } else {
        name
    }
}

/// The offline server's `whatsappWebVersion`: Baileys' bundled version (7.0.0-rc.9, as 2.3.6's rc.6).
pub const WHATSAPP_WEB_VERSION: &str = "2.3000.1027934701";

/// `GET /` of 2.4: `manager` is built from the request's Host (`req.protocol` is `http`: the server
/// does not trust proxies, so `X-Forwarded-Proto` is not read here).
pub fn health(host: Option<&str>) -> Reply {
    (
        200,
        json!({
            "status": 200,
            "message": "Welcome to the Evolution API, it is working!",
            "version": "2.4.0",
            "clientName": "evolution",
            "manager": format!("http://{}/manager", host.unwrap_or("undefined")),
            "documentation": "https://doc.evolution-api.com",
            "whatsappWebVersion": WHATSAPP_WEB_VERSION
        }),
    )
}

// ---- the 32 events on the configuration routes ----------------------------------------------------
//
// `config_v2` and `config_schema` check and expand events with 2.3.6's fixed list. Until they take
// the list from `Config` (`events(cfg)`), 2.4 mode bridges them here: on `POST /{area}/set/{name}`
// each `MESSAGING_HISTORY_SET` is sent on as a stand-in 2.3.6 name, and put back — with `[]`
// expanded to 32 names — in the stored row and the 201; a 400's enum lists name 32 events.

/// A 2.3.6 event the bridge sends in place of `MESSAGING_HISTORY_SET` (same position, so the
/// schema's `events[i]` paths stay right).
const STAND_IN: &str = "APPLICATION_STARTUP";

/// The objects whose `events` the route's schema checks.
fn checked_keys(area: &str) -> Option<&'static [&'static str]> {
    match area {
        "webhook" => Some(&["webhook"]),
        "pusher" => Some(&["pusher"]),
        "websocket" | "rabbitmq" | "nats" | "sqs" | "kafka" => Some(&["websocket", "rabbitmq", "nats", "sqs", "kafka"]),
        _ => None,
    }
}

/// `/{area}/set/{name}` → area and the decoded name.
fn set_route(path: &str) -> Option<(&str, String)> {
    let mut parts = path.strip_prefix('/')?.split('/');
    let (area, set, name) = (parts.next()?, parts.next()?, parts.next()?);
    if set != "set" || name.is_empty() || parts.next().is_some() {
        return None;
    }
    checked_keys(area)?;
    // The name as express decodes it (evo-core reads percent-encoding the same way).
    Some((area, evo_core::builder::decode_fragment(name)?))
}

/// What the bridge changed in the route's own `events`.
#[derive(Default)]
struct Swapped {
    /// Positions of `MESSAGING_HISTORY_SET`, and the list as sent on.
    at: Vec<usize>,
    sent: Vec<Value>,
    /// `"events": []`.
    all: bool,
}

impl Swapped {
    /// Puts 2.4's events back into a stored or answered row, when it holds what was sent on.
    fn restore(&self, row: Option<&mut Value>) {
        let Some(events) = row.and_then(|r| r.get_mut("events")) else { return };
        if self.all && *events == json!(EVENTS_V2) {
            *events = json!(EVENTS_V2_4);
        } else if !self.at.is_empty() && events.as_array() == Some(&self.sent) {
            for &i in &self.at {
                events[i] = json!(MESSAGING_HISTORY_SET);
            }
        }
    }
}

/// Answers a 2.4 configuration `set` through the 2.3.6 one (see above); any other request goes on
/// untouched.
pub(crate) async fn bridge_set(sb: &Shared, req: Request, next: Next) -> Response {
    let route = set_route(req.uri().path()).map(|(a, n)| (a.to_owned(), n));
    let Some((area, name)) = route.filter(|_| req.method() == Method::POST) else { return next.run(req).await };
    if !crate::http_v2::is_json(req.headers()) {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let mut swapped = Swapped::default();
    let mut forwarded = bytes.clone();
    if let Ok(mut v @ Value::Object(_)) = serde_json::from_slice::<Value>(&bytes) {
        let mut changed = false;
        for key in checked_keys(&area).unwrap_or_default() {
            let Some(Value::Array(list)) = v.get_mut(*key).and_then(|o| o.get_mut("events")) else { continue };
            let own = *key == area;
            swapped.all |= own && list.is_empty();
            for (i, e) in list.iter_mut().enumerate() {
                if e == MESSAGING_HISTORY_SET {
                    *e = json!(STAND_IN);
                    changed = true;
                    if own {
                        swapped.at.push(i);
                    }
                }
            }
            if own {
                swapped.sent = list.clone();
            }
        }
        if changed {
            forwarded = Bytes::from(v.to_string());
        }
    }
    let mut parts = parts;
    parts.headers.remove(header::CONTENT_LENGTH);
    let resp = next.run(Request::from_parts(parts, Body::from(forwarded))).await;
    let (mut parts, body) = resp.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let out = match parts.status.as_u16() {
        400 => {
            let from = "TYPEBOT_CHANGE_STATUS,REMOVE_INSTANCE";
            let to = "TYPEBOT_CHANGE_STATUS,MESSAGING_HISTORY_SET,REMOVE_INSTANCE";
            Bytes::from(String::from_utf8_lossy(&bytes).replace(from, to))
        }
        201 if swapped.all || !swapped.at.is_empty() => {
            if let Some(inst) = sb.store_v2().instances.iter_mut().find(|i| i.name == name) {
                match area.as_str() {
                    "webhook" => swapped.restore(inst.webhook.as_mut()),
                    _ => swapped.restore(inst.configs.sinks.get_mut(&area)),
                }
            }
            match serde_json::from_slice::<Value>(&bytes) {
                Ok(mut row) => {
                    swapped.restore(Some(&mut row));
                    Bytes::from(row.to_string())
                }
                Err(_) => bytes,
            }
        }
        _ => bytes,
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_new_event_sits_after_typebot_change_status() {
        assert_eq!(EVENTS_V2_4.len(), 32);
        assert_eq!(&EVENTS_V2_4[..26], &EVENTS_V2[..26]);
        assert_eq!(EVENTS_V2_4[25..28], ["TYPEBOT_CHANGE_STATUS", MESSAGING_HISTORY_SET, "REMOVE_INSTANCE"]);
        assert_eq!(&EVENTS_V2_4[27..], &EVENTS_V2[26..]);
        assert_eq!(FLAT_EVENT_NAMES_V2_4.len(), 27);
        assert_eq!(FLAT_EVENT_NAMES_V2_4.last(), Some(&MESSAGING_HISTORY_SET));
    }

    #[test]
    fn trims_like_javascript() {
        assert_eq!(js_trim("  name \t\n"), "name");
        assert_eq!(js_trim("\u{feff}\u{a0}x\u{3000}\u{2028}"), "x");
        assert_eq!(js_trim("\u{85}x\u{85}"), "\u{85}x\u{85}", "NEL is not JavaScript white space");
        assert_eq!(js_trim(" a b "), "a b");
    }

    #[test]
    fn set_routes_and_names() {
        assert_eq!(set_route("/webhook/set/a%20b"), Some(("webhook", "a b".into())));
        assert_eq!(set_route("/rabbitmq/set/x"), Some(("rabbitmq", "x".into())));
        assert_eq!(set_route("/settings/set/x"), None);
        assert_eq!(set_route("/webhook/find/x"), None);
        assert_eq!(set_route("/webhook/set/x/"), None);
        assert_eq!(set_route("/webhook/set/%zz"), None);
    }
}
