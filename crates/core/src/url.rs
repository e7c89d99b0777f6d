//! The server's base URL and the endpoint URLs built from it.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BaseUrlError {
    #[error("Enter the server's base URL, e.g. https://evolution.example.com")]
    Empty,
    #[error("The base URL must start with http:// or https://")]
    NoScheme,
    #[error("The base URL has no host name after the scheme")]
    NoHost,
    #[error("The base URL must not contain spaces")]
    Whitespace,
    #[error("Leave the query (?…) and fragment (#…) out of the base URL")]
    QueryOrFragment,
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
