//! The layers of evo-core, read from its sources: what a module may import.
//!
//! - `lint/span.rs` is the leaf: spans, edits, line index — it imports nothing of the crate.

use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The lines of `text` that are code (comments and doc comments out).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())).filter(|(_, l)| !l.starts_with("//"))
}

/// Where `text` names the crate or a sibling module (`crate::`, `super::`, `self::` paths).
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    code_lines(text)
        .filter(|(_, l)| ["crate::", "super::", "$crate::"].iter().any(|p| l.contains(p)))
        .map(|(n, l)| (n, l.to_owned()))
        .collect()
}

#[test]
fn the_span_leaf_imports_nothing_of_the_crate() {
    let text = std::fs::read_to_string(src().join("lint/span.rs")).unwrap();
    // The tests module may `use super::*` (itself): only the code above it counts.
    let code = text.split("#[cfg(test)]").next().unwrap();
    assert_eq!(crate_paths(code), Vec::<(usize, String)>::new(), "lint/span.rs must stay a leaf");
}

#[test]
fn the_checker_sees_an_import() {
    assert_eq!(crate_paths("// crate::x\nuse crate::fields::Field;\n").len(), 1);
    assert_eq!(crate_paths("pub use super::span::Span;").len(), 1);
}
