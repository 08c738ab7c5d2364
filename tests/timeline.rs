//! The timeline's step states (what the app's chart and list show), on S0
//! case 1's completion inspection (cases.md C1: requested 2010-06-15,
//! inspected Saturday 2010-06-26; due 2010-06-23 under the SGCC 2010
//! specification and 2010-06-25 under the 监管办法, as in the golden file).
//! Working-day counts come from PyPI `chinesecalendar` (the oracle of
//! `tests/oracle_sweep.rs`), counted after the first day up to the second:
//! 06-23→06-26: 2, 06-25→06-26: 0, 06-21→06-23: 2, 06-23→07-01: 6,
//! 06-25→07-01: 4.

use chrono::NaiveDate;
use yekuo::report::{Report, Step, StepStatus};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// S0 case 1 as of `as_of`, with some dates set (`Some`) or removed (`None`).
fn s0(dates: &[(&str, Option<&str>)], as_of: &str) -> Report {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/s0-case1-110kv.json"
    ))
    .unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let map = v["dates"].as_object_mut().unwrap();
    for (k, day) in dates {
        match day {
            Some(day) => map.insert(k.to_string(), (*day).into()),
            None => map.remove(*k),
        };
    }
    let case = yekuo::case::parse_case(&v.to_string()).unwrap();
    yekuo::eval::evaluate(yekuo::rulebook::Rulebook::embedded(), &case, d(as_of))
}

/// The inspection, its pass and power-on not yet happened.
const NOT_INSPECTED: [(&str, Option<&str>); 3] = [
    ("inspected", None),
    ("inspection_passed", None),
    ("power_on", None),
];

/// The completion inspection's status under each instrument, by instrument id.
fn inspection(r: &Report) -> Vec<(String, NaiveDate, StepStatus)> {
    let step = r
        .timeline
        .iter()
        .find(|s| s.step == Step::CompletionInspection)
        .expect("S0 has a completion inspection step");
    step.due
        .iter()
        .map(|d| (d.instrument.to_string(), d.due, d.status))
        .collect()
}

fn status_of(r: &Report, instrument: &str) -> StepStatus {
    let all = inspection(r);
    all.iter()
        .find(|(i, ..)| i == instrument)
        .unwrap_or_else(|| panic!("no {instrument} in {all:?}"))
        .2
}

#[test]
fn done_late_counts_calendar_and_working_days() {
    let r = s0(&[], "2010-07-01");
    assert_eq!(
        status_of(&r, "sgcc-yekuo-spec-2010"),
        StepStatus::DoneLate {
            days_late: 3,
            working_days_late: 2
        }
    );
    // One day late, on a Saturday: no working day late.
    assert_eq!(
        status_of(&r, "gdjgbf-2010"),
        StepStatus::DoneLate {
            days_late: 1,
            working_days_late: 0
        }
    );
}

#[test]
fn done_on_the_due_day_is_on_time() {
    // Inspected on the 监管办法's due day itself.
    let r = s0(&[("inspected", Some("2010-06-25"))], "2010-07-01");
    assert_eq!(status_of(&r, "gdjgbf-2010"), StepStatus::DoneOnTime);
    assert_eq!(
        status_of(&r, "sgcc-yekuo-spec-2010"),
        StepStatus::DoneLate {
            days_late: 2,
            working_days_late: 2
        }
    );
}

#[test]
fn open_steps_count_down_then_up() {
    let before = s0(&NOT_INSPECTED, "2010-06-21");
    assert_eq!(
        status_of(&before, "sgcc-yekuo-spec-2010"),
        StepStatus::DueIn { working_days: 2 }
    );
    // On the due day itself the step is still due, with nothing left.
    let on_the_day = s0(&NOT_INSPECTED, "2010-06-23");
    assert_eq!(
        status_of(&on_the_day, "sgcc-yekuo-spec-2010"),
        StepStatus::DueIn { working_days: 0 }
    );
    let after = s0(&NOT_INSPECTED, "2010-07-01");
    assert_eq!(
        status_of(&after, "sgcc-yekuo-spec-2010"),
        StepStatus::OverdueBy { working_days: 6 }
    );
    assert_eq!(
        status_of(&after, "gdjgbf-2010"),
        StepStatus::OverdueBy { working_days: 4 }
    );
}
