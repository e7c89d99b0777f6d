//! Tokens, whitespace and comments. String literals are read in `string.rs`, numbers in `number.rs`.

use crate::lint::code::Code;
use crate::lint::diag::{Diagnostic, Fix, Span};
use crate::lint::span::Edit;
use crate::msg::keys::lint as t;

/// A token. A string's value stays in the lexer ([`Lexer::string_value`]) until the next token, so
/// tokens are small copies and a string is allocated once, at its exact length, by the node that keeps it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Tok {
    LBrace,
    RBrace,
    LBrack,
    RBrack,
    Colon,
    Comma,
    Str,
    /// Its value is [`Lexer::num`] (a token stays one byte).
    Num,
    Word,
    Bad(char),
    Eof,
}

pub(super) struct Lexer<'a> {
    pub(super) text: &'a str,
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
    pub(super) diags: Vec<Diagnostic>,
    /// The last string token's value: `text[raw.0..raw.1]` as written, or `buf` when `decoded`
    /// (escapes, repairs); `buf` is reused from string to string.
    pub(super) raw: (usize, usize),
    pub(super) decoded: bool,
    pub(super) buf: String,
    /// The last number token's value.
    pub(super) num: f64,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

fn is_word_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b == b'$'
}

impl<'a> Lexer<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Lexer {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            diags: Vec::new(),
            raw: (0, 0),
            decoded: false,
            buf: String::new(),
            num: 0.0,
        }
    }

    /// The value of the string token just read (in place when short, else an exactly sized `String`).
    pub(super) fn string_value(&self) -> super::Str {
        super::Str::new(if self.decoded { &self.buf } else { &self.text[self.raw.0..self.raw.1] })
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

    /// Comments (and the blanks between them) from a `/` on. Not inlined: [`Lexer::next`] stays
    /// small, its own loops what every token runs through.
    #[inline(never)]
    fn skip_comments(&mut self) {
        loop {
            let (bytes, mut pos) = (self.bytes, self.pos);
            while pos < bytes.len() && matches!(bytes[pos], b' ' | b'\t' | b'\n' | b'\r') {
                pos += 1;
            }
            self.pos = pos;
            if bytes.get(pos) != Some(&b'/') {
                return;
            }
            let start = self.pos;
            match self.bytes.get(self.pos + 1) {
                Some(b'/') => {
                    let end =
                        self.bytes[start..].iter().position(|&b| b == b'\n').map_or(self.bytes.len(), |n| start + n);
                    let end = if end > start && self.bytes[end - 1] == b'\r' { end - 1 } else { end };
                    self.pos = end;
                    let d = Diagnostic::error(Code::JsonComment, Span::new(start, end), t::line_comment)
                        .with_fix(Fix::one(t::fix_remove_comment, Edit::delete(self.removal(start, end))));
                    self.diags.push(d);
                }
                Some(b'*') => {
                    let close = self.text[start + 2..].find("*/").map(|n| start + 2 + n + 2);
                    let end = close.unwrap_or(self.bytes.len());
                    self.pos = end;
                    let msg = if close.is_some() { t::block_comment } else { t::unclosed_comment };
                    let d = Diagnostic::error(Code::JsonComment, Span::new(start, end), msg)
                        .with_fix(Fix::one(t::fix_remove_comment, Edit::delete(self.removal(start, end))));
                    self.diags.push(d);
                }
                _ => return,
            }
        }
    }

    /// Next token and its span.
    pub(super) fn next(&mut self) -> (Tok, Span) {
        // Blanks, in locals: a store to `self.pos` would make every turn reload `self.bytes`.
        let bytes = self.bytes;
        let mut start = self.pos;
        while start < bytes.len() && matches!(bytes[start], b' ' | b'\t' | b'\n' | b'\r') {
            start += 1;
        }
        self.pos = start;
        if bytes.get(start) == Some(&b'/') {
            self.skip_comments();
            start = self.pos;
        }
        let Some(&b) = bytes.get(start) else {
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
            b'"' => {
                // Most strings: no escape, no control character, closed on the line. Anything
                // else is read again by `string`.
                let mut i = start + 1;
                while i < bytes.len() && !matches!(bytes[i], b'"' | b'\\' | 0..0x20) {
                    i += 1;
                }
                if bytes.get(i) == Some(&b'"') {
                    self.raw = (start + 1, i);
                    self.decoded = false;
                    self.pos = i + 1;
                    return (Tok::Str, Span::new(start, i + 1));
                }
                self.string(b)
            }
            b'\'' => self.string(b),
            b'-' | b'+' | b'.' | b'0'..=b'9' => self.number(),
            0xe2 if self.text[start..].starts_with(CURLY_OPEN) => self.curly_string(),
            _ if is_word_start(b) || b >= 0x80 && self.text[start..].chars().next().is_some_and(starts_word) => {
                let (bytes, mut pos) = (self.bytes, self.pos);
                while pos < bytes.len() && is_word_byte(bytes[pos]) {
                    pos += 1;
                }
                self.pos = pos;
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
}

/// Curly quotes a string may be pasted with (a chat app or word processor "smartened" it).
const CURLY_OPEN: [char; 4] = ['\u{201c}', '\u{201d}', '\u{2018}', '\u{201e}'];
const CURLY_CLOSE: [char; 5] = ['\u{201d}', '\u{201c}', '\u{2019}', '\u{2018}', '"'];

impl Lexer<'_> {
    /// A string in curly quotes (`“instanceName”`): read as the string it was meant to be, with an
    /// error and a fix that writes it with straight quotes. Without a closing quote on the same line
    /// the opening one is an unexpected character.
    fn curly_string(&mut self) -> (Tok, Span) {
        let start = self.pos;
        let open = self.text[start..].chars().next().map_or(3, char::len_utf8);
        let line = &self.text[start + open..];
        let line = &line[..line.find(['\n', '\r']).unwrap_or(line.len())];
        let Some(close) = line.find(CURLY_CLOSE) else {
            self.pos = start + open;
            return (Tok::Bad(self.text[start..].chars().next().unwrap_or('\u{fffd}')), Span::new(start, self.pos));
        };
        let value = &line[..close];
        let end = start + open + close + line[close..].chars().next().map_or(1, char::len_utf8);
        self.pos = end;
        let span = Span::new(start, end);
        self.diags.push(
            Diagnostic::error(Code::JsonSmartQuote, span, t::smart_quote)
                .with_fix(Fix::one(t::fix_straight_quotes, Edit::replace(span, crate::json::quote(value)))),
        );
        self.raw = (start + open, start + open + close);
        self.decoded = false;
        (Tok::Str, span)
    }
}

/// Whether a non-ASCII character starts a bare word (an unquoted key in another script): anything but
/// the punctuation, symbols and spaces people paste (Latin-1 signs, smart quotes, dashes, arrows,
/// CJK and full-width punctuation, emoji). A range check instead of `char::is_alphabetic`, whose
/// Unicode tables the page would otherwise carry.
fn starts_word(c: char) -> bool {
    !matches!(c,
        '\u{80}'..='\u{bf}' | '\u{d7}' | '\u{f7}' | '\u{2000}'..='\u{2bff}' | '\u{3000}'..='\u{303f}'
        | '\u{fe00}'..='\u{fe6f}' | '\u{feff}' | '\u{ff00}'..='\u{ff20}' | '\u{ff3b}'..='\u{ff40}'
        | '\u{ff5b}'..='\u{ff65}' | '\u{fff0}'..='\u{ffff}' | '\u{1f000}'..)
}

#[cfg(test)]
mod tests {
    use super::starts_word;
    use crate::lint::{lint, Code, LintOptions};

    #[test]
    fn letters_of_any_script_start_a_bare_word_punctuation_does_not() {
        for c in ['ç', 'ã', 'ï', 'é', 'ß', 'Ω', 'ж', '名', 'ä'] {
            assert!(starts_word(c), "{c}");
        }
        for c in ['\u{a0}', '«', '×', '÷', '“', '”', '‘', '’', '—', '…', '→', '、', '「', '，', '\u{feff}', '😀']
        {
            assert!(!starts_word(c), "{c:?}");
        }
        // An unquoted key in Portuguese is one word, quoted by the fix.
        let r = lint("{ ação: 1 }", &LintOptions::default());
        let d = r.diagnostics.iter().find(|d| d.code == Code::JsonUnquotedKey).expect("unquoted key");
        assert_eq!(&"{ ação: 1 }"[d.span.start..d.span.end], "ação");
    }

    /// Curly quotes pasted from a chat app: the strings they meant, one error each, and fix-all
    /// gives straight-quoted JSON; an opening curly quote alone on its line stays an error.
    #[test]
    fn curly_quoted_strings_are_read_and_fixed() {
        let text = "{ \u{201c}instanceName\u{201d}: \u{201c}loja\u{201d}, \u{2018}qrcode\u{2019}: true, \u{201e}token\u{201c}: \"t\" }";
        let r = lint(text, &LintOptions::default());
        let smart: Vec<_> = r.diagnostics.iter().filter(|d| d.code == Code::JsonSmartQuote).collect();
        assert_eq!(smart.len(), 4, "{:?}", r.diagnostics);
        // The keys were read as keys: no unknown-key or missing-name noise.
        assert!(
            !r.diagnostics.iter().any(|d| matches!(d.code, Code::UnknownKey | Code::Required)),
            "{:?}",
            r.diagnostics
        );
        let (fixed, _) = crate::lint::fix_all(text, &LintOptions::default());
        assert_eq!(fixed, r#"{ "instanceName": "loja", "qrcode": true, "token": "t" }"#);
        let r = lint("{ \u{201c}instanceName: 1 }", &LintOptions::default());
        assert!(r.diagnostics.iter().any(|d| d.code == Code::JsonUnexpectedToken));
    }
}
