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
    /// 401: the key is refused.
    Refused,
    /// 404: the server does not know the instance.
    NotFound,
}

/// A request that got no usable answer: the HTTP status (none for timeouts and network errors) and
/// the explanation to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub status: Option<u16>,
    pub why: String,
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
    StateAnswer { seq: u32, answer: Result<Option<String>, Failure> },
    /// "Refresh" or "Generate new QR".
    Refresh,
    /// "Get pairing code" for this phone number.
    Pairing(String),
    /// "Resume" after a [`Phase::Stopped`].
    Resume,
    /// A message from outside the session (a failed log out or delete).
    Say(String),
    /// Logged out (or deleted), with what to tell the user.
    Unlinked { deleted: bool, note: String },
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

/// The session. Its public fields are what the panel shows.
#[derive(Debug, Clone)]
pub struct Session {
    timing: Timing,
    pub phase: Phase,
    /// The last connection state read (`connecting` until one is read).
    pub state: String,
    pub qr: Option<QrInfo>,
    /// The pairing code of the last pairing request (empty when the server gave none).
    pub pairing: Option<String>,
    pub message: Option<String>,
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
            state: "connecting".into(),
            qr: None,
            pairing: None,
            message: None,
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
                    self.message = None;
                    self.progress_at = self.now;
                    self.issue(Req::State { rotate: true }, None, &mut out);
                }
            }
            Event::Say(text) => {
                self.message = Some(text);
                self.message_is_failure = false;
            }
            Event::Unlinked { deleted, note } => {
                self.state = "close".into();
                self.qr = None;
                self.pairing = None;
                self.in_flight = None;
                self.phase = if deleted { Phase::Deleted } else { Phase::Closed };
                self.message = Some(note);
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
            self.phase = Phase::Stopped(Halt::NoProgress);
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

    fn fail(&mut self, what: &str, f: Failure) {
        self.message = Some(format!("Could not {what} — {}", f.why));
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
            self.message = None;
            self.message_is_failure = false;
        }
    }

    fn connected(&mut self) {
        self.state = "open".into();
        self.phase = Phase::Connected;
        self.message = None;
    }

    fn on_qr(&mut self, answer: Result<Option<ConnectAnswer>, Failure>, pairing: bool) {
        if self.phase == Phase::Deleted {
            return;
        }
        match answer {
            Err(f) => self.fail("get a QR code", f),
            Ok(None) => {
                self.message = Some("The server's connect answer was not understood.".into());
                self.message_is_failure = true;
                self.qr_due = self.qr_due.max(self.next_poll);
            }
            Ok(Some(ConnectAnswer::Open)) => self.connected(),
            Ok(Some(ConnectAnswer::Qr(q))) => {
                let same = self.qr.as_ref().is_some_and(|old| old.code == q.code && old.count == q.count);
                if !same || self.phase != Phase::Waiting {
                    self.progress_at = self.now;
                }
                self.message = None;
                self.message_is_failure = false;
                if pairing {
                    self.pairing = Some(q.pairing_code.clone().unwrap_or_default());
                }
                self.qr = Some(q);
                self.qr_due = self.now + self.timing.period_ms.max(self.interval());
                self.close_streak = 0;
                self.state = "connecting".into();
                self.phase = Phase::Waiting;
            }
        }
    }

    fn on_state(&mut self, answer: Result<Option<String>, Failure>, rotate: bool, out: &mut Vec<Command>) {
        if self.phase != Phase::Waiting {
            return;
        }
        match answer {
            Err(f) => return self.fail("read the connection state", f),
            Ok(None) => {}
            Ok(Some(s)) => {
                self.answered();
                if s != self.state {
                    self.progress_at = self.now;
                }
                match s.as_str() {
                    "open" => return self.connected(),
                    // One `close` right after a scan is WhatsApp restarting the session: only a
                    // second one in a row means the server gave up.
                    "close" => {
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
    pub fn text(self, give_up_s: u64) -> String {
        match self {
            Halt::NoProgress => format!(
                "Stopped checking: no new QR code and no change of state for {give_up_s} s — the server may not \
                 reach WhatsApp (or its WhatsApp Web version is out of date)."
            ),
            Halt::Refused => "Stopped checking: the server refused the key (401). Check the API key.".into(),
            Halt::NotFound => "Stopped checking: the server does not know this instance (404).".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn qr(count: u64) -> QrInfo {
        QrInfo { code: Some(format!("2@code{count}")), base64: None, count: Some(count), pairing_code: None }
    }

    fn pending() -> QrInfo {
        QrInfo { count: Some(0), ..QrInfo::default() }
    }

    fn state(seq: u32, s: &str) -> Event {
        Event::StateAnswer { seq, answer: Ok(Some(s.into())) }
    }

    fn qr_answer(seq: u32, q: QrInfo) -> Event {
        Event::QrAnswer { seq, answer: Ok(Some(ConnectAnswer::Qr(q))) }
    }

    fn failed(status: Option<u16>, why: &str) -> Failure {
        Failure { status, why: why.into() }
    }

    /// The sequence number of the one request in `cmds`.
    fn seq_of(cmds: &[Command]) -> u32 {
        let seqs: Vec<u32> = cmds
            .iter()
            .filter_map(|c| match c {
                Command::FetchQr { seq, .. } | Command::ReadState { seq } => Some(*seq),
                Command::Timer(_) => None,
            })
            .collect();
        assert_eq!(seqs.len(), 1, "{cmds:?}");
        seqs[0]
    }

    fn is_read(cmds: &[Command]) -> bool {
        cmds.iter().any(|c| matches!(c, Command::ReadState { .. }))
    }

    /// Ticks every second from `from` (exclusive) to `to` (inclusive) until a command comes.
    fn tick_until(s: &mut Session, from: f64, to: f64) -> (f64, Vec<Command>) {
        let mut t = from;
        while t < to {
            t += 1000.0;
            let cmds = s.step(Event::Tick, t);
            if !cmds.is_empty() {
                return (t, cmds);
            }
        }
        (t, Vec::new())
    }

    #[test]
    fn timing_defaults_and_knobs() {
        let d = Timing::default();
        assert_eq!((d.period_ms, d.poll_ms, d.give_up_ms), (45_000.0, 3000.0, 180_000.0));
        assert_eq!(Timing::new(Some(2), None).give_up_ms, 180_000.0);
        assert_eq!(Timing::new(Some(120), None).give_up_ms, 480_000.0, "four periods when longer");
        assert_eq!(Timing::new(Some(0), Some(6)), Timing { period_ms: 45_000.0, give_up_ms: 6000.0, ..d });
    }

    #[test]
    fn a_created_instance_starts_the_timer_and_polls_every_3_s_one_request_at_a_time() {
        let (mut s, cmds) = Session::new(Timing::default(), Some(qr(1)), 0.0);
        assert_eq!(cmds, vec![Command::Timer(true)]);
        assert_eq!(s.seconds_left(), 45);
        assert_eq!(s.step(Event::Tick, 1000.0), vec![]);
        assert_eq!(s.seconds_left(), 44);
        assert_eq!(s.step(Event::Tick, 2000.0), vec![]);
        let cmds = s.step(Event::Tick, 3000.0);
        assert_eq!(cmds, vec![Command::ReadState { seq: 1 }]);
        assert!(s.busy());
        assert_eq!(s.step(Event::Tick, 4000.0), vec![], "nothing while a request runs");
        assert_eq!(s.step(state(1, "connecting"), 4200.0), vec![]);
        assert_eq!(s.step(Event::Tick, 5000.0), vec![]);
        assert_eq!(s.step(Event::Tick, 6000.0), vec![]);
        assert_eq!(s.step(Event::Tick, 7000.0), vec![], "3 s after the answer, not after the request");
        assert_eq!(s.step(Event::Tick, 7300.0), vec![Command::ReadState { seq: 2 }]);
        assert_eq!((s.phase, s.state.as_str()), (Phase::Waiting, "connecting"));
    }

    #[test]
    fn an_existing_instance_fetches_its_qr_at_once() {
        let (mut s, cmds) = Session::new(Timing::default(), None, 0.0);
        assert_eq!(cmds, vec![Command::FetchQr { seq: 1, number: None }, Command::Timer(true)]);
        assert_eq!(s.step(qr_answer(1, qr(1)), 300.0), vec![]);
        assert_eq!(s.qr.as_ref().and_then(|q| q.count), Some(1));
        assert_eq!(s.seconds_left(), 45);
    }

    #[test]
    fn rotation_reads_the_state_then_fetches_the_next_code() {
        let (mut s, _) = Session::new(Timing::new(Some(10), None), Some(qr(1)), 0.0);
        let mut t = 0.0;
        let mut seq;
        // Polls at ~3 s, ~6 s, ~9 s, then the rotation is due at 10 s.
        loop {
            let (at, cmds) = tick_until(&mut s, t, 20_000.0);
            t = at;
            seq = seq_of(&cmds);
            if t >= 10_000.0 {
                break;
            }
            s.step(state(seq, "connecting"), t);
        }
        assert_eq!(s.seconds_left(), 0);
        let cmds = s.step(state(seq, "connecting"), t + 100.0);
        assert_eq!(cmds, vec![Command::FetchQr { seq: seq + 1, number: None }]);
        s.step(qr_answer(seq + 1, qr(2)), t + 200.0);
        assert_eq!(s.qr, Some(qr(2)));
        assert_eq!(s.seconds_left(), 10);
    }

    #[test]
    fn no_connect_on_a_closed_session_when_the_code_is_due() {
        let (mut s, _) = Session::new(Timing::new(Some(2), None), Some(qr(1)), 0.0);
        let (t, cmds) = tick_until(&mut s, 0.0, 5000.0);
        assert_eq!(t, 2000.0, "due at 2 s");
        let cmds = s.step(state(seq_of(&cmds), "close"), t + 50.0);
        assert_eq!(cmds, vec![], "a close is not answered with connect");
        assert_eq!(s.phase, Phase::Waiting, "one close is the blip");
        let (t2, cmds) = tick_until(&mut s, t + 50.0, 20_000.0);
        assert!(t2 >= t + 3000.0, "no retry storm while the code is overdue: {t2}");
        assert!(is_read(&cmds));
    }

    #[test]
    fn the_blip_after_a_scan_is_not_a_failure_and_open_stops_everything() {
        let (mut s, _) = Session::new(Timing::default(), Some(qr(3)), 0.0);
        let mut t = 0.0;
        for st in ["close", "connecting", "close", "open"] {
            let (at, cmds) = tick_until(&mut s, t, 60_000.0);
            t = at;
            let out = s.step(state(seq_of(&cmds), st), t + 10.0);
            assert_eq!(s.state, st);
            if st == "open" {
                assert_eq!(out, vec![Command::Timer(false)]);
            } else {
                assert_eq!((s.phase, out), (Phase::Waiting, vec![]), "after {st}");
            }
        }
        assert_eq!(s.phase, Phase::Connected);
        assert_eq!(tick_until(&mut s, t, 600_000.0).1, vec![], "no request once open");
    }

    #[test]
    fn two_closes_in_a_row_close_the_session_and_generate_new_qr_starts_again() {
        let (mut s, _) = Session::new(Timing::default(), Some(qr(30)), 0.0);
        let (t, cmds) = tick_until(&mut s, 0.0, 10_000.0);
        s.step(state(seq_of(&cmds), "close"), t);
        let (t, cmds) = tick_until(&mut s, t, 10_000.0);
        assert_eq!(s.step(state(seq_of(&cmds), "close"), t), vec![Command::Timer(false)]);
        assert_eq!(s.phase, Phase::Closed);
        assert_eq!(tick_until(&mut s, t, 600_000.0).1, vec![], "no polling once closed");
        let cmds = s.step(Event::Refresh, 700_000.0);
        let seq = seq_of(&cmds);
        assert_eq!(cmds, vec![Command::FetchQr { seq, number: None }]);
        assert_eq!(s.step(qr_answer(seq, qr(1)), 700_100.0), vec![Command::Timer(true)]);
        assert_eq!((s.phase, s.state.as_str(), s.qr.clone()), (Phase::Waiting, "connecting", Some(qr(1))));
    }

    /// A simulated server: rotates its code every `period` ms from 0, closes after `limit` codes,
    /// and answers at once. Returns the session and the times of every request.
    fn run_against_server(
        timing: Timing,
        period: f64,
        limit: u64,
        produce_qr: bool,
        until: f64,
    ) -> (Session, Vec<(f64, Command)>) {
        let first = if produce_qr { qr(1) } else { pending() };
        let (mut s, _) = Session::new(timing, Some(first), 0.0);
        let count_at = |t: f64| (t / period) as u64 + 1;
        let mut log = Vec::new();
        let mut t = 0.0;
        while t < until {
            t += 1000.0;
            let mut cmds = s.step(Event::Tick, t);
            while let Some(c) = cmds.iter().find(|c| !matches!(c, Command::Timer(_))).cloned() {
                log.push((t, c.clone()));
                let closed = count_at(t) > limit;
                let ev = match c {
                    Command::ReadState { seq } => state(seq, if closed { "close" } else { "connecting" }),
                    Command::FetchQr { seq, .. } => {
                        qr_answer(seq, if produce_qr { qr(count_at(t)) } else { pending() })
                    }
                    Command::Timer(_) => unreachable!(),
                };
                cmds = s.step(ev, t + 20.0);
            }
        }
        (s, log)
    }

    #[test]
    fn the_qr_limit_closes_the_session_and_progress_keeps_polling_alive_until_then() {
        // 30 codes of 45 s: 22.5 minutes, far past the 3-minute bound without progress.
        let (s, log) = run_against_server(Timing::default(), 45_000.0, QR_LIMIT, true, 30.0 * 60_000.0);
        assert_eq!(s.phase, Phase::Closed);
        assert_eq!(s.qr.as_ref().and_then(|q| q.count), Some(30));
        let fetches = log.iter().filter(|(_, c)| matches!(c, Command::FetchQr { .. })).count();
        assert!((25..=29).contains(&fetches), "codes 2..=30, a few skipped as the page's clock drifts: {fetches}");
        let last = log.last().unwrap().0;
        assert!(last > 30.0 * 45_000.0 && last < 30.0 * 45_000.0 + 10_000.0, "closed right after the limit: {last}");
    }

    #[test]
    fn without_progress_polling_backs_off_then_stops_and_resumes() {
        // `--no-qr`: the server never reaches WhatsApp; `{"count":0}` and `connecting` forever.
        let (mut s, log) = run_against_server(Timing::default(), 45_000.0, QR_LIMIT, false, 10.0 * 60_000.0);
        assert_eq!(s.phase, Phase::Stopped(Halt::NoProgress));
        let last = log.last().unwrap().0;
        assert!((150_000.0..=181_000.0).contains(&last), "last request near the 3-minute bound: {last}");
        let gaps: Vec<f64> = log.windows(2).map(|w| w[1].0 - w[0].0).filter(|g| *g > 0.0).collect();
        assert!(gaps[..3].iter().all(|g| *g <= 4000.0), "3 s at first: {gaps:?}");
        assert!(gaps.last().unwrap() >= &20_000.0, "backed off: {gaps:?}");
        assert!(log.len() < 30, "{} requests in 3 minutes instead of 60", log.len());
        assert!(Halt::NoProgress.text(s.give_up_seconds()).contains("for 180 s"));
        // Resume: the state at once, then a fresh QR; the timer runs again.
        let cmds = s.step(Event::Resume, 700_000.0);
        assert_eq!(cmds, vec![Command::ReadState { seq: seq_of(&cmds) }, Command::Timer(true)]);
        assert_eq!(s.phase, Phase::Waiting);
        let cmds = s.step(state(seq_of(&cmds), "connecting"), 700_050.0);
        assert!(matches!(cmds[..], [Command::FetchQr { .. }]));
    }

    #[test]
    fn a_short_give_up_bound_from_the_page() {
        let (s, log) = run_against_server(Timing::new(Some(2), Some(6)), 2000.0, QR_LIMIT, false, 60_000.0);
        assert_eq!(s.phase, Phase::Stopped(Halt::NoProgress));
        assert!(log.last().unwrap().0 < 6000.0, "{log:?}");
        assert_eq!(s.give_up_seconds(), 6);
    }

    #[test]
    fn a_key_refused_mid_session_stops_with_the_reason_and_resume_tries_again() {
        let (mut s, _) = Session::new(Timing::default(), Some(qr(1)), 0.0);
        let (t, cmds) = tick_until(&mut s, 0.0, 10_000.0);
        let out =
            s.step(Event::StateAnswer { seq: seq_of(&cmds), answer: Err(failed(Some(401), "401: Unauthorized")) }, t);
        assert_eq!(out, vec![Command::Timer(false)]);
        assert_eq!(s.phase, Phase::Stopped(Halt::Refused));
        assert_eq!(s.message.as_deref(), Some("Could not read the connection state — 401: Unauthorized"));
        assert!(Halt::Refused.text(0).contains("401"));
        assert_eq!(tick_until(&mut s, t, 600_000.0).1, vec![]);
        let cmds = s.step(Event::Resume, 700_000.0);
        assert!(is_read(&cmds));
        assert_eq!(s.message, None);
    }

    #[test]
    fn a_vanished_instance_stops_polling() {
        let (mut s, _) = Session::new(Timing::default(), Some(qr(1)), 0.0);
        let (t, cmds) = tick_until(&mut s, 0.0, 10_000.0);
        let answer = Err(failed(Some(404), "404: The \"x\" instance does not exist"));
        assert_eq!(s.step(Event::StateAnswer { seq: seq_of(&cmds), answer }, t), vec![Command::Timer(false)]);
        assert_eq!(s.phase, Phase::Stopped(Halt::NotFound));
        // The same for a connect answer (an existing instance typed with the wrong name).
        let (mut s, cmds) = Session::new(Timing::default(), None, 0.0);
        let answer = Err(failed(Some(404), "404: nope"));
        s.step(Event::QrAnswer { seq: seq_of(&cmds), answer }, 100.0);
        assert_eq!(s.phase, Phase::Stopped(Halt::NotFound));
        assert_eq!(s.message.as_deref(), Some("Could not get a QR code — 404: nope"));
    }

    #[test]
    fn timeouts_network_errors_and_5xx_are_retried_with_backoff_and_cleared_by_a_good_answer() {
        let (mut s, _) = Session::new(Timing::default(), Some(qr(1)), 0.0);
        let mut t = 0.0;
        let mut gaps = Vec::new();
        let (timeout, down, bad) =
            (failed(None, "No answer within 15 s."), failed(None, "Server down"), failed(Some(502), "502"));
        for f in [timeout.clone(), down.clone(), bad.clone(), timeout, down, bad] {
            let (at, cmds) = tick_until(&mut s, t, t + 100_000.0);
            gaps.push(at - t);
            t = at + 15_000.0; // the timeout
            s.step(Event::StateAnswer { seq: seq_of(&cmds), answer: Err(f.clone()) }, t);
            assert_eq!(s.phase, Phase::Waiting);
            assert_eq!(s.message, Some(format!("Could not read the connection state — {}", f.why)));
        }
        assert!(gaps[5] > gaps[0], "backs off: {gaps:?}");
        let (t, cmds) = tick_until(&mut s, t, t + 100_000.0);
        s.step(state(seq_of(&cmds), "connecting"), t);
        assert_eq!(s.message, None);
        assert_eq!(s.phase, Phase::Waiting);
    }

    #[test]
    fn a_failed_or_unreadable_qr_fetch_keeps_the_code_and_retries_later() {
        let (mut s, cmds) = Session::new(Timing::default(), None, 0.0);
        s.step(Event::QrAnswer { seq: seq_of(&cmds), answer: Err(failed(None, "No answer within 30 s.")) }, 30_000.0);
        assert_eq!(s.message.as_deref(), Some("Could not get a QR code — No answer within 30 s."));
        assert_eq!(s.step(Event::Tick, 31_000.0), vec![]);
        let cmds = s.step(Event::Refresh, 32_000.0);
        s.step(Event::QrAnswer { seq: seq_of(&cmds), answer: Ok(None) }, 32_100.0);
        assert_eq!(s.message.as_deref(), Some("The server's connect answer was not understood."));
        assert_eq!(s.phase, Phase::Waiting);
    }

    #[test]
    fn connect_may_answer_open() {
        let (mut s, cmds) = Session::new(Timing::default(), None, 0.0);
        let out = s.step(Event::QrAnswer { seq: seq_of(&cmds), answer: Ok(Some(ConnectAnswer::Open)) }, 10.0);
        assert_eq!(out, vec![Command::Timer(false)]);
        assert_eq!((s.phase, s.state.as_str()), (Phase::Connected, "open"));
    }

    #[test]
    fn answers_to_superseded_requests_are_ignored() {
        let (mut s, _) = Session::new(Timing::default(), Some(qr(1)), 0.0);
        let (t, cmds) = tick_until(&mut s, 0.0, 10_000.0);
        let poll = seq_of(&cmds);
        let refresh = seq_of(&s.step(Event::Refresh, t + 10.0));
        assert_ne!(poll, refresh);
        assert_eq!(s.step(state(poll, "open"), t + 20.0), vec![], "the poll was superseded");
        assert_eq!(s.phase, Phase::Waiting);
        s.step(qr_answer(refresh, qr(2)), t + 30.0);
        assert_eq!(s.qr, Some(qr(2)));
        assert_eq!(s.step(qr_answer(refresh, qr(9)), t + 40.0), vec![], "answered twice");
        assert_eq!(s.qr, Some(qr(2)));
    }

    #[test]
    fn hidden_tab_no_requests_no_give_up_and_an_immediate_read_on_return() {
        let (mut s, _) = Session::new(Timing::new(Some(2), Some(10)), Some(pending()), 0.0);
        assert_eq!(s.step(Event::Visible(true), 0.0), vec![], "already visible");
        assert_eq!(s.step(Event::Visible(false), 500.0), vec![Command::Timer(false)]);
        assert_eq!(tick_until(&mut s, 500.0, 60_000.0).1, vec![]);
        let cmds = s.step(Event::Visible(true), 60_000.0);
        assert_eq!(cmds, vec![Command::ReadState { seq: seq_of(&cmds) }, Command::Timer(true)]);
        assert_eq!(s.phase, Phase::Waiting, "the minute hidden is not time without progress");
        // A rotation due while the tab goes hidden waits for its return.
        let out = s.step(Event::Visible(false), 60_010.0);
        assert_eq!(out, vec![Command::Timer(false)]);
        assert_eq!(s.step(state(seq_of(&cmds), "connecting"), 60_020.0), vec![], "no connect while hidden");
    }

    #[test]
    fn pairing_code_request() {
        let (mut s, _) = Session::new(Timing::default(), Some(qr(1)), 0.0);
        let cmds = s.step(Event::Pairing("5511999999999".into()), 100.0);
        let seq = seq_of(&cmds);
        assert_eq!(cmds, vec![Command::FetchQr { seq, number: Some("5511999999999".into()) }]);
        s.step(qr_answer(seq, QrInfo { pairing_code: Some("ABCD1234".into()), ..qr(2) }), 200.0);
        assert_eq!(s.pairing.as_deref(), Some("ABCD1234"));
        let seq = seq_of(&s.step(Event::Pairing("5511999999999".into()), 300.0));
        s.step(qr_answer(seq, qr(3)), 400.0);
        assert_eq!(s.pairing.as_deref(), Some(""), "asked, but the server gave no code");
    }

    #[test]
    fn log_out_and_delete() {
        let (mut s, _) = Session::new(Timing::default(), Some(qr(1)), 0.0);
        let (t, cmds) = tick_until(&mut s, 0.0, 10_000.0);
        let poll = seq_of(&cmds);
        let out = s.step(Event::Unlinked { deleted: false, note: "Logged out.".into() }, t);
        assert_eq!(out, vec![Command::Timer(false)]);
        assert_eq!((s.phase, s.state.as_str(), s.qr.clone()), (Phase::Closed, "close", None));
        assert_eq!(s.step(state(poll, "connecting"), t + 10.0), vec![], "the poll in flight is dropped");
        assert_eq!(s.state, "close");
        s.step(Event::Say("Delete failed — 500".into()), t + 20.0);
        assert_eq!(s.message.as_deref(), Some("Delete failed — 500"));
        let seq = seq_of(&s.step(Event::Refresh, t + 30.0));
        s.step(Event::Unlinked { deleted: true, note: "Instance deleted.".into() }, t + 40.0);
        assert_eq!(s.phase, Phase::Deleted);
        assert_eq!(s.step(qr_answer(seq, qr(1)), t + 50.0), vec![], "nothing comes back from the dead");
        assert_eq!(s.step(Event::Refresh, t + 60.0), vec![]);
        assert_eq!(s.phase, Phase::Deleted);
    }
}
