//! The sandbox's "WhatsApp": one connection session per instance, shared by the 1.8.2 and the
//! 2.3.6 behaviour. A connecting session shows a real, scannable QR code that rotates every
//! `qr_period`, gives up after `qr_limit` codes, and opens after a simulated scan (passing the
//! real server's close/connecting blip first).

use std::time::{Duration, Instant};

use evo_core::connection::ConnectionState::{self, Close, Connecting, Open};
use serde_json::{json, Value};

use crate::evolution::{random_bytes, Config};
use crate::qrpng;

/// What `connect` found.
#[derive(Debug, Clone, PartialEq)]
pub enum Connected {
    /// Connecting: the `qrcode` object to answer.
    Qr(Value),
    /// The session is open: the server answers the state instead.
    AlreadyOpen,
}

/// The live connection of one instance.
#[derive(Debug, Clone)]
pub struct Session {
    /// The live connection state: `close`, `connecting` or `open`.
    pub state: ConnectionState,
    pub qr_count: u64,
    pub qr_code: Option<String>,
    /// When the current QR code was made.
    pub qr_at: Option<Instant>,
    /// States still to report after a simulated scan before `open` (the real close/connecting blip).
    pub blip: Vec<ConnectionState>,
    /// The pairing code asked for when this QR session started (with a number), kept in every QR
    /// object of the session as the real server keeps it in `instance.qrCode`.
    pub pairing: Option<String>,
}

impl Session {
    /// A session in `state` with no QR code.
    pub fn new(state: ConnectionState) -> Self {
        Session { state, qr_count: 0, qr_code: None, qr_at: None, blip: Vec::new(), pairing: None }
    }

    /// Rotates the QR code for the time passed; past the limit the server gives up and closes.
    pub fn advance(&mut self, cfg: &Config, now: Instant) {
        let (Some(at), true) = (self.qr_at, self.state == Connecting) else { return };
        let period = cfg.qr_period.max(Duration::from_millis(10));
        let steps = (now.saturating_duration_since(at).as_nanos() / period.as_nanos()) as u64;
        if steps == 0 {
            return;
        }
        self.qr_count += steps;
        if self.qr_count > cfg.qr_limit {
            self.qr_count = cfg.qr_limit;
            self.state = Close;
            self.qr_code = None;
            self.qr_at = None;
        } else {
            self.qr_code = Some(new_qr_code());
            self.qr_at = Some(at + period * u32::try_from(steps).unwrap_or(u32::MAX));
        }
    }

    /// Starts connecting with a fresh QR session (count 1). When WhatsApp fails at once
    /// (`instant_failure`) the state stays `close` and no QR comes.
    pub fn start(&mut self, cfg: &Config, now: Instant) {
        self.state = if cfg.instant_failure { Close } else { Connecting };
        self.pairing = None;
        if cfg.produce_qr && !cfg.instant_failure {
            self.qr_count = 1;
            self.qr_code = Some(new_qr_code());
            self.qr_at = Some(now);
        }
    }

    /// The state to report now: the scan blip first, then the live state.
    pub fn reported_state(&mut self) -> ConnectionState {
        if self.blip.is_empty() {
            self.state.clone()
        } else {
            self.blip.remove(0)
        }
    }

    /// The `connect` step shared by both versions (`connectToWhatsapp` in 1.8.2 and 2.3.6): a
    /// connecting instance answers its current QR object as it is — a number asks for nothing
    /// then —; otherwise a new QR session starts, with a pairing code when a number is given.
    pub fn connect(&mut self, cfg: &Config, number: Option<&str>, now: Instant) -> Connected {
        self.advance(cfg, now);
        if self.state == Open && self.blip.is_empty() {
            return Connected::AlreadyOpen;
        }
        if self.state != Connecting || self.qr_code.is_none() {
            self.start(cfg, now);
            self.pairing = number.filter(|n| !n.is_empty()).map(|_| pairing_code());
        }
        Connected::Qr(self.qr_object(self.pairing.clone()))
    }

    /// The phone scanned: `false` when the session was not waiting for a scan.
    pub fn scan(&mut self) -> bool {
        if self.state != Connecting {
            return false;
        }
        self.state = Open;
        self.qr_code = None;
        self.qr_at = None;
        self.blip = vec![Close, Connecting];
        true
    }

    /// Logged out: closed, no QR.
    pub fn close(&mut self) {
        *self = Session::new(Close);
    }

    /// The `qrcode` object of a create/connect answer (`{"count":0}` when there is no code).
    pub fn qr_object(&self, pairing_code: Option<String>) -> Value {
        match &self.qr_code {
            Some(code) => json!({
                "pairingCode": pairing_code,
                "code": code,
                "base64": qrpng::data_url(code),
                "count": self.qr_count,
            }),
            None => json!({"count": 0}),
        }
    }
}

/// A fresh pairing string in WhatsApp's `2@…,…,…,…` form.
pub fn new_qr_code() -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD;
    let ref_bytes: [u8; 60] = random_bytes();
    let k1: [u8; 32] = random_bytes();
    let k2: [u8; 32] = random_bytes();
    let k3: [u8; 32] = random_bytes();
    format!("2@{},{},{},{}", b64.encode(ref_bytes), b64.encode(k1), b64.encode(k2), b64.encode(k3))
}

/// An 8-character pairing code, as WhatsApp shows them (no 0/O/I/U).
pub fn pairing_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTVWXYZ123456789";
    random_bytes::<8>().iter().map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()])).collect()
}
