//! The HTTP face of the configuration routes after create, both versions:
//! `POST /{area}/set/{name}` and `GET /{area}/find/{name}` for every area the version has
//! ([`crate::config_v1::AREAS`], [`crate::config_v2::AREAS`]); another area falls through to
//! express's 404 `Cannot POST …`. The behaviour is in `config_v1` / `config_v2`.

use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use crate::config::{Body, ConfigReply};
use crate::evolution::ApiVersion;
use crate::{apikey, json_response, Shared};

fn respond((status, body): ConfigReply) -> Response {
    match body {
        Body::Json(v) => json_response((status, v)),
        Body::Empty => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut resp = status.into_response();
            resp.headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
            resp
        }
    }
}

/// The body as the version's body parser hands it on: `{}` when empty (2.3.6: also when not sent
/// as JSON), or the parser's 400.
fn parse(version: ApiVersion, headers: &HeaderMap, body: &Bytes) -> Result<Value, (u16, Value)> {
    if body.iter().all(u8::is_ascii_whitespace) || (version == ApiVersion::V2 && !crate::http_v2::is_json(headers)) {
        return Ok(json!({}));
    }
    serde_json::from_slice::<Value>(body).map_err(|e| match version {
        ApiVersion::V1 => crate::evolution::json_parse_error(body, &e),
        ApiVersion::V2 => {
            let text = String::from_utf8_lossy(body);
            let message = crate::node_json::node20_json_error(&text).unwrap_or_else(|| e.to_string());
            (400, json!({"status": 400, "error": "Internal Server Error", "response": {"message": message}}))
        }
    })
}

async fn set(sb: Shared, headers: HeaderMap, name: String, body: Bytes, area: &'static str) -> Response {
    let version = sb.opts.config.api_version;
    let parsed = match parse(version, &headers, &body) {
        Ok(v) => v,
        Err(reply) => return json_response(reply),
    };
    let (cfg, key) = (&sb.opts.config, apikey(&headers));
    respond(match version {
        ApiVersion::V1 => crate::config_v1::set(&mut sb.store(), cfg, key, area, &name, &parsed),
        ApiVersion::V2 => crate::config_v2::set(&mut sb.store_v2(), cfg, key, area, &name, &parsed, Instant::now()),
    })
}

async fn find(sb: Shared, headers: HeaderMap, name: String, area: &'static str) -> Response {
    let (cfg, key) = (&sb.opts.config, apikey(&headers));
    respond(match cfg.api_version {
        ApiVersion::V1 => crate::config_v1::find(&mut sb.store(), cfg, key, area, &name),
        ApiVersion::V2 => crate::config_v2::find(&mut sb.store_v2(), cfg, key, area, &name, Instant::now()),
    })
}

/// The configuration routes of `version`.
pub(crate) fn routes(version: ApiVersion) -> Router<Shared> {
    let areas: &[&'static str] = match version {
        ApiVersion::V1 => &crate::config_v1::AREAS,
        ApiVersion::V2 => &crate::config_v2::AREAS,
    };
    areas.iter().fold(Router::new(), |r, &area| {
        r.route(
            &format!("/{area}/set/{{name}}"),
            post(move |State(sb): State<Shared>, headers: HeaderMap, Path(name): Path<String>, body: Bytes| {
                set(sb, headers, name, body, area)
            }),
        )
        .route(
            &format!("/{area}/find/{{name}}"),
            get(move |State(sb): State<Shared>, headers: HeaderMap, Path(name): Path<String>| {
                find(sb, headers, name, area)
            }),
        )
    })
}
