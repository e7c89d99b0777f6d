//! The command line: flags, their values and the usage text.

use evo_core::fields::Profile;
use thiserror::Error;

pub const USAGE: &str =
    "usage: evo-lint [--fix] [--format human|json|sarif] [--profile v1|v2|auto] [--migrate v1|v2] [FILE|-]...
       evo-lint --schema v1|v2

Lints Evolution API `POST /instance/create` payloads (JSON, or JSON with the seed's // comments).
  --fix              apply every fix-it: rewrite each FILE in place; with -, print the fixed text
                     (with --migrate: write the migrated text in place instead, no fix-its applied)
  --format FORMAT    human (default): file:line:col: severity[code]: message, with the source line
                     json: one array of {file, line, column, end_line, end_column, severity, code, message, fixes}
                     sarif: SARIF 2.1.0 (columns in Unicode code points), rules, results and fixes
  --profile PROFILE  the server generation: v1 (1.x), v2 (2.x), or auto (default): from the payload's own
                     keys, v1 when they say nothing (human output names the profile on stderr)
  --migrate TARGET   migrate each payload to v1 or v2 (from --profile, or from its shape; when the shape says
                     nothing, from the other profile): the migrated text on stdout, `note[kind] key: message`
                     lines and the report of the migrated text on stderr
  --schema PROFILE   print the JSON Schema (draft 2020-12) of a v1 or v2 payload and exit
  FILE               a payload file; - or nothing reads standard input
Exit status: 0 no errors, 1 errors found (with --migrate: in the migrated payload, linted as TARGET),
2 usage or I/O problem, or a payload to migrate that is not a JSON object.";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Sarif,
}

/// `--profile`: a fixed profile, or `auto` (from the text's shape).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileChoice {
    Auto,
    Fixed(Profile),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    pub fix: bool,
    pub format: Format,
    pub profile: ProfileChoice,
    pub migrate: Option<Profile>,
    pub schema: Option<Profile>,
    pub files: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum UsageError {
    /// `-h` / `--help`: the usage text alone.
    #[error("")]
    Help,
    #[error("unknown option {0}")]
    UnknownOption(String),
    #[error("{0} needs a value")]
    MissingValue(&'static str),
    #[error("{0} takes no value")]
    UnexpectedValue(&'static str),
    #[error("unknown format {0:?} (human, json or sarif)")]
    Format(String),
    #[error("unknown profile {0:?} (v1, v2 or auto)")]
    Profile(String),
    #[error("{flag} needs v1 or v2, not {value:?}")]
    Target { flag: &'static str, value: String },
    #[error("--schema prints the schema alone: it takes no FILE and no other option")]
    SchemaAlone,
}

fn target(flag: &'static str, value: Option<String>) -> Result<Profile, UsageError> {
    let value = value.ok_or(UsageError::MissingValue(flag))?;
    Profile::parse(&value).ok_or(UsageError::Target { flag, value })
}

pub fn parse_args(args: &[String]) -> Result<Args, UsageError> {
    let mut out = Args {
        fix: false,
        format: Format::Human,
        profile: ProfileChoice::Auto,
        migrate: None,
        schema: None,
        files: Vec::new(),
    };
    let mut others = 0;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        // `--format json` and `--format=json` alike.
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_owned())),
            _ => (a.as_str(), None),
        };
        let mut value = || inline.clone().or_else(|| it.next().cloned());
        match flag {
            "--fix" if inline.is_some() => return Err(UsageError::UnexpectedValue("--fix")),
            "--fix" => out.fix = true,
            "--format" => {
                out.format = match value().ok_or(UsageError::MissingValue("--format"))?.as_str() {
                    "human" => Format::Human,
                    "json" => Format::Json,
                    "sarif" => Format::Sarif,
                    other => return Err(UsageError::Format(other.into())),
                }
            }
            "--profile" => {
                let v = value().ok_or(UsageError::MissingValue("--profile"))?;
                out.profile = match v.as_str() {
                    "auto" => ProfileChoice::Auto,
                    _ => ProfileChoice::Fixed(Profile::parse(&v).ok_or(UsageError::Profile(v))?),
                }
            }
            "--migrate" => out.migrate = Some(target("--migrate", value())?),
            "--schema" => {
                out.schema = Some(target("--schema", value())?);
                continue;
            }
            "-h" | "--help" => return Err(UsageError::Help),
            "-" => out.files.push("-".into()),
            f if f.starts_with('-') => return Err(UsageError::UnknownOption(f.into())),
            f => out.files.push(f.into()),
        }
        others += 1;
    }
    if out.schema.is_some() {
        return if others == 0 { Ok(out) } else { Err(UsageError::SchemaAlone) };
    }
    if out.files.is_empty() {
        out.files.push("-".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, UsageError> {
        parse_args(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn flags_with_and_without_equals() {
        let a = parse(&["--profile=v2", "--migrate", "v1", "--format", "sarif", "a.json"]).unwrap();
        assert_eq!(a.profile, ProfileChoice::Fixed(Profile::V2));
        assert_eq!(
            (a.migrate, a.format, a.files.as_slice()),
            (Some(Profile::V1), Format::Sarif, &["a.json".into()][..])
        );
        let a = parse(&[]).unwrap();
        assert_eq!((a.profile, a.files.as_slice()), (ProfileChoice::Auto, &["-".into()][..]));
        assert_eq!(parse(&["--schema", "2.x"]).unwrap().schema, Some(Profile::V2));
    }

    #[test]
    fn usage_errors() {
        assert_eq!(parse(&["--profile", "v3"]), Err(UsageError::Profile("v3".into())));
        assert_eq!(parse(&["--profile"]), Err(UsageError::MissingValue("--profile")));
        assert!(matches!(parse(&["--migrate", "auto"]), Err(UsageError::Target { flag: "--migrate", .. })));
        assert_eq!(parse(&["--schema", "v1", "a.json"]), Err(UsageError::SchemaAlone));
        assert_eq!(parse(&["--fix", "--schema", "v1"]), Err(UsageError::SchemaAlone));
        assert_eq!(parse(&["--fix=1"]), Err(UsageError::UnexpectedValue("--fix")));
        assert_eq!(parse(&["--format", "xml"]), Err(UsageError::Format("xml".into())));
    }
}
