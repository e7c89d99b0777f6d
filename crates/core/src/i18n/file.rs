//! The pt-BR catalogue as a plain text file (`i18n/pt-BR.txt` at the repository root, served next
//! to the page), so that a build without the `embedded-pt` feature (the page) carries no Portuguese
//! domain text and loads it only for a Portuguese reader.
//!
//! The format, UTF-8 with `\n` line ends:
//! - a header line `evo-core-i18n pt-BR <SIGNATURE as 16 hex digits>`;
//! - one value per line: the texts of [`Lint`], [`LintV2`], [`LintConfig`], [`Doctor`] and [`Answers`],
//!   each in `KEYS` order;
//! - then four lines per row of the field tables, `fields::V1`, `fields::V2`, then the configuration
//!   routes' tables in `fields::CONFIG_TABLES` order: path, label, help, placeholder (an empty line where
//!   there is none);
//! - then, when a program has texts of its own (the page: `src/i18n/catalogue` of evo-admin), its
//!   section: a header line of its own and its values, read with [`section`] from [`after_core`].
//!
//! In a value, `\` is written `\\`, a line feed `\n` and a carriage return `\r`. The signature is a
//! hash of the keys and the field paths: a file written for other keys (stale, or foreign) is refused.

use std::sync::OnceLock;

use super::{Answers, Doctor, Lint, LintConfig, LintV2, Texts};
use crate::fields::CONFIG_TABLES as TABLES;
use crate::fields::{FieldText, Profile, V1, V2};

/// The number of rows of the configuration routes' tables.
const CONFIG_ROWS: usize = {
    let (mut n, mut i) = (0, 0);
    while i < TABLES.len() {
        n += TABLES[i].len();
        i += 1;
    }
    n
};

/// The first line of a catalogue file, before the signature.
const HEADER: &str = "evo-core-i18n pt-BR ";

/// A hash (FNV-1a, 64 bits) of the format, every catalogue key and every field path, in file order.
pub const SIGNATURE: u64 = signature();

const fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h
}

/// The signature of a section of texts: a hash of `seed` and each part's name and keys, in order
/// (the page's section: `signature_of("evo-admin-i18n 1\n", &[("ui\n", Ui::KEYS), …])`).
pub const fn signature_of(seed: &str, parts: &[(&str, &[&str])]) -> u64 {
    let mut h = fnv(0xcbf2_9ce4_8422_2325, seed.as_bytes());
    let mut i = 0;
    while i < parts.len() {
        h = keys(h, parts[i].0, parts[i].1);
        i += 1;
    }
    h
}

const fn keys(mut h: u64, part: &str, keys: &[&str]) -> u64 {
    h = fnv(h, part.as_bytes());
    let mut i = 0;
    while i < keys.len() {
        h = fnv(fnv(h, keys[i].as_bytes()), b"\n");
        i += 1;
    }
    h
}

const fn paths(mut h: u64, part: &str, fields: &[crate::fields::Field]) -> u64 {
    h = fnv(h, part.as_bytes());
    let mut i = 0;
    while i < fields.len() {
        h = fnv(fnv(h, fields[i].key.as_bytes()), b"\n");
        i += 1;
    }
    h
}

const fn signature() -> u64 {
    let mut h = fnv(0xcbf2_9ce4_8422_2325, b"evo-core-i18n 1\n");
    h = keys(h, "lint\n", Lint::KEYS);
    h = keys(h, "lint_v2\n", LintV2::KEYS);
    h = keys(h, "lint_config\n", LintConfig::KEYS);
    h = keys(h, "doctor\n", Doctor::KEYS);
    h = keys(h, "answers\n", Answers::KEYS);
    h = paths(h, "fields v1\n", V1);
    h = paths(h, "fields v2\n", V2);
    let mut i = 0;
    while i < TABLES.len() {
        h = paths(h, "config\n", TABLES[i]);
        i += 1;
    }
    h
}

/// `n` as 16 lowercase hex digits (ASCII).
pub const fn hex(n: u64) -> [u8; 16] {
    let mut out = [0u8; 16];
    let mut i = 0;
    while i < 16 {
        out[i] = b"0123456789abcdef"[((n >> (60 - 4 * i)) & 0xf) as usize];
        i += 1;
    }
    out
}

const SIGNATURE_BYTES: [u8; 16] = hex(SIGNATURE);

/// [`SIGNATURE`] as 16 lowercase hex digits (the header's, and the page's `?v=`).
// SAFETY: `hex` writes ASCII digits only.
pub const SIGNATURE_HEX: &str = unsafe { std::str::from_utf8_unchecked(&SIGNATURE_BYTES) };

/// The header line of a current catalogue file (without its line end).
pub fn header() -> String {
    [HEADER, SIGNATURE_HEX].concat()
}

/// Why a catalogue file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// Not a catalogue for these keys: another format, another version of the keys, another file.
    #[error("not a pt-BR catalogue for this build (its first line is `{found}`, expected `{expected}`)")]
    Signature { found: String, expected: String },
    #[error("the pt-BR catalogue has {found} lines, expected {expected}")]
    Lines { found: usize, expected: usize },
    #[error("line {line} of the pt-BR catalogue should be the field path `{expected}`")]
    Path { line: usize, expected: &'static str },
    #[error("line {line} of the pt-BR catalogue has an unknown escape (only \\\\, \\n and \\r)")]
    Escape { line: usize },
}

/// A whole catalogue: evo-core's texts and the field texts of both tables, in table order.
pub struct Catalogue {
    pub texts: Texts,
    pub lint_v2: &'static LintV2,
    pub lint_config: &'static LintConfig,
    pub answers: &'static Answers,
    pub v1: &'static [FieldText],
    pub v2: &'static [FieldText],
    /// The rows of every `fields::CONFIG_TABLES[i]`, one table after the other ([`Catalogue::config_table`]).
    pub config: &'static [FieldText],
}

impl Catalogue {
    /// The rows of `fields::CONFIG_TABLES[i]`.
    pub fn config_table(&self, i: usize) -> Option<&'static [FieldText]> {
        let start: usize = TABLES.get(..i)?.iter().map(|t| t.len()).sum();
        self.config.get(start..start + TABLES.get(i)?.len())
    }
}

/// Writes `value` as one line of a catalogue file (escaped, with its line end).
pub fn escape(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('\n');
}

/// Writes a catalogue file (the header line, then one value per line) from a language's texts.
pub fn write(
    texts: &Texts,
    lint_v2: &LintV2,
    lint_config: &LintConfig,
    answers: &Answers,
    v1: &[FieldText],
    v2: &[FieldText],
    config: &[&[FieldText]],
) -> String {
    let mut out = String::with_capacity(48 * 1024);
    out.push_str(&header());
    out.push('\n');
    let parts = [texts.lint.values(), lint_v2.values(), lint_config.values(), texts.doctor.values(), answers.values()];
    for part in parts {
        for v in part {
            escape(&mut out, v);
        }
    }
    for t in v1.iter().chain(v2).chain(config.iter().copied().flatten()) {
        for v in [t.path, t.label, t.help, t.placeholder] {
            escape(&mut out, v);
        }
    }
    out
}

/// The compiled-in pt-BR catalogue, as the file `i18n/pt-BR.txt` must hold it.
#[cfg(feature = "embedded-pt")]
pub fn embedded_pt() -> String {
    use super::pt_br;
    write(
        &pt_br::TEXTS,
        &pt_br::lint_v2::PT_BR,
        &pt_br::lint_config::PT_BR,
        &pt_br::answers::PT_BR,
        &pt_br::fields::V1,
        &pt_br::fields::V2,
        &pt_br::config_fields::TABLE_ROWS,
    )
}

fn unescape(line: &'static str, n: usize) -> Result<&'static str, LoadError> {
    if !line.contains('\\') {
        return Ok(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            _ => return Err(LoadError::Escape { line: n }),
        }
    }
    Ok(Box::leak(out.into_boxed_str()))
}

fn leak<T>(v: T) -> &'static T {
    Box::leak(Box::new(v))
}

/// Reads the section that starts `text`: its header line (`header` then `signature_hex`), then
/// `count` values, one per line (leaked: `&'static`, like the compiled-in texts). Returns them and
/// the text after the section. A `\r` before a line end (a checkout with CRLF) is ignored.
pub fn section<'t>(
    text: &'t str,
    header: &str,
    signature_hex: &str,
    count: usize,
) -> Result<(Vec<&'static str>, &'t str), LoadError> {
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let first = text[..first_end].trim_end_matches(['\n', '\r']);
    if first.strip_prefix(header) != Some(signature_hex) {
        return Err(LoadError::Signature {
            found: first.chars().take(60).collect(),
            expected: [header, signature_hex].concat(),
        });
    }
    let mut end = first_end;
    let mut n = 0;
    while n < count && end < text.len() {
        end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
        n += 1;
    }
    if n < count {
        return Err(LoadError::Lines { found: 1 + n, expected: 1 + count });
    }
    let body = &text[first_end..end];
    let body: &'static str = Box::leak(body.strip_suffix('\n').unwrap_or(body).to_owned().into_boxed_str());
    let mut values = Vec::with_capacity(count);
    if count > 0 {
        for (i, l) in body.split('\n').enumerate() {
            values.push(unescape(l.strip_suffix('\r').unwrap_or(l), i + 2)?);
        }
    }
    Ok((values, &text[end..]))
}

/// The lines of evo-core's section (the header, the texts, four per field row).
fn core_lines() -> usize {
    Lint::KEYS.len()
        + LintV2::KEYS.len()
        + LintConfig::KEYS.len()
        + Doctor::KEYS.len()
        + Answers::KEYS.len()
        + 4 * (V1.len() + V2.len() + CONFIG_ROWS)
}

/// What follows evo-core's section in a catalogue file (a program's own texts; `""` when none).
pub fn after_core(text: &str) -> Result<&str, LoadError> {
    section(text, HEADER, SIGNATURE_HEX, 0)?;
    let mut end = 0;
    for _ in 0..=core_lines() {
        match text[end..].find('\n') {
            Some(i) => end += i + 1,
            None => return Ok(""),
        }
    }
    Ok(&text[end..])
}

/// Reads evo-core's section of a catalogue file (what follows it is not read: see [`after_core`]).
/// Its texts are leaked (`&'static`, like the compiled-in ones): call it once per language, not per use.
pub fn parse(text: &str) -> Result<Catalogue, LoadError> {
    let (values, _) = section(text, HEADER, SIGNATURE_HEX, core_lines())?;
    let (lint, rest) = values.split_at(Lint::KEYS.len());
    let (lint_v2, rest) = rest.split_at(LintV2::KEYS.len());
    let (lint_config, rest) = rest.split_at(LintConfig::KEYS.len());
    let (doctor, rest) = rest.split_at(Doctor::KEYS.len());
    let (answers, rest) = rest.split_at(Answers::KEYS.len());
    let rows = V1.len() + V2.len() + CONFIG_ROWS;
    let mut line = 2 + core_lines() - 4 * rows;
    let mut texts = Vec::with_capacity(rows);
    let mut keys = V1.iter().chain(V2).map(|f| f.key);
    for r in rest.chunks_exact(4) {
        // The configuration routes' rows are tied to their tables by the signature alone (their
        // tables stay out of the first load).
        if let Some(key) = keys.next() {
            if r[0] != key {
                return Err(LoadError::Path { line, expected: key });
            }
        }
        texts.push(FieldText { path: r[0], label: r[1], help: r[2], placeholder: r[3] });
        line += 4;
    }
    let fields: &'static [FieldText] = Box::leak(texts.into_boxed_slice());
    let (v1, rest) = fields.split_at(V1.len());
    let (v2, config) = rest.split_at(V2.len());
    // The counts were checked above, so every part has exactly its keys.
    let missing = || LoadError::Lines { found: 0, expected: 1 + core_lines() };
    Ok(Catalogue {
        texts: Texts {
            lint: leak(Lint::from_values(lint).ok_or_else(missing)?),
            doctor: leak(Doctor::from_values(doctor).ok_or_else(missing)?),
        },
        lint_v2: leak(LintV2::from_values(lint_v2).ok_or_else(missing)?),
        lint_config: leak(LintConfig::from_values(lint_config).ok_or_else(missing)?),
        answers: leak(Answers::from_values(answers).ok_or_else(missing)?),
        v1,
        v2,
        config,
    })
}

static PT: OnceLock<Catalogue> = OnceLock::new();

/// Installs the pt-BR catalogue from the text of `i18n/pt-BR.txt`: from then on `Lang::PtBr.texts()`
/// and `Profile::texts(Lang::PtBr)` return it. A refused file changes nothing (pt-BR stays English).
/// Only the first successful install counts. With the `embedded-pt` feature the compiled-in
/// catalogue is used whatever is installed.
pub fn install_pt(text: &str) -> Result<(), LoadError> {
    if PT.get().is_none() {
        let _ = PT.set(parse(text)?);
    }
    Ok(())
}

/// Whether the pt-BR texts are there (compiled in, or installed).
pub fn pt_installed() -> bool {
    cfg!(feature = "embedded-pt") || PT.get().is_some()
}

/// One pt-BR catalogue part: compiled in, else installed, else the English one. (Not inlined: every
/// use would otherwise carry its own copy of the check.)
macro_rules! pt_part {
    ($(#[$doc:meta])* $name:ident -> $ty:ty, embedded: $embedded:expr, english: $english:expr, installed: |$c:ident| $installed:expr) => {
        $(#[$doc])*
        #[cfg_attr(not(feature = "embedded-pt"), inline(never))]
        pub(crate) fn $name() -> &'static $ty {
            #[cfg(feature = "embedded-pt")]
            {
                $embedded
            }
            #[cfg(not(feature = "embedded-pt"))]
            {
                PT.get().map_or($english, |$c| $installed)
            }
        }
    };
}

pt_part! {
    /// The pt-BR catalogue (`Lang::texts`).
    pt_texts -> Texts, embedded: &super::pt_br::TEXTS, english: &super::en::TEXTS, installed: |c| &c.texts
}
pt_part! {
    /// The pt-BR texts of the 2.x rules (`Lang::lint_v2`).
    pt_lint_v2 -> LintV2, embedded: &super::pt_br::lint_v2::PT_BR, english: &super::en::lint_v2::EN, installed: |c| c.lint_v2
}
pt_part! {
    /// The pt-BR texts of the configuration rules (`Lang::lint_config`).
    pt_lint_config -> LintConfig, embedded: &super::pt_br::lint_config::PT_BR, english: &super::en::lint_config::EN, installed: |c| c.lint_config
}
pt_part! {
    /// The pt-BR answers (`Lang::answers`).
    pt_answers -> Answers, embedded: &super::pt_br::answers::PT_BR, english: &super::en::answers::EN, installed: |c| c.answers
}

/// The pt-BR texts of `fields::CONFIG_TABLES[i]`'s fields: compiled in, else installed (`None` before an
/// install).
pub(crate) fn pt_config_fields(i: usize) -> Option<&'static [FieldText]> {
    #[cfg(feature = "embedded-pt")]
    {
        super::pt_br::config_fields::TABLE_ROWS.get(i).copied()
    }
    #[cfg(not(feature = "embedded-pt"))]
    {
        PT.get().and_then(|c| c.config_table(i))
    }
}

/// The pt-BR texts of a profile's fields: compiled in, else installed (`None` before an install).
pub(crate) fn pt_fields(profile: Profile) -> Option<&'static [FieldText]> {
    #[cfg(feature = "embedded-pt")]
    {
        use super::pt_br::fields as pt;
        Some(match profile {
            Profile::V1 => &pt::V1,
            Profile::V2 => &pt::V2,
        })
    }
    #[cfg(not(feature = "embedded-pt"))]
    {
        PT.get().map(|c| match profile {
            Profile::V1 => c.v1,
            Profile::V2 => c.v2,
        })
    }
}
