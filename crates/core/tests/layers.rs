//! The layers of evo-core, read from its sources: what a module may import.
//!
//! - `lint/span.rs` is the leaf: spans, edits, line index — it imports nothing of the crate.
//! - No circle among sibling modules, at any level (`crate::`, `super::`, `self::` and child-module
//!   paths read from the sources, to the module named and through re-exports to the defining file).
//! - `fields` and `lint` name no catalogue (their messages are `msg::keys`, rendered at the edge).

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

// ---- The module graph: every `crate::`, `super::`, `self::` and child-module path of the sources ----

use std::collections::{BTreeMap, BTreeSet};

/// One source file: its module path (`lint::syntax::parser`; `""` for lib.rs), the paths it names
/// (absolute, as segments), and the names it re-exports (`pub use`: name → absolute path).
struct File {
    module: Vec<String>,
    paths: Vec<Vec<String>>,
    exports: BTreeMap<String, Vec<String>>,
    children: BTreeSet<String>,
}

fn module_of(rel: &Path) -> Vec<String> {
    let mut segs: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
    let last = segs.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        segs.push(stem.to_owned());
    }
    segs
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file: comments out, string literals blanked, the tests module (`#[cfg(test)]`
/// and after) out.
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap();
    let mut out = String::with_capacity(text.len());
    let b: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            '/' if b.get(i + 1) == Some(&'/') => {
                while i < b.len() && b[i] != '\n' {
                    i += 1;
                }
            }
            '/' if b.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            '"' => {
                i += 1;
                while i < b.len() && b[i] != '"' {
                    if b[i] == '\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                out.push_str("\"\"");
            }
            // A char literal ('x', '\n'); a lifetime ('a) is left alone.
            '\'' if b.get(i + 2) == Some(&'\'') || (b.get(i + 1) == Some(&'\\')) => {
                i += 1;
                while i < b.len() && b[i] != '\'' {
                    if b[i] == '\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                out.push_str("' '");
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `a::b::{c, d::{e, f as g}, self}` → (path, name it is known by) for each leaf.
fn use_tree(tree: &str, prefix: &[String], out: &mut Vec<(Vec<String>, String)>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let mut base = prefix.to_vec();
        base.extend(tree[..open].split("::").map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned));
        let inner = &tree[open + 1..tree.rfind('}').unwrap()];
        let (mut depth, mut start) = (0, 0);
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    use_tree(&inner[start..i], &base, out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        use_tree(&inner[start..], &base, out);
        return;
    }
    if tree.is_empty() {
        return;
    }
    let (path, alias) = match tree.split_once(" as ") {
        Some((p, a)) => (p.trim(), Some(a.trim().to_owned())),
        None => (tree, None),
    };
    let mut segs = prefix.to_vec();
    segs.extend(path.split("::").map(str::trim).map(str::to_owned));
    if segs.last().is_some_and(|s| s == "self") {
        segs.pop();
    }
    let name = alias.unwrap_or_else(|| segs.last().cloned().unwrap_or_default());
    out.push((segs, name));
}

/// `segs` as written in module `module` (of a file whose child modules are `children`), made
/// absolute; `None` for an outside crate (`std::`, `serde::`…).
fn absolute(module: &[String], children: &BTreeSet<String>, segs: &[String]) -> Option<Vec<String>> {
    let mut base: Vec<String> = module.to_vec();
    let mut rest = segs;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            rest = &rest[1..];
        }
        Some("self") => rest = &rest[1..],
        Some("super") => {
            while rest.first().is_some_and(|s| s == "super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        Some(first) if children.contains(first) => {}
        _ => return None,
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

fn read_files() -> BTreeMap<Vec<String>, File> {
    let mut paths = Vec::new();
    rs_files(&src(), &mut paths);
    let mut files = BTreeMap::new();
    for p in paths {
        let module = module_of(p.strip_prefix(src()).unwrap());
        let code = code_of(&std::fs::read_to_string(&p).unwrap());
        let children: BTreeSet<String> = code
            .split(';')
            .filter_map(|s| {
                let s = s.trim().rsplit('\n').next()?.trim();
                let s = s.strip_prefix("pub ").or(s.strip_prefix("pub(crate) ")).unwrap_or(s);
                let name = s.strip_prefix("mod ")?;
                name.chars().all(is_ident).then(|| name.to_owned())
            })
            .collect();
        let mut file = File { module: module.clone(), paths: Vec::new(), exports: BTreeMap::new(), children };
        // `use` statements (re-exports when `pub`).
        let mut rest = code.as_str();
        while let Some(i) = rest.find("use ") {
            let before = &rest[..i];
            let at_start = before.chars().last().is_none_or(|c| !is_ident(c));
            let after = &rest[i + 4..];
            let end = after.find(';').unwrap_or(after.len());
            if at_start && !before.trim_end().ends_with('$') {
                let public = before.trim_end().ends_with("pub") || before.trim_end().ends_with(')');
                let mut leaves = Vec::new();
                use_tree(&after[..end], &[], &mut leaves);
                for (segs, name) in leaves {
                    if let Some(abs) = absolute(&module, &file.children, &segs) {
                        if public {
                            file.exports.insert(name, abs.clone());
                        }
                        file.paths.push(abs);
                    }
                }
                rest = &after[end..];
            } else {
                rest = after;
            }
        }
        // Paths in the code: `crate::a::b`, `super::a`, `child::f`.
        let chars: Vec<char> = code.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if is_ident(chars[i]) && (i == 0 || !(is_ident(chars[i - 1]) || chars[i - 1] == '$' || chars[i - 1] == ':'))
            {
                let mut segs = Vec::new();
                let mut j = i;
                loop {
                    let s = j;
                    while j < chars.len() && is_ident(chars[j]) {
                        j += 1;
                    }
                    segs.push(chars[s..j].iter().collect::<String>());
                    if chars.get(j) == Some(&':')
                        && chars.get(j + 1) == Some(&':')
                        && chars.get(j + 2).is_some_and(|c| is_ident(*c))
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
                if segs.len() > 1 {
                    if let Some(abs) = absolute(&module, &file.children, &segs) {
                        file.paths.push(abs);
                    }
                }
                i = j.max(i + 1);
            } else {
                i += 1;
            }
        }
        files.insert(module, file);
    }
    files
}

/// The file that defines what `path` names: the deepest file module on it, through re-exports.
fn resolve(files: &BTreeMap<Vec<String>, File>, path: &[String], depth: usize) -> Vec<String> {
    let mut cur: Vec<String> = Vec::new();
    for (i, seg) in path.iter().enumerate() {
        let mut next = cur.clone();
        next.push(seg.clone());
        if files.contains_key(&next) {
            cur = next;
            continue;
        }
        if depth < 8 {
            if let Some(target) = files.get(&cur).and_then(|f| f.exports.get(seg)) {
                let mut full = target.clone();
                full.extend(path[i + 1..].iter().cloned());
                return resolve(files, &full, depth + 1);
            }
        }
        break;
    }
    cur
}

/// Every file → file edge: to the module a path names (`rules::RuleOptions` names `rules`) and to
/// the file that defines it (through re-exports: `options`), itself out. Test files (`tests.rs`,
/// only compiled for tests) are out.
fn file_edges() -> BTreeSet<(Vec<String>, Vec<String>)> {
    let files = read_files();
    let mut edges = BTreeSet::new();
    for f in files.values().filter(|f| f.module.last().is_none_or(|m| m != "tests")) {
        for p in &f.paths {
            for to in [resolve(&files, p, 8), resolve(&files, p, 0)] {
                if to != f.module {
                    edges.insert((f.module.clone(), to));
                }
            }
        }
    }
    edges
}

/// The circles among sibling modules, at every level: an edge from a file in `a::x…` to one in
/// `a::y…` is an edge `x → y` among `a`'s children (a module's own file — its `mod.rs`, its
/// facade — and its children are not siblings). Each circle as its members, `a::{x, y}`.
fn circles() -> Vec<String> {
    let mut graphs: BTreeMap<Vec<String>, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for (from, to) in file_edges() {
        let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
        if common == from.len() || common == to.len() {
            continue;
        }
        graphs
            .entry(from[..common].to_vec())
            .or_default()
            .entry(from[common].clone())
            .or_default()
            .insert(to[common].clone());
    }
    let mut out = Vec::new();
    for (parent, g) in graphs {
        // Strongly connected components with more than one member (Kosaraju, small graphs).
        let reach = |start: &String| {
            let mut seen = BTreeSet::new();
            let mut stack = vec![start.clone()];
            while let Some(n) = stack.pop() {
                for m in g.get(&n).into_iter().flatten() {
                    if seen.insert(m.clone()) {
                        stack.push(m.clone());
                    }
                }
            }
            seen
        };
        let mut done = BTreeSet::new();
        for n in g.keys() {
            if done.contains(n) {
                continue;
            }
            let from_n = reach(n);
            let comp: BTreeSet<String> = from_n.iter().filter(|m| *m == n || reach(m).contains(n)).cloned().collect();
            if comp.len() > 1 && from_n.contains(n) {
                done.extend(comp.iter().cloned());
                let p = if parent.is_empty() { String::new() } else { format!("{}::", parent.join("::")) };
                out.push(format!("{p}{{{}}}", comp.into_iter().collect::<Vec<_>>().join(", ")));
            }
        }
    }
    out
}

#[test]
fn no_module_circle() {
    let found = circles();
    assert!(found.is_empty(), "module circles in evo-core (break them):\n{}", found.join("\n"));
}

/// `fields` and `lint` name no catalogue: their messages are keys (`msg::keys`), rendered at the edge.
#[test]
fn fields_and_lint_import_no_catalogue() {
    let files = read_files();
    let mut found = Vec::new();
    for f in files.values().filter(|f| matches!(f.module.first().map(String::as_str), Some("fields" | "lint"))) {
        for p in &f.paths {
            let to = resolve(&files, p, 0);
            let direct = p.first().is_some_and(|s| s == "i18n");
            let text = to.first().is_some_and(|s| s == "i18n") && !to.ends_with(&["key".to_owned()]);
            // A key names its message only (`msg::keys::lint::x` is defined beside the English
            // text, and loads none): only a path that names `i18n` itself counts.
            if direct || (text && !p.iter().any(|s| s == "keys")) {
                found.push(format!("{} → {}", f.module.join("::"), p.join("::")));
            }
        }
    }
    assert!(found.is_empty(), "fields/lint import the catalogues:\n{}", found.join("\n"));
}

#[test]
fn the_graph_sees_circles_and_paths() {
    assert_eq!(module_of(Path::new("lint/syntax/mod.rs")), ["lint", "syntax"]);
    assert_eq!(module_of(Path::new("lib.rs")), Vec::<String>::new());
    let mut leaves = Vec::new();
    use_tree("super::{a, b::{c as d, self}}", &[], &mut leaves);
    let names: Vec<&str> = leaves.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["a", "d", "b"]);
    assert_eq!(code_of("let a = \"crate::x\"; // super::y\ncrate::z"), "let a = \"\"; \ncrate::z");
    // The known layers hold: the span leaf is reached from the rest of lint, and nothing of lint
    // reaches the page's i18n catalogue files directly.
    let edges = file_edges();
    let seg = |s: &str| s.split("::").map(str::to_owned).collect::<Vec<_>>();
    assert!(edges.contains(&(seg("lint::diag"), seg("lint::span"))), "lint::diag → lint::span");
    assert!(edges.contains(&(seg("render"), seg("msg"))), "render → msg");
}

/// The file graph, for a look: `cargo test -p evo-core --test layers print_edges -- --ignored --nocapture`.
#[test]
#[ignore]
fn print_edges() {
    for (a, b) in file_edges() {
        println!("{} -> {}", a.join("::"), b.join("::"));
    }
}
