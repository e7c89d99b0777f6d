//! The profile bar: which server generation the payload is built and checked for (picked from the
//! server's version, or by the user), the one-click migration, and what the migration changed.

use evo_core::fields::Profile;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{fill, tr, ui};
use crate::state::{Builder, ProfileSource};

#[component]
pub fn ProfileBar() -> impl IntoView {
    let b = Builder::expect();
    let source = move || {
        let u = ui();
        match b.profile_source.get() {
            ProfileSource::Default => u.src_default.to_owned(),
            ProfileSource::Server(v) => fill(u.src_server, &[&v]),
            ProfileSource::User => u.src_user.to_owned(),
            ProfileSource::Saved => u.src_saved.to_owned(),
        }
    };
    let target = move || b.migration_target().label();
    view! {
        <div class="profile-bar">
            <div class="field">
                <label for="profile">{tr(|u| u.profile)}</label>
                <select
                    id="profile"
                    data-testid="profile"
                    aria-describedby="profile-source"
                    prop:value=move || b.profile.get().id()
                    on:change:target=move |ev| {
                        if let Some(p) = Profile::parse(&ev.target().value()) {
                            b.set_profile(p, ProfileSource::User);
                        }
                    }
                >
                    {Profile::ALL.map(|p| view! { <option value=p.id()>{p.label()}</option> })}
                </select>
                <p id="profile-source" class="hint" data-testid="profile-source">{source}</p>
            </div>
            <div class="field">
                // The migration code is loaded on the first click; the text it migrates is read then.
                <button type="button" data-testid="migrate" on:click=move |_| spawn_local(crate::actions::migrate::run(b))>
                    {move || fill(ui().migrate_to, &[target()])}
                </button>
                <p class="hint">{tr(|u| u.migrate_hint)}</p>
            </div>
            <ul class="notes" data-testid="migration-notes" aria-live="polite" hidden=move || b.notes.with(Vec::is_empty)>
                {move || {
                    b.notes.with(|notes| notes
                        .iter()
                        .map(|n| {
                            let kind = n.kind.as_str();
                            view! {
                                <li class=format!("note {kind}") data-kind=kind>
                                    <span class="tag">{n.kind.label(crate::i18n::current())}</span>" "{evo_core::render::render(&n.message, crate::i18n::current())}
                                </li>
                            }
                        })
                        .collect_view())
                }}
            </ul>
        </div>
    }
}
