//! A tolerant JSON parser: it reads JSON the way people actually write it (comments, trailing
//! commas, single quotes, bare keys, Python literals, missing commas or colons, unterminated
//! strings…), keeps going after every problem, and reports all of them with byte spans and fix-its.
//! It never panics, never recurses deeper than [`MAX_DEPTH`], and is linear in the input size.

mod lexer;
mod number;
mod parser;
mod string;
mod tree;

pub use crate::own::Str;
pub use parser::MAX_DEPTH;
pub use tree::{line_aware, remove_member_span, Kind, Member, Node};

use super::code::Code;
use super::diag::{Diagnostic, Fix, Span};
use super::span::Edit;
use crate::msg::keys::lint as t;
use lexer::{Lexer, Tok};
use parser::Parser;

/// The result of parsing: the root value (if any) and every problem found.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub root: Option<Node>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses `text` tolerantly: the tree and every syntax problem (as messages, rendered at the edge).
/// Never panics; linear time; bounded recursion.
pub fn parse(text: &str) -> Parsed {
    let mut lx = Lexer::new(text);
    let mut pre = Vec::new();
    if text.starts_with('\u{feff}') {
        lx.pos = 3;
        pre.push(
            Diagnostic::warning(Code::JsonBom, Span::new(0, 3), t::bom)
                .with_fix(Fix::one(t::fix_remove_bom, Edit::delete(Span::new(0, 3)))),
        );
    }
    let (tok, span) = lx.next();
    let mut p = Parser { lx, tok, span, prev_end: span.start, too_deep_reported: false };
    p.lx.diags.splice(0..0, pre);
    if matches!(p.tok, Tok::Eof) {
        p.err(Diagnostic::error(Code::JsonEmpty, Span::at(p.span.start), t::empty));
        return Parsed { root: None, diagnostics: p.lx.diags };
    }
    let root = p.value(0);
    if root.is_none() {
        let s = p.span;
        p.err(Diagnostic::error(Code::JsonUnexpectedToken, s, t::must_start_object));
    }
    // Anything after the first value.
    let root = match root {
        Some(r) => Some(r),
        None => {
            // Skip junk until a value starts, then take it as the root.
            while !matches!(p.tok, Tok::Eof) && !p.starts_value() {
                p.bump();
            }
            p.value(0)
        }
    };
    if !matches!(p.tok, Tok::Eof) {
        let start = p.span.start;
        let mut last_end = p.span.end;
        while !matches!(p.tok, Tok::Eof) {
            if matches!(p.tok, Tok::LBrace | Tok::LBrack) {
                p.skip_deep(false);
            } else {
                p.bump();
            }
            last_end = p.prev_end.max(last_end);
        }
        let cut = root.as_ref().map_or(start, |r| r.span.end);
        p.err(
            Diagnostic::error(Code::JsonTrailingContent, Span::new(start, last_end), t::trailing_content)
                .with_fix(Fix::one(t::fix_remove_after, Edit::delete(Span::new(cut, last_end)))),
        );
    }
    let mut diagnostics = p.lx.diags;
    super::diag::sort_stable_by_key(&mut diagnostics, |d| [d.span.start, d.span.end, 0]);
    Parsed { root, diagnostics }
}
