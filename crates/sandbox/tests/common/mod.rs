//! Shared by the replay tests: loading a recording, sending one recorded request to a sandbox
//! router, and comparing the answer with the recorded one (status, CORS headers, body shape).

use axum::body::Body;
use axum::http::Request;
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

/// A recording under `testdata/`.
pub fn recorded(file: &str) -> Value {
    let path = format!("{}/../../testdata/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("testdata present")).expect("valid JSON")
}

/// UUIDs (instance ids, server-made tokens) differ on every run.
fn looks_uuid(s: &str) -> bool {
    s.len() == 36
        && s.chars().filter(|&c| c == '-').count() == 4
        && s.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

/// Prisma record ids (`cmwx0bgw80000jo7dykwwlnv6`) differ on every run.
fn looks_cuid(s: &str) -> bool {
    s.len() == 25 && s.starts_with('c') && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

/// Database timestamps (`2026-11-26T03:42:43.752Z`) differ on every run.
fn looks_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 24 && b[4] == b'-' && b[10] == b'T' && b[19] == b'.' && s.ends_with('Z')
}

/// The stable parts of an opaque database text: the line naming the failed call and the last line
/// (what went wrong). In between, the real server shows its source path and a code excerpt that
/// differ by install (`CONTRACT-v2.md` §6.3).
fn db_text_parts(s: &str) -> Option<(&str, &str)> {
    let start = s.find("\nInvalid `")?;
    let call_end = start + s[start..].find(" invocation in\n")?;
    Some((&s[..call_end], s.rsplit('\n').next()?))
}

fn generated(a: &str, b: &str) -> bool {
    (looks_uuid(a) && looks_uuid(b)) || (looks_cuid(a) && looks_cuid(b)) || (looks_timestamp(a) && looks_timestamp(b))
}

/// Same JSON types, same object keys, same array lengths, same scalars — except generated ids and
/// times, and the install-specific middle of database texts.
pub fn compare(want: &Value, got: &Value, at: &str, diffs: &mut Vec<String>) {
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
        (Value::String(a), Value::String(b)) if generated(a, b) => {}
        (Value::String(a), Value::String(b)) if db_text_parts(a).is_some() && db_text_parts(a) == db_text_parts(b) => {}
        (a, b) if a == b => {}
        (a, b) => diffs.push(format!("{at}: {a} != {b}")),
    }
}

/// One recorded request sent to `app`: the differences in status and CORS headers, and the body.
pub struct Replayed {
    pub diffs: Vec<String>,
    pub body: Value,
}

pub async fn replay(app: &Router, ex: &Value) -> Replayed {
    let req = &ex["request"];
    let mut builder = Request::builder().method(req["method"].as_str().unwrap()).uri(req["path"].as_str().unwrap());
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
    if u64::from(resp.status().as_u16()) != want["status"].as_u64().unwrap() {
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
    // `recorded-config.json` writes an empty body as "" and keeps `Content-Length`: an empty answer
    // must be empty there, and a recorded length means a body was sent (JSON `null` is 4 bytes).
    let recorded_empty = want["body"] == "";
    let recorded_length = want["headers"]["Content-Length"].as_str().and_then(|l| l.parse::<usize>().ok());
    if recorded_length.is_some_and(|l| l > 0) && bytes.is_empty() {
        diffs.push(format!("empty body, recorded Content-Length {}", recorded_length.unwrap_or(0)));
    }
    let body = match (bytes.is_empty(), recorded_empty) {
        (true, true) => Value::String(String::new()),
        (true, false) => Value::Null,
        (false, _) => serde_json::from_slice(&bytes).unwrap(),
    };
    Replayed { diffs, body }
}
