//! The builder's text operations: the payload text is the source of truth, and the form, presets,
//! share links, drafts and exports all work on it with edits that keep the user's formatting.

use serde_json::Value;
use thiserror::Error;

use crate::lint::syntax::{self, insert_member_edit, remove_member_span, Node};
use crate::lint::{apply_edits, Edit};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PatchError {
    #[error("the JSON text is not an object yet; fix the JSON (or pick a preset) before using the form")]
    NotAnObject,
}

/// Compact JSON for a value, with `, ` between items so arrays read well inline.
pub fn to_inline_json(v: &Value) -> String {
    match v {
        Value::Array(items) => format!("[{}]", items.iter().map(to_inline_json).collect::<Vec<_>>().join(", ")),
        Value::Object(map) => {
            let inner: Vec<String> =
                map.iter().map(|(k, v)| format!("{}: {}", Value::String(k.clone()), to_inline_json(v))).collect();
            format!("{{{}}}", inner.join(", "))
        }
        other => other.to_string(),
    }
}

fn root_object(text: &str) -> Result<Node, PatchError> {
    match syntax::parse(text).root {
        Some(root) if root.members().is_some() => Ok(root),
        _ => Err(PatchError::NotAnObject),
    }
}

/// Sets top-level `key` to `value` (`None` removes it), editing only that member's text: other
/// members, comments, order and formatting stay as they are. Of duplicate keys the last is edited
/// (it is the one the server keeps).
pub fn set_field(text: &str, key: &str, value: Option<&Value>) -> Result<String, PatchError> {
    let root = root_object(text)?;
    let members = root.members().unwrap_or_default();
    let index = members.iter().rposition(|m| m.key == key);
    let edit = match (index, value) {
        (Some(i), Some(v)) => match &members[i].value {
            Some(old) => Edit::replace(old.span, to_inline_json(v)),
            None => Edit::insert(members[i].key_span.end, format!(": {}", to_inline_json(v))),
        },
        (Some(i), None) => Edit::delete(remove_member_span(text.as_bytes(), members, i, &members[i])),
        (None, Some(v)) => insert_member_edit(text, &root, None, key, &to_inline_json(v)),
        (None, None) => return Ok(text.to_owned()),
    };
    Ok(apply_edits(text, &[edit]).0)
}

/// Sets several fields in turn (each edit re-reads the text).
pub fn set_fields(text: &str, fields: &[(&str, Option<Value>)]) -> Result<String, PatchError> {
    fields.iter().try_fold(text.to_owned(), |t, (k, v)| set_field(&t, k, v.as_ref()))
}

/// Keys whose values are secrets: never in a share link or a stored draft.
pub const SECRET_KEYS: [&str; 2] = ["token", "chatwoot_token"];

/// The text without its secrets (`token`, `chatwoot_token`, `proxy.password`), for share links and
/// drafts. When the text is not an object it is returned as is — it cannot hold a recognisable secret
/// field — unless it mentions one, in which case nothing is returned.
pub fn strip_secrets(text: &str) -> Option<String> {
    let Ok(root) = root_object(text) else {
        let lower = text.to_ascii_lowercase();
        return (!lower.contains("token") && !lower.contains("password")).then(|| text.to_owned());
    };
    let mut out = text.to_owned();
    // Every copy of a secret key goes, duplicates included.
    for _ in 0..root.members().map_or(0, <[_]>::len) {
        let root = root_object(&out).ok()?;
        let members = root.members()?;
        let Some(i) = members.iter().position(|m| SECRET_KEYS.contains(&m.key.as_str())) else { break };
        out = apply_edits(&out, &[Edit::delete(remove_member_span(out.as_bytes(), members, i, &members[i]))]).0;
    }
    let root = root_object(&out).ok()?;
    if let Some(pm) = root.get("proxy").and_then(|m| m.value.as_ref()).and_then(Node::members) {
        if let Some(j) = pm.iter().rposition(|m| m.key == "password") {
            out = apply_edits(&out, &[Edit::delete(remove_member_span(out.as_bytes(), pm, j, &pm[j]))]).0;
        }
    }
    Some(out)
}

/// A shell command that sends `body` like the page does; the key is `$EVOLUTION_API_KEY`, never
/// the real one.
pub fn curl_command(url: &str, body: &str) -> String {
    let q = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    format!(
        "curl -X POST {} \\\n  -H 'Content-Type: application/json' \\\n  -H \"apikey: $EVOLUTION_API_KEY\" \\\n  --data-raw {}",
        q(url),
        q(body)
    )
}

const UNRESERVED: &[u8] = b"-_.~!*'()";

/// Percent-encodes `text` for a URL fragment (readable: letters, digits and `-_.~!*'()` stay).
pub fn encode_fragment(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3 / 2);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || UNRESERVED.contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The inverse of [`encode_fragment`] (any percent-encoding is accepted); `None` when it is not
/// valid percent-encoded UTF-8.
pub fn decode_fragment(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The seed's three examples.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    Basic,
    Webhook,
    Chatwoot,
}

impl Preset {
    pub const ALL: [Preset; 3] = [Preset::Basic, Preset::Webhook, Preset::Chatwoot];

    pub fn label(self) -> &'static str {
        match self {
            Preset::Basic => "Basic",
            Preset::Webhook => "With webhook",
            Preset::Chatwoot => "From Chatwoot",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Preset::Basic => "basic",
            Preset::Webhook => "webhook",
            Preset::Chatwoot => "chatwoot",
        }
    }
}

/// The seed's six preselected webhook events.
pub const SEED_WEBHOOK_EVENTS: [&str; 6] =
    ["QRCODE_UPDATED", "MESSAGES_UPSERT", "MESSAGES_UPDATE", "MESSAGES_DELETE", "SEND_MESSAGE", "CONNECTION_UPDATE"];

/// The preset's payload text, with the seed's example values (placeholders for what only the user
/// knows: the webhook URL and the Chatwoot token) and the given name, token and qrcode carried over.
pub fn preset_text(preset: Preset, instance_name: &str, token: &str, qrcode: bool) -> String {
    let mut v = serde_json::Map::new();
    v.insert("instanceName".into(), Value::from(instance_name));
    v.insert("token".into(), Value::from(token));
    v.insert("qrcode".into(), Value::from(qrcode));
    match preset {
        Preset::Basic => {}
        Preset::Webhook => {
            v.insert("webhook".into(), Value::from("https://example.com/your-webhook"));
            v.insert("webhook_by_events".into(), Value::from(false));
            v.insert("events".into(), Value::from(SEED_WEBHOOK_EVENTS.to_vec()));
        }
        Preset::Chatwoot => {
            v.insert("chatwoot_account_id".into(), Value::from(1));
            v.insert("chatwoot_token".into(), Value::from("[your-chatwoot-token]"));
            v.insert("chatwoot_url".into(), Value::from("https://app.chatwoot.com"));
            v.insert("chatwoot_sign_msg".into(), Value::from(true));
        }
    }
    let mut text = serde_json::to_string_pretty(&Value::Object(v)).unwrap_or_default();
    text.push('\n');
    text
}

/// UTF-16 offset of byte `pos` in `text` (for a textarea's selection).
pub fn utf16_offset(text: &str, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    text[..pos].encode_utf16().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const TEXT: &str = "{\n  // my note\n  \"instanceName\": \"shop\",\n  \"qrcode\": true\n}\n";

    #[test]
    fn set_field_replaces_inserts_and_removes_keeping_comments() {
        let t = set_field(TEXT, "instanceName", Some(&json!("store2"))).unwrap();
        assert_eq!(t, TEXT.replace("\"shop\"", "\"store2\""));
        let t = set_field(&t, "events", Some(&json!(["CALL", "QRCODE_UPDATED"]))).unwrap();
        assert!(t.ends_with("  \"qrcode\": true,\n  \"events\": [\"CALL\", \"QRCODE_UPDATED\"]\n}\n"), "{t}");
        assert!(t.contains("// my note"));
        let t = set_field(&t, "qrcode", None).unwrap();
        assert_eq!(
            t,
            "{\n  // my note\n  \"instanceName\": \"store2\",\n  \"events\": [\"CALL\", \"QRCODE_UPDATED\"]\n}\n"
        );
        let t = set_field(&t, "instanceName", None).unwrap();
        let t = set_field(&t, "events", None).unwrap();
        assert_eq!(t, "{\n  // my note\n}\n");
        let t = set_field(&t, "qrcode", Some(&json!(false))).unwrap();
        assert_eq!(
            serde_json::from_str::<Value>(&crate::lint::fix_all(&t, &Default::default()).0).unwrap()["qrcode"],
            false
        );
        assert_eq!(set_field("[1]", "a", Some(&json!(1))), Err(PatchError::NotAnObject));
    }

    #[test]
    fn secrets_are_stripped() {
        let text = "{\"instanceName\": \"a\", \"token\": \"SECRET1\", \"chatwoot_token\": \"SECRET2\", \"proxy\": {\"host\": \"h\", \"password\": \"SECRET3\"}, \"token\": \"SECRET4\"}";
        let s = strip_secrets(text).unwrap();
        assert!(!s.contains("SECRET"), "{s}");
        assert_eq!(serde_json::from_str::<Value>(&s).unwrap(), json!({"instanceName": "a", "proxy": {"host": "h"}}));
        assert_eq!(strip_secrets("{\"token\": \"x\"").as_deref().map(|s| s.contains('x')), Some(false));
        assert_eq!(strip_secrets("not json token=abc"), None);
    }

    #[test]
    fn curl_quotes_and_hides_the_key() {
        let c = curl_command("http://h/instance/create", "{\"instanceName\": \"it's\"}");
        assert!(c.contains("\"apikey: $EVOLUTION_API_KEY\""));
        assert!(c.contains("--data-raw '{\"instanceName\": \"it'\\''s\"}'"));
    }

    #[test]
    fn fragments_round_trip() {
        let t = "{\"a\": \"ção # % & /\"}\n";
        let e = encode_fragment(t);
        assert!(!e.contains(['#', '&', ' ', '%']) || e.contains("%25"));
        assert_eq!(decode_fragment(&e).as_deref(), Some(t));
        assert_eq!(decode_fragment("%ZZ"), None);
        assert_eq!(decode_fragment("%FF"), None);
    }

    #[test]
    fn presets_lint_clean_apart_from_the_users_own_values() {
        for p in Preset::ALL {
            let t = preset_text(p, "mystore", "0b9a8f52-3c1d-4e7f-9a2b-6c5d4e3f2a1b", true);
            let r = crate::lint::lint(&t, &Default::default());
            let bad: Vec<_> = r.diagnostics.iter().filter(|d| d.severity == crate::lint::Severity::Error).collect();
            match p {
                Preset::Chatwoot => assert_eq!(bad.iter().map(|d| d.code).collect::<Vec<_>>(), vec!["evo/placeholder"]),
                _ => assert!(bad.is_empty(), "{p:?}: {bad:?}"),
            }
        }
        assert_eq!(utf16_offset("aç😀b", 7), 4, "😀 is two UTF-16 units");
    }
}
