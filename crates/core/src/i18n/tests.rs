use super::*;

#[test]
fn fill_replaces_positional_arguments_only() {
    assert_eq!(fill("{0} must be {1}.", &["a", "b"]), "a must be b.");
    assert_eq!(fill("an object { … } {0}", &["x"]), "an object { … } x");
    assert_eq!(fill("{1} then {0}", &["a", "b"]), "b then a");
    assert_eq!(fill("{2} stays", &["a"]), "{2} stays");
    assert_eq!(fill("{", &[]), "{");
    assert_eq!(fill("Olá, ação {0}", &["é"]), "Olá, ação é");
}

#[test]
fn languages_from_tags_browser_and_environment() {
    assert_eq!(Lang::from_tag("pt"), Some(Lang::PtBr));
    assert_eq!(Lang::from_tag("pt-PT"), Some(Lang::PtBr));
    assert_eq!(Lang::from_tag("pt_BR.UTF-8"), Some(Lang::PtBr));
    assert_eq!(Lang::from_tag("en-US"), Some(Lang::En));
    assert_eq!(Lang::from_tag("C"), None);
    assert_eq!(Lang::from_preferences(["de-DE", "pt-BR", "en"]), Lang::PtBr);
    assert_eq!(Lang::from_preferences(["en-GB", "pt-BR"]), Lang::En);
    assert_eq!(Lang::from_preferences(["fr"]), Lang::En);
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
    };
    assert_eq!(Lang::from_env(env(&[("LANG", "pt_BR.UTF-8")])), Lang::PtBr);
    assert_eq!(Lang::from_env(env(&[("LC_ALL", "C"), ("LANG", "pt_BR.UTF-8")])), Lang::En);
    assert_eq!(Lang::from_env(env(&[("LC_ALL", ""), ("LC_MESSAGES", "pt_BR"), ("LANG", "en_US")])), Lang::PtBr);
    assert_eq!(Lang::from_env(env(&[])), Lang::En);
}

#[cfg(feature = "embedded-pt")]
#[test]
fn every_catalogue_part_has_the_same_placeholders_in_both_languages() {
    let parts: [(&[&str], Vec<&str>, Vec<&str>); 5] = [
        (Lint::KEYS, en::lint::EN.values(), pt_br::lint::PT_BR.values()),
        (LintV2::KEYS, en::lint_v2::EN.values(), pt_br::lint_v2::PT_BR.values()),
        (LintConfig::KEYS, en::lint_config::EN.values(), pt_br::lint_config::PT_BR.values()),
        (Doctor::KEYS, en::doctor::EN.values(), pt_br::doctor::PT_BR.values()),
        (Answers::KEYS, en::answers::EN.values(), pt_br::answers::PT_BR.values()),
    ];
    for (keys, en, pt) in parts {
        for ((k, e), p) in keys.iter().zip(en).zip(pt) {
            assert_eq!(placeholders(e), placeholders(p), "{k}: {e:?} vs {p:?}");
            assert!(!p.trim().is_empty() || e.trim().is_empty(), "{k} is empty in pt-BR");
        }
    }
}
