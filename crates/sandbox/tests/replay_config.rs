//! Replays every exchange of `testdata/recorded-config.json` — the configuration routes after
//! create, recorded from a live Evolution API 1.8.2 and a live 2.3.6 server — against two fresh
//! sandboxes, one per version, configured as the recording's servers were (`CONTRACT-config.md`,
//! "Recording conditions"): no WhatsApp, no internet, RabbitMQ/SQS/websocket (and in 2.3.6
//! NATS/Kafka/Pusher) off, 2.3.6 with `CHATWOOT_ENABLED=true`. Each exchange goes, in the
//! recorded order, to the sandbox of the version its section names (`1.8.2 …` / `2.3.6 …`); the
//! status, the CORS headers and the body shape are compared with `tests/common` (generated ids,
//! tokens, timestamps and the install-specific middle of database texts are not compared).
//!
//! What the replay adapts, each named and counted:
//! - **tokens**: the recorded servers generated the instance tokens; requests that use one
//!   (`apikey` = an instance's own token) are sent with the token the sandbox generated for that
//!   instance, learned from the replayed create.
//! - **recorder pauses**: the recorder waited 1 s before exchange 174 (its title says so), to show
//!   the 2.3.6 `proxy/set` database write landing after the 201; the replay waits too.
//! - **CORS headers not recorded**: this recording kept only `Content-Type` and `Content-Length`.
//!   Both server versions answer every request without an `Origin` with exactly
//!   `Access-Control-Allow-Credentials: true` (`recorded-1.8.2.json`, `recorded-2.3.6.json`), so
//!   that is what the sandbox's answer is checked against.
//!
//! All 236 exchanges must match; a named deliberate difference (none so far) would be counted and
//! printed like `replay_v2.rs` does.

mod common;

use std::collections::HashMap;
use std::time::Duration;

use evo_sandbox::evolution::Config;
use evo_sandbox::{router, ApiVersion, CorsPolicy, Options};
use serde_json::{json, Value};

fn options_for(version: ApiVersion) -> Options {
    let v2 = version == ApiVersion::V2;
    let config = Config {
        global_key: "test-global-key".into(),
        public_url: if v2 { "http://127.0.0.1:8082" } else { "http://127.0.0.1:8081" }.into(),
        api_version: version,
        produce_qr: false,    // no WhatsApp connectivity
        instant_failure: v2,  // a started 2.3.6 connection closes at once
        chatwoot_enabled: v2, // CHATWOOT_ENABLED=true on the 2.3.6 server (1.8.2 has no switch)
        ..Config::default()   // every event sink off, proxies unreachable, the late proxy write
    };
    Options { config, cors: CorsPolicy::Any, ..Options::default() }
}

/// Pauses the recorder made before an exchange (by title number).
const RECORDER_PAUSES: &[(&str, Duration)] = &[("174.", Duration::from_secs(1))];

/// The exchange as the sandbox should be asked and answer: its own tokens, and the CORS header
/// the recorder did not keep.
fn adapted(ex: &Value, tokens: &HashMap<String, String>, counts: &mut HashMap<&'static str, u32>) -> Value {
    let mut ex = ex.clone();
    if let Some(key) = ex["request"]["headers"]["apikey"].as_str() {
        if let Some(own) = tokens.get(key) {
            ex["request"]["headers"]["apikey"] = json!(own);
            *counts.entry("tokens").or_default() += 1;
        }
    }
    let no_origin =
        !ex["request"]["headers"].as_object().is_some_and(|h| h.keys().any(|k| k.eq_ignore_ascii_case("origin")));
    let headers = ex["response"]["headers"].as_object_mut().expect("recorded headers");
    if no_origin && !headers.keys().any(|k| k.starts_with("Access-Control")) {
        headers.insert("Access-Control-Allow-Credentials".into(), json!("true"));
        *counts.entry("CORS headers not recorded").or_default() += 1;
    }
    ex
}

/// The token a create answer carries (1.8.2: `hash.apikey`, 2.3.6: `hash`).
fn created_token(body: &Value) -> Option<&str> {
    body["hash"]["apikey"].as_str().or(body["hash"].as_str())
}

#[tokio::test]
async fn replay_recorded_config_exchanges() {
    let data = common::recorded("recorded-config.json");
    let v1 = router(options_for(ApiVersion::V1));
    let v2 = router(options_for(ApiVersion::V2));
    let mut tokens: HashMap<String, String> = HashMap::new();
    let mut adapted_counts: HashMap<&'static str, u32> = HashMap::new();
    let (mut total, mut matched) = (0, 0);
    let mut per_section: Vec<(String, u32, u32)> = Vec::new();
    let mut failures = Vec::new();
    for ex in data["exchanges"].as_array().unwrap() {
        let section = ex["section"].as_str().unwrap();
        let title = ex["title"].as_str().unwrap();
        let app = if section.starts_with("2.3.6") { &v2 } else { &v1 };
        if let Some((_, pause)) = RECORDER_PAUSES.iter().find(|(n, _)| title.starts_with(n)) {
            tokio::time::sleep(*pause).await;
            *adapted_counts.entry("recorder pauses").or_default() += 1;
        }
        let sent = adapted(ex, &tokens, &mut adapted_counts);
        let common::Replayed { mut diffs, body: got } = common::replay(app, &sent).await;
        let want = &ex["response"]["body"];
        if let (Some(recorded), Some(ours)) = (created_token(want), created_token(&got)) {
            tokens.insert(recorded.to_owned(), ours.to_owned());
        }
        common::compare(want, &got, "body", &mut diffs);
        total += 1;
        if per_section.last().is_none_or(|(s, _, _)| s != section) {
            per_section.push((section.to_owned(), 0, 0));
        }
        let entry = per_section.last_mut().unwrap();
        entry.2 += 1;
        if diffs.is_empty() {
            matched += 1;
            entry.1 += 1;
        } else {
            failures.push(format!("[{section}] {title}: {diffs:?}"));
        }
    }
    println!("replay config: {matched} of {total} recorded exchanges match (status, CORS headers, body shape)");
    for (section, ok, n) in &per_section {
        println!("  {section}: {ok} of {n}");
    }
    let mut counts: Vec<_> = adapted_counts.into_iter().collect();
    counts.sort();
    for (what, n) in counts {
        println!("  adapted ({what}): {n} exchange(s)");
    }
    assert_eq!(total, 236);
    assert!(failures.is_empty(), "{} exchanges differ:\n{}", failures.len(), failures.join("\n"));
    assert_eq!(matched, 236);
}
