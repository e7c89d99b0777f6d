//! The licence gate of Evolution API 2.4.0-rc2 (`--api-version 2.4`), as its source has it
//! (`github:evolution-foundation/evolution-api`, tag `2.4.0-rc2`):
//!
//! - `src/main.ts`: `cors()` and the body parsers run first, then `express.static('public')`, the
//!   `/license` router, the gate, and only then the API router. So a CORS refusal or a body that is
//!   not JSON is answered before the gate, and the gate's 503 carries the usual CORS headers.
//! - `src/licensing/runtime.ts` `gateMiddleware`: with no active licence every request gets 503
//!   `LICENSE_REQUIRED` — any method, any key or none, known route or not — except `/`, `/health`,
//!   `/server/ok`, `/favicon.ico`, `/license/{status,register,activate}`, `/manager…`, `/assets…`,
//!   `/store…`, `/ws` and paths ending in `.svg .css .js .png .ico .woff .woff2 .ttf .map` (any case).
//!   Those go on to the router (in the sandbox: `GET /`, or the 404 of a route it does not have).
//!   `register_url` is `X-Forwarded-Proto` (or the connection's `http`) `://` Host `/manager/login`.
//! - `src/api/routes/license.router.ts`: `GET /license/status` → `{status, instance_id}` (+ a masked
//!   `api_key` once active); `register` and `activate` call the licensing server, which an offline
//!   server cannot reach (502), or say `License is already active`.
//!
//! The sandbox's instance id is a random UUID per start (the real one is derived from the host name
//! and MAC address). `--activated` stands for a server whose `AUTHENTICATION_API_KEY` was accepted
//! as its licence key, so `api_key` is the global key, masked. Test-only: `GET|POST /__sandbox/licence`
//! `{"active": bool}` reads or flips the licence at run time.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use serde_json::{json, Value};

use crate::evolution::Reply;
use crate::v2_4::Release;
use crate::{json_response, Shared};

pub const DOCS_URL: &str = "https://docs.evolutionfoundation.com.br/licensing";

/// The licensing server of a release build's dev fallback (`src/licensing/endpoint.ts`), which the
/// offline server fails to resolve.
const LICENSING_HOST: &str = "license.evolutionfoundation.com.br";

/// Files `express.static` serves from `public/` before the gate (2.4.0-rc2's tree). The sandbox has
/// none, so they pass the gate and get its 404.
const PUBLIC_FILES: [&str; 11] = [
    "/hover-evolution.png",
    "/images/atendai-logo.png",
    "/images/bmc_qr.png",
    "/images/code.png",
    "/images/cover.png",
    "/images/evolution-logo.png",
    "/images/evolution-pro.png",
    "/images/picpay-image.png",
    "/images/picpay-qr.jpeg",
    "/images/qrcode-pix.png",
    "/images/video-cover.png",
];

/// The licence state of a 2.4 sandbox.
#[derive(Debug)]
pub struct Licence {
    active: AtomicBool,
    instance_id: String,
    /// The licence key once active: the global API key (see the module doc).
    key: String,
}

impl Licence {
    pub fn new(activated: bool, global_key: &str) -> Self {
        Licence {
            active: AtomicBool::new(activated),
            instance_id: crate::evolution::server_uuid(),
            key: global_key.to_owned(),
        }
    }

    pub fn is_active(&self) -> bool {
        self.active.load(Ordering::SeqCst)
    }

    pub fn set_active(&self, active: bool) {
        self.active.store(active, Ordering::SeqCst);
    }

    pub fn instance_id(&self) -> &str {
        &self.instance_id
    }

    /// `GET /license/status` (`publicSnapshot`).
    pub fn status(&self) -> Value {
        let mut out =
            json!({"status": if self.is_active() { "active" } else { "inactive" }, "instance_id": self.instance_id});
        if self.is_active() {
            out["api_key"] = json!(mask_key(&self.key));
        }
        out
    }
}

/// `maskKey`: the first 8 and last 4 characters, or `***` for a key under 12.
pub fn mask_key(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() < 12 {
        return "***".into();
    }
    let head: String = chars[..8].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}...{tail}")
}

/// The paths `gateMiddleware` always lets through, and the files served before it.
pub fn passes(path: &str) -> bool {
    const EXACT: [&str; 8] = [
        "/",
        "/health",
        "/server/ok",
        "/favicon.ico",
        "/license/status",
        "/license/register",
        "/license/activate",
        "/ws",
    ];
    const EXT: [&str; 9] = [".svg", ".css", ".js", ".png", ".ico", ".woff", ".woff2", ".ttf", ".map"];
    let lower = path.to_ascii_lowercase();
    EXACT.contains(&path)
        || ["/manager", "/assets", "/store"].iter().any(|p| path.starts_with(p))
        || EXT.iter().any(|e| lower.ends_with(e))
        || PUBLIC_FILES.contains(&path)
}

/// The gate's 503. `scheme`: `X-Forwarded-Proto`, else `http`; `host`: the Host header.
pub fn not_activated(licence: &Licence, scheme: &str, host: Option<&str>) -> Reply {
    let manager = format!("{scheme}://{}/manager/login", host.unwrap_or("undefined"));
    let message = format!(
        "This Evolution API instance is not activated. Open {manager} to activate, or set AUTHENTICATION_API_KEY in your .env with a valid licensing key. Docs: {DOCS_URL}"
    );
    (
        503,
        json!({
            "error": "service not activated",
            "code": "LICENSE_REQUIRED",
            "register_url": manager,
            "instance_id": licence.instance_id,
            "docs_url": DOCS_URL,
            "message": message,
        }),
    )
}

/// The `/license` router: `GET` only, matched without case and with an optional trailing slash, as
/// Express mounts it. `None`: not one of its routes.
pub fn license_route(licence: &Licence, method: &Method, path: &str, query: Option<&str>) -> Option<Reply> {
    if method != Method::GET && method != Method::HEAD {
        return None;
    }
    let lower = path.to_ascii_lowercase();
    let route = lower.strip_prefix("/license/")?;
    let route = route.strip_suffix('/').unwrap_or(route);
    let already = || (200, json!({"status": "active", "message": "License is already active"}));
    let unreachable = format!("getaddrinfo EAI_AGAIN {LICENSING_HOST}");
    Some(match route {
        "status" => (200, licence.status()),
        "register" if licence.is_active() => already(),
        "register" => (502, json!({"error": "Failed to contact licensing server", "details": unreachable})),
        "activate" if licence.is_active() => already(),
        "activate" if query_value(query, "code").is_none_or(str::is_empty) => (
            400,
            json!({"error": "Missing code parameter",
                   "message": "Provide ?code=AUTHORIZATION_CODE from the registration callback."}),
        ),
        // The code exchange needs the licensing server (a 400 only when its answer says invalid/expired).
        "activate" => (502, json!({"error": "Activation failed", "details": unreachable})),
        _ => return None,
    })
}

fn query_value<'a>(query: Option<&'a str>, key: &str) -> Option<&'a str> {
    query?.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == key).then_some(v)
    })
}

fn header_text<'a>(headers: &'a HeaderMap, name: &header::HeaderName) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// The gate as a layer: a no-op unless the sandbox answers as 2.4.
#[derive(Clone)]
pub(crate) struct Gate {
    sb: Shared,
    licence: Option<Arc<Licence>>,
}

impl Gate {
    pub(crate) fn new(sb: &Shared) -> Self {
        let cfg = &sb.opts.config;
        let licence = match cfg.release {
            Release::V2_4 { activated } if cfg.api_version == crate::ApiVersion::V2 => {
                Some(Arc::new(Licence::new(activated, &cfg.global_key)))
            }
            _ => None,
        };
        Gate { sb: sb.clone(), licence }
    }
}

/// A body sent as JSON that does not parse: the body parser's 400, which comes before the gate.
async fn unparsable(req: Request) -> Result<Request, Response> {
    if !crate::http_v2::is_json(req.headers()) {
        return Ok(req);
    }
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
    if !bytes.iter().all(u8::is_ascii_whitespace) {
        if let Err(e) = serde_json::from_slice::<Value>(&bytes) {
            let text = String::from_utf8_lossy(&bytes);
            let message = crate::node_json::node20_json_error(&text).unwrap_or_else(|| e.to_string());
            let body = json!({"status": 400, "error": "Internal Server Error", "response": {"message": message}});
            return Err(json_response((400, body)));
        }
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

pub(crate) async fn gate(State(g): State<Gate>, req: Request, next: Next) -> Response {
    let Some(licence) = g.licence.as_deref() else { return next.run(req).await };
    let path = req.uri().path().to_owned();
    if path == "/__sandbox/licence" {
        return control(licence, req).await;
    }
    if path.starts_with("/__sandbox/") {
        return next.run(req).await;
    }
    let host = header_text(req.headers(), &header::HOST).map(str::to_owned);
    let own = if let Some(reply) = license_route(licence, req.method(), &path, req.uri().query()) {
        Some(reply)
    } else if req.method() == Method::GET && path == "/" {
        Some(crate::v2_4::health(host.as_deref()))
    } else if !licence.is_active() && !passes(&path) {
        let forwarded: Vec<&str> =
            req.headers().get_all("x-forwarded-proto").iter().filter_map(|v| v.to_str().ok()).collect();
        let scheme = Some(forwarded.join(", ")).filter(|s| !s.is_empty()).unwrap_or_else(|| "http".into());
        Some(not_activated(licence, &scheme, host.as_deref()))
    } else {
        None
    };
    match own {
        Some(reply) => match unparsable(req).await {
            Ok(_) => json_response(reply),
            Err(resp) => resp,
        },
        None => crate::v2_4::bridge_set(&g.sb, req, next).await,
    }
}

/// Test-only `GET|POST /__sandbox/licence` (`{"active": bool}`): the licence status, after the change.
async fn control(licence: &Licence, req: Request) -> Response {
    if req.method() == Method::POST {
        let bytes = axum::body::to_bytes(req.into_body(), 1 << 16).await.unwrap_or_default();
        match serde_json::from_slice::<Value>(&bytes).ok().and_then(|v| v.get("active").and_then(Value::as_bool)) {
            Some(active) => licence.set_active(active),
            None => return json_response((400, json!({"error": "send {\"active\": true|false}"}))),
        }
    }
    json_response((200, licence.status()))
}

/// [`crate::seed`] for every mode; on a 2.4 sandbox the instances are created with the licence active
/// and the licence is then put back as it was — like a 2.3.6 server upgraded to 2.4 without one.
pub async fn seed(app: &Router, n: usize, version: crate::ApiVersion, key: &str) {
    use tower::ServiceExt;
    let call = |method: Method, active: Option<bool>| {
        let body = active.map(|a| json!({"active": a}).to_string()).unwrap_or_default();
        let req = Request::builder()
            .method(method)
            .uri("/__sandbox/licence")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body))
            .expect("a valid request");
        app.clone().oneshot(req)
    };
    let before = match call(Method::GET, None).await {
        Ok(r) if r.status() == 200 => {
            let bytes = axum::body::to_bytes(r.into_body(), 1 << 16).await.unwrap_or_default();
            serde_json::from_slice::<Value>(&bytes).ok().map(|v| v["status"] == "active")
        }
        _ => None,
    };
    if before.is_some() {
        let _ = call(Method::POST, Some(true)).await;
    }
    crate::seed(app, n, version, key).await;
    if let Some(active) = before {
        let _ = call(Method::POST, Some(active)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_gate_lets_through() {
        for p in ["/", "/license/status", "/manager", "/manager/login", "/assets/index.js", "/store/x", "/ws"] {
            assert!(passes(p), "{p}");
        }
        for p in ["/app.JS", "/a/b.woff2", "/favicon.ico", "/images/picpay-qr.jpeg", "/health", "/server/ok"] {
            assert!(passes(p), "{p}");
        }
        for p in
            ["/instance/create", "/instance/fetchInstances", "/nope", "/license/other", "/License/status", "/x.jpeg"]
        {
            assert!(!passes(p), "{p}");
        }
    }

    #[test]
    fn masks_like_the_server() {
        assert_eq!(mask_key("sandbox-global-key"), "sandbox-...-key");
        assert_eq!(mask_key("short"), "***");
    }

    #[test]
    fn license_router_matching() {
        let l = Licence::new(false, "k");
        assert_eq!(license_route(&l, &Method::GET, "/LICENSE/Status/", None).map(|r| r.0), Some(200));
        assert_eq!(license_route(&l, &Method::POST, "/license/status", None), None);
        assert_eq!(license_route(&l, &Method::GET, "/license/activate", Some("code=")).map(|r| r.0), Some(400));
        assert_eq!(license_route(&l, &Method::GET, "/license/activate", Some("code=abc")).map(|r| r.0), Some(502));
        assert_eq!(license_route(&l, &Method::GET, "/license/register", None).map(|r| r.0), Some(502));
        l.set_active(true);
        assert_eq!(
            license_route(&l, &Method::GET, "/license/register", None).map(|r| r.1["status"].clone()),
            Some(json!("active"))
        );
    }
}
