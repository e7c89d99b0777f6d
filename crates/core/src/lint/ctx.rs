//! What the v1 and v2 rules share: the lookup of members, the type checks driven by the field table,
//! event lists, unknown keys with did-you-mean, placeholders, and the helpers that build fix-its.

use super::code::Code;
use super::diag::{Diagnostic, Fix, Span};
use super::rules::RuleOptions;
use super::suggest::closest;
use super::syntax::{Kind, Member, Node};
use super::text::{insert_member_edit, remove_member_span, Edit};
use crate::fields::{self, Field, Profile, Role, Ty};

pub(super) struct Ctx<'a> {
    pub text: &'a str,
    pub root: &'a Node,
    pub members: &'a [Member],
    pub opts: &'a RuleOptions,
    pub profile: Profile,
    pub out: Vec<Diagnostic>,
}

impl Ctx<'_> {
    /// The shared and 1.x rules' texts in the options' language.
    pub fn t(&self) -> &'static crate::i18n::Lint {
        self.opts.lang.texts().lint
    }

    /// The 2.x rules' texts in the options' language.
    pub fn t2(&self) -> &'static crate::i18n::LintV2 {
        self.opts.lang.texts().lint_v2
    }
}

/// A seed-style `[placeholder]`.
pub fn is_placeholder(s: &str) -> bool {
    s.len() >= 3 && s.starts_with('[') && s.ends_with(']') && !s[1..s.len() - 1].contains(['[', ']'])
}

/// An absolute http(s) URL with a host (any case of the scheme).
pub fn is_http_url(s: &str) -> bool {
    let lower = s.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    let rest = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && !host.starts_with(':') && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A JSON string literal.
pub fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

/// The member `key` of an object's members (the last copy: the one the server keeps).
pub fn member<'a>(members: &'a [Member], key: &str) -> Option<&'a Member> {
    members.iter().rev().find(|m| m.key == key)
}

/// `true`/`false` for a string or 0/1 written where a boolean belongs.
pub fn bool_fix(v: &Node) -> Option<Fix> {
    let b = match &v.kind {
        Kind::String(s) if s.eq_ignore_ascii_case("true") => true,
        Kind::String(s) if s.eq_ignore_ascii_case("false") => false,
        Kind::Number(n) if *n == 1.0 => true,
        Kind::Number(n) if *n == 0.0 => false,
        _ => return None,
    };
    Some(Fix::one(format!("Write {b}"), Edit::replace(v.span, b.to_string())))
}

impl<'a> Ctx<'a> {
    pub fn get(&self, key: &str) -> Option<&'a Member> {
        member(self.members, key)
    }

    pub fn value(&self, key: &str) -> Option<&'a Node> {
        self.get(key)?.value.as_ref()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    /// The raw text of a node.
    pub fn raw(&self, v: &Node) -> &'a str {
        &self.text[v.span.start..v.span.end]
    }

    /// The start of the root object, for diagnostics about a missing field.
    pub fn top(&self) -> Span {
        Span::new(self.root.span.start, self.root.span.start + 1)
    }

    /// An edit that adds `"key": value_json` to the root object, after `after` (or the last member).
    pub fn insert_member(&self, after: Option<&Member>, key: &str, value_json: &str) -> Edit {
        insert_member_edit(self.text, self.root, after, key, value_json)
    }

    /// An edit that removes member `m` of `members` (with its comma).
    pub fn remove(&self, members: &[Member], m: &Member) -> Edit {
        let i = members.iter().position(|x| std::ptr::eq(x, m)).unwrap_or(0);
        Edit::delete(remove_member_span(self.text.as_bytes(), members, i, m))
    }

    /// Checks a value against its field's type. `path` names it in messages (`webhook.url`).
    pub fn check_type(&mut self, m: &'a Member, f: &Field) {
        let Some(v) = &m.value else { return };
        if v.kind == Kind::Invalid {
            return;
        }
        let key = f.key;
        let v2 = self.profile == Profile::V2;
        if v2 && v.kind == Kind::Null {
            self.push(Diagnostic::error(
                Code::Null,
                v.span,
                format!("{key} is null: 2.x treats null as a wrong type, not as absent (400 \"{key} is not of a type(s) {}\"). Remove the field instead.", f.ty.json_type()),
            ).with_fix(Fix::one("Remove it", self.remove(self.members_of(key), m))));
            return;
        }
        // What a wrong type costs: a 400 from the schema (top level), an opaque 400 from the
        // database (nested), or nothing (stored as sent).
        let rejects = |what: &str| {
            if !f.parent().is_empty() {
                format!("{key} must be {what}: the server answers 400 with an opaque database error.")
            } else {
                format!(
                    "{key} must be {what}: the server answers 400 \"{key} is not of a type(s) {}\".",
                    f.ty.json_type()
                )
            }
        };
        match f.ty {
            Ty::Bool => {
                if v.as_bool().is_none() {
                    let what = format!("true or false (a JSON boolean, no quotes), not {}", v.type_name());
                    let d = if f.strict {
                        Diagnostic::error(Code::Type, v.span, rejects(&what))
                    } else {
                        Diagnostic::warning(Code::Type, v.span, format!("{key} should be {what}: the server stores it as sent, and a string like \"false\" counts as on."))
                    };
                    self.push(d.with_fix_opt(bool_fix(v)));
                }
            }
            Ty::Str | Ty::Url => match &v.kind {
                Kind::String(s) => {
                    if let Some(max) = f.max_len {
                        let n = s.chars().count();
                        if n > max as usize {
                            self.push(Diagnostic::error(
                                Code::TooLong,
                                v.span,
                                format!("{key} has {n} characters; the server keeps at most {max} (longer fails with a database error or is silently not saved)."),
                            ));
                        }
                    }
                }
                Kind::Number(_) | Kind::Bool(_) => {
                    let raw = self.raw(v);
                    let msg = if v2 && f.strict {
                        rejects("a string (in double quotes)")
                    } else {
                        format!("{key} must be a string (in double quotes).")
                    };
                    self.push(
                        Diagnostic::error(Code::Type, v.span, msg)
                            .with_fix(Fix::one("Put it in quotes", Edit::replace(v.span, quote(raw)))),
                    );
                }
                _ => self.push(Diagnostic::error(
                    Code::Type,
                    v.span,
                    format!("{key} must be a string, not {}.", v.type_name()),
                )),
            },
            Ty::Phone => self.phone(v),
            Ty::Events => {
                if v.items().is_none() {
                    let d = Diagnostic::error(
                        Code::Type,
                        v.span,
                        format!(
                            "{key} must be an array of event names, like [\"MESSAGES_UPSERT\"], not {}.",
                            v.type_name()
                        ),
                    );
                    let fix = v
                        .as_str()
                        .map(|s| Fix::one("Wrap it in [ ]", Edit::replace(v.span, format!("[{}]", quote(s)))));
                    self.push(d.with_fix_opt(fix));
                }
            }
            Ty::Digits => {
                let ok = match &v.kind {
                    Kind::Number(n) => n.fract() == 0.0,
                    Kind::String(s) => !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()),
                    _ => false,
                };
                if !ok {
                    self.push(Diagnostic::error(
                        Code::Type,
                        v.span,
                        format!("{key} must be a whole number (or digits in quotes), e.g. 1."),
                    ));
                }
            }
            Ty::Int => {
                if !matches!(v.kind, Kind::Number(n) if n.fract() == 0.0 && n >= 0.0) {
                    let d = if v2 && f.strict && !matches!(v.kind, Kind::Number(_)) {
                        Diagnostic::error(Code::Type, v.span, rejects("a number"))
                    } else {
                        Diagnostic::warning(Code::Type, v.span, format!("{key} should be a whole number."))
                    };
                    self.push(d);
                }
            }
            Ty::Integration => self.integration_value(v),
            Ty::Object | Ty::Headers => {
                if v.members().is_none() {
                    self.push(Diagnostic::error(
                        Code::Type,
                        v.span,
                        format!("{key} must be an object {{ … }}, not {}.", v.type_name()),
                    ));
                }
            }
        }
    }

    /// The members of the object a path lives in (the root's for a top-level key).
    fn members_of(&self, path: &str) -> &'a [Member] {
        match path.rsplit_once('.') {
            Some((parent, _)) => self.value(parent).and_then(Node::members).unwrap_or(self.members),
            None => self.members,
        }
    }

    fn phone(&mut self, v: &Node) {
        match &v.kind {
            Kind::String(s) => {
                if !fields::matches_number_pattern(s) {
                    self.push(Diagnostic::error(
                        Code::Number,
                        v.span,
                        "number must be the phone number in digits, country code first (e.g. \"5511999999999\"): the server answers 400 \"number does not match pattern\".",
                    ));
                }
            }
            Kind::Number(_) => {
                let raw = self.raw(v);
                self.push(
                    Diagnostic::error(Code::Type, v.span, "number must be a string of digits, in quotes.")
                        .with_fix(Fix::one("Put it in quotes", Edit::replace(v.span, quote(raw)))),
                );
            }
            _ => self.push(Diagnostic::error(
                Code::Type,
                v.span,
                format!("number must be a string, not {}.", v.type_name()),
            )),
        }
    }

    fn integration_value(&mut self, v: &Node) {
        let names = fields::integrations(self.profile);
        let Some(s) = v.as_str() else {
            self.push(Diagnostic::error(Code::Type, v.span, "integration must be a string."));
            return;
        };
        if names.contains(&s) {
            return;
        }
        let upper = s.to_ascii_uppercase().replace('_', "-");
        let guess = names
            .iter()
            .copied()
            .find(|n| *n == upper || n.ends_with(&format!("-{upper}")))
            .or_else(|| closest(s, names));
        let list = names.join(", ");
        let d = if self.profile == Profile::V2 {
            Diagnostic::error(Code::Integration, v.span, format!("integration \"{s}\" is not one of {list} (exact case, with hyphens): the server answers 400 \"Invalid integration\"."))
        } else {
            Diagnostic::warning(Code::Integration, v.span, format!("integration \"{s}\" is not one of {list}: the server stores it without a word and it does nothing."))
        };
        let fix = guess.map(|c| Fix::one(format!("Use {c}"), Edit::replace(v.span, quote(c))));
        self.push(d.with_fix_opt(fix));
    }

    /// Checks an events array (a webhook's or another sink's): names of this profile, exact case,
    /// no repeats. `path` names the list in messages.
    pub fn events_list(&mut self, v: &'a Node, path: &str) {
        let Some(items) = v.items() else { return };
        let known = self.profile.events();
        let v2 = self.profile == Profile::V2;
        let mut seen: Vec<&str> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let Some(name) = item.as_str() else {
                if item.kind != Kind::Invalid {
                    self.push(Diagnostic::error(
                        Code::Event,
                        item.span,
                        format!("{path}[{i}] must be an event name in quotes."),
                    ));
                }
                continue;
            };
            // Removes this item: from the previous item's end (or up to the next one) to its end.
            let remove = || {
                if i > 0 {
                    Edit::delete(Span::new(items[i - 1].span.end, item.span.end))
                } else if let Some(next) = items.get(1) {
                    Edit::delete(Span::new(item.span.start, next.span.start))
                } else {
                    Edit::delete(item.span)
                }
            };
            if !known.contains(&name) {
                let upper = name.to_ascii_uppercase().replace(['.', '-', ' '], "_");
                let guess = known.iter().copied().find(|e| *e == upper).or_else(|| closest(name, known));
                let mean = guess.map(|g| format!(" (did you mean {g}?)")).unwrap_or_default();
                let d = if !v2 {
                    Diagnostic::error(Code::UnknownEvent, item.span, format!("\"{name}\" is not an Evolution event{mean}: the server answers 400 \"{path}[{i}] is not one of enum values\"."))
                } else if crate::events::ONLY_V1.contains(&upper.as_str()) {
                    Diagnostic::error(
                        Code::UnknownEvent,
                        item.span,
                        format!("{name} exists only in 1.x: a 2.x server stores it and it never fires. Remove it."),
                    )
                    .with_fix(Fix::one("Remove it", remove()))
                } else {
                    Diagnostic::error(Code::UnknownEvent, item.span, format!("\"{name}\" is not a 2.x event{mean}: the server stores it without a word and it never fires."))
                };
                let fix = guess.map(|g| Fix::one(format!("Use {g}"), Edit::replace(item.span, quote(g))));
                self.push(if d.fix.is_none() { d.with_fix_opt(fix) } else { d });
            } else if seen.contains(&name) {
                self.push(
                    Diagnostic::warning(Code::DuplicateEvent, item.span, format!("{name} is listed twice."))
                        .with_fix(Fix::one("Remove the repeat", remove())),
                );
            } else {
                seen.push(name);
            }
        }
    }

    /// Unknown keys among `members` (of the object at `parent`): did-you-mean among the fields of
    /// this profile at that level; in 2.x, a 1.x key names its 2.x counterpart.
    pub fn unknown_keys(&mut self, members: &'a [Member], parent: &str) {
        let known: Vec<&str> = self.profile.children(parent).map(Field::name).collect();
        for m in members {
            if known.contains(&m.key.as_str()) {
                continue;
            }
            if self.profile == Profile::V2 && parent.is_empty() && (super::v2::is_chatbot_key(&m.key) || self.v1_key(m))
            {
                continue;
            }
            let at = if parent.is_empty() { String::new() } else { format!("{parent} has no ") };
            let suggestion = closest(&m.key, &known);
            let msg = match (suggestion, parent.is_empty()) {
                (Some(s), true) => {
                    format!("Unknown field \"{}\": the server silently ignores it. Did you mean \"{s}\"?", m.key)
                }
                (None, true) => format!("Unknown field \"{}\": the server silently ignores it.", m.key),
                (Some(s), false) => format!("{at}field \"{}\": the server ignores it. Did you mean \"{s}\"?", m.key),
                (None, false) => format!("{at}field \"{}\": the server ignores it.", m.key),
            };
            let mut d = Diagnostic::warning(Code::UnknownKey, m.key_span, msg);
            if let Some(s) = suggestion {
                if member(members, s).is_none() {
                    d = d.with_fix(Fix::one(format!("Rename to {s}"), Edit::replace(m.key_span, quote(s))));
                }
            }
            self.push(d);
        }
    }

    /// A 1.x key in a 2.x payload: named with its 2.x counterpart (a rename fix where the value
    /// carries over as is). Returns whether `m` was such a key.
    fn v1_key(&mut self, m: &'a Member) -> bool {
        let Some(f1) = Profile::V1.field(&m.key) else { return false };
        // An object (1.x `proxy`) maps through its children.
        let children: Vec<&str> = Profile::V1.children(f1.key).filter_map(|c| c.other.map(|o| o.0)).collect();
        let target =
            f1.other.map(|(to, _)| to.to_owned()).or_else(|| (!children.is_empty()).then(|| children.join(", ")));
        let msg = match target {
            Some(to) => format!("\"{}\" is the 1.x name: 2.x ignores it without a word. Use \"{to}\" (Migrate to 2.x does it for the whole payload).", m.key),
            None => format!("\"{}\" is a 1.x field that 2.x no longer reads at create: it is ignored without a word.", m.key),
        };
        let mut d = Diagnostic::error(Code::V1Key, m.key_span, msg);
        if let Some((to, fields::Convert::Same)) = f1.other {
            if !to.contains('.') && self.get(to).is_none() && Profile::V2.field(to).is_some_and(|f| f.ty == f1.ty) {
                d = d.with_fix(Fix::one(format!("Rename to {to}"), Edit::replace(m.key_span, quote(to))));
            }
        }
        self.push(d);
        true
    }

    /// Trap and forbidden keys of the table (2.x).
    pub fn role_keys(&mut self) {
        for m in self.members {
            let Some(f) = self.profile.field(&m.key) else { continue };
            match f.role {
                Role::Normal => {}
                Role::Trap { use_instead } => {
                    let msg = format!("{} is checked by the server but never used at create: nothing is saved. Use {use_instead} instead.", m.key);
                    self.push(Diagnostic::error(Code::TrapKey, m.key_span, msg));
                }
                Role::Forbidden => {
                    let msg = format!("Do not send {}: it goes straight into the instance record and can break the create (400 with a database error).", m.key);
                    self.push(
                        Diagnostic::error(Code::ForbiddenKey, m.key_span, msg)
                            .with_fix(Fix::one("Remove it", self.remove(self.members, m))),
                    );
                }
            }
        }
    }

    /// A seed-style `[placeholder]` left in any string field (or one level down) not checked elsewhere:
    /// `skip` names top-level keys and `parent.child` paths.
    pub fn other_placeholders(&mut self, skip: &[&str]) {
        for m in self.members {
            if skip.contains(&m.key.as_str()) {
                continue;
            }
            let nested = m.value.as_ref().and_then(Node::members).unwrap_or_default();
            let inner = nested
                .iter()
                .filter(|n| !skip.iter().any(|s| s.split_once('.') == Some((m.key.as_str(), n.key.as_str()))));
            for v in std::iter::once(m.value.as_ref()).chain(inner.map(|n| n.value.as_ref())).flatten() {
                if v.as_str().is_some_and(is_placeholder) {
                    let msg =
                        format!("{} is still a placeholder: put your own value here.", self.raw(v).trim_matches('"'));
                    self.push(Diagnostic::error(Code::Placeholder, v.span, msg));
                }
            }
        }
    }
}
