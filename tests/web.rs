//! In-browser component tests (headless Chromium via wasm-bindgen-test-runner + chromedriver):
//! the form ↔ text sync, presets, the events checklist, send gating and the QR view.
#![cfg(target_arch = "wasm32")]

use evo_admin::app::App;
use evo_admin::ui::qr_view::QrView;
use evo_core::response::QrInfo;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

const PNG_1X1: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

fn container() -> HtmlElement {
    let doc = document();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// A fresh page state: no draft, no remembered settings.
fn fresh() -> HtmlElement {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    container()
}

fn find(root: &HtmlElement, testid: &str) -> web_sys::Element {
    root.query_selector(&format!("[data-testid='{testid}']")).unwrap().unwrap_or_else(|| panic!("no {testid}"))
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Past the editor's lint pause (150 ms) and Leptos' scheduled effects.
async fn settle() {
    sleep(250).await;
}

fn type_into(root: &HtmlElement, testid: &str, text: &str) {
    let el = find(root, testid);
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.set_value(text);
    } else {
        el.unchecked_ref::<HtmlTextAreaElement>().set_value(text);
    }
    el.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

fn editor_text(root: &HtmlElement) -> String {
    find(root, "payload-editor").unchecked_into::<HtmlTextAreaElement>().value()
}

fn input_value(root: &HtmlElement, testid: &str) -> String {
    find(root, testid).unchecked_into::<HtmlInputElement>().value()
}

fn click(root: &HtmlElement, testid: &str) {
    find(root, testid).unchecked_into::<HtmlElement>().click();
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[wasm_bindgen_test]
async fn form_edits_patch_the_text_and_keep_comments_and_formatting() {
    let root = fresh();
    let _h = mount_to(root.clone(), App);
    settle().await;
    let text = "{\n    // keep me\n    \"instanceName\": \"old\",\n    \"qrcode\": true\n}";
    type_into(&root, "payload-editor", text);
    settle().await;
    type_into(&root, "instance-name", "shop1");
    settle().await;
    assert_eq!(editor_text(&root), text.replace("\"old\"", "\"shop1\""));

    click(&root, "qrcode");
    settle().await;
    assert!(editor_text(&root).contains("    \"qrcode\": false\n"), "{}", editor_text(&root));

    type_into(&root, "token", "tok-1");
    settle().await;
    assert_eq!(
        editor_text(&root),
        "{\n    // keep me\n    \"instanceName\": \"shop1\",\n    \"qrcode\": false,\n    \"token\": \"tok-1\"\n}"
    );
    type_into(&root, "token", "");
    settle().await;
    assert!(!editor_text(&root).contains("token"), "an emptied optional field is removed");
}

#[wasm_bindgen_test]
async fn text_edits_update_the_form_where_they_parse() {
    let root = fresh();
    let _h = mount_to(root.clone(), App);
    settle().await;
    type_into(&root, "payload-editor", "{\"instanceName\": \"fromtext\", \"token\": \"t-9\", \"qrcode\": false, \"webhook\": \"https://h.example\", \"events\": [\"CALL\"]}");
    settle().await;
    assert_eq!(input_value(&root, "instance-name"), "fromtext");
    assert_eq!(input_value(&root, "token"), "t-9");
    assert!(!find(&root, "qrcode").unchecked_into::<HtmlInputElement>().checked());
    assert_eq!(input_value(&root, "field-webhook"), "https://h.example");
    assert!(find(&root, "event-events-CALL").unchecked_into::<HtmlInputElement>().checked());
    assert!(!find(&root, "event-events-QRCODE_UPDATED").unchecked_into::<HtmlInputElement>().checked());

    // A broken text still feeds the form as far as it parses.
    type_into(&root, "payload-editor", "{instanceName: 'half', \"qrcode\": true,");
    settle().await;
    assert_eq!(input_value(&root, "instance-name"), "half");
    let items = root.query_selector_all("[data-testid=diagnostic]").unwrap().length();
    assert!(items >= 3, "unquoted key, single quotes, unclosed object: {items}");
}

#[wasm_bindgen_test]
async fn events_checklist_all_and_none() {
    let root = fresh();
    let _h = mount_to(root.clone(), App);
    settle().await;
    type_into(
        &root,
        "payload-editor",
        "{\n  \"instanceName\": \"a\",\n  \"webhook\": \"https://h.example\",\n  \"events\": [\"CALL\"]\n}",
    );
    settle().await;
    click(&root, "event-events-QRCODE_UPDATED");
    settle().await;
    assert_eq!(json(&editor_text(&root))["events"], serde_json::json!(["QRCODE_UPDATED", "CALL"]), "server order kept");
    click(&root, "events-all-events");
    settle().await;
    assert_eq!(json(&editor_text(&root))["events"], serde_json::json!([]));
    // In "all" mode, unticking one lists the other 25.
    click(&root, "event-events-CALL");
    settle().await;
    assert_eq!(json(&editor_text(&root))["events"].as_array().unwrap().len(), 25);
    click(&root, "events-none-events");
    settle().await;
    assert!(json(&editor_text(&root)).get("events").is_none());
    let codes: Vec<String> = (0..root.query_selector_all("[data-testid=diagnostic]").unwrap().length())
        .filter_map(|i| root.query_selector_all("[data-testid=diagnostic]").unwrap().item(i))
        .filter_map(|n| n.unchecked_into::<web_sys::Element>().get_attribute("data-code"))
        .collect();
    assert!(codes.contains(&"evo/webhook-without-events".to_owned()), "{codes:?}");
}

#[wasm_bindgen_test]
async fn presets_switch_without_losing_typed_values() {
    let root = fresh();
    let _h = mount_to(root.clone(), App);
    settle().await;
    click(&root, "preset-basic");
    settle().await;
    type_into(&root, "instance-name", "keepme");
    settle().await;
    let token = input_value(&root, "token");
    assert_eq!(token.len(), 36, "the basic preset starts with a fresh token");

    click(&root, "preset-webhook");
    settle().await;
    let v = json(&editor_text(&root));
    assert_eq!((v["instanceName"].as_str(), v["token"].as_str()), (Some("keepme"), Some(token.as_str())));
    assert_eq!(v["events"].as_array().unwrap().len(), 6, "the seed's six events");
    type_into(&root, "field-webhook", "https://mine.example/hook");
    settle().await;

    click(&root, "preset-chatwoot");
    settle().await;
    let v = json(&editor_text(&root));
    assert!(v.get("webhook").is_none() && v["chatwoot_url"].is_string());
    assert_eq!(v["instanceName"], "keepme");

    click(&root, "preset-webhook");
    settle().await;
    let v = json(&editor_text(&root));
    assert_eq!(v["webhook"], "https://mine.example/hook", "the webhook typed earlier comes back");
    assert_eq!(v["instanceName"], "keepme");
}

#[wasm_bindgen_test]
async fn errors_block_sending_and_fix_all_unblocks() {
    let root = fresh();
    let _h = mount_to(root.clone(), App);
    settle().await;
    type_into(
        &root,
        "payload-editor",
        "{\n  \"instanceName\": \"shop\", // note\n  \"token\": \"t-1\",\n  \"qrcode\": \"true\",\n}",
    );
    settle().await;
    let send = find(&root, "send").unchecked_into::<web_sys::HtmlButtonElement>();
    assert!(send.disabled());
    let gutter = find(&root, "gutter").text_content().unwrap();
    let lines: Vec<&str> = gutter.lines().collect();
    assert_eq!(lines, ["1", "✖ 2", "3", "✖ 4", "5"], "errors marked on their lines");
    assert_eq!(send.text_content().unwrap(), "Fix 3 errors first");
    let summary = find(&root, "diagnostics-summary");
    assert_eq!(summary.get_attribute("aria-live").as_deref(), Some("polite"));
    assert!(summary.text_content().unwrap().starts_with("3 errors"));
    // The field-level message sits next to the qrcode checkbox.
    let qr = find(&root, "qrcode");
    assert_eq!(qr.get_attribute("aria-invalid").as_deref(), Some("true"));
    let msg_id = qr.get_attribute("aria-describedby").unwrap();
    // Looked up in this test's own app (earlier tests' apps may still be in the document).
    let msg = root.query_selector(&format!("#{}", msg_id.split(' ').next().unwrap())).unwrap().unwrap();
    let got = msg.text_content().unwrap();
    assert!(got.contains("qrcode must be true or false"), "{got:?}");

    click(&root, "fix-all");
    settle().await;
    assert_eq!(editor_text(&root), "{\n  \"instanceName\": \"shop\",\n  \"token\": \"t-1\",\n  \"qrcode\": true\n}");
    assert!(!send.disabled());
    assert_eq!(send.text_content().unwrap(), "Create instance");
}

#[wasm_bindgen_test]
async fn qr_view_draws_svg_and_accepts_only_png_data_urls() {
    let root = container();
    let qr = QrInfo {
        code: Some("2@abc,def".into()),
        base64: Some(PNG_1X1.into()),
        count: Some(1),
        pairing_code: Some("ABCD1234".into()),
    };
    let _handle = mount_to(root.clone(), move || view! { <QrView qr=qr.clone() /> });
    settle().await;
    assert_eq!(find(&root, "qr-image").get_attribute("src").as_deref(), Some(PNG_1X1));
    let svg = find(&root, "qr-svg");
    let path = svg.query_selector("path").unwrap().unwrap();
    assert!(path.get_attribute("d").unwrap().starts_with("M4 4h7"), "finder pattern at the quiet-zone offset");
    assert_eq!(svg.query_selector("rect").unwrap().unwrap().get_attribute("fill").as_deref(), Some("#ffffff"));
    assert!(find(&root, "qr-pairing").text_content().unwrap().contains("ABCD-1234"));
}

#[wasm_bindgen_test]
async fn qr_view_refuses_other_schemes_and_explains_count_zero() {
    let root = container();
    let qr =
        QrInfo { code: None, base64: Some("https://evil.example/x.png".into()), count: Some(1), pairing_code: None };
    let _h1 = mount_to(root.clone(), move || view! { <QrView qr=qr.clone() /> });
    settle().await;
    assert!(root.query_selector("[data-testid=qr-image]").unwrap().is_none(), "no <img> for a non-data URL");
    assert!(find(&root, "qr-image-refused").text_content().unwrap().contains("not a data: URL"));

    let root2 = container();
    let pending = QrInfo { count: Some(0), ..QrInfo::default() };
    let _h2 = mount_to(root2.clone(), move || view! { <QrView qr=pending.clone() /> });
    settle().await;
    assert!(find(&root2, "qr-pending").text_content().unwrap().contains("no QR code yet"));
}

#[wasm_bindgen_test]
async fn the_form_follows_the_profile_and_migrate_rewrites_the_text() {
    let root = fresh();
    let _h = mount_to(root.clone(), App);
    settle().await;
    let has = |root: &HtmlElement, id: &str| root.query_selector(&format!("[data-testid='{id}']")).unwrap().is_some();
    // A closed section builds its controls when it is first opened.
    assert!(!has(&root, "field-reject_call"), "the closed section is not built yet");
    click(&root, "advanced");
    settle().await;
    assert!(has(&root, "field-reject_call") && !has(&root, "field-rejectCall"), "1.x fields");
    let profile = find(&root, "profile").unchecked_into::<HtmlInputElement>(); // a <select>: `value` is set the same way
    profile.set_value("v2");
    profile.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    // 2.x: its own fields (the form is drawn anew: open the section again); the webhook is an
    // object edited field by field.
    click(&root, "advanced");
    settle().await;
    assert!(has(&root, "field-rejectCall") && !has(&root, "field-reject_call"), "2.x fields");
    click(&root, "preset-webhook");
    settle().await;
    let v = json(&editor_text(&root));
    assert_eq!(v["integration"], "WHATSAPP-BAILEYS");
    assert_eq!(v["webhook"]["url"], "https://example.com/your-webhook");
    type_into(&root, "field-webhook-url", "https://mine.example/hook");
    settle().await;
    assert_eq!(json(&editor_text(&root))["webhook"]["url"], "https://mine.example/hook");
    // A 1.x payload under 2.x: Migrate rewrites it and lists what changed.
    type_into(&root, "payload-editor", "{\"instanceName\": \"a\", \"reject_call\": true}");
    settle().await;
    click(&root, "migrate");
    settle().await;
    let v = json(&editor_text(&root));
    assert_eq!(
        (v["rejectCall"].clone(), v["integration"].clone()),
        (serde_json::json!(true), serde_json::json!("WHATSAPP-BAILEYS"))
    );
    let notes = find(&root, "migration-notes").text_content().unwrap_or_default();
    assert!(notes.contains("reject_call → rejectCall"), "{notes}");
    assert_eq!(profile.value(), "v2");
}

/// The language control: switching to pt-BR sets `<html lang>`, the labels and the diagnostics'
/// summary, and keeps the editor text.
#[wasm_bindgen_test]
async fn language_switch_keeps_the_text() {
    // The catalogue the page fetches from `i18n/pt-BR.txt` (no file server here).
    let _ = evo_core::i18n::install_pt(include_str!("../i18n/pt-BR.txt"));
    let root = fresh();
    let _h = mount_to(root.clone(), App);
    settle().await;
    type_into(&root, "payload-editor", "[1]");
    settle().await;
    let select = find(&root, "language").unchecked_into::<web_sys::HtmlSelectElement>();
    select.set_value("pt-BR");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("pt-BR"));
    assert_eq!(find(&root, "create-tab").text_content().as_deref(), Some("Criar uma instância"));
    assert_eq!(editor_text(&root), "[1]");
    let summary = find(&root, "diagnostics-summary").text_content().unwrap_or_default();
    assert!(summary.contains("erro"), "{summary}");
    // Back to English for the tests that follow.
    select.set_value("en");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    assert_eq!(find(&root, "create-tab").text_content().as_deref(), Some("Create an instance"));
}
