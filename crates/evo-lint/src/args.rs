//! The command line: flags, their values and the usage text.

use evo_core::config::Endpoint;
use evo_core::fields::Profile;
use evo_core::i18n::{fill, Lang};
use thiserror::Error;

use crate::i18n::texts;

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

/// `--endpoint`: a fixed body (`create` by default), or `auto` (from the text's shape).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndpointChoice {
    Auto,
    Fixed(Endpoint),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    pub fix: bool,
    pub format: Format,
    pub profile: ProfileChoice,
    pub migrate: Option<Profile>,
    pub schema: Option<Profile>,
    /// `--endpoint`: which body (create, or a configuration route after it).
    pub endpoint: EndpointChoice,
    /// `--lang`; without it the language comes from the environment.
    pub lang: Option<Lang>,
    pub files: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum UsageError {
    /// `-h` / `--help`: the usage text alone.
    #[error("")]
    Help,
    #[error("{}", self.message(Lang::En))]
    UnknownOption(String),
    #[error("{}", self.message(Lang::En))]
    MissingValue(&'static str),
    #[error("{}", self.message(Lang::En))]
    UnexpectedValue(&'static str),
    #[error("{}", self.message(Lang::En))]
    Format(String),
    #[error("{}", self.message(Lang::En))]
    Profile(String),
    #[error("{}", self.message(Lang::En))]
    Lang(String),
    #[error("{}", self.message(Lang::En))]
    Target { flag: &'static str, value: String },
    #[error("{}", self.message(Lang::En))]
    SchemaAlone,
    #[error("{}", self.message(Lang::En))]
    Endpoint(String),
}

impl UsageError {
    /// The problem, in `lang` (the `Display` text is the English one).
    pub fn message(&self, lang: Lang) -> String {
        let t = texts(lang);
        match self {
            UsageError::Help => String::new(),
            UsageError::UnknownOption(o) => fill(t.unknown_option, &[o]),
            UsageError::MissingValue(f) => fill(t.missing_value, &[f]),
            UsageError::UnexpectedValue(f) => fill(t.unexpected_value, &[f]),
            UsageError::Format(v) => fill(t.unknown_format, &[&format!("{v:?}")]),
            UsageError::Profile(v) => fill(t.unknown_profile, &[&format!("{v:?}")]),
            UsageError::Lang(v) => fill(t.unknown_lang, &[&format!("{v:?}")]),
            UsageError::Target { flag, value } => fill(t.target, &[flag, &format!("{value:?}")]),
            UsageError::SchemaAlone => t.schema_alone.into(),
            UsageError::Endpoint(v) => fill(t.unknown_endpoint, &[&format!("{v:?}")]),
        }
    }
}

/// The language of the output: `--lang` (`--lang X` or `--lang=X`, the last one given) when it
/// names one, else `LC_ALL` / `LC_MESSAGES` / `LANG` through `env`. Looked at before the rest is
/// parsed, so that usage errors are in it too.
pub fn lang_of(args: &[String], env: impl Fn(&str) -> Option<String>) -> Lang {
    let mut chosen = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = match a.split_once('=') {
            Some(("--lang", v)) => Some(v),
            _ if a == "--lang" => it.next().map(String::as_str),
            _ => None,
        };
        if let Some(l) = value.and_then(Lang::from_tag) {
            chosen = Some(l);
        }
    }
    chosen.unwrap_or_else(|| Lang::from_env(env))
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
        endpoint: EndpointChoice::Fixed(Endpoint::Create),
        lang: None,
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
            "--lang" => {
                let v = value().ok_or(UsageError::MissingValue("--lang"))?;
                out.lang = Some(Lang::from_tag(&v).ok_or(UsageError::Lang(v))?);
            }
            "--endpoint" => {
                let v = value().ok_or(UsageError::MissingValue("--endpoint"))?;
                out.endpoint = match v.as_str() {
                    "auto" => EndpointChoice::Auto,
                    _ => EndpointChoice::Fixed(Endpoint::parse(&v).ok_or(UsageError::Endpoint(v))?),
                };
                // Also for --schema: the body whose schema is printed.
                continue;
            }
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
        assert_eq!(parse(&["--lang", "fr"]), Err(UsageError::Lang("fr".into())));
        assert_eq!(UsageError::Profile("v3".into()).to_string(), "unknown profile \"v3\" (v1, v2 or auto)");
        assert_eq!(UsageError::Profile("v3".into()).message(Lang::PtBr), "perfil desconhecido \"v3\" (v1, v2 ou auto)");
    }

    #[test]
    fn the_language_from_the_flag_or_the_environment() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let pt = |k: &str| (k == "LANG").then(|| "pt_BR.UTF-8".to_string());
        let none = |_: &str| None;
        assert_eq!(parse(&["--lang", "pt-BR"]).unwrap().lang, Some(Lang::PtBr));
        assert_eq!(parse(&["--lang=en", "a.json"]).unwrap().lang, Some(Lang::En));
        assert_eq!(parse(&["a.json"]).unwrap().lang, None);
        assert_eq!(lang_of(&args(&["--lang", "pt-BR", "a.json"]), none), Lang::PtBr);
        assert_eq!(lang_of(&args(&["--lang=en"]), pt), Lang::En);
        assert_eq!(lang_of(&args(&["a.json"]), pt), Lang::PtBr);
        assert_eq!(lang_of(&args(&["--lang", "xx"]), pt), Lang::PtBr, "an unknown --lang leaves the environment's");
        assert_eq!(lang_of(&args(&[]), none), Lang::En);
    }
}
