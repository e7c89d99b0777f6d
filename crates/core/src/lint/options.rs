//! What the rules need from outside: [`RuleOptions`] (the library has no random source, no server
//! and no loader of its own) and each generation's rules as a value ([`Rules`]); and what one run of the
//! rules holds ([`Ctx`], its helpers in `ctx.rs`) — here, because the options hold the 2.x rules,
//! which take a `Ctx`, which holds the options: one module, no circle.

use super::diag::Diagnostic;
use super::syntax::{Member, Node};
use crate::fields::Profile;

/// One run of the rules over a parsed payload (the shared helpers are in `ctx.rs`).
pub(super) struct Ctx<'a> {
    pub text: &'a str,
    pub root: &'a Node,
    pub members: &'a [Member],
    pub opts: &'a RuleOptions,
    pub profile: Profile,
    pub out: Vec<Diagnostic>,
}

/// Options the rules need from outside (the library has no random source of its own).
#[derive(Debug, Clone, Default)]
pub struct RuleOptions {
    /// A fresh UUID for fix-its that insert or replace a token.
    pub fresh_token: Option<String>,
    /// Which server generation's rules apply.
    pub profile: Profile,
    /// Tokens already used by this page for a created instance: `(token, instance name)`.
    pub used_tokens: Vec<(String, String)>,
    /// The 1.x rules, when the caller loads them itself (without the `linked-v1` feature).
    pub v1: Option<Rules>,
    /// The 2.x rules, when the caller loads them itself (without the `linked-v2` feature).
    pub v2: Option<Rules>,
    /// The server's version, when it was read: what differs between 2.3.x and 2.4.
    pub server_version: Option<crate::version::ServerVersion>,
}

/// One generation's rules as a value. Naming them ([`v1_rules`], [`v2_rules`]) is what puts them in a
/// binary: the page names them only in parts (the 1.x rules fetched as soon as the page is up, the
/// 2.x rules on first use), so the first load does without them.
///
/// [`v1_rules`]: super::v1_rules
/// [`v2_rules`]: super::v2_rules
#[derive(Clone, Copy)]
pub struct Rules(pub(super) fn(&mut Ctx<'_>));

impl std::fmt::Debug for Rules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Rules")
    }
}

impl RuleOptions {
    /// The instance a token was already used for.
    pub fn used_token(&self, token: &str) -> Option<&str> {
        self.used_tokens.iter().find(|(t, _)| t == token).map(|(_, name)| name.as_str())
    }
}
