//! Everything the app asks of the browser: the clock, storage, the URL,
//! downloads, files and printing. Kept apart so the rest of the view is
//! plain rendering and the reducer stays pure.

use crate::state::{Journey, Mode, Saved};
use chrono::NaiveDate;
use wasm_bindgen::JsCast;

fn window() -> web_sys::Window {
    gloo::utils::window()
}

/// Today on the device's own clock (the only place the app reads it).
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or(NaiveDate::MIN)
}

/// A performance mark (read by the benchmarks; costs nothing otherwise).
pub fn mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

pub fn query() -> String {
    window().location().search().unwrap_or_default()
}

/// The mode the page itself forces: `<div id="app" data-mode="kiosk">` in
/// the single-file kiosk build, which then ignores `?mode=`.
pub fn forced_mode() -> Option<Mode> {
    gloo::utils::document()
        .get_element_by_id("app")
        .and_then(|e| e.get_attribute("data-mode"))
        .and_then(|m| Mode::parse(&m))
}

pub fn fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// The page's address without query or fragment, for the restore link.
pub fn page_url() -> String {
    let l = window().location();
    format!(
        "{}{}",
        l.origin().unwrap_or_default(),
        l.pathname().unwrap_or_default()
    )
}

/// Drop the fragment from the address bar (after reading a case from it), so
/// a reload restores the autosaved form with the user's later edits.
/// Replace the address's query (`?…`, or empty), keeping its path and
/// fragment, without a reload or a new history entry.
pub fn replace_query(query: &str) {
    if let Ok(h) = window().history() {
        let url = format!("{}{query}{}", page_url(), fragment());
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

pub fn clear_fragment() {
    if let Ok(h) = window().history() {
        let url = format!("{}{}", page_url(), query());
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

fn local() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

pub enum Loaded {
    Nothing,
    Saved(Box<Saved>),
    /// The saved text could not be read. `copied`: it was copied to
    /// `<key>.corrupt` and its key freed; otherwise the copy failed and it
    /// is still under `key`.
    Corrupt {
        reason: String,
        key: String,
        copied: bool,
    },
}

/// Read the autosaved state of `mode`. A value that cannot be read is moved
/// to a side key so that it can be recovered by hand; it is never deleted,
/// so when the copy fails (storage full) it stays where it is.
pub fn load(mode: Mode) -> Loaded {
    let Some(s) = local() else {
        return Loaded::Nothing;
    };
    let key = mode.storage_key();
    let Ok(Some(text)) = s.get_item(key) else {
        return Loaded::Nothing;
    };
    match Saved::parse(&text) {
        Ok(saved) => Loaded::Saved(Box::new(saved)),
        Err(reason) => {
            let copied = s.set_item(&format!("{key}.corrupt"), &text).is_ok();
            if copied {
                let _ = s.remove_item(key);
            }
            Loaded::Corrupt {
                reason,
                key: key.to_string(),
                copied,
            }
        }
    }
}

/// Autosave. `Err` when the browser refuses (storage full or disabled).
pub fn save(mode: Mode, saved: &Saved) -> Result<(), ()> {
    let s = local().ok_or(())?;
    s.set_item(mode.storage_key(), &saved.to_text())
        .map_err(|_| ())
}

/// The clerk's worklist as storage holds it: every case key
/// (`worklist_text::case_key`) in id order, with the ids of those this page
/// cannot read (left as they are), and the list's settings.
pub fn load_worklist() -> crate::worklist::Stored {
    use crate::worklist_text as text;
    let mut stored = crate::worklist::Stored::default();
    let Some(s) = local() else {
        return stored;
    };
    let mut keys: Vec<(u32, String)> = (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| Some((text::case_id(&k)?, k)))
        .collect();
    keys.sort_unstable();
    for (id, key) in keys {
        match s
            .get_item(&key)
            .ok()
            .flatten()
            .map(|t| text::read_entry(&t))
        {
            Some(Ok(draft)) => stored.entries.push((id, draft)),
            _ => stored.unreadable.push(id),
        }
    }
    stored.settings = s
        .get_item(text::SETTINGS_KEY)
        .ok()
        .flatten()
        .map(|t| text::Settings::parse(&t));
    stored
}

/// Store `text` under `key`; `Err` when the browser refuses (storage full).
pub fn store(key: &str, text: &str) -> Result<(), ()> {
    local().ok_or(())?.set_item(key, text).map_err(|_| ())
}

pub fn remove(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}

/// Where the start bundle hands a customer over to the full app: this
/// tab's sessionStorage (so the answers survive the reload even when
/// localStorage is full or refused), read once by the full app. `www/boot.js`
/// loads the full app while it is there.
const HANDOFF_KEY: &str = "yekuo.v1.handoff";
/// Beside it, the page the full app is to open: `contractor` for the
/// contractor question, anything else the form.
const HANDOFF_PAGE_KEY: &str = "yekuo.v1.handoff.page";

/// Hand this tab over to the full app (`start.rs`) to open `page`: keep
/// `saved` for it and reload, which `www/boot.js` answers with the full
/// app. `Err` when the browser refuses to keep it: the page then stays,
/// with the answers.
#[cfg(not(feature = "kiosk"))]
pub fn hand_over(saved: &Saved, page: Journey) -> Result<(), ()> {
    let s = window().session_storage().ok().flatten().ok_or(())?;
    let page = match page {
        Journey::Contractor => "contractor",
        _ => "form",
    };
    s.set_item(HANDOFF_PAGE_KEY, page).map_err(|_| ())?;
    s.set_item(HANDOFF_KEY, &saved.to_text()).map_err(|_| ())?;
    window().location().reload().map_err(|_| ())
}

/// What the start bundle handed over and the page to open, if this tab was
/// handed over (customer mode only); taken once, so a later reload goes by
/// the autosave. A value this page cannot read stays where it is.
pub fn take_handoff(mode: Mode) -> Option<(Saved, Journey)> {
    if mode != Mode::Customer {
        return None;
    }
    let s = window().session_storage().ok().flatten()?;
    let saved = Saved::parse(&s.get_item(HANDOFF_KEY).ok().flatten()?).ok()?;
    let page = match s.get_item(HANDOFF_PAGE_KEY).ok().flatten().as_deref() {
        Some("contractor") => Journey::Contractor,
        _ => Journey::Form,
    };
    let _ = s.remove_item(HANDOFF_KEY);
    let _ = s.remove_item(HANDOFF_PAGE_KEY);
    Some((saved, page))
}

/// The kiosk's storage wipe: the keys it owns (`crate::state::kiosk_wipes`)
/// in localStorage, which other tabs of the origin share, and this tab's
/// sessionStorage, which no other tab can see.
pub fn wipe_storage() {
    let forced = forced_mode() == Some(Mode::Kiosk);
    if let Some(s) = local() {
        // Keys first, removal after: removing shifts the indexes.
        let keys: Vec<String> = (0..s.length().unwrap_or(0))
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| crate::state::kiosk_wipes(k, forced))
            .collect();
        for k in keys {
            let _ = s.remove_item(&k);
        }
    }
    if let Ok(Some(s)) = window().session_storage() {
        let _ = s.clear();
    }
}

/// The kiosk's wipe: its storage (see [`wipe_storage`]), the address bar's
/// fragment and the scroll position. The cached app bundle stays.
pub fn wipe_all() {
    wipe_storage();
    clear_fragment();
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// While `on`, leaving the page (closing, reloading, Back/Forward) asks the
/// user first: the entries exist only in this tab.
pub fn warn_before_leaving() -> gloo::events::EventListener {
    // A passive listener (gloo's default) could not cancel the unload.
    let opts = gloo::events::EventListenerOptions::enable_prevent_default();
    gloo::events::EventListener::new_with_options(&window(), "beforeunload", opts, |e| {
        e.prevent_default();
        // Older Chromium asks only when returnValue is set.
        let _ = js_sys::Reflect::set(e, &"returnValue".into(), &"".into());
    })
}

/// Reads the file just chosen in a file control (`e` is its change): a
/// file over `max` bytes goes to `too_big` with its size, refused before
/// reading so it never reaches memory; any other goes to `read` as its
/// bytes (no decoding), or as the error the user reads when the browser
/// could not read it (removed, no permission). The control is emptied, so
/// that choosing the same file again (after fixing it) is a new choice.
pub fn read_chosen_file<F>(
    e: &yew::Event,
    max: usize,
    too_big: impl FnOnce(u64),
    read: impl FnOnce(Result<Vec<u8>, yekuo::case::CaseError>) -> F + 'static,
) where
    F: std::future::Future<Output = ()> + 'static,
{
    use yew::TargetCast;
    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    let size = file.size() as u64;
    if size > max as u64 {
        return too_big(size);
    }
    let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer());
    wasm_bindgen_futures::spawn_local(read_after(bytes, read));
}

async fn read_after<F: std::future::Future<Output = ()>>(
    bytes: wasm_bindgen_futures::JsFuture,
    read: impl FnOnce(Result<Vec<u8>, yekuo::case::CaseError>) -> F,
) {
    let bytes = match bytes.await {
        Ok(buf) => Ok(js_sys::Uint8Array::new(&buf).to_vec()),
        Err(_) => Err(yekuo::case::CaseError {
            field: ".".into(),
            line: None,
            message_en: "the browser could not read the file".into(),
            message_zh: "浏览器无法读取该文件".into(),
        }),
    };
    read(bytes).await
}

/// Offer `text` as a file download. Nothing is uploaded: the file is made in
/// the page and handed to the browser's download.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let doc = gloo::utils::document();
    if let Ok(a) = doc.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Print today's warning list of the clerk's worklist alone.
pub fn print_worklist() {
    let list = gloo::utils::body().class_list();
    let _ = list.add_1("print-worklist");
    let _ = window().print();
    let _ = list.remove_1("print-worklist");
}

/// Print the page; with `notice_only` the print stylesheet shows just the
/// one-time notice of missing documents.
pub fn print(notice_only: bool) {
    let body = gloo::utils::body();
    let list = body.class_list();
    if notice_only {
        let _ = list.add_1("print-notice");
    }
    let _ = window().print();
    let _ = list.remove_1("print-notice");
}

pub fn set_document_lang(tag: &str) {
    if let Some(el) = gloo::utils::document().document_element() {
        let _ = el.set_attribute("lang", tag);
    }
    // The tab's title is read first by a screen reader: in the page's language.
    gloo::utils::document().set_title(if tag == "en" {
        "Electricity connection pre-check · yekuo"
    } else {
        "业扩报装自助预检 · yekuo"
    });
}

/// Move focus to a form control (error summary links).
pub fn focus(id: &str) {
    let Some(el) = html_element(id) else { return };
    let _ = el.focus_with_options(&{
        let o = web_sys::FocusOptions::new();
        o.set_prevent_scroll(true);
        o
    });
    // A field is shown with its label and error: its `.field` box goes to
    // the middle of the screen, not the control alone to the top edge
    // (where a sticky header or the label above would be cut off).
    // A result (longer than a field) is shown from its top.
    let (target, block) = match el.closest(".field, .choice").ok().flatten() {
        Some(field) => (field, web_sys::ScrollLogicalPosition::Center),
        None if el.tag_name() == "FIELDSET" => (el.into(), web_sys::ScrollLogicalPosition::Center),
        None => (el.into(), web_sys::ScrollLogicalPosition::Start),
    };
    let o = web_sys::ScrollIntoViewOptions::new();
    o.set_block(block);
    target.scroll_into_view_with_scroll_into_view_options(&o);
}

/// Focus an element without scrolling the page (it is already in view).
pub fn focus_only(id: &str) {
    if let Some(el) = html_element(id) {
        let _ = el.focus();
    }
}

/// The element that has focus now, to give it back later.
pub fn active_element() -> Option<web_sys::HtmlElement> {
    gloo::utils::document()
        .active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Set the text of the input `id` (the restore link, written when its
/// panel opens).
pub fn set_input_value(id: &str, value: &str) {
    if let Some(input) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value(value);
    }
}

fn html_element(id: &str) -> Option<web_sys::HtmlElement> {
    gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}
