//! `evo-lint [--fix] [--format human|json|sarif] [--profile v1|v2|auto] [--migrate v1|v2] [FILE|-]...`
//! and `evo-lint --schema v1|v2`.
//!
//! Lints Evolution API create payloads. Exit status: 0 when no file has an error, 1 when any has,
//! 2 for a usage or I/O problem (or, with `--migrate`, a payload that is not a JSON object).

mod args;
mod output;
mod sarif;

use std::io::Write;
use std::process::ExitCode;

use args::{Args, Format, ProfileChoice, UsageError, USAGE};
use evo_core::fields::Profile;
use evo_core::lint::{fix_all, lint, shape_of, Code, Diagnostic, LineIndex, LintOptions, Severity, Span};
use evo_core::migrate::{migrate, MigrateError};
use serde_json::Value;
use thiserror::Error;

#[derive(Debug, Error)]
enum RunError {
    #[error("{file}: {source}")]
    Io { file: String, source: std::io::Error },
    #[error("{file}: {source}")]
    Migrate { file: String, source: MigrateError },
    #[error("writing the report: {0}")]
    Output(#[from] std::io::Error),
}

fn io(file: &str) -> impl FnOnce(std::io::Error) -> RunError + '_ {
    move |source| RunError::Io { file: file.to_owned(), source }
}

/// The profile a text is checked as (or migrated from), and why, when `--profile auto` chose it.
fn choose_profile(text: &str, choice: ProfileChoice, migrate_to: Option<Profile>) -> (Profile, Option<String>) {
    if let ProfileChoice::Fixed(p) = choice {
        return (p, None);
    }
    let shape = evo_core::lint::syntax::parse(text).root.as_ref().and_then(shape_of);
    match (shape, migrate_to) {
        (Some(p), _) => (p, Some("from the payload's shape".into())),
        (None, Some(to)) => (to.other(), Some(format!("the payload's shape says nothing; migrating to {}", to.id()))),
        (None, None) => (Profile::V1, Some("the default: the payload's shape says nothing".into())),
    }
}

/// The migrated or fixed text goes back where it came from: stdout for `-` or a migration without
/// `--fix`, else the file itself (written only when it changed).
fn emit(file: &str, old: &str, new: &str, in_place: bool) -> Result<(), RunError> {
    if file == "-" || !in_place {
        let mut out = std::io::stdout().lock();
        out.write_all(new.as_bytes())?;
        if !new.ends_with('\n') && !in_place {
            writeln!(out)?;
        }
        out.flush()?;
    } else if new != old {
        std::fs::write(file, new).map_err(io(file))?;
    }
    Ok(())
}

fn run(args: &Args) -> Result<bool, RunError> {
    if let Some(p) = args.schema {
        let s = serde_json::to_string_pretty(&evo_core::schema::json_schema(p)).map_err(std::io::Error::from)?;
        writeln!(std::io::stdout(), "{s}")?;
        return Ok(false);
    }
    let token = output::fresh_uuid();
    let has_stdin = args.files.iter().any(|f| f == "-");
    // The report leaves stdout to the texts whenever a text is printed.
    let texts_on_stdout = if args.fix { has_stdin } else { args.migrate.is_some() };
    let mut report_out: Box<dyn Write> =
        if texts_on_stdout { Box::new(std::io::stderr()) } else { Box::new(std::io::stdout().lock()) };
    let mut any_error = false;
    let mut json_out = Vec::new();
    let mut sarif_out = sarif::Sarif::default();
    for file in &args.files {
        let (mut text, bad_utf8) = output::read_input(file).map_err(io(file))?;
        let name = if file == "-" { "<stdin>" } else { file.as_str() };
        let (mut profile, why) = choose_profile(&text, args.profile, args.migrate);
        if let (Some(why), Format::Human) = (&why, args.format) {
            eprintln!("{name}: profile {} ({why})", profile.id());
        }
        if let Some(to) = args.migrate {
            let m = migrate(&text, profile, to).map_err(|source| RunError::Migrate { file: name.into(), source })?;
            if profile == to {
                eprintln!("{name}: already {}: nothing to migrate", to.id());
            }
            for n in &m.notes {
                eprintln!("note[{}] {}: {}", n.kind.as_str(), n.key, n.message);
            }
            emit(file, &text, &m.text, args.fix)?;
            (text, profile) = (m.text, to);
        } else if args.fix {
            let (fixed, _) = fix_all(&text, &LintOptions::with_fresh_token(token.clone()).with_profile(profile));
            emit(file, &text, &fixed, true)?;
            text = fixed;
        }
        let mut report = lint(&text, &LintOptions::with_fresh_token(token.clone()).with_profile(profile));
        if let Some(at) = bad_utf8 {
            let pos = text.char_indices().map(|(i, _)| i).take_while(|&i| i <= at).last().unwrap_or(0);
            let msg = format!("The file is not valid UTF-8 (first bad byte at offset {at}); JSON must be UTF-8.");
            report.diagnostics.insert(0, Diagnostic::error(Code::JsonEncoding, Span::new(pos, pos), msg));
        }
        any_error |= report.has_errors();
        let idx = LineIndex::new(&text);
        match args.format {
            Format::Json => json_out.extend(report.diagnostics.iter().map(|d| output::diag_json(name, &idx, d))),
            Format::Sarif => sarif_out.file(file, profile, &idx, &report.diagnostics),
            Format::Human => {
                for d in &report.diagnostics {
                    output::human(name, &idx, d, &mut report_out)?;
                }
                let (e, w) = (report.count(Severity::Error), report.count(Severity::Warning));
                let n = report.count(Severity::Info);
                writeln!(report_out, "{name}: {e} error(s), {w} warning(s), {n} note(s)")?;
            }
        }
    }
    let doc = match args.format {
        Format::Human => None,
        Format::Json => Some(Value::Array(json_out)),
        Format::Sarif => Some(sarif_out.finish()),
    };
    if let Some(doc) = doc {
        let s = serde_json::to_string_pretty(&doc).map_err(std::io::Error::from)?;
        writeln!(report_out, "{s}")?;
    }
    report_out.flush()?;
    Ok(any_error)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args = match args::parse_args(&args) {
        Ok(a) => a,
        Err(e) => {
            if e != UsageError::Help {
                eprintln!("evo-lint: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(false) => ExitCode::SUCCESS,
        Ok(true) => ExitCode::from(1),
        Err(e) => {
            eprintln!("evo-lint: {e}");
            ExitCode::from(2)
        }
    }
}
