//! One "Copy" button with "Copied" feedback, for every value the page offers to copy.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;
use crate::i18n::ui;

/// Copies `text` (read when clicked) to the clipboard and says "Copied" once it is there.
#[component]
pub fn CopyButton(#[prop(into)] text: Signal<String>, testid: &'static str) -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let t = text.get_untracked();
        spawn_local(async move {
            let ok = browser::copy_text(&t).await;
            copied.try_set(ok);
        });
    };
    view! {
        <button type="button" data-testid=testid on:click=copy>
            {move || if copied.get() { ui().copied } else { ui().copy }}
        </button>
    }
}
