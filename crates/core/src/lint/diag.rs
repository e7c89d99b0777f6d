//! Diagnostics, spans, fix-its and applying them to the text.

use std::fmt;

use super::code::Code;
use super::text::{apply_edits, Edit};

/// A byte range `start..end` in the linted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn at(pos: usize) -> Self {
        Span { start: pos, end: pos }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The severity's label in `lang` (`as_str` is the stable identifier; this is for people).
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        let t = lang.texts().lint;
        match self {
            Severity::Error => t.severity_error,
            Severity::Warning => t.severity_warning,
            Severity::Info => t.severity_info,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A fix-it: a title for the button and the edits it makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix { title: title.into(), edits }
    }

    pub fn one(title: impl Into<String>, edit: Edit) -> Self {
        Fix { title: title.into(), edits: vec![edit] }
    }

    fn range(&self) -> Option<Span> {
        let start = self.edits.iter().map(|e| e.span.start).min()?;
        let end = self.edits.iter().map(|e| e.span.end).max()?;
        Some(Span::new(start, end))
    }
}

/// One problem found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable identifier, e.g. `json/comment` or `evo/unknown-key`.
    pub code: Code,
    pub message: String,
    pub span: Span,
    pub fix: Option<Fix>,
    /// The field (key path) a diagnostic is about when its span does not say it — e.g. a required
    /// key that is missing, reported at the top of the payload.
    pub field: Option<&'static str>,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic { severity, code, message: message.into(), span, fix: None, field: None }
    }

    pub fn error(code: Code, span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, span, message)
    }

    pub fn warning(code: Code, span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, span, message)
    }

    pub fn info(code: Code, span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Info, code, span, message)
    }

    /// Names the field this diagnostic is about (see [`Diagnostic::field`]).
    pub fn on_field(mut self, field: &'static str) -> Self {
        self.field = Some(field);
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// Adds the fix when there is one.
    pub fn with_fix_opt(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }
}

/// Applies every fix of `diagnostics` that does not overlap another already chosen (first come,
/// first served, in text order). A fix is applied whole or not at all. Returns the new text and
/// the number of fixes applied.
pub fn apply_fixes<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    let mut fixes: Vec<(&Fix, Span)> = fixes.into_iter().filter_map(|f| Some((f, f.range()?))).collect();
    sort_stable_by_key(&mut fixes, |(_, r)| [r.start, r.end, 0]);
    let mut taken: Vec<Span> = Vec::new();
    let mut edits = Vec::new();
    let mut count = 0;
    for (fix, range) in fixes {
        // Two fixes conflict when their ranges intersect, or both insert at the same point.
        let clash = taken.iter().any(|t| {
            (range.start < t.end && t.start < range.end)
                || (range.start == t.start)
                || (range.is_empty() && range.start == t.end && t.is_empty())
        });
        if clash {
            continue;
        }
        taken.push(range);
        edits.extend(fix.edits.iter().cloned());
        count += 1;
    }
    let (out, _) = apply_edits(text, &edits);
    (out, count)
}

/// Line/column positions (1-based; columns count characters) for byte offsets.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// `(line, column)`, both 1-based, of the byte offset `pos` (clamped to the text).
    pub fn position(&self, pos: usize) -> (usize, usize) {
        let mut pos = pos.min(self.text.len());
        while !self.text.is_char_boundary(pos) {
            pos -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= pos) - 1;
        let col = self.text[self.starts[line]..pos].chars().count() + 1;
        (line + 1, col)
    }

    /// The text of the 1-based `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(self.text.len(), |&e| e - 1);
        self.text[start..end].trim_end_matches('\r')
    }

    /// The byte offset where `pos`'s line starts.
    pub fn line_start(&self, pos: usize) -> usize {
        self.starts[self.starts.partition_point(|&s| s <= pos) - 1]
    }
}

/// Sorts `v` by `key` exactly as the standard stable `sort_by_key` does (equal keys keep their
/// order), through one shared, non-generic sort of `(key, index)` pairs. Size, not speed: every
/// `sort_by_key` call site used to instantiate the standard stable sort for its own element and
/// closure type (~3 KB of wasm each); now they share one.
pub(crate) fn sort_stable_by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> [usize; 3]) {
    let mut keys: Vec<([usize; 3], usize)> = v.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    if !sort_keys(&mut keys) {
        return;
    }
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(keys.iter().filter_map(|&(_, i)| slots[i].take()));
}

/// Sorts the keys (the index breaks ties, so the order is stable) and says whether they moved.
#[inline(never)]
pub(crate) fn sort_keys(keys: &mut [([usize; 3], usize)]) -> bool {
    // The sorted run at the end: `lint` gets its findings mostly in text order, with a few
    // top-level ones (a missing or unknown key) in front of thousands of others.
    let mut run = keys.len().saturating_sub(1);
    while run > 0 && keys[run - 1] <= keys[run] {
        run -= 1;
    }
    if run == 0 {
        return false;
    }
    if run <= 8 {
        // A few in front: move each along into the run behind it (linear, not a sort).
        for i in (0..run).rev() {
            let mut j = i;
            while j + 1 < keys.len() && keys[j + 1] < keys[j] {
                keys.swap(j, j + 1);
                j += 1;
            }
        }
    } else {
        keys.sort_unstable();
    }
    true
}

#[cfg(test)]
mod tests {

    #[test]
    fn sort_stable_by_key_matches_the_standard_stable_sort() {
        let mut seed = 7u32;
        for len in [0usize, 1, 2, 5, 33, 200] {
            let v: Vec<(usize, usize, u32)> = (0..len)
                .map(|n| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 8) as usize % 7, (seed >> 16) as usize % 3, n as u32)
                })
                .collect();
            let mut ours = v.clone();
            super::sort_stable_by_key(&mut ours, |x| [x.0, x.1, 0]);
            let mut std_sorted = v;
            std_sorted.sort_by_key(|x| (x.0, x.1));
            assert_eq!(ours, std_sorted);
        }
        // A long sorted run with a few in front of it (the shape `lint` usually sorts).
        for front in [1usize, 3, 8, 9] {
            let v: Vec<(usize, usize, u32)> =
                (0..front).map(|n| (500 - n * 37, 0, n as u32)).chain((0..300).map(|n| (n * 2, 1, n as u32))).collect();
            let mut ours = v.clone();
            super::sort_stable_by_key(&mut ours, |x| [x.0, x.1, 0]);
            let mut std_sorted = v;
            std_sorted.sort_by_key(|x| (x.0, x.1));
            assert_eq!(ours, std_sorted);
        }
    }
    use super::*;

    #[test]
    fn overlapping_fixes_first_wins() {
        let a = Fix::one("a", Edit::replace(Span::new(0, 2), "A"));
        let b = Fix::one("b", Edit::replace(Span::new(1, 3), "B"));
        let c = Fix::one("c", Edit::insert(5, "C"));
        let (out, n) = apply_fixes("012345", [&b, &a, &c]);
        assert_eq!((out.as_str(), n), ("A234C5", 2));
    }

    #[test]
    fn line_index_counts_characters() {
        let idx = LineIndex::new("ab\nçã x\n");
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(3), (2, 1));
        assert_eq!(idx.position(3 + 4), (2, 3)); // after "çã" (4 bytes, 2 chars)
        assert_eq!(idx.line_text(2), "çã x");
        assert_eq!(idx.position(999), (3, 1));
    }
}
