//! The server's base URL and the endpoint URLs built from it.

use thiserror::Error;

use crate::msg::{keys::doctor, Key, Msg};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BaseUrlError {
    #[error("{}", self.msg())]
    Empty,
    #[error("{}", self.msg())]
    NoScheme,
    #[error("{}", self.msg())]
    NoHost,
    #[error("{}", self.msg())]
    Whitespace,
    #[error("{}", self.msg())]
    QueryOrFragment,
}

impl BaseUrlError {
    /// What to fix (a message without arguments; rendered at the edge: `message`, `Display` in English).
    pub fn key(&self) -> Key {
        match self {
            BaseUrlError::Empty => doctor::url_empty,
            BaseUrlError::NoScheme => doctor::url_no_scheme,
            BaseUrlError::NoHost => doctor::url_no_host,
            BaseUrlError::Whitespace => doctor::url_whitespace,
            BaseUrlError::QueryOrFragment => doctor::url_query_or_fragment,
        }
    }

    /// [`Self::key`] as a message.
    pub fn msg(&self) -> Msg {
        self.key().into()
    }
}

/// A validated base URL: absolute http(s), no trailing slash, no query or fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    pub fn parse(input: &str) -> Result<Self, BaseUrlError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(BaseUrlError::Empty);
        }
        if s.chars().any(char::is_whitespace) {
            return Err(BaseUrlError::Whitespace);
        }
        let lower = s.to_ascii_lowercase();
        let rest = if lower.starts_with("http://") {
            &s[7..]
        } else if lower.starts_with("https://") {
            &s[8..]
        } else {
            return Err(BaseUrlError::NoScheme);
        };
        if s.contains(['?', '#']) {
            return Err(BaseUrlError::QueryOrFragment);
        }
        let host = rest.split('/').next().unwrap_or("");
        if host.is_empty() || host.starts_with(':') {
            return Err(BaseUrlError::NoHost);
        }
        Ok(BaseUrl(s.trim_end_matches('/').to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `true` for `https://` base URLs.
    pub fn is_https(&self) -> bool {
        self.0[..6].eq_ignore_ascii_case("https:")
    }

    /// `{base}/instance/create`, keeping any path prefix the base URL has.
    pub fn create_url(&self) -> String {
        format!("{}/instance/create", self.0)
    }

    /// `{base}/instance/{action}/{name}` with the name URL-encoded (names are case-sensitive and may
    /// hold spaces, accents or a `/`).
    pub fn instance_url(&self, action: InstanceAction, name: &str) -> String {
        format!("{}/instance/{}/{}", self.0, action.path(), encode_component(name))
    }

    /// `{base}/`: the server's version (no key needed).
    pub fn health_url(&self) -> String {
        format!("{}/", self.0)
    }

    /// `{base}/license/status` (2.4+: whether the server is activated; no key needed).
    pub fn licence_status_url(&self) -> String {
        format!("{}/license/status", self.0)
    }

    /// `{base}/manager/login`: where a 2.4+ server is activated (its `register_url`).
    pub fn licence_register_url(&self) -> String {
        format!("{}/manager/login", self.0)
    }

    /// `{base}/instance/fetchInstances[?instanceName=…]`.
    pub fn fetch_instances_url(&self, name: Option<&str>) -> String {
        match name {
            Some(n) => format!("{}/instance/fetchInstances?instanceName={}", self.0, encode_component(n)),
            None => format!("{}/instance/fetchInstances", self.0),
        }
    }

    /// `{base}/settings/find/{name}` (2.x).
    pub fn settings_find_url(&self, name: &str) -> String {
        format!("{}/settings/find/{}", self.0, encode_component(name))
    }

    /// `{base}/webhook/find/{name}`.
    pub fn webhook_find_url(&self, name: &str) -> String {
        format!("{}/webhook/find/{}", self.0, encode_component(name))
    }

    /// `{base}/{route}/{name}` for a configuration route (`settings/set`, `webhook/find`, …: see
    /// `config::Endpoint::route` and `find_route`).
    pub fn route_url(&self, route: &str, name: &str) -> String {
        format!("{}/{}/{}", self.0, route, encode_component(name))
    }

    /// `{base}/instance/connect/{name}?number={digits}`: asks for a pairing code.
    pub fn pairing_url(&self, name: &str, number: &str) -> String {
        format!("{}?number={}", self.instance_url(InstanceAction::Connect, name), encode_component(number))
    }
}

/// The per-instance routes the QR panel calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstanceAction {
    Connect,
    ConnectionState,
    Logout,
    Delete,
    /// 2.x: `POST /instance/restart/{name}`.
    Restart,
}

impl InstanceAction {
    fn path(self) -> &'static str {
        match self {
            InstanceAction::Connect => "connect",
            InstanceAction::ConnectionState => "connectionState",
            InstanceAction::Logout => "logout",
            InstanceAction::Delete => "delete",
            InstanceAction::Restart => "restart",
        }
    }
}

/// `encodeURIComponent`: everything but `A–Z a–z 0–9 - _ . ! ~ * ' ( )` is percent-encoded (UTF-8).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_with_and_without_trailing_slash_and_prefix() {
        let cases = [
            ("http://127.0.0.1:8081", "http://127.0.0.1:8081/instance/create"),
            ("http://127.0.0.1:8081/", "http://127.0.0.1:8081/instance/create"),
            ("  https://api.example.com/evo//  ", "https://api.example.com/evo/instance/create"),
            ("HTTPS://Example.com", "HTTPS://Example.com/instance/create"),
        ];
        for (input, want) in cases {
            assert_eq!(BaseUrl::parse(input).unwrap().create_url(), want, "{input}");
        }
        assert!(BaseUrl::parse("https://x").unwrap().is_https());
        assert!(!BaseUrl::parse("http://x").unwrap().is_https());
    }

    #[test]
    fn instance_urls_encode_the_name() {
        let b = BaseUrl::parse("https://h/evo/").unwrap();
        assert_eq!(
            b.instance_url(InstanceAction::ConnectionState, "my instance"),
            "https://h/evo/instance/connectionState/my%20instance"
        );
        assert_eq!(b.instance_url(InstanceAction::Delete, "a/b"), "https://h/evo/instance/delete/a%2Fb");
        assert_eq!(b.instance_url(InstanceAction::Logout, "instância"), "https://h/evo/instance/logout/inst%C3%A2ncia");
        assert_eq!(b.pairing_url("shop", "5511999999999"), "https://h/evo/instance/connect/shop?number=5511999999999");
        assert_eq!(b.health_url(), "https://h/evo/");
        assert_eq!(b.fetch_instances_url(Some("a b")), "https://h/evo/instance/fetchInstances?instanceName=a%20b");
        assert_eq!(b.fetch_instances_url(None), "https://h/evo/instance/fetchInstances");
        assert_eq!(b.webhook_find_url("a/b"), "https://h/evo/webhook/find/a%2Fb");
    }

    #[test]
    fn rejects_what_cannot_be_a_base_url() {
        assert_eq!(BaseUrl::parse(" "), Err(BaseUrlError::Empty));
        assert_eq!(BaseUrl::parse("example.com"), Err(BaseUrlError::NoScheme));
        assert_eq!(BaseUrl::parse("ftp://example.com"), Err(BaseUrlError::NoScheme));
        assert_eq!(BaseUrl::parse("http://"), Err(BaseUrlError::NoHost));
        assert_eq!(BaseUrl::parse("http://:80/x"), Err(BaseUrlError::NoHost));
        assert_eq!(BaseUrl::parse("http://a b"), Err(BaseUrlError::Whitespace));
        assert_eq!(BaseUrl::parse("http://a/?apikey=1"), Err(BaseUrlError::QueryOrFragment));
    }
}
