//! The parser over the lexer's tokens: values, objects and arrays, and the recovery after every
//! problem (missing commas and colons, stray or mismatched closers, duplicate keys, deep nesting).

use super::lexer::{Lexer, Tok};
use super::tree::{remove_member_span, Kind, Member, Node};
use crate::lint::code::Code;
use crate::lint::diag::{Diagnostic, Fix, Span};
use crate::lint::span::Edit;
use crate::msg;
use crate::msg::keys::lint as t;

/// Nesting deeper than this is reported once and skipped (bracket-balanced) without building nodes,
/// so no input can exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// One turn of an object's or array's loop.
enum Step {
    /// The container ended here (closed, mismatched, or the text ended).
    Closed(usize),
    /// A stray comma was reported and skipped.
    Skipped,
    /// An item or member starts at the current token.
    Item,
}

pub(super) struct Parser<'a> {
    pub(super) lx: Lexer<'a>,
    pub(super) tok: Tok,
    pub(super) span: Span,
    /// End of the last consumed token (where a missing comma or colon goes).
    pub(super) prev_end: usize,
    pub(super) too_deep_reported: bool,
}

impl<'a> Parser<'a> {
    /// Moves to the next token; returns the span of the one it leaves.
    // Inlined: the parser's every token goes through it (~5 % of the lint in wasm).
    #[inline(always)]
    pub(super) fn bump(&mut self) -> Span {
        let old = self.span;
        self.prev_end = old.end;
        (self.tok, self.span) = self.lx.next();
        old
    }

    pub(super) fn err(&mut self, d: Diagnostic) {
        self.lx.diags.push(d);
    }

    fn word(&self) -> &'a str {
        &self.lx.text[self.span.start..self.span.end]
    }

    pub(super) fn starts_value(&self) -> bool {
        matches!(self.tok, Tok::LBrace | Tok::LBrack | Tok::Str | Tok::Num | Tok::Word)
    }

    /// Skips a value nested too deep, keeping brackets balanced, without recursion.
    pub(super) fn skip_deep(&mut self, report: bool) -> Node {
        let start = self.span.start;
        if report && !self.too_deep_reported {
            self.too_deep_reported = true;
            self.err(Diagnostic::error(Code::JsonTooDeep, self.span, msg!(t::too_deep, &MAX_DEPTH.to_string())));
        }
        let mut depth = 0usize;
        loop {
            match self.tok {
                Tok::LBrace | Tok::LBrack => depth += 1,
                Tok::RBrace | Tok::RBrack => depth = depth.saturating_sub(1),
                Tok::Eof => break,
                _ => {}
            }
            self.bump();
            if depth == 0 {
                break;
            }
        }
        Node { kind: Kind::Invalid, span: Span::new(start, self.prev_end) }
    }

    pub(super) fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH && matches!(self.tok, Tok::LBrace | Tok::LBrack) {
            return Some(self.skip_deep(true));
        }
        let span = self.span;
        match self.tok {
            Tok::LBrace => Some(self.object(depth)),
            Tok::LBrack => Some(self.array(depth)),
            Tok::Str => {
                let kind = Kind::String(self.lx.string_value());
                self.bump();
                Some(Node { kind, span })
            }
            Tok::Num => {
                let value = self.lx.num;
                self.bump();
                Some(Node { kind: Kind::Number(value), span })
            }
            Tok::Word => {
                let w = self.word();
                self.bump();
                let kind = match w {
                    "true" => Kind::Bool(true),
                    "false" => Kind::Bool(false),
                    "null" => Kind::Null,
                    _ => self.bad_word(w, span),
                };
                Some(Node { kind, span })
            }
            _ => None,
        }
    }

    fn bad_word(&mut self, w: &str, span: Span) -> Kind {
        let (kind, fixed) = match w {
            "True" | "TRUE" => (Kind::Bool(true), Some("true")),
            "False" | "FALSE" => (Kind::Bool(false), Some("false")),
            "None" | "NULL" | "Null" | "nil" | "undefined" => (Kind::Null, Some("null")),
            "NaN" | "Infinity" => (Kind::Invalid, None),
            _ => (Kind::Invalid, None),
        };
        let d = match fixed {
            Some(f) => Diagnostic::error(Code::JsonPythonLiteral, span, msg!(t::python_literal, w, f))
                .with_fix(Fix::one(msg!(t::fix_write, f), Edit::replace(span, f))),
            None if matches!(w, "NaN" | "Infinity") => {
                Diagnostic::error(Code::JsonInvalidNumber, span, msg!(t::not_json_number, w))
            }
            None => Diagnostic::error(Code::JsonUnquotedString, span, msg!(t::unquoted_string, w))
                .with_fix(Fix::one(t::fix_put_in_double_quotes, Edit::replace(span, format!("\"{w}\"")))),
        };
        self.err(d);
        kind
    }

    /// What objects and arrays share: their closer, the end of the text, the other closer, and a
    /// stray comma. `Step::Item` means an item (or member) starts here.
    fn container_step(&mut self, open: Span, object: bool) -> Step {
        let c = if object { "}" } else { "]" };
        let s = self.span;
        // (closer, the other closer)
        let (closes, other) = match self.tok {
            Tok::RBrace => (object, !object),
            Tok::RBrack => (!object, object),
            _ => (false, false),
        };
        if closes {
            self.bump();
            return Step::Closed(s.end);
        }
        if matches!(self.tok, Tok::Eof) {
            let insert = if object { "\n}" } else { "]" };
            self.err(
                Diagnostic::error(
                    Code::JsonUnclosed,
                    open,
                    if object { t::unclosed_object } else { t::unclosed_array },
                )
                .with_fix(Fix::one(msg!(t::fix_add_missing, c), Edit::insert(self.prev_end, insert))),
            );
            return Step::Closed(s.end);
        }
        if other {
            self.err(
                Diagnostic::error(
                    Code::JsonMismatchedBracket,
                    s,
                    if object { t::mismatched_object } else { t::mismatched_array },
                )
                .with_fix(Fix::one(msg!(t::fix_write, c), Edit::replace(s, c))),
            );
            self.bump();
            return Step::Closed(s.end);
        }
        if matches!(self.tok, Tok::Comma) {
            self.err(
                Diagnostic::error(
                    Code::JsonExtraComma,
                    s,
                    if object { t::extra_comma_object } else { t::extra_comma_array },
                )
                .with_fix(Fix::one(t::fix_remove_comma, Edit::delete(s))),
            );
            self.bump();
            return Step::Skipped;
        }
        Step::Item
    }

    fn object(&mut self, depth: usize) -> Node {
        let open = self.bump();
        // Room for 8 members from the start: payload objects mostly have 5 to 8, and growing from
        // 4 to 8 costs a second allocation and a copy per object (the page's allocator has no
        // realloc in place).
        let mut members: Vec<Member> = crate::own::vec(8);
        let end;
        loop {
            match self.container_step(open, true) {
                Step::Closed(e) => {
                    end = e;
                    break;
                }
                Step::Skipped => continue,
                Step::Item => {}
            }
            match self.tok {
                Tok::Str => {
                    let key = self.lx.string_value();
                    let key_span = self.bump();
                    self.member(key, key_span, depth, &mut members);
                }
                Tok::Word => {
                    let key_span = self.span;
                    let key = super::Str::new(self.word());
                    self.bump();
                    self.err(
                        Diagnostic::error(Code::JsonUnquotedKey, key_span, msg!(t::unquoted_key, &key))
                            .with_fix(Fix::one(t::fix_quote_name, Edit::replace(key_span, format!("\"{key}\"")))),
                    );
                    self.member(key, key_span, depth, &mut members);
                }
                _ => {
                    let s = self.span;
                    self.err(Diagnostic::error(Code::JsonUnexpectedToken, s, t::expected_property));
                    if self.starts_value() {
                        self.value(depth + 1);
                    } else {
                        self.bump();
                    }
                }
            }
        }
        self.duplicates(&members);
        Node { kind: Kind::Object(members), span: Span::new(open.start, end) }
    }

    fn member(&mut self, key: super::Str, key_span: Span, depth: usize, members: &mut Vec<Member>) {
        if matches!(self.tok, Tok::Colon) {
            self.bump();
        } else if self.starts_value() {
            self.err(
                Diagnostic::error(Code::JsonMissingColon, Span::at(key_span.end), t::missing_colon)
                    .with_fix(Fix::one(t::fix_insert_colon, Edit::insert(key_span.end, ":"))),
            );
        } else {
            self.err(Diagnostic::error(Code::JsonMissingValue, key_span, msg!(t::no_colon_no_value, &key)));
            let comma = self.after_item(true);
            members.push(Member { key, key_span, value: None, comma });
            return;
        }
        let value = self.value(depth + 1);
        if value.is_none() {
            self.err(Diagnostic::error(Code::JsonMissingValue, Span::at(self.prev_end), msg!(t::no_value, &key)));
        }
        let comma = self.after_item(true);
        members.push(Member { key, key_span, value, comma });
    }

    /// After an object member or array item: a comma (returned), the closer, or a missing comma.
    /// `object`: after an object's member (else an array's item).
    fn after_item(&mut self, object: bool) -> Option<Span> {
        match self.tok {
            Tok::Comma => {
                let comma = self.span;
                self.bump();
                if matches!((self.tok, object), (Tok::RBrace, true) | (Tok::RBrack, false)) {
                    let what = if object { "}" } else { "]" };
                    self.err(
                        Diagnostic::error(Code::JsonTrailingComma, comma, msg!(t::trailing_comma, what))
                            .with_fix(Fix::one(t::fix_remove_trailing_comma, Edit::delete(comma))),
                    );
                }
                return Some(comma);
            }
            Tok::Eof | Tok::RBrace | Tok::RBrack => {}
            _ if self.starts_value() => {
                let at = self.prev_end;
                self.err(
                    Diagnostic::error(Code::JsonMissingComma, Span::at(at), t::missing_comma)
                        .with_fix(Fix::one(t::fix_insert_comma, Edit::insert(at, ","))),
                );
            }
            _ => {
                let s = self.span;
                let c = match self.tok {
                    Tok::Bad(c) => c,
                    Tok::Colon => ':',
                    _ => '?',
                };
                let msg = if object { t::unexpected_in_object } else { t::unexpected_in_array };
                self.err(Diagnostic::error(Code::JsonUnexpectedToken, s, msg!(msg, c.encode_utf8(&mut [0; 4]))));
                self.bump();
            }
        }
        None
    }

    fn array(&mut self, depth: usize) -> Node {
        let open = self.bump();
        let mut items: Vec<Node> = Vec::new();
        let end;
        loop {
            match self.container_step(open, false) {
                Step::Closed(e) => {
                    end = e;
                    break;
                }
                Step::Skipped => continue,
                Step::Item => {}
            }
            match self.tok {
                _ if self.starts_value() => {
                    if let Some(v) = self.value(depth + 1) {
                        if items.capacity() == 0 {
                            // Room for 4, as the first push would make (`own::vec`: fewer calls).
                            items = crate::own::vec(4);
                        }
                        items.push(v);
                    }
                    self.after_item(false);
                }
                _ => {
                    let s = self.span;
                    self.err(Diagnostic::error(Code::JsonUnexpectedToken, s, t::expected_value));
                    self.bump();
                }
            }
        }
        Node { kind: Kind::Array(items), span: Span::new(open.start, end) }
    }

    fn duplicates(&mut self, members: &[Member]) {
        if members.len() < 2 {
            return;
        }
        // (member, the first earlier one with its key), in member order. Small objects (every real
        // payload) compare pairwise, lengths first; big ones go through a table of the first member
        // of each key, open addressing on a hash of the key (no hash map in the page for this).
        let mut dups: Vec<(usize, usize)> = Vec::new();
        if members.len() <= 32 {
            // Each key read once (a `Str` is read through a call at the page's opt-level), then
            // compared pairwise as `str`s.
            let mut keys = [""; 32];
            for (k, m) in keys.iter_mut().zip(members) {
                *k = &m.key;
            }
            let keys = &keys[..members.len()];
            for (i, key) in keys.iter().enumerate() {
                if let Some(first) = keys[..i].iter().position(|e| e.len() == key.len() && e == key) {
                    dups.push((i, first));
                }
            }
        } else {
            let mask = (members.len() * 2).next_power_of_two() - 1;
            // Member index + 1; 0 is an empty slot.
            let mut table = vec![0usize; mask + 1];
            for (i, m) in members.iter().enumerate() {
                let mut h = key_hash(&m.key) & mask;
                loop {
                    match table[h] {
                        0 => {
                            table[h] = i + 1;
                            break;
                        }
                        j if members[j - 1].key == m.key => {
                            dups.push((i, j - 1));
                            break;
                        }
                        _ => h = (h + 1) & mask,
                    }
                }
            }
        }
        for (i, first) in dups {
            let (m, earlier) = (&members[i], &members[first]);
            let d = Diagnostic::warning(Code::JsonDuplicateKey, m.key_span, msg!(t::duplicate_key, &m.key)).with_fix(
                Fix::one(
                    t::fix_remove_earlier,
                    Edit::delete(remove_member_span(self.lx.bytes, members, first, earlier)),
                ),
            );
            self.err(d);
        }
    }
}

/// FNV-1a of a key, for the duplicate check's table (collisions are compared, not trusted).
fn key_hash(key: &str) -> usize {
    key.bytes().fold(0x811c_9dc5_usize, |h, b| (h ^ b as usize).wrapping_mul(0x0100_0193))
}
