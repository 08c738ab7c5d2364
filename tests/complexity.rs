//! Growth with list length (issue 11, D6): a case with 100 times the
//! contractors, pauses and circuits may cost about 100 times the work and
//! output, never its square. Absolute times are the benchmark's business
//! (`scripts/bench`, docs/performance.md); here only loose ratios are
//! asserted, far from both linear (100) and quadratic (10,000), so the test
//! does not flake on a busy machine.

use chrono::NaiveDate;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use yekuo::eval::{evaluate, summarize};
use yekuo::rulebook::Rulebook;

fn scaled(rows: usize) -> yekuo::case::Case {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/s0-case1-110kv.json"
    ))
    .unwrap();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    let c = v["contractors"][0].clone();
    v["contractors"] = (0..rows)
        .map(|i| {
            let mut c = c.clone();
            c["name"] = json!(format!("c{i}"));
            c
        })
        .collect();
    let first = NaiveDate::from_ymd_opt(2009, 1, 20).unwrap();
    v["paused"] = (0..rows as u64)
        .map(|i| {
            let d = (first + chrono::Days::new(3 * i)).to_string();
            json!({ "from": d, "to": d })
        })
        .collect();
    v["supply"]["circuits"] = (0..rows)
        .map(|i| json!({ "substation": format!("S{}", i % 7), "bus_section": format!("B{}", i % 3) }))
        .collect();
    yekuo::case::parse_case(&v.to_string()).unwrap()
}

/// The fastest of three runs: the least disturbed by other work.
fn fastest(f: impl Fn()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
fn work_and_output_grow_in_proportion_to_the_lists() {
    let book = Rulebook::embedded();
    let as_of = NaiveDate::from_ymd_opt(2010, 7, 1).unwrap();
    let (small, large) = (scaled(30), scaled(3000));

    let bytes = |c| serde_json::to_vec(&evaluate(book, c, as_of)).unwrap().len() as f64;
    let findings = |c| evaluate(book, c, as_of).findings.len() as f64;
    let summary_bytes = |c| {
        serde_json::to_vec(&summarize(book, c, as_of))
            .unwrap()
            .len() as f64
    };
    for (what, ratio) in [
        ("findings", findings(&large) / findings(&small)),
        ("report bytes", bytes(&large) / bytes(&small)),
        (
            "summary bytes",
            summary_bytes(&large) / summary_bytes(&small),
        ),
    ] {
        // Exactly linear in the rows would be 100; the fixed part of a
        // report makes it less.
        assert!(ratio <= 110.0, "{what} grew {ratio:.0}x for 100x the rows");
    }

    let t_small = fastest(|| drop(evaluate(book, &small, as_of)));
    let t_large = fastest(|| drop(evaluate(book, &large, as_of)));
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
    // Quadratic work would be about 10,000x; a factor of ten above linear
    // leaves room for a noisy machine.
    assert!(
        ratio < 1000.0,
        "evaluation took {ratio:.0}x as long for 100x the rows ({t_small:?} → {t_large:?})"
    );
}
