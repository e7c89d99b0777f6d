//! The `evo-lint` binary: formats (human, json, sarif), exit codes, --fix on files and stdin, bad input,
//! --profile, --migrate and --schema.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_evo-lint");

fn seed(name: &str) -> String {
    format!("{}/../core/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    run_env(args, stdin, &[])
}

/// Runs with only the given locale variables set (the caller's locale never leaks in).
fn run_env(args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    for k in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(k);
    }
    cmd.envs(env.iter().copied());
    let mut child = cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    // A usage error can exit before reading stdin: a broken pipe here is not the test's concern.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn human_format_points_at_the_line_with_a_caret() {
    let out = run(&[&seed("seed-webhook.jsonc")], b"");
    assert_eq!(out.status.code(), Some(1));
    let s = text(&out.stdout);
    assert!(s.contains("seed-webhook.jsonc:8:1: error[json/comment]: JSON has no comments"), "{s}");
    assert!(s.contains("seed-webhook.jsonc:6:1: warning[evo/unknown-key]: Unknown field \"webhookByEvents\""), "{s}");
    assert!(s.contains("  // \"APPLICATION_STARTUP\",\n  ^^^^^^^^^^^^^^^^^^^^^^^^^\n"), "{s}");
}

#[test]
fn json_format_is_one_array_with_positions_and_fixes() {
    let out =
        run(&["--format", "json", "-"], b"{\"instanceName\": \"shop\", \"token\": \"t-1\", \"qrcode\": \"true\"}");
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 1);
    let d = &arr[0];
    assert_eq!((d["file"].as_str(), d["line"].as_u64(), d["column"].as_u64()), (Some("<stdin>"), Some(1), Some(52)));
    assert_eq!((d["end_line"].as_u64(), d["end_column"].as_u64()), (Some(1), Some(58)));
    assert_eq!((d["severity"].as_str(), d["code"].as_str()), (Some("error"), Some("evo/type")));
    assert_eq!(d["fixes"][0]["edits"][0]["replacement"], "true");
}

#[test]
fn format_can_be_given_with_an_equals_sign() {
    let out = run(&["--format=json", "-"], b"{}");
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.as_array().unwrap().iter().any(|d| d["code"] == "evo/required"));
    assert_eq!(run(&["--fix=yes", "-"], b"{}").status.code(), Some(2), "--fix takes no value");
}

#[test]
fn clean_input_exits_zero() {
    let out = run(&["-"], b"{\"instanceName\": \"shop\", \"token\": \"t-1\", \"qrcode\": true}\n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("0 error(s), 0 warning(s)"));
}

#[test]
fn fix_on_stdin_prints_the_fixed_text_and_reports_to_stderr() {
    let input = std::fs::read(seed("seed-basic.jsonc")).unwrap();
    let out = run(&["--fix", "-"], &input);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["instanceName"], "instance");
    assert_eq!(v["token"].as_str().unwrap().len(), 36);
    assert!(text(&out.stderr).contains("0 error(s)"));
}

#[test]
fn fix_rewrites_files_in_place() {
    let dir = std::env::temp_dir().join(format!("evo-lint-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("p.json");
    std::fs::write(&f, "{\n  // note\n  \"instanceName\": \"shop\",\n  \"token\": \"t-1\",\n  \"qrcode\": True,\n}\n")
        .unwrap();
    let out = run(&["--fix", f.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert_eq!(
        std::fs::read_to_string(&f).unwrap(),
        "{\n  \"instanceName\": \"shop\",\n  \"token\": \"t-1\",\n  \"qrcode\": true\n}\n"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn usage_io_and_encoding_problems() {
    assert_eq!(run(&["--bogus"], b"").status.code(), Some(2));
    assert_eq!(run(&["--format", "xml"], b"").status.code(), Some(2));
    let out = run(&["/nonexistent/p.json"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("/nonexistent/p.json"));
    let out = run(&["-"], b"{\"instanceName\": \"sh\xffop\", \"token\": \"t-1\", \"qrcode\": true}");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("json/encoding"), "{}", text(&out.stdout));
}

/// A temporary directory for one test.
fn temp_dir(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("evo-lint-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// JSON with comments → JSON: the `//` lines dropped (the seed's comments are whole lines).
fn without_comment_lines(s: &str) -> serde_json::Value {
    let json: Vec<&str> = s.lines().filter(|l| !l.trim_start().starts_with("//")).collect();
    serde_json::from_str(&json.join("\n")).unwrap_or_else(|e| panic!("{e}: {s}"))
}

const V1_PAYLOAD: &[u8] =
    b"{\"instanceName\": \"shop\", \"token\": \"t-1\", \"qrcode\": true, \"webhook_by_events\": false}";
const V2_PAYLOAD: &[u8] =
    b"{\"instanceName\": \"shop\", \"integration\": \"WHATSAPP-BAILEYS\", \"token\": \"t-1\", \"qrcode\": true, \"rejectCall\": false}";

#[test]
fn profile_auto_follows_the_payloads_shape() {
    let out = run(&["-"], V1_PAYLOAD);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert_eq!(text(&out.stderr), "<stdin>: profile v1 (from the payload's shape)\n");
    let out = run(&["--profile", "auto", "-"], V2_PAYLOAD);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert_eq!(text(&out.stderr), "<stdin>: profile v2 (from the payload's shape)\n");
    assert!(!text(&out.stdout).contains("evo/profile"), "{}", text(&out.stdout));
    // Nothing profile-specific: v1, and it says why.
    let out = run(&["-"], b"{\"instanceName\": \"shop\"}");
    assert!(text(&out.stderr).contains("<stdin>: profile v1 (the default"), "{}", text(&out.stderr));
    // Machine formats keep stderr quiet.
    assert_eq!(text(&run(&["--format", "json", "-"], V2_PAYLOAD).stderr), "");
}

#[test]
fn an_explicit_profile_is_used_as_given() {
    let out = run(&["--profile", "v1", "-"], V2_PAYLOAD);
    assert_eq!(text(&out.stderr), "", "no profile line when the profile was given");
    let s = text(&out.stdout);
    assert!(s.contains("warning[evo/profile]"), "{s}");
    assert!(s.contains("shaped for Evolution API 2.x"), "{s}");
    let out = run(&["--profile=v2", "--format=json", "-"], V1_PAYLOAD);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.as_array().unwrap().iter().any(|d| d["code"] == "evo/profile"), "{v}");
    assert!(v.as_array().unwrap().iter().any(|d| d["code"] == "evo/required"), "v2 needs integration: {v}");
}

#[test]
fn migrate_the_seed_webhook_example_to_v2_and_back() {
    let out = run(&["--migrate", "v2", &seed("seed-webhook.jsonc")], b"");
    assert_eq!(out.status.code(), Some(1), "the seed's comments and placeholders are still errors in 2.x");
    let v2 = text(&out.stdout);
    let v = without_comment_lines(&v2);
    assert_eq!(v["webhook"]["url"], "[webhookUrl]");
    assert_eq!(v["webhook"]["byEvents"], false);
    assert_eq!(v["integration"], "WHATSAPP-BAILEYS");
    assert!(v.get("events").is_none() && v.get("webhookByEvents").is_none(), "{v}");
    let err = text(&out.stderr);
    assert!(err.contains("seed-webhook.jsonc: profile v1 (from the payload's shape)\n"), "{err}");
    assert!(err.contains("note[renamed] webhook: webhook → webhook.url\n"), "{err}");
    assert!(err.contains("note[added] integration: "), "{err}");
    assert!(err.contains("error[json/comment]"), "the report of the migrated text goes to stderr: {err}");

    // And back: the 2.x text (auto: its shape says v2) becomes 1.x again.
    let out = run(&["--migrate", "v1", "-"], v2.as_bytes());
    let err = text(&out.stderr);
    assert!(err.contains("<stdin>: profile v2 (from the payload's shape)"), "{err}");
    let v = without_comment_lines(&text(&out.stdout));
    assert_eq!(v["webhook"], "[webhookUrl]");
    assert_eq!(v["webhook_by_events"], false);
    assert_eq!(v["events"].as_array().unwrap().len(), 6);
    assert!(err.contains("note[renamed] "), "{err}");
}

#[test]
fn migrate_exit_status_and_not_an_object() {
    let out = run(&["--migrate", "v2", "-"], b"{\"instanceName\": \"shop\", \"token\": \"t-1\", \"qrcode\": true}");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["integration"], "WHATSAPP-BAILEYS");
    let out = run(&["--migrate", "v2", "-"], b"[1, 2]");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("not an object"), "{}", text(&out.stderr));
    // Already the target profile: unchanged, and said so.
    let out = run(&["--migrate", "v2", "-"], V2_PAYLOAD);
    assert_eq!(out.stdout, [V2_PAYLOAD, b"\n"].concat());
    assert!(text(&out.stderr).contains("already v2"), "{}", text(&out.stderr));
}

#[test]
fn migrate_with_fix_rewrites_the_file_in_place() {
    let dir = temp_dir("migrate");
    let f = dir.join("seed-webhook.jsonc");
    std::fs::copy(seed("seed-webhook.jsonc"), &f).unwrap();
    let out = run(&["--migrate", "v2", "--fix", f.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let written = std::fs::read_to_string(&f).unwrap();
    assert_eq!(without_comment_lines(&written)["webhook"]["url"], "[webhookUrl]");
    assert!(written.contains("// \"APPLICATION_STARTUP\","), "comments survive the migration: {written}");
    assert!(text(&out.stderr).contains("note[renamed] webhook"), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("error[json/comment]"), "the report on stdout: {}", text(&out.stdout));
    assert!(!text(&out.stdout).starts_with('{'), "no text on stdout");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn sarif_output_has_the_2_1_0_shape() {
    let out = run(&["--format", "sarif", &seed("seed-webhook.jsonc")], b"");
    assert_eq!(out.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "evo-lint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules: Vec<&str> = driver["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize], id);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()), "{r}");
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(loc["artifactLocation"]["uri"].as_str().unwrap().ends_with("seed-webhook.jsonc"));
        let region = &loc["region"];
        for k in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[k].as_u64().unwrap() >= 1, "{k} is 1-based: {r}");
        }
    }
    let comment = results.iter().find(|r| r["ruleId"] == "json/comment").expect("a json/comment result");
    assert_eq!(comment["level"], "error");
    assert_eq!(comment["locations"][0]["physicalLocation"]["region"]["startLine"], 8);
    let change = &comment["fixes"][0]["artifactChanges"][0];
    assert!(change["artifactLocation"]["uri"].as_str().unwrap().ends_with("seed-webhook.jsonc"));
    let rep = &change["replacements"][0];
    assert_eq!(rep["deletedRegion"]["startLine"], 8);
    assert_eq!(rep["insertedContent"]["text"], "");
    assert!(rules.contains(&"json/comment") && rules.contains(&"evo/unknown-key"), "{rules:?}");
    // A result about a field names it as a logical location; one about an unknown key names none.
    let fields: Vec<&str> = results
        .iter()
        .filter_map(|r| r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].as_str())
        .collect();
    assert!(!fields.is_empty(), "no result names its field");
    let unknown = results.iter().find(|r| r["ruleId"] == "evo/unknown-key").unwrap();
    assert!(unknown["locations"][0].get("logicalLocations").is_none(), "{unknown}");
}

#[test]
fn schema_prints_the_json_schema() {
    let out = run(&["--schema", "v2"], b"");
    assert_eq!(out.status.code(), Some(0));
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(
        s["properties"]["integration"]["enum"],
        serde_json::json!(["WHATSAPP-BAILEYS", "WHATSAPP-BUSINESS", "EVOLUTION"])
    );
    assert_eq!(s["properties"]["webhook"]["properties"]["url"]["type"], "string");
    let out = run(&["--schema=v1"], b"");
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["properties"]["webhook"]["type"], "string");
}

#[test]
fn usage_errors_for_the_new_flags() {
    for args in [
        &["--profile", "v3"][..],
        &["--profile"],
        &["--migrate"],
        &["--migrate", "auto"],
        &["--schema", "v9"],
        &["--schema", "v2", "p.json"],
        &["--fix", "--schema", "v2"],
        &["--format", "sarif", "--bogus"],
        &["--format", "SARIF"],
    ] {
        let out = run(args, b"{}");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains("usage: evo-lint"), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    assert!(text(&run(&["--profile", "v3"], b"").stderr).contains("unknown profile \"v3\""));
}

#[test]
fn lang_flag_gives_portuguese_human_output() {
    let out = run(&["--lang", "pt-BR", "-"], V1_PAYLOAD);
    let (o, e) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(e, "<stdin>: perfil v1 (pelo formato do payload)\n");
    assert!(o.ends_with("<stdin>: 0 erro(s), 0 aviso(s), 1 nota(s)\n"), "{o}");
    let out = run(&["--lang=pt-BR", "-"], b"{\"instanceName\": \"shop\", \"token\": \"t-1\", \"qrcode\": \"true\"}");
    assert!(text(&out.stdout).contains("\n  correção: "), "{}", text(&out.stdout));
    let out = run(&["--lang", "pt-BR", "/nonexistent/p.json"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("evo-lint: não foi possível ler /nonexistent/p.json: "),
        "{}",
        text(&out.stderr)
    );
    let out = run(&["--lang", "pt-BR", "--profile", "v3"], b"");
    let e = text(&out.stderr);
    assert!(e.starts_with("evo-lint: perfil desconhecido \"v3\" (v1, v2 ou auto)\nuso: evo-lint"), "{e}");
    assert!(e.contains("--lang IDIOMA"), "{e}");
    let out = run(&["--lang", "pt-BR", "--migrate", "v2", "-"], b"[1]");
    assert!(text(&out.stderr).contains("o texto JSON ainda não é um objeto"), "{}", text(&out.stderr));
    let out = run(&["--lang", "pt-BR", "--migrate", "v2", "-"], V2_PAYLOAD);
    assert!(text(&out.stderr).contains("<stdin>: já está em v2: nada a migrar"), "{}", text(&out.stderr));
    let out = run(&["--lang", "pt-BR", "-"], b"{\"instanceName\": \"sh\xffop\", \"token\": \"t-1\", \"qrcode\": true}");
    assert!(text(&out.stdout).contains("O arquivo não é UTF-8 válido (primeiro byte inválido no offset 20)"));
}

#[test]
fn migration_notes_follow_the_language() {
    let out = run(&["--lang", "pt-BR", "--migrate", "v2", "-"], V1_PAYLOAD);
    let e = text(&out.stderr);
    assert!(e.contains("note[added] integration: integration foi adicionado: a Evolution API 2.x (2.3) exige."), "{e}");
    let out = run(&["--migrate", "v2", "-"], V1_PAYLOAD);
    let e = text(&out.stderr);
    assert!(e.contains("note[added] integration: integration was added: Evolution API 2.x (2.3) requires it."), "{e}");
}

#[test]
fn the_language_comes_from_the_environment() {
    let pt = [("LANG", "pt_BR.UTF-8")];
    let out = run_env(&["-"], V1_PAYLOAD, &pt);
    assert_eq!(text(&out.stderr), "<stdin>: perfil v1 (pelo formato do payload)\n");
    assert!(text(&out.stdout).contains("0 erro(s)"));
    let out = run_env(&["--bogus"], b"", &pt);
    assert!(text(&out.stderr).starts_with("evo-lint: opção desconhecida --bogus\nuso: "), "{}", text(&out.stderr));
    // LC_ALL wins over LANG, and C is English.
    let out = run_env(&["-"], V1_PAYLOAD, &[("LC_ALL", "C"), ("LANG", "pt_BR.UTF-8")]);
    assert_eq!(text(&out.stderr), "<stdin>: profile v1 (from the payload's shape)\n");
    assert!(text(&out.stdout).contains("0 error(s), 0 warning(s), 1 note(s)"));
    // --lang wins over the environment.
    let out = run_env(&["--lang", "en", "-"], V1_PAYLOAD, &pt);
    assert_eq!(text(&out.stderr), "<stdin>: profile v1 (from the payload's shape)\n");
    let out = run_env(&["--help"], b"", &[("LC_MESSAGES", "pt_BR")]);
    assert!(text(&out.stderr).starts_with("uso: evo-lint"), "{}", text(&out.stderr));
    let out = run(&["--help"], b"");
    assert!(text(&out.stderr).contains("--lang LANG"), "{}", text(&out.stderr));
}

#[test]
fn codes_do_not_depend_on_the_language() {
    let payload =
        b"{\"instanceName\": \"sh op\", \"token\": \"t-1\", \"qrcode\": \"true\", \"webhook\": \"x\", \"foo\": 1}";
    let codes = |args: &[&str], env: &[(&str, &str)]| {
        let out = run_env(args, payload, env);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let list: Vec<(String, String, u64)> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().into(),
                    d["severity"].as_str().unwrap().into(),
                    d["column"].as_u64().unwrap(),
                )
            })
            .collect();
        list
    };
    let en = codes(&["--format", "json", "-"], &[]);
    assert!(en.len() >= 3, "{en:?}");
    assert_eq!(codes(&["--format", "json", "--lang", "pt-BR", "-"], &[]), en);
    assert_eq!(codes(&["--format", "json", "-"], &[("LANG", "pt_BR.UTF-8")]), en);
    assert_eq!(
        codes(&["--format", "json", "--profile", "v2", "--lang", "pt-BR", "-"], &[]),
        codes(&["--format", "json", "--profile", "v2", "-"], &[])
    );
    let sarif = |l: &str| {
        let out = run(&["--format", "sarif", "--lang", l, "-"], payload);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["ruleId"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(sarif("pt-BR"), sarif("en"));
}

/// A Latin-1 file (`São Paulo` with one byte 0xE3) is never written back by `--fix` or
/// `--migrate … --fix`: the bytes stay exactly as they were, exit 2 and a message; plain linting
/// still reports it.
#[test]
fn fix_never_rewrites_a_file_that_is_not_utf8() {
    let dir = temp_dir("latin1");
    let path = dir.join("latin1.json");
    let bytes: &[u8] =
        b"{\"instanceName\": \"loja\", \"token\": \"t-1\", \"qrcode\": \"true\", \"msg_call\": \"S\xe3o Paulo\",}";
    for args in [&["--fix"][..], &["--migrate", "v2", "--fix"][..], &["--migrate", "v2"][..]] {
        std::fs::write(&path, bytes).unwrap();
        let mut all: Vec<&str> = args.to_vec();
        all.push(path.to_str().unwrap());
        let out = run(&all, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{args:?}: the file was changed");
        let err = text(&out.stderr);
        assert!(err.contains("not valid UTF-8") && err.contains("not rewritten"), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}: {}", text(&out.stdout));
    }
    let out = run(&["--fix", "-"], bytes);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let out = run(&[path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("json/encoding"), "{}", text(&out.stdout));
    std::fs::remove_dir_all(dir).ok();
}

/// A payload file with a literal secret gets a note naming the environment variable to write
/// instead; placeholders (`${…}`, the seed's `[…]`) and stdin get none; the exit status is unchanged.
#[test]
fn a_literal_secret_in_a_file_is_a_note() {
    let dir = temp_dir("secret");
    let path = dir.join("p.json");
    std::fs::write(&path, "{\"instanceName\": \"shop\", \"token\": \"abc-123\", \"qrcode\": true, \"proxy\": {\"host\": \"h\", \"port\": \"1\", \"password\": \"${PW}\"}}").unwrap();
    let out = run(&["--format", "json", path.to_str().unwrap()], b"");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let notes: Vec<_> = v.as_array().unwrap().iter().filter(|d| d["code"] == "evo/secret-in-file").collect();
    assert_eq!(notes.len(), 1, "{v:#}");
    assert_eq!(notes[0]["severity"], "info");
    assert!(
        notes[0]["message"].as_str().unwrap().contains("\"${EVOLUTION_INSTANCE_TOKEN}\""),
        "{}",
        notes[0]["message"]
    );
    assert_eq!(out.status.code(), Some(0));
    let stdin =
        run(&["--format", "json", "-"], b"{\"instanceName\": \"shop\", \"token\": \"abc-123\", \"qrcode\": true}");
    assert!(!text(&stdin.stdout).contains("secret-in-file"));
    std::fs::remove_dir_all(dir).ok();
}

// --endpoint: the configuration routes after create (CONTRACT-config.md).

const WEBHOOK_V1: &[u8] = b"{\"enabled\": true, \"url\": \"https://h.example/x\", \"events\": [], \"webhook_by_events\": false, \"webhook_base64\": false}";

#[test]
fn endpoint_lints_a_configuration_body_with_its_profile() {
    let out = run(&["--endpoint", "webhook", "-"], WEBHOOK_V1);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert_eq!(text(&out.stderr), "<stdin>: profile v1 (from the payload's shape)\n");
    // The 1.x body sent to a 2.x server: the shape error, with the conversion as its fix.
    let out = run(&["--endpoint=webhook", "--profile", "v2", "--format", "json", "-"], WEBHOOK_V1);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["code"], "evo/profile", "{v}");
    assert!(v[0]["fixes"][0]["edits"][0]["replacement"].as_str().unwrap().starts_with("{\"webhook\": {"), "{v}");
    // SARIF names the configuration codes.
    let out = run(
        &["--endpoint", "proxy", "--profile", "v2", "--format", "sarif", "-"],
        b"{\"enabled\": true, \"host\": \"h\", \"port\": 3128, \"protocol\": \"https\"}",
    );
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"evo/type") && rules.contains(&"evo/proxy") && rules.contains(&"evo/config-read-back"),
        "{rules:?}"
    );
}

#[test]
fn endpoint_auto_guesses_and_says_so() {
    let out =
        run(&["--endpoint", "auto", "-"], b"{\"webhook\": {\"enabled\": true, \"url\": \"https://h.example/x\"}}");
    let err = text(&out.stderr);
    assert!(err.contains("<stdin>: endpoint webhook (from the body's shape)"), "{err}");
    assert!(err.contains("<stdin>: profile v2"), "{err}");
    assert!(text(&out.stdout).contains("error[evo/enabled-without-events]"), "{}", text(&out.stdout));
    let out = run(&["--endpoint", "auto", "-"], b"{\"enabled\": true, \"events\": []}");
    assert!(text(&out.stderr).contains("endpoint create (the default"), "{}", text(&out.stderr));
}

#[test]
fn endpoint_with_fix_and_migrate() {
    let out =
        run(&["--endpoint", "websocket", "--profile", "v2", "--fix", "-"], b"{\"websocket\": {\"enabled\": true}}");
    assert_eq!(text(&out.stdout), "{\"websocket\": {\"enabled\": true, \"events\": []}}");
    let out = run(
        &["--endpoint", "proxy", "--migrate", "v2", "-"],
        b"{\"enabled\": false, \"proxy\": {\"host\": \"h\", \"port\": 3128, \"protocol\": \"http\"}}",
    );
    assert_eq!(
        text(&out.stdout),
        "{\"enabled\": false, \"host\": \"h\", \"port\": \"3128\", \"protocol\": \"http\"}\n"
    );
    let err = text(&out.stderr);
    assert!(err.contains("note[converted] proxy.port:") && err.contains("note[converted] proxy:"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
    // Portuguese notes and messages.
    let out = run(&["--lang", "pt-BR", "--endpoint", "settings", "--profile", "v1", "-"], b"{\"reject_call\": true}");
    assert!(text(&out.stdout).contains("é obrigatório"), "{}", text(&out.stdout));
}

#[test]
fn endpoint_schema_and_usage() {
    let out = run(&["--schema", "v2", "--endpoint", "pusher"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["properties"]["pusher"]["properties"]["secret"]["writeOnly"], true);
    let create: serde_json::Value =
        serde_json::from_slice(&run(&["--endpoint=create", "--schema=v1"], b"").stdout).unwrap();
    assert_eq!(
        create["title"],
        serde_json::from_slice::<serde_json::Value>(&run(&["--schema=v1"], b"").stdout).unwrap()["title"]
    );
    let out = run(&["--endpoint", "typebot", "-"], b"{}");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown endpoint \"typebot\""), "{}", text(&out.stderr));
    let out = run(&["--endpoint", "nats", "--profile", "v1", "-"], b"{}");
    assert!(text(&out.stdout).contains("error[evo/config-no-route]"), "{}", text(&out.stdout));
}
