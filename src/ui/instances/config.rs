//! The instances view's doors to the configuration part: one instance's page (its row's
//! `instance-configure`) and one change to the rows ticked (`instances-bulk`).

use evo_core::fields::Profile;
use leptos::prelude::*;

use super::Ctl;
use crate::i18n::tfp;

/// The configuration page of one instance, or one change to the rows ticked (parts of their own);
/// each drawn again only when its own signal changes, so ticking a row keeps an open page.
pub(super) fn config_area(c: Ctl, v2: bool) -> impl IntoView {
    let bulk_button = move || {
        let n = c.selected.with(Vec::len);
        (n > 0).then(|| {
            view! {
                <button type="button" data-testid="instances-bulk" on:click=move |_| c.bulk.set(true)>
                    {tfp(|u| u.inst_bulk, &[&n.to_string()])}
                </button>
            }
        })
    };
    let page = move || {
        c.configuring.get().map(|t| {
            let on_close = Callback::new(move |()| c.configuring.set(None));
            crate::ui::show(crate::ui::config::config_view(t, on_close))
        })
    };
    let bulk = move || {
        c.bulk.get().then(|| {
            let names = c.selected.get_untracked();
            let on_close = Callback::new(move |()| c.bulk.set(false));
            crate::ui::show(crate::ui::config::bulk::config_bulk(
                names,
                if v2 { Profile::V2 } else { Profile::V1 },
                on_close,
            ))
        })
    };
    view! { {bulk_button} {page} {bulk} }
}
