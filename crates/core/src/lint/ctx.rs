//! What the v1 and v2 rules share: the lookup of members, the type checks driven by the field table,
//! event lists, unknown keys with did-you-mean, placeholders, and the helpers that build fix-its.

use super::code::Code;
use super::diag::{Diagnostic, Fix, Severity, Span};
pub(super) use super::options::Ctx;
use super::suggest::closest;
use super::syntax::{Kind, Member, Node};
use super::text::{insert_member_edit, remove_member_span, Edit};
use crate::fields::{self, Field, Profile, Ty};
use crate::json::quote;
use crate::msg;
use crate::msg::keys::lint as t;

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
    let b = if b { "true" } else { "false" };
    Some(Fix::one(msg!(t::fix_write, b), Edit::replace(v.span, b)))
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
        // An optional object that no schema types (webhook, proxy, the sinks, headers): every
        // server reads null as absent.
        if v.kind == Kind::Null && matches!(f.ty, Ty::Object | Ty::Headers) && !f.strict {
            self.push(
                Diagnostic::warning(Code::Null, v.span, msg!(t::null_object, key))
                    .with_fix(Fix::one(t::fix_remove_it, self.remove(self.members_of(key), m))),
            );
            return;
        }
        if v2 && v.kind == Kind::Null {
            self.push(
                Diagnostic::error(Code::Null, v.span, msg!(t::null_v2, key, f.ty.json_type()))
                    .with_fix(Fix::one(t::fix_remove_it, self.remove(self.members_of(key), m))),
            );
            return;
        }
        // What a wrong type costs: a 400 from the schema (top level), an opaque 400 from the
        // database (nested), or nothing (stored as sent).
        let rejects = |what: msg::Arg| {
            if !f.parent().is_empty() {
                msg!(t::rejects_nested, key, what)
            } else {
                msg!(t::rejects_top, key, what, f.ty.json_type())
            }
        };
        match f.ty {
            Ty::Bool => {
                if v.as_bool().is_none() {
                    let what = msg!(t::what_bool, v.type_name());
                    let d = if f.strict {
                        Diagnostic::error(Code::Type, v.span, rejects((&what).into()))
                    } else {
                        Diagnostic::warning(Code::Type, v.span, msg!(t::bool_lenient, key, &what))
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
                                msg!(t::too_long, key, n, max as usize),
                            ));
                        }
                    }
                }
                Kind::Number(_) | Kind::Bool(_) => {
                    let raw = self.raw(v);
                    let msg = if v2 && f.strict {
                        rejects(t::what_quoted_string.into())
                    } else {
                        msg!(t::must_be_quoted_string, key)
                    };
                    self.push(
                        Diagnostic::error(Code::Type, v.span, msg)
                            .with_fix(Fix::one(t::fix_put_in_quotes, Edit::replace(v.span, quote(raw)))),
                    );
                }
                _ => self.push(Diagnostic::error(Code::Type, v.span, msg!(t::must_be_string_not, key, v.type_name()))),
            },
            Ty::Phone => self.phone(v),
            Ty::Events => {
                if v.items().is_none() {
                    let d = Diagnostic::error(Code::Type, v.span, msg!(t::must_be_events, key, v.type_name()));
                    let fix = v
                        .as_str()
                        .map(|s| Fix::one(t::fix_wrap_in_array, Edit::replace(v.span, format!("[{}]", quote(s)))));
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
                    self.push(Diagnostic::error(Code::Type, v.span, msg!(t::must_be_digits, key)));
                }
            }
            Ty::Int => {
                if !matches!(v.kind, Kind::Number(n) if n.fract() == 0.0 && n >= 0.0) {
                    let d = if v2 && f.strict && !matches!(v.kind, Kind::Number(_)) {
                        Diagnostic::error(Code::Type, v.span, rejects(t::what_number.into()))
                    } else {
                        Diagnostic::warning(Code::Type, v.span, msg!(t::should_be_whole, key))
                    };
                    self.push(d);
                }
            }
            Ty::Integration => self.integration_value(v),
            // Only in the configuration tables (`config`), which have their own checks.
            Ty::Strings => {}
            Ty::Object | Ty::Headers => {
                if v.members().is_none() {
                    self.push(Diagnostic::error(Code::Type, v.span, msg!(t::must_be_object_not, key, v.type_name())));
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
                    self.push(Diagnostic::error(Code::Number, v.span, t::number_pattern));
                }
            }
            Kind::Number(_) => {
                let raw = self.raw(v);
                self.push(
                    Diagnostic::error(Code::Type, v.span, t::number_in_quotes)
                        .with_fix(Fix::one(t::fix_put_in_quotes, Edit::replace(v.span, quote(raw)))),
                );
            }
            _ => self.push(Diagnostic::error(Code::Type, v.span, msg!(t::number_not_string, v.type_name()))),
        }
    }

    fn integration_value(&mut self, v: &Node) {
        let names = fields::integrations(self.profile);
        let Some(s) = v.as_str() else {
            self.push(Diagnostic::error(Code::Type, v.span, t::integration_not_string));
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
            Diagnostic::error(Code::Integration, v.span, msg!(t::integration_v2, s, &list))
        } else {
            Diagnostic::warning(Code::Integration, v.span, msg!(t::integration_v1, s, &list))
        };
        let fix = guess.map(|c| Fix::one(msg!(t::fix_use, c), Edit::replace(v.span, quote(c))));
        self.push(d.with_fix_opt(fix));
    }

    /// Checks an events array (a webhook's or another sink's): names of this profile, exact case,
    /// no repeats. `path` names the list in messages.
    pub fn events_list(&mut self, v: &'a Node, path: &str) {
        let Some(items) = v.items() else { return };
        let known = self.profile.events();
        let v2 = self.profile == Profile::V2;
        // The events met so far, by their place in `known` (the last place: 2.4's event in 2.x).
        let mut seen = vec![false; known.len() + 1];
        // Its place in `known`, lengths, first letters and fourth letters from the end first (names
        // of one length differ there: `MESSAGES_UPSERT`, `_UPDATE`, `_DELETE`, `CONTACTS_UPSERT`…):
        // a long list of events looks each up once, mostly with one comparison of the whole name.
        let place = |name: &str| {
            let (b, n) = (name.as_bytes(), name.len());
            let at = n.wrapping_sub(4);
            known.iter().position(|e| {
                let k = e.as_bytes();
                k.len() == n && k.first() == b.first() && k.get(at) == b.get(at) && *e == name
            })
        };
        // Past the profile's events, every item is a finding (a repeat, an unknown name, not a
        // string): room for them at once, not a copy of thousands each time the vector grows.
        if items.len() > known.len() {
            self.out.reserve(items.len());
        }
        for (i, item) in items.iter().enumerate() {
            let Some(name) = item.as_str() else {
                if item.kind != Kind::Invalid {
                    self.push(Diagnostic::error(
                        Code::Event,
                        item.span,
                        msg!(t::event_not_string, path, &i.to_string()),
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
            // 2.4's event is the 2.x rules' to judge against the server's version.
            let Some(at) = place(name).or_else(|| (v2 && name == crate::events::HISTORY_SET).then_some(known.len()))
            else {
                let upper = name.to_ascii_uppercase().replace(['.', '-', ' '], "_");
                let guess = known.iter().copied().find(|e| *e == upper).or_else(|| closest(name, known));
                let mean = guess.map(|g| msg!(t::did_you_mean_event, g));
                let d = if !v2 {
                    let msg = msg!(t::unknown_event_v1, name, &mean, path, &i.to_string());
                    Diagnostic::error(Code::UnknownEvent, item.span, msg)
                } else if crate::events::ONLY_V1.contains(&upper.as_str()) {
                    Diagnostic::error(Code::UnknownEvent, item.span, msg!(t::event_only_v1, name))
                        .with_fix(Fix::one(t::fix_remove_it, remove()))
                } else {
                    Diagnostic::error(Code::UnknownEvent, item.span, msg!(t::unknown_event_v2, name, &mean))
                };
                let fix = guess.map(|g| Fix::one(msg!(t::fix_use, g), Edit::replace(item.span, quote(g))));
                self.push(if d.fix.is_none() { d.with_fix_opt(fix) } else { d });
                continue;
            };
            if seen[at] {
                // Built whole (not `warning(…).with_fix(…)`): a long list's repeats are thousands.
                self.push(Diagnostic {
                    severity: Severity::Warning,
                    code: Code::DuplicateEvent,
                    // The profile's own name (`name` is it, as written): not copied.
                    message: msg::Msg::one(
                        t::duplicate_event,
                        msg::Arg::name(known.get(at).copied().unwrap_or(crate::events::HISTORY_SET)),
                    ),
                    span: item.span,
                    fix: Some(Fix::one(t::fix_remove_repeat, remove())),
                    field: None,
                });
            }
            seen[at] = true;
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
            if self.profile == Profile::V2 && parent.is_empty() && self.v2_top_key_elsewhere(m) {
                continue;
            }
            let suggestion = closest(&m.key, &known);
            let msg = match (suggestion, parent.is_empty()) {
                (Some(s), true) => msg!(t::unknown_key_suggest, &m.key, s),
                (None, true) => msg!(t::unknown_key, &m.key),
                (Some(s), false) => msg!(t::unknown_nested_key_suggest, parent, &m.key, s),
                (None, false) => msg!(t::unknown_nested_key, parent, &m.key),
            };
            let mut d = Diagnostic::warning(Code::UnknownKey, m.key_span, msg);
            if let Some(s) = suggestion {
                if member(members, s).is_none() {
                    d = d.with_fix(Fix::one(msg!(t::fix_rename, s), Edit::replace(m.key_span, quote(s))));
                }
            }
            self.push(d);
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
            // The children of `m` that `skip` names (`parent.child`), found once, not once per child.
            let skipped: Vec<&str> =
                skip.iter().filter_map(|s| s.split_once('.')).filter(|&(p, _)| p == m.key).map(|(_, c)| c).collect();
            let inner = nested.iter().filter(|n| !skipped.contains(&n.key.as_str()));
            for v in std::iter::once(m.value.as_ref()).chain(inner.map(|n| n.value.as_ref())).flatten() {
                if v.as_str().is_some_and(is_placeholder) {
                    let msg = msg!(t::placeholder, self.raw(v).trim_matches('"'));
                    self.push(Diagnostic::error(Code::Placeholder, v.span, msg));
                }
            }
        }
    }
}
