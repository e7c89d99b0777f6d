//! String literals: double- or single-quoted, escapes, raw control characters, unterminated strings.

use super::lexer::{Lexer, Tok};
use crate::lint::code::Code;
use crate::lint::diag::{Diagnostic, Fix, Span};
use crate::lint::span::Edit;
use crate::msg;
use crate::msg::keys::lint as t;

impl Lexer<'_> {
    #[inline(never)]
    pub(super) fn string(&mut self, quote: u8) -> (Tok, Span) {
        let start = self.pos;
        let text = self.text;
        let mut i = start + 1;
        self.buf.clear();
        self.decoded = true;
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
                self.buf.push_str(&text[seg..i]);
                if single {
                    requoted.push_str(&text[seg..i]);
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
                    let mut keep = self.buf.len().saturating_sub(i - end);
                    while !self.buf.is_char_boundary(keep) {
                        keep -= 1;
                    }
                    self.buf.truncate(keep);
                }
                let i = stop;
                self.pos = i;
                let q = char::from(quote).to_string();
                self.diags.push(
                    Diagnostic::error(
                        Code::JsonUnterminatedString,
                        Span::new(start, i),
                        msg!(t::unterminated_string, &q),
                    )
                    .with_fix(Fix::one(msg!(t::fix_close_string, &q), Edit::insert(end, q))),
                );
                return (Tok::Str, Span::new(start, i));
            }
            let c = self.bytes[i];
            if c == quote {
                if seg == start + 1 {
                    // Nothing decoded: the value is the text between the quotes.
                    self.raw = (seg, i);
                    self.decoded = false;
                } else {
                    self.buf.push_str(&text[seg..i]);
                }
                if single {
                    requoted.push_str(&text[seg..i]);
                    requoted.push('"');
                }
                self.pos = i + 1;
                let span = Span::new(start, self.pos);
                if single {
                    self.diags.push(
                        Diagnostic::error(Code::JsonSingleQuote, span, t::single_quote)
                            .with_fix(Fix::one(t::fix_double_quotes, Edit::replace(span, requoted))),
                    );
                }
                return (Tok::Str, span);
            }
            if c == b'"' {
                // A double quote inside a single-quoted string must be escaped once requoted.
                self.buf.push_str(&text[seg..i]);
                requoted.push_str(&text[seg..i]);
                requoted.push_str("\\\"");
                self.buf.push('"');
                i += 1;
                seg = i;
                continue;
            }
            if c < 0x20 {
                self.buf.push_str(&text[seg..i]);
                if single {
                    requoted.push_str(&text[seg..i]);
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
                        msg!(t::control_char, &format!("{c:04X}"), &esc),
                    )
                    .with_fix(Fix::one(msg!(t::fix_escape_as, &esc), Edit::replace(Span::new(i, i + 1), esc.clone()))),
                );
                self.buf.push(char::from(c));
                if single {
                    requoted.push_str(&esc);
                }
                i += 1;
                seg = i;
                continue;
            }
            // Backslash escape.
            self.buf.push_str(&text[seg..i]);
            if single {
                requoted.push_str(&text[seg..i]);
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
                    self.buf.push(decoded);
                    if single {
                        requoted.push_str(&text[esc_start..esc_start + len]);
                    }
                    esc_start + len
                }
                None if e == b'\'' && single => {
                    self.buf.push('\'');
                    requoted.push('\'');
                    esc_start + 2
                }
                None => {
                    let ch = self.text[i + 1..].chars().next().unwrap_or(' ');
                    let raw = Span::new(esc_start, i + 1 + ch.len_utf8());
                    let (title, replacement) = if ch == '\'' {
                        (t::fix_drop_backslash, "'".to_owned())
                    } else {
                        (t::fix_escape_backslash, format!("\\\\{ch}"))
                    };
                    self.diags.push(
                        Diagnostic::error(
                            Code::JsonInvalidEscape,
                            raw,
                            msg!(t::invalid_escape, ch.encode_utf8(&mut [0; 4])),
                        )
                        .with_fix(Fix::one(title, Edit::replace(raw, replacement.clone()))),
                    );
                    self.buf.push(ch);
                    if single {
                        requoted.push_str(&replacement);
                    }
                    raw.end
                }
            };
            seg = i;
        }
    }
}
