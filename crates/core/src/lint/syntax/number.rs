//! Number literals: the JSON grammar and the repair of what people write instead (hex, `+1`, `.5`…).

use super::lexer::{Lexer, Tok};
use crate::lint::code::Code;
use crate::lint::diag::{Diagnostic, Fix, Span};
use crate::lint::span::Edit;
use crate::msg;
use crate::msg::keys::lint as t;

impl Lexer<'_> {
    #[inline(never)]
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
            self.num = value_of(raw);
            return (Tok::Num, span);
        }
        let (value, fix) = repair_number(raw);
        let mut d = Diagnostic::error(Code::JsonInvalidNumber, span, msg!(t::invalid_number, raw));
        if let Some(fixed) = fix {
            d = d.with_fix(Fix::one(msg!(t::fix_write_as, &fixed), Edit::replace(span, fixed)));
        }
        self.diags.push(d);
        self.num = value;
        (Tok::Num, span)
    }
}

/// The value of a JSON number (`is_json_number` holds). Exact — the correctly rounded `f64`, as
/// `str::parse` gives — when the digits fit in 2^53 and the decimal exponent in ±22 (Clinger's fast
/// path: one exact multiplication or division), which covers what payloads hold (ids, ports, counts,
/// flags, short decimals); beyond that within a few units in the last place, which no rule can tell
/// apart (the very top of the range may round up to infinity). `str::parse::<f64>` would add its ~6 KB of code to the page for those last bits.
pub(crate) fn value_of(s: &str) -> f64 {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];
    let b = s.as_bytes();
    let neg = b.first() == Some(&b'-');
    let mut i = usize::from(neg);
    let (mut mantissa, mut exp10, mut exact) = (0u64, 0i64, true);
    let mut digit = |d: u8, after_point: bool| {
        // `mantissa * 10 + d` fits in a u64 (what `checked_mul`/`checked_add` say, without the
        // 128-bit multiplication `checked_mul` is on wasm32).
        const MAX_10: u64 = u64::MAX / 10;
        let d = u64::from(d - b'0');
        match mantissa < MAX_10 || mantissa == MAX_10 && d <= u64::MAX % 10 {
            true => {
                mantissa = mantissa * 10 + d;
                exp10 -= i64::from(after_point);
            }
            // Digits past u64's reach only scale the value (and make it inexact).
            false => {
                exact = false;
                exp10 += i64::from(!after_point);
            }
        }
    };
    let mut point = false;
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => digit(c, point),
            b'.' => point = true,
            _ => break,
        }
        i += 1;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let e = &s[i + 1..];
        let (eneg, digits) = match e.as_bytes().first() {
            Some(b'-') => (true, &e[1..]),
            Some(b'+') => (false, &e[1..]),
            _ => (false, e),
        };
        let e = digits.bytes().fold(0i64, |a, d| a.saturating_mul(10).saturating_add(i64::from(d - b'0')));
        exp10 = exp10.saturating_add(if eneg { -e } else { e });
    }
    let m = mantissa as f64;
    let v = if exact && mantissa < (1 << 53) && exp10.unsigned_abs() < 23 {
        let p = POW10[exp10.unsigned_abs() as usize];
        if exp10 < 0 {
            m / p
        } else {
            m * p
        }
    } else if mantissa == 0 {
        0.0
    } else {
        // In two halves, so that a value near the ends of the range does not overflow on the way.
        let e = exp10.clamp(-800, 800) as i32;
        m * 10f64.powi(e / 2) * 10f64.powi(e - e / 2)
    };
    if neg {
        -v
    } else {
        v
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
        (value_of(&candidate), Some(candidate))
    } else {
        (f64::NAN, None)
    }
}

#[cfg(test)]
mod tests {
    use super::value_of;

    /// The fast path gives `str::parse`'s exact value; the rest is within a few ulps.
    #[test]
    fn values_match_the_standard_parse() {
        let exact = [
            "0",
            "-0",
            "1",
            "-1",
            "0.5",
            "1.5",
            "0.1",
            "-0.25",
            "3.0",
            "123456789",
            "5511999999999",
            "9007199254740991",
            "1e3",
            "1E+3",
            "2.5e-3",
            "1e22",
            "1e-22",
            "4.35",
            "0.000001",
            "65535",
            "1.0000001",
        ];
        for s in exact {
            assert_eq!(value_of(s).to_bits(), s.parse::<f64>().unwrap().to_bits(), "{s}");
        }
        let near = [
            "1e23",
            "1.5e300",
            "-4.2e-250",
            "12345678901234567890",
            "3.141592653589793238462643",
            "1e-300",
            "9007199254740993",
        ];
        for s in near {
            let (a, b) = (value_of(s), s.parse::<f64>().unwrap());
            assert!(((a - b) / b).abs() < 1e-12, "{s}: {a} vs {b}");
        }
        assert_eq!(value_of("1e999"), f64::INFINITY);
        assert_eq!(value_of("0e999"), 0.0);
        assert_eq!(value_of("1e-999"), 0.0);
    }
}
