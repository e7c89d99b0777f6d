//! The configuration linter against every `set` sent to the real 1.8.2 and 2.3.6 servers
//! (`testdata/recorded-config.json`): a body the server refused (4xx/5xx, nothing stored) is an
//! error before sending; a body stored while something was lost (read in the next `find`) is
//! flagged by the rule `CONTRACT-config.md` names; a body kept whole is clean. The `find` read
//! before each set (when no other set was stored in between) is the context, as the page passes it.

use evo_core::config::{lint_config_in, ConfigContext, Endpoint};
use evo_core::fields::Profile;
use evo_core::lint::{Code, LintOptions, Severity};
use serde_json::Value;

/// What the recording shows for each set, by the number its title starts with.
enum Expect {
    /// Refused for the body: ≥1 error.
    Reject,
    /// Refused or answered for reasons outside the body (unknown instance, key, no internet).
    Server,
    /// Stored while something was lost or never works: flagged (warning or error) with this code.
    Flag(&'static [Code]),
    /// Kept whole: no error, no warning.
    Clean,
}

use Expect::*;

fn expect(n: u32) -> Expect {
    use Code as C;
    match n {
        7 | 16 | 22 | 26 | 32 | 55 | 64 | 112 | 117 | 130 | 137 | 141 | 166 | 186 | 198 => Clean,
        18 | 19 | 20 | 21 | 51 | 53 | 62 | 79 | 133 | 134 | 135 | 136 | 168 | 170 | 182 | 201 | 210 => Server,
        61 => Server, // socks5 on 1.8.2: unreachable anyway; P5 warns
        10 => Flag(&[C::ConfigReplace]),
        14 => Flag(&[C::V2Key, C::UnknownKey]),
        28 => Flag(&[C::ConfigReplace]),
        40 | 155 | 157 => Flag(&[C::WebhookUrl]),
        42 => Flag(&[C::Type]),
        45 => Flag(&[C::V2Key]),
        47 | 76 | 85 => Flag(&[C::ConfigDisable]),
        67 | 90 | 92 | 95 | 97 | 126 | 188 => Flag(&[C::ConfigStoredOnError]),
        73 | 163 => Flag(&[C::UnknownKey]),
        81 | 84 | 203 | 211 | 213 | 215 | 217 | 221 | 225 => Flag(&[C::ConfigServerSwitch]),
        115 | 128 | 143 | 147 => Flag(&[C::ConfigMerge]),
        122 => Flag(&[C::V1Key]),
        172 | 176 => Flag(&[C::ConfigReadBack]),
        184 => Flag(&[C::ConfigFirstSet]),
        193 => Flag(&[C::Type]),
        208 => Flag(&[C::Required]),
        209 => Flag(&[C::Profile]),
        _ => Reject,
    }
}

fn exchanges() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/recorded-config.json");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["exchanges"].as_array().unwrap().clone()
}

fn body_text(body: &Value) -> Option<String> {
    match body {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(serde_json::to_string_pretty(other).unwrap()),
    }
}

#[test]
fn the_config_linter_agrees_with_both_servers() {
    let (mut rejected, mut flagged, mut clean, mut server, mut total) = (0, 0, 0, 0, 0);
    let mut wrong: Vec<String> = Vec::new();
    // The last find per (route, instance), forgotten when a set may have changed what is stored.
    let mut finds: std::collections::HashMap<String, String> = Default::default();
    for ex in exchanges() {
        let req = &ex["request"];
        let path = req["path"].as_str().unwrap();
        let status = ex["response"]["status"].as_u64().unwrap();
        let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        let [name, verb, instance] = parts[..] else { continue };
        let Some(endpoint) = Endpoint::parse(name).filter(|e| *e != Endpoint::Create) else { continue };
        let key = format!("{}/{name}/{instance}", &ex["section"].as_str().unwrap()[..5]);
        if verb == "find" {
            if status == 200 {
                let b = body_text(&ex["response"]["body"]).unwrap_or_else(|| "null".into());
                finds.insert(key, b);
            }
            continue;
        }
        if req["method"] != "POST" || verb != "set" {
            continue;
        }
        let title = ex["title"].as_str().unwrap();
        let n: u32 = title.split('.').next().unwrap().parse().unwrap();
        let profile = Profile::of_version(ex["section"].as_str().unwrap()).unwrap();
        let text = body_text(&req["body"]).unwrap();
        let ctx = ConfigContext { current: finds.get(&key).cloned(), ..Default::default() };
        if (200..300).contains(&status) || status >= 500 {
            finds.remove(&key);
        }
        let report = lint_config_in(&text, endpoint, &LintOptions::default().with_profile(profile), &ctx);
        let worst = report.diagnostics.iter().map(|d| d.severity).min();
        let shown = || format!("{title} ({status}):\n{text}\n{:#?}", report.diagnostics);
        total += 1;
        match expect(n) {
            Reject => {
                assert!(status >= 400, "{title}: expected a refusal");
                if worst != Some(Severity::Error) {
                    wrong.push(format!("refused by the server, not an error: {}", shown()));
                }
                rejected += 1;
            }
            Server => server += 1,
            Flag(codes) => {
                if !report.diagnostics.iter().any(|d| d.severity <= Severity::Warning && codes.contains(&d.code)) {
                    wrong.push(format!("stored with a loss, not flagged by {codes:?}: {}", shown()));
                }
                flagged += 1;
            }
            Clean => {
                assert!(status < 300, "{title}");
                if worst.is_some_and(|w| w != Severity::Info) {
                    wrong.push(format!("kept whole, yet: {}", shown()));
                }
                clean += 1;
            }
        }
    }
    assert!(wrong.is_empty(), "{} disagreements:\n{}", wrong.len(), wrong.join("\n\n"));
    println!("config sets: {rejected} rejected and caught as errors, {flagged} silent losses flagged, {clean} kept whole and clean, {server} refused for reasons outside the body — of {total}");
    assert_eq!((rejected, flagged, clean, server, total), (63, 40, 15, 18, 136));
}

/// Every 400 message of a configuration route names a field of that route's table.
#[test]
fn every_400_message_names_a_field() {
    let mut mapped = 0;
    for ex in exchanges() {
        let (req, res) = (&ex["request"], &ex["response"]);
        let path = req["path"].as_str().unwrap();
        let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        let [name, "set", _] = parts[..] else { continue };
        let Some(endpoint) = Endpoint::parse(name) else { continue };
        if res["status"] != 400 || !req["body_is_json"].as_bool().unwrap_or(true) {
            continue;
        }
        let profile = Profile::of_version(ex["section"].as_str().unwrap()).unwrap();
        let mut messages = Vec::new();
        let mut stack = vec![&res["body"]["response"]["message"]];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items),
                Value::String(s) => messages.push(s.as_str()),
                _ => {}
            }
        }
        for m in messages {
            // The create's own shapes aside, every message maps (A4's "requires property" of the other shape too).
            let f = endpoint.field_of_message(profile, m);
            assert!(f.is_some(), "{}: {m}", ex["title"]);
            mapped += 1;
        }
    }
    println!("{mapped} messages of 400 answers mapped onto fields");
    assert_eq!(mapped, 97);
}

/// A7: after a 5xx, whether the next find shows the body stored; E5: empty 2xx answers of 2.x sinks.
#[test]
fn after_a_5xx_read_back_and_empty_answers_mean_off() {
    let all = exchanges();
    let (mut stored, mut not) = (0, 0);
    for (i, ex) in all.iter().enumerate() {
        let (req, res) = (&ex["request"], &ex["response"]);
        let path = req["path"].as_str().unwrap();
        let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        let [name, verb, _] = parts[..] else { continue };
        let Some(endpoint) = Endpoint::parse(name) else { continue };
        let status = res["status"].as_u64().unwrap() as u16;
        let profile = Profile::of_version(ex["section"].as_str().unwrap()).unwrap();
        let body = body_text(&res["body"]).unwrap_or_default();
        if endpoint.answer_means_off(profile, status, &body) {
            assert!(
                matches!(
                    endpoint,
                    Endpoint::Websocket
                        | Endpoint::Rabbitmq
                        | Endpoint::Sqs
                        | Endpoint::Nats
                        | Endpoint::Kafka
                        | Endpoint::Pusher
                ),
                "{}",
                ex["title"]
            );
        }
        if verb != "set" || status < 500 {
            continue;
        }
        let message = res["body"]["response"]["message"].as_str().unwrap_or_default();
        // CONTRACT-config §0.4 / A7, read in the finds after them: these stored the body anyway.
        let n: u32 = ex["title"].as_str().unwrap().split('.').next().unwrap().parse().unwrap();
        let kept = [67, 90, 92, 95, 97, 126, 188].contains(&n);
        assert_eq!(endpoint.may_have_stored(status, message), kept, "{}: {message}", ex["title"]);
        if let Some(after) = all.get(i + 1).filter(|e| e["request"]["path"] == path.replace("/set/", "/find/")) {
            if kept {
                assert_eq!(after["response"]["status"], 200, "{}", ex["title"]);
            }
        }
        if kept {
            stored += 1
        } else {
            not += 1
        }
    }
    println!("5xx sets read back: {stored} stored anyway, {not} stored nothing");
    assert_eq!((stored, not), (7, 7));
    assert_eq!(evo_core::config::SET_STATUS, 201);
}
