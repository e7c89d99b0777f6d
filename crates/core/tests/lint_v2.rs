//! Profile v2 (Evolution API 2.3.x): one test per rule of `CONTRACT-v2.md` §3, golden tests on the
//! seed's three examples migrated to 2.x, and the migration back.

use evo_core::fields::Profile;
use evo_core::lint::{apply_fixes, fix_all, lint, shape_of, Diagnostic, LintOptions, Severity};
use evo_core::migrate::{migrate, NoteKind};
use serde_json::{json, Value};

const TOKEN: &str = "0b9a8f52-3c1d-4e7f-9a2b-6c5d4e3f2a1b";

fn opts() -> LintOptions {
    LintOptions::with_fresh_token(TOKEN).with_profile(Profile::V2)
}

fn diags(text: &str) -> Vec<Diagnostic> {
    lint(text, &opts()).diagnostics
}

/// The one diagnostic with `code` (panics when there is none or several).
fn one(text: &str, code: &str) -> Diagnostic {
    let found: Vec<_> = diags(text).into_iter().filter(|d| d.code == code).collect();
    assert_eq!(found.len(), 1, "expected one {code} in {text}, got {found:#?}");
    found.into_iter().next().unwrap()
}

fn none(text: &str, code: &str) {
    let found: Vec<_> = diags(text).into_iter().filter(|d| d.code == code).collect();
    assert!(found.is_empty(), "expected no {code} in {text}, got {found:#?}");
}

/// Clean: no error and no warning (notes may remain).
fn clean(text: &str) {
    let bad: Vec<_> = diags(text).into_iter().filter(|d| d.severity != Severity::Info).collect();
    assert!(bad.is_empty(), "expected clean, got {bad:#?}\n{text}");
}

/// Applies the diagnostic's own fix and parses the result.
fn fixed_by(text: &str, d: &Diagnostic) -> Value {
    let fix = d.fix.as_ref().unwrap_or_else(|| panic!("no fix on {d:#?}"));
    let (out, n) = apply_fixes(text, [fix]);
    assert_eq!(n, 1);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn base(extra: Value) -> String {
    let mut v = json!({"instanceName": "shop", "integration": "WHATSAPP-BAILEYS", "token": TOKEN, "qrcode": true});
    for (k, x) in extra.as_object().unwrap() {
        v[k] = x.clone();
    }
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn a_minimal_payload_is_clean() {
    clean(&base(json!({})));
    clean(r#"{"instanceName": "a", "integration": "EVOLUTION"}"#);
}

// ---------- 3.1 syntax and shape ----------

#[test]
fn s2_top_level_object_and_s3_null() {
    assert_eq!(diags("[1]")[0].code, "evo/not-object");
    let t = base(json!({"token": null}));
    let d = one(&t, "evo/null");
    assert_eq!(d.severity, Severity::Error);
    assert!(fixed_by(&t, &d).get("token").is_none());
}

/// `MESSAGING_HISTORY_SET` is 2.4's: a warning for 2.3.x or an unread server, clean for 2.4.
#[test]
fn the_2_4_history_event_depends_on_the_servers_version() {
    let t =
        base(json!({"webhook": {"url": "https://x.example/h", "events": ["MESSAGING_HISTORY_SET", "QRCODE_UPDATED"]}}));
    let d = one(&t, "evo/event-version");
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.to_string().contains("2.4") && d.message.to_string().contains("never sends it"), "{}", d.message);
    none(&t, "evo/unknown-event");
    let mut o = opts();
    o.rules.server_version = evo_core::version::ServerVersion::parse("2.3.7");
    assert!(lint(&t, &o).diagnostics.iter().any(|d| d.code == "evo/event-version"));
    o.rules.server_version = evo_core::version::ServerVersion::parse("2.4.0-rc2");
    let on_2_4 = lint(&t, &o).diagnostics;
    assert!(!on_2_4.iter().any(|d| d.severity != Severity::Info), "{on_2_4:#?}");
}

/// Optional objects no schema types (webhook, the sinks, headers): null is read as absent.
#[test]
fn s3_null_for_an_optional_object_is_a_warning() {
    for extra in [
        json!({"webhook": null}),
        json!({"rabbitmq": null}),
        json!({"webhook": {"url": "https://x.example/h", "events": ["QRCODE_UPDATED"], "headers": null}}),
    ] {
        let t = base(extra.clone());
        let d = one(&t, "evo/null");
        assert_eq!(d.severity, Severity::Warning, "{extra}");
        assert!(!diags(&t).iter().any(|d| d.severity == Severity::Error), "{extra}: {:#?}", diags(&t));
    }
    let t = base(json!({"webhook": null}));
    assert!(fixed_by(&t, &one(&t, "evo/null")).get("webhook").is_none());
}

// ---------- 3.2 identity and channel ----------

#[test]
fn n1_n2_n3_n4_instance_name() {
    assert_eq!(one(r#"{"integration": "EVOLUTION"}"#, "evo/required").severity, Severity::Error);
    assert_eq!(
        one(r#"{"instanceName": "", "integration": "EVOLUTION"}"#, "evo/instance-name").severity,
        Severity::Error
    );
    let long = format!(r#"{{"instanceName": "{}", "integration": "EVOLUTION"}}"#, "a".repeat(256));
    assert_eq!(one(&long, "evo/too-long").severity, Severity::Error);
    let t = r#"{"instanceName": "Loja São Paulo", "integration": "EVOLUTION"}"#;
    let d = one(t, "evo/instance-name");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(fixed_by(t, &d)["instanceName"], "lojasaopaulo");
    clean(r#"{"instanceName": "my_shop-2", "integration": "EVOLUTION"}"#);
    assert_eq!(one(r#"{"instanceName": 5, "integration": "EVOLUTION"}"#, "evo/type").severity, Severity::Error);
}

#[test]
fn i1_integration_required_exact_with_fixes() {
    let t = r#"{"instanceName": "shop", "qrcode": true}"#;
    let d = one(t, "evo/required");
    assert!(d.message.to_string().contains("Invalid integration"));
    assert_eq!(fixed_by(t, &d)["integration"], "WHATSAPP-BAILEYS");
    for (bad, good) in [
        ("WHATSAPP_BAILEYS", "WHATSAPP-BAILEYS"),
        ("whatsapp-baileys", "WHATSAPP-BAILEYS"),
        ("baileys", "WHATSAPP-BAILEYS"),
        ("business", "WHATSAPP-BUSINESS"),
    ] {
        let t = base(json!({"integration": bad}));
        let d = one(&t, "evo/integration");
        assert_eq!(d.severity, Severity::Error, "{bad}");
        assert_eq!(fixed_by(&t, &d)["integration"], good, "{bad}");
    }
    // `Integration` with a capital I is checked by the schema but never read.
    let t = r#"{"instanceName": "shop", "Integration": "WHATSAPP-BAILEYS"}"#;
    assert!(one(t, "evo/trap-key").message.to_string().contains("Use integration"));
}

#[test]
fn i2_business_needs_token_and_number() {
    let t = r#"{"instanceName": "shop", "integration": "WHATSAPP-BUSINESS", "token": ""}"#;
    let msgs: Vec<_> =
        diags(t).into_iter().filter(|d| d.code == "evo/business").map(|d| d.message.to_string()).collect();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs[0].contains("token is required") && msgs[1].contains("number is required"));
    clean(
        r#"{"instanceName": "shop", "integration": "WHATSAPP-BUSINESS", "token": "EAAG", "number": "123456789012345", "businessId": "99"}"#,
    );
}

#[test]
fn t1_t2_token_type_and_reuse() {
    let t = base(json!({"token": 123}));
    assert_eq!(fixed_by(&t, &one(&t, "evo/type"))["token"], "123");
    let mut o = opts();
    o.rules.used_tokens.push((TOKEN.into(), "first".into()));
    let d = lint(&base(json!({})), &o).diagnostics.into_iter().find(|d| d.code == "evo/token-reuse").unwrap();
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.to_string().contains("\"first\""));
    let (out, _) = apply_fixes(&base(json!({})), d.fix.as_ref());
    assert!(!out.contains(TOKEN) || out.matches(TOKEN).count() == 1);
    // An empty token asks the server to make one: fine.
    clean(&base(json!({"token": ""})));
}

#[test]
fn u1_u2_u3_number() {
    assert_eq!(one(&base(json!({"number": "+55 11"})), "evo/number").severity, Severity::Error);
    let t = base(json!({"number": "5511 9999-9999"}));
    let d = one(&t, "evo/number");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(fixed_by(&t, &d)["number"], "551199999999");
    assert_eq!(one(&base(json!({"number": "5511999999999"})), "evo/pairing-code").severity, Severity::Info);
}

#[test]
fn b1_q1_q2_q3_business_id_and_qrcode() {
    assert_eq!(one(&base(json!({"businessId": 1})), "evo/type").severity, Severity::Error);
    let t = base(json!({"qrcode": "true"}));
    assert_eq!(fixed_by(&t, &one(&t, "evo/type"))["qrcode"], true);
    assert_eq!(one(&base(json!({"integration": "EVOLUTION"})), "evo/qrcode-ignored").severity, Severity::Warning);
    assert_eq!(one(&base(json!({})), "evo/qrcode-slow").severity, Severity::Info);
}

// ---------- 3.3 settings ----------

#[test]
fn st1_st2_st3_st4_settings() {
    let t = base(json!({"rejectCall": "yes", "groupsIgnore": 1}));
    assert_eq!(diags(&t).iter().filter(|d| d.code == "evo/type" && d.severity == Severity::Error).count(), 2);
    assert_eq!(
        one(&base(json!({"rejectCall": true, "msgCall": "x".repeat(101)})), "evo/too-long").severity,
        Severity::Error
    );
    assert_eq!(one(&base(json!({"msgCall": "busy"})), "evo/msg-call-unused").severity, Severity::Warning);
    let t = base(json!({"wavoipToken": "abc"}));
    let d = one(&t, "evo/wavoip-token");
    assert_eq!(d.severity, Severity::Error);
    assert!(fixed_by(&t, &d).get("wavoipToken").is_none());
    clean(&base(json!({"wavoipToken": "", "rejectCall": true, "msgCall": "busy"})));
}

// ---------- 3.4 webhook ----------

#[test]
fn w1_webhook_string_becomes_an_object_with_its_events() {
    let t = base(json!({"webhook": "hooks.example.com/evo", "events": ["MESSAGES_UPSERT"]}));
    let d = one(&t, "evo/webhook-shape");
    assert_eq!(d.severity, Severity::Error);
    let v = fixed_by(&t, &d);
    assert_eq!(v["webhook"], json!({"url": "https://hooks.example.com/evo", "events": ["MESSAGES_UPSERT"]}));
    assert!(v.get("events").is_none());
}

#[test]
fn w2_w3_w4_w6_webhook_object() {
    let t = base(json!({"webhook": {"url": "https://h.example/x"}}));
    let d = one(&t, "evo/webhook-without-events");
    assert_eq!(fixed_by(&t, &d)["webhook"]["events"], json!([]));
    assert_eq!(one(&base(json!({"webhook": {"events": []}})), "evo/required").severity, Severity::Error);
    for bad in ["not a url", "HTTPS://h.example/x", "ftp://h.example"] {
        assert_eq!(
            one(&base(json!({"webhook": {"url": bad, "events": []}})), "evo/webhook-url").severity,
            Severity::Error,
            "{bad}"
        );
    }
    let t = base(json!({"webhook": {"url": "h.example/x", "events": []}}));
    assert_eq!(fixed_by(&t, &one(&t, "evo/webhook-url"))["webhook"]["url"], "https://h.example/x");
    let t = base(json!({"webhook": {"url": "https://h.example", "events": [], "byEvents": "false", "base64": 0}}));
    assert_eq!(diags(&t).iter().filter(|d| d.code == "evo/type" && d.severity == Severity::Error).count(), 2);
    let long = format!("https://h.example/{}", "a".repeat(500));
    one(&base(json!({"webhook": {"url": long, "events": []}})), "evo/too-long");
}

#[test]
fn w5_w9_webhook_events_checked_against_the_31_names() {
    let t = base(
        json!({"webhook": {"url": "https://h.example", "events": ["messages_upsert", "FOO_BAR", "NEW_JWT_TOKEN", "INSTANCE_CREATE", "INSTANCE_CREATE"]}}),
    );
    let d = diags(&t);
    let unknown: Vec<_> = d.iter().filter(|d| d.code == "evo/unknown-event").collect();
    assert_eq!(unknown.len(), 3, "{unknown:#?}");
    assert!(unknown.iter().all(|d| d.severity == Severity::Error));
    assert!(unknown[0].message.to_string().contains("MESSAGES_UPSERT"));
    assert!(unknown[2].message.to_string().contains("only in 1.x"));
    assert!(d.iter().any(|d| d.code == "evo/duplicate-event"));
    let (out, _) = fix_all(&t, &opts());
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["webhook"]["events"], json!(["MESSAGES_UPSERT", "FOO_BAR", "INSTANCE_CREATE"]));
}

#[test]
fn w7_w8_w11_headers_enabled_localhost() {
    let t = base(
        json!({"webhook": {"url": "http://localhost:3000/h", "events": [], "enabled": false, "headers": {"x-n": 1, "jwt_key": "s"}}}),
    );
    let d = diags(&t);
    let has = |code: &str, sev: Severity| d.iter().any(|x| x.code == code && x.severity == sev);
    assert!(has("evo/webhook-localhost", Severity::Warning));
    assert!(has("evo/webhook-enabled", Severity::Warning));
    assert!(has("evo/webhook-headers", Severity::Warning));
    assert!(has("evo/webhook-headers", Severity::Info), "jwt_key explained");
}

#[test]
fn w10_e4_flat_keys_are_traps() {
    for k in ["webhookUrl", "webhookByEvents", "webhookEvents", "rabbitmqEnabled", "sqsEvents", "natsEnabled"] {
        let t = base(
            json!({k: if k.ends_with("Events") { json!([]) } else if k.ends_with("Url") { json!("https://x.example") } else { json!(true) }}),
        );
        assert_eq!(one(&t, "evo/trap-key").severity, Severity::Error, "{k}");
    }
}

// ---------- 3.5 other sinks ----------

#[test]
fn e1_e2_e3_e5_sinks() {
    let t = base(json!({"rabbitmq": {"enabled": true}}));
    let d = one(&t, "evo/webhook-without-events");
    assert_eq!(fixed_by(&t, &d)["rabbitmq"]["events"], json!([]));
    assert_eq!(one(&t, "evo/sink").severity, Severity::Warning);
    assert_eq!(one(&base(json!({"websocket": true})), "evo/type").severity, Severity::Error);
    let t = base(json!({"pusher": {"enabled": true, "appId": "1", "events": []}}));
    assert_eq!(diags(&t).iter().filter(|d| d.code == "evo/required").count(), 3, "key, secret, cluster");
    one(&base(json!({"sqs": {"enabled": true, "events": ["MESSAGE_UPSERT"]}})), "evo/unknown-event");
}

// ---------- 3.6 proxy ----------

#[test]
fn p1_to_p6_proxy() {
    let t = base(json!({"proxyHost": "p.example", "proxyPort": 3128, "proxyProtocol": "http"}));
    assert_eq!(fixed_by(&t, &one(&t, "evo/type"))["proxyPort"], "3128");
    assert!(one(&base(json!({"proxyHost": "p.example"})), "evo/proxy")
        .message
        .to_string()
        .contains("proxyPort and proxyProtocol missing"));
    let t = base(json!({"proxyHost": "p", "proxyPort": "1", "proxyProtocol": "socks5"}));
    let d = diags(&t).into_iter().find(|d| d.code == "evo/proxy" && d.severity == Severity::Error).unwrap();
    assert_eq!(fixed_by(&t, &d)["proxyProtocol"], "socks");
    let t = base(json!({"proxyHost": "p", "proxyPort": "1", "proxyProtocol": "http", "proxyUsername": "u"}));
    assert!(diags(&t).iter().any(|d| d.code == "evo/proxy" && d.severity == Severity::Warning));
    assert!(diags(&t).iter().any(|d| d.code == "evo/proxy" && d.severity == Severity::Info), "P5");
    let d = one(&base(json!({"proxy": {"host": "p", "port": 1}})), "evo/v1-key");
    assert!(d.message.to_string().contains("proxyHost"), "{}", d.message);
}

// ---------- 3.7 chatwoot ----------

fn cw(extra: Value) -> String {
    let mut v = json!({"chatwootAccountId": "1", "chatwootToken": "t", "chatwootUrl": "https://cw.example", "chatwootSignMsg": true, "chatwootReopenConversation": false, "chatwootConversationPending": false});
    for (k, x) in extra.as_object().unwrap() {
        v[k] = x.clone();
    }
    base(v)
}

#[test]
fn c1_c3_c4_c5_c6_c7_chatwoot() {
    let t = cw(json!({"chatwootAccountId": 1}));
    assert_eq!(fixed_by(&t, &one(&t, "evo/type"))["chatwootAccountId"], "1");
    let t = base(json!({"chatwootAccountId": "1", "chatwootToken": "t", "chatwootUrl": "https://cw.example"}));
    let req: Vec<_> = diags(&t).into_iter().filter(|d| d.code == "evo/chatwoot-required").collect();
    assert_eq!(req.len(), 3);
    assert!(req[0].message.to_string().contains("signMsg is required"));
    let (out, _) = fix_all(&t, &opts());
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!((&v["chatwootSignMsg"], &v["chatwootReopenConversation"]), (&json!(false), &json!(false)));
    assert_eq!(one(&cw(json!({"chatwootUrl": "not a url"})), "evo/chatwoot-url").severity, Severity::Error);
    assert_eq!(one(&cw(json!({"chatwootUrl": "cw.example"})), "evo/chatwoot-url").severity, Severity::Warning);
    one(&cw(json!({"chatwootToken": "t".repeat(101)})), "evo/too-long");
    assert_eq!(one(&cw(json!({"chatwootDaysLimitImportMessages": 7.5})), "evo/type").severity, Severity::Warning);
    assert_eq!(one(&cw(json!({})), "evo/chatwoot-enabled").severity, Severity::Info);
    assert_eq!(one(&cw(json!({})), "evo/qrcode-ignored").severity, Severity::Warning);
}

#[test]
fn c2_half_chatwoot_is_silently_dropped() {
    let d = one(&base(json!({"chatwootUrl": "https://cw.example", "chatwootToken": ""})), "evo/chatwoot-partial");
    assert_eq!(d.severity, Severity::Error);
    assert!(d.message.to_string().contains("chatwootAccountId and chatwootToken missing"), "{}", d.message);
}

// ---------- 3.8 everything else ----------

#[test]
fn x1_v1_keys_are_named_with_their_v2_name() {
    let t = base(json!({"reject_call": true, "webhook_by_events": true, "qrCode": true}));
    let d = diags(&t);
    let rc = d.iter().find(|d| d.code == "evo/v1-key" && d.message.to_string().contains("\"reject_call\"")).unwrap();
    assert_eq!(rc.severity, Severity::Error);
    assert!(rc.message.to_string().contains("rejectCall"));
    assert_eq!(fixed_by(&t, rc)["rejectCall"], true);
    let wbe = d.iter().find(|d| d.message.to_string().contains("\"webhook_by_events\"")).unwrap();
    assert!(wbe.message.to_string().contains("webhook.byEvents") && wbe.fix.is_none(), "nested: migrate does it");
    let typo = d.iter().find(|d| d.code == "evo/unknown-key").unwrap();
    assert!(typo.message.to_string().contains("Did you mean \"qrcode\""));
}

#[test]
fn x2_x3_chatbot_and_forbidden_keys() {
    assert_eq!(one(&base(json!({"typebotUrl": "https://t.example"})), "evo/chatbot-key").severity, Severity::Warning);
    none(&base(json!({"typebot_url": "https://t.example"})), "evo/v1-key");
    let t = base(json!({"status": "open"}));
    let d = one(&t, "evo/forbidden-key");
    assert!(fixed_by(&t, &d).get("status").is_none());
}

#[test]
fn profile_hint_from_the_texts_shape() {
    let v1_shaped = r#"{"instanceName": "a", "webhook": "https://h.example", "events": [], "reject_call": true}"#;
    assert_eq!(shape_of(&evo_core::lint::syntax::parse(v1_shaped).root.unwrap()), Some(Profile::V1));
    assert_eq!(one(v1_shaped, "evo/profile").severity, Severity::Warning);
    let v2_shaped = base(json!({"webhook": {"url": "https://h.example", "events": []}, "rejectCall": true}));
    let v1 = lint(&v2_shaped, &LintOptions::with_fresh_token(TOKEN));
    assert!(v1.diagnostics.iter().any(|d| d.code == "evo/profile" && d.message.to_string().contains("2.x")));
    none(&v2_shaped, "evo/profile");
}

// ---------- migration: the seed's three examples ----------

fn seed(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The seed's placeholders filled the way a user would.
fn filled(text: &str) -> String {
    text.replace("[instance]", "shop")
        .replace("[apikey]", TOKEN)
        .replace("[webhookUrl]", "https://hooks.example.com/evo")
}

#[test]
fn migrating_the_seed_basic() {
    let m = migrate(&seed("seed-basic.jsonc"), Profile::V1, Profile::V2).unwrap();
    let v: Value = serde_json::from_str(&filled(&m.text)).unwrap();
    assert_eq!(
        v,
        json!({"instanceName": "shop", "integration": "WHATSAPP-BAILEYS", "token": TOKEN, "qrcode": true, "groupsIgnore": true})
    );
    assert!(m.notes.iter().any(|n| n.key == "integration" && n.kind == NoteKind::Added));
    assert!(m.notes.iter().any(|n| n.key == "groupsIgnore" && n.message.to_string().contains("forced true")));
    clean(&filled(&m.text));
}

#[test]
fn migrating_the_seed_webhook_keeps_comments_and_order() {
    let text = seed("seed-webhook.jsonc");
    let m = migrate(&text, Profile::V1, Profile::V2).unwrap();
    // The comments inside the events list move with it.
    assert_eq!(m.text.matches("//").count(), text.matches("//").count());
    assert!(m.text.find("\"qrcode\"") < m.text.find("\"webhook\""), "order kept:\n{}", m.text);
    let (fixed, _) = fix_all(&filled(&m.text), &opts());
    let v: Value = serde_json::from_str(&fixed).unwrap();
    assert_eq!(
        v["webhook"],
        json!({"url": "https://hooks.example.com/evo", "byEvents": false, "events": ["QRCODE_UPDATED", "MESSAGES_UPSERT", "MESSAGES_UPDATE", "MESSAGES_DELETE", "SEND_MESSAGE", "CONNECTION_UPDATE"]})
    );
    assert!(v.get("events").is_none() && v.get("webhookByEvents").is_none());
    let kinds: Vec<_> = m.notes.iter().map(|n| (n.key.as_str(), n.kind)).collect();
    assert!(
        kinds.contains(&("webhookByEvents", NoteKind::Warning)),
        "the seed's spelling was ignored by 1.8.2: {kinds:?}"
    );
    clean(&fixed);
}

#[test]
fn migrating_the_seed_chatwoot() {
    let m = migrate(&seed("seed-chatwoot.jsonc"), Profile::V1, Profile::V2).unwrap();
    let v: Value = serde_json::from_str(&filled(&m.text)).unwrap();
    assert_eq!(v["chatwootAccountId"], "1");
    assert_eq!(v["chatwootReopenConversation"], false);
    assert_eq!(v["chatwootConversationPending"], false);
    assert!(v.get("chatwoot_account_id").is_none());
    let errors: Vec<_> = diags(&filled(&m.text)).into_iter().filter(|d| d.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn migration_of_late_v1_fields_names_what_cannot_carry_over() {
    let t = r#"{
  "instanceName": "shop", // the shop
  "webhook": "https://h.example", "events": ["messages.upsert", "NEW_JWT_TOKEN"],
  "websocket_enabled": true, "websocket_events": [],
  "rabbitmq_enabled": true,
  "proxy": {"host": "p.example", "port": 3128, "protocol": "http", "password": "pw"},
  "typebot_url": "https://t.example",
  "reject_call": true
}"#;
    let m = migrate(t, Profile::V1, Profile::V2).unwrap();
    assert!(m.text.contains("// the shop"), "comments kept:\n{}", m.text);
    let v: Value = serde_json::from_str(&m.text.replace("// the shop", "")).unwrap();
    assert_eq!(v["webhook"], json!({"url": "https://h.example", "events": ["MESSAGES_UPSERT"]}));
    assert_eq!(v["websocket"], json!({"enabled": true, "events": []}));
    assert!(v.get("rabbitmq").is_none() && v.get("rabbitmq_enabled").is_none());
    assert_eq!(
        (&v["proxyHost"], &v["proxyPort"], &v["proxyPassword"]),
        (&json!("p.example"), &json!("3128"), &json!("pw"))
    );
    assert!(v.get("typebot_url").is_none());
    assert_eq!(v["rejectCall"], true);
    let dropped: Vec<_> = m.notes.iter().filter(|n| n.kind == NoteKind::Dropped).map(|n| n.key.as_str()).collect();
    for k in ["events", "rabbitmq", "typebot_url"] {
        assert!(dropped.contains(&k), "{k} named in {dropped:?}");
    }
    assert!(m.notes.iter().any(|n| n.message.to_string().contains("/typebot/create/")));
}

#[test]
fn migration_back_to_v1_and_what_cannot_go_back() {
    let t = base(
        json!({"webhook": {"url": "https://h.example", "byEvents": true, "events": ["MESSAGES_EDITED", "CALL"], "headers": {"a": "b"}}, "chatwootAccountId": "7", "wavoipToken": "", "integration": "EVOLUTION"}),
    );
    let m = migrate(&t, Profile::V2, Profile::V1).unwrap();
    let v: Value = serde_json::from_str(&m.text).unwrap();
    assert_eq!(v["webhook"], "https://h.example");
    assert_eq!(v["webhook_by_events"], true);
    assert_eq!(v["events"], json!(["CALL"]));
    assert_eq!(v["chatwoot_account_id"], 7);
    assert!(v.get("integration").is_none() && v.get("wavoipToken").is_none());
    let dropped: Vec<_> = m.notes.iter().filter(|n| n.kind == NoteKind::Dropped).map(|n| n.key.as_str()).collect();
    for k in ["webhook.headers", "wavoipToken", "integration", "webhook.events"] {
        assert!(dropped.contains(&k), "{k} in {dropped:?}");
    }
    // And forth again: the round trip ends where it started, bar what 1.x cannot hold.
    let again = migrate(&m.text, Profile::V1, Profile::V2).unwrap();
    let w: Value = serde_json::from_str(&again.text).unwrap();
    assert_eq!(w["webhook"]["url"], "https://h.example");
    assert_eq!(w["chatwootAccountId"], "7");
}

#[test]
fn migration_refuses_broken_json() {
    assert!(migrate("{\"a\": ", Profile::V1, Profile::V2).is_ok() || migrate("[", Profile::V1, Profile::V2).is_err());
    assert!(migrate("[1]", Profile::V1, Profile::V2).is_err());
}
