//! The v2 linter against every create sent to a real Evolution API 2.3.6 server
//! (`testdata/recorded-2.3.6.json`): what the server refused, the linter calls an error before
//! sending; what it accepted while losing settings silently, the linter flags; what it accepted
//! and kept whole, the linter calls clean.

use evo_core::fields::Profile;
use evo_core::lint::{lint, LintOptions, Severity};
use evo_core::response::{decode, Decoded};
use serde_json::Value;

fn exchanges() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/recorded-2.3.6.json");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["exchanges"].as_array().unwrap().clone()
}

/// Refusals that depend on the server, not on the payload: its settings, its network, its data.
fn server_side(message: &str, status: u16) -> bool {
    matches!(status, 401 | 403 | 500) || message == "Chatwoot is not enabled" || message == "Invalid proxy"
}

/// 201s where the server kept everything that was sent (checked by reading the recording's titles
/// and the contract): the linter must call them clean. Every other 201 lost something.
const KEPT_WHOLE: &[&str] = &[
    "2. minimal v2 payload",
    "4. qrcode:true",
    "6. qrcode:false",
    "7. custom instance token",
    "9. same token again",
    "10. number + qrcode:true",
    "13. integration WHATSAPP-BUSINESS with token and number",
    "22. full webhook object",
    "24. webhook with events:[]",
    "43. v1 seed \"basic\" + integration",
    "52. all v2 settings",
    "112. actual POST with Origin (success)",
    "135. re-create the deleted name",
    "4. POST from the allowed origin",
];

#[test]
fn the_v2_linter_agrees_with_the_server() {
    let opts = LintOptions::with_fresh_token("0b9a8f52-3c1d-4e7f-9a2b-6c5d4e3f2a1b").with_profile(Profile::V2);
    let (mut refused, mut silent, mut whole) = (0, 0, 0);
    for ex in exchanges() {
        let req = &ex["request"];
        if req["method"] != "POST" || req["path"] != "/instance/create" {
            continue;
        }
        let title = ex["title"].as_str().unwrap();
        let status = ex["response"]["status"].as_u64().unwrap() as u16;
        let text = match &req["body"] {
            Value::String(s) => s.clone(),
            Value::Null => continue,
            other => serde_json::to_string_pretty(other).unwrap(),
        };
        let report = lint(&text, &opts);
        let worst = report.diagnostics.iter().map(|d| d.severity).min();
        let body = &ex["response"]["body"];
        let decoded = decode(status, &body.to_string());
        let message = match &decoded {
            Decoded::Error(e) => e.messages.join(" "),
            _ => body.as_str().unwrap_or_default().to_owned(),
        };
        if status == 201 {
            if KEPT_WHOLE.iter().any(|t| title.starts_with(t)) {
                // The recording's sinks are on the server's own loopback: that warning (W11) is right.
                let bad: Vec<_> = report
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity != Severity::Info && d.code != "evo/webhook-localhost")
                    .collect();
                assert!(bad.is_empty(), "{title}: the server kept it whole, yet {bad:#?}");
                whole += 1;
            } else {
                assert!(
                    worst.is_some_and(|w| w <= Severity::Warning),
                    "{title}: the server lost something silently; the linter must say so:\n{text}"
                );
                silent += 1;
            }
        } else if !server_side(&message, status) || report.root.as_ref().is_some_and(|r| r.members().is_none()) {
            assert_eq!(
                worst,
                Some(Severity::Error),
                "{title}: the server answered {status} {message:?}; the linter must call it an error:\n{text}"
            );
            refused += 1;
        }
    }
    println!("2.3.6 creates: {refused} refused and caught as errors, {silent} silent losses flagged, {whole} kept whole and clean");
    assert!(refused >= 30 && silent >= 15 && whole == KEPT_WHOLE.len(), "{refused} {silent} {whole}");
}

#[test]
fn every_2_3_6_create_answer_decodes_and_its_errors_name_their_fields() {
    use evo_core::response::field_of_message;
    let (mut created, mut mapped) = (0, 0);
    for ex in exchanges() {
        let req = &ex["request"];
        if req["method"] != "POST" || req["path"] != "/instance/create" {
            continue;
        }
        let title = ex["title"].as_str().unwrap();
        let status = ex["response"]["status"].as_u64().unwrap() as u16;
        let body = &ex["response"]["body"];
        match decode(status, &body.to_string()) {
            Decoded::Created(c) => {
                created += 1;
                assert_eq!(status, 201, "{title}");
                assert_eq!(c.instance_key.as_deref(), body["hash"].as_str(), "{title}: hash is a plain string in 2.x");
                assert!(
                    matches!(c.status.as_deref(), Some("close" | "connecting" | "open")),
                    "{title}: {:?}",
                    c.status
                );
                assert_eq!(c.chatwoot_enabled, body.get("chatwoot").is_some(), "{title}");
            }
            Decoded::Error(e) if status == 400 => {
                for m in &e.messages {
                    if let Some(f) = field_of_message(Profile::V2, m) {
                        mapped += 1;
                        let known = Profile::V2.field(&f.key).is_some();
                        assert!(known, "{title}: {m:?} mapped to {} which profile v2 does not have", f.key);
                    }
                }
            }
            _ => {}
        }
    }
    println!("2.3.6: {created} creates decoded, {mapped} error messages mapped to v2 fields");
    assert!(created >= 30 && mapped >= 20, "{created} {mapped}");
}

#[test]
fn fetch_instances_of_both_generations_decode() {
    use evo_core::instances::decode_instances;
    let mut decoded = 0;
    for file in ["recorded-1.8.2.json", "recorded-2.3.6.json"] {
        let path = format!("{}/../../testdata/{file}", env!("CARGO_MANIFEST_DIR"));
        let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for ex in v["exchanges"].as_array().unwrap() {
            let path = ex["request"]["path"].as_str().unwrap();
            if !path.starts_with("/instance/fetchInstances") || ex["response"]["status"] != 200 {
                continue;
            }
            let body = &ex["response"]["body"];
            let list = decode_instances(&body.to_string()).unwrap_or_else(|| panic!("{file} {path}: not decoded"));
            let want = body.as_array().map_or(1, Vec::len);
            assert_eq!(list.len(), want, "{file} {path}");
            for i in &list {
                // A 2.x server can hold an instance named "" (created with an empty name): listed too.
                assert!(!i.state.as_str().is_empty() && (i.id.is_some() || !i.name.is_empty()), "{file} {path}: {i:?}");
                if file.starts_with("recorded-2") {
                    assert!(i.integration.is_some() && i.created_at.is_some(), "{i:?}");
                }
            }
            decoded += list.len();
        }
    }
    println!("fetchInstances: {decoded} instances decoded from both recordings");
    assert!(decoded > 20, "{decoded}");
}
