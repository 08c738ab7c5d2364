//! The golden harness: every data file under `tests/golden/` is run here.
//!
//! * `calendar.toml`: calendar and period edge cases (cases.md C9, catalog §11).
//! * `cases/*.json`: one scenario each, a case plus its expected findings
//!   (partial match: rule id, outcome, regime and key dates).

mod golden_support;

use chrono::NaiveDate;
use serde::Deserialize;
use yekuo::calendar::Calendar;
use yekuo::period;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarTable {
    #[serde(default)]
    add: Vec<AddRow>,
    #[serde(default)]
    count: Vec<CountRow>,
    #[serde(default)]
    months: Vec<MonthsRow>,
    #[serde(default)]
    rollover: Vec<RolloverRow>,
    #[serde(default)]
    backward: Vec<BackwardRow>,
    #[serde(default)]
    workday: Vec<WorkdayRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AddRow {
    id: String,
    start: NaiveDate,
    n: i64,
    expect: NaiveDate,
    #[allow(dead_code)]
    why: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountRow {
    id: String,
    from: NaiveDate,
    to: NaiveDate,
    expect: i64,
    #[allow(dead_code)]
    why: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MonthsRow {
    id: String,
    start: NaiveDate,
    n: u32,
    expect: NaiveDate,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RolloverRow {
    id: String,
    nominal: NaiveDate,
    expect: NaiveDate,
    holiday: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BackwardRow {
    id: String,
    expiry: NaiveDate,
    days: u32,
    nominal: NaiveDate,
    advised: NaiveDate,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkdayRow {
    date: NaiveDate,
    expect: bool,
    #[allow(dead_code)]
    why: Option<String>,
}

#[test]
fn calendar_table() {
    let text = std::fs::read_to_string(golden_support::dir().join("calendar.toml")).unwrap();
    let t: CalendarTable = toml::from_str(&text).unwrap();
    let cal = Calendar::national();
    let mut failures = Vec::new();
    for r in &t.add {
        let got = cal.add_working_days(r.start, r.n);
        if got != Some(r.expect) {
            failures.push(format!(
                "{}: {} {:+} WD = {:?}, expected {}",
                r.id, r.start, r.n, got, r.expect
            ));
        }
        // Round trip: the answer is a working day exactly n working days away.
        if r.n > 0 {
            assert_eq!(
                cal.working_days_between(r.start, r.expect),
                r.n,
                "{} round trip",
                r.id
            );
        }
    }
    for r in &t.count {
        let got = cal.working_days_between(r.from, r.to);
        if got != r.expect {
            failures.push(format!(
                "{}: WD in ({}, {}] = {got}, expected {}",
                r.id, r.from, r.to, r.expect
            ));
        }
    }
    for r in &t.months {
        let got = period::end_of_months(r.start, r.n);
        if got != Some(r.expect) {
            failures.push(format!(
                "{}: {} + {} months = {:?}, expected {}",
                r.id, r.start, r.n, got, r.expect
            ));
        }
    }
    for r in &t.rollover {
        let got = period::rollover(cal, r.nominal);
        let want = period::Rollover {
            nominal: r.nominal,
            rolled: r.expect,
            holiday: r.holiday,
        };
        if got.as_ref() != Some(&want) {
            failures.push(format!(
                "{}: rollover of {} = {:?}, expected {:?}",
                r.id, r.nominal, got, want
            ));
        }
    }
    for r in &t.backward {
        let got = period::backward(cal, r.expiry, r.days);
        let want = period::BackwardDeadline {
            nominal: r.nominal,
            advised: r.advised,
        };
        if got.as_ref() != Some(&want) {
            failures.push(format!(
                "{}: {} - {} days = {:?}, expected {:?}",
                r.id, r.expiry, r.days, got, want
            ));
        }
    }
    for r in &t.workday {
        if cal.is_working_day(r.date) != r.expect {
            failures.push(format!("{}: working day should be {}", r.date, r.expect));
        }
    }
    assert!(
        failures.is_empty(),
        "calendar golden failures:\n{}",
        failures.join("\n")
    );
    assert!(
        t.add.len() >= 12 && t.count.len() >= 1 && t.months.len() >= 4,
        "the table lost rows"
    );
}
