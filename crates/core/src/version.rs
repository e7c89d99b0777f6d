//! What a server's version (`GET /` → `version`) says about what it does: the differences between
//! 2.3.x and 2.4 that the page relies on. Unknown or unreadable versions are treated as the oldest
//! of their generation (nothing is assumed that the server might not do).

/// A server version, e.g. `2.4.0-rc2` → 2.4.0 (a pre-release).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ServerVersion {
    pub major: u16,
    pub minor: u16,
    pub patch: u16,
}

impl ServerVersion {
    pub const fn new(major: u16, minor: u16, patch: u16) -> Self {
        ServerVersion { major, minor, patch }
    }

    /// `2.3.6`, `v2.4.0-rc2`, `2.4`: `None` for anything else.
    pub fn parse(version: &str) -> Option<Self> {
        let core = version.trim().trim_start_matches(['v', 'V']);
        let core = core.split(['-', '+', ' ']).next()?;
        let mut parts = core.split('.').map(|p| p.parse::<u16>());
        let major = parts.next()?.ok()?;
        let minor = parts.next().unwrap_or(Ok(0)).ok()?;
        let patch = parts.next().unwrap_or(Ok(0)).ok()?;
        Some(ServerVersion { major, minor, patch })
    }

    /// 2.4 and later gate every business route behind a licence (`503 LICENSE_REQUIRED` until
    /// activated; `GET /license/status` says whether it is).
    pub fn has_licence_gate(self) -> bool {
        self >= Self::new(2, 4, 0)
    }

    /// 2.4 and later send `MESSAGING_HISTORY_SET` to webhooks and sinks (2.3.x stores the event and
    /// never sends it).
    pub fn sends_history_set(self) -> bool {
        self >= Self::new(2, 4, 0)
    }

    /// 2.4 and later trim `instanceName` at create (2.3.x keeps the spaces, and every later URL
    /// needs them).
    pub fn trims_instance_name(self) -> bool {
        self >= Self::new(2, 4, 0)
    }

    /// 2.4 and later answer success to logging out an instance that is already closed (2.3.x: 400).
    pub fn logout_of_closed_succeeds(self) -> bool {
        self >= Self::new(2, 4, 0)
    }
}

/// What `GET /license/status` said (2.4+).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LicenceStatus {
    /// `active`, `inactive`, `pending`…
    pub status: String,
}

impl LicenceStatus {
    pub fn is_active(&self) -> bool {
        self.status == "active"
    }
}

/// Reads `GET /license/status` (`{"status":"inactive","instance_id":"…"}`); `None` when the answer
/// is not one (an older server has no such route).
pub fn read_licence_status(status: u16, body: &str) -> Option<LicenceStatus> {
    if status != 200 {
        return None;
    }
    let v: serde_json::Value = serde_json::from_str(body).ok()?;
    Some(LicenceStatus { status: v.get("status")?.as_str()?.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_and_order() {
        assert_eq!(ServerVersion::parse("2.4.0-rc2"), Some(ServerVersion::new(2, 4, 0)));
        assert_eq!(ServerVersion::parse("v2.3.7"), Some(ServerVersion::new(2, 3, 7)));
        assert_eq!(ServerVersion::parse("1.8"), Some(ServerVersion::new(1, 8, 0)));
        assert_eq!(ServerVersion::parse("latest"), None);
        let v = |s| ServerVersion::parse(s).unwrap();
        assert!(v("2.4.0-rc2").has_licence_gate() && v("2.10.1").has_licence_gate());
        assert!(!v("2.3.7").has_licence_gate() && !v("1.8.2").has_licence_gate());
        assert!(v("2.4.0").sends_history_set() && !v("2.3.6").sends_history_set());
        assert!(v("2.4.1").trims_instance_name() && v("2.4.0").logout_of_closed_succeeds());
    }

    #[test]
    fn licence_status() {
        let s = read_licence_status(200, r#"{"status":"inactive","instance_id":"abc"}"#).unwrap();
        assert!(!s.is_active());
        assert!(read_licence_status(200, r#"{"status":"active"}"#).unwrap().is_active());
        assert_eq!(read_licence_status(404, "Cannot GET /license/status"), None);
        assert_eq!(read_licence_status(200, "<html>"), None);
    }
}
