//! `--format sarif`: one SARIF 2.1.0 log with one run, for code-scanning uploads.

use std::collections::BTreeSet;

use evo_core::fields::Profile;
use evo_core::i18n::Lang;
use evo_core::lint::{Code, Diagnostic, LineIndex, Severity, Span};
use evo_core::render::render;
use serde_json::{json, Value};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Results gathered file by file; `finish` writes the log.
#[derive(Default)]
pub struct Sarif {
    artifacts: Vec<Value>,
    results: Vec<Value>,
    codes: BTreeSet<Code>,
}

/// The artifact URI of a file name: `stdin` for standard input, `file://` for an absolute path,
/// otherwise the relative path; percent-encoded.
pub fn uri_of(file: &str) -> String {
    if file == "-" {
        return "stdin".into();
    }
    let mut out = String::from(if file.starts_with('/') { "file://" } else { "" });
    for b in file.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A 1-based region; columns count Unicode code points (`columnKind`), the end column is the
/// one after the last character (an empty region marks an insertion point).
fn region(idx: &LineIndex, span: Span) -> Value {
    let (start_line, start_column) = idx.position(span.start);
    let (end_line, end_column) = idx.position(span.end);
    json!({"startLine": start_line, "startColumn": start_column, "endLine": end_line, "endColumn": end_column})
}

impl Sarif {
    /// One linted file, with the profile its rules came from.
    pub fn file(&mut self, file: &str, profile: Profile, idx: &LineIndex, diagnostics: &[Diagnostic], lang: Lang) {
        let uri = uri_of(file);
        let index = self.artifacts.len();
        self.artifacts.push(json!({"location": {"uri": uri}, "properties": {"profile": profile.id()}}));
        for d in diagnostics {
            self.codes.insert(d.code);
            let location =
                |span| json!({"artifactLocation": {"uri": uri, "index": index}, "region": region(idx, span)});
            let mut result = json!({
                "ruleId": d.code.as_str(),
                "level": level(d.severity),
                "message": {"text": render(&d.message, lang)},
                "locations": [{"physicalLocation": location(d.span)}],
            });
            // The field it is about, as its rule named it (a dotted key path of the payload).
            if let Some(field) = d.field {
                result["locations"][0]["logicalLocations"] =
                    json!([{"fullyQualifiedName": field, "name": field.rsplit('.').next(), "kind": "member"}]);
            }
            if let Some(fix) = &d.fix {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|e| json!({"deletedRegion": region(idx, e.span), "insertedContent": {"text": e.replacement}}))
                    .collect();
                result["fixes"] = json!([{
                    "description": {"text": render(&fix.title, lang)},
                    "artifactChanges": [{"artifactLocation": {"uri": uri, "index": index}, "replacements": replacements}],
                }]);
            }
            self.results.push(result);
        }
    }

    pub fn finish(self) -> Value {
        let rules: Vec<Code> = self.codes.into_iter().collect();
        let mut results = self.results;
        for r in &mut results {
            let id = r["ruleId"].as_str().and_then(Code::parse);
            if let Some(i) = rules.iter().position(|c| Some(*c) == id) {
                r["ruleIndex"] = i.into();
            }
        }
        let rules: Vec<Value> = rules
            .iter()
            .map(|c| {
                let tag = if c.is_syntax() { "json-syntax" } else { "evolution-api" };
                json!({"id": c.as_str(), "properties": {"tags": [tag]}})
            })
            .collect();
        json!({
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "evo-lint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }},
                "columnKind": "unicodeCodePoints",
                "artifacts": self.artifacts,
                "results": results,
            }],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri_of("-"), "stdin");
        assert_eq!(uri_of("dir/my file.json"), "dir/my%20file.json");
        assert_eq!(uri_of("/tmp/ç.json"), "file:///tmp/%C3%A7.json");
    }

    #[test]
    fn results_carry_rules_levels_regions_and_fixes() {
        let text = "{\n  \"a\": True\n}";
        let idx = LineIndex::new(text);
        use evo_core::msg::keys::lint;
        let title = evo_core::msg!(lint::fix_write, "true");
        let fix = evo_core::lint::Fix::one(title, evo_core::lint::Edit::replace(Span::new(9, 13), "true"));
        let d = Diagnostic::error(Code::JsonPythonLiteral, Span::new(9, 13), lint::missing_comma).with_fix(fix);
        let n = Diagnostic::info(Code::Unused, Span::new(0, 1), lint::missing_colon);
        let mut s = Sarif::default();
        s.file("p.json", Profile::V1, &idx, &[d, n], Lang::En);
        let log = s.finish();
        let run = &log["runs"][0];
        assert_eq!(run["tool"]["driver"]["rules"].as_array().unwrap().len(), 2);
        let r = &run["results"][0];
        assert_eq!((r["ruleId"].as_str(), r["level"].as_str()), (Some("json/python-literal"), Some("error")));
        assert_eq!(run["results"][1]["level"], "note");
        assert_eq!(
            r["locations"][0]["physicalLocation"]["region"],
            json!({"startLine": 2, "startColumn": 8, "endLine": 2, "endColumn": 12})
        );
        assert_eq!(r["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"], "true");
        // Messages and fix titles rendered in the language asked for.
        assert_eq!(r["message"]["text"], "Missing comma between two items.");
        assert_eq!(r["fixes"][0]["description"]["text"], "Write true");
        let rule = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(run["tool"]["driver"]["rules"][rule]["id"], "json/python-literal");
    }
}
