//! The proxy, Chatwoot and event-sink rules of `CONTRACT-config.md` §10.3–§10.5, one test per id.

use evo_core::config::{fix_all_config, lint_config, lint_config_in, ConfigContext, Endpoint};
use evo_core::fields::Profile::{self, V1, V2};
use evo_core::lint::{Code, LintOptions, Report, Severity};
use Endpoint::*;
use Severity::{Error, Info, Warning};

fn lint(e: Endpoint, p: Profile, text: &str) -> Report {
    lint_config(text, e, &LintOptions::default().with_profile(p))
}

fn with(e: Endpoint, p: Profile, text: &str, current: &str) -> Report {
    let ctx = ConfigContext { current: Some(current.into()), ..Default::default() };
    lint_config_in(text, e, &LintOptions::default().with_profile(p), &ctx)
}

fn has(r: &Report, sev: Severity, code: Code) -> bool {
    r.diagnostics.iter().any(|d| d.severity == sev && d.code == code)
}

fn clean(r: &Report) -> bool {
    r.diagnostics.iter().all(|d| d.severity == Info)
}

fn fixed(e: Endpoint, p: Profile, text: &str) -> String {
    fix_all_config(text, e, &LintOptions::default().with_profile(p), &ConfigContext::default()).0
}

const P1: &str = r#"{"enabled": true, "proxy": {"host": "10.0.0.1", "port": "3128", "protocol": "http", "username": "u", "password": "p"}}"#;
const P2: &str =
    r#"{"enabled": true, "host": "10.0.0.1", "port": "3128", "protocol": "http", "username": "u", "password": "p"}"#;
const C1: &str = r#"{"enabled": true, "account_id": "1", "token": "t", "url": "https://c.example", "sign_msg": true, "reopen_conversation": true, "conversation_pending": false}"#;
const C2: &str = r#"{"enabled": true, "accountId": "1", "token": "t", "url": "https://c.example", "signMsg": true, "signDelimiter": "--", "reopenConversation": true, "conversationPending": false, "importContacts": true, "importMessages": true, "mergeBrazilContacts": false}"#;

#[test]
fn p1_v1_shape_proxy_required_even_to_disable() {
    assert!(has(&lint(Proxy, V1, r#"{"enabled": false}"#), Error, Code::Required));
    assert!(has(
        &lint(Proxy, V1, r#"{"enabled": true, "proxy": {"port": "3128", "protocol": "http"}}"#),
        Error,
        Code::Required
    ));
    assert!(clean(&lint(Proxy, V1, P1)), "{:#?}", lint(Proxy, V1, P1));
}

#[test]
fn p2_v2_host_port_protocol_required_and_not_empty() {
    assert_eq!(
        lint(Proxy, V2, r#"{"enabled": false}"#).diagnostics.iter().filter(|d| d.code == Code::Required).count(),
        3
    );
    let empty = r#"{"enabled": false, "host": "", "port": "", "protocol": ""}"#;
    assert_eq!(lint(Proxy, V2, empty).diagnostics.iter().filter(|d| d.code == Code::ConfigEmpty).count(), 3);
    let more = r#"{"enabled": false, "host": "", "port": "", "protocol": "", "username": ""}"#;
    assert!(!lint(Proxy, V2, more).has_errors());
}

#[test]
fn p3_port_is_a_string() {
    for (p, text) in [(V1, P1.replace(r#""3128""#, "3128")), (V2, P2.replace(r#""3128""#, "3128"))] {
        assert!(has(&lint(Proxy, p, &text), Error, Code::Type));
        assert!(fixed(Proxy, p, &text).contains(r#""port": "3128""#));
    }
}

#[test]
fn p4_v2_protocol_http_or_socks() {
    let text = P2.replace(r#""http""#, r#""socks5""#);
    assert!(has(&lint(Proxy, V2, &text), Error, Code::Proxy));
    assert!(fixed(Proxy, V2, &text).contains(r#""protocol": "socks""#));
}

#[test]
fn p5_v1_protocol_http_or_https() {
    assert!(has(&lint(Proxy, V1, &P1.replace(r#""http""#, r#""socks5""#)), Warning, Code::Proxy));
    assert!(!has(&lint(Proxy, V1, &P1.replace(r#""http""#, r#""https""#)), Warning, Code::Proxy));
}

#[test]
fn p6_enabled_is_tested_live() {
    assert!(has(&lint(Proxy, V1, P1), Info, Code::ConfigLiveTest));
}

#[test]
fn p7_credentials_both_and_plain() {
    assert!(has(&lint(Proxy, V2, &P2.replace(r#", "password": "p""#, "")), Warning, Code::ConfigProxyAuth));
    assert!(has(
        &lint(Proxy, V1, &P1.replace(r#""password": "p""#, r#""password": "p@ss""#)),
        Warning,
        Code::ConfigProxyAuth
    ));
}

#[test]
fn p8_v2_answers_before_the_write() {
    assert!(has(&lint(Proxy, V2, P2), Warning, Code::ConfigReadBack));
}

#[test]
fn p9_next_connect() {
    assert!(has(&lint(Proxy, V2, P2), Info, Code::ConfigNextConnect));
}

#[test]
fn p10_password_in_clear_from_find() {
    assert!(has(&lint(Proxy, V1, P1), Info, Code::ConfigSecretInFind));
}

#[test]
fn p11_server_wide_proxy_when_disabled() {
    assert!(has(&lint(Proxy, V2, &P2.replace("true", "false")), Info, Code::ConfigNote));
}

#[test]
fn c1_seven_keys_required_even_to_disable() {
    let r = lint(Chatwoot, V1, r#"{"enabled": false}"#);
    assert_eq!(r.diagnostics.iter().filter(|d| d.code == Code::Required).count(), 6);
    assert!(has(&lint(Chatwoot, V2, &C2.replace(r#""signMsg": true, "#, "")), Error, Code::Required));
}

#[test]
fn c2_account_id_is_a_string() {
    let text = C1.replace(r#""account_id": "1""#, r#""account_id": 1"#);
    assert!(has(&lint(Chatwoot, V1, &text), Error, Code::Type));
    assert!(fixed(Chatwoot, V1, &text).contains(r#""account_id": "1""#));
}

#[test]
fn c3_enabling_checks_url_account_and_token() {
    assert!(has(&lint(Chatwoot, V1, &C1.replace("https://c.example", "not a url")), Error, Code::ChatwootUrl));
    assert!(has(
        &lint(Chatwoot, V2, &C2.replace(r#""accountId": "1""#, r#""accountId": """#)),
        Error,
        Code::ChatwootRequired
    ));
}

#[test]
fn c4_v2_server_switch() {
    assert!(has(&lint(Chatwoot, V2, C2), Info, Code::ConfigServerSwitch));
}

#[test]
fn c5_v2_lengths() {
    assert!(has(
        &lint(Chatwoot, V2, &C2.replace(r#""token": "t""#, &format!(r#""token": "{}""#, "t".repeat(101)))),
        Error,
        Code::TooLong
    ));
}

#[test]
fn c6_v2_first_set_drops_sign_delimiter() {
    let never = r#"{"enabled": false, "url": "", "accountId": "", "token": "", "signMsg": false, "nameInbox": "", "webhook_url": ""}"#;
    assert!(has(&with(Chatwoot, V2, C2, never), Warning, Code::ConfigFirstSet));
    assert!(has(&lint(Chatwoot, V2, C2), Info, Code::ConfigFirstSet));
    let stored = C2.replace(r#""signDelimiter": "--""#, r#""signDelimiter": null"#);
    assert!(clean(&with(Chatwoot, V2, C2, &stored)));
}

#[test]
fn c7_auto_create_is_stored_on_a_500() {
    assert!(has(
        &lint(Chatwoot, V1, &C1.replace("}", r#", "auto_create": true}"#)),
        Warning,
        Code::ConfigStoredOnError
    ));
}

#[test]
fn c8_v2_days_truncated() {
    assert!(has(&lint(Chatwoot, V2, &C2.replace("}", r#", "daysLimitImportMessages": 7.5}"#)), Warning, Code::Type));
}

#[test]
fn c9_v2_disabling_with_empty_required_values() {
    let text = r#"{"enabled": false, "accountId": "", "token": "", "url": "", "signMsg": false, "reopenConversation": false, "conversationPending": false}"#;
    let r = with(Chatwoot, V2, text, C2);
    assert_eq!(r.diagnostics.iter().filter(|d| d.code == Code::ConfigEmpty).count(), 3);
    let out = fix_all_config(
        text,
        Chatwoot,
        &LintOptions::default().with_profile(V2),
        &ConfigContext { current: Some(C2.into()), ..Default::default() },
    )
    .0;
    assert!(out.contains(r#""accountId": "1""#), "{out}");
}

#[test]
fn c10_v1_disabling_wipes() {
    assert!(has(
        &lint(Chatwoot, V1, &C1.replace(r#""enabled": true"#, r#""enabled": false"#)),
        Warning,
        Code::ConfigDisable
    ));
}

#[test]
fn c11_v1_replace_drops_omitted_optional_keys() {
    let stored = C1.replace("}", r#", "name_inbox": "Shop", "import_contacts": true}"#);
    let r = with(Chatwoot, V1, C1, &stored);
    assert!(r.diagnostics.iter().any(|d| d.code == Code::ConfigReplace
        && d.severity == Warning
        && d.message.to_string().contains("name_inbox")));
    assert!(has(&lint(Chatwoot, V1, C1), Info, Code::ConfigReplace));
}

#[test]
fn c12_v2_first_set_defaults() {
    let never = r#"{"enabled": false, "url": "", "accountId": "", "token": "", "signMsg": false, "nameInbox": "", "webhook_url": ""}"#;
    let text = C2.replace(r#", "importContacts": true"#, "");
    assert!(with(Chatwoot, V2, &text, never)
        .diagnostics
        .iter()
        .any(|d| d.code == Code::ConfigFirstSet && d.message.to_string().contains("importContacts")));
}

#[test]
fn c13_inbox_name_and_webhook_url() {
    assert!(has(&lint(Chatwoot, V1, C1), Info, Code::ConfigNote));
}

#[test]
fn c14_token_in_clear_from_find() {
    assert!(has(&lint(Chatwoot, V2, C2), Info, Code::ConfigSecretInFind));
}

#[test]
fn e1_v1_enabled_required() {
    assert!(has(&lint(Websocket, V1, r#"{"events": []}"#), Error, Code::Required));
}

#[test]
fn e2_v2_nested_with_enabled() {
    assert!(has(&lint(Rabbitmq, V2, r#"{"rabbitmq": {"events": []}}"#), Error, Code::Required));
    assert!(has(&lint(Rabbitmq, V2, r#"{"rabbitmq": {"enabled": "yes", "events": []}}"#), Error, Code::Type));
}

#[test]
fn e3_enabled_without_events() {
    assert!(has(&lint(Websocket, V1, r#"{"enabled": true}"#), Error, Code::EnabledWithoutEvents));
    let text = r#"{"nats": {"enabled": true}}"#;
    assert!(has(&lint(Nats, V2, text), Error, Code::EnabledWithoutEvents));
    assert_eq!(fixed(Nats, V2, text), r#"{"nats": {"enabled": true, "events": []}}"#);
}

#[test]
fn e4_event_names() {
    assert!(has(&lint(Kafka, V2, r#"{"kafka": {"enabled": true, "events": ["FOO"]}}"#), Error, Code::UnknownEvent));
    assert!(has(&lint(Sqs, V1, r#"{"enabled": true, "events": ["MESSAGE_UPSERT"]}"#), Error, Code::UnknownEvent));
}

#[test]
fn e5_v2_integration_off_stores_nothing() {
    assert!(has(&lint(Sqs, V2, r#"{"sqs": {"enabled": true, "events": []}}"#), Warning, Code::ConfigServerSwitch));
}

#[test]
fn e6_v2_empty_or_flat_body_does_nothing() {
    let r = lint(Websocket, V2, "{}");
    assert!(has(&r, Error, Code::Required));
    assert!(fixed(Websocket, V2, "{}").contains(r#""websocket": {"enabled": true, "events": []}"#));
    assert!(has(&lint(Kafka, V2, r#"{"enabled": true, "events": []}"#), Error, Code::Profile));
}

#[test]
fn e7_v1_websocket_stored_never_sent() {
    assert!(has(&lint(Websocket, V1, r#"{"enabled": true, "events": []}"#), Warning, Code::ConfigServerSwitch));
}

#[test]
fn e8_v1_rabbitmq_sqs_500_after_storing() {
    assert!(has(&lint(Rabbitmq, V1, r#"{"enabled": false}"#), Warning, Code::ConfigStoredOnError));
}

#[test]
fn e9_v1_disabling_stores_every_event() {
    assert!(has(&lint(Websocket, V1, r#"{"enabled": false, "events": []}"#), Warning, Code::ConfigDisable));
}

#[test]
fn e10_v1_sqs_survives_delete() {
    assert!(lint(Sqs, V1, r#"{"enabled": true, "events": []}"#)
        .diagnostics
        .iter()
        .any(|d| d.severity == Info && d.message.to_string().contains("deleted")));
}

#[test]
fn e11_v2_pusher_stored_but_invisible() {
    let text = r#"{"pusher": {"enabled": true, "appId": "a", "key": "k", "secret": "s", "cluster": "mt1", "useTLS": true, "events": []}}"#;
    assert!(has(&lint(Pusher, V2, text), Warning, Code::ConfigServerSwitch));
}

#[test]
fn e12_v2_pusher_required_keys() {
    let r = lint(Pusher, V2, r#"{"pusher": {"enabled": true, "events": []}}"#);
    assert_eq!(r.diagnostics.iter().filter(|d| d.code == Code::Required).count(), 5);
}

#[test]
fn e13_no_nats_kafka_pusher_in_v1() {
    for e in [Nats, Kafka, Pusher] {
        assert!(!e.exists_in(V1) && e.exists_in(V2));
        assert!(has(&lint(e, V1, "{}"), Error, Code::ConfigNoRoute));
    }
}
