//! The edits the builder, the rules and the migration share to add or remove an object member while
//! keeping the formatting: above the syntax tree (the leaf `span.rs` has [`Edit`] and [`apply_edits`]).

pub use super::span::{apply_edits, Edit, Span};
pub use super::syntax::{line_aware, remove_member_span};
use super::syntax::{Member, Node};

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
