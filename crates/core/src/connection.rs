//! A WhatsApp session's connection state as the server names it (`connectionState`'s
//! `instance.state`, `fetchInstances`' `status` / `connectionStatus`): one type for evo-core, the
//! page and the sandbox instead of bare strings.

use std::fmt;

/// The connection state of an instance.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ConnectionState {
    /// `open`: WhatsApp is linked.
    Open,
    /// `connecting`: a QR code or pairing code is waiting to be used.
    Connecting,
    /// `close`: no session (never linked, logged out, or the server gave up).
    Close,
    /// `refused`: WhatsApp refused the session.
    Refused,
    /// Anything else the server said, as it said it (`unknown` when it said nothing).
    Other(String),
}

impl ConnectionState {
    /// The state the server names `s` (exact, lower case, as every generation writes it).
    pub fn parse(s: &str) -> ConnectionState {
        match s {
            "open" => ConnectionState::Open,
            "connecting" => ConnectionState::Connecting,
            "close" => ConnectionState::Close,
            "refused" => ConnectionState::Refused,
            other => ConnectionState::Other(other.to_owned()),
        }
    }

    /// The server's name of the state (the wire value; also the page's CSS class and badge text).
    pub fn as_str(&self) -> &str {
        match self {
            ConnectionState::Open => "open",
            ConnectionState::Connecting => "connecting",
            ConnectionState::Close => "close",
            ConnectionState::Refused => "refused",
            ConnectionState::Other(s) => s,
        }
    }

    pub fn is_open(&self) -> bool {
        *self == ConnectionState::Open
    }
}

/// What a record without a state holds (empty: nothing was said).
impl Default for ConnectionState {
    fn default() -> Self {
        ConnectionState::Other(String::new())
    }
}

impl From<&str> for ConnectionState {
    fn from(s: &str) -> Self {
        ConnectionState::parse(s)
    }
}

/// As the server writes it (the sandbox's answers).
impl serde::Serialize for ConnectionState {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl fmt::Display for ConnectionState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::ConnectionState as S;

    #[test]
    fn the_wire_names_round_trip() {
        for s in [S::Open, S::Connecting, S::Close, S::Refused, S::Other("unknown".into())] {
            assert_eq!(S::parse(s.as_str()), s);
            assert_eq!(s.to_string(), s.as_str());
        }
        assert_eq!(S::parse("OPEN"), S::Other("OPEN".into()), "the server writes lower case; nothing is guessed");
        assert!(S::from("open").is_open());
    }
}
