//! Reading the input and the human and JSON reports.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::{Read, Write};

use evo_core::i18n::{fill, Lang};
use evo_core::lint::{Diagnostic, LineIndex};
use evo_core::render::render;
use serde_json::{json, Value};

/// A fresh v4 UUID for the token fix-its, from the standard library's random hasher keys.
pub fn fresh_uuid() -> String {
    let mut bytes = [0u8; 16];
    for (i, chunk) in bytes.chunks_mut(8).enumerate() {
        let mut h = RandomState::new().build_hasher();
        h.write_usize(i);
        chunk.copy_from_slice(&h.finish().to_le_bytes());
    }
    evo_core::token::uuid_v4(bytes)
}

/// Reads a file or stdin; invalid UTF-8 becomes U+FFFD, and the offset of the first bad byte.
pub fn read_input(name: &str) -> std::io::Result<(String, Option<usize>)> {
    let mut bytes = Vec::new();
    if name == "-" {
        std::io::stdin().read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(name)?;
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, None)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            Ok((String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at)))
        }
    }
}

/// One diagnostic of `--format json`.
pub fn diag_json(file: &str, idx: &LineIndex, d: &Diagnostic, lang: Lang) -> Value {
    let (line, column) = idx.position(d.span.start);
    let (end_line, end_column) = idx.position(d.span.end);
    let fixes: Vec<Value> = d
        .fix
        .iter()
        .map(|f| {
            let edits: Vec<Value> = f
                .edits
                .iter()
                .map(|e| {
                    let (l, c) = idx.position(e.span.start);
                    let (el, ec) = idx.position(e.span.end);
                    json!({"line": l, "column": c, "end_line": el, "end_column": ec,
                           "start": e.span.start, "end": e.span.end, "replacement": e.replacement})
                })
                .collect();
            json!({"title": render(&f.title, lang), "edits": edits})
        })
        .collect();
    json!({
        "file": file, "line": line, "column": column, "end_line": end_line, "end_column": end_column,
        "severity": d.severity.as_str(), "code": d.code.as_str(), "message": render(&d.message, lang), "fixes": fixes,
    })
}

/// One diagnostic of the human format: the message, the source line and a caret under the span.
pub fn human(file: &str, idx: &LineIndex, d: &Diagnostic, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let (line, col) = idx.position(d.span.start);
    let (end_line, end_col) = idx.position(d.span.end);
    writeln!(out, "{file}:{line}:{col}: {}[{}]: {}", d.severity, d.code, render(&d.message, lang))?;
    let src: String = idx.line_text(line).chars().take(200).collect();
    let width = if end_line == line { end_col.saturating_sub(col).max(1) } else { 1 };
    let pad: String = src.chars().take(col - 1).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
    writeln!(out, "  {src}")?;
    writeln!(out, "  {pad}{}", "^".repeat(width.min(200)))?;
    if let Some(f) = &d.fix {
        writeln!(out, "  {}", fill(crate::i18n::texts(lang).fix, &[&render(&f.title, lang)]))?;
    }
    Ok(())
}
