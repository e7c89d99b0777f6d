//! A tolerant JSON parser: it reads JSON the way people actually write it (comments, trailing
//! commas, single quotes, bare keys, Python literals, missing commas or colons, unterminated
//! strings…), keeps going after every problem, and reports all of them with byte spans and fix-its.
//! It never panics, never recurses deeper than [`MAX_DEPTH`], and is linear in the input size.

use super::code::Code;
use super::diag::{Diagnostic, Edit, Fix, Span};

/// Nesting deeper than this is reported once and skipped (bracket-balanced) without building nodes,
/// so no input can exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// A parsed JSON value with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: Kind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Object(Vec<Member>),
    Array(Vec<Node>),
    String(String),
    /// The number's value (`NaN` when it could not be read) and whether it is an integer in JSON.
    Number(f64),
    Bool(bool),
    Null,
    /// Something that is not a value (a bare word, a skipped region); rules ignore it.
    Invalid,
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.kind {
            Kind::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn members(&self) -> Option<&[Member]> {
        match &self.kind {
            Kind::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn items(&self) -> Option<&[Node]> {
        match &self.kind {
            Kind::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The last member named `key` (JSON.parse keeps the last of duplicates).
    pub fn get(&self, key: &str) -> Option<&Member> {
        self.members()?.iter().rev().find(|m| m.key == key)
    }

    pub fn type_name(&self) -> &'static str {
        match self.kind {
            Kind::Object(_) => "an object",
            Kind::Array(_) => "an array",
            Kind::String(_) => "a string",
            Kind::Number(_) => "a number",
            Kind::Bool(_) => "a boolean",
            Kind::Null => "null",
            Kind::Invalid => "not a valid value",
        }
    }
}

/// `"key": value` in an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Option<Node>,
    /// The comma after this member, if any.
    pub comma: Option<Span>,
}

impl Member {
    /// From the key's start to the value's end (or the key's end when there is no value).
    pub fn span(&self) -> Span {
        Span::new(self.key_span.start, self.value.as_ref().map_or(self.key_span.end, |v| v.span.end))
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    LBrace,
    RBrace,
    LBrack,
    RBrack,
    Colon,
    Comma,
    Str { value: String, single: bool },
    Num { value: f64 },
    Word,
    Bad(char),
    Eof,
}

struct Lexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    diags: Vec<Diagnostic>,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

fn is_word_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b == b'$'
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str) -> Self {
        Lexer { text, bytes: text.as_bytes(), pos: 0, diags: Vec::new() }
    }

    /// The start of `pos`'s line when only spaces/tabs stand between it and `pos`.
    fn blank_before(&self, pos: usize) -> Option<usize> {
        let mut i = pos;
        while i > 0 && matches!(self.bytes[i - 1], b' ' | b'\t') {
            i -= 1;
        }
        (i == 0 || self.bytes[i - 1] == b'\n').then_some(i)
    }

    /// A span that removes `start..end` neatly: the whole line when the comment stands alone on it,
    /// otherwise the comment and the blanks before it.
    fn removal(&self, start: usize, end: usize) -> Span {
        let mut after = end;
        while after < self.bytes.len() && matches!(self.bytes[after], b' ' | b'\t' | b'\r') {
            after += 1;
        }
        let line_ends_here = after == self.bytes.len() || self.bytes[after] == b'\n';
        match self.blank_before(start) {
            Some(line_start) if line_ends_here => {
                Span::new(line_start, if after < self.bytes.len() { after + 1 } else { after })
            }
            _ => {
                let mut s = start;
                while s > 0 && matches!(self.bytes[s - 1], b' ' | b'\t') {
                    s -= 1;
                }
                if line_ends_here {
                    Span::new(s, end)
                } else {
                    // Mid-line: take the blanks after it too, so one space separates what is left.
                    let mut e = end;
                    while e < self.bytes.len() && matches!(self.bytes[e], b' ' | b'\t') {
                        e += 1;
                    }
                    Span::new(start, e)
                }
            }
        }
    }

    fn skip_trivia(&mut self) {
        loop {
            while self.pos < self.bytes.len() && matches!(self.bytes[self.pos], b' ' | b'\t' | b'\n' | b'\r') {
                self.pos += 1;
            }
            if self.bytes.get(self.pos) != Some(&b'/') {
                return;
            }
            let start = self.pos;
            match self.bytes.get(self.pos + 1) {
                Some(b'/') => {
                    let end =
                        self.bytes[start..].iter().position(|&b| b == b'\n').map_or(self.bytes.len(), |n| start + n);
                    let end = if end > start && self.bytes[end - 1] == b'\r' { end - 1 } else { end };
                    self.pos = end;
                    let d = Diagnostic::error(
                        Code::JsonComment,
                        Span::new(start, end),
                        "JSON has no comments: the server answers 400 \"Unexpected token /\". The seed's `//` lines are only notes and must go.",
                    )
                    .with_fix(Fix::one("Remove the comment", Edit::delete(self.removal(start, end))));
                    self.diags.push(d);
                }
                Some(b'*') => {
                    let close = self.text[start + 2..].find("*/").map(|n| start + 2 + n + 2);
                    let end = close.unwrap_or(self.bytes.len());
                    self.pos = end;
                    let msg = if close.is_some() {
                        "JSON has no comments: this /* … */ block must be removed."
                    } else {
                        "Unclosed /* comment: everything after it is ignored, and JSON has no comments anyway."
                    };
                    let d = Diagnostic::error(Code::JsonComment, Span::new(start, end), msg)
                        .with_fix(Fix::one("Remove the comment", Edit::delete(self.removal(start, end))));
                    self.diags.push(d);
                }
                _ => return,
            }
        }
    }

    /// Next token and its span.
    fn next(&mut self) -> (Tok, Span) {
        self.skip_trivia();
        let start = self.pos;
        let Some(&b) = self.bytes.get(start) else {
            return (Tok::Eof, Span::at(start));
        };
        let single = |t: Tok, this: &mut Self| {
            this.pos += 1;
            (t, Span::new(start, start + 1))
        };
        match b {
            b'{' => single(Tok::LBrace, self),
            b'}' => single(Tok::RBrace, self),
            b'[' => single(Tok::LBrack, self),
            b']' => single(Tok::RBrack, self),
            b':' => single(Tok::Colon, self),
            b',' => single(Tok::Comma, self),
            b'"' | b'\'' => self.string(b),
            b'-' | b'+' | b'.' | b'0'..=b'9' => self.number(),
            _ if is_word_start(b)
                || b >= 0x80 && self.text[start..].chars().next().is_some_and(char::is_alphabetic) =>
            {
                while self.pos < self.bytes.len() && is_word_byte(self.bytes[self.pos]) {
                    self.pos += 1;
                }
                while !self.text.is_char_boundary(self.pos) {
                    self.pos += 1;
                }
                (Tok::Word, Span::new(start, self.pos))
            }
            _ => {
                let c = self.text[start..].chars().next().unwrap_or('\u{fffd}');
                self.pos += c.len_utf8();
                (Tok::Bad(c), Span::new(start, self.pos))
            }
        }
    }

    fn string(&mut self, quote: u8) -> (Tok, Span) {
        let start = self.pos;
        let mut i = start + 1;
        let mut value = String::new();
        let mut seg = i; // start of the not-yet-copied run
                         // A fix that rewrites a single-quoted string as a double-quoted one.
        let single = quote == b'\'';
        let mut requoted = if single { String::from("\"") } else { String::new() };
        loop {
            // Fast scan to the next interesting byte.
            while i < self.bytes.len() {
                let c = self.bytes[i];
                if c == quote || c == b'\\' || c < 0x20 || (single && c == b'"') {
                    break;
                }
                i += 1;
            }
            if i >= self.bytes.len() || self.bytes[i] == b'\n' || self.bytes[i] == b'\r' {
                // Unterminated: end the string at the end of the line.
                value.push_str(&self.text[seg..i]);
                if single {
                    requoted.push_str(&self.text[seg..i]);
                }
                let mut end = i;
                while end > start + 1 && matches!(self.bytes[end - 1], b' ' | b'\t') {
                    end -= 1;
                }
                // `"https://x.com,` — the comma was meant to follow the string: leave it to the
                // lexer as a real comma.
                let mut stop = i;
                if end > start + 1 && self.bytes[end - 1] == b',' {
                    end -= 1;
                    stop = end;
                    let mut keep = value.len().saturating_sub(i - end);
                    while !value.is_char_boundary(keep) {
                        keep -= 1;
                    }
                    value.truncate(keep);
                }
                let i = stop;
                self.pos = i;
                let q = char::from(quote);
                self.diags.push(
                    Diagnostic::error(
                        Code::JsonUnterminatedString,
                        Span::new(start, i),
                        format!("This string has no closing {q}: a string must end on the line where it starts."),
                    )
                    .with_fix(Fix::one(format!("Close the string with {q}"), Edit::insert(end, q.to_string()))),
                );
                return (Tok::Str { value, single }, Span::new(start, i));
            }
            let c = self.bytes[i];
            if c == quote {
                value.push_str(&self.text[seg..i]);
                if single {
                    requoted.push_str(&self.text[seg..i]);
                    requoted.push('"');
                }
                self.pos = i + 1;
                let span = Span::new(start, self.pos);
                if single {
                    self.diags.push(
                        Diagnostic::error(
                            Code::JsonSingleQuote,
                            span,
                            "JSON strings use double quotes, not single quotes.",
                        )
                        .with_fix(Fix::one("Use double quotes", Edit::replace(span, requoted))),
                    );
                }
                return (Tok::Str { value, single }, span);
            }
            if c == b'"' {
                // A double quote inside a single-quoted string must be escaped once requoted.
                value.push_str(&self.text[seg..i]);
                requoted.push_str(&self.text[seg..i]);
                requoted.push_str("\\\"");
                value.push('"');
                i += 1;
                seg = i;
                continue;
            }
            if c < 0x20 {
                value.push_str(&self.text[seg..i]);
                if single {
                    requoted.push_str(&self.text[seg..i]);
                }
                let esc = match c {
                    b'\t' => "\\t".to_owned(),
                    0x08 => "\\b".to_owned(),
                    0x0c => "\\f".to_owned(),
                    _ => format!("\\u{c:04x}"),
                };
                self.diags.push(
                    Diagnostic::error(
                        Code::JsonControlChar,
                        Span::new(i, i + 1),
                        format!(
                            "A raw control character (U+{c:04X}) inside a string is not allowed: write it as {esc}."
                        ),
                    )
                    .with_fix(Fix::one(format!("Escape it as {esc}"), Edit::replace(Span::new(i, i + 1), esc.clone()))),
                );
                value.push(char::from(c));
                if single {
                    requoted.push_str(&esc);
                }
                i += 1;
                seg = i;
                continue;
            }
            // Backslash escape.
            value.push_str(&self.text[seg..i]);
            if single {
                requoted.push_str(&self.text[seg..i]);
            }
            let esc_start = i;
            let Some(&e) = self.bytes.get(i + 1) else {
                i += 1;
                seg = i;
                continue;
            };
            let simple = match e {
                b'"' => Some(('"', 2)),
                b'\\' => Some(('\\', 2)),
                b'/' => Some(('/', 2)),
                b'b' => Some(('\u{8}', 2)),
                b'f' => Some(('\u{c}', 2)),
                b'n' => Some(('\n', 2)),
                b'r' => Some(('\r', 2)),
                b't' => Some(('\t', 2)),
                b'u' if self.bytes.len() >= i + 6 && self.bytes[i + 2..i + 6].iter().all(u8::is_ascii_hexdigit) => {
                    let code = u32::from_str_radix(&self.text[i + 2..i + 6], 16).unwrap_or(0xfffd);
                    Some((char::from_u32(code).unwrap_or('\u{fffd}'), 6))
                }
                _ => None,
            };
            i = match simple {
                Some((decoded, len)) => {
                    value.push(decoded);
                    if single {
                        requoted.push_str(&self.text[esc_start..esc_start + len]);
                    }
                    esc_start + len
                }
                None if e == b'\'' && single => {
                    value.push('\'');
                    requoted.push('\'');
                    esc_start + 2
                }
                None => {
                    let ch = self.text[i + 1..].chars().next().unwrap_or(' ');
                    let raw = Span::new(esc_start, i + 1 + ch.len_utf8());
                    let (title, replacement) = if ch == '\'' {
                        ("Drop the backslash: ' needs no escape", "'".to_owned())
                    } else {
                        ("Escape the backslash itself", format!("\\\\{ch}"))
                    };
                    self.diags.push(
                        Diagnostic::error(
                            Code::JsonInvalidEscape,
                            raw,
                            format!("\\{ch} is not a JSON escape (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)."),
                        )
                        .with_fix(Fix::one(title, Edit::replace(raw, replacement.clone()))),
                    );
                    value.push(ch);
                    if single {
                        requoted.push_str(&replacement);
                    }
                    raw.end
                }
            };
            seg = i;
        }
    }

    fn number(&mut self) -> (Tok, Span) {
        let start = self.pos;
        let mut i = start;
        while i < self.bytes.len()
            && (self.bytes[i].is_ascii_alphanumeric() || matches!(self.bytes[i], b'.' | b'+' | b'-' | b'_'))
        {
            // A sign only starts the number or follows an exponent marker.
            if matches!(self.bytes[i], b'+' | b'-') && i > start && !matches!(self.bytes[i - 1], b'e' | b'E') {
                break;
            }
            i += 1;
        }
        self.pos = i;
        let span = Span::new(start, i);
        let raw = &self.text[start..i];
        if is_json_number(raw) {
            return (Tok::Num { value: raw.parse().unwrap_or(f64::NAN) }, span);
        }
        let (value, fix) = repair_number(raw);
        let mut d = Diagnostic::error(Code::JsonInvalidNumber, span, format!("{raw} is not a valid JSON number."));
        if let Some(fixed) = fix {
            d = d.with_fix(Fix::one(format!("Write it as {fixed}"), Edit::replace(span, fixed)));
        }
        self.diags.push(d);
        (Tok::Num { value }, span)
    }
}

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let s = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - s
    };
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// A best reading of a malformed number and, when unambiguous, its JSON spelling.
fn repair_number(raw: &str) -> (f64, Option<String>) {
    let (neg, body) = match raw.as_bytes().first() {
        Some(b'-') => (true, &raw[1..]),
        Some(b'+') => (false, &raw[1..]),
        _ => (false, raw),
    };
    let sign = if neg { "-" } else { "" };
    if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        return match u64::from_str_radix(hex, 16) {
            Ok(v) => (if neg { -(v as f64) } else { v as f64 }, Some(format!("{sign}{v}"))),
            Err(_) => (f64::NAN, None),
        };
    }
    let mut s = body.replace('_', "");
    if s.starts_with('.') {
        s.insert(0, '0');
    }
    if s.ends_with('.') {
        s.pop();
    }
    s = s.replace(".e", "e").replace(".E", "E");
    let trimmed = s.trim_start_matches('0');
    if trimmed.is_empty() || trimmed.starts_with('.') || trimmed.starts_with(['e', 'E']) {
        s = format!("0{trimmed}");
    } else {
        s = trimmed.to_owned();
    }
    let candidate = format!("{sign}{s}");
    if is_json_number(&candidate) {
        (candidate.parse().unwrap_or(f64::NAN), Some(candidate))
    } else {
        (f64::NAN, None)
    }
}

/// The result of parsing: the root value (if any) and every problem found.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub root: Option<Node>,
    pub diagnostics: Vec<Diagnostic>,
}

/// One turn of an object's or array's loop.
enum Step {
    /// The container ended here (closed, mismatched, or the text ended).
    Closed(usize),
    /// A stray comma was reported and skipped.
    Skipped,
    /// An item or member starts at the current token.
    Item,
}

struct Parser<'a> {
    lx: Lexer<'a>,
    tok: Tok,
    span: Span,
    /// End of the last consumed token (where a missing comma or colon goes).
    prev_end: usize,
    too_deep_reported: bool,
}

impl<'a> Parser<'a> {
    fn bump(&mut self) -> (Tok, Span) {
        self.prev_end = self.span.end;
        let (t, s) = self.lx.next();
        let old_tok = std::mem::replace(&mut self.tok, t);
        let old_span = std::mem::replace(&mut self.span, s);
        (old_tok, old_span)
    }

    fn err(&mut self, d: Diagnostic) {
        self.lx.diags.push(d);
    }

    fn word(&self) -> &'a str {
        &self.lx.text[self.span.start..self.span.end]
    }

    fn starts_value(&self) -> bool {
        matches!(self.tok, Tok::LBrace | Tok::LBrack | Tok::Str { .. } | Tok::Num { .. } | Tok::Word)
    }

    /// Skips a value nested too deep, keeping brackets balanced, without recursion.
    fn skip_deep(&mut self, report: bool) -> Node {
        let start = self.span.start;
        if report && !self.too_deep_reported {
            self.too_deep_reported = true;
            self.err(Diagnostic::error(
                Code::JsonTooDeep,
                self.span,
                format!("Nesting deeper than {MAX_DEPTH} levels is not checked; no create payload nests like this."),
            ));
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

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH && matches!(self.tok, Tok::LBrace | Tok::LBrack) {
            return Some(self.skip_deep(true));
        }
        let span = self.span;
        match self.tok {
            Tok::LBrace => Some(self.object(depth)),
            Tok::LBrack => Some(self.array(depth)),
            Tok::Str { .. } | Tok::Num { .. } => {
                let kind = match self.bump().0 {
                    Tok::Str { value, .. } => Kind::String(value),
                    Tok::Num { value } => Kind::Number(value),
                    _ => Kind::Invalid,
                };
                Some(Node { kind, span })
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
            Some(f) => Diagnostic::error(
                Code::JsonPythonLiteral,
                span,
                format!("{w} is not JSON: the JSON spelling is {f} (lowercase)."),
            )
            .with_fix(Fix::one(format!("Write {f}"), Edit::replace(span, f))),
            None if matches!(w, "NaN" | "Infinity") => {
                Diagnostic::error(Code::JsonInvalidNumber, span, format!("{w} is not a JSON number."))
            }
            None => Diagnostic::error(
                Code::JsonUnquotedString,
                span,
                format!("{w} is not a JSON value: text must be in double quotes."),
            )
            .with_fix(Fix::one("Put it in double quotes", Edit::replace(span, format!("\"{w}\"")))),
        };
        self.err(d);
        kind
    }

    /// What objects and arrays share: their closer, the end of the text, the other closer, and a
    /// stray comma. `Step::Item` means an item (or member) starts here.
    fn container_step(&mut self, open: Span, object: bool) -> Step {
        let (closer, other) = if object { (Tok::RBrace, Tok::RBrack) } else { (Tok::RBrack, Tok::RBrace) };
        let (o, c, x, what, item) =
            if object { ('{', '}', ']', "an object", "property") } else { ('[', ']', '}', "an array", "item") };
        let s = self.span;
        if self.tok == closer {
            self.bump();
            return Step::Closed(s.end);
        }
        if self.tok == Tok::Eof {
            let insert = if object { "\n}" } else { "]" };
            self.err(
                Diagnostic::error(
                    Code::JsonUnclosed,
                    open,
                    format!("This {o} is never closed: the text ends before its {c}."),
                )
                .with_fix(Fix::one(format!("Add the missing {c}"), Edit::insert(self.prev_end, insert))),
            );
            return Step::Closed(s.end);
        }
        if self.tok == other {
            self.err(
                Diagnostic::error(
                    Code::JsonMismatchedBracket,
                    s,
                    format!("This {x} closes {what}: {what} ends with {c}."),
                )
                .with_fix(Fix::one(format!("Write {c}"), Edit::replace(s, c.to_string()))),
            );
            self.bump();
            return Step::Closed(s.end);
        }
        if self.tok == Tok::Comma {
            self.err(
                Diagnostic::error(Code::JsonExtraComma, s, format!("A comma with no {item} before it."))
                    .with_fix(Fix::one("Remove the comma", Edit::delete(s))),
            );
            self.bump();
            return Step::Skipped;
        }
        Step::Item
    }

    fn object(&mut self, depth: usize) -> Node {
        let (_, open) = self.bump();
        let mut members: Vec<Member> = Vec::new();
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
                Tok::Str { .. } => {
                    let (tok, key_span) = self.bump();
                    let Tok::Str { value, .. } = tok else { unreachable!("matched a string token") };
                    self.member(value, key_span, depth, &mut members);
                }
                Tok::Word => {
                    let key_span = self.span;
                    let key = self.word().to_owned();
                    self.bump();
                    self.err(
                        Diagnostic::error(
                            Code::JsonUnquotedKey,
                            key_span,
                            format!("Property names must be in double quotes: \"{key}\"."),
                        )
                        .with_fix(Fix::one("Quote the name", Edit::replace(key_span, format!("\"{key}\"")))),
                    );
                    self.member(key, key_span, depth, &mut members);
                }
                _ => {
                    let s = self.span;
                    self.err(Diagnostic::error(
                        Code::JsonUnexpectedToken,
                        s,
                        "Expected a property name in double quotes (or } to close the object).",
                    ));
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

    fn member(&mut self, key: String, key_span: Span, depth: usize, members: &mut Vec<Member>) {
        if self.tok == Tok::Colon {
            self.bump();
        } else if self.starts_value() {
            self.err(
                Diagnostic::error(
                    Code::JsonMissingColon,
                    Span::at(key_span.end),
                    "Missing : between the name and its value.",
                )
                .with_fix(Fix::one("Insert :", Edit::insert(key_span.end, ":"))),
            );
        } else {
            self.err(Diagnostic::error(Code::JsonMissingValue, key_span, format!("\"{key}\" has no : and no value.")));
            let comma = self.after_item(Tok::RBrace);
            members.push(Member { key, key_span, value: None, comma });
            return;
        }
        let value = self.value(depth + 1);
        if value.is_none() {
            self.err(Diagnostic::error(
                Code::JsonMissingValue,
                Span::at(self.prev_end),
                format!("\"{key}\" has no value after the colon."),
            ));
        }
        let comma = self.after_item(Tok::RBrace);
        members.push(Member { key, key_span, value, comma });
    }

    /// After an object member or array item: a comma (returned), the closer, or a missing comma.
    fn after_item(&mut self, closer: Tok) -> Option<Span> {
        match &self.tok {
            Tok::Comma => {
                let comma = self.span;
                self.bump();
                if self.tok == closer {
                    let what = if closer == Tok::RBrace { "}" } else { "]" };
                    self.err(
                        Diagnostic::error(
                            Code::JsonTrailingComma,
                            comma,
                            format!("A comma before {what} is not allowed in JSON (the server answers 400)."),
                        )
                        .with_fix(Fix::one("Remove the trailing comma", Edit::delete(comma))),
                    );
                }
                return Some(comma);
            }
            t if *t == closer => {}
            Tok::Eof | Tok::RBrace | Tok::RBrack => {}
            _ if self.starts_value() => {
                let at = self.prev_end;
                self.err(
                    Diagnostic::error(Code::JsonMissingComma, Span::at(at), "Missing comma between two items.")
                        .with_fix(Fix::one("Insert ,", Edit::insert(at, ","))),
                );
            }
            _ => {
                let s = self.span;
                let c = match self.tok {
                    Tok::Bad(c) => c,
                    Tok::Colon => ':',
                    _ => '?',
                };
                self.err(Diagnostic::error(
                    Code::JsonUnexpectedToken,
                    s,
                    format!(
                        "Unexpected {c}: expected a comma or the end of the {}.",
                        if closer == Tok::RBrace { "object" } else { "array" }
                    ),
                ));
                self.bump();
            }
        }
        None
    }

    fn array(&mut self, depth: usize) -> Node {
        let (_, open) = self.bump();
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
                        items.push(v);
                    }
                    self.after_item(Tok::RBrack);
                }
                _ => {
                    let s = self.span;
                    self.err(Diagnostic::error(Code::JsonUnexpectedToken, s, "Expected a value or ] here."));
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
        // Small objects (every real payload) compare pairwise; big ones use a map.
        let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let small = members.len() <= 32;
        for (i, m) in members.iter().enumerate() {
            let earlier = if small {
                members[..i].iter().position(|e| e.key == m.key)
            } else {
                seen.get(m.key.as_str()).copied()
            };
            if let Some(first) = earlier {
                let earlier = &members[first];
                let d = Diagnostic::warning(
                    Code::JsonDuplicateKey,
                    m.key_span,
                    format!("\"{}\" appears twice: the server keeps only this last value.", m.key),
                )
                .with_fix(Fix::one(
                    "Remove the earlier one",
                    Edit::delete(remove_member_span(self.lx.bytes, members, first, earlier)),
                ));
                self.err(d);
            }
            if !small {
                seen.insert(&m.key, i);
            }
        }
    }
}

/// The span that removes member `i` (with its comma and, when it stands alone, its line).
pub fn remove_member_span(bytes: &[u8], members: &[Member], i: usize, m: &Member) -> Span {
    let span = m.span();
    match m.comma {
        Some(c) => line_aware(bytes, span.start, c.end),
        None if i > 0 => match members[i - 1].comma {
            Some(prev) => Span::new(prev.start, span.end),
            None => span,
        },
        None => line_aware(bytes, span.start, span.end),
    }
}

/// An edit that adds `"key": value_json` to the object `obj` after member `after` (default: its
/// last member), matching the indentation of the member it follows.
pub fn insert_member_edit(text: &str, obj: &Node, after: Option<&Member>, key: &str, value_json: &str) -> Edit {
    let key_json = serde_json::to_string(key).unwrap_or_else(|_| format!("\"{key}\""));
    let after = after.or_else(|| obj.members().and_then(<[Member]>::last));
    match after {
        Some(m) => {
            let pos = m.key_span.start;
            let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
            let before = &text[line_start..pos];
            let sep =
                if before.chars().all(|c| c == ' ' || c == '\t') { format!(",\n{before}") } else { ", ".to_owned() };
            Edit::insert(m.span().end, format!("{sep}{key_json}: {value_json}"))
        }
        None => Edit::insert(obj.span.start + 1, format!("\n  {key_json}: {value_json}\n")),
    }
}

/// Widens `start..end` to whole lines when only blanks surround it.
pub fn line_aware(bytes: &[u8], start: usize, end: usize) -> Span {
    let mut s = start;
    while s > 0 && matches!(bytes[s - 1], b' ' | b'\t') {
        s -= 1;
    }
    let mut e = end;
    while e < bytes.len() && matches!(bytes[e], b' ' | b'\t' | b'\r') {
        e += 1;
    }
    if (s == 0 || bytes[s - 1] == b'\n') && e < bytes.len() && bytes[e] == b'\n' {
        Span::new(s, e + 1)
    } else {
        Span::new(start, end)
    }
}

/// Parses `text` tolerantly. Never panics; linear time; bounded recursion.
pub fn parse(text: &str) -> Parsed {
    let mut lx = Lexer::new(text);
    let mut pre = Vec::new();
    if text.starts_with('\u{feff}') {
        lx.pos = 3;
        pre.push(
            Diagnostic::warning(
                Code::JsonBom,
                Span::new(0, 3),
                "The text starts with an invisible byte-order mark (BOM).",
            )
            .with_fix(Fix::one("Remove the BOM", Edit::delete(Span::new(0, 3)))),
        );
    }
    let (tok, span) = lx.next();
    let mut p = Parser { lx, tok, span, prev_end: span.start, too_deep_reported: false };
    p.lx.diags.splice(0..0, pre);
    if p.tok == Tok::Eof {
        p.err(Diagnostic::error(
            Code::JsonEmpty,
            Span::at(p.span.start),
            "The payload is empty: it must be a JSON object { … }.",
        ));
        return Parsed { root: None, diagnostics: p.lx.diags };
    }
    let root = p.value(0);
    if root.is_none() {
        let s = p.span;
        p.err(Diagnostic::error(Code::JsonUnexpectedToken, s, "The payload must start with { (a JSON object)."));
    }
    // Anything after the first value.
    let root = match root {
        Some(r) => Some(r),
        None => {
            // Skip junk until a value starts, then take it as the root.
            while p.tok != Tok::Eof && !p.starts_value() {
                p.bump();
            }
            p.value(0)
        }
    };
    if p.tok != Tok::Eof {
        let start = p.span.start;
        let mut last_end = p.span.end;
        while p.tok != Tok::Eof {
            if matches!(p.tok, Tok::LBrace | Tok::LBrack) {
                p.skip_deep(false);
            } else {
                p.bump();
            }
            last_end = p.prev_end.max(last_end);
        }
        let cut = root.as_ref().map_or(start, |r| r.span.end);
        p.err(
            Diagnostic::error(
                Code::JsonTrailingContent,
                Span::new(start, last_end),
                "More text after the end of the JSON value: a payload is exactly one object.",
            )
            .with_fix(Fix::one("Remove everything after the object", Edit::delete(Span::new(cut, last_end)))),
        );
    }
    let mut diagnostics = p.lx.diags;
    super::diag::sort_stable_by_key(&mut diagnostics, |d| [d.span.start, d.span.end, 0]);
    Parsed { root, diagnostics }
}
