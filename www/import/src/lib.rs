//! The import module: what the page needs only when a case file or a
//! restore link is opened, built as a wasm module of its own and loaded on
//! demand (`www/boot.js` `yekuoImport`, `yekuo_www::view::lazy`). Reading a
//! case file with its located errors takes serde_json's deserialiser for
//! every case type: 37.7 KB gzip that the first load no longer carries
//! (issue 16).
//!
//! It also writes them (the case file on export, the restore link when its
//! panel opens): serde_json's serialiser for every case type is 5.6 KB gzip
//! more. Cases cross between the modules as the autosave's text of the
//! form's fields (`state::Saved`), which the page reads and writes without
//! serde, and an error as `[field, line or null, English, Chinese]`.
#![forbid(unsafe_code)]

use yekuo::case::CaseError;
use yekuo_www::draft::Draft;
use yekuo_www::state::Saved;

/// A read case as the text the page's autosave reader takes.
pub fn handover(draft: Draft) -> String {
    Saved::of_draft(draft).to_text()
}

/// The case file and the restore link's fragment for the form's fields (the
/// text `Saved::to_text` writes), read as the page reads its form.
///
/// # Errors
/// The text is no saved form, or the form holds no case yet (no customer
/// category or business).
pub fn write_case(fields_text: &str) -> Result<(String, String), CaseError> {
    let failed = |en: String, zh: String| CaseError {
        field: ".".into(),
        line: None,
        message_en: en,
        message_zh: zh,
    };
    let saved = Saved::parse(fields_text).map_err(|e| failed(e.clone(), e))?;
    let case = saved.draft.check().case.ok_or_else(|| {
        failed(
            "choose the customer category and business first".into(),
            "请先选择客户类别和业务".into(),
        )
    })?;
    Ok((
        yekuo_www::share::case_file(&case),
        yekuo_www::share::fragment_for(&case),
    ))
}

/// A JSONL file of cases (the CLI's batch format, one case file per line)
/// read line by line: each non-blank line's case as the form's fields, or
/// its error with the line's number in the file. A bad line does not stop
/// the others.
pub fn read_batch(bytes: &[u8]) -> Vec<Result<String, CaseError>> {
    bytes
        .split(|b| *b == b'\n')
        .enumerate()
        .filter(|(_, line)| !line.iter().all(u8::is_ascii_whitespace))
        .map(|(i, line)| {
            yekuo_www::share::read_case_bytes(line)
                .map(|d| handover(*d))
                .map_err(|mut e| {
                    e.line = Some(i + 1);
                    e
                })
        })
        .collect()
}

/// The JSONL file of the worklist: one line per case, from the form fields'
/// texts given one per line. A form that holds no case yet (no category or
/// business) has no line; nor has a text that is no saved form.
pub fn write_batch(fields_texts: &str) -> String {
    let mut out = String::new();
    for text in fields_texts.lines() {
        let Some(case) = Saved::parse(text).ok().and_then(|s| s.draft.check().case) else {
            continue;
        };
        out.push_str(&yekuo_www::share::case_line(&case));
        out.push('\n');
    }
    out
}

#[cfg(target_arch = "wasm32")]
mod exports {
    use super::*;
    use wasm_bindgen::prelude::*;

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

    /// `[case file, restore fragment]` for the form's fields.
    #[wasm_bindgen(js_name = write_case)]
    pub fn write_case_js(fields_text: &str) -> Result<js_sys::Array, JsValue> {
        let (file, fragment) = write_case(fields_text).map_err(|e| error(&e))?;
        Ok(js_sys::Array::of2(&file.into(), &fragment.into()))
    }

    /// A JSONL file's cases ([`super::read_batch`]): for each non-blank
    /// line, the form's fields or the error array.
    #[wasm_bindgen(js_name = read_batch)]
    pub fn read_batch_js(bytes: &[u8]) -> js_sys::Array {
        super::read_batch(bytes)
            .into_iter()
            .map(|r| match r {
                Ok(text) => JsValue::from(text),
                Err(e) => error(&e),
            })
            .collect()
    }

    /// The worklist's JSONL file ([`super::write_batch`]).
    #[wasm_bindgen(js_name = write_batch)]
    pub fn write_batch_js(fields_texts: &str) -> String {
        super::write_batch(fields_texts)
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
