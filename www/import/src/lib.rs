//! The import module: what the page needs only when a case file or a
//! restore link is opened, built as a wasm module of its own and loaded on
//! demand (`www/boot.js` `yekuoImport`, `yekuo_www::view::lazy`). Reading a
//! case file with its located errors takes serde_json's deserialiser for
//! every case type: 37.7 KB gzip that the first load no longer carries
//! (issue 16).
//!
//! It hands a case over as the autosave's text of its form fields
//! (`state::Saved`), which the page reads without serde, and an error as
//! `[field, line or null, English, Chinese]`.
#![forbid(unsafe_code)]

use yekuo_www::draft::Draft;
use yekuo_www::state::Saved;

/// A read case as the text the page's autosave reader takes.
pub fn handover(draft: Draft) -> String {
    Saved::of_draft(draft).to_text()
}

#[cfg(target_arch = "wasm32")]
mod exports {
    use super::*;
    use wasm_bindgen::prelude::*;
    use yekuo::case::CaseError;

    fn error(e: &CaseError) -> JsValue {
        let line = e.line.map_or(JsValue::NULL, |l| JsValue::from(l as f64));
        js_sys::Array::of4(
            &JsValue::from(e.field.as_str()),
            &line,
            &JsValue::from(e.message_en.as_str()),
            &JsValue::from(e.message_zh.as_str()),
        )
        .into()
    }

    /// A case file's bytes (`case::parse_case_bytes`: encodings named,
    /// located errors) as the form's fields.
    #[wasm_bindgen]
    pub fn read_case(bytes: &[u8]) -> Result<String, JsValue> {
        yekuo_www::share::read_case_bytes(bytes)
            .map(|d| handover(*d))
            .map_err(|e| error(&e))
    }

    /// The case a page address's fragment carries (`share::read_fragment`);
    /// `undefined` when it carries none.
    #[wasm_bindgen]
    pub fn read_fragment(fragment: &str) -> Result<Option<String>, JsValue> {
        yekuo_www::share::read_fragment(fragment)
            .map(|r| r.map(|d| handover(*d)).map_err(|e| error(&e)))
            .transpose()
    }
}
