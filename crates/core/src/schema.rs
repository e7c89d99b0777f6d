//! A JSON Schema (draft 2020-12) of the `POST /instance/create` payload, per profile, generated from
//! the field table alone (`fields/`): editors and CI validators get the same facts as the linter,
//! only less of them (the linter knows much more than a schema can say).
//!
//! What the schema says, and where it differs from the server:
//! - every field of the profile is a property (nested paths under their object), typed by its
//!   `Ty`; a field the server's schema does not type-check (`strict: false`) is still typed, and says so;
//! - `required` from `Need::Required`, and `Need::WithParent` inside the parent object; the
//!   Business fields through `if integration is WHATSAPP-BUSINESS then required`; the Chatwoot
//!   fields through `if the trio is given then required`;
//! - the trio itself is `dependentRequired` (all or none): stricter than the server, which silently
//!   ignores a partial trio — the one place the schema rejects what the server accepts;
//! - unknown keys stay allowed (`additionalProperties` is open): the server ignores them;
//! - trap and forbidden keys are `deprecated`, with a description naming the key to use;
//! - secrets are `writeOnly`.

use serde_json::{json, Map, Value};

use crate::fields::{self, Convert, Field, Need, Profile, Role, Ty};

/// The draft this module writes.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The server's `number` pattern, applied as a prefix test (as JSON Schema's `pattern` is).
pub const PHONE_PATTERN: &str = r"^\d+[\.@\w-]+";

/// v1's account id as a string: digits only.
pub const DIGITS_PATTERN: &str = "^[0-9]+$";

/// The `integration` value that needs the Business fields (`Need::Business`).
const BUSINESS: &str = "WHATSAPP-BUSINESS";

/// The JSON Schema of a create payload of `profile`.
pub fn json_schema(profile: Profile) -> Value {
    let src = Src { profile, fields: profile.fields(), other: profile.other().fields() };
    let mut doc = Map::new();
    doc.insert("$schema".into(), DIALECT.into());
    doc.insert("title".into(), format!("POST /instance/create payload — {}", profile.label()).into());
    doc.insert("description".into(), top_description(profile).into());
    doc.extend(object_schema(&src, ""));

    let top: Vec<&Field> = src.children("").collect();
    let keys = |need: Need| -> Vec<&'static str> { top.iter().filter(|f| f.need == need).map(|f| f.key).collect() };
    let mut all_of = Vec::new();

    let business = keys(Need::Business);
    if !business.is_empty() {
        // The server wants them non-empty ("token is required" for "").
        let non_empty: Map<String, Value> = top
            .iter()
            .filter(|f| f.need == Need::Business && f.ty.json_type() == "string")
            .map(|f| (f.key.to_owned(), json!({"minLength": 1})))
            .collect();
        all_of.push(json!({
            "if": {"properties": {"integration": {"const": BUSINESS}}, "required": ["integration"]},
            "then": {"required": business, "properties": non_empty},
        }));
    }

    let trio = keys(Need::Trio);
    let chatwoot = keys(Need::Chatwoot);
    if !trio.is_empty() {
        if !chatwoot.is_empty() {
            // The Chatwoot path is on when all three are given and non-empty.
            let non_empty: Map<String, Value> = trio.iter().map(|k| (k.to_string(), json!({"minLength": 1}))).collect();
            all_of.push(json!({
                "if": {"required": trio, "properties": non_empty},
                "then": {"required": chatwoot},
            }));
        }
        let dependent: Map<String, Value> =
            trio.iter().map(|k| (k.to_string(), json!(trio.iter().filter(|o| *o != k).collect::<Vec<_>>()))).collect();
        doc.insert("dependentRequired".into(), Value::Object(dependent));
    }
    if !all_of.is_empty() {
        doc.insert("allOf".into(), Value::Array(all_of));
    }
    Value::Object(doc)
}

/// A field table and what its schema needs beside it: the generation (events, channels) and the
/// other generation's table of the same body (where scheme-less URLs come from).
struct Src<'a> {
    profile: Profile,
    fields: &'a [Field],
    other: &'a [Field],
}

impl<'a> Src<'a> {
    fn children(&self, parent: &'a str) -> impl Iterator<Item = &'a Field> + 'a {
        self.fields.iter().filter(move |f| f.parent() == parent)
    }
}

/// The JSON Schema of any field table (a configuration body's, `crate::config`): the same mapping
/// as [`json_schema`] — types, enums, required keys (`Need::Required` at the top, `WithParent`
/// inside their object), defaults, lengths, secrets `writeOnly` — without the create route's
/// conditions. `other` is the other generation's table of the same body (may be empty).
pub fn json_schema_of(fields: &[Field], other: &[Field], profile: Profile, title: &str) -> Value {
    let src = Src { profile, fields, other };
    let mut doc = Map::new();
    doc.insert("$schema".into(), DIALECT.into());
    doc.insert("title".into(), title.into());
    doc.insert(
        "description".into(),
        format!(
            "{title}, generated from evo-core's field table. Unknown keys are allowed because the server ignores them \
             (evo-lint names them). Secrets are writeOnly."
        )
        .into(),
    );
    doc.extend(object_schema(&src, ""));
    Value::Object(doc)
}

fn top_description(profile: Profile) -> String {
    format!(
        "The body of POST /instance/create for {}, generated from evo-core's field table. Unknown keys are \
         allowed because the server ignores them (evo-lint names them). Secrets are writeOnly; keys the server \
         checks but never uses, or that must never be sent, are deprecated. Stricter than the server in one \
         place: the Chatwoot account id, token and URL are all-or-none (the server silently ignores a partial \
         set). Types are given even where the server's own schema does not check them (each such field says so).",
        profile.label()
    )
}

/// `type`, `properties`, `required` of the object at `parent` (`""` = the payload).
fn object_schema(src: &Src, parent: &str) -> Map<String, Value> {
    let children: Vec<&Field> = src.fields.iter().filter(|f| f.parent() == parent).collect();
    let required_need = if parent.is_empty() { Need::Required } else { Need::WithParent };
    let properties: Map<String, Value> = children.iter().map(|f| (f.name().to_owned(), field_schema(src, f))).collect();
    let required: Vec<&str> = children.iter().filter(|f| f.need == required_need).map(|f| f.name()).collect();
    let mut out = Map::new();
    out.insert("type".into(), "object".into());
    out.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        out.insert("required".into(), json!(required));
    }
    out.insert("additionalProperties".into(), true.into());
    out
}

/// Whether a URL field must have an `http(s)://` scheme to work: it is where the other profile's
/// scheme-less URL gets one when migrated (`Convert::EnsureScheme`), in 2.x (1.x accepted it).
fn needs_scheme(src: &Src, f: &Field) -> bool {
    src.profile == Profile::V2 && src.other.iter().any(|g| g.other == Some((f.key, Convert::EnsureScheme)))
}

fn field_schema(src: &Src, f: &Field) -> Value {
    let profile = src.profile;
    let mut s = match f.ty {
        Ty::Object => object_schema(src, f.key),
        Ty::Digits => {
            // A number, or a string of digits (pattern applies to strings only).
            json!({"type": ["integer", "string"], "pattern": DIGITS_PATTERN}).as_object().cloned().unwrap_or_default()
        }
        ty => {
            let mut m = Map::new();
            m.insert("type".into(), ty.json_type().into());
            match ty {
                Ty::Phone => {
                    m.insert("pattern".into(), PHONE_PATTERN.into());
                }
                Ty::Url if needs_scheme(src, f) => {
                    m.insert("format".into(), "uri".into());
                }
                Ty::Integration => {
                    m.insert("enum".into(), json!(fields::integrations(profile)));
                }
                Ty::Events => {
                    m.insert("items".into(), json!({"type": "string", "enum": profile.events()}));
                }
                Ty::Strings => {
                    m.insert("items".into(), json!({"type": "string"}));
                }
                Ty::Headers => {
                    m.insert("additionalProperties".into(), json!({"type": "string"}));
                }
                _ => {}
            }
            m
        }
    };
    s.insert("description".into(), describe(f).into());
    if let Some(d) = f.default.and_then(|d| serde_json::from_str::<Value>(d).ok()) {
        s.insert("default".into(), d);
    }
    if let Some(n) = f.max_len {
        s.insert("maxLength".into(), n.into());
    }
    if f.secret {
        s.insert("writeOnly".into(), true.into());
    }
    if f.role != Role::Normal {
        s.insert("deprecated".into(), true.into());
    }
    Value::Object(s)
}

fn describe(f: &Field) -> String {
    let mut d = match f.role {
        Role::Trap { use_instead } => format!(
            "Do not use: the server checks this key's type but the create route never reads it. Use `{use_instead}` instead."
        ),
        Role::Forbidden => {
            "Never send it: the server writes it straight into the instance record.".to_owned()
        }
        Role::Normal if f.help.is_empty() => f.label.to_owned(),
        Role::Normal => format!("{} — {}", f.label, f.help),
    };
    if !f.strict && f.ty != Ty::Object && f.role == Role::Normal {
        d.push_str(" (Not type-checked by the server's own schema.)");
    }
    d
}

#[cfg(test)]
mod tests;
