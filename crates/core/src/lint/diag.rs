//! Diagnostics, fix-its and applying them to the text (spans and edits: the leaf `span.rs`).

use std::fmt;

use super::code::Code;
pub(crate) use super::span::{apply_edits, sort_stable_by_key};
pub use super::span::{Edit, LineIndex, Span};
use crate::msg::Msg;

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
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A fix-it: a title for the button and the edits it makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: Msg,
    pub edits: Edits,
}

/// A fix's edits, read as a slice: one is kept in place (most fixes make one: a long list's
/// thousands of fixes then allocate nothing for it), more in a vector. Compared and printed as the
/// slice, however it is kept.
#[derive(Clone)]
pub struct Edits(EditsIn);

#[derive(Clone)]
enum EditsIn {
    One(Edit),
    Many(Vec<Edit>),
}

impl std::ops::Deref for Edits {
    type Target = [Edit];
    fn deref(&self) -> &[Edit] {
        match &self.0 {
            EditsIn::One(e) => std::slice::from_ref(e),
            EditsIn::Many(v) => v,
        }
    }
}

impl From<Vec<Edit>> for Edits {
    fn from(v: Vec<Edit>) -> Self {
        Edits(EditsIn::Many(v))
    }
}

impl PartialEq for Edits {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for Edits {}

impl fmt::Debug for Edits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

impl Fix {
    pub fn new(title: impl Into<Msg>, edits: Vec<Edit>) -> Self {
        Fix { title: title.into(), edits: edits.into() }
    }

    pub fn one(title: impl Into<Msg>, edit: Edit) -> Self {
        Self::one_of(title.into(), edit)
    }

    /// [`Fix::one`], not inlined: ~150 call sites (size).
    #[inline(never)]
    fn one_of(title: Msg, edit: Edit) -> Self {
        Fix { title, edits: Edits(EditsIn::One(edit)) }
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
    /// What it says, rendered at the edge (`crate::render`).
    pub message: Msg,
    pub span: Span,
    pub fix: Option<Fix>,
    /// The field (key path) a diagnostic is about when its span does not say it — e.g. a required
    /// key that is missing, reported at the top of the payload.
    pub field: Option<&'static str>,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: Code, span: Span, message: impl Into<Msg>) -> Self {
        Self::of(severity, code, span, message.into())
    }

    /// [`Diagnostic::new`], not inlined: ~200 call sites (size).
    #[inline(never)]
    fn of(severity: Severity, code: Code, span: Span, message: Msg) -> Self {
        Diagnostic { severity, code, message, span, fix: None, field: None }
    }

    pub fn error(code: Code, span: Span, message: impl Into<Msg>) -> Self {
        Self::new(Severity::Error, code, span, message)
    }

    pub fn warning(code: Code, span: Span, message: impl Into<Msg>) -> Self {
        Self::new(Severity::Warning, code, span, message)
    }

    pub fn info(code: Code, span: Span, message: impl Into<Msg>) -> Self {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_fixes_first_wins() {
        let a = Fix::one(crate::msg::keys::lint::fix_remove_it, Edit::replace(Span::new(0, 2), "A"));
        let b = Fix::one(crate::msg::keys::lint::fix_remove_it, Edit::replace(Span::new(1, 3), "B"));
        let c = Fix::one(crate::msg::keys::lint::fix_remove_it, Edit::insert(5, "C"));
        let (out, n) = apply_fixes("012345", [&b, &a, &c]);
        assert_eq!((out.as_str(), n), ("A234C5", 2));
    }
}
