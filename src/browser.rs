//! The browser APIs the page uses, behind plain functions.

/// 16 bytes from the browser's cryptographic random source (`crypto.getRandomValues`).
pub fn random_16() -> Option<[u8; 16]> {
    let mut bytes = [0u8; 16];
    web_sys::window()?.crypto().ok()?.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

/// This page's origin, e.g. `http://127.0.0.1:8080` (for the `CORS_ORIGIN=` line).
pub fn page_origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// `true` when the page itself was loaded over https.
pub fn page_is_https() -> bool {
    web_sys::window().and_then(|w| w.location().protocol().ok()).is_some_and(|p| p == "https:")
}

/// `true` when the page is served from this machine (the sandbox is then the likely server).
pub fn page_is_local() -> bool {
    web_sys::window()
        .and_then(|w| w.location().hostname().ok())
        .is_some_and(|h| h == "127.0.0.1" || h == "localhost" || h == "[::1]")
}

/// Milliseconds from a monotonic clock.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now())
}
