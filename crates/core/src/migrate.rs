//! Migration between the profiles (1.x ⇄ 2.x), driven by the field table's counterparts, as text
//! edits: members that only change their name keep their value's text (and the comments in it),
//! untouched members stay as written, and every change is listed with its reason. What cannot carry
//! over is named in a note, never dropped silently.

use crate::builder::to_inline_json;
use crate::fields::{Convert, Field, Need, Profile, Role, Ty};
use crate::json::Json;
use crate::lint::syntax::{self, Kind, Member, Node};
use crate::lint::text::{insert_member_edit, remove_member_span};
use crate::lint::{apply_edits, v2::with_scheme, Edit};
use crate::msg;
use crate::msg::keys::{answers as a, doctor};
use crate::msg::Msg;

/// Why a text cannot be migrated (worded by `crate::render`: `message(lang)`, `Display` in English).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrateError {
    NotAnObject,
}

impl MigrateError {
    /// What went wrong, as a message.
    pub fn msg(&self) -> Msg {
        match self {
            MigrateError::NotAnObject => doctor::migrate_not_object.into(),
        }
    }
}

impl std::error::Error for MigrateError {}

/// What a note says happened to a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// Renamed or moved, value unchanged.
    Renamed,
    /// The value was converted (number → string, a scheme added, event names fixed).
    Converted,
    /// Added to keep the old behaviour or because the new server requires it.
    Added,
    /// Cannot carry over: removed, with where to set it instead.
    Dropped,
    /// Carried over, but the behaviour changes.
    Warning,
}

impl NoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NoteKind::Renamed => "renamed",
            NoteKind::Converted => "converted",
            NoteKind::Added => "added",
            NoteKind::Dropped => "dropped",
            NoteKind::Warning => "warning",
        }
    }
}

/// One change made by a migration, with its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub kind: NoteKind,
    /// The field it is about (its name in the source, or the added one).
    pub key: String,
    /// Why, rendered at the edge (`crate::render`).
    pub message: Msg,
}

/// The migrated text and what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    pub text: String,
    pub notes: Vec<Note>,
}

/// One value on its way to the target: its target path and its JSON text.
struct Entry {
    path: String,
    json: String,
}

/// What becomes of one source member.
enum Plan {
    Keep,
    /// Only the key changes (value text and its comments stay).
    Rename(String),
    /// Becomes these entries (grouped into target members when rendered).
    Entries(Vec<Entry>),
    Drop,
}

struct Migrator<'a> {
    text: &'a str,
    from: Profile,
    to: Profile,
    notes: Vec<Note>,
}

fn note(notes: &mut Vec<Note>, kind: NoteKind, key: &str, message: Msg) {
    notes.push(Note { kind, key: key.to_owned(), message });
}

/// The first segment of a target path: the top-level member it lands in.
fn head(path: &str) -> &str {
    path.split('.').next().unwrap_or(path)
}

impl<'a> Migrator<'a> {
    fn raw(&self, v: &Node) -> &'a str {
        &self.text[v.span.start..v.span.end]
    }

    /// A value's JSON text after converting it for the target.
    fn convert(&mut self, key: &str, v: &Node, how: Convert, target: &Field) -> String {
        let raw = self.raw(v).to_owned();
        match (how, &v.kind) {
            (Convert::ToString, Kind::Number(_)) if self.to == Profile::V2 || target.ty == Ty::Str => {
                let s = crate::json::quote(&raw);
                let msg = msg!(a::note_number_to_string, key, &raw, &s, target.key, self.to.id());
                note(&mut self.notes, NoteKind::Converted, key, msg);
                s
            }
            (Convert::ToString, Kind::String(s))
                if self.to == Profile::V1
                    && !s.is_empty()
                    && s.bytes().all(|b| b.is_ascii_digit())
                    && target.ty != Ty::Str =>
            {
                note(&mut self.notes, NoteKind::Converted, key, msg!(a::note_string_to_number, key, s));
                s.to_string()
            }
            (Convert::EnsureScheme, Kind::String(s)) => {
                let fixed = with_scheme(s);
                if fixed != *s {
                    note(&mut self.notes, NoteKind::Converted, key, msg!(a::note_scheme_added, key, s, &fixed));
                }
                crate::json::quote(&fixed)
            }
            _ if target.ty == Ty::Events => self.events(key, v).unwrap_or(raw),
            _ => raw,
        }
    }

    /// An events list for the target: upper-cased, names the target does not know dropped. `None`
    /// when the text can stay as written.
    fn events(&mut self, key: &str, v: &Node) -> Option<String> {
        let items = v.items()?;
        let known = self.to.events();
        let mut out: Vec<Json> = Vec::new();
        let mut changed = false;
        for item in items {
            let Some(name) = item.as_str() else {
                out.push(Json::from(self.raw(item)));
                continue;
            };
            let upper = name.to_ascii_uppercase().replace(['.', '-', ' '], "_");
            if known.contains(&upper.as_str()) {
                if upper != name {
                    changed = true;
                    note(&mut self.notes, NoteKind::Converted, key, msg!(a::note_event_upper, key, name, &upper));
                }
                out.push(Json::from(upper));
            } else {
                changed = true;
                note(&mut self.notes, NoteKind::Dropped, key, msg!(a::note_event_unknown, key, name, self.to.label()));
            }
        }
        changed.then(|| to_inline_json(&Json::Arr(out)))
    }

    /// What to do with one top-level member of the source.
    fn plan(&mut self, m: &Member) -> Plan {
        let Some(v) = &m.value else { return Plan::Keep };
        let key = m.key.as_str();
        let Some(f) = self.from.field(key).filter(|f| f.role == Role::Normal) else {
            return self.plan_unknown(m, v);
        };
        if f.ty == Ty::Object && v.members().is_some() {
            let mut entries = Vec::new();
            for c in v.members().unwrap_or_default() {
                let Some(cv) = &c.value else { continue };
                let path = format!("{key}.{}", c.key);
                match self.from.field(&path).and_then(|cf| cf.other.map(|o| (cf, o))) {
                    Some((_, (to, how))) => {
                        let target = self.to.field(to).expect("table: counterparts exist");
                        let json = self.convert(&path, cv, how, target);
                        entries.push(Entry { path: to.to_owned(), json });
                    }
                    None => note(
                        &mut self.notes,
                        NoteKind::Dropped,
                        &path,
                        msg!(a::note_no_counterpart, &path, self.to.label()),
                    ),
                }
            }
            return Plan::Entries(entries);
        }
        let Some((to, how)) = f.other else {
            let template = match f.group {
                crate::fields::Group::Typebot => a::note_no_counterpart_typebot,
                _ => a::note_no_counterpart,
            };
            note(&mut self.notes, NoteKind::Dropped, key, msg!(template, key, self.to.label()));
            return Plan::Drop;
        };
        let target = self.to.field(to).expect("table: counterparts exist");
        if f.ty == Ty::Integration {
            if let Some(s) = v.as_str().filter(|s| !crate::fields::integrations(self.to).contains(s)) {
                note(&mut self.notes, NoteKind::Dropped, key, msg!(a::note_integration_unknown, s, self.to.label()));
                return Plan::Drop;
            }
        }
        let json = self.convert(key, v, how, target);
        if to.contains('.') || json != self.raw(v) || target.ty == Ty::Object {
            if to != key {
                note(&mut self.notes, NoteKind::Renamed, key, msg!(a::note_renamed, key, to));
            }
            return Plan::Entries(vec![Entry { path: to.to_owned(), json }]);
        }
        if to == key {
            return Plan::Keep;
        }
        note(&mut self.notes, NoteKind::Renamed, key, msg!(a::note_renamed, key, to));
        Plan::Rename(to.to_owned())
    }

    /// A key the source profile does not list: kept as is, unless the target's table says where it
    /// belongs (the seed's `webhookByEvents`, a 2.x trap key, the other profile's own names).
    fn plan_unknown(&mut self, m: &Member, v: &Node) -> Plan {
        let key = m.key.as_str();
        if let Some(Role::Trap { use_instead }) =
            self.to.field(key).map(|f| f.role).or_else(|| self.from.field(key).map(|f| f.role))
        {
            let target = self.to.field(use_instead).or_else(|| self.from.field(use_instead));
            if let Some(t) = target.filter(|t| self.to.field(t.key).is_some()) {
                let json = self.convert(key, v, Convert::Same, t);
                note(&mut self.notes, NoteKind::Warning, key, msg!(a::note_trap, key, t.key, self.from.id()));
                return Plan::Entries(vec![Entry { path: t.key.to_owned(), json }]);
            }
        }
        if self.to.field(key).is_none() {
            note(&mut self.notes, NoteKind::Warning, key, msg!(a::note_unknown_key, key));
        }
        Plan::Keep
    }
}

/// Indentation of the line `pos` is on, when only blanks stand before it.
fn indent_at(text: &str, pos: usize) -> Option<&str> {
    let start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[start..pos];
    before.chars().all(|c| c == ' ' || c == '\t').then_some(before)
}

/// Renders target members: a nested path group becomes an object.
fn render(groups: &[(String, Vec<Entry>)], indent: Option<&str>) -> String {
    let (sep, inner, close) = match indent {
        Some(i) => (format!(",\n{i}"), format!("\n{i}  "), format!("\n{i}")),
        None => (", ".to_owned(), String::new(), String::new()),
    };
    let members: Vec<String> = groups
        .iter()
        .map(|(head, entries)| {
            let key = crate::json::quote(head);
            if entries.len() == 1 && entries[0].path == *head {
                return format!("{key}: {}", entries[0].json);
            }
            let children: Vec<String> = entries
                .iter()
                .map(|e| format!("{}: {}", crate::json::quote(e.path.rsplit('.').next().unwrap_or(&e.path)), e.json))
                .collect();
            let child_sep = if indent.is_some() { format!(",{inner}") } else { ", ".to_owned() };
            format!("{key}: {{{inner}{}{close}}}", children.join(&child_sep))
        })
        .collect();
    members.join(&sep)
}

fn root_of(text: &str) -> Result<Node, MigrateError> {
    match syntax::parse(text).root {
        Some(r) if r.members().is_some() => Ok(r),
        _ => Err(MigrateError::NotAnObject),
    }
}

/// The signature of [`migrate`], for a caller that loads it on first use.
pub type Migrate = fn(&str, Profile, Profile) -> Result<Migration, MigrateError>;

/// Migrates `text` from profile `from` to profile `to`, with a note (a message, rendered at the
/// edge) for every change.
pub fn migrate(text: &str, from: Profile, to: Profile) -> Result<Migration, MigrateError> {
    let root = root_of(text)?;
    if from == to {
        return Ok(Migration { text: text.to_owned(), notes: Vec::new() });
    }
    let members = root.members().unwrap_or_default();
    let mut mg = Migrator { text, from, to, notes: Vec::new() };
    let plans: Vec<Plan> = members.iter().map(|m| mg.plan(m)).collect();

    // Group entries by the top-level target member they land in; each group is written where
    // its first source member stood.
    let mut groups: Vec<(usize, String, Vec<Entry>)> = Vec::new();
    for (i, plan) in plans.iter().enumerate() {
        if let Plan::Entries(entries) = plan {
            for e in entries {
                let h = head(&e.path).to_owned();
                match groups.iter_mut().find(|(_, g, _)| *g == h) {
                    Some((_, _, list)) => list.push(Entry { path: e.path.clone(), json: e.json.clone() }),
                    None => groups.push((i, h, vec![Entry { path: e.path.clone(), json: e.json.clone() }])),
                }
            }
        }
    }
    complete_groups(&mut groups, &mut mg.notes, to);

    let mut edits = Vec::new();
    let mut removals = Vec::new();
    for (i, (m, plan)) in members.iter().zip(&plans).enumerate() {
        match plan {
            Plan::Keep => {}
            Plan::Drop => removals.push(i),
            Plan::Rename(k) => edits.push(Edit::replace(m.key_span, crate::json::quote(k))),
            Plan::Entries(_) => {
                let mine: Vec<(String, Vec<Entry>)> = groups
                    .iter_mut()
                    .filter(|(at, _, _)| *at == i)
                    .map(|(_, h, list)| (h.clone(), std::mem::take(list)))
                    .filter(|(_, list)| !list.is_empty())
                    .collect();
                if mine.is_empty() {
                    removals.push(i);
                } else {
                    let span = crate::lint::Span::new(m.key_span.start, m.span().end);
                    edits.push(Edit::replace(span, render(&mine, indent_at(text, m.key_span.start))));
                }
            }
        }
    }
    // Removals first would shift the other edits: apply the in-place edits, then remove members
    // from the last to the first (each on the current text), then add what is missing.
    let (mut out, _) = apply_edits(text, &edits);
    let removed_keys: Vec<&str> = removals.iter().map(|&i| members[i].key.as_str()).collect();
    for key in removed_keys.iter().rev() {
        let root = root_of(&out)?;
        let ms = root.members().unwrap_or_default();
        if let Some(j) = ms.iter().rposition(|m| m.key == *key) {
            out = apply_edits(&out, &[Edit::delete(remove_member_span(out.as_bytes(), ms, j, &ms[j]))]).0;
        }
    }
    out = add_missing(out, from, to, &mut mg.notes)?;
    Ok(Migration { text: out, notes: mg.notes })
}

/// Target objects must be whole: a webhook without events gets `[]` (1.x silently dropped such a
/// webhook), a sink without events or a webhook without a URL is dropped as the old server did.
fn complete_groups(groups: &mut [(usize, String, Vec<Entry>)], notes: &mut Vec<Note>, to: Profile) {
    for (_, head, entries) in groups.iter_mut() {
        let Some(obj) = to.field(head).filter(|f| f.ty == Ty::Object) else { continue };
        let has = |name: &str| entries.iter().any(|e| e.path == format!("{head}.{name}"));
        let required: Vec<&'static Field> = to.children(obj.key).filter(|f| f.need == Need::WithParent).collect();
        if head == "webhook" && !has("url") {
            note(notes, NoteKind::Dropped, head, a::note_webhook_without_url.into());
            entries.clear();
            continue;
        }
        if head == "webhook" && !has("events") {
            entries.push(Entry { path: "webhook.events".into(), json: "[]".into() });
            note(notes, NoteKind::Added, "webhook.events", a::note_webhook_events_added.into());
            continue;
        }
        if required.iter().any(|f| f.ty == Ty::Events && !has(f.name())) {
            note(notes, NoteKind::Dropped, head, msg!(a::note_without_events, head.as_str()));
            entries.clear();
        }
    }
}

/// Fields the target needs that the source did not have: a required one with a default
/// (`integration`), the Chatwoot path's required booleans, and old defaults that differ.
fn add_missing(mut out: String, from: Profile, to: Profile, notes: &mut Vec<Note>) -> Result<String, MigrateError> {
    let root = root_of(&out)?;
    let has = |k: &str| root.get(k).is_some();
    let mut adds: Vec<(&'static str, String, Msg)> = Vec::new();
    for f in to.children("") {
        if has(f.key) || f.role != Role::Normal {
            continue;
        }
        if f.need == Need::Required {
            if let Some(d) = f.default {
                adds.push((f.key, d.to_owned(), msg!(a::note_required_added, f.key, to.label())));
            }
            continue;
        }
        let chatwoot_on = to.fields().iter().filter(|g| g.need == Need::Trio).all(|g| has(g.key));
        if f.need == Need::Chatwoot && chatwoot_on {
            adds.push((f.key, "false".into(), msg!(a::note_chatwoot_added, f.key)));
            continue;
        }
        // An old default that differs from the new one keeps the old behaviour.
        let old = from.fields().iter().find(|g| g.other.map(|o| o.0) == Some(f.key));
        if let (Some(old), Some(new_default)) = (old, f.default) {
            if let Some(d) = old.default.filter(|d| *d != new_default && f.group != crate::fields::Group::Chatwoot) {
                adds.push((
                    f.key,
                    d.to_owned(),
                    msg!(a::note_old_default, f.key, d, from.id(), from.label(), to.id(), new_default),
                ));
            }
        }
    }
    for (key, json, why) in adds {
        let root = root_of(&out)?;
        let after = root.get("instanceName").filter(|_| key == "integration");
        out = apply_edits(&out, &[insert_member_edit(&out, &root, after, key, &json)]).0;
        note(notes, NoteKind::Added, key, why);
    }
    Ok(out)
}
