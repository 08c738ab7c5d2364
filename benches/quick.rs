//! A quick timing of the two hot paths, until criterion benches land (issue 4).
//! Run: `cargo bench --bench quick`.

use std::hint::black_box;
use std::time::Instant;
use yekuo::calendar::Calendar;

fn main() {
    let cal = Calendar::national();
    let start: chrono::NaiveDate = "2004-01-01".parse().unwrap();
    let n: u64 = std::env::var("YEKUO_BENCH_QUERIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let t = Instant::now();
    let mut acc = 0i64;
    for i in 0..n {
        let d = start + chrono::Days::new(i % 8000);
        let due = cal
            .add_working_days(black_box(d), black_box((i % 40) as i64 + 1))
            .unwrap();
        acc += cal.working_days_between(d, due);
    }
    let per = t.elapsed().as_nanos() as f64 / (2 * n) as f64;
    println!("calendar query (add or count): {per:.1} ns each ({acc})");

    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/s0-case1-110kv.json"
    ))
    .unwrap();
    let case = yekuo::case::parse_case(&text).unwrap();
    let book = yekuo::rulebook::Rulebook::embedded();
    let as_of = "2010-07-01".parse().unwrap();
    let m: u32 = std::env::var("YEKUO_BENCH_EVALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let t = Instant::now();
    for _ in 0..m {
        black_box(yekuo::eval::evaluate(book, black_box(&case), as_of));
    }
    println!(
        "evaluate (S0 case 1): {:.1} µs each",
        t.elapsed().as_micros() as f64 / f64::from(m)
    );
    let t = Instant::now();
    for _ in 0..m {
        black_box(yekuo::case::parse_case(black_box(&text)).unwrap());
    }
    println!(
        "parse case (S0 case 1): {:.1} µs each",
        t.elapsed().as_micros() as f64 / f64::from(m)
    );
}
