//! The page's shared state: the payload text (the source of truth for what is sent), its lint
//! report (recomputed after a pause in typing), and the operations the form, presets and fix-its
//! perform on the text.

use std::cell::Cell;
use std::sync::Arc;
use std::time::Duration;

use evo_core::builder::{get_path, preset_text, set_fields, set_path, strip_secrets, Preset};
use evo_core::fields::Profile;
use evo_core::json::Json;
use evo_core::lint::{
    self, apply_fixes, shape_of, Code, Diagnostic, Fix, LineIndex, LintOptions, Node, Report, Rules, Severity, Span,
};
use evo_core::migrate::{Migrate, Note};
use evo_core::msg::Msg;
use evo_core::version::ServerVersion;
use leptos::prelude::*;

use crate::{browser, storage};

thread_local! {
    /// Each generation's rules (1.x, 2.x) once its part is loaded ([`v1_rules`], [`v2_rules`]), and
    /// whether it is being fetched.
    static RULES: Cell<[Option<Rules>; 2]> = const { Cell::new([None, None]) };
    static LOADING: Cell<[bool; 2]> = const { Cell::new([false, false]) };
    /// How many fetches of the rules failed in a row (the wait before the next try doubles).
    static RULE_TRIES: Cell<u32> = const { Cell::new(0) };
    /// How many times the create payload was linted (tests: a language switch must not lint again).
    static LINT_RUNS: Cell<u32> = const { Cell::new(0) };
}

/// How many times the create payload has been linted since the page started.
pub fn lint_runs() -> u32 {
    LINT_RUNS.with(Cell::get)
}

/// The linter's options for `profile`, with a fresh token for the fix-its
/// and each generation's rules when they are loaded (before that, a text gets one `evo/rules-loading`
/// error, which holds sending until they are: see [`Builder::want_rules`]).
fn lint_options(profile: Profile, server: Option<ServerVersion>) -> LintOptions {
    let mut opts = LintOptions::with_fresh_token(browser::fresh_uuid().unwrap_or_default()).with_profile(profile);
    opts.rules.server_version = server;
    [opts.rules.v1, opts.rules.v2] = RULES.with(Cell::get);
    opts
}

/// One diagnostic, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub code: Code,
    /// Rendered in the view, in the page's language at that moment (a switch re-renders, never re-lints).
    pub message: Msg,
    pub span: Span,
    /// Shared, so drawing a row copies no message.
    pub fix: Option<Arc<Fix>>,
    /// The field it is about (a dotted path for a nested one), when there is one.
    pub field: Option<String>,
}

impl Row {
    /// `d` at its line and column, about `field` (taken, not copied: a message is only rendered).
    pub fn of(d: Diagnostic, idx: &LineIndex, field: Option<String>) -> Self {
        let (line, col) = idx.position(d.span.start);
        Row {
            line,
            col,
            severity: d.severity,
            code: d.code,
            message: d.message,
            span: d.span,
            fix: d.fix.map(Arc::new),
            field,
        }
    }
}

/// The lint report of one version of the text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Linted {
    /// How long linting this text took, in ms (shown as a figure, for big pastes).
    pub lint_ms: u32,
    pub rows: Vec<Row>,
    pub root: Option<Node>,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Linted {
    fn compute(text: &str, profile: Profile, server: Option<ServerVersion>, used_tokens: &[(String, String)]) -> Self {
        LINT_RUNS.with(|n| n.set(n.get() + 1));
        let started = browser::now_ms();
        let mut opts = lint_options(profile, server);
        opts.rules.used_tokens = used_tokens.to_vec();
        let report = lint::lint(text, &opts);
        Linted::of(text, report, (browser::now_ms() - started).max(0.0) as u32)
    }

    /// A report of `text` as the editor's rows, each with the field it is about (named by the rule
    /// that found it), linted in `lint_ms`.
    pub fn of(text: &str, report: Report, lint_ms: u32) -> Self {
        let idx = LineIndex::new(text);
        let (errors, warnings, notes) =
            (report.count(Severity::Error), report.count(Severity::Warning), report.count(Severity::Info));
        let rows = report
            .diagnostics
            .into_iter()
            .map(|d| {
                let field = d.field.map(str::to_owned);
                Row::of(d, &idx, field)
            })
            .collect();
        Linted { lint_ms, rows, errors, warnings, notes, root: report.root }
    }

    /// A field's value (a dotted path for a nested one), if the text has one.
    pub fn field(&self, path: &str) -> Option<&Node> {
        get_path(self.root.as_ref()?, path)
    }

    /// The first error or warning about `key`.
    pub fn field_message(&self, key: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.severity != Severity::Info && r.field.as_deref() == Some(key))
    }
}

/// Where the profile in use came from.
#[derive(Debug, Clone, PartialEq)]
pub enum ProfileSource {
    /// The page's default (no server read yet).
    Default,
    /// The server's `GET /` version.
    Server(String),
    /// Chosen by the user (the select, a switch, a migration).
    User,
    /// Carried by a share link or the saved draft.
    Saved,
}

/// The builder's state, shared through context.
#[derive(Clone, Copy)]
pub struct Builder {
    pub text: RwSignal<String>,
    pub linted: RwSignal<Arc<Linted>>,
    pub preset: RwSignal<Option<Preset>>,
    /// The server generation whose rules, form and presets apply.
    pub profile: RwSignal<Profile>,
    pub profile_source: RwSignal<ProfileSource>,
    /// What the last migration changed, with reasons.
    pub notes: RwSignal<Vec<Note>>,
    /// Why the last form change or migration could not be applied to the text, in the reader's
    /// language when it happened. (Typed, as `EditError { Patch, Migrate, Unavailable }`, it cost
    /// +374 B brotli in the first load: Leptos builds its signal code again for each value type.)
    pub patch_error: RwSignal<Option<String>>,
    /// Errors the server reported for fields (after a 400), shown next to them.
    pub server_errors: RwSignal<Vec<(String, String)>>,
    /// Tokens already sent in a create that succeeded: `(token, instance)`.
    pub used_tokens: StoredValue<Vec<(String, String)>>,
    /// The version of the server last read (Test connection, the first send): the rules and the
    /// events offered follow it (2.3.x or 2.4).
    pub server: RwSignal<Option<ServerVersion>>,
    stash: StoredValue<Vec<(Profile, Preset, String)>>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

/// Texts this long are linted after a longer pause, so typing stays smooth.
const LARGE: usize = 100_000;

impl Builder {
    pub fn new(initial: String, profile: Profile, source: ProfileSource) -> Self {
        let linted = Arc::new(Linted::compute(&initial, profile, None, &[]));
        let b = Builder {
            text: RwSignal::new(initial),
            linted: RwSignal::new(linted),
            preset: RwSignal::new(None),
            profile: RwSignal::new(profile),
            profile_source: RwSignal::new(source),
            notes: RwSignal::new(Vec::new()),
            patch_error: RwSignal::new(None),
            server_errors: RwSignal::new(Vec::new()),
            used_tokens: StoredValue::new(Vec::new()),
            server: RwSignal::new(None),
            stash: StoredValue::new(Vec::new()),
            timer: StoredValue::new(None),
        };
        b.want_rules();
        b
    }

    /// A text was linted before its generation's rules were there: load them (a part; a release
    /// build fetches both as the page starts, in one bundle: scripts/wasm-bundle.mjs), then lint again. A
    /// failed fetch is tried again at the next lint, and on its own after 2, 4, … 32 s (a network
    /// blip as the page starts must not leave sending held until the user edits something).
    fn want_rules(&self) {
        let i = match self.profile.get_untracked() {
            Profile::V1 => 0,
            Profile::V2 => 1,
        };
        if RULES.with(Cell::get)[i].is_some() || LOADING.with(|l| l.get()[i]) {
            return;
        }
        set_at(&LOADING, i, true);
        let this = *self;
        leptos::task::spawn_local(async move {
            let loaded = if i == 0 { v1_rules().await } else { v2_rules().await };
            set_at(&LOADING, i, false);
            if loaded.is_err() {
                let tries = RULE_TRIES.with(|t| t.replace(t.get().saturating_add(1)));
                let wait = Duration::from_secs(2u64 << tries.min(4));
                let _ = set_timeout_with_handle(
                    move || {
                        if this.text.try_get_untracked().is_some() {
                            this.want_rules();
                        }
                    },
                    wait,
                );
            }
            if let Ok(rules) = loaded {
                // A later failure (the other generation's rules) waits 2 s again, not where this one left off.
                RULE_TRIES.with(|t| t.set(0));
                set_at(&RULES, i, Some(rules));
                // Disposed (the page was torn down meanwhile: tests): nothing to lint.
                if this.text.try_get_untracked().is_some() {
                    this.lint_now();
                    // `evo-checked`: from navigation start until the text is checked by its rules
                    // (scripts/tti.mjs prints it beside the moment the page is usable).
                    browser::measure_at_next_frame("evo-checked", 0.0);
                }
            }
        });
    }

    pub fn expect() -> Self {
        expect_context::<Builder>()
    }

    fn cancel_timer(&self) {
        if let Some(t) = self.timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
    }

    /// Lints now, and saves the draft (without secrets) with its profile.
    pub fn lint_now(&self) {
        self.cancel_timer();
        let started = browser::now_ms();
        let text = self.text.get_untracked();
        let profile = self.profile.get_untracked();
        let server = self.server.get_untracked();
        let linted = self.used_tokens.with_value(|u| Linted::compute(&text, profile, server, u));
        self.linted.set(Arc::new(linted));
        self.want_rules();
        // Lint run → its diagnostics on screen (printed by the e2e run).
        browser::measure_at_next_frame("lint-to-screen", started);
        // Drafts past 2 MB are not kept: browser storage holds about 5 MB in all.
        if text.len() <= 2_000_000 {
            if let Some(clean) = strip_secrets(&text) {
                storage::save_draft(&clean, profile);
            }
        }
    }

    /// The user typed in the editor: keep the text, lint after a pause.
    pub fn typed(&self, text: String) {
        let delay = if text.len() > LARGE { 600 } else { 150 };
        self.text.set(text);
        self.cancel_timer();
        let this = *self;
        let handle = set_timeout_with_handle(move || this.lint_now(), Duration::from_millis(delay)).ok();
        self.timer.set_value(handle);
    }

    /// Replaces the text (a preset, a fix, a form change) and lints at once.
    pub fn replace(&self, text: String) {
        self.text.set(text);
        self.lint_now();
    }

    /// Sets a field (a dotted path for a nested one) from the form; `None` removes it. The rest of
    /// the text is untouched.
    pub fn patch(&self, path: &str, value: Option<Json>) {
        match set_path(&self.text.get_untracked(), path, value.as_ref()) {
            Ok(t) => {
                self.patch_error.set(None);
                self.server_errors.update(|e| e.retain(|(k, _)| k != path));
                self.replace(t);
            }
            Err(e) => self.patch_error.set(Some(e.message(crate::i18n::lang()))),
        }
    }

    pub fn apply_fix(&self, fix: &Fix) {
        let (t, _) = apply_fixes(&self.text.get_untracked(), [fix]);
        self.replace(t);
    }

    pub fn fix_all(&self) {
        let opts = lint_options(self.profile.get_untracked(), self.server.get_untracked());
        let (t, _) = lint::fix_all(&self.text.get_untracked(), &opts);
        self.replace(t);
    }

    /// Checks the text against another profile's rules (the text is not changed).
    pub fn set_profile(&self, profile: Profile, source: ProfileSource) {
        self.profile_source.set(source);
        if self.profile.get_untracked() != profile {
            self.profile.set(profile);
            self.preset.set(None);
            self.lint_now();
        }
    }

    /// The profile the server's version says (Test connection, the first send): like
    /// [`Self::set_profile`], except that a text nobody has edited beyond what presets carry (the
    /// instance name, token and qrcode) becomes the preset in use (Basic at first) in the new
    /// profile's shape — a new user's first payload for a 2.x server needs no fix.
    pub fn set_server_profile(&self, profile: Profile, version: String) {
        let old = self.profile.get_untracked();
        let preset = self.preset.get_untracked().unwrap_or(Preset::Basic);
        let (name, token, qrcode) = self.carried();
        let token = token.unwrap_or_default();
        let untouched =
            old != profile && self.text.with_untracked(|t| *t == preset_text(old, preset, &name, &token, qrcode));
        self.server.set(ServerVersion::parse(&version));
        self.set_profile(profile, ProfileSource::Server(version));
        if untouched {
            self.preset.set(Some(preset));
            self.replace(preset_text(profile, preset, &name, &token, qrcode));
        } else if old == profile {
            // Same generation, maybe another version (2.3 → 2.4): its rules may differ.
            self.lint_now();
        }
    }

    /// What a preset carries over from the text as last linted: the instance name, the token and
    /// qrcode (true when absent).
    fn carried(&self) -> (String, Option<String>, bool) {
        let qrcode = self.linted.with_untracked(|l| l.field("qrcode").and_then(Node::as_bool)).unwrap_or(true);
        (self.str_field("instanceName").unwrap_or_default(), self.str_field("token"), qrcode)
    }

    /// Where "Migrate" takes the text: to the profile in use when the text has the other one's
    /// shape, else to the other profile.
    pub fn migration_target(&self) -> Profile {
        let current = self.profile.get();
        let shape = self.linted.with(|l| l.root.as_ref().and_then(shape_of));
        if shape == Some(current.other()) {
            current
        } else {
            current.other()
        }
    }

    /// Migrates the text to [`Self::migration_target`] with `migrate` (evo-core's `migrate`,
    /// loaded on first use: `actions::migrate`) and switches to that profile; the notes say what
    /// changed.
    pub fn migrate(&self, migrate: Migrate) {
        let to = self.migration_target();
        let from = to.other();
        match migrate(&self.text.get_untracked(), from, to) {
            Ok(m) => {
                self.patch_error.set(None);
                self.notes.set(m.notes);
                self.profile_source.set(ProfileSource::User);
                self.profile.set(to);
                self.preset.set(None);
                self.replace(m.text);
            }
            Err(e) => self.patch_error.set(Some(e.message(crate::i18n::lang()))),
        }
    }

    /// After a create that succeeded: the token is spent (2.x would accept it twice, 1.x refuses
    /// it), so the text gets a fresh one. Returns whether the token in the text was replaced.
    pub fn spend_token(&self, token: &str, instance: &str) -> bool {
        if token.is_empty() {
            return false;
        }
        self.used_tokens.update_value(|u| u.push((token.to_owned(), instance.to_owned())));
        let current = self.str_field("token");
        match browser::fresh_uuid() {
            Some(fresh) if current.as_deref() == Some(token) => {
                self.patch("token", Some(Json::from(fresh)));
                true
            }
            _ => {
                self.lint_now();
                false
            }
        }
    }

    /// A field's string value in the text as last linted.
    pub fn str_field(&self, key: &str) -> Option<String> {
        self.linted.with_untracked(|l| l.field(key).and_then(Node::as_str).map(str::to_owned))
    }

    /// Switches preset: this preset's own fields come back as last typed (for this profile), and
    /// the instance name, token and qrcode carry over from what is in the editor now.
    pub fn switch_preset(&self, to: Preset) {
        self.lint_now();
        let profile = self.profile.get_untracked();
        let current = self.text.get_untracked();
        if let Some(from) = self.preset.get_untracked() {
            self.stash.update_value(|s| {
                s.retain(|(p, q, _)| (*p, *q) != (profile, from));
                s.push((profile, from, current.clone()));
            });
        }
        let (name, token, qrcode) = self.carried();
        let token = token.or_else(browser::fresh_uuid).unwrap_or_default();
        let base = self
            .stash
            .with_value(|s| s.iter().find(|(p, q, _)| (*p, *q) == (profile, to)).map(|(_, _, t)| t.clone()))
            .unwrap_or_else(|| preset_text(profile, to, &name, &token, qrcode));
        let carried = set_fields(
            &base,
            &[
                ("instanceName", Some(Json::from(name))),
                ("token", Some(Json::from(token))),
                ("qrcode", Some(Json::from(qrcode))),
            ],
        )
        .unwrap_or(base);
        self.preset.set(Some(to));
        self.replace(carried);
    }
}

/// Sets one generation's slot in `cell` (0: 1.x, 1: 2.x).
fn set_at<T: Copy>(cell: &'static std::thread::LocalKey<Cell<[T; 2]>>, i: usize, value: T) {
    cell.with(|c| {
        let mut v = c.get();
        v[i] = value;
        c.set(v);
    });
}

crate::lazy::part! {
    /// The 1.x rules, handed to the linter once loaded (`state::lint_options`).
    v1_rules() -> Rules {
        evo_core::lint::v1_rules()
    }
}

crate::lazy::part! {
    /// The 2.x rules, handed to the linter once loaded (`state::lint_options`).
    v2_rules() -> Rules {
        evo_core::lint::v2_rules()
    }
}

/// The connection settings, shared with the QR panel.
#[derive(Clone, Copy)]
pub struct Conn {
    pub base_url: RwSignal<String>,
    pub api_key: RwSignal<String>,
    /// What the server at a base URL said it runs, once read.
    pub server: RwSignal<Option<KnownServer>>,
    /// The saved connections (name, base URL, last version seen).
    pub saved: RwSignal<Vec<storage::Saved>>,
}

impl Conn {
    /// Changes the saved connections and stores them (a no-op once the page is gone).
    pub fn edit_saved(&self, f: impl FnOnce(&mut Vec<storage::Saved>)) {
        self.saved.try_update(|list| {
            f(list);
            storage::save_connections(list);
        });
    }

    /// What is known of the server at the current base URL.
    pub fn known_server(&self) -> Option<KnownServer> {
        let base = self.base_url.get_untracked();
        self.server.with_untracked(|s| s.as_ref().filter(|k| k.base == base).cloned())
    }
}

/// What a server said it runs (`GET /`).
#[derive(Clone, PartialEq)]
pub struct KnownServer {
    pub base: String,
    pub version: String,
    pub profile: Profile,
    /// The WhatsApp Web version it connects with (2.x).
    pub whatsapp_web: Option<String>,
}
