//! The 2.3.6 create route's JSON-schema step (`src/validate/instance.schema.ts`): only top-level
//! keys are checked, every violation is reported, and unknown keys pass (`CONTRACT-v2.md` §2).

use serde_json::{Map, Value};

/// The 31 event names of 2.3.6, in the server's order; `[]` expands to exactly this list.
pub use evo_core::events::EVENTS_V2;
use evo_core::fields::{Profile, Ty};

/// The flat `*Events` schema keys check against the v2 list without its last five (§2.7, seen).
pub const FLAT_EVENT_NAMES: &[&str] = EVENTS_V2.split_at(26).0;

/// The channels `integration` accepts.
pub fn integrations() -> &'static [&'static str] {
    evo_core::fields::integrations(Profile::V2)
}

/// What the schema demands of one top-level key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyType {
    String,
    Bool,
    Number,
    /// A string matching the prefix pattern `^\d+[\.@\w-]+`.
    NumberPattern,
    /// An array of the 26 flat event names.
    Events,
    /// A string, one of [`integrations`].
    Integration,
}

/// Every top-level key the 2.3.6 schema checks, with its type, read from evo-core's field table:
/// the strict (schema-checked) top-level fields of profile v2. Nested objects are not checked.
pub fn keys_v2() -> impl Iterator<Item = (&'static str, KeyType)> {
    Profile::V2.children("").filter(|f| f.strict).map(|f| {
        let ty = match f.ty {
            Ty::Bool => KeyType::Bool,
            Ty::Int => KeyType::Number,
            Ty::Phone => KeyType::NumberPattern,
            Ty::Events => KeyType::Events,
            Ty::Integration => KeyType::Integration,
            _ => KeyType::String,
        };
        (f.key, ty)
    })
}

fn is_type(v: &Value, ty: &str) -> bool {
    match ty {
        "string" => v.is_string(),
        "boolean" => v.is_boolean(),
        "number" => v.is_number(),
        _ => v.is_array(),
    }
}

/// The schema step's messages for `body` (empty: it passes). The server reports them as one
/// nested array: `[[…]]`.
pub fn schema_messages(body: &Map<String, Value>) -> Vec<String> {
    schema_messages_with(body, FLAT_EVENT_NAMES)
}

/// [`schema_messages`] with the flat `*Events` keys checked against `flat` (2.4 has one more:
/// `crate::v2_4::flat_events`).
pub fn schema_messages_with(body: &Map<String, Value>, flat: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for (key, ty) in keys_v2() {
        let Some(v) = body.get(key) else { continue };
        let json_type = match ty {
            KeyType::String | KeyType::NumberPattern | KeyType::Integration => "string",
            KeyType::Bool => "boolean",
            KeyType::Number => "number",
            KeyType::Events => "array",
        };
        if !is_type(v, json_type) {
            out.push(format!("{key} is not of a type(s) {json_type}"));
        }
        match (ty, v) {
            (KeyType::NumberPattern, Value::String(s)) if !crate::evolution::matches_number_pattern(s) => {
                out.push(format!(r#"{key} does not match pattern "^\\d+[\\.@\\w-]+""#));
            }
            (KeyType::Integration, _) if !v.as_str().is_some_and(|s| integrations().contains(&s)) => {
                out.push(format!("{key} is not one of enum values: {}", integrations().join(",")));
            }
            (KeyType::Events, Value::Array(items)) => {
                for (i, e) in items.iter().enumerate() {
                    if !e.is_string() {
                        out.push(format!("{key}[{i}] is not of a type(s) string"));
                    }
                    if !e.as_str().is_some_and(|s| flat.contains(&s)) {
                        out.push(format!("{key}[{i}] is not one of enum values: {}", flat.join(",")));
                    }
                }
            }
            _ => {}
        }
    }
    // `isNotEmpty('instanceName')` applies only when `instanceName` is the body's only key.
    let only_name = body.keys().all(|k| k == "instanceName");
    if only_name && body.get("instanceName").and_then(Value::as_str) == Some("") {
        out.push(r#"The "instanceName" cannot be empty"#.into());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn msgs(v: Value) -> Vec<String> {
        schema_messages(v.as_object().unwrap())
    }

    #[test]
    fn reports_every_violation_and_ignores_unknown_keys() {
        assert!(msgs(json!({"instanceName": "a", "foo": 1, "webhook": "x", "proxy": {}})).is_empty());
        let m = msgs(json!({"qrcode": "true", "token": null, "proxyPort": 3128, "chatwootAccountId": 1}));
        assert_eq!(m.len(), 4, "{m:?}");
        assert_eq!(m[0], "token is not of a type(s) string");
        assert_eq!(msgs(json!({"number": "+55"})), vec![r#"number does not match pattern "^\\d+[\\.@\\w-]+""#]);
        assert_eq!(
            msgs(json!({"webhookEvents": ["FOO"]}))[0].split(':').next(),
            Some("webhookEvents[0] is not one of enum values")
        );
        assert!(msgs(json!({"webhookEvents": ["CALL"]})).is_empty());
    }

    #[test]
    fn empty_name_only_when_alone() {
        assert_eq!(msgs(json!({"instanceName": ""})), vec![r#"The "instanceName" cannot be empty"#]);
        assert!(msgs(json!({"instanceName": "", "integration": "EVOLUTION"})).is_empty());
        assert_eq!(EVENTS_V2.len(), 31);
        assert_eq!(FLAT_EVENT_NAMES.last(), Some(&"TYPEBOT_CHANGE_STATUS"));
    }
}
