//! The one module that talks HTTP to an Evolution API server.

use gloo_net::http::Request;

use crate::browser::now_ms;

/// An HTTP answer, whatever its status: the body is kept as text, never interpreted as HTML.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub status: u16,
    pub body: String,
    pub elapsed_ms: f64,
}

/// Why no HTTP answer arrived.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HttpError {
    /// The request could not be built (e.g. a header value the browser refuses).
    #[error("the request could not be built: {0}")]
    Request(String),
    /// No answer: server down, DNS, CORS block or mixed content — the browser does not say which.
    #[error("no answer from the server after {elapsed_ms:.0} ms ({detail})")]
    Network { detail: String, elapsed_ms: f64 },
}

/// `POST {url}` with the JSON `body` and the global key in the `apikey` header (the only header
/// Evolution authenticates with). The key goes in no URL and no log.
pub async fn post_json(url: &str, api_key: &str, body: String) -> Result<Reply, HttpError> {
    let req = Request::post(url)
        .header("Content-Type", "application/json")
        .header("apikey", api_key)
        .body(body)
        .map_err(|e| HttpError::Request(e.to_string()))?;
    let started = now_ms();
    let resp =
        req.send().await.map_err(|e| HttpError::Network { detail: e.to_string(), elapsed_ms: now_ms() - started })?;
    let status = resp.status();
    let body = resp.text().await.unwrap_or_default();
    Ok(Reply { status, body, elapsed_ms: now_ms() - started })
}
