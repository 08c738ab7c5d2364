//! Measurement hooks for `scripts/bench` (issue 4), exported to JavaScript:
//! the same evaluator and calendar the page uses, driven in bulk so that a
//! benchmark in the browser measures Rust, not the DOM. They read nothing
//! from the page and change nothing in it.

use chrono::NaiveDate;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yekuo::calendar::Calendar;

fn day(n: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(NaiveDate::MIN)
}

/// `runs` batches of `batch` evaluations of a case as of a day; returns the
/// mean time of each batch, in microseconds per evaluation. The case comes
/// as the import module hands a case file over (`read_case`: the autosave's
/// text of the form's fields) and is read as the page reads its form, so
/// this times the evaluation the page runs.
#[wasm_bindgen]
pub fn probe_evaluate(
    fields_text: &str,
    as_of: &str,
    runs: u32,
    batch: u32,
) -> Result<Vec<f64>, JsError> {
    let saved = crate::state::Saved::parse(fields_text).map_err(|e| JsError::new(&e))?;
    let case = saved
        .draft
        .check()
        .case
        .ok_or_else(|| JsError::new("the form holds no complete case"))?;
    let as_of = yekuo::day::parse_iso(as_of).ok_or_else(|| JsError::new("as_of: YYYY-MM-DD"))?;
    let book = yekuo::rulebook::Rulebook::embedded();
    let perf = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or_else(|| JsError::new("no performance clock"))?;
    let batch = batch.max(1);
    let mut out = Vec::with_capacity(runs as usize);
    for _ in 0..runs {
        let t0 = perf.now();
        for _ in 0..batch {
            let r = yekuo::eval::evaluate(book, &case, as_of);
            std::hint::black_box(&r);
        }
        out.push((perf.now() - t0) * 1000.0 / f64::from(batch));
    }
    Ok(out)
}

/// For each `(start, n)`: the n-th working day after start. Days are counted
/// from 0001-01-01 = 1 (chrono's `num_days_from_ce`); 0 means out of range.
#[wasm_bindgen]
pub fn probe_add_working_days(starts: &[i32], ns: &[i32]) -> Vec<i32> {
    let cal = Calendar::national();
    starts
        .iter()
        .zip(ns)
        .map(|(&s, &n)| {
            cal.add_working_days(day(s), i64::from(n))
                .map_or(0, |d| chrono::Datelike::num_days_from_ce(&d))
        })
        .collect()
}

/// For each `(from, to)`: working days after `from` up to and including `to`.
#[wasm_bindgen]
pub fn probe_count_working_days(froms: &[i32], tos: &[i32]) -> Vec<i32> {
    let cal = Calendar::national();
    froms
        .iter()
        .zip(tos)
        .map(|(&f, &t)| cal.working_days_between(day(f), day(t)) as i32)
        .collect()
}

/// Bytes of wasm linear memory now in use by the app.
#[wasm_bindgen]
pub fn probe_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| {
            m.buffer()
                .dyn_into::<js_sys::ArrayBuffer>()
                .map(|b| b.byte_length() as f64)
                .unwrap_or(0.0)
        })
        .unwrap_or(0.0)
}
