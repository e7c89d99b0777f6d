//! A diagnostic names the field it is about (`Diagnostic::field`), set by the rule that found it:
//! over the whole lint corpus, in both profiles, every diagnostic inside a known field's member
//! names that field (the member it sits in, one level down at most), and the rules that report a
//! field by its absence name it too. The page shows a field's first message next to it from this.

#[path = "common/lint_corpus.rs"]
mod corpus;

use evo_core::fields::Profile;
use evo_core::lint::{lint, Code, Diagnostic, Node, Span};

/// The field a diagnostic's span sits in (the innermost known member, one level down at most).
fn field_by_span(members: &[evo_core::lint::Member], profile: Profile, d: &Diagnostic) -> Option<&'static str> {
    let within = |s: Span| s.start <= d.span.start && d.span.end <= s.end;
    let m = members.iter().find(|m| within(m.span()))?;
    let inner = m.value.as_ref().and_then(Node::members).unwrap_or_default();
    let path = match inner.iter().find(|c| within(c.span())) {
        Some(c) => format!("{}.{}", m.key, c.key),
        None => m.key.to_string(),
    };
    Some(profile.field(&path)?.key)
}

/// The codes reported at the top of the payload about a field that is missing, and that field.
fn by_absence(code: Code, profile: Profile) -> Option<&'static str> {
    match (code, profile) {
        (Code::TokenMissing, _) => Some("token"),
        (Code::QrcodeMissing, _) => Some("qrcode"),
        (Code::ChatwootSignMsg, _) => Some("chatwoot_sign_msg"),
        (Code::WebhookWithoutEvents, Profile::V1) => Some("events"),
        (Code::WebhookWithoutEvents, Profile::V2) => Some("webhook.events"),
        _ => None,
    }
}

#[test]
fn every_rule_names_the_field_it_is_about() {
    let mut wrong = Vec::new();
    let mut named = std::collections::BTreeMap::<&str, usize>::new();
    for profile in Profile::ALL {
        for text in corpus::all() {
            let report = lint(&text, &corpus::corpus_opts(profile));
            let members = report.root.as_ref().and_then(Node::members).unwrap_or_default();
            for d in &report.diagnostics {
                let want = by_absence(d.code, profile).or_else(|| field_by_span(members, profile, d));
                // A missing required key is reported where the text is (the top, or a neighbour key):
                // its rule names it, whatever the span.
                let ok = match (d.field, want) {
                    (Some(have), _) if d.code == Code::Required => profile.field(have).is_some(),
                    (have, want) => have == want,
                };
                if !ok {
                    wrong.push(format!(
                        "{profile:?} {} {:?} has {:?}, expected {want:?} in {text:?}",
                        d.code.as_str(),
                        d.span,
                        d.field
                    ));
                }
                if d.field.is_some() {
                    *named.entry(d.code.as_str()).or_default() += 1;
                }
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(wrong.is_empty(), "{} diagnostics name the wrong field:\n{}", wrong.len(), wrong.join("\n"));
    // Every rule family names fields: shared type checks, 1.x, 2.x, events, the parser's duplicates.
    for code in ["evo/type", "evo/required", "evo/unknown-event", "evo/token-missing", "evo/webhook-url"] {
        assert!(named.contains_key(code), "no {code} names a field: {named:?}");
    }
}

/// One example per rule family: the code it reports and the field it names.
#[test]
fn each_rule_family_names_its_field() {
    use evo_core::config::{lint_config, Endpoint};
    use Profile::{V1, V2};
    type Case = (Profile, Option<Endpoint>, &'static str, Code, Option<&'static str>);
    let cases: &[Case] = &[
        // The parser: a duplicate key, a single-quoted value.
        (V1, None, r#"{"instanceName": "a", "instanceName": "b"}"#, Code::JsonDuplicateKey, Some("instanceName")),
        (V1, None, r#"{"instanceName": 'a'}"#, Code::JsonSingleQuote, Some("instanceName")),
        // Shared type checks, top level and nested.
        (V1, None, r#"{"instanceName": "a", "qrcode": "yes"}"#, Code::Type, Some("qrcode")),
        (
            V2,
            None,
            r#"{"instanceName": "a", "integration": "WHATSAPP-BAILEYS", "webhook": {"url": 1, "events": []}}"#,
            Code::Type,
            Some("webhook.url"),
        ),
        // Absent keys, reported at the top or at a neighbour.
        (V1, None, r#"{"qrcode": true}"#, Code::Required, Some("instanceName")),
        (V1, None, r#"{"instanceName": "a", "qrcode": true}"#, Code::TokenMissing, Some("token")),
        (V1, None, r#"{"instanceName": "a", "token": "t"}"#, Code::QrcodeMissing, Some("qrcode")),
        (
            V1,
            None,
            r#"{"instanceName": "a", "webhook": "https://x.example/h"}"#,
            Code::WebhookWithoutEvents,
            Some("events"),
        ),
        (
            V2,
            None,
            r#"{"instanceName": "a", "integration": "WHATSAPP-BAILEYS", "webhook": {"url": "https://x.example/h"}}"#,
            Code::WebhookWithoutEvents,
            Some("webhook.events"),
        ),
        (V2, None, r#"{"instanceName": "a"}"#, Code::Required, Some("integration")),
        // Events, in a list inside an object.
        (
            V2,
            None,
            r#"{"instanceName": "a", "integration": "WHATSAPP-BAILEYS", "webhook": {"url": "https://x.example/h", "events": ["NOPE"]}}"#,
            Code::UnknownEvent,
            Some("webhook.events"),
        ),
        // An unknown key is no field.
        (V1, None, r#"{"instanceNme": "a"}"#, Code::UnknownKey, None),
        // The configuration rules: a type, a required key.
        (V2, Some(Endpoint::Settings), r#"{"rejectCall": "yes"}"#, Code::Type, Some("rejectCall")),
        (V2, Some(Endpoint::Settings), r#"{"rejectCall": true}"#, Code::Required, Some("groupsIgnore")),
    ];
    for (profile, endpoint, text, code, field) in cases {
        let opts = corpus::corpus_opts(*profile);
        let report = match endpoint {
            None => lint(text, &opts),
            Some(e) => lint_config(text, *e, &opts),
        };
        let found: Vec<_> = report.diagnostics.iter().filter(|d| d.code == *code).map(|d| d.field).collect();
        assert!(found.contains(field), "{text}: {} names {found:?}, expected {field:?}", code.as_str());
    }
}
