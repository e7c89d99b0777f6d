//! The edits the builder, the rules and the migration share to add or remove an object member while
//! keeping the formatting: above the syntax tree (the leaf `span.rs` has [`Edit`] and [`apply_edits`]).

pub use super::span::{apply_edits, Edit, Span};
use super::syntax::{Member, Node};

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
    let key_json = crate::json::quote(key);
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
