//! A local, Evolution-compatible API server (1.8.2 shape) for demos and tests.
//!
//! [`evolution`] holds the server's behaviour as plain functions; this module is the HTTP face:
//! routes, raw-body parsing with Node-like errors, and CORS exactly as the real server answers it.

pub mod evolution;
pub mod qrpng;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::Router;
use evolution::{Config, Reply, Store};
use serde_json::{json, Value};

/// Who may call the sandbox from a browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorsPolicy {
    /// `CORS_ORIGIN=*`: the caller's Origin is reflected.
    Any,
    /// An exact list: any other origin, and any request without an Origin, gets
    /// 500 "Not allowed by CORS" with no CORS headers.
    Only(Vec<String>),
}

impl CorsPolicy {
    /// Parses a `CORS_ORIGIN` value: `*` or a comma list (compared exactly, as the server does).
    pub fn parse(value: &str) -> Self {
        if value.trim() == "*" {
            CorsPolicy::Any
        } else {
            CorsPolicy::Only(value.split(',').map(str::to_owned).collect())
        }
    }
}

#[derive(Debug, Clone)]
pub struct Options {
    pub config: Config,
    pub cors: CorsPolicy,
    /// Added before every create answer (the real server waits 5 s when `qrcode` is true).
    pub create_delay: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options { config: Config::default(), cors: CorsPolicy::Any, create_delay: Duration::ZERO }
    }
}

/// A canned answer for the next create (test-only control endpoint `POST /__sandbox/next-create`).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Fault {
    #[serde(default = "default_fault_status")]
    pub status: u16,
    #[serde(default)]
    pub body: String,
    #[serde(default = "default_fault_type")]
    pub content_type: String,
    #[serde(default)]
    pub delay_ms: u64,
}

fn default_fault_status() -> u16 {
    500
}

fn default_fault_type() -> String {
    "text/html; charset=utf-8".into()
}

struct Sandbox {
    opts: Options,
    store: Mutex<Store>,
    next_create: Mutex<Option<Fault>>,
}

type Shared = Arc<Sandbox>;

impl Sandbox {
    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn json_response((status, body): Reply) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut resp = (status, body.to_string()).into_response();
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
    resp
}

fn apikey(headers: &HeaderMap) -> Option<&str> {
    headers.get("apikey").and_then(|v| v.to_str().ok())
}

async fn health() -> Response {
    json_response(evolution::health())
}

async fn create(State(sb): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let parsed = if body.iter().all(u8::is_ascii_whitespace) {
        json!({})
    } else {
        match serde_json::from_slice::<Value>(&body) {
            Ok(v) => v,
            Err(e) => return json_response(evolution::json_parse_error(&body, &e)),
        }
    };
    let fault = sb.next_create.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
    if let Some(f) = fault {
        tokio::time::sleep(Duration::from_millis(f.delay_ms)).await;
        let mut resp =
            (StatusCode::from_u16(f.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR), f.body).into_response();
        if let Ok(v) = HeaderValue::from_str(&f.content_type) {
            resp.headers_mut().insert(header::CONTENT_TYPE, v);
        }
        return resp;
    }
    if !sb.opts.create_delay.is_zero() {
        tokio::time::sleep(sb.opts.create_delay).await;
    }
    let reply = evolution::create(&mut sb.store(), &sb.opts.config, apikey(&headers), &parsed);
    json_response(reply)
}

async fn connection_state(State(sb): State<Shared>, headers: HeaderMap, Path(name): Path<String>) -> Response {
    json_response(evolution::connection_state(&sb.store(), &sb.opts.config, apikey(&headers), &name))
}

async fn delete_instance(State(sb): State<Shared>, headers: HeaderMap, Path(name): Path<String>) -> Response {
    json_response(evolution::delete(&mut sb.store(), &sb.opts.config, apikey(&headers), &name))
}

#[derive(serde::Deserialize)]
struct ConnectQuery {
    number: Option<String>,
}

async fn connect(
    State(sb): State<Shared>,
    headers: HeaderMap,
    Path(name): Path<String>,
    axum::extract::Query(q): axum::extract::Query<ConnectQuery>,
) -> Response {
    json_response(evolution::connect(&mut sb.store(), &sb.opts.config, apikey(&headers), &name, q.number.as_deref()))
}

async fn logout(State(sb): State<Shared>, headers: HeaderMap, Path(name): Path<String>) -> Response {
    json_response(evolution::logout(&mut sb.store(), &sb.opts.config, apikey(&headers), &name))
}

/// Test-only: the next `POST /instance/create` gets this canned answer instead.
async fn set_next_create(State(sb): State<Shared>, axum::Json(fault): axum::Json<Fault>) -> StatusCode {
    *sb.next_create.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(fault);
    StatusCode::NO_CONTENT
}

async fn not_found(method: Method, uri: axum::http::Uri) -> Response {
    json_response(evolution::error_reply(404, json!([format!("Cannot {method} {}", uri.path())])))
}

async fn cors(State(sb): State<Shared>, req: Request, next: Next) -> Response {
    let origin = req.headers().get(header::ORIGIN).cloned();
    let allowed = match &sb.opts.cors {
        CorsPolicy::Any => true,
        CorsPolicy::Only(list) => {
            origin.as_ref().and_then(|o| o.to_str().ok()).is_some_and(|o| list.iter().any(|a| a == o))
        }
    };
    if !allowed {
        return json_response(evolution::error_reply(500, json!("Not allowed by CORS")));
    }
    let preflight = req.method() == Method::OPTIONS;
    let requested_headers = req.headers().get(header::ACCESS_CONTROL_REQUEST_HEADERS).cloned();
    let mut resp = if preflight { StatusCode::NO_CONTENT.into_response() } else { next.run(req).await };
    let h = resp.headers_mut();
    if let Some(o) = origin {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, o);
        h.insert(header::VARY, HeaderValue::from_static("Origin"));
    }
    h.insert(header::ACCESS_CONTROL_ALLOW_CREDENTIALS, HeaderValue::from_static("true"));
    if preflight {
        h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("POST,GET,PUT,DELETE"));
        if let Some(rh) = requested_headers {
            h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, rh);
        }
    }
    resp
}

/// The sandbox's routes, with a fresh, empty instance store.
pub fn router(opts: Options) -> Router {
    let shared: Shared = Arc::new(Sandbox { opts, store: Mutex::new(Store::default()), next_create: Mutex::new(None) });
    Router::new()
        .route("/", get(health))
        .route("/instance/create", post(create))
        .route("/instance/connectionState/{name}", get(connection_state))
        .route("/instance/connect/{name}", get(connect))
        .route("/instance/logout/{name}", delete(logout))
        .route("/instance/delete/{name}", delete(delete_instance))
        .route("/__sandbox/next-create", post(set_next_create))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(shared.clone(), cors))
        .with_state(shared)
}
