//! The languages of every user-visible text: English and Brazilian Portuguese.
//!
//! Each language has one catalogue, split by concern into the files of `en/` and `pt_br/`. The
//! English files declare the keys (`catalog!` makes a struct of them, one `&'static str` per key);
//! the Portuguese files are struct literals of the same types, so a missing or misspelt key fails the
//! build. Templates take positional arguments `{0}`, `{1}`… filled by [`fill`] (any other brace is
//! kept as written). Codes, field names, event names and HTTP statuses are not translated.
//!
//! With the `embedded-pt` feature (the default: evo-lint, the sandbox, the tests) the pt-BR
//! catalogue is compiled in. Without it (the page) it is a text file ([`file`], `i18n/pt-BR.txt`)
//! that [`install_pt`] parses at run time; until then pt-BR texts are the English ones.

pub mod en;
pub mod file;
pub mod key;
#[cfg(feature = "embedded-pt")]
pub mod pt_br;

pub use file::{install_pt, pt_installed, LoadError, SIGNATURE, SIGNATURE_HEX};

/// A language of the page and of evo-lint.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    PtBr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::PtBr];

    /// The BCP 47 tag: `en`, `pt-BR` (the `language` select's values, `<html lang>`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::PtBr => "pt-BR",
        }
    }

    /// The language's own name, as the select shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::PtBr => "Português (Brasil)",
        }
    }

    /// A tag or a POSIX locale (`pt`, `pt-BR`, `pt_BR.UTF-8`, `en-US`, `C`): any Portuguese is
    /// pt-BR, English is English, anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_', '.', '@']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("pt") {
            Some(Lang::PtBr)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The browser's rule (`navigator.languages`, in order of preference): the first Portuguese
    /// tag before any English one makes pt-BR; otherwise English.
    pub fn from_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter().find_map(Lang::from_tag).unwrap_or_default()
    }

    /// The command line's rule: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not
    /// empty decides (POSIX order); Portuguese → pt-BR, anything else → English.
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| get(k).filter(|v| !v.is_empty()))
            .and_then(|v| Lang::from_tag(&v))
            .unwrap_or_default()
    }

    /// This language's catalogue.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &en::TEXTS,
            Lang::PtBr => file::pt_texts(),
        }
    }

    /// The linter's shared texts.
    pub fn lint(self) -> &'static Lint {
        self.texts().lint
    }

    /// The doctor's texts (typed errors, versions).
    pub fn doctor(self) -> &'static Doctor {
        self.texts().doctor
    }

    /// This language's answers (explanations, QR session messages, migration notes): apart from
    /// [`Texts`], so that code which never explains an answer does not reference them — the page
    /// loads these with the parts that use them.
    pub fn answers(self) -> &'static Answers {
        match self {
            Lang::En => &en::answers::EN,
            Lang::PtBr => file::pt_answers(),
        }
    }

    /// The 2.x rules' texts (apart for the same reason: the page loads the 2.x rules as a part).
    pub fn lint_v2(self) -> &'static LintV2 {
        match self {
            Lang::En => &en::lint_v2::EN,
            Lang::PtBr => file::pt_lint_v2(),
        }
    }

    /// The configuration rules' texts (`config/`; apart for the same reason: the page loads the
    /// configuration page as a part).
    pub fn lint_config(self) -> &'static LintConfig {
        match self {
            Lang::En => &en::lint_config::EN,
            Lang::PtBr => file::pt_lint_config(),
        }
    }
}

/// One language's catalogue of the domain's texts that every user of evo-core shows (the page's own
/// texts are the page's: `src/i18n/catalogue` of evo-admin, in the same file after these).
pub struct Texts {
    pub lint: &'static Lint,
    pub doctor: &'static Doctor,
}

/// Every message's [`Key`](key::Key), by catalogue part: `keys::lint::unknown_key`.
pub mod keys {
    pub use super::en::answers::keys as answers;
    pub use super::en::doctor::keys as doctor;
    pub use super::en::lint::keys as lint;
    pub use super::en::lint_config::keys as lint_config;
    pub use super::en::lint_v2::keys as lint_v2;
}

pub use en::answers::Answers;
pub use en::doctor::Doctor;
pub use en::lint::Lint;
pub use en::lint_config::LintConfig;
pub use en::lint_v2::LintV2;

/// The placeholders (`{0}`…`{9}`) `template` uses, sorted, each once: both languages of a text
/// must use the same (checked by the catalogues' tests).
pub fn placeholders(template: &str) -> Vec<u8> {
    let mut v: Vec<u8> = template
        .as_bytes()
        .windows(3)
        .filter(|w| w[0] == b'{' && w[1].is_ascii_digit() && w[2] == b'}')
        .map(|w| w[1] - b'0')
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Fills `{0}`…`{9}` in `template` with `args` (a placeholder without an argument stays as is).
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let b = tail.as_bytes();
        match (b.get(1), b.get(2)) {
            (Some(d @ b'0'..=b'9'), Some(b'}')) if args.len() > usize::from(d - b'0') => {
                out.push_str(args[usize::from(d - b'0')]);
                rest = &tail[3..];
            }
            _ => {
                out.push('{');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Declares a catalogue part from its English text:
/// `catalog! { pub Name(part number, Lang accessor) { key: "text", … } }` makes `pub struct Name` (one
/// `pub key: &'static str` per key), `pub static EN: Name`, and `pub mod keys` with one
/// [`key::Key`] per text (`keys::key`), which names the message without loading any text.
#[macro_export]
macro_rules! catalog {
    ($(#[$meta:meta])* $vis:vis $name:ident($part:literal, $get:ident) { $($(#[$kmeta:meta])* $key:ident : $text:expr),* $(,)? }) => {
        $crate::catalog! { $(#[$meta])* $vis $name { $($(#[$kmeta])* $key: $text),* } }
        /// The place of each key, in declaration order.
        #[allow(non_camel_case_types, dead_code)]
        #[repr(u16)]
        enum Index { $($key),* }

        /// One [`Key`]($crate::i18n::key::Key) per text: the message, named without loading any text.
        #[allow(non_upper_case_globals)]
        pub mod keys {
            #[allow(unused_imports)]
            use super::*;
            fn table(lang: $crate::i18n::Lang) -> &'static [&'static str] {
                lang.$get().as_slice()
            }
            /// One static per key: a call site names a key with one pointer.
            mod defs {
                $(pub static $key: $crate::i18n::key::KeyDef = $crate::i18n::key::KeyDef::new($part, super::super::Index::$key as u16, super::table);)*
            }
            $(pub const $key: $crate::i18n::key::Key = $crate::i18n::key::Key::new(&defs::$key);)*
        }
    };
    // Without keys (a catalogue outside evo-core, e.g. evo-lint's own texts).
    ($(#[$meta:meta])* $vis:vis $name:ident { $($(#[$kmeta:meta])* $key:ident : $text:expr),* $(,)? }) => {
        $(#[$meta])*
        // `repr(C)`: laid out exactly as `[&'static str; KEYS.len()]` (see `from_values`).
        #[repr(C)]
        $vis struct $name {
            $($(#[$kmeta])* pub $key: &'static str,)*
        }

        impl $name {
            /// Every key, in declaration order.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($key)),*];

            /// Every text, in the order of [`Self::KEYS`].
            pub fn values(&self) -> ::std::vec::Vec<&'static str> {
                ::std::vec![$(self.$key),*]
            }

            /// The catalogue part of `values`, in the order of [`Self::KEYS`] (`None` unless there
            /// is exactly one value per key).
            pub fn from_values(values: &[&'static str]) -> ::std::option::Option<Self> {
                let all: [&'static str; Self::KEYS.len()] = values.try_into().ok()?;
                // SAFETY: `Self` is `repr(C)` with exactly `KEYS.len()` fields, all `&'static str`
                // in `KEYS` order: the layout of this array (`transmute` checks the size). Field by
                // field, the page's wasm would carry a load and a store per key.
                ::std::option::Option::Some(unsafe {
                    ::std::mem::transmute::<[&'static str; Self::KEYS.len()], Self>(all)
                })
            }
        }

        /// The English text, which declares the keys.
        $vis static EN: $name = $name { $($key: $text),* };

        impl $name {
            /// Every text, in the order of [`Self::KEYS`], without copying.
            pub fn as_slice(&self) -> &[&'static str] {
                // SAFETY: `repr(C)` with `KEYS.len()` fields, all `&'static str` (see `from_values`).
                unsafe { &*(self as *const Self as *const [&'static str; Self::KEYS.len()]) }
            }
        }

    };
}

#[cfg(test)]
mod tests;
