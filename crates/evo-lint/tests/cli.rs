//! The `evo-lint` binary: formats, exit codes, --fix on files and stdin, bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_evo-lint");

fn seed(name: &str) -> String {
    format!("{}/../core/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
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
