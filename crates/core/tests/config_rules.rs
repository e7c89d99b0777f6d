//! One focused test per rule of `CONTRACT-config.md` §10, named after its id.

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

/// The diagnostics of `code`, as `(severity, message)`.
fn of(r: &Report, code: Code) -> Vec<(Severity, String)> {
    r.diagnostics.iter().filter(|d| d.code == code).map(|d| (d.severity, d.message.to_string())).collect()
}

fn has(r: &Report, sev: Severity, code: Code) -> bool {
    r.diagnostics.iter().any(|d| d.severity == sev && d.code == code)
}

/// No error and no warning.
fn clean(r: &Report) -> bool {
    r.diagnostics.iter().all(|d| d.severity == Info)
}

fn fixed(e: Endpoint, p: Profile, text: &str) -> String {
    fix_all_config(text, e, &LintOptions::default().with_profile(p), &ConfigContext::default()).0
}

const S1: &str = r#"{"reject_call": true, "msg_call": "Busy", "groups_ignore": true, "always_online": false, "read_messages": false, "read_status": false, "sync_full_history": false}"#;
const S2: &str = r#"{"rejectCall": true, "msgCall": "Busy", "groupsIgnore": false, "alwaysOnline": false, "readMessages": false, "readStatus": false, "syncFullHistory": false, "wavoipToken": ""}"#;

#[test]
fn a1_syntax_errors_come_first() {
    let r = lint(Settings, V2, r#"{"rejectCall": true,"#);
    assert!(r.diagnostics.iter().any(|d| d.code.is_syntax() && d.severity == Error));
}

#[test]
fn a4_the_other_generations_shape_is_refused_and_converted() {
    let r = lint(Settings, V1, S2);
    assert_eq!(of(&r, Code::Profile).len(), 1, "{r:#?}");
    assert!(r.has_errors());
    let out = fixed(Settings, V1, S2);
    assert!(out.contains("\"reject_call\": true") && !out.contains("wavoipToken"), "{out}");
    assert!(clean(&lint(Settings, V1, &out)), "{out}");
    // 2.x sinks: a flat body is a 201 that does nothing.
    let r = lint(Websocket, V2, r#"{"enabled": true, "events": []}"#);
    assert!(of(&r, Code::Profile)[0].1.contains("does nothing"));
    assert_eq!(
        fixed(Websocket, V2, r#"{"enabled": true, "events": []}"#),
        r#"{"websocket": {"enabled": true, "events": []}}"#
    );
}

#[test]
fn a5_unknown_keys_and_the_other_generations_names() {
    let r = lint(Settings, V2, &S2.replace("}", r#", "reject_call": false, "readMesages": 1}"#));
    assert!(has(&r, Warning, Code::V1Key));
    assert!(of(&r, Code::UnknownKey).iter().any(|(s, m)| *s == Warning && m.contains("readMessages")), "{r:#?}");
    let r = lint(
        Webhook,
        V1,
        r#"{"enabled": true, "url": "https://h.example/x", "events": [], "webhook_by_events": false, "byEvents": true}"#,
    );
    assert!(of(&r, Code::V2Key)[0].1.contains("webhook_by_events"));
}

#[test]
fn a6_null_is_refused_for_typed_keys() {
    let r = lint(Settings, V2, &S2.replace(r#""rejectCall": true"#, r#""rejectCall": null"#));
    assert!(has(&r, Error, Code::Null));
    let r = lint(
        Chatwoot,
        V2,
        r#"{"enabled": false, "accountId": "1", "token": "t", "url": "https://c.example", "signMsg": false, "signDelimiter": null, "reopenConversation": false, "conversationPending": false}"#,
    );
    assert!(!has(&r, Error, Code::Null), "signDelimiter takes null");
}

#[test]
fn st1_all_six_booleans() {
    let r = lint(Settings, V1, r#"{"reject_call": false}"#);
    assert_eq!(of(&r, Code::Required).len(), 5);
    let out = fixed(Settings, V1, r#"{"reject_call": false}"#);
    assert!(out.contains("\"groups_ignore\": true"), "{out}");
    // The stored value is what the fix adds, when known.
    let r = with(Settings, V2, r#"{"rejectCall": false}"#, S2);
    assert!(r.diagnostics.iter().filter(|d| d.code == Code::Required).all(|d| d.fix.is_some()));
}

#[test]
fn st2_strict_types() {
    let r = lint(Settings, V1, &S1.replace(r#""reject_call": true"#, r#""reject_call": "true""#));
    let d = r.diagnostics.iter().find(|d| d.code == Code::Type).unwrap();
    assert_eq!((d.severity, d.fix.as_ref().unwrap().edits[0].replacement.as_str()), (Error, "true"));
    assert!(lint(Settings, V2, &S2.replace(r#""msgCall": "Busy""#, r#""msgCall": 5"#)).has_errors());
}

#[test]
fn st3_v1_replace_deletes_an_omitted_msg_call() {
    let body = S1.replace(r#""msg_call": "Busy", "#, "");
    assert!(has(&lint(Settings, V1, &body), Warning, Code::ConfigReplace));
    let r = with(Settings, V1, &body, S1);
    assert!(of(&r, Code::ConfigReplace)[0].1.contains("\"Busy\""));
    assert!(fix_all_config(
        &body,
        Settings,
        &LintOptions::default(),
        &ConfigContext { current: Some(S1.into()), ..Default::default() }
    )
    .0
    .contains("\"msg_call\": \"Busy\""));
}

#[test]
fn st4_v2_merge_keeps_omitted_strings() {
    let body = S2.replace(r#", "wavoipToken": """#, "").replace(r#""msgCall": "Busy", "#, "");
    assert!(has(&lint(Settings, V2, &body), Info, Code::ConfigMerge), "without context: a note");
    let stored = S2.replace(r#""wavoipToken": """#, r#""wavoipToken": "w""#);
    let r = with(Settings, V2, &body, &stored);
    assert_eq!(of(&r, Code::ConfigMerge).iter().filter(|(s, _)| *s == Warning).count(), 2, "{r:#?}");
    assert!(!of(&r, Code::ConfigMerge).iter().any(|(_, m)| m.contains("\"w\"")), "the stored token is not shown");
}

#[test]
fn st5_msg_call_at_most_100_in_v2() {
    let long = "m".repeat(101);
    assert!(has(&lint(Settings, V2, &S2.replace("Busy", &long)), Error, Code::TooLong));
    assert!(!lint(Settings, V1, &S1.replace("Busy", &long)).has_errors());
}

#[test]
fn st6_wavoip_token_on_a_never_connected_instance() {
    let body = S2.replace(r#""wavoipToken": """#, r#""wavoipToken": "abc""#);
    assert!(has(&lint(Settings, V2, &body), Warning, Code::ConfigStoredOnError));
    let ctx = ConfigContext { instance_open: Some(true), ..Default::default() };
    assert!(!has(
        &lint_config_in(&body, Settings, &LintOptions::default().with_profile(V2), &ctx),
        Warning,
        Code::ConfigStoredOnError
    ));
}

#[test]
fn st7_msg_call_goes_to_every_caller() {
    let body = S2.replace(r#""rejectCall": true"#, r#""rejectCall": false"#);
    assert!(has(&lint(Settings, V2, &body), Warning, Code::ConfigMsgCall));
    assert!(clean(&lint(Settings, V2, S2)));
}

#[test]
fn st8_next_connect() {
    let r = lint(Settings, V1, &S1.replace(r#""always_online": false"#, r#""always_online": true"#));
    assert!(has(&r, Info, Code::ConfigNextConnect) && clean(&r));
}

#[test]
fn st9_v1_has_no_wavoip_token_and_no_limit() {
    let r = lint(Settings, V1, &S1.replace("}", r#", "wavoipToken": "x"}"#));
    assert!(has(&r, Info, Code::ConfigNote) && has(&r, Warning, Code::V2Key));
    assert!(has(&lint(Settings, V1, &S1.replace("Busy", &"m".repeat(150))), Info, Code::ConfigNote));
}

#[test]
fn st10_v1_create_forced_groups_ignore() {
    let r = lint(Settings, V1, &S1.replace(r#""groups_ignore": true"#, r#""groups_ignore": false"#));
    assert!(of(&r, Code::ConfigNote).iter().any(|(s, m)| *s == Info && m.contains("groups_ignore")));
}

/// The rules speak pt-BR with the same codes, spans and fix edits; the server version picks the generation.
#[cfg(feature = "embedded-pt")]
#[test]
fn portuguese_and_the_server_version() {
    use evo_core::i18n::Lang;
    let body = S1.replace(r#""msg_call": "Busy", "#, "").replace(r#""reject_call": true"#, r#""reject_call": "true""#);
    let en = lint(Settings, V1, &body);
    let pt = lint_config(&body, Settings, &LintOptions::default());
    let key = |r: &Report| {
        r.diagnostics.iter().map(|d| (d.code, d.span, d.fix.as_ref().map(|f| f.edits.clone()))).collect::<Vec<_>>()
    };
    assert_eq!(key(&en), key(&pt));
    let pt_text = |d: &evo_core::lint::Diagnostic| evo_core::render::render(&d.message, Lang::PtBr);
    assert!(pt.diagnostics.iter().any(|d| pt_text(d).contains("está faltando")), "{pt:#?}");
    assert!(!en.diagnostics.iter().any(|d| d.message.to_string().contains("está faltando")));
    let ctx = ConfigContext { server_version: evo_core::version::ServerVersion::parse("2.3.6"), ..Default::default() };
    assert!(has(&lint_config_in(S1, Settings, &LintOptions::default(), &ctx), Error, Code::Profile));
}
