//! In-browser component tests (headless Chromium via wasm-bindgen-test-runner + chromedriver).
#![cfg(target_arch = "wasm32")]

use evo_admin::app::{App, QrView};
use evo_core::response::QrInfo;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const PNG_1X1: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

fn container() -> HtmlElement {
    let doc = document();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn find(root: &HtmlElement, testid: &str) -> Option<web_sys::Element> {
    root.query_selector(&format!("[data-testid='{testid}']")).unwrap()
}

/// Lets Leptos run its scheduled effects (they run on the microtask/task queue).
async fn settle() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn type_into(root: &HtmlElement, testid: &str, text: &str) {
    let input: HtmlInputElement = find(root, testid).unwrap().unchecked_into();
    input.set_value(text);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn qr_view_draws_svg_and_accepts_only_png_data_urls() {
    let root = container();
    let qr =
        QrInfo { code: Some("2@abc,def".into()), base64: Some(PNG_1X1.into()), count: Some(1), pairing_code: None };
    let _handle = mount_to(root.clone(), move || view! { <QrView qr=qr.clone() /> });
    settle().await;
    let img = find(&root, "qr-image").expect("a PNG data URL is shown");
    assert_eq!(img.get_attribute("src").as_deref(), Some(PNG_1X1));
    let svg = find(&root, "qr-svg").expect("the code is drawn locally");
    let path = svg.query_selector("path").unwrap().unwrap();
    assert!(path.get_attribute("d").unwrap().starts_with("M4 4h7"), "finder pattern at the quiet-zone offset");
    assert_eq!(svg.query_selector("rect").unwrap().unwrap().get_attribute("fill").as_deref(), Some("#ffffff"));
}

#[wasm_bindgen_test]
async fn qr_view_refuses_other_schemes_and_explains_count_zero() {
    let root = container();
    let qr =
        QrInfo { code: None, base64: Some("https://evil.example/x.png".into()), count: Some(1), pairing_code: None };
    let _h1 = mount_to(root.clone(), move || view! { <QrView qr=qr.clone() /> });
    settle().await;
    assert!(find(&root, "qr-image").is_none(), "no <img> for a non-data URL");
    let refused = find(&root, "qr-image-refused").unwrap().text_content().unwrap();
    assert!(refused.contains("not a data: URL"), "{refused}");

    let root2 = container();
    let pending = QrInfo { count: Some(0), ..QrInfo::default() };
    let _h2 = mount_to(root2.clone(), move || view! { <QrView qr=pending.clone() /> });
    settle().await;
    assert!(find(&root2, "qr-pending").unwrap().text_content().unwrap().contains("no QR code yet"));
}

#[wasm_bindgen_test]
async fn form_drives_the_json_preview() {
    let root = container();
    let _handle = mount_to(root.clone(), App);
    settle().await;
    let preview = || find(&root, "payload-preview").unwrap().text_content().unwrap();
    let parsed = || serde_json::from_str::<serde_json::Value>(&preview()).unwrap();
    assert_eq!(parsed(), serde_json::json!({"instanceName": "", "qrcode": true}));

    type_into(&root, "instance-name", "shop1");
    type_into(&root, "token", "my-token");
    settle().await;
    assert_eq!(parsed(), serde_json::json!({"instanceName": "shop1", "token": "my-token", "qrcode": true}));

    let checkbox: HtmlElement = find(&root, "qrcode").unwrap().unchecked_into();
    checkbox.click();
    settle().await;
    assert_eq!(parsed()["qrcode"], serde_json::json!(false));

    let gen: HtmlElement = find(&root, "token-generate").unwrap().unchecked_into();
    gen.click();
    settle().await;
    let token: HtmlInputElement = find(&root, "token").unwrap().unchecked_into();
    let t = token.value();
    assert_eq!(t.len(), 36);
    assert_eq!(&t[14..15], "4", "UUID v4: {t}");
    assert_eq!(parsed()["token"], serde_json::json!(t));
    gen.click();
    settle().await;
    assert_ne!(token.value(), t, "a fresh token on each press");
}

#[wasm_bindgen_test]
async fn bad_base_url_is_refused_before_sending() {
    let root = container();
    let _handle = mount_to(root.clone(), App);
    settle().await;
    type_into(&root, "base-url", "evolution.example.com");
    type_into(&root, "api-key", "k");
    let send: HtmlElement = find(&root, "send").unwrap().unchecked_into();
    send.click();
    settle().await;
    settle().await;
    let msg = find(&root, "error-message").expect("an error is shown").text_content().unwrap();
    assert!(msg.contains("http:// or https://"), "{msg}");
    let key: HtmlInputElement = find(&root, "api-key").unwrap().unchecked_into();
    assert_eq!(key.type_(), "password", "the key is masked");
}
