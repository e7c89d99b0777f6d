//! The one module that talks HTTP to an Evolution API server: [`Api`], the typed client the views
//! use, over a private `send` with a time limit and a Stop.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::{Request, RequestBuilder};
use leptos::prelude::set_timeout_with_handle;

use evo_core::token::{check_api_key, ApiKeyError};
use evo_core::url::{BaseUrl, BaseUrlError, InstanceAction};

use crate::browser::{self, now_ms};

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
    /// No answer, and the browser says it is offline (`navigator.onLine` false).
    #[error("offline")]
    Offline { elapsed_ms: f64 },
}

impl HttpError {
    pub fn elapsed_ms(&self) -> Option<f64> {
        match self {
            HttpError::Request(_) => None,
            HttpError::Network { elapsed_ms, .. }
            | HttpError::Timeout { elapsed_ms, .. }
            | HttpError::Aborted { elapsed_ms }
            | HttpError::Offline { elapsed_ms } => Some(*elapsed_ms),
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

/// Whether this browser has `AbortSignal.any` (calling a missing one would trap the wasm).
fn signal_any_exists() -> bool {
    let ctor = js_sys::Reflect::get(&js_sys::global(), &"AbortSignal".into()).unwrap_or_default();
    js_sys::Reflect::get(&ctor, &"any".into()).is_ok_and(|f| f.is_function())
}

/// Sends one request with its own time limit. `abort` (the page's Stop, or a panel that goes) is
/// combined with the request's own controller, so a timeout never aborts the caller's later requests.
async fn send(
    builder: RequestBuilder,
    body: Option<String>,
    timeout_s: u32,
    abort: Option<Abort>,
) -> Result<Reply, HttpError> {
    let own = Abort::new();
    let signal = match (&abort, &own) {
        (Some(ext), Some(own)) if signal_any_exists() => {
            Some(web_sys::AbortSignal::any(&js_sys::Array::of2(&ext.0.signal(), &own.0.signal())))
        }
        // A browser without `AbortSignal.any` (before Chrome 116, Firefox 124, Safari 17.4): the time
        // limit keeps working, but Stop and a closing panel no longer cancel the request: it runs to
        // its end (a closed panel ignores the answer).
        (Some(_), Some(own)) => Some(own.0.signal()),
        (None, Some(own)) => Some(own.0.signal()),
        (Some(ext), None) => Some(ext.0.signal()),
        (None, None) => None,
    };
    let builder = builder.abort_signal(signal.as_ref());
    let req = match body {
        Some(b) => builder.body(b),
        None => builder.build(),
    }
    .map_err(|e| HttpError::Request(e.to_string()))?;
    let timed_out = Rc::new(Cell::new(false));
    let timer = own.clone().and_then(|a| {
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
        Err(_) if !browser::online() => Err(HttpError::Offline { elapsed_ms }),
        Err(detail) => Err(HttpError::Network { detail, elapsed_ms }),
    }
}

/// A plain GET of a file served with the page (`path` relative to it, with the `query` pairs),
/// within `timeout_s`: its text when the answer is a 2xx, else why not.
pub async fn get_static(path: &str, query: &[(&str, &str)], timeout_s: u32) -> Result<String, String> {
    let req = Request::get(path).query(query.iter().copied());
    let reply = send(req, None, timeout_s, None).await.map_err(|e| e.to_string())?;
    match reply.status {
        200..=299 => Ok(reply.body),
        s => Err(format!("HTTP {s}")),
    }
}

async fn send_and_read(req: Request) -> Result<(u16, String), String> {
    let resp = req.send().await.map_err(|e| e.to_string())?;
    let status = resp.status();
    let body = resp.text().await.map_err(|e| e.to_string())?;
    Ok((status, body))
}

/// Why a call was refused before anything left the page (worded by `ui::errors`).
#[derive(Debug, Clone, PartialEq)]
pub enum Refused {
    /// The base URL is not one the page can call.
    BaseUrl(BaseUrlError),
    /// An https page cannot call an http server.
    MixedContent,
    /// The key cannot be sent as an `apikey` header.
    Key(ApiKeyError),
}

/// Why a call to the server did not end in a success (worded by `ui::errors::explain`).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// Refused before anything left the page (bad base URL or key, mixed content).
    #[error("not sent: {0:?}")]
    NotSent(Refused),
    /// No HTTP answer.
    #[error(transparent)]
    NoAnswer(HttpError),
    /// An answer with an error status (the body tells why; `evo-core` explains it).
    #[error("the server answered {}", .0.status)]
    Answered(Reply),
}

impl ApiError {
    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Answered(r) => Some(r.status),
            _ => None,
        }
    }
}

/// The page's client for one Evolution API server: the base URL and the key (global, or an
/// instance's own) checked once, then typed calls. Views never build URLs or map HTTP errors. The
/// key travels only in the `apikey` header (the only header Evolution authenticates with): never in
/// a URL, never in a log.
#[derive(Debug, Clone)]
pub struct Api {
    base: BaseUrl,
    key: String,
}

impl Api {
    /// Checks what can be checked before sending: the base URL, and mixed content (an https page
    /// cannot call an http server). The key is checked by the calls that need it.
    pub fn new(base_url: &str, key: &str) -> Result<Api, ApiError> {
        let base = BaseUrl::parse(base_url).map_err(|e| ApiError::NotSent(Refused::BaseUrl(e)))?;
        if browser::page_is_https() && !base.is_https() {
            return Err(ApiError::NotSent(Refused::MixedContent));
        }
        Ok(Api { base, key: key.to_owned() })
    }

    /// The key check the keyed calls make, for a caller that wants it before anything is sent.
    pub fn check_key(&self) -> Result<(), ApiError> {
        check_api_key(&self.key).map_err(|e| ApiError::NotSent(Refused::Key(e)))
    }

    fn keyed(&self, req: RequestBuilder) -> Result<RequestBuilder, ApiError> {
        self.check_key()?;
        Ok(req.header("apikey", &self.key))
    }

    async fn call(
        req: RequestBuilder,
        body: Option<String>,
        timeout_s: u32,
        abort: Option<Abort>,
    ) -> Result<Reply, ApiError> {
        match send(req, body, timeout_s, abort).await {
            Ok(r) if r.status >= 400 => Err(ApiError::Answered(r)),
            Ok(r) => Ok(r),
            Err(e) => Err(ApiError::NoAnswer(e)),
        }
    }

    /// `GET /`: the server's welcome and version (no key).
    pub async fn health(&self) -> Result<Reply, ApiError> {
        Self::call(Request::get(&self.base.health_url()), None, 15, None).await
    }

    /// `GET /license/status` (2.4+; no key): whether the server is activated.
    pub async fn licence_status(&self) -> Result<Reply, ApiError> {
        Self::call(Request::get(&self.base.licence_status_url()), None, 15, None).await
    }

    /// Where a 2.4+ server is activated: its own `/manager/login` page.
    pub fn licence_register_url(&self) -> String {
        self.base.licence_register_url()
    }

    /// `POST /instance/create` with the payload text as it is.
    pub async fn create(&self, body: String, timeout_s: u32, abort: Option<Abort>) -> Result<Reply, ApiError> {
        let req = self.keyed(Request::post(&self.base.create_url()).header("Content-Type", "application/json"))?;
        Self::call(req, Some(body), timeout_s, abort).await
    }

    /// `GET /instance/connect/{name}[?number=…]`: the QR code (and a pairing code for a number).
    pub async fn connect(&self, name: &str, number: Option<&str>, abort: Option<Abort>) -> Result<Reply, ApiError> {
        let url = match number {
            Some(n) => self.base.pairing_url(name, n),
            None => self.base.instance_url(InstanceAction::Connect, name),
        };
        Self::call(self.keyed(Request::get(&url))?, None, 30, abort).await
    }

    /// `GET /instance/connectionState/{name}`.
    pub async fn state(&self, name: &str, abort: Option<Abort>) -> Result<Reply, ApiError> {
        let url = self.base.instance_url(InstanceAction::ConnectionState, name);
        Self::call(self.keyed(Request::get(&url))?, None, 15, abort).await
    }

    /// `DELETE /instance/logout/{name}`.
    pub async fn logout(&self, name: &str, abort: Option<Abort>) -> Result<Reply, ApiError> {
        let url = self.base.instance_url(InstanceAction::Logout, name);
        Self::call(self.keyed(Request::delete(&url))?, None, 30, abort).await
    }

    /// `DELETE /instance/delete/{name}`.
    pub async fn delete(&self, name: &str, abort: Option<Abort>) -> Result<Reply, ApiError> {
        let url = self.base.instance_url(InstanceAction::Delete, name);
        Self::call(self.keyed(Request::delete(&url))?, None, 30, abort).await
    }

    /// `GET /instance/fetchInstances[?instanceName=…]`.
    pub async fn fetch_instances(&self, name: Option<&str>, abort: Option<Abort>) -> Result<Reply, ApiError> {
        let url = self.base.fetch_instances_url(name);
        Self::call(self.keyed(Request::get(&url))?, None, 30, abort).await
    }

    /// `POST /instance/restart/{name}` (2.x; 1.x has no such route).
    pub async fn restart(&self, name: &str, abort: Option<Abort>) -> Result<Reply, ApiError> {
        let url = self.base.instance_url(InstanceAction::Restart, name);
        Self::call(self.keyed(Request::post(&url))?, None, 30, abort).await
    }

    /// `GET /settings/find/{name}` (2.x): the settings as the server holds them.
    pub async fn settings_find(&self, name: &str, abort: Option<Abort>) -> Result<Reply, ApiError> {
        let url = self.base.settings_find_url(name);
        Self::call(self.keyed(Request::get(&url))?, None, 15, abort).await
    }

    /// `GET /webhook/find/{name}`: the webhook as the server holds it (or `null`).
    pub async fn webhook_find(&self, name: &str, abort: Option<Abort>) -> Result<Reply, ApiError> {
        let url = self.base.webhook_find_url(name);
        Self::call(self.keyed(Request::get(&url))?, None, 15, abort).await
    }

    /// `GET /{endpoint}/find/{name}`: what the server holds for a configuration route (the body
    /// as is: `null`, an empty body or an object).
    pub async fn config_find(
        &self,
        endpoint: evo_core::config::Endpoint,
        name: &str,
        abort: Option<Abort>,
    ) -> Result<Reply, ApiError> {
        let url = self.base.route_url(&endpoint.find_route().unwrap_or_default(), name);
        Self::call(self.keyed(Request::get(&url))?, None, 15, abort).await
    }

    /// `POST /{endpoint}/set/{name}` with the body text as it is.
    pub async fn config_set(
        &self,
        endpoint: evo_core::config::Endpoint,
        name: &str,
        body: String,
        timeout_s: u32,
        abort: Option<Abort>,
    ) -> Result<Reply, ApiError> {
        let url = self.base.route_url(endpoint.route(), name);
        let req = self.keyed(Request::post(&url).header("Content-Type", "application/json"))?;
        Self::call(req, Some(body), timeout_s, abort).await
    }
}
