//! A local, Evolution-compatible API server for demos and tests: 1.8.2 by default, 2.3.6 with
//! [`ApiVersion::V2`].
//!
//! [`evolution`] (1.8.2) and [`evolution_v2`] (2.3.6) hold the servers' behaviour as plain
//! functions; this module is the HTTP face: routes, raw-body parsing with Node-like errors, and
//! CORS exactly as the real server answers it (`http_v2` has the 2.3.6 routes, `http_config` the
//! configuration routes after create of both versions: `config_v1`, `config_v2`).

pub mod config;
mod config_schema;
pub mod config_v1;
pub mod config_v2;
mod config_v2_chatwoot;
pub mod evolution;
pub mod evolution_v2;
mod evolution_v2_create;
mod evolution_v2_errors;
mod http_config;
mod http_v2;
pub mod licence;
pub mod node_json;
pub mod qrpng;
pub mod schema_v2;
pub mod session;
pub mod v2_4;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::Router;
pub use evolution::ApiVersion;
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

/// A canned answer for the next requests to a path (test-only control endpoint `POST /__sandbox/fault`).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Fault {
    /// Requests whose path starts with this get the fault (default: the create endpoint).
    #[serde(default = "default_fault_path")]
    pub path: String,
    /// How many requests it applies to.
    #[serde(default = "default_fault_times")]
    pub times: u32,
    /// Close the connection without answering (after `delay_ms`).
    #[serde(default)]
    pub drop: bool,
    #[serde(default = "default_fault_status")]
    pub status: u16,
    #[serde(default)]
    pub body: String,
    #[serde(default = "default_fault_type")]
    pub content_type: String,
    #[serde(default)]
    pub delay_ms: u64,
}

fn default_fault_path() -> String {
    "/instance/create".into()
}

fn default_fault_times() -> u32 {
    1
}

fn default_fault_status() -> u16 {
    500
}

fn default_fault_type() -> String {
    "text/html; charset=utf-8".into()
}

/// One request the sandbox received (test-only `GET /__sandbox/requests`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Logged {
    pub method: String,
    pub path: String,
    /// Milliseconds since the sandbox started.
    pub at_ms: u64,
}

pub(crate) struct Sandbox {
    pub(crate) opts: Options,
    store: Mutex<Store>,
    store_v2: Mutex<evolution_v2::Store>,
    faults: Mutex<Vec<Fault>>,
    log: Mutex<Vec<Logged>>,
    started: Instant,
}

fn locked<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

pub(crate) type Shared = Arc<Sandbox>;

impl Sandbox {
    pub(crate) fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        locked(&self.store)
    }

    pub(crate) fn store_v2(&self) -> std::sync::MutexGuard<'_, evolution_v2::Store> {
        locked(&self.store_v2)
    }

    /// Takes one use of the fault for `path`, if any.
    fn fault_for(&self, path: &str) -> Option<Fault> {
        let mut faults = locked(&self.faults);
        let i = faults.iter().position(|f| path.starts_with(&f.path))?;
        faults[i].times = faults[i].times.saturating_sub(1);
        let f = faults[i].clone();
        if faults[i].times == 0 {
            faults.remove(i);
        }
        Some(f)
    }
}

pub(crate) fn json_response((status, body): Reply) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut resp = (status, body.to_string()).into_response();
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
    resp
}

pub(crate) fn apikey(headers: &HeaderMap) -> Option<&str> {
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
    if !sb.opts.create_delay.is_zero() {
        tokio::time::sleep(sb.opts.create_delay).await;
    }
    let reply = evolution::create(&mut sb.store(), &sb.opts.config, apikey(&headers), &parsed, Instant::now());
    json_response(reply)
}

async fn connection_state(State(sb): State<Shared>, headers: HeaderMap, Path(name): Path<String>) -> Response {
    json_response(evolution::connection_state(
        &mut sb.store(),
        &sb.opts.config,
        apikey(&headers),
        &name,
        Instant::now(),
    ))
}

async fn delete_instance(State(sb): State<Shared>, headers: HeaderMap, Path(name): Path<String>) -> Response {
    json_response(evolution::delete(&mut sb.store(), &sb.opts.config, apikey(&headers), &name))
}

/// `?number=` of `connect` (both versions).
#[derive(serde::Deserialize)]
pub(crate) struct ConnectQuery {
    pub(crate) number: Option<String>,
}

async fn connect(
    State(sb): State<Shared>,
    headers: HeaderMap,
    Path(name): Path<String>,
    axum::extract::Query(q): axum::extract::Query<ConnectQuery>,
) -> Response {
    let now = Instant::now();
    json_response(evolution::connect(
        &mut sb.store(),
        &sb.opts.config,
        apikey(&headers),
        &name,
        q.number.as_deref(),
        now,
    ))
}

async fn logout(State(sb): State<Shared>, headers: HeaderMap, Path(name): Path<String>) -> Response {
    json_response(evolution::logout(&mut sb.store(), &sb.opts.config, apikey(&headers), &name))
}

/// Test-only: the next requests to `fault.path` get this canned answer (or a dropped connection).
async fn set_fault(State(sb): State<Shared>, axum::Json(fault): axum::Json<Fault>) -> StatusCode {
    locked(&sb.faults).push(fault);
    StatusCode::NO_CONTENT
}

/// Test-only: `POST /__sandbox/next-create` = a fault on the create endpoint, once.
async fn set_next_create(State(sb): State<Shared>, axum::Json(mut fault): axum::Json<Fault>) -> StatusCode {
    fault.path = default_fault_path();
    fault.times = 1;
    locked(&sb.faults).push(fault);
    StatusCode::NO_CONTENT
}

/// Test-only: the phone scanned the QR of `name`.
async fn scan(State(sb): State<Shared>, Path(name): Path<String>) -> Response {
    json_response(match sb.opts.config.api_version {
        ApiVersion::V1 => evolution::scan(&mut sb.store(), &name),
        ApiVersion::V2 => evolution_v2::into_reply(evolution_v2::scan(&mut sb.store_v2(), &name)),
    })
}

/// Test-only: every request received so far (not the control endpoints).
async fn requests(State(sb): State<Shared>) -> Response {
    json_response((200, serde_json::to_value(&*locked(&sb.log)).unwrap_or_default()))
}

async fn clear_requests(State(sb): State<Shared>) -> StatusCode {
    locked(&sb.log).clear();
    StatusCode::NO_CONTENT
}

#[derive(serde::Deserialize)]
struct FetchQuery {
    #[serde(rename = "instanceName")]
    instance_name: Option<String>,
}

async fn fetch_instances(
    State(sb): State<Shared>,
    headers: HeaderMap,
    axum::extract::Query(q): axum::extract::Query<FetchQuery>,
) -> Response {
    let filter = q.instance_name.as_deref();
    json_response(evolution::fetch_instances(&sb.store(), &sb.opts.config, apikey(&headers), filter))
}

/// Logs every API request, and answers with a fault when one is set for its path.
async fn log_and_faults(State(sb): State<Shared>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    if path.starts_with("/__sandbox/") || req.method() == Method::OPTIONS {
        return next.run(req).await;
    }
    let at_ms = u64::try_from(sb.started.elapsed().as_millis()).unwrap_or(u64::MAX);
    locked(&sb.log).push(Logged { method: req.method().to_string(), path: path.clone(), at_ms });
    let Some(f) = sb.fault_for(&path) else { return next.run(req).await };
    tokio::time::sleep(Duration::from_millis(f.delay_ms)).await;
    if f.drop {
        // A body that fails at once: the server closes the connection without an answer.
        let failing =
            futures_util::stream::once(async { Err::<Bytes, _>(std::io::Error::other("dropped by the sandbox")) });
        return axum::body::Body::from_stream(failing).into_response();
    }
    let mut resp =
        (StatusCode::from_u16(f.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR), f.body).into_response();
    if let Ok(v) = HeaderValue::from_str(&f.content_type) {
        resp.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    resp
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

/// The 1.8.2 API routes.
fn routes_v1() -> Router<Shared> {
    Router::new()
        .route("/", get(health))
        .route("/instance/create", post(create))
        .route("/instance/connectionState/{name}", get(connection_state))
        .route("/instance/connect/{name}", get(connect))
        .route("/instance/logout/{name}", delete(logout))
        .route("/instance/delete/{name}", delete(delete_instance))
        .route("/instance/fetchInstances", get(fetch_instances))
        .merge(http_config::routes(ApiVersion::V1))
}

/// Fills a fresh sandbox with `n` instances through its own API, as a client would (`seed-001`…,
/// each with its own token): every third one connected by a simulated scan, every third left
/// `close` (no QR asked), the rest connecting with a QR. The request log is cleared afterwards.
pub async fn seed(app: &Router, n: usize, version: ApiVersion, key: &str) {
    use tower::ServiceExt;
    let call = |method: Method, uri: String, body: Option<Value>| {
        let mut req =
            Request::builder().method(method).uri(uri).header("apikey", key).header(header::ORIGIN, "http://127.0.0.1");
        if body.is_some() {
            req = req.header(header::CONTENT_TYPE, "application/json");
        }
        let req =
            req.body(axum::body::Body::from(body.map(|b| b.to_string()).unwrap_or_default())).expect("a valid request");
        app.clone().oneshot(req)
    };
    for i in 1..=n {
        let name = format!("seed-{i:03}");
        let mut body = json!({"instanceName": name, "token": format!("seed-token-{i:03}"), "qrcode": i % 3 != 0});
        if version == ApiVersion::V2 {
            body["integration"] = json!("WHATSAPP-BAILEYS");
        }
        let _ = call(Method::POST, "/instance/create".into(), Some(body)).await;
        if i % 3 == 1 {
            let _ = call(Method::POST, format!("/__sandbox/scan/{name}"), None).await;
        }
    }
    let _ = call(Method::DELETE, "/__sandbox/requests".into(), None).await;
}

/// The sandbox's routes for `opts.config.api_version`, with a fresh, empty instance store.
pub fn router(opts: Options) -> Router {
    let version = opts.config.api_version;
    let shared: Shared = Arc::new(Sandbox {
        opts,
        store: Mutex::new(Store::default()),
        store_v2: Mutex::new(evolution_v2::Store::default()),
        faults: Mutex::new(Vec::new()),
        log: Mutex::new(Vec::new()),
        started: Instant::now(),
    });
    let api = match version {
        ApiVersion::V1 => routes_v1().method_not_allowed_fallback(not_found),
        // Express answers a wrong method like an unknown route (seen: `Cannot PUT /instance/restart/x`).
        ApiVersion::V2 => http_v2::routes().method_not_allowed_fallback(not_found),
    };
    api.route("/__sandbox/next-create", post(set_next_create))
        .route("/__sandbox/fault", post(set_fault))
        .route("/__sandbox/scan/{name}", post(scan))
        .route("/__sandbox/requests", get(requests).delete(clear_requests))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(licence::Gate::new(&shared), licence::gate))
        .layer(middleware::from_fn_with_state(shared.clone(), log_and_faults))
        .layer(middleware::from_fn_with_state(shared.clone(), cors))
        .with_state(shared)
}
