//! `use_qr_session`: [`evo_core::session`]'s state machine driven in the page, in leptos-use's shape
//! (one hook, signals and actions out, explicit cleanup).
//!
//! It runs the machine's commands — HTTP through [`crate::http::Api`], the one-second timer
//! (`use_interval_fn`), Page Visibility (`use_document_visibility`) — and feeds their results back as
//! events. The async work is owned by the component: every result goes through [`QrSession::send`],
//! which finds the machine with `try_update_value` and writes the signals with `try_set`, so an
//! answer landing after the panel was replaced (disposed) is dropped instead of panicking, and the
//! requests still in flight are aborted when the panel goes.

use evo_core::connection::ConnectionState;
use evo_core::msg;
use evo_core::msg::keys::answers as p;
use evo_core::msg::{Arg, Msg};
use evo_core::response::{decode_connect, decode_state, QrInfo};
use evo_core::session::{Command, Event, Failure, Phase, Session, Timing};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_use_document_visibility::use_document_visibility;
use leptos_use_interval_fn::use_interval_fn;

use crate::browser;
use crate::http::{Abort, Api, ApiError, HttpError, Reply};
use crate::i18n::tfp;

type TimerSwitch = Box<dyn Fn(bool) + Send + Sync>;

/// The session's signals (read them; the hook writes them) and its actions ([`QrSession::send`],
/// [`QrSession::unlink`]). `Copy`: every field is an arena handle owned by the calling component.
#[derive(Clone, Copy)]
pub struct QrSession {
    pub phase: RwSignal<Phase>,
    /// The connection state (`connecting`, `close`, `open`…).
    pub state: RwSignal<ConnectionState>,
    pub qr: RwSignal<Option<QrInfo>>,
    /// Seconds until the QR code rotates.
    pub left: RwSignal<u64>,
    pub pairing: RwSignal<Option<String>>,
    /// The session's messages, rendered by the view in the reader's language.
    pub message: RwSignal<Vec<Msg>>,
    /// The bound without progress after which polling stops, in seconds.
    pub give_up_s: u64,
    machine: StoredValue<Session>,
    timer: StoredValue<Option<TimerSwitch>>,
    name: StoredValue<String>,
    instance_key: StoredValue<Option<String>>,
    base_url: RwSignal<String>,
    global_key: RwSignal<String>,
    /// Aborts the panel's requests still in flight when it goes.
    abort: StoredValue<Option<Abort>>,
}

/// What a request of the panel needs: the client (or why there is none), the instance, and the
/// panel's abort handle.
struct Call {
    api: Result<Api, ApiError>,
    name: String,
    abort: Option<Abort>,
}

/// The expected QR rotation period (`?qrPeriod=` seconds, else the server's ~45 s) and the bound
/// without progress (`?pollGiveUp=` seconds, else the longer of 3 minutes and 4 periods).
fn timing() -> Timing {
    let knob = |name| browser::query_param(name).and_then(|v| v.parse().ok());
    Timing::new(knob("qrPeriod"), knob("pollGiveUp"))
}

/// `None` for a 2xx answer; otherwise what went wrong, with the status when there was one.
fn failure(r: &Result<Reply, ApiError>) -> Option<Failure> {
    let e = r.as_ref().err()?;
    // Words the page wrote (the core's `Failure` also takes a message, rendered with the panel's;
    // written here as text, as before: a message costs the first load ~90 B).
    let why = match e {
        ApiError::NoAnswer(HttpError::Timeout { seconds, .. }) => tfp(|u| u.no_answer_within, &[&seconds.to_string()]),
        ApiError::NoAnswer(HttpError::Request(why)) => why.clone(),
        ApiError::NotSent(why) => crate::ui::errors::refused(why),
        other => crate::ui::errors::explain(other).text,
    };
    Some(Failure { status: e.status(), why: Arg::Text(why.into()) })
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
        message: RwSignal::new(Vec::new()),
        give_up_s: machine.give_up_seconds(),
        machine: StoredValue::new(machine),
        timer: StoredValue::new(None),
        name: StoredValue::new(name),
        instance_key: StoredValue::new(instance_key),
        base_url,
        global_key,
        abort: StoredValue::new(Abort::new()),
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
        if let Some(Some(a)) = s.abort.try_get_value() {
            a.abort();
        }
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

    /// The client for this panel's server and key, and the instance name (`None` once it is gone).
    fn api(self) -> Option<Call> {
        let api = Api::new(&self.base_url.try_get_untracked()?, &self.key());
        Some(Call { api, name: self.name.try_get_value()?, abort: self.abort.try_get_value()? })
    }

    /// Runs a connect (`qr`) or connectionState request and feeds its answer back.
    fn get(self, seq: u32, number: Option<String>, qr: bool) {
        let Some(Call { api, name, abort }) = self.api() else { return };
        spawn_local(async move {
            let r = match api {
                Ok(api) if qr => api.connect(&name, number.as_deref(), abort).await,
                Ok(api) => api.state(&name, abort).await,
                Err(e) => Err(e),
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
        let Some(Call { api: Ok(api), name, abort }) = self.api() else {
            return self.send(Event::Say(p::bad_url_or_key.into()));
        };
        let connected = self.state.try_with_untracked(ConnectionState::is_open) == Some(true);
        spawn_local(async move {
            let mut notes = Vec::new();
            if delete && connected {
                if let Some(f) = failure(&api.logout(&name, abort.clone()).await) {
                    return self.send(Event::Say(msg!(p::logout_first_failed, f.why)));
                }
                notes.push(p::logged_out_first.into());
            }
            let r = if delete { api.delete(&name, abort).await } else { api.logout(&name, abort).await };
            if let Some(f) = failure(&r) {
                let failed = if delete { p::delete_failed } else { p::logout_failed };
                return self.send(Event::Say(msg!(failed, f.why)));
            }
            notes.push(if delete { p::deleted } else { p::logged_out }.into());
            self.send(Event::Unlinked { deleted: delete, notes });
        });
    }

    /// "Log out, then pair": the server makes a pairing code only for a closed instance (a
    /// connecting one answers its cached QR code), so the instance is logged out first and the
    /// pairing code asked for right after.
    pub fn relink(self, number: String) {
        let Some(Call { api: Ok(api), name, abort }) = self.api() else {
            return self.send(Event::Say(p::bad_url_or_key.into()));
        };
        spawn_local(async move {
            if let Some(f) = failure(&api.logout(&name, abort).await) {
                return self.send(Event::Say(msg!(p::logout_failed, f.why)));
            }
            self.send(Event::Pairing(number));
        });
    }
}
