//! The linter: golden tests on the seed's three example payloads, one test per syntax problem and
//! per Evolution rule, and a bounded random-mutation test that nothing panics.

use evo_core::lint::{fix_all, lint, LineIndex, LintOptions, Report, Severity};
use serde_json::{json, Value};

const TOKEN: &str = "0b9a8f52-3c1d-4e7f-9a2b-6c5d4e3f2a1b";

fn opts() -> LintOptions {
    LintOptions::with_fresh_token(TOKEN)
}

fn run(text: &str) -> Report {
    lint(text, &opts())
}

/// `(code, line)` of every diagnostic of `severity` or worse.
fn found(text: &str, worst: Severity) -> Vec<(&'static str, usize)> {
    let idx = LineIndex::new(text);
    run(text)
        .diagnostics
        .iter()
        .filter(|d| d.severity <= worst)
        .map(|d| (d.code.as_str(), idx.position(d.span.start).0))
        .collect()
}

fn codes(text: &str) -> Vec<&'static str> {
    run(text).diagnostics.iter().map(|d| d.code.as_str()).collect()
}

fn has(text: &str, code: &str) -> bool {
    codes(text).contains(&code)
}

fn fixed(text: &str) -> String {
    fix_all(text, &opts()).0
}

fn parses_to(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON after fixes ({e}):\n{text}"))
}

fn seed(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Clean: no error and no warning (notes may remain).
fn assert_clean(text: &str) {
    let bad: Vec<_> = run(text).diagnostics.into_iter().filter(|d| d.severity != Severity::Info).collect();
    assert!(bad.is_empty(), "expected clean, got {bad:#?}\n{text}");
}

// ---------- golden: the seed's examples, verbatim ----------

#[test]
fn seed_basic() {
    let text = seed("seed-basic.jsonc");
    assert_eq!(found(&text, Severity::Info), vec![("evo/placeholder", 2), ("evo/placeholder", 3)]);
    let out = fixed(&text);
    assert_clean(&out);
    assert_eq!(parses_to(&out), json!({"instanceName": "instance", "token": TOKEN, "qrcode": true}));
}

#[test]
fn seed_webhook() {
    let text = seed("seed-webhook.jsonc");
    let comment_lines: Vec<usize> = vec![8, 10, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 27];
    let mut want = vec![("evo/placeholder", 2), ("evo/placeholder", 3), ("evo/placeholder", 5), ("evo/unknown-key", 6)];
    want.extend(comment_lines.iter().map(|&l| ("json/comment", l)));
    assert_eq!(found(&text, Severity::Info), want);

    // Fix all: comments gone, camelCase renamed, name and token fixed. The webhook URL is the
    // user's to give: it is the one error left.
    let out = fixed(&text);
    assert_eq!(found(&out, Severity::Warning), vec![("evo/placeholder", 5)]);
    assert!(out.contains("\"webhook_by_events\": false"));
    let out = out.replace("[webhookUrl]", "https://hooks.example.com/evolution");
    assert_clean(&out);
    assert_eq!(
        parses_to(&out),
        json!({
            "instanceName": "instance",
            "token": TOKEN,
            "qrcode": true,
            "webhook": "https://hooks.example.com/evolution",
            "webhook_by_events": false,
            "events": ["QRCODE_UPDATED", "MESSAGES_UPSERT", "MESSAGES_UPDATE", "MESSAGES_DELETE", "SEND_MESSAGE", "CONNECTION_UPDATE"]
        })
    );
    // Formatting survives: the seed's unindented lines stay unindented, nothing re-serialised.
    assert!(out.starts_with("{\n\"instanceName\": \"instance\",\n\"token\": "));
    assert!(out.contains("\"events\": [\n\"QRCODE_UPDATED\",\n\"MESSAGES_UPSERT\",\n"));
}

#[test]
fn seed_chatwoot() {
    let text = seed("seed-chatwoot.jsonc");
    assert_eq!(
        found(&text, Severity::Info),
        vec![("evo/placeholder", 2), ("evo/placeholder", 3), ("evo/chatwoot-qr", 5)]
    );
    let out = fixed(&text);
    assert_clean(&out);
    assert_eq!(
        parses_to(&out),
        json!({"instanceName": "instance", "token": TOKEN, "qrcode": true, "chatwoot_account_id": 1,
               "chatwoot_token": "token", "chatwoot_url": "https://app.chatwoot.com", "chatwoot_sign_msg": true})
    );
}

// ---------- syntax ----------

const OK_HEAD: &str = "\"instanceName\": \"shop\", \"token\": \"t-1\", \"qrcode\": true";

fn doc(extra: &str) -> String {
    format!("{{{OK_HEAD}{extra}}}")
}

#[test]
fn valid_payload_is_clean() {
    assert_clean(&doc(""));
    assert_clean(&format!("{{\n  {OK_HEAD}\n}}\n"));
}

#[test]
fn comments_both_kinds_and_urls_left_alone() {
    let text = "{\n  // a note\n  \"instanceName\": \"shop\", /* inline */ \"token\": \"t-1\",\n  \"qrcode\": true,\n  \"webhook\": \"https://x.example/a//b\", // trailing\n  \"events\": []\n}";
    assert_eq!(found(text, Severity::Error), vec![("json/comment", 2), ("json/comment", 3), ("json/comment", 5)]);
    let out = fixed(text);
    assert_clean(&out);
    assert_eq!(parses_to(&out)["webhook"], "https://x.example/a//b");
    assert!(out.starts_with("{\n  \"instanceName\""), "a comment alone on its line takes its line along: {out}");
    assert!(out.contains("\"shop\", \"token\""), "inline block comment removed with its space: {out}");
}

#[test]
fn unclosed_block_comment() {
    let text = doc("") + "/* never closed";
    assert!(has(&text, "json/comment"));
    assert_clean(&fixed(&text));
}

#[test]
fn trailing_commas() {
    let text = format!("{{{OK_HEAD},\"events\":[\"CALL\",],\"webhook\":\"https://h.example\",}}");
    assert_eq!(codes(&text).iter().filter(|c| **c == "json/trailing-comma").count(), 2);
    assert_clean(&fixed(&text));
}

#[test]
fn single_quotes_unquoted_keys_and_python_literals() {
    let text = "{instanceName: 'shop', 'token': 'it\\'s-\"x\"', qrcode: True, \"webhook_base64\": None}";
    let c = codes(text);
    assert!(
        c.contains(&"json/unquoted-key") && c.contains(&"json/single-quote") && c.contains(&"json/python-literal"),
        "{c:?}"
    );
    let out = fixed(text);
    let v = parses_to(&out);
    assert_eq!(v["instanceName"], "shop");
    assert_eq!(v["qrcode"], true);
    assert_eq!(v["webhook_base64"], Value::Null);
    assert_eq!(v["token"], "it's-\"x\"".chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect::<String>());
}

#[test]
fn missing_commas_and_colons() {
    let text = "{\n\"instanceName\": \"shop\"\n\"token\" \"t-1\",\n\"qrcode\": true\n}";
    assert_eq!(found(text, Severity::Error), vec![("json/missing-comma", 2), ("json/missing-colon", 3)]);
    let out = fixed(text);
    assert_eq!(parses_to(&out), json!({"instanceName": "shop", "token": "t-1", "qrcode": true}));
}

#[test]
fn unterminated_string_ends_at_its_line() {
    let text = "{\n\"instanceName\": \"shop,\n\"token\": \"t-1\",\n\"qrcode\": true\n}";
    assert_eq!(found(text, Severity::Error), vec![("json/unterminated-string", 2)]);
    assert_eq!(parses_to(&fixed(text))["instanceName"], "shop");
}

#[test]
fn raw_control_characters_and_invalid_escapes() {
    let text =
        "{\"instanceName\": \"sh\top\", \"token\": \"t-1\", \"qrcode\": true, \"msg_call\": \"C:\\Users \\' ok\"}";
    let c = codes(text);
    assert!(c.contains(&"json/control-char"), "{c:?}");
    assert_eq!(c.iter().filter(|c| **c == "json/invalid-escape").count(), 2, "{c:?}");
    let out = fixed(text);
    assert_eq!(parses_to(&out)["msg_call"], "C:\\Users ' ok");
}

#[test]
fn bom_duplicates_trailing_content_and_empty() {
    let text = format!("\u{feff}{}", doc(""));
    assert_eq!(codes(&text), vec!["json/bom"]);
    assert!(!fixed(&text).starts_with('\u{feff}'));

    let text =
        "{\n  \"instanceName\": \"a\",\n  \"token\": \"t-1\",\n  \"qrcode\": true,\n  \"instanceName\": \"shop\"\n}";
    assert_eq!(found(text, Severity::Warning), vec![("json/duplicate-key", 5)]);
    let out = fixed(text);
    assert_eq!(parses_to(&out), json!({"token": "t-1", "qrcode": true, "instanceName": "shop"}));

    let text = doc("") + "\n{\"second\": 1}";
    assert_eq!(found(&text, Severity::Error), vec![("json/trailing-content", 2)]);
    assert_clean(&fixed(&text));

    for empty in ["", "   \n\t", "// only a comment\n"] {
        assert!(has(empty, "json/empty"), "{empty:?}");
    }
}

/// Objects over 32 members take the hashed path: the same warnings, in member order, each fix removing
/// the first earlier member with that key (a key three times: the second and third point at the first).
#[test]
fn duplicates_in_a_big_object_match_the_small_path() {
    let mut members: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
    members.insert(10, "\"k3\": 100".into());
    members.push("\"k3\": 200".into());
    members.push("\"k39\": 300".into());
    let text = format!("{{\n{}\n}}", members.join(",\n"));
    let idx = LineIndex::new(&text);
    // (line of the duplicate, the member its fix deletes)
    let dups: Vec<(usize, String)> = run(&text)
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "json/duplicate-key")
        .map(|d| {
            let cut = d.fix.as_ref().unwrap().edits[0].span;
            (idx.position(d.span.start).0, text[cut.start..cut.end].trim_matches([',', '\n']).to_owned())
        })
        .collect();
    let want = [(12, "\"k3\": 3"), (43, "\"k3\": 3"), (44, "\"k39\": 39")];
    assert_eq!(dups, want.map(|(l, m)| (l, m.to_owned())));
}

#[test]
fn unclosed_and_mismatched_brackets() {
    let text = format!("{{{OK_HEAD}, \"events\": [\"CALL\"");
    let c = codes(&text);
    assert!(c.iter().filter(|c| **c == "json/unclosed").count() == 2, "{c:?}");
    let text = format!("{{{OK_HEAD}, \"webhook\": \"https://h.example\", \"events\": [\"CALL\"}}}}");
    assert!(has(&text, "json/mismatched-bracket"));
}

#[test]
fn numbers() {
    let text = format!("{{{OK_HEAD}, \"chatwoot_days_limit_import_messages\": 007, \"typebot_expire\": +5, \"typebot_delay_message\": .5}}");
    assert_eq!(codes(&text).iter().filter(|c| **c == "json/invalid-number").count(), 3);
    let out = fixed(&text);
    let v = parses_to(&out);
    assert_eq!((v["chatwoot_days_limit_import_messages"].clone(), v["typebot_expire"].clone()), (json!(7), json!(5)));
    assert!(out.contains("0.5"));
}

#[test]
fn everything_in_one_pass() {
    // Six different problems, all reported at once with the right lines.
    let text = "{\n  instanceName: 'My Shop',\n  \"qrcode\": \"true\",\n  \"qrCode\": true\n  \"events\": [\"messages.upsert\",],\n}";
    let got = found(text, Severity::Warning);
    assert_eq!(got.iter().filter(|c| c.0 == "json/trailing-comma").count(), 2, "{got:?}");
    for want in [
        ("json/unquoted-key", 2),
        ("json/single-quote", 2),
        ("evo/instance-name", 2),
        ("evo/type", 3),
        ("evo/unknown-key", 4),
        ("json/missing-comma", 4),
        ("evo/unknown-event", 5),
        ("json/trailing-comma", 5),
        ("evo/events-without-webhook", 5),
    ] {
        assert!(got.contains(&want), "missing {want:?} in {got:?}");
    }
}

// ---------- Evolution rules ----------

#[test]
fn unknown_keys_suggest_and_rename() {
    for (typo, right) in
        [("qrCode", "qrcode"), ("instancename", "instanceName"), ("webhookByEvents", "webhook_by_events")]
    {
        let text = format!("{{\"instanceName\": \"shop\", \"token\": \"t-1\", \"qrcode\": true, \"{typo}\": true}}")
            .replace(
                "\"instanceName\": \"shop\", ",
                if typo == "instancename" { "" } else { "\"instanceName\": \"shop\", " },
            )
            .replace(", \"qrcode\": true, \"qrCode\"", ", \"qrCode\"");
        let d = run(&text).diagnostics.into_iter().find(|d| d.code == "evo/unknown-key").unwrap();
        assert!(d.message.to_string().contains(&format!("Did you mean \"{right}\"")), "{}", d.message);
        assert!(parses_to(&fixed(&text)).get(right).is_some(), "{text}");
    }
    let d = run(&doc(", \"foo\": 1")).diagnostics;
    assert!(d.iter().any(|d| d.code == "evo/unknown-key" && d.fix.is_none() && d.severity == Severity::Warning));
}

#[test]
fn booleans_must_be_booleans() {
    let text = "{\"instanceName\": \"shop\", \"token\": \"t-1\", \"qrcode\": \"true\", \"webhook\": \"https://h.example\", \"events\": [], \"webhook_by_events\": \"false\", \"reject_call\": 1}";
    let diags = run(text).diagnostics;
    let of = |needle: &str| {
        diags.iter().find(|d| d.code == "evo/type" && d.message.to_string().starts_with(needle)).unwrap()
    };
    assert_eq!(of("qrcode").severity, Severity::Error);
    assert_eq!(of("webhook_by_events").severity, Severity::Error);
    assert_eq!(of("reject_call").severity, Severity::Warning, "not checked by the server: a warning");
    let v = parses_to(&fixed(text));
    assert_eq!(
        (v["qrcode"].clone(), v["webhook_by_events"].clone(), v["reject_call"].clone()),
        (json!(true), json!(false), json!(true))
    );
}

#[test]
fn events_types_names_and_duplicates() {
    let base = "\"instanceName\": \"shop\", \"token\": \"t-1\", \"qrcode\": true, \"webhook\": \"https://h.example\"";
    let text = format!("{{{base}, \"events\": \"MESSAGES_UPSERT\"}}");
    assert!(has(&text, "evo/type"));
    assert_eq!(parses_to(&fixed(&text))["events"], json!(["MESSAGES_UPSERT"]));

    let text = format!("{{{base}, \"events\": [\"messages_upsert\", \"CALL\", \"CALL\", \"QRCODE_UPDATE\", 3]}}");
    let d = run(&text).diagnostics;
    let unknown: Vec<_> = d.iter().filter(|d| d.code == "evo/unknown-event").map(|d| d.message.to_string()).collect();
    assert_eq!(unknown.len(), 2, "{unknown:?}");
    assert!(unknown[0].contains("did you mean MESSAGES_UPSERT") && unknown[0].contains("events[0]"));
    assert!(unknown[1].contains("did you mean QRCODE_UPDATED"));
    assert!(d.iter().any(|d| d.code == "evo/duplicate-event"));
    assert!(d.iter().any(|d| d.code == "evo/event"), "a number is not an event name");
    let out = fixed(&text.replace(", 3]", "]"));
    assert_eq!(parses_to(&out)["events"], json!(["MESSAGES_UPSERT", "CALL", "QRCODE_UPDATED"]));
}

#[test]
fn webhook_and_events_go_together() {
    let text = doc(", \"webhook\": \"https://h.example/x\"");
    let d = run(&text).diagnostics;
    let w = d.iter().find(|d| d.code == "evo/webhook-without-events").unwrap();
    assert_eq!(w.severity, Severity::Error);
    assert_eq!(parses_to(&fixed(&text))["events"], json!([]));

    assert!(has(&doc(", \"events\": [\"CALL\"]"), "evo/events-without-webhook"));
    for bad in ["not a url", "h.example/x", "ftp://h.example", "https://", "http://a b"] {
        let text = doc(&format!(", \"webhook\": \"{bad}\", \"events\": []"));
        let d =
            run(&text).diagnostics.into_iter().find(|d| d.code == "evo/webhook-url").unwrap_or_else(|| panic!("{bad}"));
        assert!(d.message.to_string().contains("half-created instance"));
    }
}

#[test]
fn instance_name_rules() {
    let with_name = |n: &str| format!("{{\"instanceName\": {n}, \"token\": \"t-1\", \"qrcode\": true}}");
    assert!(has("{\"token\": \"t-1\", \"qrcode\": true}", "evo/required"));
    assert!(has(&with_name("\"\""), "evo/instance-name"));
    assert!(has(&with_name("123"), "evo/type"));
    let text = with_name("\"Loja São João\"");
    assert!(has(&text, "evo/instance-name"));
    assert_eq!(parses_to(&fixed(&text))["instanceName"], "lojasaojoao");
    let text = with_name("\"a/b\"");
    let d = run(&text).diagnostics.into_iter().find(|d| d.code == "evo/instance-name-slash").unwrap();
    assert!(d.message.to_string().contains("Token already exists"));
    assert_eq!(parses_to(&fixed(&text))["instanceName"], "ab");
}

/// `-` and `_` go beyond the vendor's page but not beyond any server: a warning quoting the page,
/// never an error; capitals, accents and spaces stay errors.
#[test]
fn instance_name_hyphen_and_underscore_warn() {
    let with_name = |n: &str| format!("{{\"instanceName\": \"{n}\", \"token\": \"t-1\", \"qrcode\": true}}");
    for name in ["loja-centro", "loja_centro", "a-1_b"] {
        let d = run(&with_name(name)).diagnostics.into_iter().find(|d| d.code == "evo/instance-name").unwrap();
        assert_eq!(d.severity, Severity::Warning, "{name}");
        assert!(
            d.message.to_string().contains("non-accented lowercase alphabetic characters or numbers"),
            "{}",
            d.message
        );
        assert!(!run(&with_name(name)).has_errors(), "{name}");
    }
    for name in ["Loja-Centro", "loja centro", "lojão-1"] {
        let d = run(&with_name(name)).diagnostics.into_iter().find(|d| d.code == "evo/instance-name").unwrap();
        assert_eq!(d.severity, Severity::Error, "{name}");
    }
}

/// `null` for an optional object is read as absent by 1.8.2: a warning with a fix, not an error.
#[test]
fn null_optional_object_is_a_warning() {
    let text = "{\"instanceName\": \"shop\", \"token\": \"t-1\", \"proxy\": null}";
    let d = run(text).diagnostics.into_iter().find(|d| d.code == "evo/null").unwrap();
    assert_eq!(d.severity, Severity::Warning);
    assert!(!run(text).has_errors());
    assert!(parses_to(&fixed(text)).get("proxy").is_none());
}

#[test]
fn token_rules() {
    let text = "{\"instanceName\": \"shop\", \"qrcode\": true}";
    let d = run(text).diagnostics.into_iter().find(|d| d.code == "evo/token-missing").unwrap();
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(parses_to(&fixed(text))["token"], TOKEN);
    let text = "{\n  \"instanceName\": \"shop\",\n  \"qrcode\": true\n}";
    assert_eq!(
        fixed(text),
        format!("{{\n  \"instanceName\": \"shop\",\n  \"token\": \"{TOKEN}\",\n  \"qrcode\": true\n}}")
    );
    let text = "{\"instanceName\": \"shop\", \"token\": \"my token!\", \"qrcode\": true}";
    assert!(has(text, "evo/token"));
    assert_eq!(parses_to(&fixed(text))["token"], "mytoken");
}

#[test]
fn qrcode_missing_is_a_warning_with_a_fix() {
    let text = "{\"instanceName\": \"shop\", \"token\": \"t-1\"}";
    assert_eq!(found(text, Severity::Warning), vec![("evo/qrcode-missing", 1)]);
    assert_eq!(parses_to(&fixed(text))["qrcode"], true);
    assert!(has("[1, 2]", "evo/not-object"));
}

#[test]
fn chatwoot_rules() {
    let partial = doc(", \"chatwoot_url\": \"https://cw.example\"");
    assert!(has(&partial, "evo/chatwoot-partial"));
    let on = doc(", \"chatwoot_account_id\": 1, \"chatwoot_token\": \"x\", \"chatwoot_url\": \"cw.example\"");
    let c = codes(&on);
    assert!(
        c.contains(&"evo/chatwoot-url") && c.contains(&"evo/chatwoot-sign-msg") && c.contains(&"evo/chatwoot-qr"),
        "{c:?}"
    );
    let d = run(&on).diagnostics.into_iter().find(|d| d.code == "evo/chatwoot-sign-msg").unwrap();
    assert!(d.message.to_string().contains("the server would keep a half-created instance"));
    assert_eq!(parses_to(&fixed(&on))["chatwoot_sign_msg"], false);
    let quoted = doc(", \"chatwoot_account_id\": \"1\", \"chatwoot_token\": \"x\", \"chatwoot_url\": \"https://cw.example\", \"chatwoot_sign_msg\": \"true\", \"chatwoot_reopen_conversation\": \"no\"");
    let errs: Vec<_> = run(&quoted).diagnostics.into_iter().filter(|d| d.code == "evo/type").collect();
    assert_eq!(errs.len(), 2, "{errs:#?}");
    assert!(errs.iter().all(|d| d.severity == Severity::Error));
    assert!(has(&doc(", \"chatwoot_account_id\": \"abc\", \"chatwoot_token\": \"x\", \"chatwoot_url\": \"https://cw.example\", \"chatwoot_sign_msg\": true"), "evo/type"));
}

#[test]
fn late_v1_fields() {
    assert!(has(&doc(", \"number\": \"abc\""), "evo/number"));
    let text = doc(", \"number\": 5511999999999");
    assert_eq!(parses_to(&fixed(&text))["number"], "5511999999999");
    assert_clean(&doc(", \"number\": \"5511999999999\""));
    assert!(has(&doc(", \"integration\": \"WHATSAPP-BAILEYS2\""), "evo/integration"));
    let biz = "{\"instanceName\": \"shop\", \"qrcode\": true, \"integration\": \"WHATSAPP-BUSINESS\"}";
    assert_eq!(codes(biz).iter().filter(|c| **c == "evo/business").count(), 2);
    let ws = doc(", \"websocket_enabled\": true");
    assert!(has(&ws, "evo/enabled-without-events"));
    assert_eq!(parses_to(&fixed(&ws))["websocket_events"], json!([]));
    assert!(has(&doc(", \"rabbitmq_events\": [\"NOPE\"], \"rabbitmq_enabled\": true"), "evo/unknown-event"));
    assert!(has(&doc(", \"proxy\": {\"host\": \"p.example\"}"), "evo/proxy"));
    assert!(has(&doc(", \"proxy\": \"p.example:80\""), "evo/type"));
    assert!(has(&doc(", \"groups_ignore\": false"), "evo/groups-ignore"));
    assert_clean(&doc(", \"proxy\": {\"host\": \"p.example\", \"port\": \"8080\", \"protocol\": \"http\"}, \"sync_full_history\": true, \"msg_call\": \"busy\""));
}

#[test]
fn columns_count_characters_and_lines_are_one_based() {
    let text = "{\"instanceName\": \"ãé\", \"token\": \"t-1\", \"qrcode\": \"x\"}";
    let r = run(text);
    let d = r.diagnostics.iter().find(|d| d.code == "evo/type").unwrap();
    let idx = LineIndex::new(text);
    assert_eq!(idx.position(d.span.start), (1, 50));
}

// ---------- robustness ----------

#[test]
fn deep_nesting_huge_input_and_nul_bytes_do_not_panic() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let r = run(&deep);
    assert!(r.diagnostics.iter().any(|d| d.code == "json/too-deep"));
    let deep_obj = "{\"a\":".repeat(100_000);
    let _ = run(&deep_obj);
    let nul = "{\"instanceName\": \"a\0b\", \0 \"qrcode\": true}";
    assert!(run(nul).has_errors());
    // ~10 MB: a long events list.
    let big = format!(
        "{{{OK_HEAD}, \"webhook\": \"https://h.example\", \"events\": [{}\"CALL\"]}}",
        "\"CALL\",".repeat(1_400_000)
    );
    assert!(big.len() > 9_000_000);
    let r = run(&big);
    assert!(r.diagnostics.iter().filter(|d| d.code == "evo/duplicate-event").count() > 1_000_000);
}

/// A tiny deterministic generator (xorshift64*).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Random mutations of the seed payloads, for a bounded time: linting never panics, spans stay
/// inside the text on character boundaries, and applying every fix never panics either.
#[test]
fn random_mutations_never_panic() {
    const PIECES: &[&str] = &[
        "{", "}", "[", "]", ":", ",", "\"", "'", "\\", "//", "/*", "*/", "\n", " ", "\t", "\0", "true", "True", "None",
        "-", "0", "1e", ".", "ç", "\u{feff}", "\\u12", "\r", "qrcode", "events", "webhook", "null",
    ];
    let seeds = [seed("seed-basic.jsonc"), seed("seed-webhook.jsonc"), seed("seed-chatwoot.jsonc")];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let started = std::time::Instant::now();
    let mut cases = 0;
    while started.elapsed() < std::time::Duration::from_secs(3) && cases < 20_000 {
        let mut text = seeds[rng.below(seeds.len())].clone();
        for _ in 0..1 + rng.below(6) {
            let mut at = rng.below(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            match rng.below(3) {
                0 => text.insert_str(at, PIECES[rng.below(PIECES.len())]),
                1 => {
                    let mut end = (at + 1 + rng.below(8)).min(text.len());
                    while !text.is_char_boundary(end) {
                        end += 1;
                    }
                    text.replace_range(at..end, "");
                }
                _ => {
                    let mut end = (at + rng.below(4)).min(text.len());
                    while !text.is_char_boundary(end) {
                        end += 1;
                    }
                    text.replace_range(at..end, PIECES[rng.below(PIECES.len())]);
                }
            }
        }
        let report = run(&text);
        for d in &report.diagnostics {
            assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{d:?} in {text:?}");
            assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end), "{d:?} in {text:?}");
        }
        let _ = fixed(&text);
        cases += 1;
    }
    println!("random mutations: {cases} cases in {:?}", started.elapsed());
    assert!(cases > 100);
}
