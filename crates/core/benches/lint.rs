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

/// `LINT_DIGEST=1`: instead of timing, prints one hash of every diagnostic and tree the linter
/// gives for the payloads above and for ~3,000 mutated texts (deleted, inserted, replaced
/// characters, both profiles): a speed change must leave it unchanged (compare it before and after).
fn digest() {
    let mut texts: Vec<String> =
        vec![payload_keys(1468006), payload(Profile::V1, 1 << 20), payload(Profile::V2, 5 * 1024)];
    let seeds = [
        "{\n  // c\n  \"instanceName\": 'sh\"op', /* b */ qrcode: True, \"n\": [0x1F, +1, .5, 1e, NaN, 01, -0.5e-3, 12345678901234567890],\n  \"s\": \"a\\u00e7\\n\\q\\'\tz\", \u{201c}k\u{201d}: \u{2018}v\u{2019}, \"events\": [\"MESSAGES_UPSERT\" \"x\",, ], \"a\": {\"b\": 1], \"instanceName\": \"x\",}\n",
        "\u{feff}{\"a\": 'unterminated\n, \"b\": \"x,\n \"c\": [1 :], ação: 1, \"d\": {\"e\" \"f\"}, \"g\": }",
    ];
    let alphabet: Vec<char> = "{}[]:,\"'\\/*\n \t0123456789.-+eEtruefalsnNx\u{201c}\u{e7}\u{1}".chars().collect();
    let mut seed = 12345u64;
    let mut rnd = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n.max(1)
    };
    for s in seeds.iter().map(|s| s.to_string()).chain([payload(Profile::V1, 2048), payload(Profile::V2, 2048)]) {
        for _ in 0..600 {
            let mut c: Vec<char> = s.chars().collect();
            for _ in 0..1 + rnd(4) {
                let i = rnd(c.len() + 1);
                match rnd(3) {
                    0 if i < c.len() => drop(c.remove(i)),
                    1 => c.insert(i, alphabet[rnd(alphabet.len())]),
                    _ if i < c.len() => c[i] = alphabet[rnd(alphabet.len())],
                    _ => {}
                }
            }
            texts.push(c.into_iter().collect());
        }
        texts.push(s);
    }
    texts.push("[".repeat(100) + &"]".repeat(100));
    texts.push(format!("{{{}}}", (0..100).map(|i| format!("\"k{}\": {i}", i % 37)).collect::<Vec<_>>().join(",")));
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    let mut count = 0;
    for text in &texts {
        for profile in [Profile::V1, Profile::V2] {
            let report = lint(text, &LintOptions::default().with_profile(profile));
            count += report.diagnostics.len();
            for b in format!("{report:?}").bytes() {
                hash = (hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
            }
        }
    }
    println!("{} texts, {count} diagnostics, digest {hash:016x}", texts.len());
}

fn main() {
    if std::env::var_os("LINT_DIGEST").is_some() {
        return digest();
    }
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
