//! What the configuration rules share: the table-driven checks (required keys, types, lengths,
//! `null`, unknown keys with the other generation's names, event lists, the servers' "cannot be
//! empty" rule) and the one place messages are made ([`Cx::say`]).

use super::{ConfigContext, Endpoint};
use crate::fields::{Field, Need, Profile, Ty};
use crate::json::quote;
use crate::lint::suggest::closest;
use crate::lint::syntax::{self, Kind, Member, Node};
use crate::lint::text::{insert_member_edit, remove_member_span};
use crate::lint::{Code, Diagnostic, Edit, Fix, Severity, Span};
use crate::msg::keys::lint_config as t;
use crate::msg::{Arg, Key, Msg};

pub(super) struct Cx<'a> {
    pub text: &'a str,
    pub root: &'a Node,
    pub profile: Profile,
    pub endpoint: Endpoint,
    pub table: &'static [Field],
    /// The `find` body, parsed (`None` without context).
    pub current: Option<Node>,
    pub ctx: &'a ConfigContext,
    pub out: Vec<Diagnostic>,
}

/// Keys that take `null` (string or null in the schemas).
const NULLABLE: &[&str] = &["sign_delimiter", "name_inbox", "signDelimiter", "nameInbox"];

pub(super) use crate::lint::is_http_url;

/// What validator.js `isURL(s, {require_tld: false})` accepts, roughly: no blanks, an optional
/// scheme, a host of letters, digits, dots, dashes (and a port).
pub(super) fn passes_is_url(s: &str) -> bool {
    let rest = match s.split_once("://") {
        Some((scheme, rest)) if ["http", "https", "ftp"].contains(&scheme.to_ascii_lowercase().as_str()) => rest,
        Some(_) => return false,
        None => s,
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let name = host.split(':').next().unwrap_or("");
    !name.is_empty()
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '[' | ']'))
}

/// `key` with arguments shown as written.
fn texts(key: Key, args: &[&str]) -> Msg {
    Msg::new(key, args.iter().map(|a| Arg::from(*a)).collect())
}

impl<'a> Cx<'a> {
    pub fn new(text: &'a str, root: &'a Node, endpoint: Endpoint, profile: Profile, ctx: &'a ConfigContext) -> Self {
        let current = ctx
            .current
            .as_deref()
            .map(|c| syntax::parse(c).root.unwrap_or(Node { kind: Kind::Null, span: Span::default() }));
        Cx { text, root, profile, endpoint, table: endpoint.table(profile), current, ctx, out: Vec::new() }
    }

    /// The one place a diagnostic is made: severity, code, span, a catalogue message and its
    /// arguments (shown as written).
    pub fn say(&mut self, sev: Severity, code: Code, span: Span, key: Key, args: &[&str]) -> &mut Diagnostic {
        self.say_msg(sev, code, span, texts(key, args))
    }

    /// [`Cx::say`] with a message made by the caller (arguments that are messages themselves).
    pub fn say_msg(&mut self, sev: Severity, code: Code, span: Span, msg: Msg) -> &mut Diagnostic {
        self.out.push(Diagnostic::new(sev, code, span, msg));
        self.out.last_mut().expect("just pushed")
    }

    /// A fix titled from a catalogue message.
    pub fn fix(&self, title: Key, args: &[&str], edits: Vec<Edit>) -> Fix {
        Fix::new(texts(title, args), edits)
    }

    pub fn raw(&self, v: &Node) -> &'a str {
        &self.text[v.span.start..v.span.end]
    }

    /// The start of the body, for diagnostics about what is missing.
    pub fn top(&self) -> Span {
        Span::new(self.root.span.start, self.root.span.start + 1)
    }

    /// The member at a dotted path of the body.
    pub fn member(&self, path: &str) -> Option<&'a Member> {
        let mut node = self.root;
        let mut found = None;
        for seg in path.split('.') {
            let m = node.get(seg)?;
            found = Some(m);
            node = m.value.as_ref()?;
        }
        found
    }

    pub fn value(&self, path: &str) -> Option<&'a Node> {
        self.member(path)?.value.as_ref()
    }

    pub fn is_true(&self, path: &str) -> bool {
        self.value(path).and_then(Node::as_bool) == Some(true)
    }

    pub fn is_false(&self, path: &str) -> bool {
        self.value(path).and_then(Node::as_bool) == Some(false)
    }

    /// A non-empty string at `path`.
    pub fn filled(&self, path: &str) -> Option<&'a str> {
        self.value(path).and_then(Node::as_str).filter(|s| !s.is_empty())
    }

    /// The stored value at `path` (the `find` body's key; 2.x rows use their column names).
    pub fn stored(&self, key: &str) -> Option<&Node> {
        self.current.as_ref()?.get(key)?.value.as_ref()
    }

    /// Whether the server holds nothing yet for this route (`None` without context).
    pub fn nothing_stored(&self) -> Option<bool> {
        self.current.as_ref().map(|c| super::is_nothing(Some(c)))
    }

    /// An edit adding `"key": json` to the object at `parent` (`""` = the body).
    pub fn insert(&self, parent: &str, key: &str, json: &str) -> Option<Edit> {
        let obj = if parent.is_empty() { self.root } else { self.value(parent)? };
        obj.members()?;
        Some(insert_member_edit(self.text, obj, None, key, json))
    }

    /// An edit removing member `m` of `members`.
    pub fn remove(&self, members: &[Member], m: &Member) -> Edit {
        let i = members.iter().position(|x| std::ptr::eq(x, m)).unwrap_or(0);
        Edit::delete(remove_member_span(self.text.as_bytes(), members, i, m))
    }

    /// Every table-driven check of the object at `parent`, then of the objects inside it.
    pub fn check_object(&mut self, parent: &str, members: &'a [Member]) {
        let need = if parent.is_empty() { Need::Required } else { Need::WithParent };
        let anchor =
            if parent.is_empty() { self.top() } else { self.member(parent).map_or(self.top(), |m| m.key_span) };
        for f in self.table.iter().filter(|f| f.parent() == parent && f.need == need) {
            if members.iter().any(|m| m.key == f.name()) {
                continue;
            }
            let json = self.stored(f.name()).map(|v| self.current_text(v)).or(f.default.map(str::to_owned));
            let edit = json.as_deref().and_then(|j| self.insert(parent, f.name(), j));
            let fix = edit.map(|e| self.fix(t::fix_add, &[f.name()], vec![e]));
            let owner = if parent.is_empty() { "instance" } else { parent };
            let d = self
                .say(Severity::Error, Code::Required, anchor, t::required, &[f.key, owner, f.name()])
                .with_fix_opt_ref(fix);
            d.field = Some(f.key);
        }
        for m in members {
            let path = if parent.is_empty() { m.key.to_string() } else { format!("{parent}.{}", m.key) };
            match self.table.iter().find(|f| f.key == path) {
                Some(f) => self.check_value(members, m, f),
                None => self.unknown(members, m, parent),
            }
        }
    }

    /// The text of a stored value (from the context) as JSON for a fix.
    fn current_text(&self, v: &Node) -> String {
        let src = self.ctx.current.as_deref().unwrap_or("");
        src.get(v.span.start..v.span.end).unwrap_or("null").to_owned()
    }

    fn check_value(&mut self, members: &'a [Member], m: &'a Member, f: &'static Field) {
        let Some(v) = &m.value else { return };
        if v.kind == Kind::Invalid {
            return;
        }
        if v.kind == Kind::Null {
            if NULLABLE.contains(&f.key) {
                return;
            }
            let fix =
                (f.need == Need::Optional).then(|| self.fix(t::fix_remove, &[f.key], vec![self.remove(members, m)]));
            self.say(Severity::Error, Code::Null, v.span, t::a6_null, &[f.key, f.ty.json_type()]).with_fix_opt_ref(fix);
            return;
        }
        let (sev, tpl_wrong) =
            if f.strict { (Severity::Error, t::type_wrong) } else { (Severity::Warning, t::type_lenient) };
        let wrong = |cx: &mut Self, fix: Option<Fix>| {
            let msg = crate::msg!(tpl_wrong, f.key, f.ty.json_type(), v.type_name());
            cx.say_msg(sev, Code::Type, v.span, msg).with_fix_opt_ref(fix);
        };
        match f.ty {
            Ty::Bool if v.as_bool().is_none() => {
                let fix = bool_fix(v).map(|b| self.fix(t::fix_write, &[b], vec![Edit::replace(v.span, b)]));
                wrong(self, fix);
            }
            Ty::Str | Ty::Url | Ty::Phone => match &v.kind {
                Kind::String(s) => {
                    let n = s.chars().count();
                    if let Some(max) = f.max_len.filter(|max| n > *max as usize) {
                        self.say(
                            Severity::Error,
                            Code::TooLong,
                            v.span,
                            t::too_long,
                            &[f.key, &n.to_string(), &max.to_string()],
                        );
                    }
                }
                Kind::Number(_) | Kind::Bool(_) => {
                    let q = quote(self.raw(v));
                    let fix = self.fix(t::fix_write, &[&q], vec![Edit::replace(v.span, q.clone())]);
                    wrong(self, Some(fix));
                }
                _ => wrong(self, None),
            },
            Ty::Events => match v.items() {
                Some(items) => self.events(f.key, items),
                None => {
                    let fix = v.as_str().map(|s| {
                        let arr = format!("[{}]", quote(s));
                        self.fix(t::fix_write, &[&arr], vec![Edit::replace(v.span, arr.clone())])
                    });
                    wrong(self, fix);
                }
            },
            Ty::Strings => match v.items() {
                Some(items) if items.iter().all(|i| i.as_str().is_some()) => {}
                _ => wrong(self, None),
            },
            Ty::Int | Ty::Digits => match v.kind {
                Kind::Number(n) if n.fract() != 0.0 => {
                    self.say(
                        Severity::Warning,
                        Code::Type,
                        v.span,
                        t::c8_fraction,
                        &[f.key, self.raw(v), &(n.trunc()).to_string()],
                    );
                }
                Kind::Number(_) => {}
                _ => wrong(self, None),
            },
            Ty::Object | Ty::Headers => match v.members() {
                Some(inner) if f.ty == Ty::Object => self.check_object(f.key, inner),
                Some(inner) => {
                    for h in inner.iter().filter(|h| h.value.as_ref().is_some_and(|hv| hv.as_str().is_none())) {
                        self.say(Severity::Warning, Code::WebhookHeaders, h.key_span, t::w13_header, &[&h.key]);
                    }
                }
                None => wrong(self, None),
            },
            _ => {}
        }
    }

    /// A key this table does not have at `parent`: the other generation's name (with a rename
    /// fix), a near miss, or simply unknown. The server ignores it (A5).
    fn unknown(&mut self, members: &[Member], m: &Member, parent: &str) {
        let known: Vec<&'static str> = self.table.iter().filter(|f| f.parent() == parent).map(Field::name).collect();
        let other = self.endpoint.table(self.profile.other());
        let code = if self.profile == Profile::V1 { Code::V2Key } else { Code::V1Key };
        // The other generation's field with this name (at any level: 1.x flat ⇄ 2.x nested).
        if let Some(o) = other.iter().find(|o| o.name() == m.key && o.ty != Ty::Object) {
            let target = o.other.map(|(to, _)| to).and_then(|to| self.table.iter().find(|f| f.key == to));
            match target {
                Some(f) => {
                    // Renamed in place when the counterpart lives in the same object and is not there yet.
                    let fix = (f.parent() == parent && !members.iter().any(|x| x.key == f.name())).then(|| {
                        self.fix(t::fix_rename, &[f.name()], vec![Edit::replace(m.key_span, quote(f.name()))])
                    });
                    self.say(
                        Severity::Warning,
                        code,
                        m.key_span,
                        t::a5_other_gen,
                        &[&m.key, self.profile.other().id(), f.key],
                    )
                    .with_fix_opt_ref(fix);
                }
                None => {
                    self.say(
                        Severity::Warning,
                        code,
                        m.key_span,
                        t::a5_other_gen_none,
                        &[&m.key, self.profile.other().id(), self.profile.id()],
                    );
                }
            }
            return;
        }
        match closest(&m.key, &known) {
            Some(s) => {
                let fix = (!members.iter().any(|x| x.key == s))
                    .then(|| self.fix(t::fix_rename, &[s], vec![Edit::replace(m.key_span, quote(s))]));
                self.say(Severity::Warning, Code::UnknownKey, m.key_span, t::a5_unknown_suggest, &[&m.key, s])
                    .with_fix_opt_ref(fix);
            }
            None => {
                self.say(Severity::Warning, Code::UnknownKey, m.key_span, t::a5_unknown, &[&m.key]);
            }
        }
    }

    /// The servers' `isNotEmpty`: when every key of the object at `parent` is in `list`, an empty
    /// string among them is a 400 `The "key" cannot be empty`. `fill_from` names the stored keys
    /// to offer instead (C9).
    pub fn not_empty(&mut self, parent: &str, list: &[&str]) -> bool {
        let obj = if parent.is_empty() { Some(self.root) } else { self.value(parent) };
        let Some(members) = obj.and_then(Node::members) else { return false };
        if members.is_empty() || !members.iter().all(|m| list.contains(&m.key.as_str())) {
            return false;
        }
        let mut any = false;
        for m in members {
            let Some(v) = m.value.as_ref().filter(|v| v.as_str() == Some("")) else { continue };
            let stored =
                self.stored(&m.key).filter(|s| s.as_str().is_some_and(|s| !s.is_empty())).map(|s| self.current_text(s));
            let fix = stored.map(|s| self.fix(t::fix_write, &[&s], vec![Edit::replace(v.span, s.clone())]));
            self.say(Severity::Error, Code::ConfigEmpty, v.span, t::empty, &[&m.key]).with_fix_opt_ref(fix);
            any = true;
        }
        any
    }
}

/// `true`/`false` for a string or 0/1 written where a boolean belongs.
fn bool_fix(v: &Node) -> Option<&'static str> {
    match &v.kind {
        Kind::String(s) if s.eq_ignore_ascii_case("true") => Some("true"),
        Kind::String(s) if s.eq_ignore_ascii_case("false") => Some("false"),
        Kind::Number(n) if *n == 1.0 => Some("true"),
        Kind::Number(n) if *n == 0.0 => Some("false"),
        _ => None,
    }
}

/// Adds an optional fix to a diagnostic in place.
pub(super) trait WithFixRef {
    fn with_fix_opt_ref(&mut self, fix: Option<Fix>) -> &mut Self;
}

impl WithFixRef for Diagnostic {
    fn with_fix_opt_ref(&mut self, fix: Option<Fix>) -> &mut Self {
        if fix.is_some() {
            self.fix = fix;
        }
        self
    }
}
