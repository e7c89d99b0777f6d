use super::*;
use crate::i18n::Lang;
use crate::render::render;

fn qr(count: u64) -> QrInfo {
    QrInfo { code: Some(format!("2@code{count}")), base64: None, count: Some(count), pairing_code: None }
}

fn pending() -> QrInfo {
    QrInfo { count: Some(0), ..QrInfo::default() }
}

fn state(seq: u32, s: &str) -> Event {
    Event::StateAnswer { seq, answer: Ok(Some(ConnectionState::parse(s))) }
}

/// What the panel shows of the session's messages in `lang` (`None`: nothing).
fn said(s: &Session, lang: Lang) -> Option<String> {
    let parts: Vec<String> = s.message.iter().map(|m| render(m, lang)).collect();
    (!parts.is_empty()).then(|| parts.join(" "))
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
        assert_eq!(s.state.as_str(), st);
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
                Command::FetchQr { seq, .. } => qr_answer(seq, if produce_qr { qr(count_at(t)) } else { pending() }),
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
    // Not one QR code came: the reason names the likely causes.
    assert_eq!(s.phase, Phase::Stopped(Halt::NoQr));
    let why = render(&Halt::NoQr.msg(s.give_up_seconds()), Lang::En);
    assert!(why.contains("in 180 s") && why.contains("CONFIG_SESSION_PHONE_VERSION") && why.contains("proxy"), "{why}");
    let last = log.last().unwrap().0;
    assert!((150_000.0..=181_000.0).contains(&last), "last request near the 3-minute bound: {last}");
    let gaps: Vec<f64> = log.windows(2).map(|w| w[1].0 - w[0].0).filter(|g| *g > 0.0).collect();
    assert!(gaps[..3].iter().all(|g| *g <= 4000.0), "3 s at first: {gaps:?}");
    assert!(gaps.last().unwrap() >= &20_000.0, "backed off: {gaps:?}");
    assert!(log.len() < 30, "{} requests in 3 minutes instead of 60", log.len());
    // Resume: the state at once, then a fresh QR; the timer runs again.
    let cmds = s.step(Event::Resume, 700_000.0);
    assert_eq!(cmds, vec![Command::ReadState { seq: seq_of(&cmds) }, Command::Timer(true)]);
    assert_eq!(s.phase, Phase::Waiting);
    let cmds = s.step(state(seq_of(&cmds), "connecting"), 700_050.0);
    assert!(matches!(cmds[..], [Command::FetchQr { .. }]));
}

/// A QR code came, but then nothing moved (the same code, `connecting`): no progress, not "no QR".
#[test]
fn a_code_that_never_rotates_stops_as_no_progress() {
    let (s, _) = run_against_server(Timing::default(), 1e12, QR_LIMIT, true, 10.0 * 60_000.0);
    assert_eq!(s.phase, Phase::Stopped(Halt::NoProgress));
    assert!(render(&Halt::NoProgress.msg(s.give_up_seconds()), Lang::En).contains("for 180 s"));
}

#[test]
fn a_short_give_up_bound_from_the_page() {
    let (s, log) = run_against_server(Timing::new(Some(2), Some(6)), 2000.0, QR_LIMIT, false, 60_000.0);
    assert_eq!(s.phase, Phase::Stopped(Halt::NoQr));
    assert!(log.last().unwrap().0 < 6000.0, "{log:?}");
    assert_eq!(s.give_up_seconds(), 6);
}

#[test]
fn a_key_refused_mid_session_stops_with_the_reason_and_resume_tries_again() {
    let (mut s, _) = Session::new(Timing::default(), Some(qr(1)), 0.0);
    let (t, cmds) = tick_until(&mut s, 0.0, 10_000.0);
    let out = s.step(Event::StateAnswer { seq: seq_of(&cmds), answer: Err(failed(Some(401), "401: Unauthorized")) }, t);
    assert_eq!(out, vec![Command::Timer(false)]);
    assert_eq!(s.phase, Phase::Stopped(Halt::Refused));
    assert_eq!(said(&s, Lang::En).as_deref(), Some("Could not read the connection state — 401: Unauthorized"));
    assert!(render(&Halt::Refused.msg(0), Lang::En).contains("401"));
    assert_eq!(tick_until(&mut s, t, 600_000.0).1, vec![]);
    let cmds = s.step(Event::Resume, 700_000.0);
    assert!(is_read(&cmds));
    assert_eq!(said(&s, Lang::En), None);
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
    assert_eq!(said(&s, Lang::En).as_deref(), Some("Could not get a QR code — 404: nope"));
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
        let Arg::Text(why) = &f.why else { unreachable!() };
        assert_eq!(said(&s, Lang::En), Some(format!("Could not read the connection state — {why}")));
    }
    assert!(gaps[5] > gaps[0], "backs off: {gaps:?}");
    let (t, cmds) = tick_until(&mut s, t, t + 100_000.0);
    s.step(state(seq_of(&cmds), "connecting"), t);
    assert_eq!(said(&s, Lang::En), None);
    assert_eq!(s.phase, Phase::Waiting);
}

#[test]
fn a_failed_or_unreadable_qr_fetch_keeps_the_code_and_retries_later() {
    let (mut s, cmds) = Session::new(Timing::default(), None, 0.0);
    s.step(Event::QrAnswer { seq: seq_of(&cmds), answer: Err(failed(None, "No answer within 30 s.")) }, 30_000.0);
    assert_eq!(said(&s, Lang::En).as_deref(), Some("Could not get a QR code — No answer within 30 s."));
    assert_eq!(s.step(Event::Tick, 31_000.0), vec![]);
    let cmds = s.step(Event::Refresh, 32_000.0);
    s.step(Event::QrAnswer { seq: seq_of(&cmds), answer: Ok(None) }, 32_100.0);
    assert_eq!(said(&s, Lang::En).as_deref(), Some("The server's connect answer was not understood."));
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
    let out = s.step(Event::Unlinked { deleted: false, notes: vec![a::connect_not_understood.into()] }, t);
    assert_eq!(out, vec![Command::Timer(false)]);
    assert_eq!((s.phase, s.state.as_str(), s.qr.clone()), (Phase::Closed, "close", None));
    assert_eq!(s.step(state(poll, "connecting"), t + 10.0), vec![], "the poll in flight is dropped");
    assert_eq!(s.state, ConnectionState::Close);
    s.step(Event::Say(crate::msg!(a::qr_failed, "500")), t + 20.0);
    assert_eq!(said(&s, Lang::En).as_deref(), Some("Could not get a QR code — 500"));
    let seq = seq_of(&s.step(Event::Refresh, t + 30.0));
    s.step(Event::Unlinked { deleted: true, notes: vec![a::halt_refused.into(), a::halt_not_found.into()] }, t + 40.0);
    assert_eq!(s.message.len(), 2, "every note is kept, in order");
    assert_eq!(s.phase, Phase::Deleted);
    assert_eq!(s.step(qr_answer(seq, qr(1)), t + 50.0), vec![], "nothing comes back from the dead");
    assert_eq!(s.step(Event::Refresh, t + 60.0), vec![]);
    assert_eq!(s.phase, Phase::Deleted);
}

#[test]
#[cfg(feature = "embedded-pt")]
fn messages_in_brazilian_portuguese() {
    let (mut s, cmds) = Session::new(Timing::default(), None, 0.0);
    s.step(Event::QrAnswer { seq: seq_of(&cmds), answer: Err(failed(None, "Nenhuma resposta em 30 s.")) }, 30_000.0);
    assert_eq!(said(&s, Lang::PtBr).as_deref(), Some("Não foi possível obter um QR code — Nenhuma resposta em 30 s."));
    let cmds = s.step(Event::Refresh, 32_000.0);
    s.step(Event::QrAnswer { seq: seq_of(&cmds), answer: Ok(None) }, 32_100.0);
    assert_eq!(said(&s, Lang::PtBr).as_deref(), Some("A resposta do connect do servidor não foi entendida."));
    // A failure explained by a message is rendered with the session's, in the same language.
    let cmds = s.step(Event::Refresh, 33_000.0);
    let why = Arg::from(crate::msg!(a::halt_not_found));
    s.step(Event::QrAnswer { seq: seq_of(&cmds), answer: Err(Failure { status: None, why }) }, 33_100.0);
    assert_eq!(
        said(&s, Lang::PtBr).as_deref(),
        Some("Não foi possível obter um QR code — Verificação interrompida: o servidor não conhece esta instância (404).")
    );
    assert!(said(&s, Lang::En)
        .unwrap()
        .starts_with("Could not get a QR code — Stopped checking: the server does not know"));
    let cmds = s.step(Event::Refresh, 34_000.0);
    s.step(Event::QrAnswer { seq: seq_of(&cmds), answer: Ok(None) }, 34_100.0);
    // The session keeps the message, not its words: the same state reads in either language.
    assert_eq!(said(&s, Lang::En).as_deref(), Some("The server's connect answer was not understood."));
    assert!(render(&Halt::NoProgress.msg(180), Lang::PtBr).contains("em 180 s"));
    assert!(render(&Halt::Refused.msg(0), Lang::PtBr)
        .starts_with("Verificação interrompida: o servidor recusou a chave (401)."));
    assert_eq!(
        render(&Halt::NoProgress.msg(180), Lang::En),
        "Stopped checking: no new QR code and no change of state for 180 s — the server may not reach WhatsApp \
         (or its WhatsApp Web version is out of date)."
    );
}
