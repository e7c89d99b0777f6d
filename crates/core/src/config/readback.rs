//! What a save changes and what the server kept (`CONTRACT-config.md` §9): a `find` body in the
//! shape of the route's `set` body ([`body_from_find`]), the diff of a body against it before
//! sending ([`diff`]), and the read-back after ([`read_back`]). Values are compared as JSON; event
//! lists as sets, `[]` meaning every event.

use serde_json::{Map, Value};

use super::Endpoint;
use crate::fields::{Profile, Ty};

/// 2.x row columns renamed in the `set` body (`webhookByEvents` → `byEvents`).
const RENAMED: [(&str, &str); 2] = [("webhookByEvents", "byEvents"), ("webhookBase64", "base64")];

/// The object the body's fields sit in: 2.x webhook and sinks are `{"<id>": {…}}`.
fn wrapper(endpoint: Endpoint, profile: Profile) -> Option<&'static str> {
    endpoint.table(profile).iter().find(|f| f.ty == Ty::Object && f.key == endpoint.id()).map(|f| f.key)
}

/// A `find` answer as a `set` body of `endpoint` in `profile`: only the table's keys (2.x row
/// columns such as `id`, `createdAt`, Chatwoot's `webhook_url` left out), wrapped where the body
/// is. `None` when nothing is stored (empty, `null`, `{}`, not JSON).
pub fn body_from_find(find: &str, endpoint: Endpoint, profile: Profile) -> Option<Value> {
    let v: Value = serde_json::from_str(find.trim()).ok()?;
    let row = v.as_object().filter(|o| !o.is_empty())?;
    let table = endpoint.table(profile);
    let inner = wrapper(endpoint, profile);
    let prefix = inner.map(|w| format!("{w}.")).unwrap_or_default();
    let mut out = Map::new();
    for (k, val) in row {
        let k = RENAMED.iter().find(|(from, _)| from == k).map_or(k.as_str(), |(_, to)| to);
        if table.iter().any(|f| f.key == format!("{prefix}{k}")) {
            out.insert(k.to_owned(), val.clone());
        }
    }
    if out.is_empty() {
        return None;
    }
    Some(match inner {
        Some(w) => Value::Object(Map::from_iter([(w.to_owned(), Value::Object(out))])),
        None => Value::Object(out),
    })
}

/// The body's values by dotted path (objects opened, except `headers`, compared whole).
pub fn flatten(v: &Value) -> Vec<(String, Value)> {
    fn walk(prefix: &str, v: &Value, out: &mut Vec<(String, Value)>) {
        match v.as_object() {
            Some(o) if !prefix.ends_with("headers") || prefix.is_empty() => {
                for (k, x) in o {
                    let p = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                    if x.is_object() && k != "headers" {
                        walk(&p, x, out);
                    } else {
                        out.push((p, x.clone()));
                    }
                }
            }
            _ => out.push((prefix.to_owned(), v.clone())),
        }
    }
    let mut out = Vec::new();
    walk("", v, &mut out);
    out
}

/// Whether a value sent and one read back mean the same (event lists as sets; `[]` = all events).
pub fn same(key: &str, sent: &Value, found: &Value) -> bool {
    if key.ends_with("events") {
        if let (Some(a), Some(b)) = (sent.as_array(), found.as_array()) {
            if a.is_empty() {
                return true;
            }
            return a.len() == b.len() && a.iter().all(|x| b.contains(x));
        }
    }
    match (sent.as_f64(), found.as_f64()) {
        (Some(a), Some(b)) => a == b,
        _ => sent == found,
    }
}

/// What a save does to one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// Not on the server yet.
    Added,
    /// On the server with another value.
    Changed,
    /// On the server, absent from the body: 1.8.2 *replaces* the stored object, so it is wiped.
    Wiped,
    /// On the server, absent from the body: 2.x merges, so it is kept.
    Kept,
}

/// One key of the diff (values as compact JSON).
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub key: String,
    pub kind: ChangeKind,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// What sending `body` changes against `current` (the `find` in body shape, `None` = nothing
/// stored). Unchanged keys are left out.
pub fn diff(current: Option<&Value>, body: &Value, profile: Profile) -> Vec<Change> {
    let now = current.map(flatten).unwrap_or_default();
    let sent = flatten(body);
    let mut out = Vec::new();
    for (k, v) in &sent {
        match now.iter().find(|(n, _)| n == k) {
            None => {
                out.push(Change { key: k.clone(), kind: ChangeKind::Added, before: None, after: Some(v.to_string()) })
            }
            Some((_, old)) if !same(k, v, old) => out.push(Change {
                key: k.clone(),
                kind: ChangeKind::Changed,
                before: Some(old.to_string()),
                after: Some(v.to_string()),
            }),
            Some(_) => {}
        }
    }
    for (k, old) in &now {
        // An empty value (null, "") absent from the body loses nothing, whether wiped or kept.
        let empty = old.is_null() || old.as_str() == Some("");
        if !sent.iter().any(|(s, _)| s == k) && !empty {
            let kind = if profile == Profile::V1 { ChangeKind::Wiped } else { ChangeKind::Kept };
            out.push(Change { key: k.clone(), kind, before: Some(old.to_string()), after: None });
        }
    }
    out
}

/// Why a key sent did not come back as sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Not a key of this route: the server echoes it but does not store it.
    Unknown,
    /// 2.3.6's first Chatwoot set (an insert) drops `signDelimiter`: send it again.
    FirstSetDrops,
    /// `enabled: false` wipes the other values by design (1.8.2 webhook and Chatwoot; events → `[]`).
    Disabled,
    /// A number stored as an integer (`daysLimitImportMessages`).
    Truncated,
    /// A flag the server acts on during the request and never stores (Chatwoot's `autoCreate`).
    NotStored,
    /// Absent from the `find`.
    Missing,
    /// Another value came back.
    Changed,
}

/// One key that did not come back as sent.
#[derive(Debug, Clone, PartialEq)]
pub struct Loss {
    pub key: String,
    pub sent: String,
    pub found: Option<String>,
    pub why: Why,
}

impl Loss {
    /// An expected difference (by design), not a loss.
    pub fn expected(&self) -> bool {
        matches!(self.why, Why::Disabled | Why::Truncated | Why::NotStored)
    }
}

/// Compares what was sent with the `find` after it (both in body shape; `found` `None` = nothing
/// stored): every key that did not come back as sent, with the contract's reason.
pub fn read_back(
    sent: &Value,
    found: Option<&Value>,
    before: Option<&Value>,
    endpoint: Endpoint,
    profile: Profile,
) -> Vec<Loss> {
    let now = found.map(flatten).unwrap_or_default();
    let disabled = flatten(sent).iter().any(|(k, v)| k.ends_with("enabled") && v == &Value::Bool(false));
    let mut out = Vec::new();
    for (k, v) in flatten(sent) {
        let got = now.iter().find(|(n, _)| *n == k).map(|(_, x)| x);
        if got.is_some_and(|g| same(&k, &v, g)) {
            continue;
        }
        let name = k.rsplit('.').next().unwrap_or(&k);
        let field = endpoint.field(profile, &k);
        let why = if field.is_none() {
            Why::Unknown
        } else if field.is_some_and(|f| !f.stored) && got.is_none() {
            Why::NotStored
        } else if disabled && name != "enabled" {
            Why::Disabled
        } else if endpoint == Endpoint::Chatwoot
            && profile == Profile::V2
            && name == "signDelimiter"
            && before.is_none()
        {
            Why::FirstSetDrops
        } else if v.is_f64() && got.and_then(Value::as_i64) == v.as_f64().map(|f| f.trunc() as i64) {
            Why::Truncated
        } else if got.is_none_or(Value::is_null) {
            Why::Missing
        } else {
            Why::Changed
        };
        out.push(Loss { key: k, sent: v.to_string(), found: got.map(Value::to_string), why });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_rows_become_bodies() {
        let row = r#"{"id":"x","url":"http://h/","enabled":true,"events":["QRCODE_UPDATED"],"webhookByEvents":false,"webhookBase64":false,"headers":{"a":"b"},"createdAt":"t","instanceId":"i"}"#;
        let b = body_from_find(row, Endpoint::Webhook, Profile::V2).unwrap();
        assert_eq!(b["webhook"]["byEvents"], Value::Bool(false));
        assert!(b["webhook"].get("id").is_none());
        assert_eq!(body_from_find("null", Endpoint::Webhook, Profile::V2), None);
        assert_eq!(body_from_find("", Endpoint::Websocket, Profile::V2), None);
        assert_eq!(body_from_find("{}", Endpoint::Proxy, Profile::V1), None);
        let cw = r#"{"enabled":true,"accountId":"1","signDelimiter":null,"webhook_url":"w"}"#;
        let b = body_from_find(cw, Endpoint::Chatwoot, Profile::V2).unwrap();
        assert!(b.get("webhook_url").is_none());
    }

    #[test]
    fn replace_wipes_and_merge_keeps() {
        let now: Value = serde_json::from_str(r#"{"reject_call":true,"msg_call":"hi","groups_ignore":true}"#).unwrap();
        let body: Value =
            serde_json::from_str(r#"{"reject_call":false,"groups_ignore":true,"read_status":true}"#).unwrap();
        let d = diff(Some(&now), &body, Profile::V1);
        assert!(d.iter().any(|c| c.key == "reject_call" && c.kind == ChangeKind::Changed));
        assert!(d.iter().any(|c| c.key == "read_status" && c.kind == ChangeKind::Added));
        assert!(d.iter().any(|c| c.key == "msg_call" && c.kind == ChangeKind::Wiped));
        assert!(!d.iter().any(|c| c.key == "groups_ignore"));
        assert!(diff(Some(&now), &body, Profile::V2).iter().any(|c| c.key == "msg_call" && c.kind == ChangeKind::Kept));
    }

    #[test]
    fn autocreate_is_acted_on_never_stored_so_its_absence_is_no_loss() {
        // The real 2.3.6 and 1.8.2 finds after a Chatwoot set with autoCreate: the key is absent.
        for (profile, key, sent, found) in [
            (
                Profile::V2,
                "autoCreate",
                r#"{"enabled":true,"autoCreate":false,"signMsg":false}"#,
                r#"{"enabled":true,"signMsg":false}"#,
            ),
            (
                Profile::V1,
                "auto_create",
                r#"{"enabled":true,"auto_create":true,"sign_msg":false}"#,
                r#"{"enabled":true,"sign_msg":false}"#,
            ),
        ] {
            let sent: Value = serde_json::from_str(sent).unwrap();
            let found: Value = serde_json::from_str(found).unwrap();
            let lost = read_back(&sent, Some(&found), Some(&found), Endpoint::Chatwoot, profile);
            assert_eq!(lost.len(), 1, "{lost:?}");
            assert_eq!((lost[0].key.as_str(), lost[0].why, lost[0].expected()), (key, Why::NotStored, true));
        }
    }

    #[test]
    fn an_empty_value_absent_from_the_body_is_no_change() {
        // 2.3.6's settings/find answers `wavoipToken: ""` for an instance that never had one.
        let now: Value = serde_json::from_str(r#"{"readMessages":false,"wavoipToken":"","x":null}"#).unwrap();
        let body: Value = serde_json::from_str(r#"{"readMessages":true}"#).unwrap();
        for p in [Profile::V1, Profile::V2] {
            let keys: Vec<String> = diff(Some(&now), &body, p).into_iter().map(|c| c.key).collect();
            assert_eq!(keys, ["readMessages"]);
        }
    }

    #[test]
    fn read_back_names_losses() {
        let sent: Value = serde_json::from_str(
            r#"{"enabled":true,"accountId":"1","signDelimiter":"\n","bogus":1,"daysLimitImportMessages":7.5}"#,
        )
        .unwrap();
        let found: Value = serde_json::from_str(
            r#"{"enabled":true,"accountId":"1","signDelimiter":null,"daysLimitImportMessages":7}"#,
        )
        .unwrap();
        let l = read_back(&sent, Some(&found), None, Endpoint::Chatwoot, Profile::V2);
        let why = |k: &str| l.iter().find(|x| x.key == k).map(|x| x.why);
        assert_eq!(why("signDelimiter"), Some(Why::FirstSetDrops));
        assert_eq!(why("bogus"), Some(Why::Unknown));
        assert_eq!(why("daysLimitImportMessages"), Some(Why::Truncated));
        assert_eq!(why("accountId"), None);
        let ev: Value = serde_json::from_str(r#"{"webhook":{"enabled":true,"events":[]}}"#).unwrap();
        let got: Value = serde_json::from_str(r#"{"webhook":{"enabled":true,"events":["A","B"]}}"#).unwrap();
        assert!(read_back(&ev, Some(&got), None, Endpoint::Webhook, Profile::V2).is_empty());
        assert_eq!(read_back(&ev, None, None, Endpoint::Webhook, Profile::V2).len(), 2);
    }
}
