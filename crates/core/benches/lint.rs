//! Lint speed: a 5 KB and a ~1 MB generated create payload, against serde_json's own parse of the
//! same text. Prints µs per run and MB/s. Run: `cargo bench -p evo-core --bench lint`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use evo_core::lint::{lint, LintOptions};

/// A valid create payload of about `size` bytes: the seed fields, a webhook with events, and a
/// `metadata` list of records (strings with escapes, numbers, booleans, nested arrays).
fn payload(size: usize) -> String {
    let mut s = String::from(
        "{\n  \"instanceName\": \"shop\",\n  \"token\": \"0b9a8f52-3c1d-4e7f-9a2b-6c5d4e3f2a1b\",\n  \"qrcode\": true,\n  \"webhook\": \"https://hooks.example.com/evolution\",\n  \"webhook_by_events\": false,\n  \"events\": [\"QRCODE_UPDATED\", \"MESSAGES_UPSERT\", \"MESSAGES_UPDATE\", \"MESSAGES_DELETE\", \"SEND_MESSAGE\", \"CONNECTION_UPDATE\"],\n  \"metadata\": [\n",
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
    let opts = LintOptions::default();
    println!(
        "{:<10} {:>10} {:>12} {:>12} {:>14} {:>10}",
        "payload", "bytes", "lint µs", "lint MB/s", "serde_json MB/s", "ratio"
    );
    for (name, size) in [("5 KB", 5 * 1024), ("1 MB", 1024 * 1024)] {
        let text = payload(size);
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
            "{:<10} {:>10} {:>12.1} {:>12.1} {:>14.1} {:>10.2}",
            name,
            text.len(),
            t_lint.as_secs_f64() * 1e6,
            mbps(t_lint),
            mbps(t_serde),
            mbps(t_lint) / mbps(t_serde)
        );
    }
}
