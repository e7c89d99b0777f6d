//! The QR panel: from a created (or existing) instance to a connected WhatsApp number. It shows the
//! QR with a countdown to its rotation and the attempt number, re-fetches it when it rotates, polls
//! the connection state (pausing while the tab is hidden), stops on `open`, offers a new QR when the
//! server gives up, asks for pairing codes, and logs out / deletes the instance.

use evo_core::explain::explain_no_response;
use evo_core::response::{decode, decode_connect, decode_state, ConnectAnswer, Decoded, QrInfo};
use evo_core::url::{BaseUrl, InstanceAction};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_use_document_visibility::use_document_visibility;
use leptos_use_interval_fn::use_interval_fn;

use crate::app::QrView;
use crate::browser;
use crate::http::{self, HttpError, Reply};

/// The server's QR limit (`QRCODE_LIMIT`, default 30).
const QR_LIMIT: u64 = 30;
/// Seconds between connection-state polls.
const POLL_EVERY: u64 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Showing a QR and polling.
    Waiting,
    Connected,
    /// The server closed the session (limit reached, or WhatsApp gave up): offer a new QR.
    Closed,
    Deleted,
}

/// The expected QR rotation period in seconds: `?qrPeriod=` in the page URL (for servers with
/// another timing), else the server's default of about 45 s.
fn rotation_period() -> u64 {
    browser::query_param("qrPeriod").and_then(|v| v.parse().ok()).filter(|&s: &u64| s > 0).unwrap_or(45)
}

fn failure(r: &Result<Reply, HttpError>) -> Option<String> {
    match r {
        Ok(reply) if (200..300).contains(&reply.status) => None,
        Ok(reply) => Some(match decode(reply.status, &reply.body) {
            Decoded::Error(e) if !e.messages.is_empty() => format!("{}: {}", reply.status, e.messages.join("; ")),
            _ => format!("{}: unexpected answer", reply.status),
        }),
        Err(HttpError::Timeout { seconds, .. }) => Some(format!("No answer within {seconds} s.")),
        Err(_) => Some(explain_no_response(&browser::page_origin()).text),
    }
}

#[component]
pub fn QrPanel(
    name: String,
    initial: Option<QrInfo>,
    base_url: RwSignal<String>,
    global_key: RwSignal<String>,
    /// The instance's own key (`hash.apikey`), used when the global key is not kept.
    instance_key: Option<String>,
) -> impl IntoView {
    let period = rotation_period();
    let name = StoredValue::new(name);
    let instance_key = StoredValue::new(instance_key);
    let qr = RwSignal::new(initial);
    let state = RwSignal::new("connecting".to_owned());
    let phase = RwSignal::new(Phase::Waiting);
    let left = RwSignal::new(period);
    let ticks = StoredValue::new(0u64);
    let close_streak = StoredValue::new(0u32);
    let busy = StoredValue::new(false);
    let message = RwSignal::new(None::<String>);
    let pairing = RwSignal::new(None::<String>);
    let pairing_number = RwSignal::new(String::new());
    let confirm = RwSignal::new(None::<&'static str>);

    let key = move || {
        let g = global_key.get_untracked();
        if g.is_empty() {
            instance_key.get_value().unwrap_or_default()
        } else {
            g
        }
    };
    let url = move |action: InstanceAction| {
        BaseUrl::parse(&base_url.get_untracked()).ok().map(|b| b.instance_url(action, &name.get_value()))
    };

    let fetch_qr = move |number: Option<String>| {
        let target = match &number {
            Some(n) => BaseUrl::parse(&base_url.get_untracked()).ok().map(|b| b.pairing_url(&name.get_value(), n)),
            None => url(InstanceAction::Connect),
        };
        let Some(target) = target else { return };
        let k = key();
        busy.set_value(true);
        spawn_local(async move {
            let r = http::get_with_key(&target, &k, 30).await;
            busy.set_value(false);
            if let Some(why) = failure(&r) {
                message.set(Some(format!("Could not get a QR code — {why}")));
                return;
            }
            match r.ok().and_then(|reply| decode_connect(&reply.body)) {
                Some(ConnectAnswer::Open) => {
                    state.set("open".into());
                    phase.set(Phase::Connected);
                }
                Some(ConnectAnswer::Qr(q)) => {
                    message.set(None);
                    if number.is_some() {
                        pairing.set(q.pairing_code.clone().or(Some(String::new())));
                    }
                    qr.set(Some(q));
                    left.set(period);
                    close_streak.set_value(0);
                    state.set("connecting".into());
                    phase.set(Phase::Waiting);
                }
                None => message.set(Some("The server's connect answer was not understood.".into())),
            }
        });
    };

    // Reads the connection state; `rotate`: the QR is due, so fetch the next one if still connecting
    // (never call connect on a closed session: that would silently start a new one).
    let poll_state = move |rotate: bool| {
        let Some(target) = url(InstanceAction::ConnectionState) else { return };
        let k = key();
        busy.set_value(true);
        spawn_local(async move {
            let r = http::get_with_key(&target, &k, 15).await;
            busy.set_value(false);
            if phase.get_untracked() != Phase::Waiting {
                return;
            }
            if let Some(why) = failure(&r) {
                message.set(Some(format!("Could not read the connection state — {why}")));
                if matches!(&r, Ok(reply) if reply.status == 404) {
                    phase.set(Phase::Closed);
                }
                return;
            }
            let Some(s) = r.ok().and_then(|reply| decode_state(&reply.body)) else { return };
            state.set(s.clone());
            match s.as_str() {
                "open" => {
                    phase.set(Phase::Connected);
                    message.set(None);
                }
                // One `close` right after a scan is WhatsApp restarting the session: only a second
                // one in a row means the server gave up.
                "close" => {
                    close_streak.update_value(|c| *c += 1);
                    if close_streak.get_value() >= 2 {
                        phase.set(Phase::Closed);
                    }
                }
                _ => {
                    close_streak.set_value(0);
                    if rotate {
                        fetch_qr(None);
                    }
                }
            }
        });
    };

    let timer = use_interval_fn(
        move || {
            if phase.get_untracked() != Phase::Waiting || busy.get_value() {
                return;
            }
            ticks.update_value(|t| *t += 1);
            left.update(|l| *l = l.saturating_sub(1));
            let due = left.get_untracked() == 0;
            if due || ticks.get_value().is_multiple_of(POLL_EVERY) {
                poll_state(due);
            }
        },
        1000,
    );
    // Poll only while the tab is visible and the panel is waiting for a scan.
    let visibility = use_document_visibility();
    let (pause, resume) = (timer.pause.clone(), timer.resume.clone());
    Effect::new(move |_| {
        let visible = visibility.get() == web_sys::VisibilityState::Visible;
        if visible && phase.get() == Phase::Waiting {
            resume();
        } else {
            pause();
        }
    });

    let run_action = move |action: InstanceAction| {
        let Some(target) = url(action) else { return };
        let k = key();
        let connected = state.get_untracked() == "open";
        let logout_url = url(InstanceAction::Logout);
        spawn_local(async move {
            let mut notes = Vec::new();
            if action == InstanceAction::Delete && connected {
                // 1.8.2 refuses to delete a connected instance: log out first.
                if let Some(l) = logout_url {
                    let r = http::delete(&l, &k, 30).await;
                    if let Some(why) = failure(&r) {
                        message.set(Some(format!("Log out (needed before delete) failed — {why}")));
                        return;
                    }
                    notes.push("Logged out first (Evolution 1.8.2 refuses to delete a connected instance).");
                }
            }
            let r = http::delete(&target, &k, 30).await;
            if let Some(why) = failure(&r) {
                message.set(Some(format!(
                    "{} failed — {why}",
                    if action == InstanceAction::Delete { "Delete" } else { "Log out" }
                )));
                return;
            }
            state.set("close".into());
            qr.set(None);
            pairing.set(None);
            if action == InstanceAction::Delete {
                notes.push("Instance deleted.");
                phase.set(Phase::Deleted);
            } else {
                notes.push("Logged out: the phone is unlinked. Generate a new QR to link again.");
                phase.set(Phase::Closed);
            }
            message.set(Some(notes.join(" ")));
        });
    };

    // Opened for an existing instance: ask for its QR at once.
    if qr.get_untracked().is_none() {
        fetch_qr(None);
    }

    let pairing_valid =
        move || pairing_number.with(|n| n.len() >= 10 && n.len() <= 15 && n.bytes().all(|b| b.is_ascii_digit()));
    let state_text = move || match phase.get() {
        Phase::Deleted => "deleted".to_owned(),
        _ => state.get(),
    };

    view! {
        <div class="qr-panel" data-testid="qr-panel">
            <p class="state-line">
                "Connection: "
                <strong data-testid="connection-state" class=move || format!("state {}", state.get())>{state_text}</strong>
                {move || (phase.get() == Phase::Connected).then(|| view! {
                    <span class="msg ok" data-testid="connected">"Connected — WhatsApp is linked. Polling stopped."</span>
                })}
            </p>
            {move || (phase.get() == Phase::Waiting).then(|| view! {
                <p class="hint">
                    <span data-testid="qr-attempt">
                        {move || qr.with(|q| q.as_ref().and_then(|q| q.count).map_or_else(
                            || "Waiting for a QR code".to_owned(),
                            |c| format!("Attempt {c} of {QR_LIMIT}"),
                        ))}
                    </span>
                    " · "
                    <span data-testid="qr-countdown" aria-live="off">{move || format!("new code in {} s", left.get())}</span>
                    " "
                    <button type="button" data-testid="qr-refresh" on:click=move |_| fetch_qr(None)>"Refresh"</button>
                </p>
            })}
            {move || (phase.get() == Phase::Closed).then(|| view! {
                <p class="msg warn">
                    "The server closed this QR session (after " {QR_LIMIT} " codes, or WhatsApp gave up). "
                    <button type="button" data-testid="qr-new" on:click=move |_| fetch_qr(None)>"Generate new QR"</button>
                </p>
            })}
            <p class="msg warn" role="status" data-testid="panel-message" hidden=move || message.with(Option::is_none)>
                {move || message.get()}
            </p>
            {move || (phase.get() == Phase::Waiting).then(|| qr.get().map(|q| view! { <QrView qr=q /> }))}
            {move || (phase.get() == Phase::Waiting).then(|| view! {
                <details class="pairing-box">
                    <summary>"No camera? Link with a pairing code instead"</summary>
                    <div class="field">
                        <label for="pairing-number">"Phone number (digits only, country code first, e.g. 5511999999999)"</label>
                        <div class="row">
                            <input
                                id="pairing-number"
                                data-testid="pairing-number"
                                type="tel"
                                inputmode="numeric"
                                autocomplete="tel"
                                bind:value=pairing_number
                                aria-invalid=move || (!pairing_number.with(String::is_empty) && !pairing_valid()).to_string()
                            />
                            <button
                                type="button"
                                data-testid="pairing-request"
                                prop:disabled=move || !pairing_valid()
                                on:click=move |_| fetch_qr(Some(pairing_number.get_untracked()))
                            >
                                "Get pairing code"
                            </button>
                        </div>
                    </div>
                    {move || pairing.get().map(|code| {
                        let shown = if code.len() == 8 { format!("{}-{}", &code[..4], &code[4..]) } else { code.clone() };
                        let copy = code.clone();
                        view! {
                            <p class="pairing" data-testid="pairing-code-box">
                                "Pairing code: " <strong data-testid="pairing-code">{shown}</strong> " "
                                <button type="button" on:click=move |_| {
                                    let c = copy.clone();
                                    spawn_local(async move { browser::copy_text(&c).await; });
                                }>"Copy"</button>
                            </p>
                            <ol class="hint">
                                <li>"On the phone: WhatsApp › Settings › Linked devices › Link a device."</li>
                                <li>"Tap \"Link with phone number instead\"."</li>
                                <li>"Type the 8 characters above (the code changes with each new QR)."</li>
                            </ol>
                        }
                    })}
                </details>
            })}
            <div class="row actions" hidden=move || phase.get() == Phase::Deleted>
                <button type="button" data-testid="logout" on:click=move |_| confirm.set(Some("logout"))>"Log out"</button>
                <button type="button" data-testid="delete" on:click=move |_| confirm.set(Some("delete"))>"Delete instance"</button>
                {move || confirm.get().map(|what| {
                    let (label, action) = if what == "delete" {
                        ("Yes, delete it", InstanceAction::Delete)
                    } else {
                        ("Yes, log out", InstanceAction::Logout)
                    };
                    view! {
                        <span class="confirm" role="alertdialog" aria-label="Confirm">
                            {if what == "delete" { "Delete this instance for good? " } else { "Unlink the phone? " }}
                            <button type="button" class="danger" data-testid="confirm-yes" on:click=move |_| {
                                confirm.set(None);
                                run_action(action);
                            }>{label}</button>
                            <button type="button" data-testid="confirm-no" on:click=move |_| confirm.set(None)>"Cancel"</button>
                        </span>
                    }
                })}
            </div>
        </div>
    }
}
