//! The import module (`www/import`), loaded the first time a case file or
//! a restore link is opened, or one is written: `www/boot.js` defines
//! `yekuoImport()`, which loads it once and resolves to its exports. It
//! reads a case (serde_json, located errors) and hands it over as the
//! autosave's text of the form's fields, which `Saved::parse` reads here
//! without serde; it writes the case file and link from the same text.

use crate::draft::Draft;
use crate::state::Saved;
use wasm_bindgen::{JsCast, JsValue};
use yekuo::case::CaseError;

fn failure(en: &str, zh: &str) -> CaseError {
    CaseError {
        field: ".".into(),
        line: None,
        message_en: en.into(),
        message_zh: zh.into(),
    }
}

/// The loaded module's exports. A copy without it (the single-file kiosk
/// build, which opens no case files) or a failed download (offline on a
/// first visit) is an error the user reads, and the form stays as it was.
async fn module() -> Result<JsValue, CaseError> {
    let unavailable = || {
        failure(
            "the code that reads case files could not be loaded; check the connection and try again",
            "读取案例文件的程序未能加载；请检查网络后重试",
        )
    };
    let load = js_sys::Reflect::get(&js_sys::global(), &"yekuoImport".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(unavailable)?;
    let promise = load
        .call0(&JsValue::NULL)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or_else(unavailable)?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|_| unavailable())
}

/// Call the module's `name` with `arg`: what it returns, or its error.
async fn invoke(name: &str, arg: &JsValue) -> Result<JsValue, CaseError> {
    let m = module().await?;
    let f = js_sys::Reflect::get(&m, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| {
            failure(
                "the code that reads case files is of another version; reload the page",
                "读取案例文件的程序版本不符；请刷新页面",
            )
        })?;
    f.call1(&JsValue::NULL, arg).map_err(|e| case_error(&e))
}

/// Call the module's reader `name` with `arg`: its text handed over as a
/// draft, or `None` for `undefined` (a fragment without a case).
async fn call(name: &str, arg: &JsValue) -> Option<Result<Box<Draft>, CaseError>> {
    match invoke(name, arg).await {
        Ok(v) if v.is_undefined() => None,
        Ok(v) => {
            let text = v.as_string().unwrap_or_default();
            Some(Saved::parse(&text).map(|s| Box::new(s.draft)).map_err(|e| {
                failure(
                    &format!("the case could not be taken over: {e}"),
                    &format!("案例未能载入表单: {e}"),
                )
            }))
        }
        Err(e) => Some(Err(e)),
    }
}

/// The case file and the restore link's fragment for a draft.
pub async fn write_case(draft: &Draft) -> Result<(String, String), CaseError> {
    let text = Saved::of_draft(draft.clone()).to_text();
    let pair = invoke("write_case", &JsValue::from(text)).await?;
    let part = |i| {
        js_sys::Reflect::get_u32(&pair, i)
            .ok()
            .and_then(|v| v.as_string())
    };
    part(0)
        .zip(part(1))
        .ok_or_else(|| failure("the module returned no case file", "模块未返回案例文件"))
}

/// The module's `[field, line or null, English, Chinese]`.
fn case_error(e: &JsValue) -> CaseError {
    let part = |i: u32| js_sys::Reflect::get_u32(e, i).unwrap_or(JsValue::UNDEFINED);
    CaseError {
        field: part(0).as_string().unwrap_or_else(|| ".".into()),
        line: part(1).as_f64().map(|l| l as usize),
        message_en: part(2)
            .as_string()
            .unwrap_or_else(|| "the case file could not be read".into()),
        message_zh: part(3)
            .as_string()
            .unwrap_or_else(|| "案例文件无法读取".into()),
    }
}

/// Read a case file's bytes into a draft, or say exactly what is wrong.
pub async fn read_case(bytes: Vec<u8>) -> Result<Box<Draft>, CaseError> {
    let arg = js_sys::Uint8Array::from(bytes.as_slice());
    call("read_case", &arg.into())
        .await
        .unwrap_or_else(|| Err(failure("no case", "没有案例")))
}

/// The case a restore link's fragment carries; `None` when it carries none.
pub async fn read_fragment(fragment: String) -> Option<Result<Box<Draft>, CaseError>> {
    call("read_fragment", &JsValue::from(fragment)).await
}

/// The cases of a JSONL file, each line's case or its located error; an
/// error for the whole file when the module cannot be loaded.
pub async fn read_batch(bytes: Vec<u8>) -> Result<Vec<Result<Draft, CaseError>>, CaseError> {
    let arg = js_sys::Uint8Array::from(bytes.as_slice());
    let lines = invoke("read_batch", &arg.into()).await?;
    let lines: js_sys::Array = lines.unchecked_into();
    Ok(lines
        .iter()
        .map(|v| match v.as_string() {
            Some(text) => Saved::parse(&text).map(|s| s.draft).map_err(|e| {
                failure(
                    &format!("the case could not be taken over: {e}"),
                    &format!("案例未能载入: {e}"),
                )
            }),
            None => Err(case_error(&v)),
        })
        .collect())
}

/// The worklist's JSONL file for the forms' texts (one per line).
pub async fn write_batch(fields_texts: String) -> Result<String, CaseError> {
    let out = invoke("write_batch", &JsValue::from(fields_texts)).await?;
    out.as_string()
        .ok_or_else(|| failure("the module returned no file", "模块未返回文件"))
}
