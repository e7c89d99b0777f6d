//! Event lists of the configuration bodies: the generation's names, exact case (W4/E4), the
//! other generation's names and `GROUPS_UPDATE` (W19) named, repeats, and `[]` = all (W18).

use super::cx::{Cx, WithFixRef};
use crate::fields::Profile;
use crate::json::quote;
use crate::lint::suggest::closest;
use crate::lint::syntax::{Kind, Node};
use crate::lint::{Code, Edit, Severity, Span};
use crate::msg::keys::lint_config as t;

impl<'a> Cx<'a> {
    /// An events list: the generation's names, exact case (W4/E4), no repeats; `[]` means all (W18).
    pub(super) fn events(&mut self, path: &str, items: &'a [Node]) {
        let version = self.ctx.server_version;
        // 2.4 adds MESSAGING_HISTORY_SET to the list every set route checks.
        let known = self.profile.offered_events(version);
        let other = self.profile.other().events();
        if items.is_empty() {
            self.say(
                Severity::Info,
                Code::ConfigNote,
                self.value(path).map_or(self.top(), |v| v.span),
                t::w18_all,
                &[&known.len().to_string()],
            );
        }
        let mut seen: Vec<&str> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let remove = || match (i, items.get(1)) {
                (0, Some(next)) => Edit::delete(Span::new(item.span.start, next.span.start)),
                (0, None) => Edit::delete(item.span),
                _ => Edit::delete(Span::new(items[i - 1].span.end, item.span.end)),
            };
            let Some(name) = item.as_str() else {
                if item.kind != Kind::Invalid {
                    self.say(Severity::Error, Code::Event, item.span, t::w4_unknown, &[self.raw(item), path, ""]);
                }
                continue;
            };
            if known.contains(&name) {
                if seen.contains(&name) {
                    let fix = self.fix(t::fix_remove, &[name], vec![remove()]);
                    self.say(Severity::Warning, Code::DuplicateEvent, item.span, t::w4_duplicate, &[name])
                        .with_fix_opt_ref(Some(fix));
                }
                seen.push(name);
                continue;
            }
            if name == crate::events::HISTORY_SET && self.profile == Profile::V2 {
                // A 2.3.x server refuses it (400); one not read yet may be either.
                let sev = if version.is_some() { Severity::Error } else { Severity::Warning };
                let code = if version.is_some() { Code::UnknownEvent } else { Code::EventVersion };
                self.say(sev, code, item.span, t::w4_history_set, &[name, path]);
                continue;
            }
            let upper = name.to_ascii_uppercase().replace(['.', '-', ' '], "_");
            let guess = known.iter().copied().find(|e| *e == upper).or_else(|| closest(name, known));
            let (tpl, fix) = if name == "GROUPS_UPDATE" {
                (t::w19_groups_update, Some(self.fix(t::fix_remove, &[name], vec![remove()])))
            } else if other.contains(&upper.as_str()) && !known.contains(&upper.as_str()) {
                (t::w4_other_gen, Some(self.fix(t::fix_remove, &[name], vec![remove()])))
            } else {
                (t::w4_unknown, guess.map(|g| self.fix(t::fix_write, &[g], vec![Edit::replace(item.span, quote(g))])))
            };
            let msg = if tpl == t::w4_unknown {
                crate::msg!(tpl, name, path, guess.map(|g| crate::msg!(t::did_you_mean, g)))
            } else {
                crate::msg!(tpl, name, self.profile.id(), path)
            };
            self.say_msg(Severity::Error, Code::UnknownEvent, item.span, msg).with_fix_opt_ref(fix);
        }
    }
}
