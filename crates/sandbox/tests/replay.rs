//! Replays every exchange of `testdata/recorded-1.8.2.json` (a live Evolution API 1.8.2 server)
//! against the sandbox, in order, and compares status, CORS headers and body shape.
//!
//! The create flow (`GET /`, `POST /instance/create`, its CORS preflights) must match in full;
//! the overall match rate over all 112 exchanges is printed.

use axum::body::Body;
use axum::http::Request;
use evo_sandbox::evolution::Config;
use evo_sandbox::{router, CorsPolicy, Options};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

fn recorded() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/recorded-1.8.2.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("testdata present")).expect("valid JSON")
}

fn options_for(section: &str) -> Options {
    let config = Config {
        global_key: "test-global-key".into(),
        public_url: "http://127.0.0.1:8081".into(),
        produce_qr: false, // the recorded server had no WhatsApp connectivity
        expose_in_fetch: !section.starts_with("Appendix C"),
        instant_failure: section.starts_with("Appendix A"),
        ..Config::default()
    };
    let cors = if section.starts_with("Appendix B") {
        CorsPolicy::Only(vec!["http://localhost:3000".into()])
    } else {
        CorsPolicy::Any
    };
    Options { config, cors, ..Options::default() }
}

fn looks_generated(s: &str) -> bool {
    // UUIDs (instance ids, server-made tokens) differ on every run.
    s.len() == 36
        && s.chars().filter(|&c| c == '-').count() == 4
        && s.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

/// Same JSON types, same object keys, same array lengths, same scalars — except generated ids.
fn compare(want: &Value, got: &Value, at: &str, diffs: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            let mut wk: Vec<_> = w.keys().collect();
            let mut gk: Vec<_> = g.keys().collect();
            wk.sort();
            gk.sort();
            if wk != gk {
                diffs.push(format!("{at}: keys {wk:?} != {gk:?}"));
                return;
            }
            for (k, v) in w {
                compare(v, &g[k], &format!("{at}.{k}"), diffs);
            }
        }
        (Value::Array(w), Value::Array(g)) if w.len() == g.len() => {
            for (i, (a, b)) in w.iter().zip(g).enumerate() {
                compare(a, b, &format!("{at}[{i}]"), diffs);
            }
        }
        (Value::String(a), Value::String(b)) if looks_generated(a) && looks_generated(b) => {}
        (a, b) if a == b => {}
        (a, b) => diffs.push(format!("{at}: {a} != {b}")),
    }
}

#[tokio::test]
async fn replay_recorded_exchanges() {
    let data = recorded();
    let mut current_section = String::new();
    let mut app = router(options_for(""));
    let (mut total, mut matched) = (0, 0);
    let mut create_flow_failures = Vec::new();
    let mut other_failures = Vec::new();
    for ex in data["exchanges"].as_array().unwrap() {
        let section = ex["section"].as_str().unwrap();
        let is_appendix = section.starts_with("Appendix");
        if is_appendix && section != current_section {
            app = router(options_for(section)); // each appendix ran against a freshly started server
        }
        current_section = section.to_owned();
        let req = &ex["request"];
        let path = req["path"].as_str().unwrap();
        let mut builder = Request::builder().method(req["method"].as_str().unwrap()).uri(path);
        for (k, v) in req["headers"].as_object().unwrap() {
            builder = builder.header(k, v.as_str().unwrap());
        }
        let body = match (&req["body"], req["body_is_json"].as_bool().unwrap()) {
            (Value::Null, _) => Body::empty(),
            (Value::String(s), false) => Body::from(s.clone()),
            (v, _) => Body::from(v.to_string()),
        };
        let resp = app.clone().oneshot(builder.body(body).unwrap()).await.unwrap();
        let want = &ex["response"];
        let mut diffs = Vec::new();
        if resp.status().as_u16() as u64 != want["status"].as_u64().unwrap() {
            diffs.push(format!("status {} != {}", want["status"], resp.status()));
        }
        for (k, v) in want["headers"].as_object().unwrap() {
            if k.starts_with("Access-Control") {
                let got = resp.headers().get(k).and_then(|h| h.to_str().ok());
                if got != v.as_str() {
                    diffs.push(format!("header {k}: {v} != {got:?}"));
                }
            }
        }
        let cors_headers = resp.headers().keys().filter(|k| k.as_str().starts_with("access-control")).count();
        let want_cors = want["headers"].as_object().unwrap().keys().filter(|k| k.starts_with("Access-Control")).count();
        if cors_headers != want_cors {
            diffs.push(format!("{cors_headers} CORS headers, recorded {want_cors}"));
        }
        let bytes = resp.into_body().collect().await.unwrap().to_bytes();
        let got: Value = if bytes.is_empty() { Value::Null } else { serde_json::from_slice(&bytes).unwrap() };
        compare(&want["body"], &got, "body", &mut diffs);
        total += 1;
        let title = ex["title"].as_str().unwrap();
        if diffs.is_empty() {
            matched += 1;
        } else if path == "/" || path.starts_with("/instance/create") {
            create_flow_failures.push(format!("[{section}] {title}: {diffs:?}"));
        } else {
            other_failures.push(format!("[{section}] {title}: {diffs:?}"));
        }
    }
    println!("replay: {matched} of {total} recorded exchanges match (status, CORS headers, body shape)");
    assert_eq!(total, 112);
    assert!(create_flow_failures.is_empty(), "create-flow exchanges differ:\n{}", create_flow_failures.join("\n"));
    assert!(other_failures.is_empty(), "other exchanges differ:\n{}", other_failures.join("\n"));
}
