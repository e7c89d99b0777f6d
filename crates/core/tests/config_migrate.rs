//! §11: configuration bodies between the generations, as text edits; and the endpoint guesser,
//! the routes and the schemas of the tables.

use evo_core::config::{json_schema, lint_config, migrate_config, Endpoint};
use evo_core::fields::Profile::{self, V1, V2};
use evo_core::lint::{syntax, LintOptions, Severity};
use evo_core::migrate::NoteKind;

fn no_errors(e: Endpoint, p: Profile, text: &str) {
    let r = lint_config(text, e, &LintOptions::default().with_profile(p));
    let errors: Vec<_> =
        r.diagnostics.iter().filter(|d| d.severity == Severity::Error && !d.code.is_syntax()).collect();
    assert!(errors.is_empty(), "{text}\n{errors:#?}");
}

#[test]
fn settings_rename_both_ways_keeping_comments() {
    let v1 = "{\n  // calls\n  \"reject_call\": true,\n  \"msg_call\": \"Busy\",\n  \"groups_ignore\": true,\n  \"always_online\": false,\n  \"read_messages\": false,\n  \"read_status\": false,\n  \"sync_full_history\": false\n}";
    let m = migrate_config(v1, Endpoint::Settings, V1, V2).unwrap();
    assert!(m.text.contains("// calls\n  \"rejectCall\": true,"), "{}", m.text);
    assert_eq!(m.notes.iter().filter(|n| n.kind == NoteKind::Renamed).count(), 7);
    no_errors(Endpoint::Settings, V2, &m.text);
    let back = migrate_config(&m.text, Endpoint::Settings, V2, V1).unwrap();
    assert_eq!(back.text, v1);
    let w = migrate_config(r#"{"rejectCall": true, "wavoipToken": "x"}"#, Endpoint::Settings, V2, V1).unwrap();
    assert!(
        !w.text.contains("wavoip") && w.notes.iter().any(|n| n.kind == NoteKind::Dropped && n.key == "wavoipToken")
    );
}

#[test]
fn webhook_wraps_converts_flags_and_drops_v1_only_events() {
    let v1 = r#"{"url": "hooks.example.com/evo", "events": ["MESSAGES_UPSERT", "NEW_JWT_TOKEN"], "webhook_by_events": "false"}"#;
    let m = migrate_config(v1, Endpoint::Webhook, V1, V2).unwrap();
    assert_eq!(
        m.text,
        r#"{"webhook": {"url": "https://hooks.example.com/evo", "events": ["MESSAGES_UPSERT"], "byEvents": true, "enabled": true}}"#
    );
    for kind in [NoteKind::Converted, NoteKind::Dropped, NoteKind::Warning, NoteKind::Added, NoteKind::Renamed] {
        assert!(m.notes.iter().any(|n| n.kind == kind), "{kind:?}: {:#?}", m.notes);
    }
    no_errors(Endpoint::Webhook, V2, &m.text);
    // The 2.x name already there next to the 1.x one: one member in the result.
    let both = migrate_config(
        r#"{"url": "https://h.example", "events": [], "webhook_by_events": true, "byEvents": true}"#,
        Endpoint::Webhook,
        V1,
        V2,
    )
    .unwrap();
    assert_eq!(both.text.matches("byEvents").count(), 1, "{}", both.text);
    let v2 = r#"{"webhook": {"enabled": true, "url": "https://h.example/x", "events": [], "headers": {"a": "b"}, "base64": true}}"#;
    let back = migrate_config(v2, Endpoint::Webhook, V2, V1).unwrap();
    assert_eq!(
        back.text.replace("  ", " "),
        r#"{"enabled": true, "url": "https://h.example/x", "events": [], "webhook_base64": true}"#
    );
    assert!(back.notes.iter().any(|n| n.kind == NoteKind::Dropped && n.key == "webhook.headers"));
}

#[test]
fn proxy_flattens_and_nests() {
    let v1 = r#"{"enabled": true, "proxy": {"host": "10.0.0.1", "port": 3128, "protocol": "https"}}"#;
    let m = migrate_config(v1, Endpoint::Proxy, V1, V2).unwrap();
    assert_eq!(m.text, r#"{"enabled": true, "host": "10.0.0.1", "port": "3128", "protocol": "http"}"#);
    no_errors(Endpoint::Proxy, V2, &m.text);
    let back = migrate_config(&m.text, Endpoint::Proxy, V2, V1).unwrap();
    assert_eq!(back.text, r#"{"enabled": true, "proxy": {"host": "10.0.0.1", "port": "3128", "protocol": "http"}}"#);
    no_errors(Endpoint::Proxy, V1, &back.text);
    let off = migrate_config(r#"{"enabled": false, "proxy": null}"#, Endpoint::Proxy, V1, V2).unwrap();
    no_errors(Endpoint::Proxy, V2, &off.text);
}

#[test]
fn chatwoot_snake_to_camel_with_whole_days() {
    let v1 = r#"{"enabled": true, "account_id": "1", "token": "t", "url": "https://c.example", "sign_msg": true, "reopen_conversation": true, "conversation_pending": false, "days_limit_import_messages": 7.5}"#;
    let m = migrate_config(v1, Endpoint::Chatwoot, V1, V2).unwrap();
    assert!(m.text.contains(r#""accountId": "1""#) && m.text.contains(r#""daysLimitImportMessages": 7"#), "{}", m.text);
    no_errors(Endpoint::Chatwoot, V2, &m.text);
    let back =
        migrate_config(&m.text.replace("}", r#", "logo": "https://l.example/x.png"}"#), Endpoint::Chatwoot, V2, V1)
            .unwrap();
    assert!(!back.text.contains("logo") && back.text.contains("\"sign_msg\""));
}

#[test]
fn sinks_wrap_and_unwrap_v2_only_sinks_stay() {
    let m = migrate_config(r#"{"enabled": true, "events": ["messages_upsert"]}"#, Endpoint::Rabbitmq, V1, V2).unwrap();
    assert_eq!(m.text, r#"{"rabbitmq": {"enabled": true, "events": ["MESSAGES_UPSERT"]}}"#);
    let back = migrate_config(&m.text, Endpoint::Rabbitmq, V2, V1).unwrap();
    assert_eq!(back.text, r#"{"enabled": true, "events": ["MESSAGES_UPSERT"]}"#);
    let k = migrate_config(r#"{"kafka": {"enabled": true, "events": []}}"#, Endpoint::Kafka, V2, V1).unwrap();
    assert!(k.notes.iter().any(|n| n.kind == NoteKind::Dropped) && k.text.contains("kafka"));
    assert!(migrate_config("[1]", Endpoint::Settings, V1, V2).is_err());
}

#[test]
fn endpoints_routes_tables_and_guesses() {
    assert_eq!(Endpoint::Webhook.route(), "webhook/set");
    assert_eq!(Endpoint::Pusher.find_route().as_deref(), Some("pusher/find"));
    assert_eq!(Endpoint::parse("SQS"), Some(Endpoint::Sqs));
    for e in Endpoint::ALL {
        for p in Profile::ALL {
            assert_eq!(e.table(p).is_empty(), !e.exists_in(p), "{e:?} {p:?}");
            // Counterparts exist in the other table (create has its own test).
            if e != Endpoint::Create {
                for f in e.table(p) {
                    if let Some((to, _)) = f.other {
                        assert!(e.field(p.other(), to).is_some(), "{e:?} {p:?} {} → {to}", f.key);
                    }
                }
            }
        }
    }
    let guess = |text: &str| Endpoint::guess(syntax::parse(text).root.as_ref().unwrap(), V1);
    assert_eq!(guess(r#"{"instanceName": "a"}"#), Some(Endpoint::Create));
    assert_eq!(guess(r#"{"rejectCall": true}"#), Some(Endpoint::Settings));
    assert_eq!(guess(r#"{"url": "x", "events": []}"#), Some(Endpoint::Webhook));
    assert_eq!(guess(r#"{"webhook": {"url": "x"}}"#), Some(Endpoint::Webhook));
    assert_eq!(guess(r#"{"enabled": true, "proxy": {}}"#), Some(Endpoint::Proxy));
    assert_eq!(guess(r#"{"enabled": true, "host": "h"}"#), Some(Endpoint::Proxy));
    assert_eq!(guess(r#"{"accountId": "1", "url": "x"}"#), Some(Endpoint::Chatwoot));
    assert_eq!(guess(r#"{"nats": {"enabled": true}}"#), Some(Endpoint::Nats));
    assert_eq!(guess(r#"{"enabled": true, "events": []}"#), None);
}

#[test]
fn schemas_per_endpoint() {
    let s = json_schema(Endpoint::Webhook, V2);
    assert_eq!(s["required"], serde_json::json!(["webhook"]));
    assert_eq!(s["properties"]["webhook"]["required"], serde_json::json!(["enabled", "url"]));
    assert_eq!(s["properties"]["webhook"]["properties"]["events"]["items"]["enum"].as_array().unwrap().len(), 31);
    assert_eq!(json_schema(Endpoint::Proxy, V1)["properties"]["proxy"]["properties"]["password"]["writeOnly"], true);
    assert_eq!(json_schema(Endpoint::Settings, V2)["properties"]["msgCall"]["maxLength"], 100);
    assert_eq!(json_schema(Endpoint::Chatwoot, V2)["properties"]["ignoreJids"]["items"]["type"], "string");
    assert_eq!(json_schema(Endpoint::Create, V1), evo_core::schema::json_schema(V1));
}

#[test]
fn server_messages_name_their_fields() {
    let of = |e: Endpoint, p: Profile, m: &str| e.field_of_message(p, m).map(|f| f.key);
    assert_eq!(of(Endpoint::Settings, V1, r#"instance requires property "groups_ignore""#), Some("groups_ignore"));
    assert_eq!(of(Endpoint::Webhook, V2, "webhook.byEvents is not of a type(s) boolean"), Some("webhook.byEvents"));
    assert_eq!(of(Endpoint::Webhook, V2, r#"webhook requires property "enabled""#), Some("webhook.enabled"));
    assert_eq!(of(Endpoint::Webhook, V1, "events[0] is not one of enum values: A,B"), Some("events"));
    assert_eq!(of(Endpoint::Proxy, V2, r#"The "host" cannot be empty"#), Some("host"));
    assert_eq!(of(Endpoint::Proxy, V1, "proxy.port is not of a type(s) string"), Some("proxy.port"));
    assert_eq!(of(Endpoint::Chatwoot, V1, "url is not valid"), Some("url"));
    assert_eq!(of(Endpoint::Settings, V2, "Cannot read properties of undefined (reading 'ws')"), Some("wavoipToken"));
    assert_eq!(of(Endpoint::Settings, V2, "something else"), None);
}

#[test]
fn secrets_of_find_answers_are_masked() {
    use evo_core::config::mask_secrets;
    let row = r#"{"id": "x", "enabled": true, "host": "h", "password": "p4ss", "username": "u"}"#;
    assert_eq!(
        mask_secrets(row, Endpoint::Proxy, V2),
        r#"{"id": "x", "enabled": true, "host": "h", "password": "••••••", "username": "u"}"#
    );
    let v1 = r#"{"enabled": true, "proxy": {"host": "h", "password": "p"}}"#;
    assert!(!mask_secrets(v1, Endpoint::Proxy, V1).contains("\"p\""));
    let hook = r#"{"url": "u", "headers": {"authorization": "Bearer x", "jwt_key": ""}}"#;
    assert_eq!(
        mask_secrets(hook, Endpoint::Webhook, V2),
        r#"{"url": "u", "headers": {"authorization": "••••••", "jwt_key": ""}}"#
    );
    assert!(!mask_secrets(r#"{"appId": "a", "secret": "s"}"#, Endpoint::Pusher, V2).contains("\"s\""));
    assert!(!mask_secrets(r#"{"token": "fake-chatwoot-token"}"#, Endpoint::Chatwoot, V1).contains("fake"));
    assert_eq!(mask_secrets("", Endpoint::Proxy, V2), "");
}
