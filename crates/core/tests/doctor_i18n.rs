//! The doctor's texts in both languages: migration notes, typed errors, presets and event descriptions.

use evo_core::builder::{PatchError, Preset};
use evo_core::events::{EVENTS_V1_8, EVENTS_V2};
use evo_core::fields::Profile;
use evo_core::i18n::Lang;
use evo_core::migrate::{migrate, MigrateError, NoteKind};
use evo_core::qr::{QrEncodeError, QrImageError};
use evo_core::render::{describe, render};
use evo_core::token::ApiKeyError;
use evo_core::url::BaseUrlError;

const V1: &str = r#"{
  "instanceName": "shop",
  "qrcode": true,
  "webhook": "hooks.example.com/evo",
  "events": ["messages.upsert", "NEW_JWT_TOKEN"],
  "typebot_url": "https://typebot.example.com",
  "foo": 1
}"#;

fn notes(lang: Lang) -> Vec<(NoteKind, String, String)> {
    let m = migrate(V1, Profile::V1, Profile::V2).unwrap();
    m.notes.into_iter().map(|n| (n.kind, n.key, render(&n.message, lang))).collect()
}

#[test]
fn migration_notes_in_english_are_unchanged() {
    let en = notes(Lang::En);
    let msgs: Vec<&str> = en.iter().map(|(_, _, m)| m.as_str()).collect();
    let want = [
        "webhook: \"hooks.example.com/evo\" has no http(s):// scheme; 1.x accepted it, 2.x would store it and never call it, so it became \"https://hooks.example.com/evo\".",
        "events: \"messages.upsert\" became MESSAGES_UPSERT (event names are upper case).",
        "events: NEW_JWT_TOKEN does not exist in Evolution API 2.x (2.3) and was removed.",
        "typebot_url has no counterpart in Evolution API 2.x (2.3) and was removed. Set it after create with POST /typebot/create/{instance} (enabled, url, typebot, expire, keywordFinish, delayMessage, unknownMessage, listeningFromMe, triggerType).",
        "foo is not a field of either profile: kept as is (the server ignores it).",
        "groupsIgnore: true was added to keep the v1 behaviour (Evolution API 1.x (1.8) forced true at create; v2 defaults to false).",
        "integration was added: Evolution API 2.x (2.3) requires it.",
    ];
    for w in want {
        assert!(msgs.contains(&w), "missing {w:?} in {msgs:#?}");
    }
}

#[test]
fn migration_notes_in_brazilian_portuguese() {
    let en = notes(Lang::En);
    let pt = notes(Lang::PtBr);
    // The same changes, kinds and keys; only the wording differs.
    assert_eq!(
        en.iter().map(|(k, key, _)| (*k, key.clone())).collect::<Vec<_>>(),
        pt.iter().map(|(k, key, _)| (*k, key.clone())).collect::<Vec<_>>()
    );
    let msgs: Vec<&str> = pt.iter().map(|(_, _, m)| m.as_str()).collect();
    for w in [
        "webhook: \"hooks.example.com/evo\" não tem o esquema http(s)://; o 1.x aceitava, o 2.x guardaria e nunca chamaria, então virou \"https://hooks.example.com/evo\".",
        "events: \"messages.upsert\" virou MESSAGES_UPSERT (nomes de eventos são em maiúsculas).",
        "events: NEW_JWT_TOKEN não existe na Evolution API 2.x (2.3) e foi removido.",
        "foo não é campo de nenhum dos perfis: mantido como está (o servidor ignora).",
        "integration foi adicionado: a Evolution API 2.x (2.3) exige.",
    ] {
        assert!(msgs.contains(&w), "missing {w:?} in {msgs:#?}");
    }
    assert!(msgs.iter().any(|m| m.starts_with("typebot_url não tem equivalente na Evolution API 2.x (2.3) e foi removido. Configure depois do create com POST /typebot/create/{instance}")));
    assert_eq!(NoteKind::Dropped.label(Lang::PtBr), "removido");
    assert_eq!(NoteKind::Dropped.label(Lang::En), NoteKind::Dropped.as_str());
}

#[test]
fn typed_errors_keep_english_display_and_offer_portuguese() {
    let e = migrate("[1]", Profile::V1, Profile::V2).unwrap_err();
    assert_eq!(e, MigrateError::NotAnObject);
    assert_eq!(e.to_string(), "the JSON text is not an object yet: fix the JSON before migrating");
    assert_eq!(e.message(Lang::PtBr), "o texto JSON ainda não é um objeto: corrija o JSON antes de migrar");
    let e = PatchError::ParentNotObject("webhook".into());
    assert_eq!(e.to_string(), "\"webhook\" is not an object in the text (it has the other profile's shape?): fix it in the editor, or migrate the payload");
    assert!(e.message(Lang::PtBr).starts_with("\"webhook\" não é um objeto no texto"));
    assert_eq!(BaseUrlError::QueryOrFragment.to_string(), "Leave the query (?…) and fragment (#…) out of the base URL");
    assert_eq!(BaseUrlError::NoScheme.message(Lang::PtBr), "A URL base precisa começar com http:// ou https://");
    assert_eq!(ApiKeyError::Empty.to_string(), "Enter the server's global API key (AUTHENTICATION_API_KEY)");
    assert_eq!(
        ApiKeyError::Empty.message(Lang::PtBr),
        "Informe a chave global da API do servidor (AUTHENTICATION_API_KEY)"
    );
    assert_eq!(
        QrImageError::NotPng("image/svg+xml".into()).to_string(),
        "qrcode.base64 is a data: URL of type \"image/svg+xml\", not image/png; it is not shown"
    );
    assert_eq!(
        QrEncodeError::TooLong(9000).message(Lang::PtBr),
        "o texto do QR code é longo demais para codificar (9000 bytes)"
    );
    assert_eq!(QrEncodeError::TooLong(9000).to_string(), "the QR code text is too long to encode (9000 bytes)");
}

#[test]
fn presets_and_events_in_both_languages() {
    assert_eq!(Preset::ALL.map(|p| p.label(Lang::En)), ["Basic", "With webhook", "From Chatwoot"]);
    assert_eq!(Preset::ALL.map(|p| p.label(Lang::PtBr)), ["Básico", "Com webhook", "Vindo do Chatwoot"]);
    for e in EVENTS_V1_8.iter().chain(&EVENTS_V2) {
        let (en, pt) = (describe(e, Lang::En), describe(e, Lang::PtBr));
        assert!(!pt.is_empty() && pt != en, "{e}: {pt:?}");
    }
    assert_eq!(describe("MESSAGES_UPSERT", Lang::En), "A message received or sent");
    assert_eq!(describe("MESSAGES_UPSERT", Lang::PtBr), "Uma mensagem recebida ou enviada");
}
