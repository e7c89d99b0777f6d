//! The pt-BR catalogue file `i18n/pt-BR.txt` (served next to the page, which is built without the
//! `embedded-pt` feature): current with the compiled-in catalogue, read back exactly, and installed
//! at run time when the catalogue is not compiled in (`cargo test -p evo-core --no-default-features
//! --test pt_file`).

/// The page's own texts (evo-admin's `src/i18n/catalogue`: std and evo-core only), whose pt-BR
/// section ends the same file.
#[path = "../../../src/i18n/catalogue/mod.rs"]
#[allow(dead_code)]
mod page;

use evo_core::config::Endpoint;
use evo_core::fields::FieldText;
use evo_core::fields::Profile;
use evo_core::i18n::{self, file, Lang, LoadError};
use evo_core::render::{config_field_text, field_text, field_text_at};

fn path() -> String {
    format!("{}/../../i18n/pt-BR.txt", env!("CARGO_MANIFEST_DIR"))
}

fn committed() -> String {
    std::fs::read_to_string(path()).unwrap_or_else(|e| panic!("{}: {e} (write it with UPDATE_I18N=1)", path()))
}

/// The whole file: evo-core's compiled-in catalogue, then the page's section.
#[cfg(feature = "embedded-pt")]
fn written() -> String {
    file::embedded_pt() + &page::write_pt(&page::pt_br::ui::PT_BR, &page::pt_br::ui_parts::PT_BR)
}

/// The file is what the compiled-in catalogue and the page's texts write. `UPDATE_I18N=1 cargo test
/// -p evo-core --test pt_file` rewrites it when it differs.
#[cfg(feature = "embedded-pt")]
#[test]
fn the_served_catalogue_file_is_current() {
    let want = written();
    let have = std::fs::read_to_string(path()).unwrap_or_default();
    if have == want {
        return;
    }
    if std::env::var_os("UPDATE_I18N").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(format!("{}/../../i18n", env!("CARGO_MANIFEST_DIR"))).unwrap();
        std::fs::write(path(), &want).unwrap();
        eprintln!("wrote {}", path());
        return;
    }
    panic!(
        "{} is stale (the pt-BR texts, keys or field tables changed): regenerate it with \
         `UPDATE_I18N=1 cargo test -p evo-core --test pt_file` and commit it",
        path()
    );
}

/// Parsing the written file gives exactly the compiled-in values, every part and every field row.
#[cfg(feature = "embedded-pt")]
#[test]
fn the_catalogue_file_round_trips() {
    use evo_core::i18n::pt_br;
    let c = file::parse(&file::embedded_pt()).unwrap();
    assert_eq!(c.texts.lint.values(), pt_br::lint::PT_BR.values());
    assert_eq!(c.lint_v2.values(), pt_br::lint_v2::PT_BR.values());
    assert_eq!(c.lint_config.values(), pt_br::lint_config::PT_BR.values());
    assert_eq!(c.texts.doctor.values(), pt_br::doctor::PT_BR.values());
    assert_eq!(c.answers.values(), pt_br::answers::PT_BR.values());
    assert_eq!(c.v1, &pt_br::fields::V1[..]);
    assert_eq!(c.v2, &pt_br::fields::V2[..]);
    for (i, rows) in pt_br::config_fields::TABLE_ROWS.iter().enumerate() {
        assert_eq!(c.config_table(i), Some(*rows));
    }
    assert_eq!(c.config_table(pt_br::config_fields::TABLE_ROWS.len()), None);
    // Escapes survive the trip.
    let mut odd = pt_br::lint::PT_BR.values();
    odd[0] = "a\\b\nc\rd \\n";
    let lint: &'static i18n::Lint = Box::leak(Box::new(i18n::Lint::from_values(&odd).unwrap()));
    let texts = i18n::Texts { lint, doctor: &pt_br::doctor::PT_BR };
    let text = file::write(
        &texts,
        &pt_br::lint_v2::PT_BR,
        &pt_br::lint_config::PT_BR,
        &pt_br::answers::PT_BR,
        &pt_br::fields::V1,
        &pt_br::fields::V2,
        &pt_br::config_fields::TABLE_ROWS,
    );
    assert_eq!(file::parse(&text).unwrap().texts.lint.severity_error, "a\\b\nc\rd \\n");
    // A CRLF checkout reads the same.
    let crlf = file::embedded_pt().replace('\n', "\r\n");
    assert_eq!(file::parse(&crlf).unwrap().texts.doctor.values(), pt_br::doctor::PT_BR.values());
    // The page's section follows evo-core's and reads back exactly, CRLF or not.
    let whole = written();
    assert_eq!(file::parse(&whole).unwrap().answers.values(), pt_br::answers::PT_BR.values());
    for text in [whole.clone(), whole.replace('\n', "\r\n")] {
        let (ui, parts) = page::parse_pt(file::after_core(&text).unwrap()).unwrap();
        assert_eq!(ui.values(), page::pt_br::ui::PT_BR.values());
        assert_eq!(parts.values(), page::pt_br::ui_parts::PT_BR.values());
    }
}

/// The page's texts have the same placeholders in both languages, and none is empty in pt-BR
/// (the keys are checked by the compiler: pt-BR is a struct literal of the English type).
#[test]
fn the_page_texts_have_the_same_placeholders_in_both_languages() {
    use i18n::placeholders;
    let parts: [(&[&str], Vec<&str>, Vec<&str>); 2] = [
        (page::Ui::KEYS, page::en::ui::EN.values(), page::pt_br::ui::PT_BR.values()),
        (page::UiParts::KEYS, page::en::ui_parts::EN.values(), page::pt_br::ui_parts::PT_BR.values()),
    ];
    for (keys, en, pt) in parts {
        for ((k, e), p) in keys.iter().zip(en).zip(pt) {
            assert_eq!(placeholders(e), placeholders(p), "{k}: {e:?} vs {p:?}");
            assert!(!p.trim().is_empty() || e.trim().is_empty(), "{k} is empty in pt-BR");
        }
    }
}

#[test]
fn stale_foreign_or_damaged_files_are_refused() {
    let good = committed();
    let (head, body) = good.split_once('\n').unwrap();
    assert_eq!(head, file::header());
    let stale = format!("evo-core-i18n pt-BR 0000000000000000\n{body}");
    assert!(matches!(file::parse(&stale), Err(LoadError::Signature { .. })));
    assert!(matches!(file::parse("<!doctype html><html>…"), Err(LoadError::Signature { .. })));
    assert!(matches!(file::parse(""), Err(LoadError::Signature { .. })));
    // evo-core's section cut short; the page's section cut short, or with a line too many.
    let core = &good[..good.find(page::HEADER).unwrap()];
    let short = core.rsplit_once("\n").unwrap().0.rsplit_once('\n').unwrap().0.to_owned() + "\n";
    assert!(matches!(file::parse(&short), Err(LoadError::Lines { .. })));
    let page_short = good.rsplit_once("\n").unwrap().0.rsplit_once('\n').unwrap().0.to_owned() + "\n";
    assert!(file::parse(&page_short).is_ok());
    assert!(matches!(page::parse_pt(file::after_core(&page_short).unwrap()), Err(LoadError::Lines { .. })));
    assert!(matches!(page::parse_pt(file::after_core(&(good.clone() + "x\n")).unwrap()), Err(LoadError::Lines { .. })));
    let page_stale = good.replace(page::SIGNATURE_HEX, "0000000000000000");
    assert!(matches!(page::parse_pt(file::after_core(&page_stale).unwrap()), Err(LoadError::Signature { .. })));
    let bad_escape = good.replacen('\n', "\n\\x", 1);
    assert!(matches!(file::parse(&bad_escape), Err(LoadError::Escape { line: 2 })));
    let moved = good.replace("\ninstanceName\n", "\ninstanceNome\n");
    assert!(matches!(file::parse(&moved), Err(LoadError::Path { expected: "instanceName", .. })));
}

/// Without the compiled-in catalogue, pt-BR is English until the file is installed.
#[cfg(not(feature = "embedded-pt"))]
#[test]
fn without_the_embedded_catalogue_pt_is_english_until_installed() {
    let name = |l| field_text_at(Profile::V1, "instanceName", l).unwrap().label;
    assert!(!i18n::pt_installed());
    assert_eq!(Lang::PtBr.texts().lint.severity_error, "error");
    assert_eq!(name(Lang::PtBr), "Instance name");
    assert!(i18n::install_pt("not a catalogue").is_err());
    assert!(!i18n::pt_installed());
    i18n::install_pt(&committed()).unwrap();
    assert!(i18n::pt_installed());
    assert_eq!(Lang::PtBr.texts().lint.severity_error, "erro");
    assert_eq!(Lang::En.texts().lint.severity_error, "error");
    assert_eq!(name(Lang::PtBr), "Nome da instância");
    assert_eq!(name(Lang::En), "Instance name");
    let f = Endpoint::Chatwoot.field(Profile::V2, "token").unwrap();
    assert_eq!(config_field_text(Endpoint::Chatwoot, f, Profile::V2, Lang::PtBr).label, "Token de acesso do Chatwoot");
    assert_eq!(evo_core::render::field_texts(Profile::V2, Lang::PtBr).len(), Profile::V2.fields().len());
    let c = file::parse(&committed()).unwrap();
    assert_eq!(Lang::PtBr.texts().doctor.values(), c.texts.doctor.values());
    assert_eq!(Lang::PtBr.answers().values(), c.answers.values());
    assert_eq!(page::ui(Lang::PtBr).title, page::en::ui::EN.title);
    page::install_pt(&committed()).unwrap();
    assert_eq!(page::ui(Lang::PtBr).title, page::pt_br::ui::PT_BR.title);
    assert_eq!(page::ui_parts(Lang::PtBr).no_answer, page::pt_br::ui_parts::PT_BR.no_answer);
    assert_eq!(page::ui(Lang::En).title, page::en::ui::EN.title);
    assert_eq!(Lang::En.answers().created, i18n::en::answers::EN.created);
}

/// With it, the compiled-in catalogue answers, installed or not.
#[cfg(feature = "embedded-pt")]
#[test]
fn with_the_embedded_catalogue_pt_is_always_there() {
    assert!(i18n::pt_installed());
    assert_eq!(Lang::PtBr.texts().lint.severity_error, "erro");
    assert_eq!(field_text_at(Profile::V1, "instanceName", Lang::PtBr).unwrap().label, "Nome da instância");
    i18n::install_pt(&committed()).unwrap();
    assert_eq!(Lang::PtBr.texts().lint.severity_error, "erro");
}

/// `render::field_text` answers as `render::field_text_at` does, for every field of both tables, in both
/// languages, asked from either profile.
#[test]
fn field_texts_agree_with_the_profile_tables() {
    for lang in Lang::ALL {
        for p in Profile::ALL {
            for q in Profile::ALL {
                for f in p.fields() {
                    let via_table =
                        field_text_at(q, f.key, lang).copied().unwrap_or(evo_core::fields::FieldText::of(f));
                    assert_eq!(field_text(f, q, lang), via_table, "{:?} {} from {:?} in {lang:?}", p, f.key, q);
                }
            }
        }
    }
}

/// A configuration route's rows show their own texts, not create's row of the same path (Chatwoot's
/// `token` is Chatwoot's access token, not the instance's key), and every one of them has its pt-BR
/// texts (compiled in here; the installed file carries the same rows: `the_committed_file_is_current`).
#[cfg(feature = "embedded-pt")]
#[test]
fn a_configuration_field_has_its_own_texts_in_both_languages() {
    let token = Endpoint::Chatwoot.field(Profile::V1, "token").unwrap();
    assert_eq!(config_field_text(Endpoint::Chatwoot, token, Profile::V1, Lang::En).label, "Chatwoot access token");
    let msg = Endpoint::Settings.field(Profile::V2, "msgCall").unwrap();
    assert!(config_field_text(Endpoint::Settings, msg, Profile::V2, Lang::En)
        .help
        .contains("whether or not calls are rejected"));
    let mut rows = 0;
    for (profile, endpoint, table) in evo_core::config::TABLES {
        assert_eq!(endpoint.table(profile), table, "{endpoint:?} {profile:?}");
        for f in table {
            let (en, pt) = (
                config_field_text(endpoint, f, profile, Lang::En),
                config_field_text(endpoint, f, profile, Lang::PtBr),
            );
            assert_eq!(en, FieldText::of(f));
            assert_eq!(pt.path, f.key);
            // Same words in both (a name: "Pusher", "Cluster", "websocket") only in the label.
            assert!(pt.help.is_empty() || pt.help != en.help, "{endpoint:?} {profile:?} {}: {}", f.key, pt.help);
            rows += 1;
        }
    }
    // Every route but create, each generation that has it.
    let expected: usize = Endpoint::ALL
        .iter()
        .filter(|e| **e != Endpoint::Create)
        .flat_map(|e| Profile::ALL.map(|p| e.table(p).len()))
        .sum();
    assert_eq!(rows, expected);
}
