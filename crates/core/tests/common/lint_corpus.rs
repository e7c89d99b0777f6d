//! Payloads that reach every shared and 1.x linter text (syntax errors, types, events, unknown keys,
//! the 1.x rules), for the tests that compare the languages.

use evo_core::fields::Profile;
use evo_core::lint::{LintOptions, RuleOptions};

pub const TOKEN: &str = "0b9a8f52-3c1d-4e7f-9a2b-6c5d4e3f2a1b";

/// Options for `profile` with a fresh token and one used token (`reused-token`, for "other").
pub fn corpus_opts(profile: Profile) -> LintOptions {
    LintOptions {
        rules: RuleOptions {
            fresh_token: Some(TOKEN.to_owned()),
            profile,
            used_tokens: vec![("reused-token".to_owned(), "other".to_owned())],
            ..RuleOptions::default()
        },
    }
}

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Syntax problems: every message of the tolerant parser.
pub fn syntax() -> Vec<String> {
    let mut v: Vec<String> = [
        "\u{feff}{\"instanceName\": \"shop\"}",
        "",
        "   \n",
        ":{\"instanceName\": \"shop\"}",
        "{\"instanceName\": \"shop\"} {\"x\": 1} trailing",
        "{\n  // the instance\n  \"instanceName\": \"shop\", /* inline */ \"qrcode\": true\n}",
        "{\"instanceName\": \"shop\" /* never closed",
        "{\"a\": 0x1F, \"b\": +1, \"c\": .5, \"d\": 1e, \"e\": NaN, \"f\": Infinity, \"g\": 01}",
        "{'instanceName': 'sh\"op', 'b': 'it\\'s'}",
        "{ \u{201c}instanceName\u{201d}: \u{201c}loja\u{201d}, \u{2018}qrcode\u{2019}: true }",
        "{\"instanceName\": \"shop,\n \"qrcode\": true}",
        "{\"a\": 'unterminated\n}",
        "{\"a\": \"x\ty\u{1}z\", \"b\": \"\\q \\'\"}",
        "{\"a\": True, \"b\": None, \"c\": FALSE, \"d\": undefined, \"e\": foo}",
        "{\"instanceName\": \"shop\"",
        "[1, 2",
        "{\"a\": [1, 2}",
        "{\"a\": {\"b\": 1]}",
        "{, \"instanceName\": \"shop\"}",
        "{\"a\": [, 1]}",
        "{instanceName: \"shop\", qrcode: true}",
        "{1: 2, \"instanceName\": \"shop\"}",
        "{\"instanceName\" \"shop\"}",
        "{\"instanceName\"}",
        "{\"instanceName\": }",
        "{\"instanceName\": \"shop\",}",
        "{\"events\": [\"MESSAGES_UPSERT\",]}",
        "{\"instanceName\": \"shop\" \"qrcode\": true}",
        "{\"events\": [\"A\" \"B\"]}",
        "{\"instanceName\": \"shop\" : 1}",
        "{\"events\": [1 :]}",
        "{\"events\": [:]}",
        "{\"instanceName\": \"a\", \"instanceName\": \"shop\"}",
        "{\"a\": 1 @ }",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push(format!("{{\"x\": {}{}}}", "[".repeat(70), "]".repeat(70)));
    v
}

/// Valid JSON that breaks the rules (1.x shaped, but also linted as 2.x).
pub fn rules() -> Vec<String> {
    [
        // Not an object.
        "[1, 2]",
        "\"shop\"",
        "42",
        "null",
        "true",
        // Placeholders of the seed.
        r#"{"instanceName": "[instance]", "token": "[token]", "qrcode": true, "webhook": "[webhook]", "events": ["MESSAGES_UPSERT"], "msg_call": "[message]"}"#,
        // Names, tokens, booleans, events, unknown keys, proxy.
        r#"{"instanceName": "Loja São", "token": "ab c!", "qrcode": "true", "webhook": "example.com/hook",
            "events": ["messages.upsert", "MESSAGES_UPSERT", "MESSAGES_UPSERT", 5, "FOO_BAR_BAZ"],
            "webhook_by_events": 1, "reject_call": "0", "instanceNme": "x", "zzzz": 1,
            "proxy": {"host": "h", "protocol": "ftp", "user": "u"}}"#,
        r#"{"qrcode": true, "token": "", "events": "MESSAGES_UPSERT", "webhook_by_events": true, "number": 5511,
            "integration": "business", "chatwoot_sign_msg": true, "msg_call": 5, "always_online": [], "sync_full_history": null}"#,
        r#"{"instanceName": "", "integration": "WHATSAPP-BUSINESS", "number": "+55 11", "groups_ignore": false,
            "websocket_enabled": true, "rabbitmq_events": [], "sqs_enabled": false, "chatwoot_account_id": "x1",
            "chatwoot_url": "ftp://c", "qrcode": true, "msg_call": {}, "chatwoot_days_limit_import_messages": -1,
            "typebot_expire": "5", "proxy": "socks5://h:1"}"#,
        r#"{"instanceName": "shop", "token": "t1", "qrcode": true, "chatwoot_account_id": 1, "chatwoot_token": "x",
            "chatwoot_url": "nope", "chatwoot_reopen_conversation": "yes", "chatwoot_conversation_pending": 1, "integration": 5}"#,
        r#"{"instanceName": "shop", "token": "t2", "qrcode": true, "chatwoot_account_id": "1", "chatwoot_token": "x",
            "chatwoot_url": "https://app.chatwoot.com", "chatwoot_sign_msg": "false", "number": true}"#,
        r#"{"instanceName": "shop", "token": "t3", "qrcode": false, "chatwoot_url": "https://c.example"}"#,
        r#"{"instanceName": "shop", "token": "reused-token", "qrcode": true}"#,
        r#"{"instanceName": "shop", "token": "t4", "qrcode": true, "webhook": "https://x.example/h"}"#,
        r#"{"instanceName": "a/b", "token": "t5"}"#,
        r#"{"instanceName": "loja-centro", "token": "t7", "proxy": null}"#,
        r#"{"instanceName": "shop", "integration": "WHATSAPP-BAILEYS", "webhook": {"url": "https://x.example", "events": []}}"#,
        // 2.x shaped (the 2.x profile reaches the shared checks that only it uses).
        r#"{"instanceName": "shop", "integration": "whatsapp-baileys", "token": "t6", "qrcode": null,
            "rejectCall": "no", "msgCall": "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789x",
            "chatwootDaysLimitImportMessages": "7", "webhookUrl": "https://x.example", "status": "open",
            "webhook_by_events": true, "events": [], "proxy": {"host": "h"}, "chatwoot_url": "https://c", "typebot_expire": 5,
            "webhook": {"url": "https://x.example", "byEvents": "yes", "events": ["NEW_JWT_TOKEN", "MESAGES_UPSERT", "ZZZ"],
                        "headres": {}, "qqqqqqqq": 1}}"#,
        r#"{"instanceName": "shop", "integration": "Baileys", "qrcode": 1, "groupsIgnore": "true", "webhook": "https://x.example"}"#,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// The seed's examples and the create bodies recorded from live 1.8.2 and 2.3.6 servers.
pub fn fixtures() -> Vec<String> {
    let mut v: Vec<String> = ["seed-basic.jsonc", "seed-webhook.jsonc", "seed-chatwoot.jsonc"]
        .iter()
        .map(|n| read(&format!("tests/data/{n}")))
        .collect();
    for file in ["recorded-1.8.2.json", "recorded-2.3.6.json"] {
        let recorded: serde_json::Value = serde_json::from_str(&read(&format!("../../testdata/{file}"))).unwrap();
        for ex in recorded["exchanges"].as_array().unwrap() {
            let req = &ex["request"];
            if !req["path"].as_str().is_some_and(|p| p.starts_with("/instance/create")) {
                continue;
            }
            match &req["body"] {
                serde_json::Value::Null => {}
                // Sent as written (some on purpose not JSON).
                serde_json::Value::String(raw) => v.push(raw.clone()),
                body => v.push(serde_json::to_string_pretty(body).unwrap()),
            }
        }
    }
    v
}

/// Everything above.
pub fn all() -> Vec<String> {
    let mut v = syntax();
    v.extend(rules());
    v.extend(fixtures());
    v
}
