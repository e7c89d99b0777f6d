//! Number literals: the JSON grammar and the repair of what people write instead (hex, `+1`, `.5`…).

use super::lexer::{Lexer, Tok};
use crate::i18n::fill;
use crate::lint::code::Code;
use crate::lint::diag::{Diagnostic, Fix, Span};
use crate::lint::text::Edit;

impl Lexer<'_> {
    pub(super) fn number(&mut self) -> (Tok, Span) {
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
        let mut d = Diagnostic::error(Code::JsonInvalidNumber, span, fill(self.t.invalid_number, &[raw]));
        if let Some(fixed) = fix {
            d = d.with_fix(Fix::one(fill(self.t.fix_write_as, &[&fixed]), Edit::replace(span, fixed)));
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
