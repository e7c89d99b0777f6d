//! Words at the edge: the one place a [`Msg`] becomes text in a language. The page and `evo-lint`
//! keep what the domain returns (diagnostics, notes) and render it when they show it, so a language
//! switch re-renders and never re-computes.

use crate::i18n::{fill, Lang};
use crate::lint::Severity;
use crate::migrate::{MigrateError, NoteKind};
use crate::msg::{Arg, Key, Msg};

/// `msg` in `lang`.
pub fn render(msg: &Msg, lang: Lang) -> String {
    let template = msg.key.template(lang);
    if msg.args.is_empty() {
        return template.to_owned();
    }
    let args: Vec<String> = msg.args.iter().map(|a| arg(a, lang)).collect();
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    fill(template, &refs)
}

/// English, for logs, `Debug`-style output and tests (the faces render in their reader's language).
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&render(self, Lang::En))
    }
}

/// A message without arguments in `lang`.
pub fn text(key: Key, lang: Lang) -> &'static str {
    key.template(lang)
}

/// A diagnostic's severity as people read it in `lang` (`Severity::as_str` is the stable id).
pub fn severity(s: Severity, lang: Lang) -> &'static str {
    let t = lang.lint();
    match s {
        Severity::Error => t.severity_error,
        Severity::Warning => t.severity_warning,
        Severity::Info => t.severity_info,
    }
}

impl MigrateError {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        render(&self.msg(), lang)
    }
}

impl std::fmt::Display for MigrateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl NoteKind {
    /// The kind as the page shows it, in `lang` ([`Self::as_str`] is the stable tag).
    pub fn label(self, lang: Lang) -> &'static str {
        let t = lang.doctor();
        match self {
            NoteKind::Renamed => t.kind_renamed,
            NoteKind::Converted => t.kind_converted,
            NoteKind::Added => t.kind_added,
            NoteKind::Dropped => t.kind_dropped,
            NoteKind::Warning => t.kind_warning,
        }
    }
}

fn arg(a: &Arg, lang: Lang) -> String {
    match a {
        Arg::Text(s) => s.clone(),
        Arg::Nothing => String::new(),
        Arg::Num(n) => n.to_string(),
        Arg::Key(k) => k.template(lang).to_owned(),
        Arg::Msg(m) => render(m, lang),
        Arg::Join(items, sep) => items.join(sep.template(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::keys::lint;
    use crate::msg;
    use crate::msg::Arg;

    #[test]
    fn a_message_renders_its_arguments_in_each_language() {
        let m = msg!(lint::unknown_key_suggest, "webhookUrl", "webhook");
        assert_eq!(
            render(&m, Lang::En),
            "Unknown field \"webhookUrl\": the server silently ignores it. Did you mean \"webhook\"?"
        );
        let nested = msg!(lint::must_be_string_not, "token", lint::type_number);
        assert_eq!(render(&nested, Lang::En), "token must be a string, not a number.");
        #[cfg(feature = "embedded-pt")]
        assert_eq!(render(&nested, Lang::PtBr), "token precisa ser uma string, não um número.");
        assert_eq!(text(lint::fix_remove_it, Lang::En), "Remove it");
    }

    #[test]
    fn lists_join_with_the_languages_and() {
        let m = msg::Msg::new(lint::chatwoot_partial, vec![Arg::Join(vec!["a".into(), "b".into()], lint::and)]);
        assert!(render(&m, Lang::En).contains("; a and b missing"), "{}", render(&m, Lang::En));
    }
}
