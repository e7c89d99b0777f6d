//! The one module that talks HTTP to an Evolution API server.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::{Request, RequestBuilder};
use leptos::prelude::set_timeout_with_handle;

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
    /// The request could not be built.
    #[error("the request could not be built: {0}")]
    Request(String),
    /// No answer: server down, DNS, CORS block or mixed content — the browser does not say which.
    #[error("no answer from the server ({detail})")]
    Network { detail: String, elapsed_ms: f64 },
    #[error("no answer within {seconds} s")]
    Timeout { seconds: u32, elapsed_ms: f64 },
    #[error("stopped")]
    Aborted { elapsed_ms: f64 },
}

impl HttpError {
    pub fn elapsed_ms(&self) -> Option<f64> {
        match self {
            HttpError::Request(_) => None,
            HttpError::Network { elapsed_ms, .. }
            | HttpError::Timeout { elapsed_ms, .. }
            | HttpError::Aborted { elapsed_ms } => Some(*elapsed_ms),
        }
    }
}

/// Stops an in-flight request (the page's "Stop" button).
#[derive(Clone)]
pub struct Abort(web_sys::AbortController);

impl Abort {
    pub fn new() -> Option<Self> {
        web_sys::AbortController::new().ok().map(Abort)
    }

    pub fn abort(&self) {
        self.0.abort();
    }
}

async fn send(
    builder: RequestBuilder,
    body: Option<String>,
    timeout_s: u32,
    abort: Option<Abort>,
) -> Result<Reply, HttpError> {
    let abort = abort.or_else(Abort::new);
    let builder = builder.abort_signal(abort.as_ref().map(|a| a.0.signal()).as_ref());
    let req = match body {
        Some(b) => builder.body(b),
        None => builder.build(),
    }
    .map_err(|e| HttpError::Request(e.to_string()))?;
    let timed_out = Rc::new(Cell::new(false));
    let timer = abort.clone().and_then(|a| {
        let flag = timed_out.clone();
        set_timeout_with_handle(
            move || {
                flag.set(true);
                a.abort();
            },
            Duration::from_secs(u64::from(timeout_s.max(1))),
        )
        .ok()
    });
    let started = now_ms();
    let result = send_and_read(req).await;
    if let Some(t) = timer {
        t.clear();
    }
    let elapsed_ms = now_ms() - started;
    match result {
        Ok((status, body)) => Ok(Reply { status, body, elapsed_ms }),
        Err(_) if timed_out.get() => Err(HttpError::Timeout { seconds: timeout_s, elapsed_ms }),
        Err(_) if abort.as_ref().is_some_and(|a| a.0.signal().aborted()) => Err(HttpError::Aborted { elapsed_ms }),
        Err(detail) => Err(HttpError::Network { detail, elapsed_ms }),
    }
}

async fn send_and_read(req: Request) -> Result<(u16, String), String> {
    let resp = req.send().await.map_err(|e| e.to_string())?;
    let status = resp.status();
    let body = resp.text().await.map_err(|e| e.to_string())?;
    Ok((status, body))
}

/// `POST {url}` with the JSON `body` and the global key in the `apikey` header (the only header
/// Evolution authenticates with). The key goes in no URL and no log.
pub async fn post_json(
    url: &str,
    api_key: &str,
    body: String,
    timeout_s: u32,
    abort: Option<Abort>,
) -> Result<Reply, HttpError> {
    let builder = Request::post(url).header("Content-Type", "application/json").header("apikey", api_key);
    send(builder, Some(body), timeout_s, abort).await
}

/// `GET {url}` without credentials (the server's root answers without a key).
pub async fn get(url: &str, timeout_s: u32) -> Result<Reply, HttpError> {
    send(Request::get(url), None, timeout_s, None).await
}

/// `GET {url}` with the `apikey` header (global key or the instance's own key).
pub async fn get_with_key(url: &str, api_key: &str, timeout_s: u32) -> Result<Reply, HttpError> {
    send(Request::get(url).header("apikey", api_key), None, timeout_s, None).await
}

/// `DELETE {url}` with the `apikey` header.
pub async fn delete(url: &str, api_key: &str, timeout_s: u32) -> Result<Reply, HttpError> {
    send(Request::delete(url).header("apikey", api_key), None, timeout_s, None).await
}
