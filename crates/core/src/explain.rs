//! Plain-language causes and next steps for what a create attempt can end in.

use crate::response::{ApiError, Decoded};

/// How serious an outcome is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Success,
    Warning,
    Error,
}

/// One explanation: a headline and the next step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub tone: Tone,
    pub text: String,
}

fn err(text: String) -> Explanation {
    Explanation { tone: Tone::Error, text }
}

fn joined(e: &ApiError) -> String {
    e.messages.join("; ")
}

/// Explains an HTTP answer to `POST /instance/create` (`name` is the instance name that was sent).
pub fn explain_response(status: u16, decoded: &Decoded, name: &str) -> Explanation {
    let api = match decoded {
        Decoded::Error(e) => Some(e),
        _ => None,
    };
    let msgs = api.map(joined).unwrap_or_default();
    match (status, decoded) {
        (200..=299, Decoded::Created(c)) => Explanation {
            tone: Tone::Success,
            text: format!(
                "Instance \"{}\" created. Store its key: it is shown only now.",
                c.instance_name.as_deref().unwrap_or(name)
            ),
        },
        (200..=299, Decoded::NotJson) => err(format!(
            "{status}: the server answered success, but not with JSON — a proxy, a login page or another web server answered, not an Evolution API. Check the base URL."
        )),
        (200..=299, Decoded::Empty) => err("The server answered success with an empty body: nothing to show. Check the instance list on the server.".into()),
        (200..=299, _) => Explanation {
            tone: Tone::Warning,
            text: "The server answered success, but not with a create response. Is the base URL an Evolution API?".into(),
        },
        (401, _) => err(
            "401 Unauthorized: the global API key is wrong or missing. Use the server's AUTHENTICATION_API_KEY; an instance's own token is not accepted for creating instances."
                .into(),
        ),
        (403, _) if msgs.contains("already in use") => err(format!(
            "403: the name \"{name}\" is already in use on this server. Choose another name (e.g. \"{}\") — or, if an earlier create failed half-way, that attempt may have left the instance behind: delete it first.",
            suggest_free_name(name)
        )),
        (400, _) if api.is_some() => err(format!("400: the server rejected the payload: {msgs}")),
        (404, _) => err(
            "404 Not Found: the base URL's path is wrong. It must be the server root, where GET / answers \"Welcome to the Evolution API\"."
                .into(),
        ),
        (500..=599, _) if msgs.contains("Not allowed by CORS") => err(
            "The server refused this page's origin (CORS). Add this page's origin to CORS_ORIGIN on the server.".into(),
        ),
        (500..=599, _) => err(format!(
            "{status}: the server failed{}. Check the server's logs.",
            if msgs.is_empty() { String::new() } else { format!(": {msgs}") }
        )),
        (_, Decoded::NotJson) => err(format!(
            "{status}: the answer is not JSON, so it did not come from an Evolution API. Check the base URL (a proxy or web server answered instead)."
        )),
        (_, Decoded::Empty) => err(format!("{status}: the server answered with an empty body.")),
        _ => err(format!("{status}: unexpected answer{}", if msgs.is_empty() { String::new() } else { format!(": {msgs}") })),
    }
}

/// Explains a request that got no HTTP answer at all (the browser gives no status).
/// `page_origin` is this page's origin, printed as the exact `CORS_ORIGIN` line to set.
pub fn explain_no_response(page_origin: &str) -> Explanation {
    err(format!(
        "No answer from the server. Either it is not running or not reachable at this address (check the base URL and that the server is up), \
         or it blocked this page with CORS — the browser hides which. If the server is up, set CORS_ORIGIN={page_origin} on it (or CORS_ORIGIN=*)."
    ))
}

/// The request ran past the page's time limit and was stopped.
pub fn explain_timeout(seconds: u32) -> Explanation {
    err(format!(
        "No answer within {seconds} s, so the page stopped waiting. The server may be overloaded or unreachable through a proxy — \
         and it may still create the instance: check the instance list before sending again (a retry could get 403 \"already in use\"). \
         A create with a QR code takes at least 5 s; raise the time limit if the server is slow."
    ))
}

/// The user pressed Stop.
pub fn explain_aborted() -> Explanation {
    Explanation {
        tone: Tone::Warning,
        text: "You stopped the request. The server may still have created the instance: check before sending again."
            .into(),
    }
}

/// A name close to `name` to try when it is taken: the trailing number goes up by one (`shop` → `shop2`).
pub fn suggest_free_name(name: &str) -> String {
    let digits = name.len() - name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (stem, num) = name.split_at(name.len() - digits);
    match num.parse::<u64>() {
        Ok(n) => format!("{stem}{}", n.saturating_add(1)),
        Err(_) => format!("{name}2"),
    }
}

/// What `GET {base}/` says about the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    /// An Evolution API: its version and whether it speaks the v2 API.
    Evolution { version: String, v2: bool },
    /// Something answered, but not an Evolution API.
    NotEvolution(String),
}

/// Reads the answer of `GET {base}/`.
pub fn read_health(status: u16, body: &str) -> Health {
    let v: Option<serde_json::Value> = serde_json::from_str(body).ok();
    let welcome =
        v.as_ref().and_then(|v| v.get("message")).and_then(|m| m.as_str()).is_some_and(|m| m.contains("Evolution API"));
    match (status, v.as_ref().and_then(|v| v.get("version")).and_then(|x| x.as_str())) {
        (200, Some(version)) if welcome => Health::Evolution {
            version: version.to_owned(),
            v2: version.starts_with('2') || v.as_ref().is_some_and(|v| v.get("clientName").is_some()),
        },
        (404, _) => {
            Health::NotEvolution("404 at this address: the base URL's path is wrong (use the server root).".into())
        }
        (s, _) if body.trim_start().starts_with('<') => {
            Health::NotEvolution(format!("{s}: an HTML page answered, not an Evolution API. Check the base URL."))
        }
        (s, _) => Health::NotEvolution(format!("{s}: this does not look like an Evolution API answer.")),
    }
}

/// The browser blocks an https page from calling an http API before any request is made.
pub fn mixed_content(page_is_https: bool, api_is_https: bool) -> Option<Explanation> {
    (page_is_https && !api_is_https).then(|| {
        err("This page is served over https, so the browser will block calls to an http:// API (mixed content). Use an https:// base URL, or open this page over http (e.g. locally).".into())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::response::decode;

    #[test]
    fn explains_recorded_failures() {
        let e = explain_response(
            401,
            &decode(401, r#"{"status":401,"error":"Unauthorized","response":{"message":"Unauthorized"}}"#),
            "x",
        );
        assert!(e.text.contains("global API key"), "{}", e.text);
        let e = explain_response(
            403,
            &decode(
                403,
                r#"{"status":403,"error":"Forbidden","response":{"message":["This name \"shop\" is already in use."]}}"#,
            ),
            "shop",
        );
        assert!(e.text.contains("\"shop\" is already in use"));
        let e = explain_response(
            400,
            &decode(400, r#"{"status":400,"error":"Bad Request","response":{"message":[["a","b"]]}}"#),
            "x",
        );
        assert!(e.text.ends_with("a; b"));
        let e = explain_response(502, &decode(502, "<html>"), "x");
        assert!(e.text.contains("502"));
        assert_eq!(e.tone, Tone::Error);
    }

    #[test]
    fn names_and_health() {
        assert_eq!(suggest_free_name("shop"), "shop2");
        assert_eq!(suggest_free_name("shop9"), "shop10");
        let h = read_health(
            200,
            r#"{"status":200,"message":"Welcome to the Evolution API, it is working!","version":"1.8.2"}"#,
        );
        assert_eq!(h, Health::Evolution { version: "1.8.2".into(), v2: false });
        let h = read_health(
            200,
            r#"{"status":200,"message":"Welcome to the Evolution API, it is working!","version":"2.3.1","clientName":"x"}"#,
        );
        assert_eq!(h, Health::Evolution { version: "2.3.1".into(), v2: true });
        assert!(matches!(read_health(200, "<html>"), Health::NotEvolution(_)));
        assert!(explain_timeout(30).text.contains("30 s"));
    }

    #[test]
    fn no_response_prints_the_cors_line() {
        assert!(explain_no_response("http://127.0.0.1:8080").text.contains("CORS_ORIGIN=http://127.0.0.1:8080"));
        assert!(mixed_content(true, false).is_some());
        assert!(mixed_content(false, false).is_none());
        assert!(mixed_content(true, true).is_none());
    }
}
