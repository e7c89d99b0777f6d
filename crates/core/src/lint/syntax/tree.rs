//! The syntax tree: [`Node`] (a value with its span), its [`Kind`], and an object's [`Member`]s;
//! the span that removes a member (the parser's duplicate-key fix; `text.rs` re-exports it).

use crate::lint::span::Span;
use crate::msg::keys::lint as t;
use crate::own::Str;

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
    String(Str),
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

    /// The value's type as messages name it ("a string", "an array"…).
    pub fn type_name(&self) -> crate::msg::Key {
        match self.kind {
            Kind::Object(_) => t::type_object,
            Kind::Array(_) => t::type_array,
            Kind::String(_) => t::type_string,
            Kind::Number(_) => t::type_number,
            Kind::Bool(_) => t::type_boolean,
            Kind::Null => t::type_null,
            Kind::Invalid => t::type_invalid,
        }
    }
}

/// `"key": value` in an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: Str,
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
