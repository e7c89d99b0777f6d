//! Decoding what `POST /instance/create` answers, in every shape the contract lists:
//! the seed-era body (`webhook` string, `qrcode` without `count`), 1.8.2 (`hash.apikey`, nested
//! blocks), v2 (`hash` as a plain string), and the error envelope whose `message` is a string,
//! an array, or an array of arrays.

use serde_json::Value;

use crate::connection::ConnectionState;
use crate::fields::Profile;

/// The QR object of a create or connect answer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QrInfo {
    /// The raw pairing string (`2@…`), which any QR encoder turns into a scannable code.
    pub code: Option<String>,
    /// Normally a complete `data:image/png;base64,…` URL.
    pub base64: Option<String>,
    /// How many QR codes the session has produced; `Some(0)` with no code = no QR yet.
    pub count: Option<u64>,
    pub pairing_code: Option<String>,
}

impl QrInfo {
    /// The server answered `{"count":0}`: it has no QR yet (WhatsApp unreachable or version mismatch).
    pub fn is_pending(&self) -> bool {
        self.code.is_none() && self.base64.is_none()
    }
}

/// A decoded 201 body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Created {
    pub instance_name: Option<String>,
    pub instance_id: Option<String>,
    /// `created` on v1, the connection state on v2.
    pub status: Option<String>,
    /// The instance's own key: `hash.apikey` (v1) or `hash` (v2).
    pub instance_key: Option<String>,
    /// The webhook URL echoed back (v1.8 nested object or seed-era string).
    pub webhook: Option<String>,
    pub events: Vec<String>,
    pub chatwoot_enabled: bool,
    pub qrcode: Option<QrInfo>,
}

/// Evolution API 2.4+ not activated: `503 {"error":"service not activated","code":"LICENSE_REQUIRED",
/// "register_url":"http://HOST/manager/login","docs_url":…,"message":…}` on create, the instance
/// list, unknown paths — whatever the key.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LicenceGate {
    /// The server's own activation page.
    pub register_url: Option<String>,
    pub docs_url: Option<String>,
}

/// The error envelope `{"status": N, "error": "...", "response": {"message": M}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: Option<u16>,
    pub error: Option<String>,
    /// `message` flattened: a string, an array or an array of arrays all become a list of lines.
    pub messages: Vec<String>,
}

/// What a response body is, once read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    Created(Created),
    Error(ApiError),
    /// 2.4's licence gate: the server is not activated (every business route answers this).
    Licence(LicenceGate),
    /// Valid JSON of another shape.
    OtherJson,
    NotJson,
    Empty,
}

fn str_at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    path.iter().try_fold(v, |v, k| v.get(k))?.as_str()
}

fn string_at(v: &Value, path: &[&str]) -> Option<String> {
    str_at(v, path).map(str::to_owned)
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Flattens an error `message`: string, array of strings, or nested arrays (any depth).
pub fn flatten_messages(m: &Value) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            Value::Null => {}
            other => out.push(other.to_string()),
        }
    }
    walk(m, &mut out);
    out
}

fn decode_qr(v: &Value) -> Option<QrInfo> {
    let q = v.get("qrcode")?;
    if !q.is_object() {
        return None;
    }
    Some(QrInfo {
        code: string_at(q, &["code"]),
        base64: string_at(q, &["base64"]),
        count: q.get("count").and_then(Value::as_u64),
        pairing_code: string_at(q, &["pairingCode"]),
    })
}

fn decode_created(v: &Value) -> Created {
    let hash = v.get("hash");
    let instance_key = match hash {
        Some(Value::String(s)) => Some(s.clone()),
        Some(h) => string_at(h, &["apikey"]),
        None => None,
    };
    let (webhook, events) = match v.get("webhook") {
        Some(Value::String(s)) => (Some(s.clone()), strings(v.get("events"))),
        Some(w @ Value::Object(_)) => {
            (["webhook", "url", "webhookUrl"].iter().find_map(|k| string_at(w, &[k])), strings(w.get("events")))
        }
        _ => (None, strings(v.get("events"))),
    };
    Created {
        instance_name: string_at(v, &["instance", "instanceName"]),
        instance_id: string_at(v, &["instance", "instanceId"]),
        status: string_at(v, &["instance", "status"]),
        instance_key,
        webhook,
        events,
        chatwoot_enabled: v.get("chatwoot").and_then(|c| c.get("enabled")).and_then(Value::as_bool) == Some(true),
        qrcode: decode_qr(v),
    }
}

/// Decodes a response body. The HTTP status decides between success and error shapes.
pub fn decode(status: u16, body: &str) -> Decoded {
    if body.trim().is_empty() {
        return Decoded::Empty;
    }
    let Ok(v) = serde_json::from_str::<Value>(body) else {
        return Decoded::NotJson;
    };
    // Every create answer (seed-era, 1.8, v2) has `instance` and `hash`; connectionState and
    // fetchInstances answers have `instance` only.
    if (200..300).contains(&status) && v.get("instance").is_some_and(Value::is_object) && v.get("hash").is_some() {
        return Decoded::Created(decode_created(&v));
    }
    if status >= 400 && str_at(&v, &["code"]) == Some("LICENSE_REQUIRED") {
        // Only http(s) links are offered to the user.
        let link = |k: &str| string_at(&v, &[k]).filter(|u| u.starts_with("http://") || u.starts_with("https://"));
        return Decoded::Licence(LicenceGate { register_url: link("register_url"), docs_url: link("docs_url") });
    }
    if let Some(resp) = v.get("response") {
        return Decoded::Error(ApiError {
            status: v.get("status").and_then(Value::as_u64).and_then(|n| u16::try_from(n).ok()),
            error: string_at(&v, &["error"]),
            messages: resp.get("message").map(flatten_messages).unwrap_or_default(),
        });
    }
    if status >= 400 {
        if let Some(m) = v.get("message") {
            return Decoded::Error(ApiError {
                status: Some(status),
                error: string_at(&v, &["error"]),
                messages: flatten_messages(m),
            });
        }
    }
    Decoded::OtherJson
}

/// What `GET /instance/connect/{name}` answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnectAnswer {
    /// A QR object (possibly `{"count":0}`: none yet).
    Qr(QrInfo),
    /// `{"instance":{"state":"open"}}`: already connected.
    Open,
}

/// Decodes a connect answer (200 only).
pub fn decode_connect(body: &str) -> Option<ConnectAnswer> {
    let v: Value = serde_json::from_str(body).ok()?;
    if str_at(&v, &["instance", "state"]).map(ConnectionState::parse).is_some_and(|s| s.is_open()) {
        return Some(ConnectAnswer::Open);
    }
    let wrapped = serde_json::json!({ "qrcode": v });
    decode_qr(&wrapped).map(ConnectAnswer::Qr)
}

/// The connection state of a `connectionState` answer (`open`, `connecting`, `close`…).
pub fn decode_state(body: &str) -> Option<ConnectionState> {
    let v: Value = serde_json::from_str(body).ok()?;
    string_at(&v, &["instance", "state"]).map(|s| ConnectionState::parse(&s))
}

/// The payload field an error message is about, e.g. `events[1]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldRef {
    pub key: String,
    /// The array index, for messages like `events[1] is not one of enum values`.
    pub index: Option<usize>,
}

impl FieldRef {
    fn key(k: &str) -> Self {
        FieldRef { key: k.to_owned(), index: None }
    }
}

/// Maps a server error message back to the payload field it is about: the messages the field
/// table lists for `profile`, the name guard's, and the schema's `<path> is not …` messages.
pub fn field_of_message(profile: Profile, msg: &str) -> Option<FieldRef> {
    if let Some(f) = crate::fields::field_of_exact_message(profile, msg) {
        return Some(FieldRef::key(f.key));
    }
    if msg.starts_with("This name \"") && msg.ends_with("is already in use.") || msg.contains("The \"path\" argument") {
        return Some(FieldRef::key("instanceName"));
    }
    if let Some(k) = msg.strip_suffix(" is required") {
        return Some(FieldRef::key(k));
    }
    // Schema messages: `<path> is not of a type(s) …`, `<path> is not one of enum values: …`,
    // `<path> does not match pattern …`, where <path> is `key` or `key[i]`.
    let path = msg.split_once(" is not ").or_else(|| msg.split_once(" does not match ")).map(|(p, _)| p)?;
    let path = path.strip_prefix("instance.").unwrap_or(path);
    let (key, index) = match path.split_once('[') {
        Some((k, rest)) => (k, rest.strip_suffix(']').and_then(|i| i.parse().ok())),
        None => (path, None),
    };
    let valid = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    valid.then(|| FieldRef { key: key.to_owned(), index })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn seed_era_shape() {
        let body = json!({
            "instance": {"instanceName": "shop", "status": "created"},
            "hash": {"apikey": "K1"},
            "webhook": "https://hook", "events": ["QRCODE_UPDATED"],
            "qrcode": {"code": "2@abc", "base64": "data:image/png;base64,AAAA"}
        });
        let Decoded::Created(c) = decode(201, &body.to_string()) else { panic!() };
        assert_eq!(c.instance_name.as_deref(), Some("shop"));
        assert_eq!(c.instance_key.as_deref(), Some("K1"));
        assert_eq!(c.webhook.as_deref(), Some("https://hook"));
        assert_eq!(c.events, vec!["QRCODE_UPDATED"]);
        let q = c.qrcode.unwrap();
        assert_eq!(q.code.as_deref(), Some("2@abc"));
        assert_eq!(q.count, None);
        assert!(!q.is_pending());
    }

    #[test]
    fn v2_hash_string_and_pending_qr() {
        let body = json!({"instance": {"instanceName": "x", "instanceId": "id", "status": "connecting"}, "hash": "V2KEY", "qrcode": {"count": 0}});
        let Decoded::Created(c) = decode(201, &body.to_string()) else { panic!() };
        assert_eq!(c.instance_key.as_deref(), Some("V2KEY"));
        assert!(c.qrcode.unwrap().is_pending());
    }

    #[test]
    fn error_envelopes_flatten() {
        let nested = r#"{"status":400,"error":"Bad Request","response":{"message":[["qrcode is not of a type(s) boolean","qrcode is not one of enum values: true,false"]]}}"#;
        let Decoded::Error(e) = decode(400, nested) else { panic!() };
        assert_eq!(e.status, Some(400));
        assert_eq!(e.messages.len(), 2);
        let Decoded::Error(e) =
            decode(401, r#"{"status":401,"error":"Unauthorized","response":{"message":"Unauthorized"}}"#)
        else {
            panic!()
        };
        assert_eq!(e.messages, vec!["Unauthorized"]);
    }

    #[test]
    fn messages_map_to_fields() {
        let f = |m: &str| field_of_message(Profile::V1, m).map(|f| (f.key, f.index));
        assert_eq!(f("events[1] is not one of enum values: A,B"), Some(("events".into(), Some(1))));
        assert_eq!(f("qrcode is not of a type(s) boolean"), Some(("qrcode".into(), None)));
        assert_eq!(f("number does not match pattern \"^\\\\d+\""), Some(("number".into(), None)));
        assert_eq!(f("sign_msg is required"), Some(("chatwoot_sign_msg".into(), None)));
        assert_eq!(f("This name \"x\" is already in use."), Some(("instanceName".into(), None)));
        assert_eq!(f("C"), None);
    }

    #[test]
    fn connect_and_state_answers() {
        let q = decode_connect(r#"{"pairingCode":null,"code":"2@x","base64":"data:image/png;base64,AA","count":3}"#);
        assert_eq!(q.map(|a| matches!(a, ConnectAnswer::Qr(QrInfo { count: Some(3), .. }))), Some(true));
        assert_eq!(decode_connect(r#"{"instance":{"instanceName":"a","state":"open"}}"#), Some(ConnectAnswer::Open));
        assert!(matches!(decode_connect(r#"{"count":0}"#), Some(ConnectAnswer::Qr(q)) if q.is_pending()));
        assert_eq!(decode_connect("<html>"), None);
        assert_eq!(
            decode_state(r#"{"instance":{"instanceName":"a","state":"connecting"}}"#),
            Some(ConnectionState::Connecting)
        );
    }

    #[test]
    fn non_json_and_empty() {
        assert_eq!(decode(502, "<html>Bad gateway</html>"), Decoded::NotJson);
        assert_eq!(decode(200, "  "), Decoded::Empty);
        assert_eq!(decode(200, "[1]"), Decoded::OtherJson);
    }
}
