//! Sweep of the embedded calendar against an independent oracle (PyPI
//! `chinesecalendar`), whose answers `scripts/test` writes to `target/oracle/`
//! before running the tests. Without those files this test fails: it is part
//! of the test suite, not an optional extra.

use chrono::NaiveDate;
use std::path::PathBuf;
use yekuo::calendar::Calendar;

/// Days where our data deliberately differs from the oracle, each with the
/// reason. Anything else that differs fails the sweep.
const KNOWN_ORACLE_ERRORS: &[(&str, bool, &str)] = &[(
    "2005-12-31",
    true,
    "the 2006 notice makes Sat 2005-12-31 a working day (12月31日(星期六)上班); chinesecalendar 1.11.0 lists it as a rest day",
)];

fn oracle_file(name: &str) -> String {
    let dir = std::env::var_os("YEKUO_ORACLE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/oracle"));
    let path = dir.join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "oracle file {} is missing ({e}); run scripts/test (it installs chinesecalendar and writes it)",
            path.display()
        )
    })
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap_or_else(|_| panic!("bad oracle date {s}"))
}

fn rows(name: &str) -> Vec<Vec<String>> {
    oracle_file(name)
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

/// Is `d` one of the documented exceptions, and what do we say instead?
fn exception(d: NaiveDate) -> Option<bool> {
    KNOWN_ORACLE_ERRORS
        .iter()
        .find(|(s, _, _)| date(s) == d)
        .map(|(_, w, _)| *w)
}

#[test]
fn every_day_2004_to_2026_matches_the_oracle() {
    let cal = Calendar::national();
    let days = rows("days.tsv");
    assert_eq!(
        days.len(),
        8401,
        "the oracle should list every day 2004-01-01..2026-12-31"
    );
    let mut differences = Vec::new();
    for r in &days {
        let d = date(&r[0]);
        let oracle = r[1] == "1";
        let expected = exception(d).unwrap_or(oracle);
        if cal.is_working_day(d) != expected {
            differences.push(format!(
                "{d}: oracle {oracle}, yekuo {}",
                cal.is_working_day(d)
            ));
        }
    }
    assert!(
        differences.is_empty(),
        "differences from the oracle:\n{}",
        differences.join("\n")
    );
    // The documented exceptions really are exceptions (otherwise drop them).
    for (s, ours, _) in KNOWN_ORACLE_ERRORS {
        let r = days
            .iter()
            .find(|r| r[0] == *s)
            .expect("exception day in range");
        assert_ne!(r[1] == "1", *ours, "{s} no longer differs from the oracle");
    }
}

/// Queries whose walk crosses a documented exception day are skipped from the
/// comparison and counted, so the count is visible in the assertion below.
fn crosses_exception(a: NaiveDate, b: NaiveDate) -> bool {
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    KNOWN_ORACLE_ERRORS
        .iter()
        .any(|(s, _, _)| (lo..=hi).contains(&date(s)))
}

#[test]
fn add_working_days_matches_the_oracle() {
    let cal = Calendar::national();
    let rows = rows("add.tsv");
    assert!(rows.len() >= 10_000);
    let mut compared = 0;
    for r in &rows {
        let (start, n, want) = (date(&r[0]), r[1].parse::<i64>().unwrap(), date(&r[2]));
        if crosses_exception(start, want) {
            continue;
        }
        compared += 1;
        assert_eq!(
            cal.add_working_days(start, n),
            Some(want),
            "{start} {n:+} working days"
        );
    }
    assert!(
        compared > rows.len() * 99 / 100,
        "too few queries compared: {compared}"
    );
}

#[test]
fn count_working_days_matches_the_oracle() {
    let cal = Calendar::national();
    let rows = rows("count.tsv");
    assert!(rows.len() >= 1_000);
    let mut compared = 0;
    for r in &rows {
        let (a, b, want) = (date(&r[0]), date(&r[1]), r[2].parse::<i64>().unwrap());
        if crosses_exception(a, b) {
            continue;
        }
        compared += 1;
        assert_eq!(cal.working_days_between(a, b), want, "({a}, {b}]");
    }
    assert!(
        compared > rows.len() * 98 / 100,
        "too few queries compared: {compared}"
    );
}
