//! The 2.x-only branches of the shared key checks (`ctx.rs`): a 1.x key in a 2.x payload, named with
//! its 2.x counterpart, a chatbot key left to the chatbot rules, and the table's trap and forbidden keys.

use crate::fields::{self, Profile, Role};
use crate::json::quote;
use crate::lint::code::Code;
use crate::lint::ctx::Ctx;
use crate::lint::diag::{Diagnostic, Fix};
use crate::lint::syntax::Member;
use crate::lint::text::Edit;
use crate::msg;
use crate::msg::keys::lint as t;

impl<'a> Ctx<'a> {
    /// A top-level key of a 2.x payload that another check speaks of (a chatbot key, a 1.x key):
    /// not an unknown one. A 1.x key gets its diagnostic here.
    pub(in crate::lint) fn v2_top_key_elsewhere(&mut self, m: &'a Member) -> bool {
        super::is_chatbot_key(&m.key) || self.v1_key(m)
    }

    /// A 1.x key in a 2.x payload: named with its 2.x counterpart (a rename fix where the value
    /// carries over as is). Returns whether `m` was such a key.
    pub(in crate::lint) fn v1_key(&mut self, m: &'a Member) -> bool {
        let Some(f1) = Profile::V1.field(&m.key) else { return false };
        // An object (1.x `proxy`) maps through its children.
        let children: Vec<&str> = Profile::V1.children(f1.key).filter_map(|c| c.other.map(|o| o.0)).collect();
        let target =
            f1.other.map(|(to, _)| to.to_owned()).or_else(|| (!children.is_empty()).then(|| children.join(", ")));
        let msg = match target {
            Some(to) => msg!(t::v1_key_renamed, &m.key, &to),
            None => msg!(t::v1_key_dropped, &m.key),
        };
        let mut d = Diagnostic::error(Code::V1Key, m.key_span, msg);
        if let Some((to, fields::Convert::Same)) = f1.other {
            if !to.contains('.') && self.get(to).is_none() && Profile::V2.field(to).is_some_and(|f| f.ty == f1.ty) {
                d = d.with_fix(Fix::one(msg!(t::fix_rename, to), Edit::replace(m.key_span, quote(to))));
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
                    let msg = msg!(t::trap_key, &m.key, use_instead);
                    self.push(Diagnostic::error(Code::TrapKey, m.key_span, msg));
                }
                Role::Forbidden => {
                    let msg = msg!(t::forbidden_key, &m.key);
                    self.push(
                        Diagnostic::error(Code::ForbiddenKey, m.key_span, msg)
                            .with_fix(Fix::one(t::fix_remove_it, self.remove(self.members, m))),
                    );
                }
            }
        }
    }
}
