//! Node 20's `JSON.parse` messages, as the 2.3.6 server's body parser reports a body that does
//! not parse (recorded: `Expected double-quoted property name in JSON at position 20`). Node 18,
//! behind 1.8.2, words them differently (`crate::evolution::json_parse_error`).

/// What `JSON.parse` (V8 in Node 20, as the 2.3.6 server runs) says about `text`, when it fails.
pub fn node20_json_error(text: &str) -> Option<String> {
    let mut p = V8Json { s: text.as_bytes(), i: 0 };
    let failure = p.value().and_then(|()| {
        p.ws();
        if p.i < p.s.len() {
            Err(Fail::At("Unexpected non-whitespace character after JSON", p.i))
        } else {
            Ok(())
        }
    });
    match failure {
        Ok(()) => None,
        Err(Fail::Eos) => Some("Unexpected end of JSON input".into()),
        Err(Fail::At(m, pos)) => Some(format!("{m} at position {pos}")),
        Err(Fail::Token(pos)) => Some(unexpected_token(text, pos)),
    }
}

enum Fail {
    Eos,
    At(&'static str, usize),
    Token(usize),
}

/// `Unexpected token 'x', "…" is not valid JSON`, with the source cut around the token when long.
fn unexpected_token(text: &str, pos: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let cpos = text[..pos.min(text.len())].chars().count();
    let tok = chars.get(cpos).copied().unwrap_or(' ');
    const CONTEXT: usize = 10;
    if chars.len() == 1 {
        return format!("\"{text}\" is not valid JSON");
    }
    if chars.len() < 2 * CONTEXT + 1 {
        return format!("Unexpected token '{tok}', \"{text}\" is not valid JSON");
    }
    let start = cpos.saturating_sub(CONTEXT);
    let end = (cpos + CONTEXT).min(chars.len());
    let cut: String = chars[start..end].iter().collect();
    let (pre, post) = (if start > 0 { "..." } else { "" }, if end < chars.len() { "..." } else { "" });
    format!("Unexpected token '{tok}', {pre}\"{cut}\"{post} is not valid JSON")
}

struct V8Json<'a> {
    s: &'a [u8],
    i: usize,
}

impl V8Json<'_> {
    fn ws(&mut self) {
        while self.s.get(self.i).is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.s.get(self.i).copied()
    }

    /// A token where the grammar names what it expects: V8 reports that, even at the end.
    fn expect(&mut self, c: u8, message: &'static str) -> Result<(), Fail> {
        if self.peek() == Some(c) {
            self.i += 1;
            Ok(())
        } else {
            Err(Fail::At(message, self.i))
        }
    }

    fn value(&mut self) -> Result<(), Fail> {
        match self.peek() {
            None => Err(Fail::Eos),
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string(),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => {
                for lit in ["true", "false", "null"] {
                    if self.s[self.i..].starts_with(lit.as_bytes()) {
                        self.i += lit.len();
                        return Ok(());
                    }
                }
                Err(Fail::Token(self.i))
            }
        }
    }

    fn object(&mut self) -> Result<(), Fail> {
        self.i += 1;
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(());
        }
        let mut first_message = "Expected property name or '}' in JSON";
        loop {
            if self.peek() != Some(b'"') {
                return Err(Fail::At(first_message, self.i));
            }
            self.string()?;
            self.expect(b':', "Expected ':' after property name in JSON")?;
            self.value()?;
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return Err(Fail::At("Expected ',' or '}' after property value in JSON", self.i)),
            }
            first_message = "Expected double-quoted property name in JSON";
        }
    }

    fn array(&mut self) -> Result<(), Fail> {
        self.i += 1;
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(());
        }
        loop {
            self.value()?;
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return Err(Fail::At("Expected ',' or ']' after array element in JSON", self.i)),
            }
        }
    }

    fn string(&mut self) -> Result<(), Fail> {
        self.i += 1;
        loop {
            match self.s.get(self.i) {
                None => return Err(Fail::At("Unterminated string in JSON", self.i)),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    let ok = match self.s.get(self.i + 1) {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => true,
                        Some(b'u') => {
                            self.s.get(self.i + 2..self.i + 6).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
                        }
                        _ => false,
                    };
                    if !ok {
                        return Err(Fail::At("Bad escaped character in JSON", self.i + 1));
                    }
                    self.i += 2;
                }
                Some(c) if *c < 0x20 => {
                    return Err(Fail::At("Bad control character in string literal in JSON", self.i))
                }
                Some(_) => self.i += 1,
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<(), Fail> {
        if self.s[self.i] == b'-' {
            self.i += 1;
            if self.digits() == 0 {
                return Err(Fail::At("No number after minus sign in JSON", self.i));
            }
        } else {
            self.digits();
        }
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(Fail::At("Unterminated fractional number in JSON", self.i));
            }
        }
        if matches!(self.s.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.s.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(Fail::At("Exponent part is missing a number in JSON", self.i));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node20_messages() {
        let m = |t: &str| node20_json_error(t).unwrap();
        assert_eq!(m(r#"{"rejectCall": true,"#), "Expected double-quoted property name in JSON at position 20");
        assert_eq!(m("{"), "Expected property name or '}' in JSON at position 1");
        assert_eq!(m(r#"{"a":"#), "Unexpected end of JSON input");
        assert_eq!(m(r#"{"a" 1}"#), "Expected ':' after property name in JSON at position 5");
        assert_eq!(m(r#"{"a":1 "#), "Expected ',' or '}' after property value in JSON at position 7");
        assert_eq!(m("[1"), "Expected ',' or ']' after array element in JSON at position 2");
        assert_eq!(m(r#"{"a":"x"#), "Unterminated string in JSON at position 7");
        assert_eq!(m("{} x"), "Unexpected non-whitespace character after JSON at position 3");
        assert_eq!(m(r#"{"a":tru}"#), "Unexpected token 't', \"{\"a\":tru}\" is not valid JSON");
        assert_eq!(node20_json_error(r#"{"a": [1, -2.5e3, "\u00e9"]}"#), None);
    }
}
