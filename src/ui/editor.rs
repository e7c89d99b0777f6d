//! The JSON editor (a textarea with line numbers) and the diagnostics list with fix-its.

use std::sync::Arc;

use evo_core::builder::utf16_offset;
use evo_core::fields::Profile;
use evo_core::lint::{Code, Fix, Severity, Span};
use evo_core::render::render;
use leptos::html::Textarea;
use leptos::prelude::*;

use crate::browser;
use crate::i18n::{fill, t, tr, ui, Ui};
use crate::state::{Builder, Linted, ProfileSource, Row};

/// The most diagnostics listed at once (a 1 MB paste can have thousands).
const MAX_ROWS: usize = 200;

/// The severity's word, in the page's language.
fn severity_word(u: &Ui, s: Severity) -> &'static str {
    match s {
        Severity::Error => u.sev_error,
        Severity::Warning => u.sev_warning,
        Severity::Info => u.sev_info,
    }
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "diag err",
        Severity::Warning => "diag warn",
        Severity::Info => "diag info",
    }
}

/// Selects `span` in the editor and scrolls to it.
fn select(editor: NodeRef<Textarea>, text: &str, span: Span) {
    if let Some(el) = editor.get_untracked() {
        let (start, end) = (utf16_offset(text, span.start) as u32, utf16_offset(text, span.end.max(span.start)) as u32);
        let _ = el.focus();
        let _ = el.set_selection_range(start, end);
        // Scroll the line into view: the line's share of the text's height.
        let line = text[..span.start.min(text.len())].bytes().filter(|&b| b == b'\n').count() as f64;
        let lines = (text.bytes().filter(|&b| b == b'\n').count() + 1) as f64;
        let target = (el.scroll_height() as f64 * line / lines) - el.client_height() as f64 / 3.0;
        el.set_scroll_top(target.max(0.0) as i32);
    }
}

/// The element ids (and test ids) of one editor on the page.
pub struct Ids {
    pub editor: &'static str,
    pub summary: &'static str,
    pub fix_all: &'static str,
    pub diagnostics: &'static str,
    pub gutter: &'static str,
    pub preview: &'static str,
}

/// What an editor edits: a text, its lint report, and the operations on them (the create payload's
/// [`Builder`]; an instance's configuration body in the configuration part).
pub trait EditorModel: Copy + Send + Sync + 'static {
    fn text(self) -> RwSignal<String>;
    fn linted(self) -> RwSignal<Arc<Linted>>;
    fn typed(self, text: String);
    fn apply_fix(self, fix: &Fix);
    fn fix_all(self);
    fn ids(self) -> &'static Ids;
    /// The editor's label (tracked).
    fn label(self) -> &'static str;
    /// Where the "check as" button of an `evo/profile` diagnostic switches to (`None`: no button).
    fn switch_to(self) -> Option<Profile>;
    fn set_profile(self, to: Profile);
}

const CREATE_IDS: Ids = Ids {
    editor: "payload-editor",
    summary: "diagnostics-summary",
    fix_all: "fix-all",
    diagnostics: "diagnostics",
    gutter: "gutter",
    preview: "payload-preview",
};

impl EditorModel for Builder {
    fn text(self) -> RwSignal<String> {
        self.text
    }
    fn linted(self) -> RwSignal<Arc<Linted>> {
        self.linted
    }
    fn typed(self, text: String) {
        Builder::typed(&self, text)
    }
    fn apply_fix(self, fix: &Fix) {
        Builder::apply_fix(&self, fix)
    }
    fn fix_all(self) {
        Builder::fix_all(&self)
    }
    fn ids(self) -> &'static Ids {
        &CREATE_IDS
    }
    fn label(self) -> &'static str {
        ui().editor_label
    }
    fn switch_to(self) -> Option<Profile> {
        Some(self.profile.get_untracked().other())
    }
    fn set_profile(self, to: Profile) {
        Builder::set_profile(&self, to, ProfileSource::User)
    }
}

#[component]
pub fn Editor() -> impl IntoView {
    editor_view(Builder::expect())
}

/// The editor and its diagnostics for any [`EditorModel`].
pub fn editor_view<M: EditorModel>(b: M) -> impl IntoView {
    let ids = b.ids();
    let editor: NodeRef<Textarea> = NodeRef::new();
    let gutter: NodeRef<leptos::html::Pre> = NodeRef::new();
    // Keep the DOM value in step with the text without resetting the caret while typing.
    Effect::new(move |_| {
        let t = b.text().get();
        if let Some(el) = editor.get() {
            if el.value() != t {
                el.set_value(&t);
            }
        }
    });
    let line_count = Memo::new(move |_| b.text().with(|t| t.bytes().filter(|&c| c == b'\n').count() + 1));
    // Line numbers, each line with a problem marked by its worst severity (✖ error, ▲ warning,
    // • note). The diagnostics list is the accessible version; the gutter is aria-hidden.
    let gutter_text = move || {
        let n = line_count.get().min(100_000);
        let mut worst: Vec<Option<Severity>> = vec![None; n + 1];
        b.linted().with(|l| {
            for r in &l.rows {
                if let Some(w) = worst.get_mut(r.line) {
                    *w = Some(w.map_or(r.severity, |s| s.min(r.severity)));
                }
            }
        });
        let mut s = String::with_capacity(n * 6);
        for (i, mark) in worst.iter().enumerate().skip(1) {
            s.push_str(match mark {
                Some(Severity::Error) => "✖ ",
                Some(Severity::Warning) => "▲ ",
                Some(Severity::Info) => "• ",
                None => "",
            });
            s.push_str(&i.to_string());
            s.push('\n');
        }
        s
    };
    let sync_scroll = move |_| {
        if let (Some(e), Some(g)) = (editor.get_untracked(), gutter.get_untracked()) {
            g.set_scroll_top(e.scroll_top());
        }
    };
    let summary = move || {
        let u = ui();
        b.linted().with(|l| match (l.errors, l.warnings) {
            (0, 0) => u.no_problems.to_owned(),
            (e, w) => fill(
                u.counts,
                &[
                    &e.to_string(),
                    if e == 1 { u.error_one } else { u.error_many },
                    &w.to_string(),
                    if w == 1 { u.warning_one } else { u.warning_many },
                ],
            ),
        })
    };
    let has_fixes = move || b.linted().with(|l| l.rows.iter().any(|r| r.fix.is_some()));
    view! {
        <div class="editor-wrap">
            <label for=ids.editor class="editor-label">
                {move || b.label()}
            </label>
            <div class="editor">
                <pre class="gutter" data-testid=ids.gutter aria-hidden="true" node_ref=gutter>{gutter_text}</pre>
                <textarea
                    id=ids.editor
                    data-testid=ids.editor
                    node_ref=editor
                    spellcheck="false"
                    autocomplete="off"
                    wrap="off"
                    aria-describedby=ids.summary
                    on:input:target=move |ev| b.typed(ev.target().value())
                    on:scroll=sync_scroll
                ></textarea>
            </div>
        </div>
        <details class="preview">
            <summary>{tr(|u| u.preview)}</summary>
            <pre class="code" data-testid=ids.preview role="region" tabindex="0" aria-label=tr(|u| u.preview)>{move || b.text().get()}</pre>
        </details>
        <div class="diag-head">
            <p
                id=ids.summary
                data-testid=ids.summary
                data-lint-ms=move || b.linted().with(|l| l.lint_ms)
                aria-live="polite"
                role="status"
                tabindex="-1"
            >
                {summary}
            </p>
            <button type="button" data-testid=ids.fix_all prop:disabled=move || !has_fixes() on:click=move |_| {
                // The button is disabled once nothing is left to fix: keep the focus on the outcome.
                b.fix_all();
                browser::focus(ids.summary);
            }>
                {tr(|u| u.fix_all)}
            </button>
        </div>
        <ul class="diagnostics" data-testid=ids.diagnostics>
            {move || {
                // Tracked: a language switch draws the list again from the same rows (no lint).
                let lang = crate::i18n::current();
                b.linted().with(|l| {
                    let more = l.rows.len().saturating_sub(MAX_ROWS);
                    let items = l.rows.iter().take(MAX_ROWS).map(|r| diag_item(b, editor, r, lang)).collect_view();
                    view! {
                        {items}
                        {(more > 0).then(|| view! { <li class="hint">{fill(t().and_more, &[&more.to_string()])}</li> })}
                    }
                })
            }}
        </ul>
    }
}

/// One diagnostic, in `lang`. The list is drawn again when the text is linted or the language
/// changes, so its words are plain text.
fn diag_item<M: EditorModel>(b: M, editor: NodeRef<Textarea>, r: &Row, lang: crate::i18n::Lang) -> impl IntoView {
    let u = crate::i18n::texts(lang);
    let span = r.span;
    let fix = r.fix.clone();
    view! {
        <li class=severity_class(r.severity) data-testid="diagnostic" data-line=r.line data-code=r.code.as_str()>
            <button
                type="button"
                class="diag-go"
                title=u.show_in_editor
                on:click=move |_| select(editor, &b.text().get_untracked(), span)
            >
                <span class="where">{format!("{}:{}", r.line, r.col)}</span>
                <span class="sev">{severity_word(u, r.severity)}</span>
                <span class="msg">{render(&r.message, lang)}</span>
                <code class="code">{r.code.as_str()}</code>
            </button>
            {fix.map(|f| {
                let title = render(&f.title, lang);
                view! {
                    <button type="button" class="fix" data-testid="fix" on:click=move |_| b.apply_fix(&f)>
                        {title}
                    </button>
                }
            })}
            // The text is shaped for the other generation: one click checks it as that one.
            {(r.code == Code::Profile).then(|| b.switch_to()).flatten().map(|to| {
                view! {
                    <button type="button" class="fix" data-testid="switch-profile" on:click=move |_| b.set_profile(to)>
                        {fill(u.check_as, &[to.label()])}
                    </button>
                }
            })}
        </li>
    }
}
