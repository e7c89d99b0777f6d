//! The 2.x rules in Brazilian Portuguese: the same diagnostics as in English (codes, severities,
//! spans, fix edits), with the texts of `LintV2` in Portuguese; and the field tables' Portuguese.

use evo_core::fields::Profile;
use evo_core::i18n::{Lang, LintV2};
use evo_core::lint::{lint, LintOptions};
use evo_core::render::{field_label, field_shown, field_text, field_text_at, field_texts};
#[path = "common/rendered.rs"]
mod rendered;
use rendered::D as Diagnostic;

const TOKEN: &str = "0b9a8f52-3c1d-4e7f-9a2b-6c5d4e3f2a1b";
const USED: &str = "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

/// Payloads that between them set off every 2.x rule.
const PAYLOADS: &[&str] = &[
    r#"{"integration": "WHATSAPP-BAILEYS"}"#,
    r#"{"instanceName": "", "integration": "WHATSAPP-BAILEYS"}"#,
    r#"{"instanceName": "[instance]", "token": "[token]", "integration": "WHATSAPP-BAILEYS"}"#,
    r#"{"instanceName": "My Store", "token": "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}"#,
    r#"{"instanceName": "shop", "integration": "WHATSAPP-BUSINESS", "token": "", "qrcode": true}"#,
    r#"{"instanceName": "shop", "integration": "EVOLUTION", "qrcode": true}"#,
    r#"{"instanceName": "shop", "integration": "WHATSAPP-BAILEYS", "number": "55 11 99999-9999", "qrcode": true}"#,
    r#"{"instanceName": "shop", "integration": "WHATSAPP-BAILEYS", "number": "5511999999999", "msgCall": "busy", "wavoipToken": "w"}"#,
    r#"{"instanceName": "shop", "integration": "WHATSAPP-BAILEYS", "webhook": "example.com/hook", "events": ["QRCODE_UPDATED"]}"#,
    r#"{"instanceName": "shop", "integration": "WHATSAPP-BAILEYS", "webhook": {"enabled": false, "headers": {"x": 1, "jwt_key": "k"}}}"#,
    r#"{"instanceName": "shop", "integration": "WHATSAPP-BAILEYS", "webhook": {"url": "[url]", "events": []}}"#,
    r#"{"instanceName": "shop", "integration": "WHATSAPP-BAILEYS", "webhook": {"url": "example.com/hook", "events": []}}"#,
    r#"{"instanceName": "shop", "integration": "WHATSAPP-BAILEYS", "webhook": {"url": "http://localhost:3000/hook", "events": []}}"#,
    r#"{"instanceName": "shop", "integration": "WHATSAPP-BAILEYS", "rabbitmq": {"enabled": true}, "pusher": {"enabled": true}}"#,
    r#"{"instanceName": "shop", "integration": "WHATSAPP-BAILEYS", "proxyHost": "p.example.com", "proxyPort": "3128"}"#,
    r#"{"instanceName": "shop", "integration": "WHATSAPP-BAILEYS", "proxyHost": "p.example.com", "proxyPort": "3128", "proxyProtocol": "socks5", "proxyUsername": "u"}"#,
    r#"{"instanceName": "shop", "integration": "WHATSAPP-BAILEYS", "chatwootAccountId": "1", "chatwootToken": ""}"#,
    r#"{"instanceName": "shop", "integration": "WHATSAPP-BAILEYS", "chatwootAccountId": "1", "chatwootToken": "t", "chatwootUrl": "app.chatwoot.com", "qrcode": true}"#,
    r#"{"instanceName": "shop", "integration": "WHATSAPP-BAILEYS", "chatwootAccountId": "1", "chatwootToken": "t", "chatwootUrl": "not a url"}"#,
    r#"{"instanceName": "shop", "integration": "WHATSAPP-BAILEYS", "typebotUrl": "https://t.example.com", "openaiCreds": "x"}"#,
    r#"{"instanceName": "h", "integration": "WHATSAPP-BAILEYS", "webhook": {"url": "https://x.example/h", "events": ["MESSAGING_HISTORY_SET"]}}"#,
];

/// Keys that are only parts of other texts (checked as substrings, not as whole messages).
const FRAGMENTS: &[&str] =
    &["list_and", "business_token", "business_number", "webhook_events_why", "sink_events_why", "pusher_events_why"];

fn opts() -> LintOptions {
    let mut o = LintOptions::with_fresh_token(TOKEN).with_profile(Profile::V2);
    o.rules.used_tokens.push((USED.into(), "first".into()));
    o
}

fn diags(text: &str, lang: Lang) -> Vec<Diagnostic> {
    rendered::diagnostics(&lint(text, &opts()).diagnostics, lang)
}

/// `text` is `template` with its `{0}`…`{9}` filled by something (the pieces around them appear
/// in order, the first at the start and the last at the end).
fn fits(template: &str, text: &str) -> bool {
    let b = template.as_bytes();
    let (mut pieces, mut start, mut i) = (Vec::new(), 0, 0);
    while i + 2 < b.len() {
        if b[i] == b'{' && b[i + 1].is_ascii_digit() && b[i + 2] == b'}' {
            pieces.push(&template[start..i]);
            i += 3;
            start = i;
        } else {
            i += 1;
        }
    }
    pieces.push(&template[start..]);
    if pieces.len() == 1 {
        return text == template;
    }
    let Some(mut body) = text.strip_prefix(pieces[0]) else { return false };
    for mid in &pieces[1..pieces.len() - 1] {
        let Some(i) = body.find(mid) else { return false };
        body = &body[i + mid.len()..];
    }
    body.ends_with(pieces[pieces.len() - 1])
}

/// The keys of `LintV2` whose English template `text` fits (messages or fix titles).
fn keys_of(text: &str, fixes: bool) -> Vec<usize> {
    let en = evo_core::i18n::en::lint_v2::EN.values();
    LintV2::KEYS
        .iter()
        .enumerate()
        .filter(|(_, k)| !FRAGMENTS.contains(k) && k.starts_with("fix_") == fixes)
        .filter(|(i, _)| fits(en[*i], text))
        .map(|(i, _)| i)
        .collect()
}

#[test]
fn the_fits_helper_reads_templates() {
    assert!(fits("Use {0}", "Use https://x"));
    assert!(fits("{0} needs \"{1}\": x.", "pusher needs \"appId\": x."));
    assert!(!fits("{0} needs \"{1}\": x.", "pusher needs \"appId\": y."));
    assert!(fits("Make it {url, events}", "Make it {url, events}"));
    assert!(fits("In 2.x webhook is an object {\"url\": …}: {0}.", "In 2.x webhook is an object {\"url\": …}: a."));
}

#[test]
fn v2_rules_in_portuguese_match_the_english_ones() {
    let en_t = evo_core::i18n::en::lint_v2::EN.values();
    let pt_t = evo_core::i18n::pt_br::lint_v2::PT_BR.values();
    let mut seen = vec![false; LintV2::KEYS.len()];
    let mut pt_messages = Vec::new();
    for text in PAYLOADS {
        let (en, pt) = (diags(text, Lang::En), diags(text, Lang::PtBr));
        assert_eq!(en.len(), pt.len(), "{text}\n{en:#?}\n{pt:#?}");
        for (e, p) in en.iter().zip(&pt) {
            assert_eq!((e.code, e.severity, e.span), (p.code, p.severity, p.span), "{text}");
            assert_eq!(e.fix.as_ref().map(|f| &f.edits), p.fix.as_ref().map(|f| &f.edits), "{text}");
            let keys = keys_of(&e.message, false);
            if keys.is_empty() {
                continue; // a shared rule's message: not this part's
            }
            assert_ne!(e.message, p.message, "{text}: not translated");
            assert!(keys.iter().any(|&k| fits(pt_t[k], &p.message)), "{text}: {:?} does not fit {keys:?}", p.message);
            for &k in &keys {
                seen[k] = true;
            }
            pt_messages.push(p.message.to_string());
            if let (Some(ef), Some(pf)) = (&e.fix, &p.fix) {
                let fkeys = keys_of(&ef.title, true);
                assert!(!fkeys.is_empty(), "{text}: fix title {:?} is not in LintV2", ef.title);
                assert_ne!(ef.title, pf.title, "{text}");
                assert!(fkeys.iter().any(|&k| fits(pt_t[k], &pf.title)), "{text}: {:?}", pf.title);
                for &k in &fkeys {
                    seen[k] = true;
                }
            }
        }
    }
    // `rules_loading` is only shown where the rules are not linked in (the page, until it has them).
    for (i, k) in LintV2::KEYS.iter().enumerate() {
        if FRAGMENTS.contains(k) {
            assert!(pt_messages.iter().any(|m| m.contains(pt_t[i])), "fragment {k} never shown");
            assert_ne!(en_t[i], pt_t[i], "{k}");
        } else if *k != "rules_loading" {
            assert!(seen[i], "{k} is not set off by any payload");
        }
    }
}

#[test]
fn portuguese_examples_read_as_written() {
    let pt = diags(PAYLOADS[14], Lang::PtBr);
    let proxy = pt.iter().find(|d| d.message.to_string().starts_with("O proxy precisa")).expect("proxy_partial");
    assert!(proxy.message.to_string().contains("faltando proxyProtocol,"), "{}", proxy.message);
    let pt = diags(PAYLOADS[16], Lang::PtBr);
    let cw = pt.iter().find(|d| d.code == "evo/chatwoot-partial").expect("chatwoot-partial");
    assert!(cw.message.to_string().contains("faltando chatwootToken e chatwootUrl"), "{}", cw.message);
    let pt = diags(PAYLOADS[4], Lang::PtBr);
    assert!(pt.iter().any(|d| d.message.to_string().contains("\"token\" (o access token da Meta)")));
    assert!(pt.iter().any(|d| d.message.ends_with("o servidor responde 400 \"number is required\".")));
    let pt = diags(PAYLOADS[19], Lang::PtBr);
    assert!(pt.iter().any(|d| d.message.ends_with("POST /typebot/create/{instance}.")));
    assert!(pt.iter().any(|d| d.message.ends_with("POST /openai/create/{instance}.")));
    // The English stays as it was.
    let en = diags(PAYLOADS[16], Lang::En);
    assert!(en.iter().any(|d| d.message.to_string().contains("; chatwootToken and chatwootUrl missing, so")));
}

#[test]
fn every_field_has_its_portuguese_texts() {
    for p in Profile::ALL {
        let (en, pt) = (field_texts(p, Lang::En), field_texts(p, Lang::PtBr));
        assert_eq!(en.len(), p.fields().len());
        assert_eq!(pt.len(), p.fields().len());
        for ((f, e), t) in p.fields().iter().zip(en).zip(pt) {
            assert_eq!((e.path, t.path), (f.key, f.key));
            assert_eq!((e.label, e.help, e.placeholder), (f.label, f.help, f.placeholder), "{}", f.key);
            assert_eq!(f.label.is_empty(), t.label.trim().is_empty(), "{p:?} {}: label", f.key);
            assert_eq!(f.help.is_empty(), t.help.trim().is_empty(), "{p:?} {}: help", f.key);
            assert_eq!(t.placeholder, f.placeholder, "{p:?} {}: example values stay", f.key);
            if !f.help.is_empty() && f.help.len() > 20 {
                assert_ne!(t.help, f.help, "{p:?} {}: help not translated", f.key);
            }
            assert_eq!(field_label(f, p, Lang::En), f.label);
            assert_eq!(field_label(f, p, Lang::PtBr), t.label);
            assert_eq!(field_text(f, p, Lang::PtBr).help, t.help);
            assert_eq!(field_text(f, p, Lang::PtBr).placeholder, t.placeholder);
        }
    }
    let url = Profile::V2.field("webhook.url").unwrap();
    assert_eq!(url.shown(), "Webhook URL (webhook.url)");
    assert_eq!(field_shown(url, Profile::V2, Lang::PtBr), "URL do webhook (webhook.url)");
    assert_eq!(field_text_at(Profile::V1, "instanceName", Lang::PtBr).unwrap().label, "Nome da instância");
    // A field asked for in the other profile's table keeps its own texts.
    let business = Profile::V2.field("businessId").unwrap();
    assert_eq!(field_label(business, Profile::V1, Lang::PtBr), business.label);
    // Server messages quoted in help stay as the server writes them.
    let proxy = Profile::V1.field("proxy").unwrap();
    assert!(field_text(proxy, Profile::V1, Lang::PtBr).help.contains("400 \"Invalid proxy\""));
}
