//! The traps of the configuration routes after create (`CONTRACT-config.md` §0), through the
//! sandbox's HTTP face: replace vs merge, the 500s that store anyway, the silent 201s, and the
//! server switches that change them.

use std::time::Duration;

use axum::body::Body;
use axum::http::Request;
use evo_sandbox::evolution::Config;
use evo_sandbox::{router, ApiVersion, Options};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

fn app(version: ApiVersion, tweak: impl FnOnce(&mut Config)) -> axum::Router {
    let mut config = Config { global_key: "k".into(), api_version: version, produce_qr: false, ..Config::default() };
    tweak(&mut config);
    router(Options { config, ..Options::default() })
}

/// Status and raw body text (`""` for an empty body).
async fn call(app: &axum::Router, method: &str, path: &str, body: Option<Value>) -> (u16, String) {
    let mut b = Request::builder().method(method).uri(path).header("apikey", "k");
    if body.is_some() {
        b = b.header("content-type", "application/json");
    }
    let req = b.body(body.map_or_else(Body::empty, |v| Body::from(v.to_string()))).unwrap();
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status().as_u16();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

async fn json_call(app: &axum::Router, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
    let (status, text) = call(app, method, path, body).await;
    (status, serde_json::from_str(&text).unwrap_or_else(|_| panic!("{path}: not JSON: {text:?}")))
}

async fn create(app: &axum::Router, version: ApiVersion, name: &str) {
    let mut body = json!({"instanceName": name, "qrcode": false});
    if version == ApiVersion::V2 {
        body["integration"] = json!("WHATSAPP-BAILEYS");
    }
    assert_eq!(call(app, "POST", "/instance/create", Some(body)).await.0, 201);
}

#[tokio::test]
async fn v1_replaces_and_v2_merges() {
    let v1 = app(ApiVersion::V1, |_| {});
    create(&v1, ApiVersion::V1, "a").await;
    let full = json!({"reject_call": true, "msg_call": "busy", "groups_ignore": false, "always_online": false,
                      "read_messages": false, "read_status": false, "sync_full_history": false});
    assert_eq!(call(&v1, "POST", "/settings/set/a", Some(full.clone())).await.0, 201);
    let mut partial = full.clone();
    partial.as_object_mut().unwrap().remove("msg_call");
    let (st, echo) = json_call(&v1, "POST", "/settings/set/a", Some(partial)).await;
    assert_eq!((st, echo["settings"]["instanceName"].as_str()), (201, Some("a")));
    let (_, found) = json_call(&v1, "GET", "/settings/find/a", None).await;
    assert!(found.get("msg_call").is_none(), "1.8.2 replaced the file: {found}");

    let v2 = app(ApiVersion::V2, |_| {});
    create(&v2, ApiVersion::V2, "b").await;
    let full = json!({"rejectCall": true, "msgCall": "busy", "groupsIgnore": false, "alwaysOnline": false,
                      "readMessages": false, "readStatus": false, "syncFullHistory": false});
    assert_eq!(call(&v2, "POST", "/settings/set/b", Some(full.clone())).await.0, 201);
    let mut partial = full;
    partial.as_object_mut().unwrap().remove("msgCall");
    assert_eq!(call(&v2, "POST", "/settings/set/b", Some(partial)).await.0, 201);
    let (_, found) = json_call(&v2, "GET", "/settings/find/b", None).await;
    assert_eq!(found["msgCall"], "busy", "2.3.6 merged: {found}");

    // The webhook merges too, except `events`, which is always overwritten.
    let hook = json!({"webhook": {"enabled": true, "url": "http://h/x", "headers": {"t": "1"}, "events": ["CALL"]}});
    assert_eq!(call(&v2, "POST", "/webhook/set/b", Some(hook)).await.0, 201);
    let again = json!({"webhook": {"enabled": true, "url": "not a url", "events": []}});
    let (st, row) = json_call(&v2, "POST", "/webhook/set/b", Some(again)).await;
    assert_eq!((st, &row["headers"], &row["url"]), (201, &json!({"t": "1"}), &json!("not a url")));
    assert_eq!(row["events"].as_array().map(Vec::len), Some(31), "[] means every 2.3.6 event");
}

#[tokio::test]
async fn five_hundreds_that_store_anyway() {
    let v1 = app(ApiVersion::V1, |_| {});
    create(&v1, ApiVersion::V1, "a").await;
    let (st, body) = json_call(&v1, "POST", "/rabbitmq/set/a", Some(json!({"enabled": false}))).await;
    assert_eq!(
        (st, body["response"]["message"].as_str()),
        (500, Some("Cannot read properties of null (reading 'assertExchange')"))
    );
    let (_, found) = json_call(&v1, "GET", "/rabbitmq/find/a", None).await;
    assert_eq!((found["enabled"].as_bool(), found["events"].as_array().map(Vec::len)), (Some(false), Some(26)));
    // With RabbitMQ switched on, the same set is a plain 201.
    let on = app(ApiVersion::V1, |c| c.sinks.rabbitmq = true);
    create(&on, ApiVersion::V1, "a").await;
    assert_eq!(call(&on, "POST", "/rabbitmq/set/a", Some(json!({"enabled": false}))).await.0, 201);
    // Missing events with enabled:true crash before anything is stored.
    let (st, _) = call(&v1, "POST", "/websocket/set/a", Some(json!({"enabled": true}))).await;
    assert_eq!((st, json_call(&v1, "GET", "/websocket/find/a", None).await.1), (500, json!({})));

    let v2 = app(ApiVersion::V2, |c| c.chatwoot_enabled = true);
    create(&v2, ApiVersion::V2, "b").await;
    let settings = json!({"rejectCall": false, "groupsIgnore": false, "alwaysOnline": false, "readMessages": false,
                          "readStatus": false, "syncFullHistory": false, "wavoipToken": "w"});
    let (st, body) = json_call(&v2, "POST", "/settings/set/b", Some(settings)).await;
    assert_eq!(
        (st, body["response"]["message"].as_str()),
        (500, Some("Cannot read properties of undefined (reading 'ws')"))
    );
    assert_eq!(json_call(&v2, "GET", "/settings/find/b", None).await.1["wavoipToken"], "w");
    let chatwoot = json!({"enabled": true, "accountId": "1", "token": "t", "url": "http://127.0.0.1:9", "signMsg": true,
                          "signDelimiter": "--", "reopenConversation": true, "conversationPending": false, "autoCreate": true});
    let (st, body) = json_call(&v2, "POST", "/chatwoot/set/b", Some(chatwoot)).await;
    assert_eq!((st, body["response"]["message"].as_str()), (500, Some("connect ECONNREFUSED 127.0.0.1:9")));
    let (_, found) = json_call(&v2, "GET", "/chatwoot/find/b", None).await;
    assert_eq!(
        (&found["accountId"], &found["signDelimiter"]),
        (&json!("1"), &Value::Null),
        "stored; first set drops signDelimiter"
    );
}

#[tokio::test]
async fn silent_201s_and_empty_bodies() {
    let v2 = app(ApiVersion::V2, |_| {});
    create(&v2, ApiVersion::V2, "b").await;
    let sink = json!({"websocket": {"enabled": true, "events": ["CALL"]}});
    assert_eq!(call(&v2, "POST", "/websocket/set/b", Some(sink.clone())).await, (201, String::new()));
    assert_eq!(call(&v2, "GET", "/websocket/find/b", None).await, (200, String::new()));
    assert_eq!(call(&v2, "POST", "/websocket/set/b", Some(json!({"enabled": true}))).await, (201, String::new()));
    // Validation still comes first.
    assert_eq!(call(&v2, "POST", "/websocket/set/b", Some(json!({"websocket": {"events": []}}))).await.0, 400);
    // Pusher is stored although off, but find is empty and the listing leaves it out.
    let pusher = json!({"pusher": {"enabled": true, "appId": "a", "key": "k", "secret": "s", "cluster": "c",
                                   "useTLS": true, "events": []}});
    let (st, row) = json_call(&v2, "POST", "/pusher/set/b", Some(pusher)).await;
    assert_eq!((st, row["secret"].as_str()), (201, Some("s")));
    assert_eq!(call(&v2, "GET", "/pusher/find/b", None).await, (200, String::new()));

    // Switched on: rows, and the listing embeds them.
    let on = app(ApiVersion::V2, |c| {
        c.sinks.websocket = true;
        c.sinks.pusher = true;
    });
    create(&on, ApiVersion::V2, "b").await;
    assert_eq!(json_call(&on, "GET", "/websocket/find/b", None).await.1, Value::Null);
    let (st, row) = json_call(&on, "POST", "/websocket/set/b", Some(sink)).await;
    assert_eq!((st, &row["events"]), (201, &json!(["CALL"])));
    let (_, listed) = json_call(&on, "GET", "/instance/fetchInstances?instanceName=b", None).await;
    assert_eq!(listed[0]["Websocket"]["events"], json!(["CALL"]));
    let (st, body) = json_call(&on, "POST", "/websocket/set/b", Some(json!({}))).await;
    assert_eq!(
        (st, body["response"]["message"].as_str()),
        (500, Some("Cannot set properties of undefined (setting 'events')"))
    );

    // 1.8.2 has no nats, kafka or pusher.
    let v1 = app(ApiVersion::V1, |_| {});
    create(&v1, ApiVersion::V1, "a").await;
    let (st, body) = json_call(&v1, "POST", "/nats/set/a", Some(json!({"enabled": true}))).await;
    assert_eq!((st, &body["response"]["message"]), (404, &json!(["Cannot POST /nats/set/a"])));
}

#[tokio::test]
async fn proxies_sqs_leftovers_and_the_chatwoot_switch() {
    // Unreachable by default, even to the sandbox; reachable with the demo switch, and the 2.3.6
    // write lands after the answer.
    let proxy = json!({"enabled": true, "host": "127.0.0.1", "port": "3128", "protocol": "http"});
    let v2 = app(ApiVersion::V2, |_| {});
    create(&v2, ApiVersion::V2, "b").await;
    let (st, body) = json_call(&v2, "POST", "/proxy/set/b", Some(proxy.clone())).await;
    assert_eq!((st, &body["response"]["message"]), (400, &json!(["Invalid proxy"])));
    let demo = app(ApiVersion::V2, |c| {
        c.proxies_reachable = true;
        c.proxy_write_delay = Duration::from_millis(50);
    });
    create(&demo, ApiVersion::V2, "b").await;
    assert_eq!(call(&demo, "POST", "/proxy/set/b", Some(proxy)).await.0, 201);
    assert_eq!(json_call(&demo, "GET", "/proxy/find/b", None).await.1, Value::Null, "not written yet");
    tokio::time::sleep(Duration::from_millis(80)).await;
    assert_eq!(json_call(&demo, "GET", "/proxy/find/b", None).await.1["host"], "127.0.0.1");
    let socks5 = json!({"enabled": true, "host": "127.0.0.1", "port": "1080", "protocol": "socks5"});
    assert_eq!(call(&demo, "POST", "/proxy/set/b", Some(socks5)).await.0, 400, "2.3.6 speaks http and socks only");
    let (st, body) = json_call(
        &v2,
        "POST",
        "/chatwoot/set/b",
        Some(json!({"enabled": false, "accountId": "1",
        "token": "t", "url": "u", "signMsg": false, "reopenConversation": false, "conversationPending": false})),
    )
    .await;
    assert_eq!((st, &body["response"]["message"]), (400, &json!(["Chatwoot is disabled"])));

    // 1.8.2: a deleted instance's SQS file is inherited by the next one with its name.
    let v1 = app(ApiVersion::V1, |_| {});
    create(&v1, ApiVersion::V1, "a").await;
    let _ = call(&v1, "POST", "/sqs/set/a", Some(json!({"enabled": true, "events": ["CALL"]}))).await;
    let _ = call(&v1, "POST", "/websocket/set/a", Some(json!({"enabled": true, "events": ["CALL"]}))).await;
    assert_eq!(call(&v1, "DELETE", "/instance/delete/a", None).await.0, 200);
    create(&v1, ApiVersion::V1, "a").await;
    assert_eq!(json_call(&v1, "GET", "/sqs/find/a", None).await.1, json!({"enabled": true, "events": ["CALL"]}));
    assert_eq!(json_call(&v1, "GET", "/websocket/find/a", None).await.1, json!({}));
}
