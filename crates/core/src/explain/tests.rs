use super::*;
use crate::i18n::Lang;
use crate::render::{explain_aborted, explain_no_response, explain_response, explain_timeout, mixed_content, render};
use crate::response::decode;

/// `read_health` with its message rendered in `lang`, as the page shows it.
fn health(status: u16, body: &str, lang: Lang) -> Result<Health, String> {
    match read_health(status, body) {
        Health::NotEvolution(m) => Err(render(&m, lang)),
        h => Ok(h),
    }
}

#[test]
fn explains_recorded_failures() {
    let e = explain_response(
        401,
        &decode(401, r#"{"status":401,"error":"Unauthorized","response":{"message":"Unauthorized"}}"#),
        "x",
        Lang::En,
    );
    assert!(e.text.contains("global API key"), "{}", e.text);
    let e = explain_response(
        403,
        &decode(
            403,
            r#"{"status":403,"error":"Forbidden","response":{"message":["This name \"shop\" is already in use."]}}"#,
        ),
        "shop",
        Lang::En,
    );
    assert!(e.text.contains("\"shop\" is already in use"));
    let e = explain_response(
        400,
        &decode(400, r#"{"status":400,"error":"Bad Request","response":{"message":[["a","b"]]}}"#),
        "x",
        Lang::En,
    );
    assert!(e.text.ends_with("a; b"));
    let e = explain_response(502, &decode(502, "<html>"), "x", Lang::En);
    assert!(e.text.contains("502"));
    assert_eq!(e.tone, Tone::Error);
}

/// 2.4's licence gate, whatever the route and key: explained as that, with the server's own
/// activation page — not as "the server failed".
#[test]
fn a_licence_gate_is_explained_with_the_servers_activation_page() {
    let body = r#"{"error":"service not activated","code":"LICENSE_REQUIRED","register_url":"http://127.0.0.1:8084/manager/login","instance_id":"i-1","docs_url":"https://docs.evolutionfoundation.com.br/licensing","message":"This Evolution API instance is not activated. Open http://127.0.0.1:8084/manager/login to activate, or set AUTHENTICATION_API_KEY in your .env with a valid licensing key. Docs: https://docs.evolutionfoundation.com.br/licensing"}"#;
    let d = decode(503, body);
    assert_eq!(
        d,
        Decoded::Licence(LicenceGate {
            register_url: Some("http://127.0.0.1:8084/manager/login".into()),
            docs_url: Some("https://docs.evolutionfoundation.com.br/licensing".into()),
        })
    );
    let e = explain_response(503, &d, "shop", Lang::En);
    assert_eq!(e.tone, Tone::Error);
    assert!(e.text.contains("not activated") && e.text.contains("http://127.0.0.1:8084/manager/login"), "{}", e.text);
    assert!(!e.text.contains("Check the server's logs"));
    // A link that is not http(s) is not offered.
    let odd = decode(503, r#"{"code":"LICENSE_REQUIRED","register_url":"javascript:alert(1)"}"#);
    assert_eq!(odd, Decoded::Licence(LicenceGate::default()));
}

#[test]
fn names_and_health() {
    assert_eq!(suggest_free_name("shop"), "shop2");
    assert_eq!(suggest_free_name("shop9"), "shop10");
    let h = health(
        200,
        r#"{"status":200,"message":"Welcome to the Evolution API, it is working!","version":"1.8.2"}"#,
        Lang::En,
    );
    assert_eq!(h, Ok(Health::Evolution { version: "1.8.2".into(), v2: false, whatsapp_web: None }));
    let h = health(
        200,
        r#"{"status":200,"message":"Welcome to the Evolution API, it is working!","version":"2.4.0","clientName":"x","whatsappWebVersion":"2.3000.1027934701"}"#,
        Lang::En,
    );
    assert_eq!(
        h,
        Ok(Health::Evolution { version: "2.4.0".into(), v2: true, whatsapp_web: Some("2.3000.1027934701".into()) })
    );
    assert!(health(200, "<html>", Lang::En).is_err());
    assert!(explain_timeout(30, Lang::En).text.contains("30 s"));
}

#[test]
fn no_response_prints_the_cors_line() {
    assert!(explain_no_response("http://127.0.0.1:8080", Lang::En).text.contains("CORS_ORIGIN=http://127.0.0.1:8080"));
    assert!(mixed_content(true, false, Lang::En).is_some());
    assert!(mixed_content(false, false, Lang::En).is_none());
    assert!(mixed_content(true, true, Lang::En).is_none());
}

#[test]
fn english_texts_are_unchanged() {
    let e = |status: u16, body: &str| explain_response(status, &decode(status, body), "shop", Lang::En).text;
    assert_eq!(
        e(500, r#"{"status":500,"error":"x","response":{"message":"boom"}}"#),
        "500: the server failed: boom. Check the server's logs."
    );
    assert_eq!(e(503, ""), "503: the server failed. Check the server's logs.");
    assert_eq!(e(418, "{}"), "418: unexpected answer");
    assert_eq!(e(409, r#"{"message":"m"}"#), "409: unexpected answer: m");
    assert_eq!(e(302, ""), "302: the server answered with an empty body.");
    assert_eq!(
        e(201, r#"{"instance":{"instanceName":"s2"},"hash":"k"}"#),
        "Instance \"s2\" created. Store its key: it is shown only now."
    );
    assert_eq!(
        e(403, r#"{"status":403,"error":"Forbidden","response":{"message":["This name \"shop\" is already in use."]}}"#),
        "403: the name \"shop\" is already in use on this server. Choose another name (e.g. \"shop2\") — or, if an earlier \
         create failed half-way, that attempt may have left the instance behind: delete it first."
    );
    assert_eq!(
        explain_no_response("http://h:1", Lang::En).text,
        "No answer from the server. Either it is not running or not reachable at this address (check the base URL and that \
         the server is up), or it blocked this page with CORS — the browser hides which. If the server is up, set \
         CORS_ORIGIN=http://h:1 on it (or CORS_ORIGIN=*)."
    );
    assert_eq!(
        explain_timeout(30, Lang::En).text,
        "No answer within 30 s, so the page stopped waiting. The server may be overloaded or unreachable through a proxy — \
         and it may still create the instance: check the instance list before sending again (a retry could get 403 \
         \"already in use\"). A create with a QR code takes at least 5 s; raise the time limit if the server is slow."
    );
    assert_eq!(
        health(200, "<html>", Lang::En),
        Err("200: an HTML page answered, not an Evolution API. Check the base URL.".into())
    );
}

#[test]
#[cfg(feature = "embedded-pt")]
fn explanations_in_brazilian_portuguese() {
    let pt = |status: u16, body: &str, name: &str| explain_response(status, &decode(status, body), name, Lang::PtBr);
    let e = pt(401, r#"{"status":401,"error":"Unauthorized","response":{"message":"Unauthorized"}}"#, "x");
    assert_eq!(e.tone, Tone::Error);
    assert!(e.text.starts_with("401 Unauthorized: a chave global da API está errada ou faltando."), "{}", e.text);
    assert!(e.text.contains("AUTHENTICATION_API_KEY"));
    let e = pt(
        403,
        r#"{"status":403,"error":"Forbidden","response":{"message":["This name \"loja9\" is already in use."]}}"#,
        "loja9",
    );
    assert!(
        e.text.starts_with(
            "403: o nome \"loja9\" já está em uso neste servidor. Escolha outro nome (por exemplo \"loja10\")"
        ),
        "{}",
        e.text
    );
    let e = pt(500, r#"{"status":500,"error":"x","response":{"message":"Not allowed by CORS"}}"#, "x");
    assert_eq!(
        e.text,
        "O servidor recusou a origem desta página (CORS). Adicione a origem desta página ao CORS_ORIGIN do servidor."
    );
    let e = pt(400, r#"{"status":400,"error":"Bad Request","response":{"message":["Invalid integration"]}}"#, "x");
    assert_eq!(e.text, "400: o servidor recusou o payload: Invalid integration", "server messages stay as they are");
    let e = explain_no_response("http://127.0.0.1:8080", Lang::PtBr);
    assert!(e.text.starts_with("Nenhuma resposta do servidor."), "{}", e.text);
    assert!(e.text.contains("defina CORS_ORIGIN=http://127.0.0.1:8080 nele (ou CORS_ORIGIN=*)."), "{}", e.text);
    let e = explain_timeout(30, Lang::PtBr);
    assert!(e.text.starts_with("Nenhuma resposta em 30 s, então a página parou de esperar."), "{}", e.text);
    assert!(e.text.contains("403 \"already in use\""));
    assert_eq!(explain_aborted(Lang::PtBr).tone, Tone::Warning);
    assert!(mixed_content(true, false, Lang::PtBr).unwrap().text.contains("conteúdo misto"));
    assert_eq!(
        health(404, "", Lang::PtBr),
        Err("404 neste endereço: o caminho da URL base está errado (use a raiz do servidor).".into())
    );
}
