//! The QR panel: from a created (or existing) instance to a connected WhatsApp number. A thin view
//! over [`use_qr_session`] (which drives `evo_core::session`): the QR with a countdown to its
//! rotation and the attempt number, the connection state, "Generate new QR" when the server gives
//! up, why polling stopped (with Resume), pairing codes, log out / delete.

mod use_qr_session;

use evo_core::render::render;
use evo_core::response::QrInfo;
use evo_core::session::{Event, Phase, QR_LIMIT};
use leptos::html::Button;
use leptos::prelude::*;

use super::connection::Conn;
use super::copy::CopyButton;

pub use use_qr_session::{use_qr_session, QrSession};

use crate::browser;
use crate::i18n::{fill, parts, trp};
use crate::ui::qr_view::QrView;

#[component]
pub fn QrPanel(
    name: String,
    initial: Option<QrInfo>,
    base_url: RwSignal<String>,
    global_key: RwSignal<String>,
    /// The instance's own key (`hash.apikey`), used when the global key is not kept.
    instance_key: Option<String>,
) -> impl IntoView {
    let s = use_qr_session(name, initial, base_url, global_key, instance_key);
    let QrSession { phase, state, qr, left, pairing, message, give_up_s, .. } = s;
    let pairing_number = RwSignal::new(String::new());
    let confirm = RwSignal::new(None::<bool>);
    // Keyboard users land on the prompt's safe answer, and go back to the button that asked.
    let (no_ref, logout_ref, delete_ref) =
        (NodeRef::<Button>::new(), NodeRef::<Button>::new(), NodeRef::<Button>::new());
    let ask = move |delete: bool| {
        confirm.set(Some(delete));
        browser::next_frame(move || browser::focus_el(no_ref.get_untracked().map(Into::into)));
    };
    let cancel = move |delete: bool| {
        confirm.set(None);
        browser::focus_el(if delete { delete_ref } else { logout_ref }.get_untracked().map(Into::into));
    };
    let pairing_valid =
        move || pairing_number.with(|n| n.len() >= 10 && n.len() <= 15 && n.bytes().all(|b| b.is_ascii_digit()));
    // What is known of the server: its version and the WhatsApp Web version it speaks.
    let doctor = use_context::<Conn>().and_then(|c| c.known_server()).map(|k| {
        let wa = k.whatsapp_web.map(|w| fill(parts().whatsapp_web, &[&w])).unwrap_or_default();
        view! { <p class="hint" data-testid="qr-doctor">{format!("Evolution API {}{wa}", k.version)}</p> }
    });
    let state_text = move || match phase.get() {
        Phase::Deleted => "deleted".to_owned(),
        _ => state.with(|s| s.as_str().to_owned()),
    };

    view! {
        <div class="qr-panel" data-testid="qr-panel" tabindex="-1">
            // Announced when the state changes (e.g. to open once the phone scanned the code).
            <p class="state-line" aria-live="polite">
                {trp(|u| u.connection_is)}
                <strong data-testid="connection-state" class=move || format!("state {}", state.with(|s| s.as_str().to_owned()))>{state_text}</strong>
                {move || (phase.get() == Phase::Connected).then(|| view! {
                    <span class="msg ok" data-testid="connected">{trp(|u| u.connected)}</span>
                })}
            </p>
            // The server gave up ("Generate new QR") or the page stopped polling (why, and "Resume").
            {move || {
                let u = parts();
                let (text, closed) = match phase.get() {
                    Phase::Closed => (fill(u.qr_closed, &[&QR_LIMIT.to_string()]), true),
                    Phase::Stopped(why) => (render(&why.msg(give_up_s), crate::i18n::current()) + " ", false),
                    _ => return None,
                };
                Some(view! {
                    <p class="msg warn" data-testid=if closed { "qr-closed" } else { "qr-stopped" }>
                        {text}
                        <button
                            type="button"
                            data-testid=if closed { "qr-new" } else { "qr-resume" }
                            on:click=move |_| s.send(if closed { Event::Refresh } else { Event::Resume })
                        >
                            {if closed { u.new_qr } else { u.resume }}
                        </button>
                    </p>
                })
            }}
            {doctor}
            <p class="msg warn" role="status" data-testid="panel-message" hidden=move || message.with(Vec::is_empty)>
                // Rendered here: a language switch re-renders the kept messages.
                {move || {
                    let lang = crate::i18n::current();
                    message.with(|m| m.iter().map(|m| render(m, lang)).collect::<Vec<_>>().join(" "))
                }}
            </p>
            {move || (phase.get() == Phase::Waiting).then(|| view! {
                <p class="hint">
                    <span data-testid="qr-attempt">
                        {move || qr.with(|q| q.as_ref().and_then(|q| q.count).filter(|&c| c > 0).map_or_else(
                            || parts().waiting_qr.to_owned(),
                            |c| fill(parts().attempt, &[&c.to_string(), &QR_LIMIT.to_string()]),
                        ))}
                    </span>
                    " · "
                    <span data-testid="qr-countdown" aria-live="off">{move || fill(parts().new_code_in, &[&left.get().to_string()])}</span>
                    " "
                    <button type="button" data-testid="qr-refresh" on:click=move |_| s.send(Event::Refresh)>{trp(|u| u.refresh)}</button>
                </p>
                {move || qr.get().map(|q| view! { <QrView qr=q /> })}
                <details class="pairing-box">
                    <summary>{trp(|u| u.no_camera)}</summary>
                    <div class="field">
                        <label for="pairing-number">{trp(|u| u.phone)}</label>
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
                                on:click=move |_| s.send(Event::Pairing(pairing_number.get_untracked()))
                            >
                                {trp(|u| u.get_pairing)}
                            </button>
                        </div>
                    </div>
                    // No code: the instance is connecting, and the server makes pairing codes
                    // only from close.
                    {move || (pairing.with(|p| p.as_deref() == Some("")) && state.with(|s| !s.is_open())).then(|| view! {
                        <p class="msg warn" data-testid="pairing-none">
                            {trp(|u| u.pairing_none)} " "
                            <button type="button" data-testid="pairing-relink" on:click=move |_| s.relink(pairing_number.get_untracked())>
                                {trp(|u| u.pairing_relink)}
                            </button>
                        </p>
                    })}
                    {move || pairing.get().filter(|code| !code.is_empty()).map(|code| {
                        let shown = if code.len() == 8 { format!("{}-{}", &code[..4], &code[4..]) } else { code.clone() };
                        view! {
                            <p class="pairing" data-testid="pairing-code-box">
                                {trp(|u| u.pairing_code)} <strong data-testid="pairing-code">{shown}</strong> " "
                                <CopyButton text=Signal::stored(code) testid="pairing-code-copy" />
                            </p>
                            <ol class="hint">
                                <li>{trp(|u| u.pair_1)}</li>
                                <li>{trp(|u| u.pair_2)}</li>
                                <li>{trp(|u| u.pair_3)}</li>
                            </ol>
                        }
                    })}
                </details>
            })}
            <div class="row actions" hidden=move || phase.get() == Phase::Deleted>
                <button type="button" data-testid="logout" node_ref=logout_ref on:click=move |_| ask(false)>{trp(|u| u.log_out)}</button>
                <button type="button" data-testid="delete" node_ref=delete_ref on:click=move |_| ask(true)>{trp(|u| u.delete_instance)}</button>
                {move || confirm.get().map(|delete| view! {
                    <span class="confirm" role="alertdialog" aria-label=trp(|u| u.confirm)>
                        {trp(if delete { |u| u.confirm_delete } else { |u| u.confirm_logout })}
                        <button type="button" class="danger" data-testid="confirm-yes" on:click=move |_| {
                            confirm.set(None);
                            s.unlink(delete);
                        }>{trp(if delete { |u| u.yes_delete } else { |u| u.yes_logout })}</button>
                        <button type="button" data-testid="confirm-no" node_ref=no_ref on:click=move |_| cancel(delete)>{trp(|u| u.cancel)}</button>
                    </span>
                })}
            </div>
        </div>
    }
}

crate::lazy::part! {
    /// The QR panel of an instance named by hand.
    qr_panel(name: String, base_url: RwSignal<String>, global_key: RwSignal<String>) -> AnyView {
        view! { <QrPanel name initial=None base_url global_key instance_key=None /> }.into_any()
    }
}
