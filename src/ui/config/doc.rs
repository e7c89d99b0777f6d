//! One configuration body being edited: its text (the source of truth), its lint report against
//! what the server holds (`lint_config_in` with the `find` body, the server's version and the
//! connection state), and the operations the form, fix-its and editor perform on it.

use std::sync::Arc;
use std::time::Duration;

use evo_core::builder::set_path;
use evo_core::config::{fix_all_config, lint_config_in, ConfigContext, Endpoint};
use evo_core::fields::Profile;
use evo_core::json::Json;
use evo_core::lint::{apply_fixes, Fix, LintOptions};
use evo_core::version::ServerVersion;
use leptos::prelude::*;

use crate::state::Linted;
use crate::ui::editor::{EditorModel, Ids};

/// A configuration body and its report; `Copy`: arena handles owned by its tab.
#[derive(Clone, Copy)]
pub struct Doc {
    pub endpoint: Endpoint,
    pub profile: Profile,
    pub text: RwSignal<String>,
    pub linted: RwSignal<Arc<Linted>>,
    /// The `find` body as last read (raw; `None` before the first read).
    pub current: RwSignal<Option<String>>,
    /// Whether the instance is connected now (from its row), for `syncFullHistory` and `wavoipToken`.
    pub open: Option<bool>,
    pub server: StoredValue<Option<String>>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

const IDS: Ids = Ids {
    editor: "config-editor",
    summary: "config-diagnostics-summary",
    fix_all: "config-fix-all",
    diagnostics: "config-diagnostics",
    gutter: "config-gutter",
    preview: "config-preview",
};

impl Doc {
    /// A document owned by the current owner (its tab): when the tab goes, its pending lint timer
    /// is cleared, and a find or a save answering later finds it gone and is dropped (every method
    /// below is a no-op on a disposed document, never a panic).
    pub fn new(endpoint: Endpoint, profile: Profile, open: Option<bool>, server: Option<String>) -> Doc {
        let timer = StoredValue::new(None::<TimeoutHandle>);
        on_cleanup(move || {
            if let Some(t) = timer.try_update_value(Option::take).flatten() {
                t.clear();
            }
        });
        Doc {
            endpoint,
            profile,
            text: RwSignal::new(String::new()),
            linted: RwSignal::new(Arc::new(Linted::default())),
            current: RwSignal::new(None),
            open,
            server: StoredValue::new(server),
            timer,
        }
    }

    fn options(self) -> LintOptions {
        LintOptions::with_fresh_token(String::new()).with_profile(self.profile)
    }

    pub fn context(self) -> ConfigContext {
        ConfigContext {
            current: self.current.try_get_untracked().flatten(),
            server_version: self.server.try_with_value(|v| v.as_deref().and_then(ServerVersion::parse)).flatten(),
            instance_open: self.open,
        }
    }

    pub fn lint_now(self) {
        if let Some(t) = self.timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
        let Some(text) = self.text.try_get_untracked() else { return };
        let report = lint_config_in(&text, self.endpoint, &self.options(), &self.context());
        self.linted.try_set(Arc::new(Linted::of(&text, report, 0)));
    }

    /// Replaces the text (a read, a form change, a fix) and lints at once.
    pub fn replace(self, text: String) {
        if self.text.try_set(text).is_none() {
            self.lint_now();
        }
    }

    /// Sets a field (dotted path) from the form; `None` removes it.
    pub fn patch(self, path: &str, value: Option<Json>) {
        let Some(text) = self.text.try_get_untracked() else { return };
        if let Ok(t) = set_path(&text, path, value.as_ref()) {
            self.replace(t);
        }
    }

    pub fn errors(self) -> usize {
        self.linted.with(|l| l.errors)
    }
}

impl EditorModel for Doc {
    fn text(self) -> RwSignal<String> {
        self.text
    }
    fn linted(self) -> RwSignal<Arc<Linted>> {
        self.linted
    }
    fn typed(self, text: String) {
        self.text.set(text);
        if let Some(t) = self.timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
        let handle = set_timeout_with_handle(move || self.lint_now(), Duration::from_millis(150)).ok();
        self.timer.set_value(handle);
    }
    fn apply_fix(self, fix: &Fix) {
        let (t, _) = apply_fixes(&self.text.get_untracked(), [fix]);
        self.replace(t);
    }
    fn fix_all(self) {
        let (t, _) = fix_all_config(&self.text.get_untracked(), self.endpoint, &self.options(), &self.context());
        self.replace(t);
    }
    fn ids(self) -> &'static Ids {
        &IDS
    }
    fn label(self) -> &'static str {
        crate::i18n::parts().cfg_editor
    }
    // A body of the other generation gets its conversion as the diagnostic's own fix.
    fn switch_to(self) -> Option<Profile> {
        None
    }
    fn set_profile(self, _: Profile) {}
}
