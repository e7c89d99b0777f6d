use super::*;

/// A small validator for exactly the keywords this module writes (it panics on any other, so
/// the generator cannot grow a keyword the tests do not check). Returns the violations.
fn validate(schema: &Value, v: &Value) -> Vec<String> {
    let mut errs = Vec::new();
    check(schema, v, "", &mut errs);
    errs
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "boolean" => v.is_boolean(),
        "integer" => v.is_i64() || v.is_u64() || v.as_f64().is_some_and(|f| f.fract() == 0.0),
        "number" => v.is_number(),
        "null" => v.is_null(),
        _ => panic!("unknown type {t}"),
    }
}

fn pattern_ok(p: &str, s: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || "_.@-".contains(c);
    match p {
        // `\d+` then at least one of `[.@\w-]`, as a prefix: a digit, then one more such char.
        PHONE_PATTERN => {
            let mut cs = s.chars();
            cs.next().is_some_and(|c| c.is_ascii_digit()) && cs.next().is_some_and(word)
        }
        DIGITS_PATTERN => !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()),
        _ => panic!("the test validator does not know the pattern {p}"),
    }
}

fn check(s: &Value, v: &Value, at: &str, errs: &mut Vec<String>) {
    let s = match s {
        Value::Bool(true) => return,
        Value::Bool(false) => return errs.push(format!("{at}: not allowed")),
        Value::Object(m) => m,
        _ => panic!("{at}: a schema must be an object or a boolean"),
    };
    for (k, kv) in s {
        match (k.as_str(), v) {
            ("type", _) => {
                let types: Vec<&str> = match kv {
                    Value::String(t) => vec![t],
                    Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                    _ => panic!("type"),
                };
                if !types.iter().any(|t| type_ok(t, v)) {
                    errs.push(format!("{at}: not of type {types:?}"));
                }
            }
            ("enum", _) if !kv.as_array().unwrap().contains(v) => errs.push(format!("{at}: not in the enum")),
            ("const", _) if kv != v => errs.push(format!("{at}: not the const {kv}")),
            ("pattern", Value::String(t)) if !pattern_ok(kv.as_str().unwrap(), t) => {
                errs.push(format!("{at}: does not match {kv}"))
            }
            ("minLength", Value::String(t)) if (t.chars().count() as u64) < kv.as_u64().unwrap() => {
                errs.push(format!("{at}: too short"))
            }
            ("maxLength", Value::String(t)) if (t.chars().count() as u64) > kv.as_u64().unwrap() => {
                errs.push(format!("{at}: too long"))
            }
            ("properties", Value::Object(o)) => {
                for (name, sub) in kv.as_object().unwrap() {
                    if let Some(x) = o.get(name) {
                        check(sub, x, &format!("{at}/{name}"), errs);
                    }
                }
            }
            ("additionalProperties", Value::Object(o)) => {
                let known = s.get("properties").and_then(Value::as_object);
                for (name, x) in o {
                    if !known.is_some_and(|p| p.contains_key(name)) {
                        check(kv, x, &format!("{at}/{name}"), errs);
                    }
                }
            }
            ("required", Value::Object(o)) => {
                for r in kv.as_array().unwrap() {
                    if !o.contains_key(r.as_str().unwrap()) {
                        errs.push(format!("{at}: {r} is required"));
                    }
                }
            }
            ("dependentRequired", Value::Object(o)) => {
                for (name, needs) in kv.as_object().unwrap() {
                    for r in needs.as_array().unwrap().iter().filter(|_| o.contains_key(name)) {
                        if !o.contains_key(r.as_str().unwrap()) {
                            errs.push(format!("{at}: {name} needs {r}"));
                        }
                    }
                }
            }
            ("items", Value::Array(a)) => {
                for (i, x) in a.iter().enumerate() {
                    check(kv, x, &format!("{at}/{i}"), errs);
                }
            }
            ("allOf", _) => kv.as_array().unwrap().iter().for_each(|sub| check(sub, v, at, errs)),
            ("if", _) => {
                let mut probe = Vec::new();
                check(kv, v, at, &mut probe);
                if probe.is_empty() {
                    if let Some(then) = s.get("then") {
                        check(then, v, at, errs);
                    }
                }
            }
            ("then", _) => {}
            ("$schema" | "title" | "description" | "default" | "writeOnly" | "deprecated" | "format", _) => {}
            (
                "enum"
                | "const"
                | "pattern"
                | "minLength"
                | "maxLength"
                | "properties"
                | "additionalProperties"
                | "required"
                | "dependentRequired"
                | "items",
                _,
            ) => {}
            (other, _) => panic!("the test validator does not know the keyword {other}"),
        }
    }
}

fn ok(p: Profile, payload: Value) {
    let errs = validate(&json_schema(p), &payload);
    assert!(errs.is_empty(), "{p:?} {payload}: {errs:?}");
}

fn bad(p: Profile, payload: Value, expect: &str) {
    let errs = validate(&json_schema(p), &payload);
    assert!(errs.iter().any(|e| e.contains(expect)), "{p:?} {payload}: {errs:?} (wanted {expect:?})");
}

/// A seed file as JSON: its `//` lines dropped.
fn seed(name: &str) -> String {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn the_document_is_draft_2020_12_and_round_trips() {
    for p in Profile::ALL {
        let s = json_schema(p);
        assert_eq!(s["$schema"], DIALECT);
        assert!(s.get("$id").is_none());
        assert!(s["title"].as_str().unwrap().contains(p.label()));
        assert!(s["description"].as_str().unwrap().contains("ignores"));
        assert_eq!(s["type"], "object");
        assert_eq!(s["additionalProperties"], true);
        let text = serde_json::to_string_pretty(&s).unwrap();
        assert_eq!(parse(&text), s);
    }
}

#[test]
fn every_field_is_a_property_at_its_path() {
    for p in Profile::ALL {
        let s = json_schema(p);
        for f in p.fields() {
            let mut at = &s;
            for seg in f.key.split('.') {
                at = &at["properties"][seg];
            }
            assert!(at.is_object(), "{p:?} {}", f.key);
            assert!(!at["description"].as_str().unwrap().is_empty(), "{}", f.key);
            assert_eq!(at["writeOnly"] == true, f.secret, "{}", f.key);
            assert_eq!(at["deprecated"] == true, f.role != Role::Normal, "{}", f.key);
            if let Some(n) = f.max_len {
                assert_eq!(at["maxLength"], n, "{}", f.key);
            }
            if let Some(d) = f.default {
                assert_eq!(at["default"], parse(d), "{}", f.key);
            }
            if let Role::Trap { use_instead } = f.role {
                assert!(at["description"].as_str().unwrap().contains(use_instead), "{}", f.key);
            }
        }
    }
}

#[test]
fn types_enums_and_patterns() {
    let v1 = json_schema(Profile::V1);
    let v2 = json_schema(Profile::V2);
    assert_eq!(v1["properties"]["integration"]["enum"], json!(["WHATSAPP-BAILEYS", "WHATSAPP-BUSINESS"]));
    assert_eq!(v2["properties"]["integration"]["enum"], json!(["WHATSAPP-BAILEYS", "WHATSAPP-BUSINESS", "EVOLUTION"]));
    assert_eq!(v2["properties"]["integration"]["default"], "WHATSAPP-BAILEYS");
    assert_eq!(v2["required"], json!(["instanceName", "integration"]));
    assert_eq!(v1["required"], json!(["instanceName"]));
    assert_eq!(v1["properties"]["number"]["pattern"], PHONE_PATTERN);
    assert_eq!(v1["properties"]["chatwoot_account_id"]["type"], json!(["integer", "string"]));
    assert_eq!(v2["properties"]["chatwootAccountId"]["type"], "string");
    assert_eq!(v1["properties"]["events"]["items"]["enum"].as_array().unwrap().len(), 26);
    assert_eq!(v2["properties"]["webhook"]["properties"]["events"]["items"]["enum"].as_array().unwrap().len(), 31);
    assert_eq!(v2["properties"]["webhook"]["required"], json!(["url", "events"]));
    assert_eq!(v2["properties"]["webhook"]["properties"]["headers"]["additionalProperties"]["type"], "string");
    // 1.x takes a scheme-less webhook URL; 2.x stores one but never calls it.
    assert!(v1["properties"]["webhook"].get("format").is_none());
    assert_eq!(v2["properties"]["webhook"]["properties"]["url"]["format"], "uri");
    assert!(v2["properties"]["chatwootUrl"].get("format").is_none(), "the server needs no scheme there");
}

#[test]
fn preset_like_payloads_validate() {
    for name in ["seed-basic.jsonc", "seed-webhook.jsonc", "seed-chatwoot.jsonc"] {
        let text = seed(name);
        ok(Profile::V1, parse(&text));
        let migrated = crate::migrate::migrate(&text, Profile::V1, Profile::V2).unwrap();
        ok(Profile::V2, parse(&migrated.text));
    }
    ok(
        Profile::V1,
        json!({"instanceName": "shop", "token": "t-1", "qrcode": true, "webhook": "hooks.example.com/evo",
        "events": ["MESSAGES_UPSERT"], "chatwoot_account_id": "1", "chatwoot_token": "x",
        "chatwoot_url": "https://c.example", "chatwoot_sign_msg": false, "proxy": {"host": "p", "port": "3128"}}),
    );
    ok(
        Profile::V1,
        json!({"instanceName": "biz", "integration": "WHATSAPP-BUSINESS", "token": "EAAG", "number": "5511999999999"}),
    );
    ok(
        Profile::V2,
        json!({"instanceName": "shop", "integration": "WHATSAPP-BAILEYS", "qrcode": true,
        "number": "5511999999999", "rejectCall": true, "msgCall": "busy",
        "webhook": {"url": "https://example.com/h", "events": [], "byEvents": false, "headers": {"x-k": "v"}}}),
    );
    ok(
        Profile::V2,
        json!({"instanceName": "biz", "integration": "WHATSAPP-BUSINESS", "token": "EAAG",
        "number": "1234567890", "businessId": "99"}),
    );
    ok(
        Profile::V2,
        json!({"instanceName": "cw", "integration": "WHATSAPP-BAILEYS", "chatwootAccountId": "1",
        "chatwootToken": "t", "chatwootUrl": "http://127.0.0.1:9", "chatwootSignMsg": true,
        "chatwootReopenConversation": false, "chatwootConversationPending": false,
        "chatwootDaysLimitImportMessages": 7}),
    );
    // Unknown keys are allowed (the server ignores them; the linter names them).
    ok(Profile::V2, json!({"instanceName": "x", "integration": "EVOLUTION", "whatever": [1]}));
    // A trio field given empty turns the Chatwoot path off: its booleans are not required.
    ok(
        Profile::V2,
        json!({"instanceName": "x", "integration": "EVOLUTION", "chatwootAccountId": "",
        "chatwootToken": "t", "chatwootUrl": "u"}),
    );
}

#[test]
fn wrong_payloads_fail() {
    use Profile::{V1, V2};
    bad(V1, json!({"instanceName": "x", "qrcode": "true"}), "/qrcode: not of type");
    bad(V1, json!({"qrcode": true}), "instanceName\" is required");
    bad(V1, json!({"instanceName": "x", "events": ["messages_upsert"]}), "/events/0: not in the enum");
    bad(V1, json!({"instanceName": "x", "number": "+5511"}), "/number: does not match");
    bad(V1, json!({"instanceName": "x", "chatwoot_account_id": "one"}), "/chatwoot_account_id: does not match");
    bad(V1, json!({"instanceName": "x", "chatwoot_account_id": 1.5}), "not of type");
    bad(V1, json!({"instanceName": "x", "integration": "WHATSAPP-BUSINESS"}), "number\" is required");
    bad(V1, json!({"instanceName": "x", "proxy": {"host": "h"}}), "/proxy: \"port\" is required");
    bad(
        V1,
        json!({"instanceName": "x", "chatwoot_account_id": 1, "chatwoot_token": "t", "chatwoot_url": "u"}),
        "chatwoot_sign_msg\" is required",
    );
    bad(V2, json!({"instanceName": "x"}), "integration\" is required");
    bad(V2, json!({"instanceName": "x", "integration": "BAILEYS"}), "/integration: not in the enum");
    bad(V2, json!({"instanceName": "x", "integration": "WHATSAPP-BUSINESS", "number": "1234"}), "token\" is required");
    bad(
        V2,
        json!({"instanceName": "x", "integration": "WHATSAPP-BUSINESS", "number": "1234", "token": ""}),
        "/token: too short",
    );
    bad(V2, json!({"instanceName": "x", "integration": "EVOLUTION", "chatwootAccountId": 1}), "not of type");
    bad(V2, json!({"instanceName": "x", "integration": "EVOLUTION", "chatwootUrl": "u"}), "chatwootUrl needs");
    bad(
        V2,
        json!({"instanceName": "x", "integration": "EVOLUTION", "webhook": {"events": []}}),
        "/webhook: \"url\" is required",
    );
    bad(
        V2,
        json!({"instanceName": "x", "integration": "EVOLUTION", "webhook": {"url": "u", "events": ["NOPE"]}}),
        "/webhook/events/0",
    );
    bad(
        V2,
        json!({"instanceName": "x", "integration": "EVOLUTION", "webhook": {"url": "u", "events": [],
        "headers": {"a": 1}}}),
        "/webhook/headers/a",
    );
    bad(V2, json!({"instanceName": "x", "integration": "EVOLUTION", "msgCall": "m".repeat(101)}), "too long");
    bad(V2, json!({"instanceName": "x", "integration": "EVOLUTION", "proxyPort": 3128}), "/proxyPort: not of type");
    bad(V2, json!({"instanceName": "x", "integration": "EVOLUTION", "webhookByEvents": "no"}), "/webhookByEvents");
}

/// The page serves `schema/evolution-create-{v1,v2}.schema.json` as static files (no schema code in
/// the wasm): they must be what `json_schema` generates. Regenerate with
/// `for p in v1 v2; do cargo run -q -p evo-lint -- --schema $p > schema/evolution-create-$p.schema.json; done`,
/// and for each configuration route `E` the generation has, `--schema $p --endpoint E >
/// schema/evolution-E-$p.schema.json` (the configuration page's "JSON Schema" link).
#[test]
fn the_served_schema_files_are_current() {
    use crate::config::Endpoint;
    for p in Profile::ALL {
        let path = format!("{}/../../schema/evolution-create-{}.schema.json", env!("CARGO_MANIFEST_DIR"), p.id());
        let served: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(served, json_schema(p), "{path} is stale: regenerate it (see this test's comment)");
        for e in Endpoint::ALL.into_iter().filter(|e| *e != Endpoint::Create) {
            let path =
                format!("{}/../../schema/evolution-{}-{}.schema.json", env!("CARGO_MANIFEST_DIR"), e.id(), p.id());
            let served =
                std::fs::read_to_string(&path).ok().and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok());
            if e.exists_in(p) {
                assert_eq!(
                    served,
                    Some(crate::config::json_schema(e, p)),
                    "{path} is stale or missing (see this test's comment)"
                );
            } else {
                assert_eq!(served, None, "{path}: the route does not exist in {}", p.id());
            }
        }
    }
}
