//! The HTTP face of the 2.3.6 behaviour ([`crate::evolution_v2`]): its routes. CORS, the request
//! log, faults and the control endpoints are shared with 1.8.2 mode (see the crate root).

use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::Response;
use axum::routing::{delete, get, post};
use axum::Router;
use serde_json::{json, Value};

use crate::evolution_v2::{self as v2, into_reply, Answer};
use crate::{apikey, json_response, ConnectQuery, Shared};

async fn health(State(sb): State<Shared>) -> Response {
    json_response(v2::health(&sb.opts.config))
}

/// Only a JSON content type is parsed; anything else arrives as an empty body (seen: text/plain).
pub(crate) fn is_json(headers: &HeaderMap) -> bool {
    let ct = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let essence = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence == "application/json" || essence.ends_with("+json")
}

async fn create(State(sb): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let parsed = if !is_json(&headers) || body.iter().all(u8::is_ascii_whitespace) {
        json!({})
    } else {
        match serde_json::from_slice::<Value>(&body) {
            Ok(v) => v,
            Err(e) => return json_response(crate::evolution::json_parse_error(&body, &e)),
        }
    };
    if !sb.opts.create_delay.is_zero() {
        tokio::time::sleep(sb.opts.create_delay).await;
    }
    let reply = v2::create(&mut sb.store_v2(), &sb.opts.config, apikey(&headers), &parsed, Instant::now());
    json_response(reply)
}

fn answer(a: Answer) -> Response {
    json_response(into_reply(a))
}

async fn connection_state(State(sb): State<Shared>, headers: HeaderMap, Path(name): Path<String>) -> Response {
    answer(v2::connection_state(&mut sb.store_v2(), &sb.opts.config, apikey(&headers), &name, Instant::now()))
}

async fn connect(
    State(sb): State<Shared>,
    headers: HeaderMap,
    Path(name): Path<String>,
    Query(q): Query<ConnectQuery>,
) -> Response {
    let now = Instant::now();
    answer(v2::connect(&mut sb.store_v2(), &sb.opts.config, apikey(&headers), &name, q.number.as_deref(), now))
}

async fn restart(State(sb): State<Shared>, headers: HeaderMap, Path(name): Path<String>) -> Response {
    answer(v2::restart(&mut sb.store_v2(), &sb.opts.config, apikey(&headers), &name, Instant::now()))
}

async fn logout(State(sb): State<Shared>, headers: HeaderMap, Path(name): Path<String>) -> Response {
    answer(v2::logout(&mut sb.store_v2(), &sb.opts.config, apikey(&headers), &name, Instant::now()))
}

async fn delete_instance(State(sb): State<Shared>, headers: HeaderMap, Path(name): Path<String>) -> Response {
    answer(v2::delete(&mut sb.store_v2(), &sb.opts.config, apikey(&headers), &name))
}

#[derive(serde::Deserialize)]
struct FetchQuery {
    #[serde(rename = "instanceName")]
    instance_name: Option<String>,
}

async fn fetch_instances(State(sb): State<Shared>, headers: HeaderMap, Query(q): Query<FetchQuery>) -> Response {
    let filter = q.instance_name.as_deref();
    answer(v2::fetch_instances(&sb.store_v2(), &sb.opts.config, apikey(&headers), filter))
}

/// The 2.3.6 API routes.
pub(crate) fn routes() -> Router<Shared> {
    Router::new()
        .route("/", get(health))
        .route("/instance/create", post(create))
        .route("/instance/connectionState/{name}", get(connection_state))
        .route("/instance/connect/{name}", get(connect))
        .route("/instance/restart/{name}", post(restart))
        .route("/instance/logout/{name}", delete(logout))
        .route("/instance/delete/{name}", delete(delete_instance))
        .route("/instance/fetchInstances", get(fetch_instances))
        .merge(crate::http_config::routes(crate::evolution::ApiVersion::V2))
}
