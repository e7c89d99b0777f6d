//! The vendor's three example payloads (1.x), migrated to 2.x by evo-core with their placeholders
//! filled as a user would, are accepted by the 2.3.6 sandbox with everything saved: the webhook
//! (read back through `webhook/find`), the settings (`settings/find`) and Chatwoot (`chatwoot/find`).

use std::time::Instant;

use evo_core::fields::Profile;
use evo_core::lint::{fix_all, lint, LintOptions, Severity};
use evo_core::migrate::migrate;
use evo_sandbox::evolution::Config;
use evo_sandbox::evolution_v2::{chatwoot_find, create, settings_find, webhook_find, Store};
use evo_sandbox::ApiVersion;
use serde_json::Value;

fn seed(name: &str) -> String {
    std::fs::read_to_string(format!("{}/../core/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Migrated, filled, and (for the `//` comments) fixed; checked clean by the v2 linter first.
fn prepared(file: &str, instance: &str) -> Value {
    let m = migrate(&seed(file), Profile::V1, Profile::V2).unwrap();
    let filled = m
        .text
        .replace("[instance]", instance)
        .replace("[apikey]", &format!("{instance}-token-0001"))
        .replace("[webhookUrl]", "https://hooks.example.com/evo");
    let opts = LintOptions::with_fresh_token("unused").with_profile(Profile::V2);
    let (text, _) = fix_all(&filled, &opts);
    let errors: Vec<_> = lint(&text, &opts).diagnostics.into_iter().filter(|d| d.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "{file}: {errors:#?}");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_three_seed_examples_migrated_are_accepted_and_saved() {
    let cfg =
        Config { global_key: "k".into(), api_version: ApiVersion::V2, chatwoot_enabled: true, ..Config::default() };
    let mut store = Store::default();
    let now = Instant::now();
    for (file, name) in [("seed-basic.jsonc", "basic"), ("seed-webhook.jsonc", "hooked"), ("seed-chatwoot.jsonc", "cw")]
    {
        let body = prepared(file, name);
        let (status, answer) = create(&mut store, &cfg, Some("k"), &body, now);
        assert_eq!(status, 201, "{file}: {answer}");
        let settings = settings_find(&mut store, &cfg, Some("k"), name).unwrap();
        assert_eq!(settings["groupsIgnore"], true, "{file}: the 1.8.2 behaviour kept: {settings}");
        match name {
            "hooked" => {
                let w = webhook_find(&mut store, &cfg, Some("k"), name).unwrap();
                assert_eq!(w["url"], "https://hooks.example.com/evo", "{w}");
                assert_eq!(w["enabled"], true);
                assert_eq!(w["events"].as_array().map(Vec::len), Some(6), "{w}");
            }
            "cw" => {
                let c = chatwoot_find(&mut store, &cfg, Some("k"), name).unwrap();
                assert_eq!(c["accountId"], "1", "{c}");
                assert_eq!(c["signMsg"], true, "{c}");
                assert_eq!(c["reopenConversation"], false, "{c}");
            }
            _ => assert_eq!(webhook_find(&mut store, &cfg, Some("k"), name).unwrap(), Value::Null),
        }
    }
}
