//! Plain-language causes and next steps for what a create attempt can end in.

use crate::i18n::{fill, Lang};
use crate::response::{ApiError, Decoded, LicenceGate};

/// How serious an outcome is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Success,
    Warning,
    Error,
}

/// One explanation: a headline and the next step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub tone: Tone,
    pub text: String,
}

fn err(text: String) -> Explanation {
    Explanation { tone: Tone::Error, text }
}

fn joined(e: &ApiError) -> String {
    e.messages.join("; ")
}

/// Explains an HTTP answer to `POST /instance/create` (`name` is the instance name that was sent).
pub fn explain_response(status: u16, decoded: &Decoded, name: &str, lang: Lang) -> Explanation {
    let t = lang.answers();
    let api = match decoded {
        Decoded::Error(e) => Some(e),
        _ => None,
    };
    let msgs = api.map(joined).unwrap_or_default();
    let code = status.to_string();
    let code = code.as_str();
    // The template without the server's messages, or the one that quotes them.
    let with_msgs = |bare: &str, with: &str| {
        if msgs.is_empty() {
            fill(bare, &[code])
        } else {
            fill(with, &[code, &msgs])
        }
    };
    match (status, decoded) {
        (200..=299, Decoded::Created(c)) => {
            Explanation { tone: Tone::Success, text: fill(t.created, &[c.instance_name.as_deref().unwrap_or(name)]) }
        }
        (200..=299, Decoded::NotJson) => err(fill(t.ok_not_json, &[code])),
        (200..=299, Decoded::Empty) => err(t.ok_empty.into()),
        (200..=299, _) => Explanation { tone: Tone::Warning, text: t.ok_other.into() },
        (_, Decoded::Licence(g)) => explain_licence(g, lang),
        (401, _) => err(t.unauthorized.into()),
        (403, _) if msgs.contains("already in use") => err(fill(t.name_taken, &[name, &suggest_free_name(name)])),
        (400, _) if api.is_some() => err(fill(t.rejected, &[&msgs])),
        (404, _) => err(t.not_found.into()),
        (500..=599, _) if msgs.contains("Not allowed by CORS") => err(t.cors_refused.into()),
        (500..=599, _) => err(with_msgs(t.server_failed, t.server_failed_with)),
        (_, Decoded::NotJson) => err(fill(t.not_json, &[code])),
        (_, Decoded::Empty) => err(fill(t.empty_body, &[code])),
        _ => err(with_msgs(t.unexpected, t.unexpected_with)),
    }
}

/// A 2.4+ server that is not activated: what that blocks, and where to activate it (the server's
/// own page; nothing is sent anywhere else).
pub fn explain_licence(gate: &LicenceGate, lang: Lang) -> Explanation {
    let t = lang.answers();
    let url = gate.register_url.as_deref().unwrap_or("/manager/login");
    err(fill(t.licence_required, &[url]))
}

/// Explains a request that got no HTTP answer at all (the browser gives no status).
/// `page_origin` is this page's origin, printed as the exact `CORS_ORIGIN` line to set.
pub fn explain_no_response(page_origin: &str, lang: Lang) -> Explanation {
    err(fill(lang.answers().no_response, &[page_origin]))
}

/// The request ran past the page's time limit and was stopped.
pub fn explain_timeout(seconds: u32, lang: Lang) -> Explanation {
    err(fill(lang.answers().timeout_stopped, &[&seconds.to_string()]))
}

/// The user pressed Stop.
pub fn explain_aborted(lang: Lang) -> Explanation {
    Explanation { tone: Tone::Warning, text: lang.answers().aborted.into() }
}

/// A name close to `name` to try when it is taken: the trailing number goes up by one (`shop` → `shop2`).
pub fn suggest_free_name(name: &str) -> String {
    let digits = name.len() - name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (stem, num) = name.split_at(name.len() - digits);
    match num.parse::<u64>() {
        Ok(n) => format!("{stem}{}", n.saturating_add(1)),
        Err(_) => format!("{name}2"),
    }
}

/// What `GET {base}/` says about the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    /// An Evolution API: its version, whether it speaks the v2 API, and (2.x) the WhatsApp Web
    /// version it connects with (`whatsappWebVersion`).
    Evolution { version: String, v2: bool, whatsapp_web: Option<String> },
    /// Something answered, but not an Evolution API.
    NotEvolution(String),
}

/// Reads the answer of `GET {base}/`.
pub fn read_health(status: u16, body: &str, lang: Lang) -> Health {
    let t = lang.answers();
    let v: Option<serde_json::Value> = serde_json::from_str(body).ok();
    let welcome =
        v.as_ref().and_then(|v| v.get("message")).and_then(|m| m.as_str()).is_some_and(|m| m.contains("Evolution API"));
    match (status, v.as_ref().and_then(|v| v.get("version")).and_then(|x| x.as_str())) {
        (200, Some(version)) if welcome => Health::Evolution {
            version: version.to_owned(),
            v2: version.starts_with('2') || v.as_ref().is_some_and(|v| v.get("clientName").is_some()),
            whatsapp_web: v
                .as_ref()
                .and_then(|v| v.get("whatsappWebVersion"))
                .and_then(|w| w.as_str())
                .filter(|w| !w.is_empty())
                .map(str::to_owned),
        },
        (404, _) => Health::NotEvolution(t.health_404.into()),
        (s, _) if body.trim_start().starts_with('<') => Health::NotEvolution(fill(t.health_html, &[&s.to_string()])),
        (s, _) => Health::NotEvolution(fill(t.health_other, &[&s.to_string()])),
    }
}

/// The browser blocks an https page from calling an http API before any request is made.
pub fn mixed_content(page_is_https: bool, api_is_https: bool, lang: Lang) -> Option<Explanation> {
    (page_is_https && !api_is_https).then(|| err(lang.answers().mixed_content.into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::response::decode;

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
        assert!(
            e.text.contains("not activated") && e.text.contains("http://127.0.0.1:8084/manager/login"),
            "{}",
            e.text
        );
        assert!(!e.text.contains("Check the server's logs"));
        // A link that is not http(s) is not offered.
        let odd = decode(503, r#"{"code":"LICENSE_REQUIRED","register_url":"javascript:alert(1)"}"#);
        assert_eq!(odd, Decoded::Licence(LicenceGate::default()));
    }

    #[test]
    fn names_and_health() {
        assert_eq!(suggest_free_name("shop"), "shop2");
        assert_eq!(suggest_free_name("shop9"), "shop10");
        let h = read_health(
            200,
            r#"{"status":200,"message":"Welcome to the Evolution API, it is working!","version":"1.8.2"}"#,
            Lang::En,
        );
        assert_eq!(h, Health::Evolution { version: "1.8.2".into(), v2: false, whatsapp_web: None });
        let h = read_health(
            200,
            r#"{"status":200,"message":"Welcome to the Evolution API, it is working!","version":"2.4.0","clientName":"x","whatsappWebVersion":"2.3000.1027934701"}"#,
            Lang::En,
        );
        assert_eq!(
            h,
            Health::Evolution { version: "2.4.0".into(), v2: true, whatsapp_web: Some("2.3000.1027934701".into()) }
        );
        assert!(matches!(read_health(200, "<html>", Lang::En), Health::NotEvolution(_)));
        assert!(explain_timeout(30, Lang::En).text.contains("30 s"));
    }

    #[test]
    fn no_response_prints_the_cors_line() {
        assert!(explain_no_response("http://127.0.0.1:8080", Lang::En)
            .text
            .contains("CORS_ORIGIN=http://127.0.0.1:8080"));
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
            read_health(200, "<html>", Lang::En),
            Health::NotEvolution("200: an HTML page answered, not an Evolution API. Check the base URL.".into())
        );
    }

    #[test]
    #[cfg(feature = "embedded-pt")]
    fn explanations_in_brazilian_portuguese() {
        let pt =
            |status: u16, body: &str, name: &str| explain_response(status, &decode(status, body), name, Lang::PtBr);
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
        assert_eq!(e.text, "O servidor recusou a origem desta página (CORS). Adicione a origem desta página ao CORS_ORIGIN do servidor.");
        let e = pt(400, r#"{"status":400,"error":"Bad Request","response":{"message":["Invalid integration"]}}"#, "x");
        assert_eq!(
            e.text, "400: o servidor recusou o payload: Invalid integration",
            "server messages stay as they are"
        );
        let e = explain_no_response("http://127.0.0.1:8080", Lang::PtBr);
        assert!(e.text.starts_with("Nenhuma resposta do servidor."), "{}", e.text);
        assert!(e.text.contains("defina CORS_ORIGIN=http://127.0.0.1:8080 nele (ou CORS_ORIGIN=*)."), "{}", e.text);
        let e = explain_timeout(30, Lang::PtBr);
        assert!(e.text.starts_with("Nenhuma resposta em 30 s, então a página parou de esperar."), "{}", e.text);
        assert!(e.text.contains("403 \"already in use\""));
        assert_eq!(explain_aborted(Lang::PtBr).tone, Tone::Warning);
        assert!(mixed_content(true, false, Lang::PtBr).unwrap().text.contains("conteúdo misto"));
        assert_eq!(
            read_health(404, "", Lang::PtBr),
            Health::NotEvolution(
                "404 neste endereço: o caminho da URL base está errado (use a raiz do servidor).".into()
            )
        );
    }
}
