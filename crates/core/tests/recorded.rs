//! Every exchange recorded from a live Evolution API 1.8.2 server, decoded.

use evo_core::fields::Profile;
use evo_core::response::{decode, field_of_message, Decoded};
use serde_json::Value;

fn exchanges() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/recorded-1.8.2.json");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["exchanges"].as_array().unwrap().clone()
}

#[test]
fn every_recorded_exchange_decodes_to_its_kind() {
    let all = exchanges();
    assert_eq!(all.len(), 112);
    let (mut created, mut errors, mut mapped) = (0, 0, 0);
    for ex in &all {
        let title = ex["title"].as_str().unwrap();
        let req = &ex["request"];
        let status = ex["response"]["status"].as_u64().unwrap() as u16;
        let body = &ex["response"]["body"];
        let text = if body.is_null() { String::new() } else { body.to_string() };
        let decoded = decode(status, &text);
        let is_create = req["path"].as_str().unwrap().starts_with("/instance/create") && req["method"] == "POST";
        match (status, &decoded) {
            (201, Decoded::Created(c)) => {
                created += 1;
                assert_eq!(c.instance_name.as_deref(), req["body"]["instanceName"].as_str(), "{title}");
                assert_eq!(c.instance_key.as_deref(), body["hash"]["apikey"].as_str(), "{title}");
                assert_eq!(c.status.as_deref(), Some("created"));
                if let Some(t) = req["body"]["token"].as_str() {
                    assert_eq!(c.instance_key.as_deref(), Some(t), "{title}: the key is the token sent");
                }
                let wants_qr = req["body"]["qrcode"] == Value::Bool(true) && req["body"].get("chatwoot_url").is_none();
                match &c.qrcode {
                    Some(q) => {
                        assert!(wants_qr, "{title}");
                        assert!(q.is_pending() && q.count == Some(0), "{title}: the recorded server never had a QR");
                    }
                    None => assert!(!wants_qr, "{title}"),
                }
                if let Some(w) = body["webhook"]["webhook"].as_str() {
                    assert_eq!(c.webhook.as_deref(), Some(w));
                    assert_eq!(c.events.len(), body["webhook"]["events"].as_array().map_or(0, Vec::len));
                }
                assert_eq!(c.chatwoot_enabled, body.get("chatwoot").is_some(), "{title}");
            }
            (400..=599, Decoded::Error(e)) => {
                errors += 1;
                assert_eq!(e.status, Some(status), "{title}");
                assert!(!e.messages.is_empty(), "{title}");
                assert!(e.messages.iter().all(|m| !m.is_empty()));
                if is_create && status == 400 {
                    for m in &e.messages {
                        match field_of_message(Profile::V1, m) {
                            Some(f) => {
                                mapped += 1;
                                // The field is in the payload (or, for "is required", should be).
                                let sent = req["body"].get(&f.key).is_some();
                                // Or the message is about a field to add: "token is required", or
                                // "Token already exists" after a token-less create (send your own).
                                let to_add = m.ends_with("is required") || m == "Token already exists";
                                assert!(sent || to_add, "{title}: {m} -> {f:?}");
                                if let Some(i) = f.index {
                                    assert!(req["body"][&f.key].get(i).is_some(), "{title}: index {i}");
                                }
                            }
                            // A non-HTTP failure cut to one character ("C"), or a JSON parse error.
                            None => assert!(m.len() == 1 || m.starts_with("Unexpected"), "{title}: unmapped {m:?}"),
                        }
                    }
                }
            }
            (204, Decoded::Empty) | (200, Decoded::OtherJson) => {}
            (200, Decoded::Error(_)) => {} // logout/delete success envelopes carry response.message too
            (s, d) => panic!("{title}: status {s} decoded as {d:?}"),
        }
    }
    println!("recorded: {created} created, {errors} errors, {mapped} error messages mapped to a field");
    assert_eq!(created, 31, "every 201 in the recording");
    assert!(mapped >= 12, "{mapped}");
}
