//! `use_qr_session`: [`evo_core::session`]'s state machine driven in the page, in leptos-use's shape
//! (one hook, signals and actions out, explicit cleanup).
//!
//! It runs the machine's commands — HTTP through [`crate::http`], the one-second timer
//! (`use_interval_fn`), Page Visibility (`use_document_visibility`) — and feeds their results back as
//! events. The async work is owned by the component: every result goes through [`QrSession::send`],
//! which finds the machine with `try_update_value` and writes the signals with `try_set`, so an
//! answer landing after the panel was replaced (disposed) is dropped instead of panicking. (The
//! requests themselves are not aborted: `http::get_with_key` takes no `Abort`.)

use evo_core::explain::explain_no_response;
use evo_core::response::{decode, decode_connect, decode_state, QrInfo};
use evo_core::session::{Command, Event, Failure, Phase, Session, Timing};
use evo_core::url::{BaseUrl, InstanceAction};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_use_document_visibility::use_document_visibility;
use leptos_use_interval_fn::use_interval_fn;

use crate::browser;
use crate::http::{self, HttpError, Reply};

type TimerSwitch = Box<dyn Fn(bool) + Send + Sync>;

/// The session's signals (read them; the hook writes them) and its actions ([`QrSession::send`],
/// [`QrSession::unlink`]). `Copy`: every field is an arena handle owned by the calling component.
#[derive(Clone, Copy)]
pub struct QrSession {
    pub phase: RwSignal<Phase>,
    /// The connection state (`connecting`, `close`, `open`).
    pub state: RwSignal<String>,
    pub qr: RwSignal<Option<QrInfo>>,
    /// Seconds until the QR code rotates.
    pub left: RwSignal<u64>,
    pub pairing: RwSignal<Option<String>>,
    pub message: RwSignal<Option<String>>,
    /// The bound without progress after which polling stops, in seconds.
    pub give_up_s: u64,
    machine: StoredValue<Session>,
    timer: StoredValue<Option<TimerSwitch>>,
    name: StoredValue<String>,
    instance_key: StoredValue<Option<String>>,
    base_url: RwSignal<String>,
    global_key: RwSignal<String>,
}

/// The expected QR rotation period (`?qrPeriod=` seconds, else the server's ~45 s) and the bound
/// without progress (`?pollGiveUp=` seconds, else the longer of 3 minutes and 4 periods).
fn timing() -> Timing {
    let knob = |name| browser::query_param(name).and_then(|v| v.parse().ok());
    Timing::new(knob("qrPeriod"), knob("pollGiveUp"))
}

/// `None` for a 2xx answer; otherwise what went wrong, with the status when there was one.
fn failure(r: &Result<Reply, HttpError>) -> Option<Failure> {
    let (status, why) = match r {
        Ok(reply) if (200..300).contains(&reply.status) => return None,
        Ok(reply) => (
            Some(reply.status),
            match decode(reply.status, &reply.body) {
                evo_core::response::Decoded::Error(e) if !e.messages.is_empty() => {
                    format!("{}: {}", reply.status, e.messages.join("; "))
                }
                _ => format!("{}: unexpected answer", reply.status),
            },
        ),
        Err(HttpError::Timeout { seconds, .. }) => (None, format!("No answer within {seconds} s.")),
        Err(HttpError::Request(why)) => (None, why.clone()),
        Err(_) => (None, explain_no_response(&browser::page_origin()).text),
    };
    Some(Failure { status, why })
}

/// Writes `v` into `sig` only when it changed (so views that read it do not rerun every second),
/// and never into a disposed signal.
fn put<T: PartialEq + Clone + Send + Sync + 'static>(sig: RwSignal<T>, v: &T) {
    if sig.try_with_untracked(|old| old != v) == Some(true) {
        sig.try_set(v.clone());
    }
}

/// Starts the session for `name` (`initial`: the create answer's QR; `None`: fetch it at once).
pub fn use_qr_session(
    name: String,
    initial: Option<QrInfo>,
    base_url: RwSignal<String>,
    global_key: RwSignal<String>,
    instance_key: Option<String>,
) -> QrSession {
    let timing = timing();
    let (machine, first) = Session::new(timing, initial, browser::now_ms());
    let s = QrSession {
        phase: RwSignal::new(machine.phase),
        state: RwSignal::new(machine.state.clone()),
        qr: RwSignal::new(machine.qr.clone()),
        left: RwSignal::new(machine.seconds_left()),
        pairing: RwSignal::new(None),
        message: RwSignal::new(None),
        give_up_s: machine.give_up_seconds(),
        machine: StoredValue::new(machine),
        timer: StoredValue::new(None),
        name: StoredValue::new(name),
        instance_key: StoredValue::new(instance_key),
        base_url,
        global_key,
    };
    let timer = use_interval_fn(move || s.send(Event::Tick), 1000);
    let (pause, resume) = (timer.pause, timer.resume);
    s.timer.set_value(Some(Box::new(move |on| if on { resume() } else { pause() })));
    // Tell the machine when the tab is hidden or shown (the first run reports "visible": a no-op).
    let visibility = use_document_visibility();
    Effect::new(move |_| s.send(Event::Visible(visibility.get() == web_sys::VisibilityState::Visible)));
    // Explicit cleanup: the timer switch goes first, so nothing can restart the timer afterwards;
    // late answers find the machine disposed and are dropped.
    on_cleanup(move || {
        s.timer.try_set_value(None);
    });
    s.run_all(first);
    s
}

impl QrSession {
    /// Feeds `event` to the machine, shows the result and runs the commands. Does nothing once the
    /// panel is gone.
    pub fn send(self, event: Event) {
        let now = browser::now_ms();
        let Some(commands) = self.machine.try_update_value(|m| m.step(event, now)) else { return };
        self.machine.try_with_value(|m| {
            put(self.phase, &m.phase);
            put(self.state, &m.state);
            put(self.qr, &m.qr);
            put(self.left, &m.seconds_left());
            put(self.pairing, &m.pairing);
            put(self.message, &m.message);
        });
        self.run_all(commands);
    }

    fn run_all(self, commands: Vec<Command>) {
        for c in commands {
            match c {
                Command::Timer(on) => {
                    self.timer.try_with_value(|t| t.as_ref().map(|t| t(on)));
                }
                Command::FetchQr { seq, number } => self.get(seq, number, true),
                Command::ReadState { seq } => self.get(seq, None, false),
            }
        }
    }

    fn key(self) -> String {
        let g = self.global_key.try_get_untracked().unwrap_or_default();
        if g.is_empty() {
            self.instance_key.try_get_value().flatten().unwrap_or_default()
        } else {
            g
        }
    }

    fn url(self, action: InstanceAction, number: Option<&str>) -> Option<String> {
        let base = BaseUrl::parse(&self.base_url.try_get_untracked()?).ok()?;
        let name = self.name.try_get_value()?;
        Some(match number {
            Some(n) => base.pairing_url(&name, n),
            None => base.instance_url(action, &name),
        })
    }

    /// Runs a connect (`qr`) or connectionState request and feeds its answer back.
    fn get(self, seq: u32, number: Option<String>, qr: bool) {
        let action = if qr { InstanceAction::Connect } else { InstanceAction::ConnectionState };
        let target = self.url(action, number.as_deref());
        let key = self.key();
        spawn_local(async move {
            let r = match target {
                Some(t) => http::get_with_key(&t, &key, if qr { 30 } else { 15 }).await,
                None => Err(HttpError::Request("the base URL is not valid".into())),
            };
            // From here on the panel may be gone: `send` only touches it while it is alive.
            let body = match failure(&r) {
                Some(f) => Err(f),
                None => Ok(r.map(|reply| reply.body).unwrap_or_default()),
            };
            self.send(if qr {
                Event::QrAnswer { seq, answer: body.map(|b| decode_connect(&b)) }
            } else {
                Event::StateAnswer { seq, answer: body.map(|b| decode_state(&b)) }
            });
        });
    }

    /// Logs out, or deletes (a connected instance is logged out first: 1.8.2 refuses otherwise).
    pub fn unlink(self, delete: bool) {
        let target = self.url(if delete { InstanceAction::Delete } else { InstanceAction::Logout }, None);
        let logout = self.url(InstanceAction::Logout, None);
        let Some(target) = target else { return };
        let key = self.key();
        let connected = self.state.try_with_untracked(|s| s == "open") == Some(true);
        spawn_local(async move {
            let mut notes = Vec::new();
            if delete && connected {
                if let Some(l) = logout {
                    if let Some(f) = failure(&http::delete(&l, &key, 30).await) {
                        return self.send(Event::Say(format!("Log out (needed before delete) failed — {}", f.why)));
                    }
                    notes.push("Logged out first (Evolution 1.8.2 refuses to delete a connected instance).");
                }
            }
            if let Some(f) = failure(&http::delete(&target, &key, 30).await) {
                let what = if delete { "Delete" } else { "Log out" };
                return self.send(Event::Say(format!("{what} failed — {}", f.why)));
            }
            notes.push(if delete {
                "Instance deleted."
            } else {
                "Logged out: the phone is unlinked. Generate a new QR to link again."
            });
            self.send(Event::Unlinked { deleted: delete, note: notes.join(" ") });
        });
    }
}
