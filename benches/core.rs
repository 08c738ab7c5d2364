//! Criterion benches of the core's hot paths (issue 4). `scripts/bench`
//! runs them and copies the estimates into docs/performance.md.
//!
//! The calendar queries are the same mix as the peer comparison: starts
//! spread over 2004–2026, offsets of 1–40 working days.

use chrono::{Days, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use yekuo::calendar::Calendar;
use yekuo::rulebook::Rulebook;

fn s0_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/s0-case1-110kv.json"
    ))
    .unwrap()
}

fn queries() -> Vec<(NaiveDate, i64)> {
    let start = NaiveDate::from_ymd_opt(2004, 1, 1).unwrap();
    (0..1024u64)
        .map(|i| (start + Days::new(i * 7919 % 8300), (i % 40) as i64 + 1))
        .collect()
}

fn calendar(c: &mut Criterion) {
    let cal = Calendar::national();
    let qs = queries();
    let mut g = c.benchmark_group("calendar");
    g.throughput(Throughput::Elements(qs.len() as u64));
    g.bench_function("add_working_days", |b| {
        b.iter(|| {
            qs.iter()
                .map(|&(d, n)| cal.add_working_days(black_box(d), black_box(n)))
                .filter(Option::is_some)
                .count()
        })
    });
    let pairs: Vec<(NaiveDate, NaiveDate)> = qs
        .iter()
        .map(|&(d, n)| (d, d + Days::new(n as u64 * 2)))
        .collect();
    g.bench_function("working_days_between", |b| {
        b.iter(|| {
            pairs
                .iter()
                .map(|&(a, z)| cal.working_days_between(black_box(a), black_box(z)))
                .sum::<i64>()
        })
    });
    g.bench_function("is_working_day", |b| {
        b.iter(|| {
            qs.iter()
                .filter(|&&(d, _)| cal.is_working_day(black_box(d)))
                .count()
        })
    });
    g.finish();
}

fn case(c: &mut Criterion) {
    let text = s0_text();
    let case = yekuo::case::parse_case(&text).unwrap();
    let book = Rulebook::embedded();
    let as_of = NaiveDate::from_ymd_opt(2010, 7, 1).unwrap();
    let mut g = c.benchmark_group("case");
    g.bench_function("parse_s0", |b| {
        b.iter(|| yekuo::case::parse_case(black_box(&text)).unwrap())
    });
    g.bench_function("evaluate_s0", |b| {
        b.iter(|| yekuo::eval::evaluate(book, black_box(&case), as_of))
    });
    g.bench_function("summarize_s0", |b| {
        b.iter(|| yekuo::eval::summarize(book, black_box(&case), as_of))
    });
    // What `yekuo due` computes per case (issue 15): the TL and PLAN
    // families alone, read back into next deadlines.
    g.bench_function("next_deadlines_s0", |b| {
        b.iter(|| yekuo::eval::due::next_deadlines(book, black_box(&case), as_of, 3))
    });
    g.bench_function("summary_json_s0", |b| {
        let s = yekuo::eval::summarize(book, &case, as_of);
        b.iter(|| serde_json::to_string(black_box(&s)).unwrap())
    });
    g.bench_function("report_json_s0", |b| {
        let r = yekuo::eval::evaluate(book, &case, as_of);
        b.iter(|| serde_json::to_string(black_box(&r)).unwrap())
    });
    g.finish();
}

fn loading(c: &mut Criterion) {
    let files: Vec<(String, String)> = yekuo::rulebook::EMBEDDED
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let mut g = c.benchmark_group("load");
    g.sample_size(20);
    g.bench_function("rulebook_from_files", |b| {
        b.iter(|| Rulebook::from_files(black_box(files.clone())).unwrap())
    });
    g.finish();
}

criterion_group!(benches, calendar, case, loading);
criterion_main!(benches);
