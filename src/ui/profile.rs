//! The profile bar: which server generation the payload is built and checked for (picked from the
//! server's version, or by the user), the one-click migration, and what the migration changed.

use evo_core::fields::Profile;
use leptos::prelude::*;

use crate::state::{Builder, ProfileSource};

#[component]
pub fn ProfileBar() -> impl IntoView {
    let b = Builder::expect();
    let source = move || match b.profile_source.get() {
        ProfileSource::Default => {
            "Not read from the server yet: Test connection picks it (and so does the first send).".to_owned()
        }
        ProfileSource::Server(v) => format!("Picked from the server: it runs Evolution API {v}."),
        ProfileSource::User => "Chosen here.".to_owned(),
        ProfileSource::Saved => "From the saved draft or the share link.".to_owned(),
    };
    let target = move || b.migration_target().label();
    view! {
        <div class="profile-bar">
            <div class="field">
                <label for="profile">"Server generation (profile)"</label>
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
                <button type="button" data-testid="migrate" on:click=move |_| b.migrate()>
                    {move || format!("Migrate the payload to {}", target())}
                </button>
                <p class="hint">"Renames and reshapes the fields as text edits: comments, order and formatting stay; every change is listed."</p>
            </div>
            <ul class="notes" data-testid="migration-notes" aria-live="polite" hidden=move || b.notes.with(Vec::is_empty)>
                {move || {
                    b.notes
                        .get()
                        .into_iter()
                        .map(|n| {
                            let kind = n.kind.as_str();
                            view! {
                                <li class=format!("note {kind}") data-kind=kind>
                                    <span class="tag">{kind}</span>" "{n.message}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}
