//! The Evolution rules over a parsed payload: the profile's own rules (`v1`, `v2`) and the hint
//! when the text is shaped for the other generation.

use super::code::Code;
use super::ctx::Ctx;
use super::diag::Diagnostic;
use super::syntax::{Kind, Member, Node};
use super::{v1, v2};
use crate::fields::{Field, Profile};
use crate::i18n::{fill, Lang};

/// Options the rules need from outside (the library has no random source of its own).
#[derive(Debug, Clone, Default)]
pub struct RuleOptions {
    /// A fresh UUID for fix-its that insert or replace a token.
    pub fresh_token: Option<String>,
    /// Which server generation's rules apply.
    pub profile: Profile,
    /// Tokens already used by this page for a created instance: `(token, instance name)`.
    pub used_tokens: Vec<(String, String)>,
    /// The language of the messages and fix-it titles.
    pub lang: Lang,
}

impl RuleOptions {
    /// The instance a token was already used for.
    pub fn used_token(&self, token: &str) -> Option<&str> {
        self.used_tokens.iter().find(|(t, _)| t == token).map(|(_, name)| name.as_str())
    }
}

/// Runs every rule of `opts.profile` over a parsed root (which should be an object).
pub fn check(text: &str, root: &Node, opts: &RuleOptions) -> Vec<Diagnostic> {
    let Some(members) = root.members() else {
        if root.kind != Kind::Invalid {
            return vec![Diagnostic::error(
                Code::NotObject,
                root.span,
                fill(opts.lang.texts().lint.not_object, &[root.type_name_in(opts.lang)]),
            )];
        }
        return Vec::new();
    };
    let mut cx = Ctx { text, root, members, opts, profile: opts.profile, out: Vec::new() };
    match opts.profile {
        Profile::V1 => v1::check(&mut cx),
        Profile::V2 => v2::check(&mut cx),
    }
    if let Some(d) = profile_hint(root, opts.profile, opts.lang) {
        cx.out.push(d);
    }
    cx.out
}

/// Which profile the text's own keys point to: `Some(p)` when its keys are clearly of `p`'s
/// shape (at least one key only `p` has, and more of them than of the other's).
pub fn shape_of(root: &Node) -> Option<Profile> {
    let members = root.members()?;
    let only = |p: Profile, m: &Member| {
        let mine = p.field(&m.key).is_some_and(|f: &Field| f.role == crate::fields::Role::Normal);
        let theirs = p.other().field(&m.key).is_some();
        // `webhook` is in both: a string is 1.x, an object 2.x.
        if m.key == "webhook" {
            let is_obj = m.value.as_ref().is_some_and(|v| v.members().is_some());
            return (p == Profile::V2) == is_obj && m.value.as_ref().is_some_and(|v| v.kind != Kind::Null);
        }
        mine && !theirs
    };
    let count = |p: Profile| members.iter().filter(|m| only(p, m)).count();
    let (v1, v2) = (count(Profile::V1), count(Profile::V2));
    match v1.cmp(&v2) {
        std::cmp::Ordering::Greater => Some(Profile::V1),
        std::cmp::Ordering::Less => Some(Profile::V2),
        std::cmp::Ordering::Equal => None,
    }
}

/// A 2.x-shaped payload linted as 1.x (or the reverse) says so once, at the top.
fn profile_hint(root: &Node, profile: Profile, lang: Lang) -> Option<Diagnostic> {
    let shape = shape_of(root)?;
    if shape == profile {
        return None;
    }
    let span = super::diag::Span::new(root.span.start, root.span.start + 1);
    let msg = fill(lang.texts().lint.profile_hint, &[shape.label(), profile.label()]);
    Some(Diagnostic::warning(Code::Profile, span, msg))
}
