//! The browser APIs the page uses, behind plain functions.

use wasm_bindgen::JsValue;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// 16 bytes from the browser's cryptographic random source (`crypto.getRandomValues`).
pub fn random_16() -> Option<[u8; 16]> {
    let mut bytes = [0u8; 16];
    window()?.crypto().ok()?.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

/// A fresh UUID v4 from the browser's random source.
pub fn fresh_uuid() -> Option<String> {
    random_16().map(evo_core::token::uuid_v4)
}

/// This page's origin, e.g. `http://127.0.0.1:8080` (for the `CORS_ORIGIN=` line).
pub fn page_origin() -> String {
    window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// `true` when the page itself was loaded over https.
pub fn page_is_https() -> bool {
    window().and_then(|w| w.location().protocol().ok()).is_some_and(|p| p == "https:")
}

/// `true` when the page is served from this machine (the sandbox is then the likely server).
pub fn page_is_local() -> bool {
    window()
        .and_then(|w| w.location().hostname().ok())
        .is_some_and(|h| h == "127.0.0.1" || h == "localhost" || h == "[::1]")
}

/// The page's URL without its fragment (for share links).
pub fn page_url_without_fragment() -> String {
    let href = window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// The fragment after `#`, if any.
pub fn fragment() -> Option<String> {
    let h = window()?.location().hash().ok()?;
    h.strip_prefix('#').filter(|s| !s.is_empty()).map(str::to_owned)
}

/// Removes the fragment from the address bar without reloading.
pub fn clear_fragment() {
    if let Some(w) = window() {
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&page_url_without_fragment()));
        }
    }
}

/// Moves the focus to the element with this id (e.g. a heading with `tabindex="-1"`).
pub fn focus(id: &str) {
    focus_el(window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)));
}

/// Sets `<html data-theme=…>` (the CSS tokens honour `light` and `dark`; anything else follows the system).
pub fn set_theme(theme: &str) {
    if let Some(el) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = el.set_attribute("data-theme", theme);
    }
}

/// The browser's preferred languages (`navigator.languages`), most preferred first.
pub fn languages() -> Vec<String> {
    window().map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect()).unwrap_or_default()
}

/// Sets `<html lang=…>` and the document's title (screen readers and search read both).
pub fn set_lang(code: &str, title: &str) {
    if let Some(d) = window().and_then(|w| w.document()) {
        if let Some(el) = d.document_element() {
            let _ = el.set_attribute("lang", code);
        }
        d.set_title(title);
    }
}

/// Whether the browser says it has a network (`navigator.onLine`; `false` means surely offline).
pub fn online() -> bool {
    window().is_none_or(|w| w.navigator().on_line())
}

/// Milliseconds from a monotonic clock.
pub fn now_ms() -> f64 {
    window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now())
}

/// Copies `text` to the clipboard; `false` when the browser refused (then the text is shown to copy by hand).
pub async fn copy_text(text: &str) -> bool {
    let Some(w) = window() else { return false };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Downloads `href` (a data: URL) as `file_name`, through a link clicked for the user.
pub fn download(file_name: &str, href: &str) {
    use wasm_bindgen::JsCast;
    let Some(doc) = window().and_then(|w| w.document()) else { return };
    let Some(a) = doc.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) else {
        return;
    };
    a.set_href(href);
    a.set_download(file_name);
    // In the document while it is clicked (some browsers ignore a detached link), then gone.
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.click();
        a.remove();
    }
}

/// A query-string parameter of the page's URL (never used for secrets).
pub fn query_param(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    search.trim_start_matches('?').split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == name).then(|| v.to_owned())
    })
}

/// Records a performance measure `name` from `started_ms` (a [`now_ms`] reading) to now, visible
/// to `performance.getEntriesByName(name)` (the e2e tests print them).
pub fn measure(name: &str, started_ms: f64) {
    let Some(perf) = window().and_then(|w| w.performance()) else { return };
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"start".into(), &started_ms.into());
    let _ = js_sys::Reflect::set(&opts, &"end".into(), &perf.now().into());
    if let Ok(f) = js_sys::Reflect::get(&perf, &"measure".into()) {
        let _ = js_sys::Function::from(f).call2(&perf, &name.into(), &opts);
    }
}

/// [`measure`] at the next frame: from `started_ms` until the browser is about to paint what the
/// current update changed (e.g. a lint's diagnostics on screen).
pub fn measure_at_next_frame(name: &'static str, started_ms: f64) {
    next_frame(move || measure(name, started_ms));
}

/// Moves the focus to `el`, if it is there and focusable (an HTML element).
pub fn focus_el(el: Option<web_sys::Element>) {
    use wasm_bindgen::JsCast;
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Moves the focus to the first element `selector` matches, if any.
pub fn focus_selector(selector: &str) {
    focus_el(window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten()));
}

/// Runs `f` on the next animation frame.
pub fn next_frame(f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let Some(w) = window() else { return };
    let cb = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ = w.request_animation_frame(cb.unchecked_ref());
}

/// [`measure`] once the next frame is painted: from `started_ms` until what the current update
/// changed is on screen (the next frame's callbacks, style, layout and paint included).
pub fn measure_after_paint(name: &'static str, started_ms: f64) {
    // (leptos' timeout: the page already holds its code.)
    next_frame(move || {
        let _ = leptos::prelude::set_timeout_with_handle(move || measure(name, started_ms), std::time::Duration::ZERO);
    });
}

/// `console.warn(text)` (for what the user need not see but a developer should).
pub fn warn(text: &str) {
    let console = js_sys::Reflect::get(&js_sys::global(), &"console".into()).unwrap_or_default();
    if let Ok(f) = js_sys::Reflect::get(&console, &"warn".into()) {
        if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
            let _ = f.call1(&console, &text.into());
        }
    }
}
