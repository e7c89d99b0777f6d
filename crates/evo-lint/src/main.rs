//! `evo-lint [--fix] [--format human|json] [FILE|-]...`
//!
//! Lints Evolution API create payloads. Exit status: 0 when no file has an error, 1 when any has,
//! 2 for a usage or I/O problem.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::{Read, Write};
use std::process::ExitCode;

use evo_core::lint::{fix_all, lint, Diagnostic, LineIndex, LintOptions, Severity};
use serde_json::{json, Value};

const USAGE: &str = "usage: evo-lint [--fix] [--format human|json] [FILE|-]...

Lints Evolution API `POST /instance/create` payloads (JSON, or JSON with the seed's // comments).
  --fix            apply every fix-it: rewrite each FILE in place; with -, print the fixed text
  --format FORMAT  human (default): file:line:col: severity[code]: message, with the source line
                   json: one array of {file, line, column, end_line, end_column, severity, code, message, fixes}
  FILE             a payload file; - or nothing reads standard input
Exit status: 0 no errors, 1 errors found, 2 usage or I/O problem.";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Human,
    Json,
}

struct Args {
    fix: bool,
    format: Format,
    files: Vec<String>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut out = Args { fix: false, format: Format::Human, files: Vec::new() };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        // `--format json` and `--format=json` alike.
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_owned())),
            _ => (a.as_str(), None),
        };
        match flag {
            "--fix" if inline.is_none() => out.fix = true,
            "--format" => {
                out.format = match inline.or_else(|| it.next().cloned()).as_deref() {
                    Some("human") => Format::Human,
                    Some("json") => Format::Json,
                    Some(other) => return Err(format!("unknown format {other:?} (human or json)")),
                    None => return Err("--format needs a value".into()),
                }
            }
            "-h" | "--help" => return Err(String::new()),
            "-" => out.files.push("-".into()),
            f if f.starts_with('-') => return Err(format!("unknown option {f}")),
            f => out.files.push(f.into()),
        }
    }
    if out.files.is_empty() {
        out.files.push("-".into());
    }
    Ok(out)
}

/// A fresh v4 UUID for the token fix-its, from the standard library's random hasher keys.
fn fresh_uuid() -> String {
    let mut bytes = [0u8; 16];
    for (i, chunk) in bytes.chunks_mut(8).enumerate() {
        let mut h = RandomState::new().build_hasher();
        h.write_usize(i);
        chunk.copy_from_slice(&h.finish().to_le_bytes());
    }
    evo_core::token::uuid_v4(bytes)
}

/// Reads a file or stdin; invalid UTF-8 becomes U+FFFD and an error diagnostic.
fn read_input(name: &str) -> std::io::Result<(String, Option<usize>)> {
    let mut bytes = Vec::new();
    if name == "-" {
        std::io::stdin().read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(name)?;
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, None)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            Ok((String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at)))
        }
    }
}

fn diag_json(file: &str, idx: &LineIndex, d: &Diagnostic) -> Value {
    let (line, column) = idx.position(d.span.start);
    let (end_line, end_column) = idx.position(d.span.end);
    let fixes: Vec<Value> = d
        .fix
        .iter()
        .map(|f| {
            let edits: Vec<Value> = f
                .edits
                .iter()
                .map(|e| {
                    let (l, c) = idx.position(e.span.start);
                    let (el, ec) = idx.position(e.span.end);
                    json!({"line": l, "column": c, "end_line": el, "end_column": ec,
                           "start": e.span.start, "end": e.span.end, "replacement": e.replacement})
                })
                .collect();
            json!({"title": f.title, "edits": edits})
        })
        .collect();
    json!({
        "file": file, "line": line, "column": column, "end_line": end_line, "end_column": end_column,
        "severity": d.severity.as_str(), "code": d.code, "message": d.message, "fixes": fixes,
    })
}

fn human(file: &str, idx: &LineIndex, d: &Diagnostic, out: &mut impl Write) -> std::io::Result<()> {
    let (line, col) = idx.position(d.span.start);
    let (end_line, end_col) = idx.position(d.span.end);
    writeln!(out, "{file}:{line}:{col}: {}[{}]: {}", d.severity, d.code, d.message)?;
    let src: String = idx.line_text(line).chars().take(200).collect();
    let width = if end_line == line { end_col.saturating_sub(col).max(1) } else { 1 };
    let pad: String = src.chars().take(col - 1).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
    writeln!(out, "  {src}")?;
    writeln!(out, "  {pad}{}", "^".repeat(width.min(200)))?;
    if let Some(f) = &d.fix {
        writeln!(out, "  fix: {}", f.title)?;
    }
    Ok(())
}

fn run(args: Args) -> Result<bool, String> {
    let opts = LintOptions::with_fresh_token(fresh_uuid());
    let mut any_error = false;
    let mut json_out = Vec::new();
    let stdout = std::io::stdout();
    let mut report_out: Box<dyn Write> = if args.fix && args.files.iter().any(|f| f == "-") {
        Box::new(std::io::stderr())
    } else {
        Box::new(stdout.lock())
    };
    for file in &args.files {
        let (mut text, bad_utf8) = read_input(file).map_err(|e| format!("{file}: {e}"))?;
        if args.fix {
            let (fixed, _) = fix_all(&text, &opts);
            if file == "-" {
                std::io::stdout().write_all(fixed.as_bytes()).map_err(|e| format!("stdout: {e}"))?;
            } else if fixed != text {
                std::fs::write(file, &fixed).map_err(|e| format!("{file}: {e}"))?;
            }
            text = fixed;
        }
        let mut report = lint(&text, &opts);
        if let Some(at) = bad_utf8 {
            let pos = text.char_indices().map(|(i, _)| i).take_while(|&i| i <= at).last().unwrap_or(0);
            report.diagnostics.insert(
                0,
                Diagnostic::error(
                    "json/encoding",
                    evo_core::lint::Span::new(pos, pos),
                    format!("The file is not valid UTF-8 (first bad byte at offset {at}); JSON must be UTF-8."),
                ),
            );
        }
        any_error |= report.has_errors();
        let idx = LineIndex::new(&text);
        let name = if file == "-" { "<stdin>" } else { file.as_str() };
        match args.format {
            Format::Json => json_out.extend(report.diagnostics.iter().map(|d| diag_json(name, &idx, d))),
            Format::Human => {
                for d in &report.diagnostics {
                    human(name, &idx, d, &mut report_out).map_err(|e| e.to_string())?;
                }
                let (e, w) = (report.count(Severity::Error), report.count(Severity::Warning));
                writeln!(report_out, "{name}: {e} error(s), {w} warning(s), {} note(s)", report.count(Severity::Info))
                    .map_err(|e| e.to_string())?;
            }
        }
    }
    if args.format == Format::Json {
        let s = serde_json::to_string_pretty(&Value::Array(json_out)).map_err(|e| e.to_string())?;
        writeln!(report_out, "{s}").map_err(|e| e.to_string())?;
    }
    Ok(any_error)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse_args(&args) {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("evo-lint: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(false) => ExitCode::SUCCESS,
        Ok(true) => ExitCode::from(1),
        Err(e) => {
            eprintln!("evo-lint: {e}");
            ExitCode::from(2)
        }
    }
}
