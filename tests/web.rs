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

/// How long [`until`] waits for the page before failing.
const WAIT_MS: f64 = 5000.0;

/// Lets the page run: Leptos' effects and the editor's lint pause run in between (one macrotask
/// later, so every microtask the last action queued has run).
async fn next_turn() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Waits until the page shows `what` (`check` holds), polling every 10 ms; fails naming it after
/// [`WAIT_MS`].
async fn until(what: &str, check: impl Fn() -> bool) {
    let started = js_sys::Date::now();
    while !check() {
        if js_sys::Date::now() - started > WAIT_MS {
            panic!("timed out after {} ms waiting for {what}", WAIT_MS as u32);
        }
        next_turn().await;
    }
}

/// Waits for the app just mounted in `root`: the editor shows the starting payload.
async fn mounted(root: &HtmlElement) {
    until("the app's editor to show the starting payload", || {
        try_find(root, "payload-editor").is_some_and(|e| !e.unchecked_into::<HtmlTextAreaElement>().value().is_empty())
    })
    .await;
}

fn try_find(root: &HtmlElement, testid: &str) -> Option<web_sys::Element> {
    root.query_selector(&format!("[data-testid='{testid}']")).unwrap()
}

fn has(root: &HtmlElement, testid: &str) -> bool {
    try_find(root, testid).is_some()
}

/// An input's value, if the input is there.
fn value_of(root: &HtmlElement, testid: &str) -> Option<String> {
    try_find(root, testid).map(|e| e.unchecked_into::<HtmlInputElement>().value())
}

fn checked(root: &HtmlElement, testid: &str) -> bool {
    find(root, testid).unchecked_into::<HtmlInputElement>().checked()
}

/// The editor's text as JSON, if it parses.
fn editor_json(root: &HtmlElement) -> Option<serde_json::Value> {
    serde_json::from_str(&editor_text(root)).ok()
}

/// The `data-code` of every diagnostic listed.
fn diagnostic_codes(root: &HtmlElement) -> Vec<String> {
    let items = root.query_selector_all("[data-testid=diagnostic]").unwrap();
    (0..items.length())
        .filter_map(|i| items.item(i))
        .filter_map(|n| n.unchecked_into::<web_sys::Element>().get_attribute("data-code"))
        .collect()
}

fn text_of(root: &HtmlElement, testid: &str) -> String {
    try_find(root, testid).and_then(|e| e.text_content()).unwrap_or_default()
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
    mounted(&root).await;
    let text = "{\n    // keep me\n    \"instanceName\": \"old\",\n    \"qrcode\": true\n}";
    type_into(&root, "payload-editor", text);
    until("the form to show the typed text's instanceName \"old\"", || {
        value_of(&root, "instance-name").as_deref() == Some("old")
    })
    .await;
    type_into(&root, "instance-name", "shop1");
    until("the editor to hold the name shop1", || editor_text(&root).contains("\"shop1\"")).await;
    assert_eq!(editor_text(&root), text.replace("\"old\"", "\"shop1\""));

    click(&root, "qrcode");
    until("the editor to hold qrcode false", || editor_text(&root).contains("\"qrcode\": false")).await;
    assert!(editor_text(&root).contains("    \"qrcode\": false\n"), "{}", editor_text(&root));

    type_into(&root, "token", "tok-1");
    until("the editor to hold the token tok-1", || editor_text(&root).contains("\"tok-1\"")).await;
    assert_eq!(
        editor_text(&root),
        "{\n    // keep me\n    \"instanceName\": \"shop1\",\n    \"qrcode\": false,\n    \"token\": \"tok-1\"\n}"
    );
    type_into(&root, "token", "");
    until("the editor to drop the token tok-1", || !editor_text(&root).contains("tok-1")).await;
    assert!(!editor_text(&root).contains("token"), "an emptied optional field is removed");
}

#[wasm_bindgen_test]
async fn text_edits_update_the_form_where_they_parse() {
    let root = fresh();
    let _h = mount_to(root.clone(), App);
    mounted(&root).await;
    type_into(&root, "payload-editor", "{\"instanceName\": \"fromtext\", \"token\": \"t-9\", \"qrcode\": false, \"webhook\": \"https://h.example\", \"events\": [\"CALL\"]}");
    until("the form to show the typed text: instanceName fromtext, the webhook field and its events checklist", || {
        value_of(&root, "instance-name").as_deref() == Some("fromtext")
            && has(&root, "field-webhook")
            && has(&root, "event-events-CALL")
    })
    .await;
    assert_eq!(input_value(&root, "instance-name"), "fromtext");
    assert_eq!(input_value(&root, "token"), "t-9");
    assert!(!find(&root, "qrcode").unchecked_into::<HtmlInputElement>().checked());
    assert_eq!(input_value(&root, "field-webhook"), "https://h.example");
    assert!(find(&root, "event-events-CALL").unchecked_into::<HtmlInputElement>().checked());
    assert!(!find(&root, "event-events-QRCODE_UPDATED").unchecked_into::<HtmlInputElement>().checked());

    // A broken text still feeds the form as far as it parses.
    type_into(&root, "payload-editor", "{instanceName: 'half', \"qrcode\": true,");
    until("the form to show the broken text's instanceName half", || {
        value_of(&root, "instance-name").as_deref() == Some("half")
    })
    .await;
    assert_eq!(input_value(&root, "instance-name"), "half");
    let items = root.query_selector_all("[data-testid=diagnostic]").unwrap().length();
    assert!(items >= 3, "unquoted key, single quotes, unclosed object: {items}");
}

#[wasm_bindgen_test]
async fn events_checklist_all_and_none() {
    let root = fresh();
    let _h = mount_to(root.clone(), App);
    mounted(&root).await;
    type_into(
        &root,
        "payload-editor",
        "{\n  \"instanceName\": \"a\",\n  \"webhook\": \"https://h.example\",\n  \"events\": [\"CALL\"]\n}",
    );
    until("the events checklist with CALL ticked", || {
        has(&root, "event-events-QRCODE_UPDATED") && checked(&root, "event-events-CALL")
    })
    .await;
    click(&root, "event-events-QRCODE_UPDATED");
    until("the editor to list QRCODE_UPDATED", || editor_text(&root).contains("QRCODE_UPDATED")).await;
    assert_eq!(json(&editor_text(&root))["events"], serde_json::json!(["QRCODE_UPDATED", "CALL"]), "server order kept");
    click(&root, "events-all-events");
    until("the editor to list no event by name (all)", || !editor_text(&root).contains("CALL")).await;
    assert_eq!(json(&editor_text(&root))["events"], serde_json::json!([]));
    // In "all" mode, unticking one lists the other 25.
    click(&root, "event-events-CALL");
    until("the editor to list events by name again", || editor_text(&root).contains("QRCODE_UPDATED")).await;
    assert_eq!(json(&editor_text(&root))["events"].as_array().unwrap().len(), 25);
    click(&root, "events-none-events");
    until("the editor to drop events and the diagnostics to flag the webhook without events", || {
        !editor_text(&root).contains("\"events\"")
            && diagnostic_codes(&root).iter().any(|c| c == "evo/webhook-without-events")
    })
    .await;
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
    mounted(&root).await;
    click(&root, "preset-basic");
    until("the Basic preset pressed, with its token in the form", || {
        try_find(&root, "preset-basic").and_then(|b| b.get_attribute("aria-pressed")).as_deref() == Some("true")
            && value_of(&root, "token").is_some_and(|t| !t.is_empty())
    })
    .await;
    type_into(&root, "instance-name", "keepme");
    until("the editor to hold the name keepme", || editor_text(&root).contains("\"keepme\"")).await;
    let token = input_value(&root, "token");
    assert_eq!(token.len(), 36, "the basic preset starts with a fresh token");

    click(&root, "preset-webhook");
    until("the editor to show the webhook preset", || editor_json(&root).is_some_and(|v| v.get("webhook").is_some()))
        .await;
    let v = json(&editor_text(&root));
    assert_eq!((v["instanceName"].as_str(), v["token"].as_str()), (Some("keepme"), Some(token.as_str())));
    assert_eq!(v["events"].as_array().unwrap().len(), 6, "the seed's six events");
    type_into(&root, "field-webhook", "https://mine.example/hook");
    until("the editor to hold the typed webhook", || editor_text(&root).contains("https://mine.example/hook")).await;

    click(&root, "preset-chatwoot");
    until("the editor to show the Chatwoot preset", || {
        editor_json(&root).is_some_and(|v| v.get("chatwoot_url").is_some())
    })
    .await;
    let v = json(&editor_text(&root));
    assert!(v.get("webhook").is_none() && v["chatwoot_url"].is_string());
    assert_eq!(v["instanceName"], "keepme");

    click(&root, "preset-webhook");
    until("the editor to show the webhook preset again", || {
        editor_json(&root).is_some_and(|v| v.get("webhook").is_some())
    })
    .await;
    let v = json(&editor_text(&root));
    assert_eq!(v["webhook"], "https://mine.example/hook", "the webhook typed earlier comes back");
    assert_eq!(v["instanceName"], "keepme");
}

#[wasm_bindgen_test]
async fn errors_block_sending_and_fix_all_unblocks() {
    let root = fresh();
    let _h = mount_to(root.clone(), App);
    mounted(&root).await;
    type_into(
        &root,
        "payload-editor",
        "{\n  \"instanceName\": \"shop\", // note\n  \"token\": \"t-1\",\n  \"qrcode\": \"true\",\n}",
    );
    until("the gutter to mark line 4 of the typed text", || text_of(&root, "gutter").contains("✖ 4")).await;
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
    until("the editor to show the fixed text (the comment gone)", || !editor_text(&root).contains("// note")).await;
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
    until("the QR view: the server's image, the SVG and the pairing code", || {
        has(&root, "qr-image") && has(&root, "qr-svg") && has(&root, "qr-pairing")
    })
    .await;
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
    until("the QR view to refuse the image", || has(&root, "qr-image-refused")).await;
    assert!(root.query_selector("[data-testid=qr-image]").unwrap().is_none(), "no <img> for a non-data URL");
    assert!(find(&root, "qr-image-refused").text_content().unwrap().contains("not a data: URL"));

    let root2 = container();
    let pending = QrInfo { count: Some(0), ..QrInfo::default() };
    let _h2 = mount_to(root2.clone(), move || view! { <QrView qr=pending.clone() /> });
    until("the QR view to say there is no code yet", || has(&root2, "qr-pending")).await;
    assert!(find(&root2, "qr-pending").text_content().unwrap().contains("no QR code yet"));
}

#[wasm_bindgen_test]
async fn the_form_follows_the_profile_and_migrate_rewrites_the_text() {
    let root = fresh();
    let _h = mount_to(root.clone(), App);
    mounted(&root).await;
    let has = |root: &HtmlElement, id: &str| root.query_selector(&format!("[data-testid='{id}']")).unwrap().is_some();
    // A closed section builds its controls when it is first opened.
    assert!(!has(&root, "field-reject_call"), "the closed section is not built yet");
    click(&root, "advanced");
    until("the opened section's 1.x fields", || has(&root, "field-reject_call")).await;
    assert!(has(&root, "field-reject_call") && !has(&root, "field-rejectCall"), "1.x fields");
    let profile = find(&root, "profile").unchecked_into::<HtmlInputElement>(); // a <select>: `value` is set the same way
    profile.set_value("v2");
    profile.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    until("the form drawn anew for 2.x (the 1.x field gone)", || !has(&root, "field-reject_call")).await;
    // 2.x: its own fields (the form is drawn anew: open the section again); the webhook is an
    // object edited field by field.
    click(&root, "advanced");
    until("the opened section's 2.x fields", || has(&root, "field-rejectCall")).await;
    assert!(has(&root, "field-rejectCall") && !has(&root, "field-reject_call"), "2.x fields");
    click(&root, "preset-webhook");
    until("the editor to show the 2.x webhook preset (a webhook object)", || {
        editor_json(&root).is_some_and(|v| v["webhook"].is_object())
    })
    .await;
    let v = json(&editor_text(&root));
    assert_eq!(v["integration"], "WHATSAPP-BAILEYS");
    assert_eq!(v["webhook"]["url"], "https://example.com/your-webhook");
    type_into(&root, "field-webhook-url", "https://mine.example/hook");
    until("the editor to hold the typed webhook url", || editor_text(&root).contains("https://mine.example/hook"))
        .await;
    assert_eq!(json(&editor_text(&root))["webhook"]["url"], "https://mine.example/hook");
    // A 1.x payload under 2.x: Migrate rewrites it and lists what changed.
    type_into(&root, "payload-editor", "{\"instanceName\": \"a\", \"reject_call\": true}");
    until("the typed 1.x text linted (the form shows instanceName a)", || {
        value_of(&root, "instance-name").as_deref() == Some("a")
    })
    .await;
    click(&root, "migrate");
    until("the migrated text in the editor and its notes", || {
        editor_text(&root).contains("\"rejectCall\"") && !text_of(&root, "migration-notes").is_empty()
    })
    .await;
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
/// The diagnostics' messages as listed.
fn diagnostic_messages(root: &HtmlElement) -> Vec<String> {
    let items = root.query_selector_all("[data-testid=diagnostic] .msg").unwrap();
    (0..items.length()).filter_map(|i| items.item(i)).filter_map(|n| n.text_content()).collect()
}

#[wasm_bindgen_test]
async fn language_switch_keeps_the_text() {
    // The catalogue the page fetches from `i18n/pt-BR.txt` (no file server here).
    let _ = evo_admin::i18n::install_pt(include_str!("../i18n/pt-BR.txt"));
    let root = fresh();
    let _h = mount_to(root.clone(), App);
    mounted(&root).await;
    type_into(&root, "payload-editor", "[1]");
    until("the typed text linted (the gutter marks its one line)", || text_of(&root, "gutter").starts_with("✖ 1"))
        .await;
    let english = ["The payload must be a JSON object { … }, not an array.".to_owned()];
    until("the diagnostic in English", || diagnostic_messages(&root) == english).await;
    // The report is kept; a switch renders it again and never lints again.
    let runs = evo_admin::state::lint_runs();
    let select = find(&root, "language").unchecked_into::<web_sys::HtmlSelectElement>();
    select.set_value("pt-BR");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    let html_lang = || document().document_element().unwrap().get_attribute("lang");
    until("the page in Portuguese: <html lang> and the create tab's label", || {
        html_lang().as_deref() == Some("pt-BR") && text_of(&root, "create-tab") != "Create an instance"
    })
    .await;
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("pt-BR"));
    assert_eq!(find(&root, "create-tab").text_content().as_deref(), Some("Criar uma instância"));
    assert_eq!(editor_text(&root), "[1]");
    let summary = find(&root, "diagnostics-summary").text_content().unwrap_or_default();
    assert!(summary.contains("erro"), "{summary}");
    let portuguese = ["O payload precisa ser um objeto JSON { … }, não um array.".to_owned()];
    until("the diagnostic in Portuguese", || diagnostic_messages(&root) == portuguese).await;
    assert_eq!(evo_admin::state::lint_runs(), runs, "the language switch linted the text again");
    // Back to English for the tests that follow.
    select.set_value("en");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    until("the page in English again: <html lang> and the create tab's label", || {
        html_lang().as_deref() == Some("en") && text_of(&root, "create-tab") != "Criar uma instância"
    })
    .await;
    assert_eq!(find(&root, "create-tab").text_content().as_deref(), Some("Create an instance"));
    until("the diagnostic in English again", || diagnostic_messages(&root) == english).await;
    assert_eq!(evo_admin::state::lint_runs(), runs, "switching back linted the text again");
}
