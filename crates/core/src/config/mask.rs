//! P10 / C14: `find` (and 2.x `fetchInstances`) return proxy passwords, Chatwoot tokens, Pusher
//! secrets and webhook headers in clear. [`mask_secrets`] hides them before a page shows the answer.

use super::Endpoint;
use crate::fields::{Profile, Ty};
use crate::lint::syntax::{self, Member};
use crate::lint::{apply_edits, Edit};

/// What a masked value becomes.
pub const MASK: &str = "\"••••••\"";

/// `find_body` with every non-empty string under a secret field's name (this endpoint's table, any
/// depth: 2.x rows are flat) replaced by [`MASK`]; header values too. Formatting is kept; a text
/// that is not JSON comes back as is.
pub fn mask_secrets(find_body: &str, endpoint: Endpoint, profile: Profile) -> String {
    let Some(root) = syntax::parse(find_body).root else { return find_body.to_owned() };
    let secrets: Vec<(&str, bool)> =
        endpoint.table(profile).iter().filter(|f| f.secret).map(|f| (f.name(), f.ty == Ty::Headers)).collect();
    let mut edits = Vec::new();
    let mut stack: Vec<&[Member]> = root.members().into_iter().collect();
    while let Some(members) = stack.pop() {
        for m in members {
            let Some(v) = &m.value else { continue };
            match secrets.iter().find(|(name, _)| *name == m.key) {
                Some((_, true)) => {
                    for h in v.members().unwrap_or_default() {
                        if let Some(hv) = h.value.as_ref().filter(|hv| hv.as_str().is_some_and(|s| !s.is_empty())) {
                            edits.push(Edit::replace(hv.span, MASK));
                        }
                    }
                }
                Some(_) if v.as_str().is_some_and(|s| !s.is_empty()) => edits.push(Edit::replace(v.span, MASK)),
                _ => stack.extend(v.members()),
            }
        }
    }
    apply_edits(find_body, &edits).0
}
