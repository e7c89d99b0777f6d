//! The sandbox's test-only control endpoints: faults, the request log, a simulated scan.

use axum::body::Body;
use axum::http::Request;
use evo_sandbox::evolution::Config;
use evo_sandbox::{router, ApiVersion, Options};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

async fn call(app: &axum::Router, method: &str, path: &str, body: Option<Value>) -> (u16, Result<String, String>) {
    let mut b = Request::builder().method(method).uri(path).header("apikey", "k");
    if body.is_some() {
        b = b.header("content-type", "application/json");
    }
    let req = b.body(body.map_or_else(Body::empty, |v| Body::from(v.to_string()))).unwrap();
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status().as_u16();
    let text = resp.into_body().collect().await.map(|b| String::from_utf8_lossy(&b.to_bytes()).into_owned());
    (status, text.map_err(|e| e.to_string()))
}

#[tokio::test]
async fn faults_request_log_and_scan() {
    let app = router(Options { config: Config { global_key: "k".into(), ..Config::default() }, ..Options::default() });
    let (st, _) =
        call(&app, "POST", "/instance/create", Some(json!({"instanceName": "a", "token": "t-a", "qrcode": true})))
            .await;
    assert_eq!(st, 201);

    // Forced status and a non-JSON body, twice, then back to normal.
    let fault = json!({"path": "/instance/connectionState", "status": 503, "body": "<html>down</html>", "times": 2});
    assert_eq!(call(&app, "POST", "/__sandbox/fault", Some(fault)).await.0, 204);
    for _ in 0..2 {
        let (st, body) = call(&app, "GET", "/instance/connectionState/a", None).await;
        assert_eq!((st, body.unwrap()), (503, "<html>down</html>".to_owned()));
    }
    let (st, body) = call(&app, "GET", "/instance/connectionState/a", None).await;
    assert_eq!(st, 200);
    assert_eq!(serde_json::from_str::<Value>(&body.unwrap()).unwrap()["instance"]["state"], "connecting");

    // A dropped connection: the body never completes.
    let fault = json!({"path": "/instance/connect/", "drop": true});
    assert_eq!(call(&app, "POST", "/__sandbox/fault", Some(fault)).await.0, 204);
    assert!(call(&app, "GET", "/instance/connect/a", None).await.1.is_err());

    // The phone scans: close, connecting, then open.
    assert_eq!(call(&app, "POST", "/__sandbox/scan/a", None).await.0, 200);
    let mut states = Vec::new();
    for _ in 0..3 {
        let body = call(&app, "GET", "/instance/connectionState/a", None).await.1.unwrap();
        states.push(serde_json::from_str::<Value>(&body).unwrap()["instance"]["state"].as_str().unwrap().to_owned());
    }
    assert_eq!(states, ["close", "connecting", "open"]);

    // The log has every API request (not the control calls), in order.
    let log: Value = serde_json::from_str(&call(&app, "GET", "/__sandbox/requests", None).await.1.unwrap()).unwrap();
    let paths: Vec<&str> = log.as_array().unwrap().iter().map(|r| r["path"].as_str().unwrap()).collect();
    assert_eq!(paths.len(), 8, "{paths:?}");
    assert_eq!(paths[0], "/instance/create");
    assert_eq!(paths[4], "/instance/connect/a");
    assert_eq!(call(&app, "DELETE", "/__sandbox/requests", None).await.0, 204);
    let log = call(&app, "GET", "/__sandbox/requests", None).await.1.unwrap();
    assert_eq!(log, "[]");
}

fn json_of(text: Result<String, String>) -> Value {
    serde_json::from_str(&text.unwrap()).unwrap()
}

/// v2 mode has the same "WhatsApp" and control endpoints: a real QR with a pairing code, the scan
/// blip, then restart/logout/delete as 2.3.6 answers them.
#[tokio::test]
async fn v2_real_qr_scan_and_control_endpoints() {
    let config = Config { global_key: "k".into(), api_version: ApiVersion::V2, ..Config::default() };
    let app = router(Options { config, ..Options::default() });
    let create =
        json!({"instanceName": "a", "integration": "WHATSAPP-BAILEYS", "qrcode": true, "number": "5511999999999"});
    let (st, body) = call(&app, "POST", "/instance/create", Some(create)).await;
    let body = json_of(body);
    assert_eq!(st, 201, "{body}");
    assert_eq!(body["instance"]["status"], "connecting");
    let qr = &body["qrcode"];
    assert!(qr["code"].as_str().unwrap().starts_with("2@"));
    assert!(evo_core::qr::check_png_data_url(qr["base64"].as_str().unwrap()).is_ok());
    assert_eq!((qr["count"].as_u64(), qr["pairingCode"].as_str().map(str::len)), (Some(1), Some(8)));
    let list = json_of(call(&app, "GET", "/instance/fetchInstances?instanceName=a", None).await.1);
    assert_eq!(list[0]["connectionStatus"], "connecting");
    // Connecting: connect answers the QR object being shown, with the session's pairing code (the
    // real server's `instance.qrCode` keeps it: `whatsapp.baileys.service.ts`, `get qrCode`).
    let again = json_of(call(&app, "GET", "/instance/connect/a", None).await.1);
    assert_eq!(
        (again["code"].as_str(), again["pairingCode"].as_str()),
        (qr["code"].as_str(), qr["pairingCode"].as_str())
    );

    let fault = json!({"path": "/instance/connectionState", "status": 502, "body": "bad gateway"});
    assert_eq!(call(&app, "POST", "/__sandbox/fault", Some(fault)).await.0, 204);
    assert_eq!(call(&app, "GET", "/instance/connectionState/a", None).await.0, 502);

    assert_eq!(call(&app, "POST", "/__sandbox/scan/a", None).await.0, 200);
    let mut states = Vec::new();
    for _ in 0..3 {
        let body = json_of(call(&app, "GET", "/instance/connectionState/a", None).await.1);
        states.push(body["instance"]["state"].as_str().unwrap().to_owned());
    }
    assert_eq!(states, ["close", "connecting", "open"]);
    let open = json_of(call(&app, "GET", "/instance/connect/a", None).await.1);
    assert_eq!(open, json!({"instance": {"instanceName": "a", "state": "open"}}));
    let restarted = json_of(call(&app, "POST", "/instance/restart/a", None).await.1);
    assert_eq!(restarted["instance"]["state"], "open");
    assert_eq!(call(&app, "DELETE", "/instance/logout/a", None).await.0, 200);
    let (st, body) = call(&app, "DELETE", "/instance/logout/a", None).await;
    assert_eq!(
        (st, json_of(body)["response"]["message"][0].as_str()),
        (400, Some("The \"a\" instance is not connected"))
    );
    let restarted = json_of(call(&app, "POST", "/instance/restart/a", None).await.1);
    assert_eq!(restarted, json!({"error": true, "message": "[object Object]"}));

    // 2.x deletes a connected instance (logging it out first); the name is free at once.
    let (st, _) = call(&app, "GET", "/instance/connect/a", None).await;
    assert_eq!(st, 200);
    assert_eq!(call(&app, "DELETE", "/instance/delete/a", None).await.0, 200);
    let next = json!({"status": 503, "body": "busy"});
    assert_eq!(call(&app, "POST", "/__sandbox/next-create", Some(next)).await.0, 204);
    let recreate = json!({"instanceName": "a", "integration": "EVOLUTION"});
    assert_eq!(call(&app, "POST", "/instance/create", Some(recreate.clone())).await.0, 503);
    let (st, body) = call(&app, "POST", "/instance/create", Some(recreate)).await;
    assert_eq!((st, json_of(body)["instance"]["status"].as_str()), (201, Some("open")));

    let log = json_of(call(&app, "GET", "/__sandbox/requests", None).await.1);
    assert_eq!(log.as_array().unwrap().len(), 16, "every API call, not the control calls");
    assert_eq!(call(&app, "POST", "/__sandbox/scan/nope", None).await.0, 404);
}

#[tokio::test]
async fn seeded_instances_are_listed_with_their_states_in_both_versions() {
    use evo_sandbox::evolution::Config;
    use evo_sandbox::{seed, ApiVersion};
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    for version in [ApiVersion::V1, ApiVersion::V2] {
        let config = Config { api_version: version, ..Config::default() };
        let app = evo_sandbox::router(evo_sandbox::Options { config, ..Default::default() });
        seed(&app, 9, version, "sandbox-global-key").await;
        let req = axum::http::Request::get("/instance/fetchInstances")
            .header("apikey", "sandbox-global-key")
            .body(axum::body::Body::empty())
            .unwrap();
        let resp = app.clone().oneshot(req).await.unwrap();
        let body = resp.into_body().collect().await.unwrap().to_bytes();
        let list = evo_core::instances::decode_instances(std::str::from_utf8(&body).unwrap()).unwrap();
        assert_eq!(list.len(), 9, "{version:?}");
        let c = evo_core::instances::counts(&list);
        assert_eq!((c.open, c.connecting, c.close), (3, 3, 3), "{version:?}: {list:?}");
        let log = app
            .clone()
            .oneshot(axum::http::Request::get("/__sandbox/requests").body(axum::body::Body::empty()).unwrap())
            .await
            .unwrap();
        let log = log.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&log).unwrap().as_array().map(Vec::len),
            Some(1),
            "only this listing is logged"
        );
    }
}

/// As the real servers (`connectToWhatsapp` in 1.8.2 and 2.3.6): a connecting instance answers its
/// cached QR object whatever is asked — a number gets no pairing code then —, and only a closed
/// one starts a session that makes a pairing code for the number (kept in the session's QR objects).
#[tokio::test]
async fn a_pairing_code_comes_only_from_a_closed_instance() {
    for v2 in [false, true] {
        let api_version = if v2 { ApiVersion::V2 } else { ApiVersion::V1 };
        let config = Config { global_key: "k".into(), api_version, ..Config::default() };
        let app = router(Options { config, ..Options::default() });
        let body = if v2 {
            json!({"instanceName": "p", "integration": "WHATSAPP-BAILEYS", "qrcode": true})
        } else {
            json!({"instanceName": "p", "token": "t-p", "qrcode": true})
        };
        let (st, created) = call(&app, "POST", "/instance/create", Some(body)).await;
        assert_eq!(st, 201, "{created:?}");
        let asked = json_of(call(&app, "GET", "/instance/connect/p?number=5511999999999", None).await.1);
        assert!(asked["pairingCode"].is_null(), "connecting: no code ({v2}): {asked}");
        assert!(asked["code"].as_str().is_some_and(|c| c.starts_with("2@")));
        assert_eq!(call(&app, "DELETE", "/instance/logout/p", None).await.0, 200);
        let paired = json_of(call(&app, "GET", "/instance/connect/p?number=5511999999999", None).await.1);
        let code =
            paired["pairingCode"].as_str().unwrap_or_else(|| panic!("closed → a code ({v2}): {paired}")).to_owned();
        assert_eq!(code.len(), 8);
        let again = json_of(call(&app, "GET", "/instance/connect/p", None).await.1);
        assert_eq!(again["pairingCode"].as_str(), Some(code.as_str()), "kept in the session's QR object");
    }
}
