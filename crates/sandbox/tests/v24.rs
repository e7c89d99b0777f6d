//! 2.4 mode (`--api-version 2.4`): the licence gate of 2.4.0-rc2 in front of the 2.3.6 behaviour,
//! and what 2.4 changed behind it (`crate::licence`, `crate::v2_4`).

use axum::body::Body;
use axum::http::Request;
use evo_sandbox::evolution::Config;
use evo_sandbox::v2_4::{Release, EVENTS_V2_4};
use evo_sandbox::{router, ApiVersion, Options};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

const HOST: &str = "evo.example:8080";
const ORIGIN: &str = "http://admin.example";

fn app(release: Release, tweak: impl FnOnce(&mut Config)) -> axum::Router {
    let mut config =
        Config { global_key: "k".into(), api_version: ApiVersion::V2, produce_qr: false, release, ..Config::default() };
    tweak(&mut config);
    router(Options { config, ..Options::default() })
}

fn gated() -> axum::Router {
    app(Release::V2_4 { activated: false }, |_| {})
}

fn activated() -> axum::Router {
    app(Release::V2_4 { activated: true }, |_| {})
}

fn v236() -> axum::Router {
    app(Release::V2_3_6, |_| {})
}

struct Answer {
    status: u16,
    headers: axum::http::HeaderMap,
    text: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|_| panic!("not JSON: {:?}", self.text))
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// A request as a browser page sends it: Host, Origin, and the key when given.
async fn send(app: &axum::Router, method: &str, path: &str, key: Option<&str>, body: Option<&str>) -> Answer {
    send_with(app, method, path, key, body, &[]).await
}

async fn send_with(
    app: &axum::Router,
    method: &str,
    path: &str,
    key: Option<&str>,
    body: Option<&str>,
    extra: &[(&str, &str)],
) -> Answer {
    let mut b = Request::builder().method(method).uri(path).header("origin", ORIGIN);
    if !extra.iter().any(|(k, _)| *k == "host") {
        b = b.header("host", HOST);
    }
    if let Some(k) = key {
        b = b.header("apikey", k);
    }
    if body.is_some() {
        b = b.header("content-type", "application/json");
    }
    for (k, v) in extra {
        b = b.header(*k, *v);
    }
    let req = b.body(body.map_or_else(Body::empty, |t| Body::from(t.to_owned()))).unwrap();
    let resp = app.clone().oneshot(req).await.unwrap();
    let (status, headers) = (resp.status().as_u16(), resp.headers().clone());
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    Answer { status, headers, text: String::from_utf8_lossy(&bytes).into_owned() }
}

async fn call(app: &axum::Router, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
    let text = body.map(|b| b.to_string());
    let a = send(app, method, path, Some("k"), text.as_deref()).await;
    let v = if a.text.is_empty() { Value::Null } else { a.json() };
    (a.status, v)
}

fn create_body(name: &str) -> Value {
    json!({"instanceName": name, "integration": "WHATSAPP-BAILEYS", "qrcode": false})
}

fn is_uuid(s: &str) -> bool {
    s.len() == 36 && s.chars().filter(|&c| c == '-').count() == 4
}

#[tokio::test]
async fn the_gate_answers_503_license_required_to_every_business_request() {
    let app = gated();
    let create = create_body("a").to_string();
    let answers = [
        send(&app, "POST", "/instance/create", Some("k"), Some(&create)).await,
        send(&app, "GET", "/instance/fetchInstances", Some("k"), None).await,
        send(&app, "GET", "/instance/fetchInstances", Some("wrong"), None).await,
        send(&app, "GET", "/instance/fetchInstances", None, None).await,
        send(&app, "POST", "/instance/create", None, Some(&create)).await,
        send(&app, "GET", "/instance/connectionState/nope", Some("k"), None).await,
        send(&app, "GET", "/no/such/route", None, None).await,
        send(&app, "PUT", "/instance/restart/x", None, None).await,
        send(&app, "POST", "/webhook/set/x", Some("k"), Some("{}")).await,
        send(&app, "GET", "/license/other", None, None).await,
    ];
    let mut ids = Vec::new();
    for a in &answers {
        assert_eq!(a.status, 503, "{}", a.text);
        let body = a.json();
        let keys: Vec<&str> = body.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["error", "code", "register_url", "instance_id", "docs_url", "message"]);
        assert_eq!(
            (body["error"].as_str(), body["code"].as_str()),
            (Some("service not activated"), Some("LICENSE_REQUIRED"))
        );
        assert_eq!(body["register_url"], format!("http://{HOST}/manager/login"));
        assert_eq!(body["docs_url"], "https://docs.evolutionfoundation.com.br/licensing");
        let id = body["instance_id"].as_str().unwrap().to_owned();
        assert!(is_uuid(&id), "{id}");
        let message = format!(
            "This Evolution API instance is not activated. Open http://{HOST}/manager/login to activate, or set \
             AUTHENTICATION_API_KEY in your .env with a valid licensing key. Docs: https://docs.evolutionfoundation.com.br/licensing"
        );
        assert_eq!(body["message"], message);
        assert_eq!(a.header("content-type"), Some("application/json; charset=utf-8"));
        ids.push(id);
    }
    assert_eq!(ids.len(), 10);
    assert!(ids.windows(2).all(|w| w[0] == w[1]), "one instance id per server");
    // Nothing was created behind the gate.
    assert_eq!(send(&app, "POST", "/__sandbox/licence", None, Some(r#"{"active":true}"#)).await.status, 200);
    assert_eq!(call(&app, "GET", "/instance/fetchInstances", None).await, (200, json!([])));
}

#[tokio::test]
async fn the_register_url_follows_host_and_x_forwarded_proto() {
    let app = gated();
    let a =
        send_with(&app, "GET", "/instance/fetchInstances", Some("k"), None, &[("x-forwarded-proto", "https")]).await;
    assert_eq!(a.json()["register_url"], format!("https://{HOST}/manager/login"));
    let other = send_with(&app, "GET", "/x", None, None, &[("host", "10.0.0.5")]).await;
    assert_eq!(other.json()["register_url"], "http://10.0.0.5/manager/login");
}

#[tokio::test]
async fn the_503_carries_cors_headers_and_preflights_pass_before_the_gate() {
    let app = gated();
    let a = send(&app, "POST", "/instance/create", Some("k"), Some("{}")).await;
    assert_eq!(a.status, 503);
    assert_eq!(a.header("access-control-allow-origin"), Some(ORIGIN));
    assert_eq!(a.header("vary"), Some("Origin"));
    assert_eq!(a.header("access-control-allow-credentials"), Some("true"));
    let pre = send_with(
        &app,
        "OPTIONS",
        "/instance/create",
        None,
        None,
        &[("access-control-request-method", "POST"), ("access-control-request-headers", "apikey,content-type")],
    )
    .await;
    assert_eq!(pre.status, 204);
    assert_eq!(pre.header("access-control-allow-origin"), Some(ORIGIN));
    assert_eq!(pre.header("access-control-allow-methods"), Some("POST,GET,PUT,DELETE"));
    assert_eq!(pre.header("access-control-allow-headers"), Some("apikey,content-type"));
    // A restricted CORS list refuses a foreign origin before the gate: 500, no CORS headers.
    let strict = router(Options {
        config: Config {
            api_version: ApiVersion::V2,
            release: Release::V2_4 { activated: false },
            ..Config::default()
        },
        cors: evo_sandbox::CorsPolicy::parse("http://only.example"),
        ..Options::default()
    });
    let refused = send(&strict, "GET", "/instance/fetchInstances", None, None).await;
    assert_eq!((refused.status, refused.header("access-control-allow-origin")), (500, None));
}

#[tokio::test]
async fn a_body_that_is_not_json_is_refused_before_the_gate() {
    let app = gated();
    let a = send(&app, "POST", "/instance/create", Some("k"), Some(r#"{"instanceName": }"#)).await;
    assert_eq!(a.status, 400);
    assert_eq!(a.json()["error"], "Internal Server Error");
    assert_eq!(send(&app, "POST", "/instance/create", Some("k"), Some("  ")).await.status, 503);
}

#[tokio::test]
async fn what_passes_the_gate() {
    let app = gated();
    let root = send(&app, "GET", "/", None, None).await;
    assert_eq!(root.status, 200);
    let body = root.json();
    assert_eq!(body["version"], "2.4.0");
    assert_eq!(body["whatsappWebVersion"], "2.3000.1027934701");
    assert_eq!(body["manager"], format!("http://{HOST}/manager"));
    assert_eq!(body["clientName"], "evolution");
    // The same keys, in the same order, as 2.3.6's.
    let old = send(&v236(), "GET", "/", None, None).await.json();
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&body), keys(&old));
    assert_eq!(old["version"], "2.3.6");

    let status = send(&app, "GET", "/license/status", None, None).await;
    assert_eq!(status.status, 200);
    let s = status.json();
    assert_eq!(s.as_object().unwrap().keys().collect::<Vec<_>>(), ["status", "instance_id"]);
    assert_eq!(s["status"], "inactive");
    let gate = send(&app, "GET", "/instance/fetchInstances", None, None).await.json();
    assert_eq!(s["instance_id"], gate["instance_id"]);
    assert_eq!(status.header("access-control-allow-origin"), Some(ORIGIN));
    // Express mounts /license without case and with an optional trailing slash.
    assert_eq!(send(&app, "GET", "/LICENSE/status/", None, None).await.status, 200);
    let register = send(&app, "GET", "/license/register", None, None).await;
    assert_eq!((register.status, register.json()["error"].as_str()), (502, Some("Failed to contact licensing server")));
    let activate = send(&app, "GET", "/license/activate", None, None).await;
    assert_eq!((activate.status, activate.json()["error"].as_str()), (400, Some("Missing code parameter")));
    assert_eq!(send(&app, "GET", "/license/activate?code=abc", None, None).await.status, 502);

    // Let through to the router, which has no manager or static files: its 404, never a 503.
    for path in ["/manager", "/manager/login", "/assets/index.js", "/store/x", "/logo.svg", "/favicon.ico", "/health"] {
        let a = send(&app, "GET", path, None, None).await;
        assert_eq!(a.status, 404, "{path}");
        assert_eq!(a.json()["response"]["message"][0], format!("Cannot GET {path}"));
    }
    let post = send(&app, "POST", "/license/status", None, None).await;
    assert_eq!(
        (post.status, post.json()["response"]["message"][0].as_str()),
        (404, Some("Cannot POST /license/status"))
    );
    // The request log still sees every API request.
    let log = send(&app, "GET", "/__sandbox/requests", None, None).await.json();
    assert!(log.as_array().unwrap().iter().any(|r| r["path"] == "/instance/fetchInstances"));
}

#[tokio::test]
async fn other_modes_have_no_gate_and_no_license_routes() {
    let old = v236();
    assert_eq!(send(&old, "GET", "/license/status", None, None).await.status, 404);
    assert_eq!(call(&old, "POST", "/instance/create", Some(create_body("a"))).await.0, 201);
    // The release is a 2.x setting: 1.8.2 mode ignores it.
    let v1 = router(Options {
        config: Config { release: Release::V2_4 { activated: false }, ..Config::default() },
        ..Options::default()
    });
    let root = send(&v1, "GET", "/", None, None).await.json();
    assert!(root["version"].as_str().unwrap().starts_with("1."), "{root}");
}

#[tokio::test]
async fn the_licence_can_be_flipped_at_run_time() {
    let app = gated();
    assert_eq!(call(&app, "POST", "/instance/create", Some(create_body("a"))).await.0, 503);
    let on = send(&app, "POST", "/__sandbox/licence", None, Some(r#"{"active": true}"#)).await.json();
    assert_eq!(on["status"], "active");
    assert_eq!(call(&app, "POST", "/instance/create", Some(create_body("a"))).await.0, 201);
    send(&app, "POST", "/__sandbox/licence", None, Some(r#"{"active": false}"#)).await;
    assert_eq!(call(&app, "GET", "/instance/fetchInstances", None).await.0, 503);
    assert_eq!(send(&app, "GET", "/__sandbox/licence", None, None).await.json()["status"], "inactive");
    assert_eq!(send(&app, "POST", "/__sandbox/licence", None, Some("{}")).await.status, 400);
}

#[tokio::test]
async fn seeding_a_gated_sandbox_leaves_the_gate_on() {
    let app = gated();
    evo_sandbox::licence::seed(&app, 3, ApiVersion::V2, "k").await;
    assert_eq!(call(&app, "GET", "/instance/fetchInstances", None).await.0, 503);
    send(&app, "POST", "/__sandbox/licence", None, Some(r#"{"active": true}"#)).await;
    let (_, list) = call(&app, "GET", "/instance/fetchInstances", None).await;
    assert_eq!(list.as_array().unwrap().len(), 3);
    // Any other mode: the plain seed.
    let old = v236();
    evo_sandbox::licence::seed(&old, 2, ApiVersion::V2, "k").await;
    assert_eq!(call(&old, "GET", "/instance/fetchInstances", None).await.1.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn activated_it_answers_as_2_3_6_with_2_4_changes() {
    let app = app(Release::V2_4 { activated: true }, |c| c.global_key = "sandbox-global-key".into());
    let status = send(&app, "GET", "/license/status", None, None).await.json();
    assert_eq!((status["status"].as_str(), status["api_key"].as_str()), (Some("active"), Some("sandbox-...-key")));
    let register = send(&app, "GET", "/license/register", None, None).await.json();
    assert_eq!(register, json!({"status": "active", "message": "License is already active"}));

    let a =
        send(&app, "POST", "/instance/create", Some("sandbox-global-key"), Some(&create_body("b").to_string())).await;
    assert_eq!(a.status, 201, "{}", a.text);
    assert_eq!(a.json()["instance"]["instanceName"], "b");
    assert_eq!(send(&app, "GET", "/", None, None).await.json()["version"], "2.4.0");
    assert_eq!(send(&app, "GET", "/nope", None, None).await.status, 404);
}

#[tokio::test]
async fn create_trims_the_name_after_its_guard() {
    let app = activated();
    let (st, body) = call(&app, "POST", "/instance/create", Some(create_body("  name \t"))).await;
    assert_eq!((st, body["instance"]["instanceName"].as_str()), (201, Some("name")));
    let (_, list) = call(&app, "GET", "/instance/fetchInstances?instanceName=name", None).await;
    assert_eq!(list[0]["name"], "name");
    // The guard sees the name as sent: taken exactly → 403 with that name.
    let (st, body) = call(&app, "POST", "/instance/create", Some(create_body("name"))).await;
    assert_eq!((st, body["response"]["message"][0].as_str()), (403, Some("This name \"name\" is already in use.")));
    // Taken once trimmed: the row fails to save, the create fails, and its rollback purges the
    // instance that had the name (2.4.0-rc2's `remove.instance` goes by name).
    let (st, body) = call(&app, "POST", "/instance/create", Some(create_body(" name"))).await;
    assert_eq!(st, 400);
    assert!(body["response"]["message"][0].as_str().unwrap().contains("Setting_instanceId_fkey"), "{body}");
    assert_eq!(call(&app, "GET", "/instance/fetchInstances", None).await.1, json!([]));

    // 2.3.6 keeps the name as sent.
    let old = v236();
    let (st, body) = call(&old, "POST", "/instance/create", Some(create_body("  name  "))).await;
    assert_eq!((st, body["instance"]["instanceName"].as_str()), (201, Some("  name  ")));
}

#[tokio::test]
async fn logging_out_a_closed_instance_succeeds() {
    let app = activated();
    call(&app, "POST", "/instance/create", Some(create_body("c"))).await;
    let (st, body) = call(&app, "DELETE", "/instance/logout/c", None).await;
    assert_eq!(
        (st, body),
        (
            200,
            json!({"status": "SUCCESS", "error": false, "response": {"message": "Instance was already disconnected"}})
        )
    );
    assert_eq!(call(&app, "DELETE", "/instance/logout/nope", None).await.0, 404);
    assert_eq!(send(&app, "DELETE", "/instance/logout/c", Some("wrong"), None).await.status, 401);
    assert_eq!(call(&app, "DELETE", "/instance/delete/c", None).await.0, 200);

    let old = v236();
    call(&old, "POST", "/instance/create", Some(create_body("c"))).await;
    let (st, body) = call(&old, "DELETE", "/instance/logout/c", None).await;
    assert_eq!((st, body["response"]["message"][0].as_str()), (400, Some("The \"c\" instance is not connected")));
}

/// The enum list at the end of a schema message.
fn enum_list(message: &Value) -> Vec<String> {
    let m = message.as_str().unwrap();
    m.split("is not one of enum values: ").nth(1).unwrap().split(',').map(str::to_owned).collect()
}

#[tokio::test]
async fn messaging_history_set_is_an_event_at_create() {
    let mut body = create_body("d");
    body["webhookEvents"] = json!(["MESSAGING_HISTORY_SET", "CALL"]);
    body["webhook"] = json!({"url": "http://hook.example/x", "events": []});
    let app = activated();
    let (st, answer) = call(&app, "POST", "/instance/create", Some(body.clone())).await;
    assert_eq!(st, 201, "{answer}");
    let (_, hook) = call(&app, "GET", "/webhook/find/d", None).await;
    assert_eq!(hook["events"], json!(EVENTS_V2_4), "[] is all 32");

    // 2.3.6's create schema does not know it.
    let (st, refused) = call(&v236(), "POST", "/instance/create", Some(body)).await;
    assert_eq!(st, 400);
    let message = &refused["response"]["message"][0][0];
    assert!(message.as_str().unwrap().starts_with("webhookEvents[0] is not one of enum values: "), "{message}");
    assert_eq!(enum_list(message).len(), 26);
    // 2.4 names it among the flat names, last.
    let mut wrong = create_body("e");
    wrong["rabbitmqEvents"] = json!(["NOPE"]);
    let (st, refused) = call(&app, "POST", "/instance/create", Some(wrong)).await;
    assert_eq!(st, 400);
    let list = enum_list(&refused["response"]["message"][0][0]);
    assert_eq!((list.len(), list.last().map(String::as_str)), (27, Some("MESSAGING_HISTORY_SET")));
}

#[tokio::test]
async fn messaging_history_set_is_an_event_of_webhook_and_sink_sets() {
    let app = app(Release::V2_4 { activated: true }, |c| c.sinks.rabbitmq = true);
    call(&app, "POST", "/instance/create", Some(create_body("f"))).await;
    let set = json!({"webhook": {"enabled": true, "url": "http://hook.example/x",
                                 "events": ["CALL", "MESSAGING_HISTORY_SET"]}});
    let (st, row) = call(&app, "POST", "/webhook/set/f", Some(set.clone())).await;
    assert_eq!((st, &row["events"]), (201, &json!(["CALL", "MESSAGING_HISTORY_SET"])), "{row}");
    let (_, found) = call(&app, "GET", "/webhook/find/f", None).await;
    assert_eq!(found["events"], json!(["CALL", "MESSAGING_HISTORY_SET"]));
    let all = json!({"webhook": {"enabled": true, "url": "http://hook.example/x", "events": []}});
    let (_, row) = call(&app, "POST", "/webhook/set/f", Some(all)).await;
    assert_eq!(row["events"], json!(EVENTS_V2_4));
    assert_eq!(call(&app, "GET", "/webhook/find/f", None).await.1["events"], json!(EVENTS_V2_4));

    let sink = json!({"rabbitmq": {"enabled": true, "events": ["MESSAGING_HISTORY_SET"]}});
    let (st, row) = call(&app, "POST", "/rabbitmq/set/f", Some(sink)).await;
    assert_eq!((st, &row["events"]), (201, &json!(["MESSAGING_HISTORY_SET"])), "{row}");
    let (_, list) = call(&app, "GET", "/instance/fetchInstances?instanceName=f", None).await;
    assert_eq!(list[0]["Rabbitmq"]["events"], json!(["MESSAGING_HISTORY_SET"]));

    // A wrong name: 2.4's enum lists the 32 events.
    let bad = json!({"webhook": {"enabled": true, "url": "http://hook.example/x", "events": ["NOPE"]}});
    let (st, refused) = call(&app, "POST", "/webhook/set/f", Some(bad.clone())).await;
    assert_eq!(st, 400);
    assert_eq!(enum_list(&refused["response"]["message"][0][0]), EVENTS_V2_4);

    // 2.3.6 refuses the new event, and lists 31.
    let old = v236();
    call(&old, "POST", "/instance/create", Some(create_body("f"))).await;
    let (st, refused) = call(&old, "POST", "/webhook/set/f", Some(set)).await;
    assert_eq!(st, 400);
    let message = &refused["response"]["message"][0][0];
    assert!(message.as_str().unwrap().starts_with("webhook.events[1] is not one of enum values: "), "{message}");
    assert_eq!(enum_list(message).len(), 31);
}
