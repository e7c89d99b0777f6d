//! Lint speed: a 5 KB and a ~1 MB generated create payload, in each profile's shape and linted under
//! that profile, against serde_json's own parse of the same text. Prints µs per run and MB/s. Run:
//! `cargo bench -p evo-core --bench lint`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use evo_core::fields::Profile;
use evo_core::lint::{lint, LintOptions};

/// A valid create payload of about `size` bytes: the seed fields, a webhook with events, and a
/// `metadata` list of records (strings with escapes, numbers, booleans, nested arrays).
fn payload(profile: Profile, size: usize) -> String {
    const EVENTS: &str = "[\"QRCODE_UPDATED\", \"MESSAGES_UPSERT\", \"MESSAGES_UPDATE\", \"MESSAGES_DELETE\", \"SEND_MESSAGE\", \"CONNECTION_UPDATE\"]";
    let head = match profile {
        Profile::V1 => format!("  \"webhook\": \"https://hooks.example.com/evolution\",\n  \"webhook_by_events\": false,\n  \"events\": {EVENTS},\n"),
        Profile::V2 => format!("  \"integration\": \"WHATSAPP-BAILEYS\",\n  \"webhook\": {{\"url\": \"https://hooks.example.com/evolution\", \"byEvents\": false, \"events\": {EVENTS}}},\n"),
    };
    let mut s = format!(
        "{{\n  \"instanceName\": \"shop\",\n  \"token\": \"0b9a8f52-3c1d-4e7f-9a2b-6c5d4e3f2a1b\",\n  \"qrcode\": true,\n{head}  \"metadata\": [\n"
    );
    let mut i = 0;
    while s.len() < size - 200 {
        if i > 0 {
            s.push_str(",\n");
        }
        s.push_str(&format!(
            "    {{\"id\": {i}, \"name\": \"Customer n\\u00ba {i}\", \"tags\": [\"vip\", \"sp\"], \"score\": {}.5e2, \"active\": {}, \"note\": \"line\\nwith \\\"quotes\\\" and ção\"}}",
            i % 97,
            i % 2 == 0
        ));
        i += 1;
    }
    s.push_str("\n  ]\n}\n");
    s
}

/// The shape `scripts/lint-bench.mjs` times in wasm: `metadata` is one object with a key per record
/// (thousands of keys: the duplicate-key check of a big object), pretty-printed with two spaces.
fn payload_keys(size: usize) -> String {
    let mut s = String::from(
        "{\n  \"instanceName\": \"shop\",\n  \"token\": \"0b9a8f52-3c1d-4e7f-9a2b-6c5d4e3f2a1b\",\n  \"qrcode\": true,\n  \"metadata\": {\n",
    );
    let mut i = 0;
    while s.len() < size - 200 {
        if i > 0 {
            s.push_str(",\n");
        }
        s.push_str(&format!(
            "    \"customer_{i}\": {{\n      \"id\": {i},\n      \"name\": \"Customer nº {i}\",\n      \"tags\": [\n        \"vip\",\n        \"sp\"\n      ],\n      \"score\": {}.5,\n      \"active\": {},\n      \"note\": \"line\\nwith \\\"quotes\\\" and ção\"\n    }}",
            (i % 97) * 50,
            i % 2 == 0
        ));
        i += 1;
    }
    s.push_str("\n  }\n}\n");
    s
}

fn measure(mut f: impl FnMut()) -> Duration {
    // Run for at least 0.5 s (and 5 rounds); report the mean.
    f();
    let start = Instant::now();
    let mut n = 0u32;
    while n < 5 || start.elapsed() < Duration::from_millis(500) {
        f();
        n += 1;
    }
    start.elapsed() / n
}

fn main() {
    println!(
        "{:<15} {:>10} {:>12} {:>12} {:>14} {:>10}",
        "payload", "bytes", "lint µs", "lint MB/s", "serde_json MB/s", "ratio"
    );
    let cases = [
        (Profile::V1, "5 KB", 5 * 1024),
        (Profile::V1, "1 MB", 1024 * 1024),
        (Profile::V2, "5 KB", 5 * 1024),
        (Profile::V2, "1 MB", 1024 * 1024),
        // The wasm bench's shape (one object with thousands of keys), 1.4 MiB as there.
        (Profile::V1, "1.4 MB keys", 1468006),
    ];
    for (profile, size_name, size) in cases {
        let opts = LintOptions::default().with_profile(profile);
        let name = format!("{} {size_name}", profile.id());
        let text = if size_name.ends_with("keys") { payload_keys(size) } else { payload(profile, size) };
        assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok());
        let report = lint(&text, &opts);
        assert!(!report.has_errors(), "{:?}", report.diagnostics);
        let t_lint = measure(|| {
            black_box(lint(black_box(&text), &opts));
        });
        let t_serde = measure(|| {
            black_box(serde_json::from_str::<serde_json::Value>(black_box(&text)).unwrap());
        });
        let mbps = |t: Duration| text.len() as f64 / t.as_secs_f64() / 1e6;
        println!(
            "{:<15} {:>10} {:>12.1} {:>12.1} {:>14.1} {:>10.2}",
            name,
            text.len(),
            t_lint.as_secs_f64() * 1e6,
            mbps(t_lint),
            mbps(t_serde),
            mbps(t_lint) / mbps(t_serde)
        );
    }
}
