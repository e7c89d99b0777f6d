//! The payload linter: a tolerant JSON/JSONC parser plus the Evolution API rules, reporting every
//! problem in one pass with a location, an explanation and, where possible, a fix-it.
//!
//! Fixes edit the text (they never re-serialise it), so formatting, key order, other comments and
//! number spellings survive.

pub mod code;
mod ctx;
pub mod diag;
pub mod options;
pub mod rules;
pub mod span;
pub mod suggest;
pub mod syntax;
pub mod text;
mod v1;
pub mod v2;

pub use code::Code;
pub use ctx::{is_http_url, is_placeholder};
pub use diag::{apply_fixes, Diagnostic, Edits, Fix, Severity};
pub use rules::{shape_of, v1_rules, v2_rules, RuleOptions, Rules};
pub use span::{apply_edits, Edit, LineIndex, Span};

use crate::fields::{Field, Profile, Ty};
pub use syntax::{Kind, Member, Node, Str};

/// Lint options.
#[derive(Debug, Clone, Default)]
pub struct LintOptions {
    pub rules: RuleOptions,
}

impl LintOptions {
    /// Options with a fresh token (a UUID) for the fix-its that add or replace one.
    pub fn with_fresh_token(token: impl Into<String>) -> Self {
        LintOptions { rules: RuleOptions { fresh_token: Some(token.into()), ..RuleOptions::default() } }
    }

    /// The same options for another profile.
    pub fn with_profile(mut self, profile: Profile) -> Self {
        self.rules.profile = profile;
        self
    }
}

/// Everything found in one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The value as far as it could be read (rules ran on it).
    pub root: Option<Node>,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// The fixes of every diagnostic, in text order.
    pub fn fixes(&self) -> impl Iterator<Item = &Fix> {
        self.diagnostics.iter().filter_map(|d| d.fix.as_ref())
    }
}

/// Lints `text` as a create payload of `opts.rules.profile`.
pub fn lint(text: &str, opts: &LintOptions) -> Report {
    let parsed = syntax::parse(text);
    let mut diagnostics = parsed.diagnostics;
    if let Some(root) = &parsed.root {
        rules::check(text, root, &opts.rules, &mut diagnostics);
        let profile = opts.rules.profile;
        name_fields(&mut diagnostics, root, |path| profile.field(path));
    }
    // Severity's order is its declaration order (derived `Ord`), which `as usize` keeps.
    diag::sort_stable_by_key(&mut diagnostics, |d| [d.span.start, d.severity as usize, d.span.end]);
    Report { diagnostics, root: parsed.root }
}

/// Names the field of each diagnostic whose rule did not ([`Diagnostic::field`]): the field whose
/// member holds its span, the innermost of `known`'s (a dotted path → its field) down through
/// objects. A span inside a key that is not a field (unknown, misspelt) names none. The rules that
/// report a field by its absence (a missing key, at the top) name it themselves.
pub(crate) fn name_fields(diagnostics: &mut [Diagnostic], root: &Node, known: impl Fn(&str) -> Option<&'static Field>) {
    name_fields_by(diagnostics, root, &known);
}

/// [`name_fields`], one copy for both callers (size).
fn name_fields_by(diagnostics: &mut [Diagnostic], root: &Node, known: &dyn Fn(&str) -> Option<&'static Field>) {
    // The top-level member of the previous diagnostic and its field: diagnostics come in bunches
    // in the same member (a long list's repeats), so `known` is asked once for them, and `path`
    // is one buffer.
    let mut last: Option<(&Member, Option<&'static Field>)> = None;
    let mut path = String::new();
    for d in diagnostics.iter_mut().filter(|d| d.field.is_none()) {
        path.clear();
        let (mut node, mut top) = (root, true);
        loop {
            // At the top, the previous member when it holds this span and starts before it (then
            // no earlier member can hold it: it is the first that does).
            let m = match last {
                Some((w, _)) if top && w.span().start < d.span.start && d.span.end <= w.span().end => w,
                _ => match node.members().and_then(|ms| holder(ms, d.span)) {
                    Some(m) => m,
                    None => break,
                },
            };
            if !top {
                path.push('.');
            }
            path.push_str(&m.key);
            let f = match last {
                Some((w, f)) if top && std::ptr::eq(w, m) => f,
                _ => {
                    let f = known(&path);
                    if top {
                        last = Some((m, f));
                    }
                    f
                }
            };
            d.field = f.map(|f| f.key);
            match (&m.value, f) {
                (Some(v), Some(f)) if f.ty == Ty::Object => (node, top) = (v, false),
                _ => break,
            }
        }
    }
}

/// The first of `members` whose span holds `span`. Members are in text order, their spans one after
/// another, so a binary search finds the first that does not end before it (a big object's
/// thousands of members are not scanned for each diagnostic).
fn holder(members: &[Member], span: Span) -> Option<&Member> {
    let from = members.partition_point(|m| m.span().end < span.start);
    members[from..].iter().take_while(|m| m.span().start <= span.start).find(|m| span.end <= m.span().end)
}

/// Applies every non-overlapping fix, re-lints, and repeats while fixes apply (at most 8 rounds:
/// a fix can reveal another, e.g. a comment removed from a list). Returns the text and the number
/// of fixes applied.
pub fn fix_all(text: &str, opts: &LintOptions) -> (String, usize) {
    let mut current = text.to_owned();
    let mut total = 0;
    for _ in 0..8 {
        let report = lint(&current, opts);
        let (next, n) = apply_fixes(&current, report.fixes());
        if n == 0 || next == current {
            break;
        }
        total += n;
        current = next;
    }
    (current, total)
}
