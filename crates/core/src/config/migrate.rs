//! §11: a configuration body from one generation to the other, as text edits (the approach of
//! `crate::migrate`): keys renamed in place, values converted where they must be, then the shape
//! changed — the 2.x webhook and sinks wrapped in their name, the proxy flattened or nested — with
//! the members' own text (and comments) kept. Every change is a [`Note`].

use super::Endpoint;
use crate::fields::{Convert, Field, Profile, Ty};
use crate::json::quote;
use crate::lint::syntax::{self, Kind, Member, Node};
use crate::lint::text::{insert_member_edit, remove_member_span};
use crate::lint::{apply_edits, v2::with_scheme, Edit, Span};
use crate::migrate::{MigrateError, Migration, Note, NoteKind};
use crate::msg;
use crate::msg::keys::{answers as a, lint_config as c};
use crate::msg::Msg;

fn root_of(text: &str) -> Result<Node, MigrateError> {
    match syntax::parse(text).root {
        Some(r) if r.members().is_some() => Ok(r),
        _ => Err(MigrateError::NotAnObject),
    }
}

struct Mg<'a> {
    text: &'a str,
    endpoint: Endpoint,
    from: Profile,
    to: Profile,
    notes: Vec<Note>,
    edits: Vec<Edit>,
    /// Members to remove (by path), after the in-place edits.
    removals: Vec<String>,
}

impl Mg<'_> {
    fn note(&mut self, kind: NoteKind, key: &str, message: Msg) {
        self.notes.push(Note { kind, key: key.to_owned(), message });
    }

    fn raw(&self, v: &Node) -> &str {
        &self.text[v.span.start..v.span.end]
    }

    /// Renames and converts the members of the object at `parent` (source paths).
    fn members(&mut self, parent: &str, members: &[Member]) {
        // The names the known members will have in the target.
        let targets: Vec<(&'static str, String)> = members
            .iter()
            .filter_map(|m| {
                let path = if parent.is_empty() { m.key.to_string() } else { format!("{parent}.{}", m.key) };
                let to = self.endpoint.field(self.from, &path)?.other?.0;
                Some((self.endpoint.field(self.to, to)?.name(), path))
            })
            .collect();
        for m in members {
            let path = if parent.is_empty() { m.key.to_string() } else { format!("{parent}.{}", m.key) };
            let Some(f) = self.endpoint.field(self.from, &path) else {
                if let Some((_, by)) = targets.iter().find(|(name, _)| *name == m.key) {
                    // The other generation's own name next to the one renamed into it.
                    self.note(NoteKind::Dropped, &path, msg!(c::mig_duplicate, &path, by));
                    self.removals.push(path);
                    continue;
                }
                self.note(NoteKind::Warning, &path, msg!(a::note_unknown_key, &path));
                continue;
            };
            let Some(v) = &m.value else { continue };
            if f.ty == Ty::Object {
                if let Some(inner) = v.members() {
                    self.members(&path, inner);
                }
                continue;
            }
            let Some((to_path, how)) = f.other else {
                self.note(NoteKind::Dropped, &path, msg!(a::note_no_counterpart, &path, self.to.label()));
                self.removals.push(path);
                continue;
            };
            let target = self.endpoint.field(self.to, to_path).expect("config tables: counterparts exist");
            if target.name() != m.key {
                self.edits.push(Edit::replace(m.key_span, quote(target.name())));
                self.note(NoteKind::Renamed, &path, msg!(a::note_renamed, &path, &to_path));
            }
            if let Some(json) = self.convert(&path, v, how, f, target) {
                self.edits.push(Edit::replace(v.span, json));
            }
        }
    }

    /// A value's new text, when it changes.
    fn convert(&mut self, path: &str, v: &Node, how: Convert, f: &Field, target: &Field) -> Option<String> {
        let raw = self.raw(v).to_owned();
        match (&v.kind, how) {
            (Kind::Number(_), Convert::ToString) => {
                let s = quote(&raw);
                self.note(
                    NoteKind::Converted,
                    path,
                    msg!(a::note_number_to_string, path, &raw, &s, target.key, self.to.id()),
                );
                Some(s)
            }
            (Kind::String(s), Convert::EnsureScheme) => {
                let fixed = with_scheme(s);
                (fixed != *s).then(|| {
                    self.note(NoteKind::Converted, path, msg!(a::note_scheme_added, path, s, &fixed));
                    quote(&fixed)
                })
            }
            (Kind::String(s), _) if f.ty == Ty::Bool && target.strict => {
                // A 1.x flag written as a string acted by JavaScript truthiness.
                let b = if s.is_empty() { "false" } else { "true" };
                self.note(NoteKind::Warning, path, msg!(c::mig_truthy, path, s, b));
                Some(b.to_owned())
            }
            (Kind::Number(n), _) if f.ty == Ty::Int && n.fract() != 0.0 && self.to == Profile::V2 => {
                let whole = n.trunc().to_string();
                self.note(NoteKind::Converted, path, msg!(c::mig_whole, path, &raw, &whole));
                Some(whole)
            }
            (Kind::String(s), _)
                if self.endpoint == Endpoint::Proxy && f.name() == "protocol" && self.to == Profile::V2 =>
            {
                let lower = s.to_ascii_lowercase();
                let to = if lower.starts_with("socks") { "socks" } else { "http" };
                (lower != to).then(|| {
                    self.note(NoteKind::Converted, path, msg!(c::mig_protocol, s, to));
                    quote(to)
                })
            }
            (Kind::Array(items), _) if f.ty == Ty::Events => self.events(path, items),
            _ => None,
        }
    }

    fn events(&mut self, path: &str, items: &[Node]) -> Option<String> {
        let known = self.to.events();
        let mut out = Vec::new();
        let mut changed = false;
        for item in items {
            let Some(name) = item.as_str() else {
                out.push(self.raw(item).to_owned());
                continue;
            };
            let upper = name.to_ascii_uppercase().replace(['.', '-', ' '], "_");
            if known.contains(&upper.as_str()) {
                if upper != name {
                    changed = true;
                    self.note(NoteKind::Converted, path, msg!(a::note_event_upper, path, name, &upper));
                }
                out.push(quote(&upper));
            } else {
                changed = true;
                self.note(NoteKind::Dropped, path, msg!(a::note_event_unknown, path, name, self.to.label()));
            }
        }
        changed.then(|| format!("[{}]", out.join(", ")))
    }
}

/// Migrates a body of `endpoint` from `from` to `to`, with a note (a message) for every change.
pub fn migrate_config(text: &str, endpoint: Endpoint, from: Profile, to: Profile) -> Result<Migration, MigrateError> {
    if endpoint == Endpoint::Create {
        return crate::migrate::migrate(text, from, to);
    }
    let root = root_of(text)?;
    if from == to {
        return Ok(Migration { text: text.to_owned(), notes: Vec::new() });
    }
    if !endpoint.exists_in(to) {
        let note = Note {
            kind: NoteKind::Dropped,
            key: endpoint.id().into(),
            message: msg!(c::e13, endpoint.id(), endpoint.route()),
        };
        return Ok(Migration { text: text.to_owned(), notes: vec![note] });
    }
    let mut mg = Mg { text, endpoint, from, to, notes: Vec::new(), edits: Vec::new(), removals: Vec::new() };
    mg.members("", root.members().unwrap_or_default());
    let (mut out, _) = apply_edits(text, &mg.edits);
    for path in mg.removals.iter().rev() {
        out = remove_path(&out, path)?;
    }
    let mut notes = mg.notes;
    out = reshape(out, endpoint, to, &mut notes)?;
    Ok(Migration { text: out, notes })
}

/// Removes the member at a (source) path.
fn remove_path(text: &str, path: &str) -> Result<String, MigrateError> {
    let root = root_of(text)?;
    let (parent, key) = path.rsplit_once('.').map_or((None, path), |(p, k)| (Some(p), k));
    let obj = match parent {
        Some(p) => root.get(p).and_then(|m| m.value.clone()).unwrap_or(root),
        None => root,
    };
    let ms = obj.members().unwrap_or_default();
    Ok(match ms.iter().rposition(|m| m.key == key) {
        Some(i) => apply_edits(text, &[Edit::delete(remove_member_span(text.as_bytes(), ms, i, &ms[i]))]).0,
        None => text.to_owned(),
    })
}

/// The shape change of §11, after the renames.
fn reshape(text: String, endpoint: Endpoint, to: Profile, notes: &mut Vec<Note>) -> Result<String, MigrateError> {
    let root = root_of(&text)?;
    let wrap_name = match endpoint {
        Endpoint::Webhook => Some("webhook"),
        e if e.is_sink() => Some(e.id()),
        _ => None,
    };
    let mut note = |kind, key: &str, message: Msg| notes.push(Note { kind, key: key.to_owned(), message });
    let mut out = text.clone();
    match (wrap_name, endpoint, to) {
        (Some(name), _, Profile::V2) => {
            let s = root.span;
            out = format!("{}{{{}: {}}}{}", &text[..s.start], quote(name), &text[s.start..s.end], &text[s.end..]);
            note(NoteKind::Converted, name, msg!(c::mig_wrap, name));
            let inner = root_of(&out)?.get(name).and_then(|m| m.value.clone()).ok_or(MigrateError::NotAnObject)?;
            if inner.get("enabled").is_none() {
                out = apply_edits(&out, &[insert_member_edit(&out, &inner, None, "enabled", "true")]).0;
                note(NoteKind::Added, &format!("{name}.enabled"), msg!(c::mig_enabled, name));
            }
            let inner = root_of(&out)?.get(name).and_then(|m| m.value.clone()).ok_or(MigrateError::NotAnObject)?;
            if inner.get("events").is_none() {
                out = apply_edits(&out, &[insert_member_edit(&out, &inner, None, "events", "[]")]).0;
                note(NoteKind::Added, &format!("{name}.events"), a::note_webhook_events_added.into());
            }
        }
        (Some(name), _, Profile::V1) => {
            if let Some(v) = root.get(name).and_then(|m| m.value.as_ref()).filter(|v| v.members().is_some()) {
                for m in root.members().unwrap_or_default().iter().filter(|m| m.key != name) {
                    note(NoteKind::Dropped, &m.key, msg!(c::mig_outside, &m.key, name));
                }
                let s = root.span;
                out = format!("{}{}{}", &text[..s.start], &text[v.span.start..v.span.end], &text[s.end..]);
                note(NoteKind::Converted, name, msg!(c::mig_unwrap, name));
            }
        }
        (None, Endpoint::Proxy, Profile::V2) => {
            if let Some(m) = root.get("proxy") {
                let span = Span::new(m.key_span.start, m.span().end);
                let inner = match &m.value {
                    Some(v) if v.members().is_some_and(|ms| !ms.is_empty()) => {
                        text[v.span.start + 1..v.span.end - 1].trim().to_owned()
                    }
                    _ => "\"host\": \"-\", \"port\": \"-\", \"protocol\": \"-\"".to_owned(),
                };
                out = apply_edits(&text, &[Edit::replace(span, inner)]).0;
                note(NoteKind::Converted, "proxy", c::mig_flatten.into());
            }
        }
        (None, Endpoint::Proxy, Profile::V1) => {
            let ms = root.members().unwrap_or_default();
            let parts: Vec<&Member> = ms
                .iter()
                .filter(|m| matches!(m.key.as_str(), "host" | "port" | "protocol" | "username" | "password"))
                .collect();
            if let Some(first) = parts.first() {
                let body: Vec<&str> = parts.iter().map(|m| &text[m.key_span.start..m.span().end]).collect();
                let member = format!("\"proxy\": {{{}}}", body.join(", "));
                out = apply_edits(&text, &[Edit::replace(Span::new(first.key_span.start, first.span().end), member)]).0;
                for m in parts.iter().skip(1).rev() {
                    out = remove_path(&out, &m.key)?;
                }
                note(NoteKind::Converted, "proxy", c::mig_nest.into());
            }
        }
        _ => {}
    }
    Ok(out)
}
