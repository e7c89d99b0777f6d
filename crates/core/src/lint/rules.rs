//! The Evolution rules over a parsed payload: the profile's own rules (`v1`, `v2`) and the hint
//! when the text is shaped for the other generation.

use super::code::Code;
use super::ctx::Ctx;
use super::diag::{Diagnostic, Span};
pub use super::options::{RuleOptions, V2Rules};
use super::syntax::{Kind, Member, Node};
use super::{v1, v2};
use crate::fields::{Field, Profile};
use crate::msg;
use crate::msg::keys::lint as t;

/// The 2.x rules.
pub fn v2_rules() -> V2Rules {
    V2Rules(v2::check)
}

#[cfg(feature = "linked-v2")]
const LINKED_V2: Option<V2Rules> = Some(V2Rules(v2::check));
#[cfg(not(feature = "linked-v2"))]
const LINKED_V2: Option<V2Rules> = None;

/// Runs every rule of `opts.profile` over a parsed root (which should be an object), adding what
/// they find to `out` (the syntax diagnostics: thousands of findings are not copied from one
/// vector to another).
pub fn check(text: &str, root: &Node, opts: &RuleOptions, out: &mut Vec<Diagnostic>) {
    let Some(members) = root.members() else {
        if root.kind != Kind::Invalid {
            out.push(Diagnostic::error(Code::NotObject, root.span, msg!(t::not_object, root.type_name())));
        }
        return;
    };
    let mut cx = Ctx { text, root, members, opts, profile: opts.profile, out: std::mem::take(out) };
    match opts.profile {
        Profile::V1 => v1::check(&mut cx),
        Profile::V2 => match opts.v2.or(LINKED_V2) {
            Some(V2Rules(run)) => run(&mut cx),
            None => cx.out.push(Diagnostic::error(Code::RulesLoading, Span::at(root.span.start), t::rules_loading)),
        },
    }
    if let Some(d) = profile_hint(root, opts.profile) {
        cx.out.push(d);
    }
    *out = cx.out;
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
fn profile_hint(root: &Node, profile: Profile) -> Option<Diagnostic> {
    let shape = shape_of(root)?;
    if shape == profile {
        return None;
    }
    let span = super::diag::Span::new(root.span.start, root.span.start + 1);
    let msg = msg!(t::profile_hint, shape.label(), profile.label());
    Some(Diagnostic::warning(Code::Profile, span, msg))
}

#[cfg(test)]
mod tests {
    use crate::fields::Profile;
    use crate::lint::{lint, v2_rules, Code, LintOptions, Severity};

    /// Handed in, the 2.x rules run; without them and without `linked-v2` (the page before they
    /// load), a 2.x text gets exactly one error that says so — and still every syntax error.
    #[test]
    fn v2_rules_handed_in_or_one_marker() {
        let text = "{\"instanceName\": \"a\", \"integration\": \"NOPE\",}";
        let mut opts = LintOptions::default().with_profile(Profile::V2);
        opts.rules.v2 = Some(v2_rules());
        let with = lint(text, &opts);
        assert!(with.diagnostics.iter().any(|d| d.code == Code::Integration), "{:?}", with.diagnostics);
        assert!(!with.diagnostics.iter().any(|d| d.code == Code::RulesLoading));
        opts.rules.v2 = None;
        let without = lint(text, &opts);
        let codes: Vec<Code> = without.diagnostics.iter().map(|d| d.code).collect();
        assert!(codes.contains(&Code::JsonTrailingComma), "{codes:?}");
        if cfg!(feature = "linked-v2") {
            assert_eq!(without.diagnostics, with.diagnostics);
        } else {
            let marker: Vec<_> = without.diagnostics.iter().filter(|d| d.code == Code::RulesLoading).collect();
            assert_eq!(marker.len(), 1);
            assert_eq!(marker[0].severity, Severity::Error);
            assert!(!codes.contains(&Code::Integration));
            // 1.x texts do not wait for anything.
            let v1 = lint(text, &LintOptions::default());
            assert!(!v1.diagnostics.iter().any(|d| d.code == Code::RulesLoading));
        }
    }
}
