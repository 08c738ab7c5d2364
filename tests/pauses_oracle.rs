//! Deadlines with customer pauses (CAL-10) against a deliberately simple
//! reference: walk day by day from the start, count a day when it is a
//! working day and inside no pause, stop at the n-th. No merging, no jumps,
//! nothing clever, so nothing to get wrong in the same way as the real one.
//!
//! The pause sets are drawn to be awkward: long (longer than the limit),
//! overlapping, repeated, touching, in any order, starting before the
//! clock starts. The issue-11 cases D1 and D2 are pinned below too.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use yekuo::calendar::pauses::deadline;
use yekuo::calendar::Calendar;

/// The reference: (due, paused working days before it).
fn walk(
    cal: &Calendar,
    start: NaiveDate,
    n: i64,
    pauses: &[(NaiveDate, NaiveDate)],
) -> (NaiveDate, i64) {
    let paused = |d: NaiveDate| pauses.iter().any(|&(a, b)| a <= d && d <= b);
    let (mut day, mut counted, mut skipped) = (start, 0, 0);
    while counted < n {
        day = day.succ_opt().unwrap();
        if cal.is_working_day(day) {
            if paused(day) {
                skipped += 1;
            } else {
                counted += 1;
            }
        }
    }
    (day, skipped)
}

fn day(s: &str) -> NaiveDate {
    yekuo::day::parse_iso(s).unwrap()
}

#[test]
fn issue_11_d1_a_pause_longer_than_the_limit() {
    let cal = Calendar::national();
    let p = [(day("2024-03-22"), day("2024-04-19"))];
    let d = deadline(cal, day("2024-03-01"), 15, p).unwrap();
    assert_eq!((d.due, d.paused_working_days), (day("2024-04-22"), 20));
    assert_eq!(walk(cal, day("2024-03-01"), 15, &p), (d.due, 20));
}

#[test]
fn issue_11_d2_overlapping_pauses_count_once() {
    let cal = Calendar::national();
    let p = [
        (day("2009-03-03"), day("2009-03-16")),
        (day("2009-03-10"), day("2009-03-16")),
    ];
    let d = deadline(cal, day("2009-03-02"), 15, p).unwrap();
    assert_eq!((d.due, d.paused_working_days), (day("2009-04-07"), 10));
}

#[test]
fn a_year_long_pause_and_many_short_ones() {
    let cal = Calendar::national();
    let start = day("2015-01-05");
    let mut p = vec![(day("2015-02-01"), day("2016-02-01"))];
    // Every other day for a year: hundreds of pauses, each reached only
    // because the ones before it pushed the deadline out.
    let mut d = day("2016-03-01");
    for _ in 0..180 {
        p.push((d, d));
        d = d + Days::new(2);
    }
    let got = deadline(cal, start, 60, p.iter().copied()).unwrap();
    assert_eq!((got.due, got.paused_working_days), walk(cal, start, 60, &p));
}

/// A pause as offsets from the start: it may begin before the start, last
/// longer than the limit, or be empty (`to` before `from`).
fn pauses() -> impl Strategy<Value = Vec<(i64, i64)>> {
    let one = (
        -40i64..200,
        prop_oneof![0i64..15, 0i64..90, -3i64..0, 100i64..400],
    );
    prop::collection::vec(one, 0..8)
        .prop_flat_map(|v| {
            // Repeat some pauses exactly, as a user pasting a row twice would.
            let n = v.len();
            (Just(v), prop::collection::vec(0..n.max(1), 0..3))
        })
        .prop_map(|(mut v, repeats)| {
            for i in repeats {
                if let Some(&p) = v.get(i) {
                    v.push(p);
                }
            }
            v
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn deadline_agrees_with_the_day_by_day_walk(
        start_offset in 0i64..8400,
        n in 1i64..90,
        spans in pauses(),
    ) {
        let cal = Calendar::national();
        // 2004-01-01 + up to 23 years: inside the calendar data and past it.
        let start = day("2004-01-01") + Days::new(start_offset as u64);
        let at = |o: i64| if o >= 0 {
            start + Days::new(o as u64)
        } else {
            start - Days::new((-o) as u64)
        };
        let p: Vec<(NaiveDate, NaiveDate)> =
            spans.iter().map(|&(from, len)| (at(from), at(from + len))).collect();
        let got = deadline(cal, start, n, p.iter().copied()).unwrap();
        let want = walk(cal, start, n, &p);
        prop_assert_eq!((got.due, got.paused_working_days), want, "start {} n {} pauses {:?}", start, n, p);
    }
}
