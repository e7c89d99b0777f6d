//! A report rendered in one language (what a face shows): the tests of the catalogues compare these.

#![allow(dead_code)]

use evo_core::i18n::Lang;
use evo_core::lint::{Code, Diagnostic, Edit, Node, Report, Severity, Span};
use evo_core::render::render;

#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct D {
    pub severity: Severity,
    pub code: Code,
    pub span: Span,
    pub message: String,
    pub fix: Option<Fix>,
    pub field: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub struct R {
    pub diagnostics: Vec<D>,
    pub root: Option<Node>,
}

pub fn diagnostic(d: &Diagnostic, lang: Lang) -> D {
    D {
        severity: d.severity,
        code: d.code,
        span: d.span,
        message: render(&d.message, lang),
        fix: d.fix.as_ref().map(|f| Fix { title: render(&f.title, lang), edits: f.edits.to_vec() }),
        field: d.field,
    }
}

pub fn diagnostics(ds: &[Diagnostic], lang: Lang) -> Vec<D> {
    ds.iter().map(|d| diagnostic(d, lang)).collect()
}

pub fn report(r: Report, lang: Lang) -> R {
    R { diagnostics: diagnostics(&r.diagnostics, lang), root: r.root }
}
