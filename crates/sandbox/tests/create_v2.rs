//! The 2.3.6 create rules that the recording shows only once, or not at all: the order of checks,
//! the rollback and how long the name stays taken, and the database texts.

use std::time::{Duration, Instant};

use evo_sandbox::evolution::Config;
use evo_sandbox::evolution_v2::{create, Store};
use evo_sandbox::ApiVersion;
use serde_json::{json, Value};

fn cfg() -> Config {
    Config { global_key: "k".into(), api_version: ApiVersion::V2, ..Config::default() }
}

fn message(reply: &(u16, Value)) -> String {
    let m = &reply.1["response"]["message"];
    m.as_str().map(str::to_owned).unwrap_or_else(|| m.to_string())
}

#[test]
fn name_guard_then_key_then_schema_then_controller() {
    let (c, mut s, t) = (cfg(), Store::default(), Instant::now());
    // No instance yet: a missing name passes the guard and fails in the database.
    let r = create(&mut s, &c, Some("k"), &json!({"integration": "EVOLUTION"}), t);
    assert_eq!(r.0, 400);
    assert!(message(&r).ends_with("Argument `name` is missing.\"]"), "{}", message(&r));
    assert_eq!(create(&mut s, &c, Some("k"), &json!({"instanceName": "a", "integration": "EVOLUTION"}), t).0, 201);
    // Taken (or missing) name beats a missing key; the key beats the schema.
    let r = create(&mut s, &c, None, &json!({"instanceName": "a"}), t);
    assert_eq!((r.0, message(&r)), (403, r#"["This name \"a\" is already in use."]"#.into()));
    let r = create(&mut s, &c, None, &json!([1]), t);
    assert_eq!(message(&r), r#"["This name \"undefined\" is already in use."]"#);
    assert_eq!(create(&mut s, &c, Some("x"), &json!({"instanceName": "b", "qrcode": 1}), t).0, 401);
    let r = create(&mut s, &c, Some("k"), &json!({"instanceName": "b", "qrcode": 1, "proxyPort": 1}), t);
    assert_eq!(r.1["response"]["message"][0].as_array().map(Vec::len), Some(2), "all violations, nested");
    let r = create(&mut s, &c, Some("k"), &json!({"instanceName": "b", "integration": "WHATSAPP-BUSINESS"}), t);
    assert_eq!(message(&r), r#"["token is required"]"#);
    let r = create(&mut s, &c, None, &json!({"instanceName": 7}), t);
    assert_eq!(r.0, 500);
    assert!(message(&r).contains("provided Int."));
}

#[test]
fn a_rolled_back_name_is_held_briefly() {
    let (c, mut s, t) = (cfg(), Store::default(), Instant::now());
    let bad = json!({"instanceName": "r", "integration": "WHATSAPP-BAILEYS", "webhook": {"url": "http://h.example/x"}});
    let r = create(&mut s, &c, Some("k"), &bad, t);
    assert_eq!(message(&r), r#"["Cannot read properties of undefined (reading 'length')"]"#);
    assert!(s.find("r").is_none(), "rolled back");
    let good = json!({"instanceName": "r", "integration": "WHATSAPP-BAILEYS", "webhook": {"url": "http://h.example/x", "events": []}});
    assert_eq!(create(&mut s, &c, Some("k"), &good, t + Duration::from_millis(100)).0, 403);
    let r = create(&mut s, &c, Some("k"), &good, t + c.rollback_hold + Duration::from_millis(1));
    assert_eq!(r.0, 201);
    assert_eq!(s.find("r").unwrap().webhook.as_ref().unwrap()["events"].as_array().unwrap().len(), 31);
    // Failures before the row is saved hold nothing.
    let early = json!({"instanceName": "e", "integration": "nope"});
    assert_eq!(create(&mut s, &c, Some("k"), &early, t).0, 400);
    assert_eq!(create(&mut s, &c, Some("k"), &json!({"instanceName": "e", "integration": "EVOLUTION"}), t).0, 201);
}

#[test]
fn chatwoot_follows_the_server_setting_and_the_qr_needs_baileys() {
    let (mut c, mut s, t) = (cfg(), Store::default(), Instant::now());
    let cw = json!({"instanceName": "c", "integration": "WHATSAPP-BAILEYS", "qrcode": true,
        "chatwootAccountId": "1", "chatwootToken": "t", "chatwootUrl": "http://127.0.0.1:9",
        "chatwootSignMsg": true, "chatwootReopenConversation": false, "chatwootConversationPending": false});
    assert_eq!(message(&create(&mut s, &c, Some("k"), &cw, t)), r#"["Chatwoot is not enabled"]"#);
    c.chatwoot_enabled = true;
    let r = create(&mut s, &c, Some("k"), &cw, t + Duration::from_secs(1));
    assert_eq!(r.0, 201);
    assert!(r.1.get("qrcode").is_none(), "no QR on the Chatwoot path");
    assert_eq!(r.1["chatwoot"]["webhookUrl"], "http://127.0.0.1:8081/chatwoot/webhook/c");
    let evo = json!({"instanceName": "e", "integration": "EVOLUTION", "qrcode": true});
    assert!(create(&mut s, &c, Some("k"), &evo, t).1.get("qrcode").is_none());
}
