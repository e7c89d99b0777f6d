//! The page: connection settings, the builder (form + editor + diagnostics), sending, and the
//! response with its explanation, summary and QR code. Every rule comes from `evo_core`.

use evo_core::builder::{preset_text, Preset};
use evo_core::fields::Profile;
use evo_core::lint::Code;
use evo_core::share::ShareLink;
use leptos::prelude::*;

use crate::actions::create::{self, Create, Runs};
use crate::http::Abort;
use crate::i18n::{self, fill, t, tr, ui, Lang};
use crate::state::{Builder, ProfileSource};
use crate::ui::editor::Editor;
use crate::ui::exports::Exports;
use crate::ui::form::PayloadForm;
use crate::ui::profile::ProfileBar;
use crate::{browser, storage};

use super::connection::{Conn, ConnectionPanel, SANDBOX_URL};
use crate::theme::Theme;

/// What the page starts with: the payload text, its profile and where they came from, and what to
/// say about it.
struct Start {
    text: String,
    profile: Profile,
    source: ProfileSource,
    notice: Option<&'static str>,
}

/// A shared payload in the URL, else the saved draft, else the Basic preset with a fresh token.
fn initial_text() -> Start {
    if let Some(link) = browser::fragment().and_then(|f| ShareLink::decode(&f)) {
        browser::clear_fragment();
        let profile = link.profile().unwrap_or_default();
        let text = link.payload().to_owned();
        return Start { text, profile, source: ProfileSource::Saved, notice: Some(t().share_loaded) };
    }
    if let Some(storage::Draft { text, profile }) = storage::load_draft().filter(|d| !d.text.trim().is_empty()) {
        return Start { text, profile: profile.unwrap_or_default(), source: ProfileSource::Saved, notice: None };
    }
    let token = browser::fresh_uuid().unwrap_or_default();
    let text = preset_text(Profile::V1, Preset::Basic, "", &token, true);
    Start { text, profile: Profile::V1, source: ProfileSource::Default, notice: None }
}

#[component]
pub fn App() -> impl IntoView {
    let theme = storage::load_theme();
    browser::set_theme(theme.id());
    // The saved choice, else the browser's preferences (any Portuguese first → pt-BR); main has
    // already loaded evo-core's texts in it.
    let lang = i18n::init(i18n::usable(i18n::starting_lang()));
    let show_lang = move |l: Lang| browser::set_lang(l.code(), i18n::texts(l).doc_title);
    show_lang(lang.get_untracked());
    // The language last picked in the select: a slow catalogue load must not switch to a language
    // the reader has left meanwhile.
    let wanted = StoredValue::new(lang.get_untracked());
    let Start { text, profile, source, notice } = initial_text();
    let b = Builder::new(text, profile, source);
    provide_context(b);
    let base_url = RwSignal::new(storage::load_base_url().unwrap_or_else(|| {
        if browser::page_is_local() {
            SANDBOX_URL.to_owned()
        } else {
            String::new()
        }
    }));
    let remembered = storage::load_key(&base_url.get_untracked());
    let remember = RwSignal::new(remembered.is_some());
    let api_key = RwSignal::new(remembered.unwrap_or_default());
    let timeout_s = RwSignal::new(30u32);
    let conn =
        Conn { base_url, api_key, server: RwSignal::new(None), saved: RwSignal::new(storage::load_connections()) };
    provide_context(conn);
    let existing = RwSignal::new(String::new());
    let opened = RwSignal::new(None::<String>);
    let abort = StoredValue::new(None::<Abort>);

    Effect::new(move |_| storage::save_base_url(&base_url.get()));
    // The key is written to storage only while "Remember on this device" is on.
    Effect::new(move |_| {
        let (url, key) = (base_url.get(), api_key.get());
        if remember.get() && !key.is_empty() {
            storage::save_key(&url, &key);
        }
    });

    // What the response card's live region announces about the answer (set by the answer's view).
    let live = RwSignal::new(String::new());
    // One create at a time (the button is disabled while one is in flight): two signals and a task,
    // not a Leptos `Action`, whose code (dispatch, its async-derived value, pending counter) cost
    // the first load more.
    let pending = RwSignal::new(false);
    let answer = RwSignal::new(None::<create::Outcome>);
    let send = move || {
        if pending.get_untracked() {
            return;
        }
        b.lint_now();
        live.set(String::new());
        let errors = b.linted.with_untracked(|l| l.errors);
        b.server_errors.set(Vec::new());
        let controller = Abort::new();
        abort.set_value(controller.clone());
        let req = Create {
            base: base_url.get_untracked(),
            key: api_key.get_untracked(),
            timeout: timeout_s.get_untracked(),
            body: b.text.get_untracked(),
            name: b.str_field("instanceName").unwrap_or_default(),
            token: b.str_field("token").unwrap_or_default(),
            profile: b.profile.get_untracked(),
            chosen: b.profile_source.get_untracked() == ProfileSource::User,
            known: conn.known_server().map(|k| Runs { version: k.version, profile: k.profile }),
            controller,
            conn,
            b,
        };
        pending.set(true);
        leptos::task::spawn_local(async move {
            let outcome = create::run(errors, req).await;
            answer.try_set(Some(outcome));
            pending.try_set(false);
        });
    };
    // Keyboard and screen-reader users land on the answer (announced by the live region below).
    Effect::new(move |_| {
        if answer.with(Option::is_some) {
            browser::focus("resp-h");
        }
    });
    let errors = move || b.linted.with(|l| l.errors);
    let send_label = move || {
        let u = ui();
        match (pending.get(), errors()) {
            (true, _) => u.creating.to_owned(),
            (false, 0) => u.create.to_owned(),
            // The one "error" is the rules not being there yet (a moment): say so.
            (false, 1) if b.linted.with(|l| l.rows.iter().any(|r| r.code == Code::RulesLoading)) => {
                u.rules_loading.to_owned()
            }
            (false, 1) => u.fix_one_first.to_owned(),
            (false, n) => fill(u.fix_n_first, &[&n.to_string()]),
        }
    };

    let instances_tab = RwSignal::new(false);
    view! {
        <header class="top">
            <div class="grow">
                <h1>{tr(|u| u.title)}</h1>
                <p class="sub">
                    {tr(|u| u.intro_1)} <code>"{baseUrl}/instance/create"</code> {tr(|u| u.intro_2)}
                </p>
                {notice.map(|n| view! { <p class="msg warn" role="status">{n}</p> })}
            </div>
            <div class="field">
                <label for="language">{tr(|u| u.language)}</label>
                <select id="language" data-testid="language" prop:value=move || lang.get().code() on:change:target=move |ev| {
                    let l = Lang::from_tag(&ev.target().value()).unwrap_or_default();
                    wanted.set_value(l);
                    let switch = move || {
                        if wanted.get_value() != l {
                            return;
                        }
                        // (English if pt-BR's catalogue could not be loaded: the select says so.)
                        let shown = i18n::usable(l);
                        lang.set(shown);
                        storage::save_lang(l);
                        show_lang(shown);
                        // The diagnostics render again in the new language (the views read it);
                        // nothing is linted again and the text stays as it is.
                    };
                    // evo-core's texts in that language first (pt-BR: fetched once), then the switch.
                    crate::actions::texts::with_domain(l, Box::new(switch));
                }>
                    {Lang::ALL.map(|l| view! { <option value=l.code()>{l.name()}</option> })}
                </select>
            </div>
            <div class="field">
                <label for="theme">{tr(|u| u.theme)}</label>
                <select id="theme" data-testid="theme" prop:value=theme.id() on:change:target=move |ev| {
                    let t = Theme::parse(&ev.target().value());
                    browser::set_theme(t.id());
                    storage::save_theme(t);
                }>
                    // Written out, not mapped over `Theme::ALL`: an array of views costs the first load more.
                    <option value=Theme::System.id()>{tr(|u| u.theme_system)}</option>
                    <option value=Theme::Light.id()>{tr(|u| u.theme_light)}</option>
                    <option value=Theme::Dark.id()>{tr(|u| u.theme_dark)}</option>
                </select>
            </div>
        </header>
        <main class="grid">
            <section class="card wide" aria-labelledby="conn-h">
                <h2 id="conn-h">{tr(|u| u.connection)}</h2>
                <div class="conn">
                    <ConnectionPanel base_url api_key remember timeout_s />
                </div>
            </section>
            <nav class="tabs wide" aria-label=tr(|u| u.views)>
                <button type="button" data-testid="create-tab" aria-pressed=move || (!instances_tab.get()).to_string() on:click=move |_| instances_tab.set(false)>
                    {tr(|u| u.create_tab)}
                </button>
                <button type="button" data-testid="instances-tab" aria-pressed=move || instances_tab.get().to_string() on:click=move |_| instances_tab.set(true)>
                    {tr(|u| u.instances_tab)}
                </button>
            </nav>
            // The instances view lives only while shown (its refresh stops when it goes); the
            // create view stays mounted, hidden, so nothing typed or answered is lost.
            {move || instances_tab.get().then(|| crate::ui::show(crate::ui::instances::instances()))}
            <div class="create-view wide" hidden=move || instances_tab.get()>
            <div class="builder">
            <section class="card" aria-labelledby="payload-h">
                <h2 id="payload-h">{tr(|u| u.payload)}</h2>
                <ProfileBar />
                <PayloadForm />
            </section>
            <section class="card sticky" aria-labelledby="json-h">
                <h2 id="json-h">"JSON"</h2>
                <Editor />
                <Exports base_url />
                <div class="row send-row">
                    <button
                        class="primary"
                        data-testid="send"
                        type="button"
                        prop:disabled=move || pending.get() || (errors() != 0)
                        on:click=move |_| send()
                    >
                        {send_label}
                    </button>
                    <button
                        type="button"
                        data-testid="abort"
                        hidden=move || !pending.get()
                        on:click=move |_| abort.with_value(|a| if let Some(a) = a { a.abort() })
                    >
                        {tr(|u| u.stop)}
                    </button>
                    <span class="hint" data-testid="send-hint">
                        {move || (errors() != 0).then(|| ui().send_hint)}
                    </span>
                </div>
            </section>
            </div>
            <section class="card wide" aria-labelledby="resp-h" aria-busy=move || pending.get().to_string()>
                <h2 id="resp-h" tabindex="-1">{tr(|u| u.response)}</h2>
                <p class="sr-only" role="status" data-testid="response-live">
                    {move || if pending.get() { ui().sent_waiting.to_owned() } else { live.get() }}
                </p>
                // While a create is in flight the previous answer is not shown as if it were this one's.
                {move || match (pending.get(), answer.get()) {
                    (true, _) => view! { <p class="muted" data-testid="response-pending">{tr(|u| u.waiting)}</p> }.into_any(),
                    (false, None) => view! { <p class="muted">{tr(|u| u.nothing_sent)}</p> }.into_any(),
                    (false, Some(outcome)) => crate::ui::show(crate::ui::response::outcome(outcome, live)),
                }}
            </section>
            <section class="card wide" aria-labelledby="existing-h">
                <h2 id="existing-h">{tr(|u| u.existing_h)}</h2>
                <div class="row">
                    <label for="existing-name" class="sr-only">{tr(|u| u.instance_name)}</label>
                    <input
                        id="existing-name"
                        data-testid="existing-name"
                        type="text"
                        placeholder=tr(|u| u.existing_placeholder)
                        spellcheck="false"
                        bind:value=existing
                    />
                    <button
                        type="button"
                        data-testid="open-panel"
                        prop:disabled=move || existing.with(|n| n.trim().is_empty())
                        on:click=move |_| {
                            opened.set(None);
                            opened.set(Some(existing.get_untracked().trim().to_owned()));
                        }
                    >
                        {tr(|u| u.show_qr)}
                    </button>
                </div>
                {move || opened.get().map(|name| crate::ui::show(crate::ui::qr_panel::qr_panel(name, base_url, api_key)))}
            </section>
            </div>
        </main>
    }
}
