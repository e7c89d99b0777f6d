//! The page's shared state: the payload text (the source of truth for what is sent), its lint
//! report (recomputed after a pause in typing), and the operations the form, presets and fix-its
//! perform on the text.

use std::sync::Arc;
use std::time::Duration;

use evo_core::builder::{preset_text, set_field, set_fields, strip_secrets, Preset};
use evo_core::lint::{self, apply_fixes, Fix, LineIndex, LintOptions, Node, Severity, Span};
use leptos::prelude::*;
use serde_json::Value;

use crate::{browser, storage};

/// One diagnostic, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub span: Span,
    pub fix: Option<Fix>,
    /// The top-level field it is about, when there is one.
    pub field: Option<String>,
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
    fn compute(text: &str) -> Self {
        let started = browser::now_ms();
        let opts = LintOptions::with_fresh_token(browser::fresh_uuid().unwrap_or_default());
        let report = lint::lint(text, &opts);
        let idx = LineIndex::new(text);
        let members = report.root.as_ref().and_then(Node::members).unwrap_or_default();
        let field_of = |d: &lint::Diagnostic| -> Option<String> {
            let by_code = match d.code {
                "evo/required" => Some("instanceName"),
                "evo/token-missing" => Some("token"),
                "evo/qrcode-missing" => Some("qrcode"),
                "evo/chatwoot-sign-msg" => Some("chatwoot_sign_msg"),
                "evo/webhook-without-events" => Some("events"),
                _ => None,
            };
            by_code.map(str::to_owned).or_else(|| {
                members
                    .iter()
                    .find(|m| m.span().start <= d.span.start && d.span.end <= m.span().end)
                    .map(|m| m.key.clone())
            })
        };
        let rows = report
            .diagnostics
            .iter()
            .map(|d| {
                let (line, col) = idx.position(d.span.start);
                Row {
                    line,
                    col,
                    severity: d.severity,
                    code: d.code,
                    message: d.message.clone(),
                    span: d.span,
                    fix: d.fix.clone(),
                    field: field_of(d),
                }
            })
            .collect();
        Linted {
            lint_ms: (browser::now_ms() - started).max(0.0) as u32,
            rows,
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            notes: report.count(Severity::Info),
            root: report.root,
        }
    }

    /// A top-level field's value, if the text has one.
    pub fn field(&self, key: &str) -> Option<&Node> {
        self.root.as_ref()?.get(key)?.value.as_ref()
    }

    /// The first error or warning about `key`.
    pub fn field_message(&self, key: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.severity != Severity::Info && r.field.as_deref() == Some(key))
    }
}

/// The builder's state, shared through context.
#[derive(Clone, Copy)]
pub struct Builder {
    pub text: RwSignal<String>,
    pub linted: RwSignal<Arc<Linted>>,
    pub preset: RwSignal<Option<Preset>>,
    /// Why the last form change could not be applied to the text.
    pub patch_error: RwSignal<Option<String>>,
    /// Errors the server reported for fields (after a 400), shown next to them.
    pub server_errors: RwSignal<Vec<(String, String)>>,
    stash: StoredValue<Vec<(Preset, String)>>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

/// Texts this long are linted after a longer pause, so typing stays smooth.
const LARGE: usize = 100_000;

impl Builder {
    pub fn new(initial: String) -> Self {
        let linted = Arc::new(Linted::compute(&initial));
        Builder {
            text: RwSignal::new(initial),
            linted: RwSignal::new(linted),
            preset: RwSignal::new(None),
            patch_error: RwSignal::new(None),
            server_errors: RwSignal::new(Vec::new()),
            stash: StoredValue::new(Vec::new()),
            timer: StoredValue::new(None),
        }
    }

    pub fn expect() -> Self {
        expect_context::<Builder>()
    }

    fn cancel_timer(&self) {
        if let Some(t) = self.timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
    }

    /// Lints now, and saves the draft (without secrets).
    pub fn lint_now(&self) {
        self.cancel_timer();
        let text = self.text.get_untracked();
        self.linted.set(Arc::new(Linted::compute(&text)));
        // Drafts past 2 MB are not kept: browser storage holds about 5 MB in all.
        if text.len() <= 2_000_000 {
            if let Some(clean) = strip_secrets(&text) {
                storage::save_draft(&clean);
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

    /// Sets a top-level field from the form; `None` removes it. The rest of the text is untouched.
    pub fn patch(&self, key: &str, value: Option<Value>) {
        match set_field(&self.text.get_untracked(), key, value.as_ref()) {
            Ok(t) => {
                self.patch_error.set(None);
                self.server_errors.update(|e| e.retain(|(k, _)| k != key));
                self.replace(t);
            }
            Err(e) => self.patch_error.set(Some(e.to_string())),
        }
    }

    pub fn apply_fix(&self, fix: &Fix) {
        let (t, _) = apply_fixes(&self.text.get_untracked(), [fix]);
        self.replace(t);
    }

    pub fn fix_all(&self) {
        let opts = LintOptions::with_fresh_token(browser::fresh_uuid().unwrap_or_default());
        let (t, _) = lint::fix_all(&self.text.get_untracked(), &opts);
        self.replace(t);
    }

    fn str_field(&self, key: &str) -> Option<String> {
        self.linted.with_untracked(|l| l.field(key).and_then(Node::as_str).map(str::to_owned))
    }

    /// Switches preset: this preset's own fields come back as last typed, and the instance name,
    /// token and qrcode carry over from what is in the editor now.
    pub fn switch_preset(&self, to: Preset) {
        self.lint_now();
        let current = self.text.get_untracked();
        if let Some(from) = self.preset.get_untracked() {
            self.stash.update_value(|s| {
                s.retain(|(p, _)| *p != from);
                s.push((from, current.clone()));
            });
        }
        let name = self.str_field("instanceName").unwrap_or_default();
        let token = self.str_field("token").or_else(browser::fresh_uuid).unwrap_or_default();
        let qrcode = self.linted.with_untracked(|l| l.field("qrcode").and_then(Node::as_bool)).unwrap_or(true);
        let base = self
            .stash
            .with_value(|s| s.iter().find(|(p, _)| *p == to).map(|(_, t)| t.clone()))
            .unwrap_or_else(|| preset_text(to, &name, &token, qrcode));
        let carried = set_fields(
            &base,
            &[
                ("instanceName", Some(Value::from(name))),
                ("token", Some(Value::from(token))),
                ("qrcode", Some(Value::from(qrcode))),
            ],
        )
        .unwrap_or(base);
        self.preset.set(Some(to));
        self.replace(carried);
    }
}
