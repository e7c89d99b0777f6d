//! `evo-lint [--fix] [--format human|json|sarif] [--profile v1|v2|auto] [--endpoint E] [--migrate v1|v2] [--lang en|pt-BR] [FILE|-]...`
//! and `evo-lint --schema v1|v2 [--endpoint E]`.
//!
//! Lints Evolution API create payloads (and, with `--endpoint`, the bodies of the configuration
//! routes after create). Exit status: 0 when no file has an error, 1 when any has,
//! 2 for a usage or I/O problem (or, with `--migrate`, a payload that is not a JSON object).
//! Its human output, the lint messages and the migration notes are in `--lang` (en or pt-BR), else
//! in the language of `LC_ALL` / `LC_MESSAGES` / `LANG`; codes never change.

mod args;
mod i18n;
mod output;
mod sarif;

use std::io::Write;
use std::process::ExitCode;

use args::{Args, EndpointChoice, Format, ProfileChoice, UsageError};
use evo_core::config::{fix_all_config, lint_config, migrate_config, ConfigContext, Endpoint};
use evo_core::fields::Profile;
use evo_core::i18n::{fill, Lang};
use evo_core::lint::{Code, Diagnostic, LineIndex, LintOptions, Severity, Span};
use evo_core::migrate::MigrateError;
use serde_json::Value;
use thiserror::Error;

#[derive(Debug, Error)]
enum RunError {
    #[error("{file}: {source}")]
    Io { file: String, source: std::io::Error, writing: bool },
    #[error("{file}: {source}")]
    Migrate { file: String, source: MigrateError },
    /// `--fix` or `--migrate` on a text that is not UTF-8: writing it back would replace every bad
    /// byte with U+FFFD.
    #[error("{file}: not valid UTF-8 at byte {at}")]
    NotUtf8 { file: String, at: usize },
    #[error("writing the report: {0}")]
    Output(#[from] std::io::Error),
}

impl RunError {
    /// The problem, in `lang` (the `Display` text is the English one).
    fn message(&self, lang: Lang) -> String {
        let t = i18n::texts(lang);
        match self {
            RunError::Io { file, source, writing } => {
                fill(if *writing { t.write_failed } else { t.read_failed }, &[file, &source.to_string()])
            }
            RunError::Migrate { file, source } => format!("{file}: {}", source.message(lang)),
            RunError::NotUtf8 { file, at } => fill(t.not_utf8_untouched, &[file, &at.to_string()]),
            RunError::Output(e) => fill(t.report_failed, &[&e.to_string()]),
        }
    }
}

fn io(file: &str) -> impl FnOnce(std::io::Error) -> RunError + '_ {
    move |source| RunError::Io { file: file.to_owned(), source, writing: false }
}

fn io_write(file: &str) -> impl FnOnce(std::io::Error) -> RunError + '_ {
    move |source| RunError::Io { file: file.to_owned(), source, writing: true }
}

/// Lint options for `profile` (the report is rendered in the reader's language when it is written).
fn options(token: &str, profile: Profile) -> LintOptions {
    LintOptions::with_fresh_token(token).with_profile(profile)
}

/// The profile a text is checked as (or migrated from), and why, when `--profile auto` chose it.
fn choose_profile(
    text: &str,
    endpoint: Endpoint,
    choice: ProfileChoice,
    migrate_to: Option<Profile>,
    lang: Lang,
) -> (Profile, Option<String>) {
    let t = i18n::texts(lang);
    if let ProfileChoice::Fixed(p) = choice {
        return (p, None);
    }
    let shape = evo_core::lint::syntax::parse(text).root.as_ref().and_then(|r| endpoint.shape(r));
    match (shape, migrate_to) {
        (Some(p), _) => (p, Some(t.profile_from_shape.into())),
        (None, Some(to)) => (to.other(), Some(fill(t.profile_migrating, &[to.id()]))),
        (None, None) => (Profile::V1, Some(t.profile_default.into())),
    }
}

/// The body a text is checked as, and why, when `--endpoint auto` chose it.
fn choose_endpoint(text: &str, choice: EndpointChoice, lang: Lang) -> (Endpoint, Option<String>) {
    let t = i18n::texts(lang);
    match choice {
        EndpointChoice::Fixed(e) => (e, None),
        EndpointChoice::Auto => {
            let root = evo_core::lint::syntax::parse(text).root;
            match root.as_ref().and_then(|r| Endpoint::guess(r, Profile::V1)) {
                Some(e) => (e, Some(t.endpoint_from_shape.into())),
                None => (Endpoint::Create, Some(t.endpoint_default.into())),
            }
        }
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
        std::fs::write(file, new).map_err(io_write(file))?;
    }
    Ok(())
}

fn run(args: &Args, lang: Lang) -> Result<bool, RunError> {
    let t = i18n::texts(lang);
    if let Some(p) = args.schema {
        let endpoint = match args.endpoint {
            EndpointChoice::Fixed(e) => e,
            EndpointChoice::Auto => Endpoint::Create,
        };
        let s =
            serde_json::to_string_pretty(&evo_core::config::json_schema(endpoint, p)).map_err(std::io::Error::from)?;
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
        if let (Some(at), true) = (bad_utf8, args.fix || args.migrate.is_some()) {
            return Err(RunError::NotUtf8 { file: name.into(), at });
        }
        let (endpoint, why) = choose_endpoint(&text, args.endpoint, lang);
        if let (Some(why), Format::Human) = (&why, args.format) {
            eprintln!("{}", fill(t.endpoint_line, &[name, endpoint.id(), why]));
        }
        let (mut profile, why) = choose_profile(&text, endpoint, args.profile, args.migrate, lang);
        if let (Some(why), Format::Human) = (&why, args.format) {
            eprintln!("{}", fill(t.profile_line, &[name, profile.id(), why]));
        }
        if let Some(to) = args.migrate {
            let m = migrate_config(&text, endpoint, profile, to)
                .map_err(|source| RunError::Migrate { file: name.into(), source })?;
            if profile == to {
                eprintln!("{}", fill(t.already, &[name, to.id()]));
            }
            for n in &m.notes {
                eprintln!("note[{}] {}: {}", n.kind.as_str(), n.key, evo_core::render::render(&n.message, lang));
            }
            emit(file, &text, &m.text, args.fix)?;
            (text, profile) = (m.text, to);
        } else if args.fix {
            let (fixed, _) = fix_all_config(&text, endpoint, &options(&token, profile), &ConfigContext::default());
            emit(file, &text, &fixed, true)?;
            text = fixed;
        }
        let mut report = lint_config(&text, endpoint, &options(&token, profile));
        // A file (not stdin) with a literal secret: a note naming the variable to use instead.
        if file != "-" && endpoint == Endpoint::Create {
            for l in evo_core::secrets::literal_secrets(&text).unwrap_or_default() {
                let msg = evo_core::msg!(i18n::keys::secret_in_file, &l.field, &l.var);
                report.diagnostics.push(Diagnostic::info(Code::SecretInFile, l.span, msg));
            }
        }
        if let Some(at) = bad_utf8 {
            let pos = text.char_indices().map(|(i, _)| i).take_while(|&i| i <= at).last().unwrap_or(0);
            let msg = evo_core::msg!(i18n::keys::not_utf8, at);
            report.diagnostics.insert(0, Diagnostic::error(Code::JsonEncoding, Span::new(pos, pos), msg));
        }
        any_error |= report.has_errors();
        let idx = LineIndex::new(&text);
        match args.format {
            Format::Json => json_out.extend(report.diagnostics.iter().map(|d| output::diag_json(name, &idx, d, lang))),
            Format::Sarif => sarif_out.file(file, profile, &idx, &report.diagnostics, lang),
            Format::Human => {
                for d in &report.diagnostics {
                    output::human(name, &idx, d, lang, &mut report_out)?;
                }
                let counts = [Severity::Error, Severity::Warning, Severity::Info].map(|s| report.count(s).to_string());
                writeln!(report_out, "{}", fill(t.summary, &[name, &counts[0], &counts[1], &counts[2]]))?;
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
    let lang = args::lang_of(&args, |k| std::env::var(k).ok());
    let args = match args::parse_args(&args) {
        Ok(a) => a,
        Err(e) => {
            if e != UsageError::Help {
                eprintln!("evo-lint: {}", e.message(lang));
            }
            eprintln!("{}", i18n::texts(lang).usage);
            return ExitCode::from(2);
        }
    };
    let lang = args.lang.unwrap_or(lang);
    match run(&args, lang) {
        Ok(false) => ExitCode::SUCCESS,
        Ok(true) => ExitCode::from(1),
        Err(e) => {
            eprintln!("evo-lint: {}", e.message(lang));
            ExitCode::from(2)
        }
    }
}
