//! The linter in Brazilian Portuguese: the same diagnostics as in English (codes, spans, severities,
//! fix edits), only the texts differ; and every shared and 1.x text is reached by the corpus.

#[path = "common/lint_corpus.rs"]
mod corpus;
#[path = "common/rendered.rs"]
mod rendered;

use evo_core::fields::Profile;
use evo_core::i18n::{en, Lang};
use evo_core::lint::{lint, syntax, Edit, Severity, Span};
use rendered::{D as Diagnostic, R as Report};

/// `text` linted (in no language: the report is data) and rendered in `lang`.
fn run(text: &str, profile: Profile, lang: Lang) -> Report {
    rendered::report(lint(text, &corpus::corpus_opts(profile)), lang)
}

/// What must not depend on the language: severity, code, span and the fix's edits.
type Shape = (Severity, &'static str, Span, Option<Vec<Edit>>);

fn shape(d: &Diagnostic) -> Shape {
    (d.severity, d.code.as_str(), d.span, d.fix.as_ref().map(|f| f.edits.clone()))
}

/// The English and Portuguese reports of `text`, checked to be the same but for their texts.
fn both(text: &str, profile: Profile) -> (Report, Report) {
    let (en, pt) = (run(text, profile, Lang::En), run(text, profile, Lang::PtBr));
    let a: Vec<_> = en.diagnostics.iter().map(shape).collect();
    let b: Vec<_> = pt.diagnostics.iter().map(shape).collect();
    assert_eq!(a, b, "{profile:?}: the languages differ on\n{text}");
    // By their debug text: a number that could not be read is NaN, which equals nothing.
    assert_eq!(format!("{:?}", en.root), format!("{:?}", pt.root));
    (en, pt)
}

/// The Portuguese message of the only diagnostic with `code` (checked to differ from the English one).
fn pt_message(text: &str, code: &str) -> String {
    let (en, pt) = both(text, Profile::V1);
    let find = |r: &Report| -> Diagnostic {
        let found: Vec<_> = r.diagnostics.iter().filter(|d| d.code.as_str() == code).cloned().collect();
        assert_eq!(found.len(), 1, "{code} in {:#?}", r.diagnostics);
        found[0].clone()
    };
    let (e, p) = (find(&en), find(&pt));
    assert_ne!(e.message, p.message);
    if let (Some(fe), Some(fp)) = (&e.fix, &p.fix) {
        assert_ne!(fe.title, fp.title);
    }
    p.message
}

fn pt_fix_title(text: &str, code: &str) -> String {
    let pt = run(text, Profile::V1, Lang::PtBr);
    let d = pt.diagnostics.iter().find(|d| d.code.as_str() == code).unwrap_or_else(|| panic!("no {code}"));
    d.fix.as_ref().unwrap_or_else(|| panic!("{code} has no fix")).title.to_string()
}

#[test]
fn a_few_payloads_in_portuguese() {
    let syntax_error = "{\"instanceName\": \"shop\" \"qrcode\": true}";
    assert_eq!(pt_message(syntax_error, "json/missing-comma"), "Falta uma vírgula entre dois itens.");
    assert_eq!(pt_fix_title(syntax_error, "json/missing-comma"), "Inserir ,");

    let trailing = "{\"instanceName\": \"shop\", \"token\": \"t1\", \"qrcode\": true,}";
    assert_eq!(
        pt_message(trailing, "json/trailing-comma"),
        "Vírgula antes de } não é permitida em JSON (o servidor responde 400)."
    );
    assert_eq!(pt_fix_title(trailing, "json/trailing-comma"), "Remover a vírgula sobrando");

    let comment = "{\n  // nota\n  \"instanceName\": \"shop\", \"token\": \"t1\", \"qrcode\": true\n}";
    assert!(pt_message(comment, "json/comment").starts_with("JSON não tem comentários"));

    let wrong_type = r#"{"instanceName": "shop", "token": "t1", "qrcode": true, "events": "MESSAGES_UPSERT"}"#;
    assert_eq!(
        pt_message(wrong_type, "evo/type"),
        "events precisa ser um array de nomes de evento, como [\"MESSAGES_UPSERT\"], não uma string."
    );
    assert_eq!(pt_fix_title(wrong_type, "evo/type"), "Envolver em [ ]");

    let strict_bool = r#"{"instanceName": "shop", "token": "t1", "qrcode": "true"}"#;
    assert_eq!(
        pt_message(strict_bool, "evo/type"),
        "qrcode precisa ser true ou false (booleano JSON, sem aspas), não uma string: o servidor responde 400 \"qrcode is not of a type(s) boolean\"."
    );
    assert_eq!(pt_fix_title(strict_bool, "evo/type"), "Escrever true");

    let unknown = r#"{"instanceName": "shop", "token": "t1", "qrCode": true}"#;
    assert_eq!(
        pt_message(unknown, "evo/unknown-key"),
        "Campo desconhecido \"qrCode\": o servidor ignora sem avisar. Você quis dizer \"qrcode\"?"
    );
    assert_eq!(pt_fix_title(unknown, "evo/unknown-key"), "Renomear para qrcode");

    let v1_rule = r#"{"instanceName": "shop", "token": "t1", "qrcode": true, "webhook": "https://x.example/h"}"#;
    assert!(pt_message(v1_rule, "evo/webhook-without-events").starts_with("webhook sem events: o servidor NÃO salva"));
    assert_eq!(pt_fix_title(v1_rule, "evo/webhook-without-events"), "Adicionar \"events\": [] (todos os eventos)");

    let partial = r#"{"instanceName": "shop", "token": "t1", "qrcode": false, "chatwoot_url": "https://c.example"}"#;
    assert!(pt_message(partial, "evo/chatwoot-partial").contains("sem chatwoot_account_id e chatwoot_token,"));

    let event = r#"{"instanceName": "shop", "token": "t1", "qrcode": true, "webhook": "https://x.example", "events": ["messages.upsert"]}"#;
    assert_eq!(
        pt_message(event, "evo/unknown-event"),
        "\"messages.upsert\" não é um evento do Evolution (você quis dizer MESSAGES_UPSERT?): o servidor responde 400 \"events[0] is not one of enum values\"."
    );
}

/// Every code used above exists (a renamed code would make the test pass vacuously).
#[test]
fn the_codes_named_above_exist() {
    let all: Vec<&str> =
        corpus::all().iter().flat_map(|t| run(t, Profile::V1, Lang::En).diagnostics).map(|d| d.code.as_str()).collect();
    for code in [
        "json/missing-comma",
        "json/trailing-comma",
        "json/comment",
        "evo/type",
        "evo/unknown-key",
        "evo/webhook-without-events",
        "evo/chatwoot-partial",
        "evo/unknown-event",
    ] {
        assert!(all.contains(&code), "{code}");
    }
}

#[test]
fn the_parser_speaks_the_language_it_is_given() {
    for text in corpus::syntax() {
        let parsed = syntax::parse(&text);
        let (en, pt) = (
            rendered::diagnostics(&parsed.diagnostics, Lang::En),
            rendered::diagnostics(&parsed.diagnostics, Lang::PtBr),
        );
        assert_eq!(en.len(), pt.len(), "{text}");
        for (e, p) in en.iter().zip(&pt) {
            assert_eq!(shape(e), shape(p), "{text}");
            assert_ne!(e.message, p.message, "{text}");
        }
    }
}

/// A rule set over the corpus and the fixtures: the same diagnostics in both languages, and no
/// Portuguese text left in English (a fix title may be only a value, e.g. `Use "a"`… in both).
fn only_texts_differ(profile: Profile) -> usize {
    let mut count = 0;
    for text in corpus::all() {
        let (en, pt) = both(&text, profile);
        for (e, p) in en.diagnostics.iter().zip(&pt.diagnostics) {
            count += 1;
            assert_ne!(e.message, p.message, "{} is not translated ({profile:?})", e.code);
            assert!(!p.message.trim().is_empty());
            if let (Some(fe), Some(fp)) = (&e.fix, &p.fix) {
                assert_ne!(fe.title, fp.title, "the fix of {} is not translated ({profile:?})", e.code);
            }
        }
    }
    count
}

#[test]
fn v1_over_the_corpus_only_texts_differ() {
    let count = only_texts_differ(Profile::V1);
    assert!(count > 300, "the corpus reaches only {count} diagnostics");
}

#[test]
fn v2_over_the_corpus_only_texts_differ() {
    let count = only_texts_differ(Profile::V2);
    assert!(count > 300, "the corpus reaches only {count} diagnostics");
}

/// A template's literal parts, in order (each `{0}`… splits them; other braces are literal).
fn fragments(template: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = template.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let b = template.as_bytes();
        if c == '{' && b.get(i + 1).is_some_and(u8::is_ascii_digit) && b.get(i + 2) == Some(&b'}') {
            chars.next();
            chars.next();
            out.push(String::new());
        } else {
            out.last_mut().unwrap().push(c);
        }
    }
    out.retain(|f| !f.is_empty());
    out
}

fn reached(template: &str, texts: &[String]) -> bool {
    let parts = fragments(template);
    texts.iter().any(|t| {
        let mut at = 0;
        parts.iter().all(|p| match t[at..].find(p.as_str()) {
            Some(i) => {
                at += i + p.len();
                true
            }
            None => false,
        })
    })
}

/// Every text of the shared part is produced by some payload of the corpus (so the checks above
/// cover it), in English and in Portuguese.
#[test]
fn the_corpus_reaches_every_shared_text() {
    // Labels and words for other texts, and branches the tables leave unreachable today (`proxy()`
    // runs only on an object; every 1.x key without a 2.x name is a chatbot key, reported by v2;
    // `rules_loading` only without the 2.x rules linked, tested in `lint::rules`).
    let not_messages = [
        "rules_loading",
        "severity_error",
        "severity_warning",
        "severity_info",
        "type_invalid",
        "type_null",
        "and",
        "did_you_mean_event",
        "what_bool",
        "what_quoted_string",
        "what_number",
        "proxy_not_object",
        "v1_key_dropped",
    ];
    for lang in Lang::ALL {
        let mut texts: Vec<String> = Vec::new();
        for profile in [Profile::V1, Profile::V2] {
            for text in corpus::all() {
                for d in run(&text, profile, lang).diagnostics {
                    texts.push(d.message);
                    texts.extend(d.fix.map(|f| f.title));
                }
            }
        }
        let t = lang.texts().lint;
        let missing: Vec<&str> = en::lint::Lint::KEYS
            .iter()
            .zip(t.values())
            .filter(|(k, v)| !not_messages.contains(k) && !reached(v, &texts))
            .map(|(k, _)| *k)
            .collect();
        assert!(missing.is_empty(), "{lang:?}: no payload of the corpus reaches {missing:?}");
    }
}

/// A missing required key is reported at the top of the payload; the diagnostic names its field
/// (the page shows it under that field), in every language.
#[test]
fn missing_required_keys_name_their_field() {
    for lang in Lang::ALL {
        let v1 = run("{}", Profile::V1, lang);
        assert!(v1.diagnostics.iter().any(|d| d.code.as_str() == "evo/required" && d.field == Some("instanceName")));
        let v2 = run("{\"qrcode\": true}", Profile::V2, lang);
        let fields: Vec<_> =
            v2.diagnostics.iter().filter(|d| d.code.as_str() == "evo/required").map(|d| d.field).collect();
        assert!(fields.contains(&Some("instanceName")) && fields.contains(&Some("integration")), "{fields:?}");
    }
}
