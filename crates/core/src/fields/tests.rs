use super::*;

#[test]
fn keys_are_unique_and_parents_exist() {
    for p in Profile::ALL {
        let fields = p.fields();
        for (i, f) in fields.iter().enumerate() {
            assert!(fields[i + 1..].iter().all(|g| g.key != f.key), "{} twice in {p:?}", f.key);
            if !f.parent().is_empty() {
                let parent = p.field(f.parent()).unwrap_or_else(|| panic!("{}: no parent", f.key));
                assert_eq!(parent.ty, Ty::Object, "{}", f.key);
            }
            if f.role == Role::Normal {
                assert!(!f.label.is_empty(), "{} has no label", f.key);
            }
        }
    }
}

#[test]
fn counterparts_exist_in_the_other_profile() {
    for p in Profile::ALL {
        for f in p.fields() {
            if let Some((other, _)) = f.other {
                assert!(p.other().field(other).is_some(), "{:?} {} → {other} missing", p, f.key);
            }
            if let Role::Trap { use_instead } = f.role {
                assert!(p.field(use_instead).is_some(), "{use_instead}");
            }
        }
    }
}

#[test]
fn profiles_from_versions_and_names() {
    assert_eq!(Profile::of_version("1.8.2"), Some(Profile::V1));
    assert_eq!(Profile::of_version("2.3.6"), Some(Profile::V2));
    assert_eq!(Profile::of_version("v2.1.0"), Some(Profile::V2));
    assert_eq!(Profile::of_version("3.0"), None);
    assert_eq!(Profile::parse("V2"), Some(Profile::V2));
    assert_eq!(Profile::parse("x"), None);
}

#[test]
fn secrets_per_profile() {
    let v1: Vec<_> = Profile::V1.secrets().collect();
    assert_eq!(v1, ["token", "chatwoot_token", "proxy.password"]);
    let v2: Vec<_> = Profile::V2.secrets().collect();
    for k in ["token", "wavoipToken", "webhook.headers", "pusher.secret", "proxyPassword", "chatwootToken"] {
        assert!(v2.contains(&k), "{k}");
    }
}

#[test]
fn messages_map_to_fields() {
    let f = |p, m| field_of_exact_message(p, m).map(|f| f.key);
    assert_eq!(f(Profile::V2, "signMsg is required"), Some("chatwootSignMsg"));
    assert_eq!(f(Profile::V2, "Invalid integration"), Some("integration"));
    assert_eq!(
        f(Profile::V2, "\nInvalid `this.prisma.webhook.upsert()` invocation in\n/x.ts\n\nArgument `url` is missing."),
        Some("webhook.url")
    );
    assert_eq!(f(Profile::V1, "sign_msg is required"), Some("chatwoot_sign_msg"));
    assert_eq!(f(Profile::V1, "Invalid proxy"), Some("proxy"));
}
