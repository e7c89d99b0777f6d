//! The webhook rules of `CONTRACT-config.md` §10.2, one test per id (W1–W19).

use evo_core::config::{fix_all_config, lint_config, lint_config_in, ConfigContext, Endpoint::Webhook};
use evo_core::fields::Profile::{self, V1, V2};
use evo_core::lint::{Code, LintOptions, Report, Severity::*};

fn lint(p: Profile, text: &str) -> Report {
    lint_config(text, Webhook, &LintOptions::default().with_profile(p))
}

fn with(p: Profile, text: &str, current: &str) -> Report {
    let ctx = ConfigContext { current: Some(current.into()), ..Default::default() };
    lint_config_in(text, Webhook, &LintOptions::default().with_profile(p), &ctx)
}

fn has(r: &Report, sev: evo_core::lint::Severity, code: Code) -> bool {
    r.diagnostics.iter().any(|d| d.severity == sev && d.code == code)
}

fn clean(r: &Report) -> bool {
    r.diagnostics.iter().all(|d| d.severity == Info)
}

fn fixed(p: Profile, text: &str) -> String {
    fix_all_config(text, Webhook, &LintOptions::default().with_profile(p), &ConfigContext::default()).0
}

const V1_OK: &str = r#"{"enabled": true, "url": "https://h.example/x", "events": ["MESSAGES_UPSERT"], "webhook_by_events": false, "webhook_base64": false}"#;
const V2_OK: &str = r#"{"webhook": {"enabled": true, "url": "https://h.example/x", "events": ["MESSAGES_UPSERT"], "headers": {"x-a": "1"}, "byEvents": false, "base64": false}}"#;

#[test]
fn both_full_bodies_are_clean() {
    assert!(clean(&lint(V1, V1_OK)), "{:#?}", lint(V1, V1_OK));
    assert!(clean(&lint(V2, V2_OK)), "{:#?}", lint(V2, V2_OK));
}

#[test]
fn w1_v1_url_present_and_a_url() {
    assert!(has(&lint(V1, r#"{"enabled": false}"#), Error, Code::Required));
    assert!(has(&lint(V1, r#"{"enabled": false, "url": "not a url"}"#), Error, Code::WebhookUrl));
    assert!(has(&lint(V1, r#"{"url": ""}"#), Error, Code::ConfigEmpty));
}

#[test]
fn w2_v1_scheme_less_url_is_never_delivered() {
    let text = V1_OK.replace("https://h.example/x", "hooks.example.com/evo");
    assert!(has(&lint(V1, &text), Warning, Code::WebhookUrl));
    assert!(fixed(V1, &text).contains("\"https://hooks.example.com/evo\""));
}

#[test]
fn w3_enabled_without_events() {
    assert!(has(&lint(V1, r#"{"enabled": true, "url": "https://h.example/x"}"#), Error, Code::EnabledWithoutEvents));
    let v2 = r#"{"webhook": {"enabled": true, "url": "https://h.example/x"}}"#;
    assert!(has(&lint(V2, v2), Error, Code::EnabledWithoutEvents));
    assert!(fixed(V2, v2).contains("\"events\": []"));
}

#[test]
fn w4_event_names_of_the_generation() {
    let r = lint(V1, &V1_OK.replace("MESSAGES_UPSERT", "messages_upsert"));
    assert!(has(&r, Error, Code::UnknownEvent));
    assert!(fixed(V1, &V1_OK.replace("MESSAGES_UPSERT", "messages_upsert")).contains("\"MESSAGES_UPSERT\""));
    assert!(has(&lint(V1, &V1_OK.replace("MESSAGES_UPSERT", "INSTANCE_CREATE")), Error, Code::UnknownEvent));
    assert!(has(&lint(V2, &V2_OK.replace("MESSAGES_UPSERT", "NEW_JWT_TOKEN")), Error, Code::UnknownEvent));
}

#[test]
fn w5_v1_flags_as_strings() {
    let r = lint(V1, &V1_OK.replace(r#""webhook_by_events": false"#, r#""webhook_by_events": "false""#));
    assert!(has(&r, Warning, Code::Type) && !r.has_errors());
}

#[test]
fn w6_v1_replace_drops_omitted_flags() {
    let body = r#"{"enabled": true, "url": "https://h.example/x", "events": []}"#;
    assert!(has(&lint(V1, body), Warning, Code::ConfigReplace));
    let stored = r#"{"enabled": true, "url": "https://h.example/x", "events": [], "webhook_by_events": true}"#;
    let r = with(V1, body, stored);
    assert_eq!(r.diagnostics.iter().filter(|d| d.code == Code::ConfigReplace).count(), 1, "only the stored one");
    assert!(clean(&with(V1, body, r#"{"enabled": true, "url": "https://h.example/x", "events": []}"#)));
}

#[test]
fn w7_v1_enabled_omitted_means_true() {
    assert!(has(&lint(V1, r#"{"url": "https://h.example/x", "events": []}"#), Warning, Code::WebhookEnabled));
}

#[test]
fn w8_v1_disabling_wipes() {
    assert!(has(&lint(V1, &V1_OK.replace(r#""enabled": true"#, r#""enabled": false"#)), Warning, Code::ConfigDisable));
}

#[test]
fn w9_v1_has_no_v2_flags_or_headers() {
    let r = lint(V1, &V1_OK.replace("}", r#", "base64": true, "headers": {"a": "b"}}"#));
    assert_eq!(r.diagnostics.iter().filter(|d| d.code == Code::V2Key).count(), 2);
}

#[test]
fn w10_v2_nested_with_enabled_and_url() {
    assert!(has(&lint(V2, r#"{"webhook": {"url": "https://h.example/x", "events": []}}"#), Error, Code::Required));
    assert!(has(&lint(V2, r#"{"enabled": true, "url": "https://h.example/x", "events": []}"#), Error, Code::Profile));
    let s = r#"{"webhook": "https://h.example/x"}"#;
    assert!(has(&lint(V2, s), Error, Code::WebhookShape));
    assert!(clean(&lint(V2, &fixed(V2, s))));
}

#[test]
fn w11_v2_url_stored_unchecked() {
    assert!(has(&lint(V2, &V2_OK.replace("https://h.example/x", "not a url")), Warning, Code::WebhookUrl));
    assert!(has(&lint(V2, &V2_OK.replace("https://h.example/x", "")), Warning, Code::WebhookUrl));
}

#[test]
fn w12_v2_url_at_most_500() {
    let long = format!("https://h.example/{}", "p".repeat(500));
    assert!(has(&lint(V2, &V2_OK.replace("https://h.example/x", &long)), Error, Code::TooLong));
}

#[test]
fn w13_v2_flag_and_header_types() {
    assert!(has(&lint(V2, &V2_OK.replace(r#""byEvents": false"#, r#""byEvents": "yes""#)), Error, Code::Type));
    assert!(has(&lint(V2, &V2_OK.replace(r#"{"x-a": "1"}"#, r#""x-a: 1""#)), Error, Code::Type));
}

#[test]
fn w14_v2_merge_keeps_omitted_headers_and_flags() {
    let body = r#"{"webhook": {"enabled": true, "url": "https://h.example/x", "events": []}}"#;
    assert!(has(&lint(V2, body), Info, Code::ConfigMerge));
    let stored = r#"{"id": "x", "url": "https://h.example/x", "headers": {"x-tenant": "t1"}, "enabled": true, "events": [], "webhookByEvents": true, "webhookBase64": false}"#;
    let r = with(V2, body, stored);
    assert_eq!(
        r.diagnostics.iter().filter(|d| d.code == Code::ConfigMerge && d.severity == Warning).count(),
        2,
        "{r:#?}"
    );
    assert!(clean(&with(V2, body, "null")));
}

#[test]
fn w15_v2_misspelled_optional_keys_inside_webhook() {
    let r = lint(V2, &V2_OK.replace(r#""base64": false"#, r#""base_64": false"#));
    assert!(
        r.diagnostics.iter().any(|d| d.code == Code::UnknownKey && d.message.to_string().contains("base64")),
        "{r:#?}"
    );
    assert!(has(&lint(V2, &V2_OK.replace(r#""base64""#, r#""webhook_base64""#)), Warning, Code::V1Key));
}

#[test]
fn w16_v2_disabling_keeps_the_url() {
    let r = lint(V2, &V2_OK.replace(r#""enabled": true"#, r#""enabled": false"#));
    assert!(has(&r, Info, Code::ConfigDisable) && clean(&r));
}

#[test]
fn w17_v2_base64_at_the_next_connect() {
    assert!(has(&lint(V2, V2_OK), Info, Code::ConfigNextConnect));
}

#[test]
fn w18_empty_events_mean_all() {
    let r = lint(V1, &V1_OK.replace(r#"["MESSAGES_UPSERT"]"#, "[]"));
    assert!(r.diagnostics.iter().any(|d| d.severity == Info && d.message.to_string().contains("26")));
}

#[test]
fn w19_groups_update_cannot_be_subscribed() {
    let r = lint(V2, &V2_OK.replace("MESSAGES_UPSERT", "GROUPS_UPDATE"));
    assert!(r
        .diagnostics
        .iter()
        .any(|d| d.code == Code::UnknownEvent && d.message.to_string().contains("GROUP_UPDATE")));
}

#[test]
fn w4_messaging_history_set_is_2_4s() {
    let text = V2_OK.replace("MESSAGES_UPSERT", "MESSAGING_HISTORY_SET");
    assert!(has(&lint(V2, &text), Warning, Code::EventVersion));
    let at = |v: &str| {
        let ctx = ConfigContext { server_version: evo_core::version::ServerVersion::parse(v), ..Default::default() };
        lint_config_in(&text, Webhook, &LintOptions::default(), &ctx)
    };
    assert!(has(&at("2.3.6"), Error, Code::UnknownEvent));
    assert!(!at("2.4.0").diagnostics.iter().any(|d| d.message.to_string().contains("MESSAGING_HISTORY_SET")));
}
