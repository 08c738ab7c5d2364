//! Component tests in a real browser (wasm-bindgen-test, headless Chromium):
//! the app mounts, asks only what the case needs, and switches language.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::sleep;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount() -> Element {
    let doc = gloo::utils::document();
    gloo::utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let host = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<yekuo_www::App>::with_root(host.clone()).render();
    settle().await;
    // Customer mode opens on the start page of the answer before applying
    // (issue 14); these tests are about the full form, its second path.
    click(&host, ".second-path button").await;
    host
}

async fn settle() {
    sleep(Duration::from_millis(30)).await;
}

fn find(host: &Element, selector: &str) -> Option<Element> {
    host.query_selector(selector).unwrap()
}

async fn click(host: &Element, selector: &str) {
    let el = find(host, selector).unwrap_or_else(|| panic!("{selector} not found"));
    el.dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
}

#[wasm_bindgen_test]
async fn a_resident_is_not_asked_about_power_sources() {
    let host = mount().await;
    assert!(find(&host, "#f-customer-category-resident").is_some());
    assert!(
        find(&host, "#f-documents-D-ID").is_none(),
        "no checklist before the category"
    );
    click(&host, "#f-customer-category-resident").await;
    click(&host, "#f-customer-business-increase").await;
    assert!(find(&host, "#f-documents-D-ID").is_some());
    assert!(find(&host, "#f-supply-sources").is_none());
    assert!(
        find(&host, "#f-dates-design_submitted").is_none(),
        "no design review for low voltage"
    );
    click(&host, "#f-customer-category-high-voltage").await;
    assert!(find(&host, "#f-supply-sources").is_some());
    assert!(find(&host, "#f-dates-design_submitted").is_some());
    host.remove();
}

#[wasm_bindgen_test]
async fn a_missing_id_shows_in_the_one_time_notice() {
    let host = mount().await;
    click(&host, "#f-customer-category-resident").await;
    click(&host, "#f-customer-business-increase").await;
    let notice = find(&host, "#one-time-notice")
        .expect("notice")
        .text_content()
        .unwrap();
    // A customer reads the document's name, not its code (issue 14).
    assert!(notice.contains("用电人有效身份证明"), "{notice}");
    assert!(!notice.contains("D-ID"), "{notice}");
    click(&host, "#f-documents-D-ID").await;
    click(&host, "#f-documents-D-ACCT").await;
    assert!(
        find(&host, "#one-time-notice").is_none(),
        "nothing missing, no notice"
    );
    let input: HtmlInputElement = find(&host, "#f-documents-D-ID")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(input.checked());
    host.remove();
}

#[wasm_bindgen_test]
async fn the_language_switch_sets_the_lang_attribute() {
    let host = mount().await;
    let root = gloo::utils::document().document_element().unwrap();
    click(&host, ".top-actions button[lang=en]").await;
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    assert!(host
        .text_content()
        .unwrap()
        .contains("Which kind of customer"));
    click(&host, ".top-actions button[lang=zh-CN]").await;
    assert_eq!(root.get_attribute("lang").as_deref(), Some("zh-CN"));
    host.remove();
}

/// The start bundle's app (issue 16) takes a customer from the start page
/// to the answer, with no form on the way, and autosaves the answers where
/// the full app reads them.
#[wasm_bindgen_test]
async fn the_start_app_answers_without_the_form() {
    let doc = gloo::utils::document();
    let storage = gloo::utils::window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let host = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<yekuo_www::StartApp>::with_root(host.clone()).render();
    settle().await;
    click(&host, ".start-button").await;
    click(&host, ".choices li:first-child .choice").await; // a home
    click(&host, ".choices li:first-child .choice").await; // a new connection
    assert!(find(&host, "#answer-h").is_some(), "the answer");
    assert!(find(&host, "form.case-form").is_none(), "no form");
    let saved = storage.get_item("yekuo.v1.customer").unwrap().unwrap();
    assert!(
        saved.contains(r#"["customer.category","Tresident"]"#),
        "{saved}"
    );
    assert!(saved.contains(r#"["customer.business","Tnew"]"#), "{saved}");
    host.remove();
}
