//! The builder's text operations: the payload text is the source of truth, and the form, presets,
//! share links, drafts and exports all work on it with edits that keep the user's formatting.

use crate::json::Json;
use thiserror::Error;

use crate::fields::Profile;
use crate::lint::syntax::{self, Node};
use crate::lint::text::{insert_member_edit, remove_member_span};
use crate::lint::{apply_edits, Edit};
use crate::msg::{keys::doctor, Msg};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PatchError {
    #[error("{}", self.msg())]
    NotAnObject,
    #[error("{}", self.msg())]
    ParentNotObject(String),
}

impl PatchError {
    /// What went wrong, as a message (rendered at the edge: `message`, `Display` in English).
    pub fn msg(&self) -> Msg {
        match self {
            PatchError::NotAnObject => doctor::patch_not_object.into(),
            PatchError::ParentNotObject(key) => crate::msg!(doctor::patch_parent_not_object, key),
        }
    }
}

/// Compact JSON for a value, with `, ` between items so arrays read well inline.
pub fn to_inline_json(v: &Json) -> String {
    crate::json::inline(v)
}

fn root_object(text: &str) -> Result<Node, PatchError> {
    match syntax::parse(text).root {
        Some(root) if root.members().is_some() => Ok(root),
        _ => Err(PatchError::NotAnObject),
    }
}

/// The edit that sets `key` inside the object `obj` to `value`, JSON text (`None` removes it);
/// `None` when nothing changes.
fn set_in(text: &str, obj: &Node, key: &str, value: Option<String>) -> Option<Edit> {
    let members = obj.members().unwrap_or_default();
    let index = members.iter().rposition(|m| m.key == key);
    Some(match (index, value) {
        (Some(i), Some(v)) => match &members[i].value {
            Some(old) => Edit::replace(old.span, v),
            None => Edit::insert(members[i].key_span.end, format!(": {v}")),
        },
        (Some(i), None) => Edit::delete(remove_member_span(text.as_bytes(), members, i, &members[i])),
        (None, Some(v)) => insert_member_edit(text, obj, None, key, &v),
        (None, None) => return None,
    })
}

/// Sets top-level `key` to `value` (`None` removes it), editing only that member's text: other
/// members, comments, order and formatting stay as they are. Of duplicate keys the last is edited
/// (it is the one the server keeps).
pub fn set_field(text: &str, key: &str, value: Option<&Json>) -> Result<String, PatchError> {
    set_path(text, key, value)
}

/// [`set_field`] for a dotted path (`webhook.url`): the field inside its parent object, which is
/// created when missing and removed when its last field goes.
pub fn set_path(text: &str, path: &str, value: Option<&Json>) -> Result<String, PatchError> {
    let root = root_object(text)?;
    let value = value.map(to_inline_json);
    let Some((parent, key)) = path.split_once('.') else {
        return Ok(set_in(text, &root, path, value).map_or_else(|| text.to_owned(), |e| apply_edits(text, &[e]).0));
    };
    let obj = root.get(parent).and_then(|m| m.value.as_ref());
    let edit = match (obj, value) {
        (Some(o), _) if o.members().is_none() => return Err(PatchError::ParentNotObject(parent.to_owned())),
        (Some(o), None) if o.members().is_some_and(|m| m.iter().all(|m| m.key == key)) => {
            return set_path(text, parent, None);
        }
        (Some(o), v) => set_in(text, o, key, v),
        // The parent is created around the value: `{"key": value}`, as `to_inline_json` writes it.
        (None, Some(v)) => set_in(text, &root, parent, Some(format!("{{{}: {v}}}", crate::json::quote(key)))),
        (None, None) => None,
    };
    Ok(edit.map_or_else(|| text.to_owned(), |e| apply_edits(text, &[e]).0))
}

/// Sets several fields in turn (each edit re-reads the text).
pub fn set_fields(text: &str, fields: &[(&str, Option<Json>)]) -> Result<String, PatchError> {
    fields.iter().try_fold(text.to_owned(), |t, (k, v)| set_path(&t, k, v.as_ref()))
}

/// The value at a dotted path, if the text has it.
pub fn get_path<'a>(root: &'a Node, path: &str) -> Option<&'a Node> {
    let (parent, key) = match path.split_once('.') {
        Some((p, k)) => (root.get(p)?.value.as_ref()?, k),
        None => (root, path),
    };
    parent.get(key)?.value.as_ref()
}

/// The text without its secrets — every field either profile's table marks secret (`token`,
/// `chatwoot_token`, `chatwootToken`, `proxy.password`, `proxyPassword`, `wavoipToken`,
/// `webhook.headers`, `pusher.secret`), duplicates included — for share links and drafts. When the
/// text is not an object it is returned as is — it cannot hold a recognisable secret field — unless
/// it mentions one, in which case nothing is returned.
pub fn strip_secrets(text: &str) -> Option<String> {
    let Ok(root) = root_object(text) else {
        let lower = text.to_ascii_lowercase();
        return (!lower.contains("token") && !lower.contains("password") && !lower.contains("secret"))
            .then(|| text.to_owned());
    };
    let mut out = text.to_owned();
    let mut root = root;
    for path in Profile::ALL.iter().flat_map(|p| p.secrets()) {
        // Every copy goes: each round removes the last one.
        while get_path(&root, path).is_some() || root.members().is_some_and(|m| m.iter().any(|m| m.key == path)) {
            let next = set_path(&out, path, None).ok()?;
            if next == out {
                break;
            }
            out = next;
            root = root_object(&out).ok()?;
        }
    }
    Some(out)
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

    /// The preset's name (rendered at the edge: `render::text(p.name(), lang)`, `Preset::label`).
    pub fn name(self) -> crate::msg::Key {
        match self {
            Preset::Basic => doctor::preset_basic,
            Preset::Webhook => doctor::preset_webhook,
            Preset::Chatwoot => doctor::preset_chatwoot,
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

/// The preset's payload text for a profile, with the seed's example values (placeholders for what
/// only the user knows: the webhook URL and the Chatwoot token) and the given name, token and
/// qrcode carried over. In 2.x shape: `integration`, the webhook object, camelCase Chatwoot with
/// its three required booleans.
pub fn preset_text(profile: Profile, preset: Preset, instance_name: &str, token: &str, qrcode: bool) -> String {
    let mut v: Vec<(String, Json)> = Vec::new();
    let mut put = |k: &str, x: Json| v.push((k.into(), x));
    put("instanceName", Json::from(instance_name));
    if profile == Profile::V2 {
        put("integration", Json::from("WHATSAPP-BAILEYS"));
    }
    put("token", Json::from(token));
    put("qrcode", Json::from(qrcode));
    let events = Json::Arr(SEED_WEBHOOK_EVENTS.iter().map(|&e| Json::from(e)).collect());
    const HOOK: &str = "https://example.com/your-webhook";
    const CW_TOKEN: &str = "[your-chatwoot-token]";
    const CW_URL: &str = "https://app.chatwoot.com";
    match (profile, preset) {
        (_, Preset::Basic) => {}
        (Profile::V1, Preset::Webhook) => {
            put("webhook", Json::from(HOOK));
            put("webhook_by_events", Json::from(false));
            put("events", events);
        }
        (Profile::V2, Preset::Webhook) => {
            let hook =
                [("url", Json::from(HOOK)), ("byEvents", false.into()), ("base64", false.into()), ("events", events)];
            put("webhook", Json::Obj(hook.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()));
        }
        (Profile::V1, Preset::Chatwoot) => {
            put("chatwoot_account_id", Json::from(1i64));
            put("chatwoot_token", Json::from(CW_TOKEN));
            put("chatwoot_url", Json::from(CW_URL));
            put("chatwoot_sign_msg", Json::from(true));
        }
        (Profile::V2, Preset::Chatwoot) => {
            put("chatwootAccountId", Json::from("1"));
            put("chatwootToken", Json::from(CW_TOKEN));
            put("chatwootUrl", Json::from(CW_URL));
            put("chatwootSignMsg", Json::from(true));
            put("chatwootReopenConversation", Json::from(false));
            put("chatwootConversationPending", Json::from(false));
        }
    }
    let mut text = crate::json::pretty(&Json::Obj(v));
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
    use serde_json::{json, Value};

    /// A value to write, from `json!`.
    fn j(v: Value) -> Json {
        Json::from(&v)
    }

    const TEXT: &str = "{\n  // my note\n  \"instanceName\": \"shop\",\n  \"qrcode\": true\n}\n";

    #[test]
    fn set_field_replaces_inserts_and_removes_keeping_comments() {
        let t = set_field(TEXT, "instanceName", Some(&j(json!("store2")))).unwrap();
        assert_eq!(t, TEXT.replace("\"shop\"", "\"store2\""));
        let t = set_field(&t, "events", Some(&j(json!(["CALL", "QRCODE_UPDATED"])))).unwrap();
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
        let t = set_field(&t, "qrcode", Some(&j(json!(false)))).unwrap();
        assert_eq!(
            serde_json::from_str::<Value>(&crate::lint::fix_all(&t, &Default::default()).0).unwrap()["qrcode"],
            false
        );
        assert_eq!(set_field("[1]", "a", Some(&j(json!(1)))), Err(PatchError::NotAnObject));
    }

    #[test]
    fn nested_paths_are_created_edited_and_removed() {
        let t = set_path(TEXT, "webhook.url", Some(&j(json!("https://h.example")))).unwrap();
        assert!(t.contains("\"webhook\": {\"url\": \"https://h.example\"}"), "{t}");
        let t = set_path(&t, "webhook.events", Some(&j(json!([])))).unwrap();
        let t = set_path(&t, "webhook.url", Some(&j(json!("https://b.example")))).unwrap();
        let v: Value = serde_json::from_str(&crate::lint::fix_all(&t, &Default::default()).0).unwrap();
        assert_eq!(v["webhook"], json!({"url": "https://b.example", "events": []}));
        let t = set_path(&t, "webhook.url", None).unwrap();
        let t = set_path(&t, "webhook.events", None).unwrap();
        assert!(!t.contains("webhook"), "the emptied object goes: {t}");
        assert!(t.contains("// my note"));
        let s = set_path("{\"webhook\": \"x\"}", "webhook.url", Some(&j(json!("y"))));
        assert_eq!(s, Err(PatchError::ParentNotObject("webhook".into())));
    }

    #[test]
    fn secrets_are_stripped() {
        let v2 = "{\"instanceName\": \"a\", \"chatwootToken\": \"SECRET5\", \"proxyPassword\": \"SECRET6\", \"wavoipToken\": \"SECRET7\", \"webhook\": {\"url\": \"u\", \"headers\": {\"authorization\": \"SECRET8\"}}, \"pusher\": {\"key\": \"k\", \"secret\": \"SECRET9\"}}";
        let s = strip_secrets(v2).unwrap();
        assert!(!s.contains("SECRET"), "{s}");
        assert_eq!(
            serde_json::from_str::<Value>(&s).unwrap(),
            json!({"instanceName": "a", "webhook": {"url": "u"}, "pusher": {"key": "k"}})
        );
        let text = "{\"instanceName\": \"a\", \"token\": \"SECRET1\", \"chatwoot_token\": \"SECRET2\", \"proxy\": {\"host\": \"h\", \"password\": \"SECRET3\"}, \"token\": \"SECRET4\"}";
        let s = strip_secrets(text).unwrap();
        assert!(!s.contains("SECRET"), "{s}");
        assert_eq!(serde_json::from_str::<Value>(&s).unwrap(), json!({"instanceName": "a", "proxy": {"host": "h"}}));
        assert_eq!(strip_secrets("{\"token\": \"x\"").as_deref().map(|s| s.contains('x')), Some(false));
        assert_eq!(strip_secrets("not json token=abc"), None);
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
        for profile in Profile::ALL {
            for p in Preset::ALL {
                let t = preset_text(profile, p, "mystore", "0b9a8f52-3c1d-4e7f-9a2b-6c5d4e3f2a1b", true);
                let mut opts = crate::lint::LintOptions::default().with_profile(profile);
                (opts.rules.v1, opts.rules.v2) = (Some(crate::lint::v1_rules()), Some(crate::lint::v2_rules()));
                let r = crate::lint::lint(&t, &opts);
                let bad: Vec<_> = r.diagnostics.iter().filter(|d| d.severity != crate::lint::Severity::Info).collect();
                match p {
                    Preset::Chatwoot => assert_eq!(
                        bad.iter().map(|d| d.code).collect::<Vec<_>>(),
                        if profile == Profile::V1 {
                            vec!["evo/placeholder"]
                        } else {
                            vec!["evo/qrcode-ignored", "evo/placeholder"]
                        },
                        "{profile:?}"
                    ),
                    _ => assert!(bad.is_empty(), "{profile:?} {p:?}: {bad:?}"),
                }
            }
        }
        assert_eq!(utf16_offset("aç😀b", 7), 4, "😀 is two UTF-16 units");
    }
}
