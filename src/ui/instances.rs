//! The instances view: every instance on the server at a glance (`fetchInstances`, decoded for 1.x
//! and 2.x by `evo_core::instances`), filtered by text and state with counts, refreshed on demand
//! and, while visible, at a gentle pace (paused while the tab is hidden, backing off on errors).
//! Per row: connect (the QR panel), log out, restart (2.x), delete — with confirmation —, the
//! instance key, and the webhook and settings as the server holds them.

use evo_core::fields::Profile;
use evo_core::instances::{counts, decode_instances, filtered, Instance, StateFilter, Tombstones};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_use_document_visibility::use_document_visibility;
use leptos_use_interval_fn::use_interval_fn;

mod config;
mod window;

use super::connection::Conn;
use super::qr_panel::QrPanel;
use crate::browser;
use crate::http::{Abort, Api, ApiError};
use crate::i18n::{fill, parts, tfp, tp, trp};

/// Seconds between automatic refreshes while the view is visible (doubled after each failure, up
/// to [`MAX_REFRESH_S`]).
const REFRESH_S: u32 = 10;
const MAX_REFRESH_S: u32 = 160;

/// A row action that asks for confirmation first.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Act {
    Logout,
    Delete,
    Restart,
}

impl Act {
    const ALL: [Act; 3] = [Act::Logout, Act::Delete, Act::Restart];

    /// The `data-act` of the row button that asks for it.
    fn id(self) -> &'static str {
        match self {
            Act::Logout => "logout",
            Act::Delete => "delete",
            Act::Restart => "restart",
        }
    }

    fn of(id: &str) -> Option<Act> {
        Act::ALL.into_iter().find(|a| a.id() == id)
    }

    fn label(self) -> &'static str {
        let u = tp();
        match self {
            Act::Logout => u.log_out,
            Act::Delete => u.act_delete,
            Act::Restart => u.act_restart,
        }
    }
}

/// The status line under the toolbar: what the last action or load said, and whether it went well.
#[derive(Clone, PartialEq)]
struct Said {
    ok: bool,
    text: String,
}

/// One instance's details (its record, and on 2.x its settings), shown under its row.
#[derive(Clone, PartialEq)]
struct Details {
    name: String,
    text: String,
}

/// An action waiting for "Yes" in an instance's row.
#[derive(Clone, PartialEq)]
struct Asked {
    act: Act,
    name: String,
}

/// The view's state; `Copy`: arena handles owned by the view.
#[derive(Clone, Copy)]
struct Ctl {
    conn: Conn,
    /// Shared handles: filtering and moving the window of rows copy pointers, not instances.
    list: RwSignal<Vec<Arc<Instance>>>,
    message: RwSignal<Option<Said>>,
    loading: RwSignal<bool>,
    opened: RwSignal<Option<String>>,
    details: RwSignal<Option<Details>>,
    confirm: RwSignal<Option<Asked>>,
    /// The row whose key was just copied.
    copied: RwSignal<Option<String>>,
    every: StoredValue<u32>,
    countdown: StoredValue<u32>,
    abort: StoredValue<Option<Abort>>,
    /// Rows deleted here, kept out of lists that still name them.
    deleted: StoredValue<Tombstones>,
    /// The instance whose configuration page is open; the rows ticked for one change to all.
    configuring: RwSignal<Option<crate::ui::config::Target>>,
    selected: RwSignal<Vec<String>>,
    bulk: RwSignal<bool>,
}

impl Ctl {
    fn api(self) -> Result<Api, ApiError> {
        Api::new(&self.conn.base_url.get_untracked(), &self.conn.api_key.get_untracked())
    }

    fn say(self, ok: bool, text: String) {
        self.message.try_set(Some(Said { ok, text }));
    }

    /// Reloads the list; after a failure the next automatic refresh waits twice as long.
    fn refresh(self) {
        let api = self.api();
        let abort = self.abort.try_get_value().flatten();
        self.loading.set(true);
        spawn_local(async move {
            let result = match api {
                Ok(api) => api.fetch_instances(None, abort).await,
                Err(e) => Err(e),
            };
            let _ = self.loading.try_set(false);
            // From the data's arrival to its rows on screen.
            let arrived = browser::now_ms();
            let ok = match result.map(|r| decode_instances(&r.body)) {
                Ok(Some(mut list)) => {
                    self.deleted.try_update_value(|t| t.apply(&mut list, browser::now_ms()));
                    let _ = self.list.try_set(list.into_iter().map(Arc::new).collect());
                    browser::measure_after_paint("instances-render", arrived);
                    true
                }
                Ok(None) => {
                    self.say(false, tp().inst_not_list.into());
                    false
                }
                Err(e) => {
                    self.say(false, crate::ui::errors::explain(&e).text);
                    false
                }
            };
            let next =
                if ok { REFRESH_S } else { (self.every.try_get_value().unwrap_or(REFRESH_S) * 2).min(MAX_REFRESH_S) };
            self.every.try_set_value(next);
            self.countdown.try_set_value(next);
        });
    }

    /// Runs a confirmed action on one instance, then reloads the list so the row shows the
    /// server's state.
    fn run(self, act: Act, name: String) {
        let api = self.api();
        let abort = self.abort.try_get_value().flatten();
        spawn_local(async move {
            let result = match api {
                Ok(api) => match act {
                    Act::Logout => api.logout(&name, abort).await,
                    Act::Delete => api.delete(&name, abort).await,
                    Act::Restart => api.restart(&name, abort).await,
                },
                Err(e) => Err(e),
            };
            if act == Act::Delete && result.is_ok() {
                // The row leaves at once; the reload below may still list it.
                let now = browser::now_ms();
                self.deleted.try_update_value(|t| t.add(&name, now));
                self.list.try_update(|l| self.deleted.try_update_value(|t| t.apply(l, now)));
            }
            match result {
                Ok(_) => self.say(true, tfp(|u| u.act_done, &[act.label(), &name])),
                Err(e) => {
                    self.say(false, tfp(|u| u.act_failed, &[act.label(), &name, &crate::ui::errors::explain(&e).text]))
                }
            }
            if act == Act::Delete && self.opened.try_get_untracked().flatten().as_deref() == Some(name.as_str()) {
                let _ = self.opened.try_set(None);
            }
            self.refresh();
        });
    }

    /// The webhook (and in 2.x the settings) as the server holds them.
    fn details(self, name: String, v2: bool) {
        let api = self.api();
        let abort = self.abort.try_get_value().flatten();
        spawn_local(async move {
            let Ok(api) = api else { return };
            let show = |r: Result<crate::http::Reply, ApiError>| match r {
                Ok(r) => evo_core::pretty_json(&r.body),
                Err(e) => crate::ui::errors::explain(&e).text,
            };
            let mut text = format!("{}\n{}", tp().details_webhook, show(api.webhook_find(&name, abort.clone()).await));
            if v2 {
                text.push_str(&format!(
                    "\n\n{}\n{}",
                    tp().details_settings,
                    show(api.settings_find(&name, abort).await)
                ));
            }
            let _ = self.details.try_set(Some(Details { name, text }));
        });
    }
}

#[component]
pub fn InstancesView() -> impl IntoView {
    let conn = expect_context::<Conn>();
    let c = Ctl {
        conn,
        list: RwSignal::new(Vec::new()),
        message: RwSignal::new(None),
        loading: RwSignal::new(false),
        opened: RwSignal::new(None),
        details: RwSignal::new(None),
        confirm: RwSignal::new(None),
        copied: RwSignal::new(None),
        every: StoredValue::new(REFRESH_S),
        countdown: StoredValue::new(REFRESH_S),
        abort: StoredValue::new(Abort::new()),
        deleted: StoredValue::new(Tombstones::default()),
        configuring: RwSignal::new(None),
        selected: RwSignal::new(Vec::new()),
        bulk: RwSignal::new(false),
    };
    let text = RwSignal::new(String::new());
    let state = RwSignal::new(StateFilter::All);
    let v2 = move || conn.known_server().is_some_and(|k| k.profile == Profile::V2);
    c.refresh();
    // A gentle automatic refresh while the view is shown and the tab visible.
    let visible = use_document_visibility();
    let _timer = use_interval_fn(
        move || {
            if visible.get_untracked() != web_sys::VisibilityState::Visible || c.loading.get_untracked() {
                return;
            }
            let left = c.countdown.get_value().saturating_sub(1);
            c.countdown.set_value(left);
            if left == 0 {
                c.refresh();
            }
        },
        1000,
    );
    on_cleanup(move || {
        if let Some(Some(a)) = c.abort.try_get_value() {
            a.abort();
        }
    });
    let totals = Memo::new(move |_| c.list.with(|l| (l.len(), counts(l))));
    let rows: Memo<Vec<Arc<Instance>>> =
        Memo::new(move |_| c.list.with(|l| text.with(|t| filtered(l, t, state.get()).into_iter().cloned().collect())));
    // Only the rows in and near the viewport are drawn, so 500 instances draw as fast as 20.
    let win = window::Window::new(rows);
    Effect::new(move |_| {
        rows.track();
        win.changed();
    });
    let fit = move |_: web_sys::Event| win.fit();
    let on_scroll = window_event_listener_untyped("scroll", fit);
    let on_resize = window_event_listener_untyped("resize", fit);
    // A row reached by Tab: the browser scrolls it into view, and the rows after it come in.
    let on_focus = window_event_listener_untyped("focusin", fit);
    on_cleanup(move || {
        on_scroll.remove();
        on_resize.remove();
        on_focus.remove();
    });
    // From a keystroke (or a state chosen) to the rows it leaves on screen.
    let filtering = move || browser::measure_after_paint("instances-filter", browser::now_ms());
    let option_label = move |f: StateFilter| {
        let (all, n) = totals.get();
        let count = match f {
            StateFilter::All => all,
            StateFilter::Open => n.open,
            StateFilter::Connecting => n.connecting,
            StateFilter::Close => n.close,
        };
        let id = if f == StateFilter::All { parts().inst_all } else { f.id() };
        format!("{id} ({count})")
    };
    view! {
        <section class="card wide" aria-labelledby="instances-h">
            <h2 id="instances-h">{trp(|u| u.inst_title)}</h2>
            <div class="row wrap toolbar">
                <label for="instances-filter" class="sr-only">{trp(|u| u.inst_filter)}</label>
                <input id="instances-filter" data-testid="instances-filter" type="text" placeholder=trp(|u| u.inst_filter) on:input:target=move |ev| {
                    filtering();
                    text.set(ev.target().value())
                } />
                <label for="instances-state">{trp(|u| u.inst_state)}</label>
                <select id="instances-state" data-testid="instances-state" on:change:target=move |ev| {
                    filtering();
                    state.set(StateFilter::parse(&ev.target().value()))
                }>
                    {StateFilter::ALL.map(|f| view! { <option value=f.id()>{move || option_label(f)}</option> })}
                </select>
                <button type="button" data-testid="instances-refresh" on:click=move |_| c.refresh()>
                    {move || if c.loading.get() { parts().refreshing } else { parts().refresh }}
                </button>
                <span class="hint" data-testid="instances-counts" role="status">
                    {move || {
                        let (all, n) = totals.get();
                        let u = parts();
                        let nums = [all, n.open, n.connecting, n.close, rows.with(Vec::len)].map(|x| x.to_string());
                        fill(if all == 1 { u.inst_counts_one } else { u.inst_counts }, &nums.each_ref().map(String::as_str))
                    }}
                </span>
            </div>
            <p data-testid="instances-message" role="status" class=move || c.message.with(|m| match m {
                Some(Said { ok: true, .. }) => "msg ok",
                Some(Said { ok: false, .. }) => "msg err",
                None => "hidden",
            })>{move || c.message.get().map(|m| m.text)}</p>
            // The QR / pairing panel of one instance lives outside the rows: rows come and go with the
            // window and are drawn anew when their state changes, and the session must outlive both.
            {move || c.opened.get().map(|name| {
                browser::next_frame(|| browser::focus("instance-qr-h"));
                let (title, attr) = (tfp(|u| u.inst_qr_title, &[&name]), name.clone());
                view! {
                    <section class="instance-qr" data-testid="instance-qr" data-name=attr aria-labelledby="instance-qr-h">
                        <div class="row wrap">
                            <h3 id="instance-qr-h" tabindex="-1">{title}</h3>
                            <button type="button" data-testid="instance-qr-close" on:click=move |_| c.opened.set(None)>{trp(|u| u.close)}</button>
                        </div>
                        <QrPanel name initial=None base_url=c.conn.base_url global_key=c.conn.api_key instance_key=None />
                    </section>
                }
            })}
            {config::config_area(c, v2())}
            <ul class="instances" role="list" data-testid="instances" node_ref=win.ul on:click=move |ev| on_list_click(c, v2(), ev)>
                <For each=move || win.drawn() key=|i| (i.name.clone(), i.state.clone(), i.profile_name.clone()) let:i>
                    <Row c i v2=v2() />
                </For>
            </ul>
        </section>
    }
}

/// What a click in the list asks for: one handler for the whole list (rows carry no closures of
/// their own for their buttons, so 500 rows render fast).
fn on_list_click(c: Ctl, v2: bool, ev: web_sys::MouseEvent) {
    use wasm_bindgen::JsCast;
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let Some(button) = el.closest("[data-act]").ok().flatten() else { return };
    let Some(row) = button.closest("[data-name]").ok().flatten() else { return };
    let Some(name) = row.get_attribute("data-name") else { return };
    // A prompt takes the focus on its safe answer; answering gives it back to the button that asked.
    let focus_in_row = move |act: &'static str| {
        browser::next_frame(move || {
            browser::focus_el(row.query_selector(&["[data-act=", act, "]"].concat()).ok().flatten())
        })
    };
    let asked = button.get_attribute("data-act");
    if let Some(act) = asked.as_deref().and_then(Act::of) {
        c.confirm.set(Some(Asked { act, name }));
        focus_in_row("confirm-no");
        return;
    }
    match asked.as_deref() {
        Some("connect") => c.opened.set(Some(name)),
        Some("details") => c.details(name, v2),
        Some("configure") => {
            let open = c.list.with_untracked(|l| l.iter().find(|i| i.name == name).map(|i| i.state.is_open()));
            let profile = if v2 { Profile::V2 } else { Profile::V1 };
            let server = c.conn.known_server().map(|k| k.version);
            c.configuring.set(Some(crate::ui::config::Target { name, profile, open, server }));
        }
        Some("select") => {
            c.selected.update(|s| if !s.contains(&name) { s.push(name) } else { s.retain(|x| *x != name) })
        }
        Some("copy-key") => {
            let key = c.list.with_untracked(|l| l.iter().find(|i| i.name == name).and_then(|i| i.key.clone()));
            let copied = c.copied;
            spawn_local(async move {
                let ok = browser::copy_text(&key.unwrap_or_default()).await;
                let _ = copied.try_set(ok.then_some(name));
            });
        }
        Some("confirm-yes") => {
            if let Some(Asked { act, name }) = c.confirm.get_untracked().filter(|a| a.name == name) {
                c.confirm.set(None);
                c.run(act, name);
            }
        }
        Some("confirm-no") => {
            let asked = c.confirm.get_untracked().map_or(Act::Delete, |a| a.act);
            c.confirm.set(None);
            focus_in_row(asked.id());
        }
        _ => {}
    }
}

#[component]
fn Row(c: Ctl, i: Arc<Instance>, v2: bool) -> impl IntoView {
    let shown_name = if i.name.is_empty() { tp().inst_unreachable.to_owned() } else { i.name.clone() };
    let (n1, n2, n4, n5) = (i.name.clone(), i.name.clone(), i.name.clone(), i.name.clone());
    let facts = [
        i.profile_name.clone(),
        i.number.clone(),
        i.integration.clone(),
        i.created_at.as_deref().map(|at| tfp(|u| u.inst_created, &[at])),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    view! {
        <li class="instance" data-testid="instance-row" data-name=i.name.clone()>
            <div class="row wrap">
                <input type="checkbox" data-act="select" data-testid="instance-select" aria-label=tfp(|u| u.inst_select, &[&i.name])
                    prop:checked=move || c.selected.with(|s| s.contains(&n5)) />
                <strong class="name">{shown_name}</strong>
                <span data-testid="instance-state" class=format!("badge state {}", i.state)>{i.state.to_string()}</span>
                <span class="hint">{facts}</span>
            </div>
            <div class="row wrap actions">
                <button type="button" data-act="connect" data-testid="instance-connect">{trp(|u| u.inst_connect)}</button>
                <button type="button" data-act=Act::Logout.id() data-testid="instance-logout">{trp(|u| u.log_out)}</button>
                {v2.then(|| view! { <button type="button" data-act=Act::Restart.id() data-testid="instance-restart">{trp(|u| u.act_restart)}</button> })}
                <button type="button" class="danger" data-act=Act::Delete.id() data-testid="instance-delete">{trp(|u| u.act_delete)}</button>
                <button type="button" data-act="configure" data-testid="instance-configure">{trp(|u| u.inst_configure)}</button>
                <button type="button" data-act="details" data-testid="instance-details">{trp(|u| u.inst_details)}</button>
                {i.key.is_some().then(|| view! {
                    <button type="button" data-act="copy-key" data-testid="instance-key-copy">
                        {move || if c.copied.with(|x| x.as_ref() == Some(&n4)) { parts().key_copied } else { parts().copy_key }}
                    </button>
                })}
                {move || c.confirm.get().filter(|a| a.name == n1).map(|Asked { act, name }| view! {
                    <span class="confirm" role="alertdialog" aria-label=trp(|u| u.confirm)>
                        {tfp(|u| u.act_ask, &[act.label(), &name])}
                        <button type="button" class="danger" data-act="confirm-yes" data-testid="confirm-yes">{trp(|u| u.yes)}</button>
                        <button type="button" data-act="confirm-no" data-testid="confirm-no">{trp(|u| u.cancel)}</button>
                    </span>
                })}
            </div>
            {move || c.details.with(|d| d.as_ref().filter(|d| d.name == n2).map(|d| d.text.clone())).map(|t| view! {
                <pre class="code" role="region" tabindex="0" aria-label=trp(|u| u.details_label) data-testid="instance-details-text">{t}</pre>
            })}
        </li>
    }
}

crate::lazy::part! {
    /// The instances tab.
    instances() -> AnyView {
        view! { <InstancesView /> }.into_any()
    }
}
