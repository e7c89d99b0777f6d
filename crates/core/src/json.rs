//! JSON text written from values: string literals, one-line values for edits, and the pretty form of
//! the presets — the same bytes `serde_json` writes, without its serializer, and from [`Json`], not
//! `serde_json::Value`: the page's form and presets build these, so neither serde_json's serializer
//! nor its `Value` (an `IndexMap` with its clone and drop code) is in the page's first load. The
//! server's answers (read in parts loaded later) come through `Json::from(&Value)`.

use serde_json::Value;

/// A JSON value to write; objects keep their members' order.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number as it is written (`1`, `-0.25`).
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl From<bool> for Json {
    fn from(b: bool) -> Json {
        Json::Bool(b)
    }
}

impl From<i64> for Json {
    fn from(n: i64) -> Json {
        Json::Num(n.to_string())
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::Str(s.to_owned())
    }
}

impl From<String> for Json {
    fn from(s: String) -> Json {
        Json::Str(s)
    }
}

impl From<Vec<String>> for Json {
    fn from(items: Vec<String>) -> Json {
        Json::Arr(items.into_iter().map(Json::Str).collect())
    }
}

impl From<&Value> for Json {
    fn from(v: &Value) -> Json {
        match v {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            // serde_json's own `Display` of a number (integers, and floats as it writes them) — not
            // core's float formatting.
            Value::Number(n) => Json::Num(n.to_string()),
            Value::String(s) => Json::Str(s.clone()),
            Value::Array(items) => Json::Arr(items.iter().map(Json::from).collect()),
            Value::Object(map) => Json::Obj(map.iter().map(|(k, v)| (k.clone(), Json::from(v))).collect()),
        }
    }
}

/// Appends `s` as a JSON string literal, escaped as `serde_json` escapes it (`\"`, `\\`, `\n`, `\r`,
/// `\t`, `\b`, `\f`, other control characters as `\u00XX`; everything else as is).
pub fn push_quoted(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if esc.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
        } else {
            out.push_str(esc);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// `s` as a JSON string literal.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_quoted(&mut out, s);
    out
}

/// One-line JSON for a value, with `, ` between items and `: ` after keys, so an inline array or
/// object reads well in the editor.
pub fn inline(v: &Json) -> String {
    let mut out = String::new();
    write_value(&mut out, v, None, 0);
    out
}

/// Pretty JSON (two-space indent, one member or item per line), as `serde_json::to_string_pretty`.
pub fn pretty(v: &Json) -> String {
    let mut out = String::new();
    write_value(&mut out, v, Some("  "), 0);
    out
}

fn newline(out: &mut String, indent: &str, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str(indent);
    }
}

fn write_value(out: &mut String, v: &Json, indent: Option<&str>, depth: usize) {
    match v {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Num(n) => out.push_str(n),
        Json::Str(s) => push_quoted(out, s),
        Json::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                before_item(out, indent, depth, i);
                write_value(out, item, indent, depth + 1);
            }
            close(out, indent, depth, items.is_empty(), ']');
        }
        Json::Obj(map) => {
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                before_item(out, indent, depth, i);
                push_quoted(out, k);
                out.push_str(": ");
                write_value(out, item, indent, depth + 1);
            }
            close(out, indent, depth, map.is_empty(), '}');
        }
    }
}

/// Before item `i` of a container: `,` and a new indented line (pretty), or `, ` (inline).
fn before_item(out: &mut String, indent: Option<&str>, depth: usize, i: usize) {
    match indent {
        Some(ind) => {
            if i > 0 {
                out.push(',');
            }
            newline(out, ind, depth + 1);
        }
        None if i > 0 => out.push_str(", "),
        None => {}
    }
}

/// A container's closing bracket, on a line of its own when pretty and not empty.
fn close(out: &mut String, indent: Option<&str>, depth: usize, empty: bool, bracket: char) {
    if let (Some(ind), false) = (indent, empty) {
        newline(out, ind, depth);
    }
    out.push(bracket);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The writer gives serde_json's bytes: strings with every escape, numbers, nesting, empties.
    #[test]
    fn writes_what_serde_json_writes() {
        let samples = [
            json!("plain"),
            json!("quote \" backslash \\ slash / nl \n cr \r tab \t bs \u{8} ff \u{c} nul \u{0} us \u{1f} del \u{7f} é ção 😀"),
            json!(0),
            json!(-42),
            json!(u64::MAX),
            json!(1.5),
            json!(-0.25),
            json!(3.0),
            json!(true),
            json!(null),
            json!([]),
            json!({}),
            json!(["a", 1, [], {}, [true, null]]),
            json!({"instanceName": "loja", "webhook": {"url": "https://h", "events": ["A", "B"], "byEvents": false}, "n": 1}),
        ];
        for v in samples {
            let j = Json::from(&v);
            assert_eq!(pretty(&j), serde_json::to_string_pretty(&v).unwrap(), "{v}");
            let compact = serde_json::to_string(&v).unwrap();
            // inline() is serde's compact form with a space after each `,` and `:` outside strings.
            let parsed: Value = serde_json::from_str(&inline(&j)).unwrap();
            assert_eq!(parsed, v);
            if !compact.contains('"') {
                assert_eq!(inline(&j), compact.replace(',', ", ").replace(':', ": "));
            }
        }
        assert_eq!(inline(&Json::from(&json!({"a": [1, 2], "b": "x"}))), r#"{"a": [1, 2], "b": "x"}"#);
        // What the page builds: the conversions give the values serde_json would hold.
        let built = Json::Obj(vec![
            ("n".into(), Json::from(-7i64)),
            ("s".into(), Json::from("a\"b")),
            ("b".into(), Json::from(true)),
            ("l".into(), Json::from(vec!["X".to_owned()])),
        ]);
        assert_eq!(built, Json::from(&json!({"n": -7, "s": "a\"b", "b": true, "l": ["X"]})));
        assert_eq!(quote("a\"b"), serde_json::to_string("a\"b").unwrap());
    }
}
