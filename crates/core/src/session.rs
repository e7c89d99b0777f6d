//! The connection session of the QR panel as a pure state machine: from a QR code to a linked phone.
//!
//! The page feeds [`Event`]s (timer ticks, tab visibility, the answers of the requests it ran, the
//! user's clicks) to [`Session::step`] with the current time, and runs the [`Command`]s it returns
//! (fetch a QR, read the connection state, start or stop the one-second timer). Nothing here knows
//! about the web, so every path is tested natively.
//!
//! What it does:
//! - **Rotation**: the QR code is fetched again when it is due (`period`, the server's ~45 s by
//!   default; `?qrPeriod=` on the page), after a state read says the session is still `connecting`
//!   (connect on a closed session would silently start a new one). The countdown is
//!   [`Session::seconds_left`]; the attempt is the QR's `count` (of [`QR_LIMIT`]).
//! - **Polling**: the connection state every 3 s, one request at a time; answers to superseded
//!   requests are ignored (each request carries a sequence number).
//! - **The blip**: one `close` right after a scan is WhatsApp restarting the session; only a second
//!   `close` in a row means the server gave up (→ [`Phase::Closed`], "Generate new QR").
//! - **Stops**: `open` (→ [`Phase::Connected`]); 401 (the key is refused) and 404 (no such instance)
//!   halt with a reason; network errors, timeouts and other statuses are retried with backoff.
//! - **Backoff and give-up**: without progress (no new QR code and no change of state) the poll
//!   interval grows from 3 s (after one period, a quarter of the time without progress beyond it, at
//!   most 30 s) and after
//!   `give_up` (default: 3 min, or 4 QR periods if longer; `?pollGiveUp=` on the page) polling stops
//!   with [`Halt::NoProgress`] until the user resumes.
//! - **Hidden tab**: no ticks and no new requests while hidden; the time hidden does not count as
//!   time without progress, and the state is read at once on return.

use crate::connection::ConnectionState;
use crate::msg::{keys::answers as a, Arg, Msg};
use crate::response::{ConnectAnswer, QrInfo};

/// The server's QR limit (`QRCODE_LIMIT`, default 30).
pub const QR_LIMIT: u64 = 30;

/// The session's clock settings, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timing {
    /// How often the server rotates its QR code.
    pub period_ms: f64,
    /// The connection-state poll interval while there is progress.
    pub poll_ms: f64,
    /// The longest poll interval under backoff.
    pub max_poll_ms: f64,
    /// Polling stops after this long without progress.
    pub give_up_ms: f64,
}

impl Timing {
    /// From the page's knobs, in seconds: the QR period (default 45) and the give-up bound (default
    /// the longer of 3 minutes and 4 periods). Zero counts as unset.
    pub fn new(period_s: Option<u64>, give_up_s: Option<u64>) -> Self {
        let period_ms = period_s.filter(|&s| s > 0).unwrap_or(45) as f64 * 1000.0;
        let give_up_ms = give_up_s.filter(|&s| s > 0).map_or((4.0 * period_ms).max(180_000.0), |s| s as f64 * 1000.0);
        Timing { period_ms, poll_ms: 3000.0, max_poll_ms: 30_000.0, give_up_ms }
    }
}

impl Default for Timing {
    fn default() -> Self {
        Timing::new(None, None)
    }
}

/// Where the session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Showing a QR code and polling.
    Waiting,
    /// `open`: WhatsApp is linked; polling stopped.
    Connected,
    /// The server closed the QR session (its limit, or WhatsApp gave up, or logged out): offer a new QR.
    Closed,
    /// Polling stopped by the page, for the reason given; the user may resume.
    Stopped(Halt),
    Deleted,
}

/// Why polling stopped without the server closing the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Halt {
    /// No new QR code and no change of state for the whole give-up bound.
    NoProgress,
    /// The same, and not one QR code ever came (`{"count":0}` every time): the server never reached
    /// WhatsApp.
    NoQr,
    /// 401: the key is refused.
    Refused,
    /// 404: the server does not know the instance.
    NotFound,
}

/// A request that got no usable answer: the HTTP status (none for timeouts and network errors) and
/// the explanation to show, an argument of the session's own message: a message (rendered with it,
/// in the reader's language) or words the page already wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub status: Option<u16>,
    pub why: Arg,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The one-second timer fired.
    Tick,
    /// The tab became visible (`true`) or hidden.
    Visible(bool),
    /// The answer to [`Command::FetchQr`]: `Ok(None)` when the body was not understood.
    QrAnswer { seq: u32, answer: Result<Option<ConnectAnswer>, Failure> },
    /// The answer to [`Command::ReadState`]: `Ok(None)` when the body had no state.
    StateAnswer { seq: u32, answer: Result<Option<ConnectionState>, Failure> },
    /// "Refresh" or "Generate new QR".
    Refresh,
    /// "Get pairing code" for this phone number.
    Pairing(String),
    /// "Resume" after a [`Phase::Stopped`].
    Resume,
    /// A message from outside the session (a failed log out or delete).
    Say(Msg),
    /// Logged out (or deleted), with what to tell the user (one message or more, in order).
    Unlinked { deleted: bool, notes: Vec<Msg> },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `GET /instance/connect/{name}` (`?number=` for a pairing code); answer with [`Event::QrAnswer`].
    FetchQr { seq: u32, number: Option<String> },
    /// `GET /instance/connectionState/{name}`; answer with [`Event::StateAnswer`].
    ReadState { seq: u32 },
    /// Start (`true`) or stop the one-second timer that sends [`Event::Tick`].
    Timer(bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Req {
    Qr { pairing: bool },
    State { rotate: bool },
}

/// The session. Its public fields are what the panel shows; its messages are [`Msg`]s, rendered by
/// the panel in the reader's language (a language switch re-renders them).
#[derive(Debug, Clone)]
pub struct Session {
    timing: Timing,
    pub phase: Phase,
    /// The last connection state read (`connecting` until one is read).
    pub state: ConnectionState,
    pub qr: Option<QrInfo>,
    /// The pairing code of the last pairing request (empty when the server gave none).
    pub pairing: Option<String>,
    /// What to tell the user, shown one after the other (empty: nothing).
    pub message: Vec<Msg>,
    /// The message is a request's failure (cleared by the next good answer).
    message_is_failure: bool,
    now: f64,
    visible: bool,
    hidden_at: f64,
    ticking: bool,
    seq: u32,
    in_flight: Option<(u32, Req)>,
    qr_due: f64,
    next_poll: f64,
    progress_at: f64,
    close_streak: u8,
}

impl Session {
    /// A session for a freshly created instance (`initial`: the create answer's QR) or an existing
    /// one (`None`: its QR is fetched at once). Returns the commands to run.
    pub fn new(timing: Timing, initial: Option<QrInfo>, now: f64) -> (Self, Vec<Command>) {
        let mut s = Session {
            timing,
            phase: Phase::Waiting,
            state: ConnectionState::Connecting,
            qr: None,
            pairing: None,
            message: Vec::new(),
            message_is_failure: false,
            now,
            visible: true,
            hidden_at: now,
            ticking: false,
            seq: 0,
            in_flight: None,
            qr_due: now + timing.period_ms,
            next_poll: now + timing.poll_ms,
            progress_at: now,
            close_streak: 0,
        };
        let mut out = Vec::new();
        if initial.is_none() {
            s.issue(Req::Qr { pairing: false }, None, &mut out);
        }
        s.qr = initial;
        s.sync_timer(&mut out);
        (s, out)
    }

    /// Whole seconds until the QR code is due to rotate.
    pub fn seconds_left(&self) -> u64 {
        ((self.qr_due - self.now) / 1000.0).ceil().max(0.0) as u64
    }

    /// The bound without progress after which polling stops, in seconds.
    pub fn give_up_seconds(&self) -> u64 {
        (self.timing.give_up_ms / 1000.0).round() as u64
    }

    /// A request is running.
    pub fn busy(&self) -> bool {
        self.in_flight.is_some()
    }

    /// Feeds one event at time `now` (milliseconds, monotonic); returns the commands to run.
    pub fn step(&mut self, event: Event, now: f64) -> Vec<Command> {
        self.now = now.max(self.now);
        let mut out = Vec::new();
        match event {
            Event::Tick => self.tick(&mut out),
            Event::Visible(v) if v != self.visible => {
                self.visible = v;
                if v {
                    // Hidden time is not time without progress; read the state at once.
                    self.progress_at += self.now - self.hidden_at;
                    self.next_poll = self.now;
                    self.tick(&mut out);
                } else {
                    self.hidden_at = self.now;
                }
            }
            Event::Visible(_) => {}
            Event::QrAnswer { seq, answer } => {
                if let Some(Req::Qr { pairing }) = self.take(seq) {
                    self.on_qr(answer, pairing);
                }
            }
            Event::StateAnswer { seq, answer } => {
                if let Some(Req::State { rotate }) = self.take(seq) {
                    self.on_state(answer, rotate, &mut out);
                }
            }
            Event::Refresh | Event::Pairing(_) if self.phase == Phase::Deleted => {}
            Event::Refresh => self.user_fetch(None, &mut out),
            Event::Pairing(number) => self.user_fetch(Some(number), &mut out),
            Event::Resume => {
                if matches!(self.phase, Phase::Stopped(_)) {
                    self.phase = Phase::Waiting;
                    self.message.clear();
                    self.progress_at = self.now;
                    self.issue(Req::State { rotate: true }, None, &mut out);
                }
            }
            Event::Say(msg) => {
                self.message = vec![msg];
                self.message_is_failure = false;
            }
            Event::Unlinked { deleted, notes } => {
                self.state = ConnectionState::Close;
                self.qr = None;
                self.pairing = None;
                self.in_flight = None;
                self.phase = if deleted { Phase::Deleted } else { Phase::Closed };
                self.message = notes;
                self.message_is_failure = false;
            }
        }
        self.sync_timer(&mut out);
        out
    }

    fn tick(&mut self, out: &mut Vec<Command>) {
        if self.phase != Phase::Waiting || !self.visible || self.in_flight.is_some() {
            return;
        }
        if self.now - self.progress_at >= self.timing.give_up_ms {
            let never = self.qr.as_ref().is_none_or(|q| q.code.is_none());
            self.phase = Phase::Stopped(if never { Halt::NoQr } else { Halt::NoProgress });
            return;
        }
        let rotate = self.now >= self.qr_due;
        if rotate || self.now >= self.next_poll {
            self.issue(Req::State { rotate }, None, out);
        }
    }

    /// The poll interval: 3 s while there is progress (a new code is expected every period), then a
    /// quarter of the time without progress beyond one period (at most 30 s).
    fn interval(&self) -> f64 {
        let idle = self.now - self.progress_at - self.timing.period_ms;
        // Not `clamp`: its panic message would pull float formatting into the page.
        (idle / 4.0).max(self.timing.poll_ms).min(self.timing.max_poll_ms)
    }

    fn user_fetch(&mut self, number: Option<String>, out: &mut Vec<Command>) {
        self.progress_at = self.now;
        let pairing = number.is_some();
        self.issue(Req::Qr { pairing }, number, out);
    }

    fn issue(&mut self, req: Req, number: Option<String>, out: &mut Vec<Command>) {
        self.seq = self.seq.wrapping_add(1);
        let seq = self.seq;
        self.in_flight = Some((seq, req));
        out.push(match req {
            Req::Qr { .. } => Command::FetchQr { seq, number },
            Req::State { .. } => Command::ReadState { seq },
        });
    }

    /// The request `seq` answered: returns it when it is the one awaited (else the answer is stale).
    fn take(&mut self, seq: u32) -> Option<Req> {
        match self.in_flight {
            Some((s, req)) if s == seq => {
                self.in_flight = None;
                self.next_poll = self.now + self.interval();
                Some(req)
            }
            _ => None,
        }
    }

    /// A request failed: `what` is the message saying which (`{0}`: the failure's explanation).
    fn fail(&mut self, what: crate::msg::Key, f: Failure) {
        self.message = vec![crate::msg!(what, f.why)];
        self.message_is_failure = true;
        match f.status {
            Some(401) => self.phase = Phase::Stopped(Halt::Refused),
            Some(404) => self.phase = Phase::Stopped(Halt::NotFound),
            _ => {}
        }
        self.qr_due = self.qr_due.max(self.next_poll);
    }

    fn answered(&mut self) {
        if self.message_is_failure {
            self.message.clear();
            self.message_is_failure = false;
        }
    }

    fn connected(&mut self) {
        self.state = ConnectionState::Open;
        self.phase = Phase::Connected;
        self.message.clear();
    }

    fn on_qr(&mut self, answer: Result<Option<ConnectAnswer>, Failure>, pairing: bool) {
        if self.phase == Phase::Deleted {
            return;
        }
        match answer {
            Err(f) => self.fail(a::qr_failed, f),
            Ok(None) => {
                self.message = vec![a::connect_not_understood.into()];
                self.message_is_failure = true;
                self.qr_due = self.qr_due.max(self.next_poll);
            }
            Ok(Some(ConnectAnswer::Open)) => self.connected(),
            Ok(Some(ConnectAnswer::Qr(q))) => {
                let same = self.qr.as_ref().is_some_and(|old| old.code == q.code && old.count == q.count);
                if !same || self.phase != Phase::Waiting {
                    self.progress_at = self.now;
                }
                self.message.clear();
                self.message_is_failure = false;
                if pairing {
                    self.pairing = Some(q.pairing_code.clone().unwrap_or_default());
                }
                self.qr = Some(q);
                self.qr_due = self.now + self.timing.period_ms.max(self.interval());
                self.close_streak = 0;
                self.state = ConnectionState::Connecting;
                self.phase = Phase::Waiting;
            }
        }
    }

    fn on_state(&mut self, answer: Result<Option<ConnectionState>, Failure>, rotate: bool, out: &mut Vec<Command>) {
        if self.phase != Phase::Waiting {
            return;
        }
        match answer {
            Err(f) => return self.fail(a::state_failed, f),
            Ok(None) => {}
            Ok(Some(s)) => {
                self.answered();
                if s != self.state {
                    self.progress_at = self.now;
                }
                match &s {
                    ConnectionState::Open => return self.connected(),
                    // One `close` right after a scan is WhatsApp restarting the session: only a
                    // second one in a row means the server gave up.
                    ConnectionState::Close => {
                        self.close_streak += 1;
                        if self.close_streak >= 2 {
                            self.phase = Phase::Closed;
                        }
                    }
                    _ => {
                        self.close_streak = 0;
                        if rotate && self.visible {
                            self.state = s;
                            return self.issue(Req::Qr { pairing: false }, None, out);
                        }
                    }
                }
                self.state = s;
            }
        }
        self.qr_due = self.qr_due.max(self.next_poll);
    }

    fn sync_timer(&mut self, out: &mut Vec<Command>) {
        let want = self.phase == Phase::Waiting && self.visible;
        if want != self.ticking {
            self.ticking = want;
            out.push(Command::Timer(want));
        }
    }
}

impl Halt {
    /// Why polling stopped, for the panel (`give_up_s`: the bound without progress).
    pub fn msg(self, give_up_s: u64) -> Msg {
        let secs = usize::try_from(give_up_s).unwrap_or(usize::MAX);
        match self {
            Halt::NoProgress => crate::msg!(a::halt_no_progress, secs),
            Halt::NoQr => crate::msg!(a::halt_no_qr, secs),
            Halt::Refused => a::halt_refused.into(),
            Halt::NotFound => a::halt_not_found.into(),
        }
    }
}

#[cfg(test)]
mod tests;
