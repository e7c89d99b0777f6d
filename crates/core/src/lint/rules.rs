//! The Evolution rules over a parsed payload: the profile's own rules (`v1`, `v2`) and the hint
//! when the text is shaped for the other generation.

use super::code::Code;
use super::ctx::Ctx;
use super::diag::{Diagnostic, Span};
pub use super::options::{RuleOptions, Rules};
use super::syntax::{Kind, Member, Node};
use super::{v1, v2};
use crate::fields::{Field, Profile};
use crate::msg;
use crate::msg::keys::lint as t;

/// The 1.x rules.
pub fn v1_rules() -> Rules {
    Rules(v1::check)
}

/// The 2.x rules.
pub fn v2_rules() -> Rules {
    Rules(v2::check)
}

#[cfg(feature = "linked-v1")]
const LINKED_V1: Option<Rules> = Some(Rules(v1::check));
#[cfg(not(feature = "linked-v1"))]
const LINKED_V1: Option<Rules> = None;
#[cfg(feature = "linked-v2")]
const LINKED_V2: Option<Rules> = Some(Rules(v2::check));
#[cfg(not(feature = "linked-v2"))]
const LINKED_V2: Option<Rules> = None;

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
    let rules = match opts.profile {
        Profile::V1 => opts.v1.or(LINKED_V1),
        Profile::V2 => opts.v2.or(LINKED_V2),
    };
    match rules {
        Some(Rules(run)) => run(&mut cx),
        None => {
            let msg = msg!(t::rules_loading, opts.profile.label());
            cx.out.push(Diagnostic::error(Code::RulesLoading, Span::at(root.span.start), msg))
        }
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
    use crate::lint::{lint, v1_rules, v2_rules, Code, LintOptions, Severity};

    /// Handed in, a generation's rules run; without them and without its `linked-v1`/`linked-v2`
    /// feature (the page before their part is loaded), a text gets exactly one error that says so,
    /// naming the generation — and still every syntax error.
    #[test]
    fn rules_handed_in_or_one_marker() {
        let text = "{\"instanceName\": \"a\", \"integration\": \"NOPE\",}";
        for (profile, linked) in
            [(Profile::V1, cfg!(feature = "linked-v1")), (Profile::V2, cfg!(feature = "linked-v2"))]
        {
            let mut opts = LintOptions::default().with_profile(profile);
            (opts.rules.v1, opts.rules.v2) = (Some(v1_rules()), Some(v2_rules()));
            let with = lint(text, &opts);
            assert!(with.diagnostics.iter().any(|d| d.code == Code::Integration), "{profile:?} {:?}", with.diagnostics);
            assert!(!with.diagnostics.iter().any(|d| d.code == Code::RulesLoading));
            (opts.rules.v1, opts.rules.v2) = (None, None);
            let without = lint(text, &opts);
            let codes: Vec<Code> = without.diagnostics.iter().map(|d| d.code).collect();
            assert!(codes.contains(&Code::JsonTrailingComma), "{codes:?}");
            if linked {
                assert_eq!(without.diagnostics, with.diagnostics);
                continue;
            }
            let marker: Vec<_> = without.diagnostics.iter().filter(|d| d.code == Code::RulesLoading).collect();
            assert_eq!(marker.len(), 1);
            assert_eq!(marker[0].severity, Severity::Error);
            let shown = crate::render::render(&marker[0].message, crate::i18n::Lang::En);
            assert!(shown.contains(profile.label()), "{shown}");
            assert!(!codes.contains(&Code::Integration));
            // The other generation's part is not waited for.
            opts.rules = crate::lint::RuleOptions { profile, ..Default::default() };
            match profile {
                Profile::V1 => opts.rules.v1 = Some(v1_rules()),
                Profile::V2 => opts.rules.v2 = Some(v2_rules()),
            }
            assert!(!lint(text, &opts).diagnostics.iter().any(|d| d.code == Code::RulesLoading));
        }
    }
}
