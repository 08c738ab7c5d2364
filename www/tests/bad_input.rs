//! Bad dates and numbers (issue 14, item 6): a control holding no real
//! date, a step dated in the future, full-width digits, and the results
//! held back while a field they read has an error. The dates are the
//! catalog's S0 case 1 (examples/s0-case1-110kv.json) and days counted by
//! hand.

use chrono::NaiveDate;
use std::path::Path;
use yekuo::case::parse_case;
use yekuo::rulebook::Rulebook;
use yekuo_www::draft::{ascii, hold_back, Draft, Input};
use yekuo_www::state::{Action, Mode, State};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn s0() -> Draft {
    let json = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/s0-case1-110kv.json"),
    )
    .unwrap();
    Draft::from_case(&parse_case(&json).unwrap())
}

fn resident(entries: &[(&str, &str)]) -> Draft {
    let mut d = Draft::default();
    d.set("customer.category", Input::Text("resident".into()));
    d.set("customer.business", Input::Text("new".into()));
    for (k, v) in entries {
        d.set(k, Input::Text((*v).into()));
    }
    d
}

#[test]
fn full_width_digits_read_as_ascii() {
    assert_eq!(ascii("８"), "8");
    assert_eq!(ascii("２０２４－０３－０１"), "2024-03-01");
    assert_eq!(ascii("０．３８"), "0.38");
    assert_eq!(ascii("　１０　"), " 10 ");
    assert_eq!(ascii("2024-03-01"), "2024-03-01");
    // Other characters are left as they are (and refused where refused).
    assert_eq!(ascii("八"), "八");
}

/// A quantity is plain digits with at most one point, as people write it
/// (`yekuo::decimal::parse`): anything else gets a located error in both
/// languages, the rest of the form is read, and the text stays as typed.
#[test]
fn a_quantity_is_digits_and_a_point_and_anything_else_is_located() {
    for (typed, kva) in [
        ("12.5", 12.5),
        ("０．３８", 0.38),
        (" 80 ", 80.0),
        (".5", 0.5),
    ] {
        let c = resident(&[("customer.capacity_kva", typed)]).check();
        assert_eq!(c.errors, vec![], "{typed}");
        assert_eq!(c.case.unwrap().customer.capacity_kva, Some(kva), "{typed}");
    }
    for typed in ["1e3", "-5", "+5", "inf", "1,000", "0", "十", "1.2.3"] {
        let d = resident(&[
            ("customer.capacity_kva", typed),
            ("dates.accepted", "2024-03-01"),
        ]);
        let c = d.check();
        assert_eq!(c.errors.len(), 1, "{typed}");
        let e = &c.errors[0];
        assert_eq!(e.field, "customer.capacity_kva");
        assert!(
            e.zh.contains(typed.trim()) && e.zh.contains("大于 0"),
            "{}",
            e.zh
        );
        assert!(e.en.contains("give a number above 0"), "{}", e.en);
        let case = c.case.expect("the rest of the form is read");
        assert_eq!(case.customer.capacity_kva, None);
        assert_eq!(case.dates.accepted, Some(day("2024-03-01")));
        assert_eq!(d.capacity_kva, typed, "kept as typed");
    }
}

#[test]
fn full_width_capacity_and_date_are_read_and_kept_as_typed() {
    let d = resident(&[
        ("customer.capacity_kva", "８"),
        ("dates.accepted", "２０２４－０３－０１"),
    ]);
    let c = d.check();
    assert_eq!(c.errors, vec![]);
    let case = c.case.unwrap();
    assert_eq!(case.customer.capacity_kva, Some(8.0));
    assert_eq!(case.dates.accepted, Some(day("2024-03-01")));
    // The draft keeps what was typed.
    assert_eq!(d.capacity_kva, "８");
}

#[test]
fn a_step_dated_after_the_as_of_day_is_flagged_and_left_out() {
    let d = resident(&[
        ("dates.accepted", "2024-03-01"),
        ("dates.power_on", "2024-06-01"),
    ]);
    let c = d.check_at(day("2024-05-01"), true, &[]);
    assert_eq!(c.errors.len(), 1, "{:?}", c.errors);
    let e = &c.errors[0];
    assert_eq!(e.field, "dates.power_on");
    assert!(
        e.zh.contains("2024-06-01") && e.zh.contains("今天(2024-05-01)"),
        "{}",
        e.zh
    );
    assert!(e.en.contains("after today (2024-05-01)"), "{}", e.en);
    let case = c.case.unwrap();
    assert_eq!(case.dates.power_on, None);
    assert_eq!(case.dates.accepted, Some(day("2024-03-01")));
    // On the day itself it has happened; a clerk's as-of day is named so.
    assert_eq!(d.check_at(day("2024-06-01"), true, &[]).errors, vec![]);
    let clerk = d.check_at(day("2024-05-01"), false, &[]);
    assert!(clerk.errors[0].zh.contains("评估日期(2024-05-01)"));
}

#[test]
fn bounds_may_lie_ahead() {
    let mut d = resident(&[("dates.accepted", "2024-03-01")]);
    d.set(
        "dates.extension_granted_until",
        Input::Text("2024-12-31".into()),
    );
    d.set("dates.formalities_latest", Input::Text("2024-12-31".into()));
    let c = d.check_at(day("2024-05-01"), true, &[]);
    assert!(
        !c.errors
            .iter()
            .any(|e| e.field.contains("extension_granted_until")
                || e.field.contains("formalities_latest")),
        "{:?}",
        c.errors
    );
}

#[test]
fn a_control_holding_no_real_date_gets_its_message_and_keeps_the_old_value() {
    let d = resident(&[("dates.accepted", "2024-03-01")]);
    let bad = vec!["dates.accepted".to_string()];
    let c = d.check_at(day("2024-05-01"), true, &bad);
    assert_eq!(c.errors.len(), 1);
    assert_eq!(c.errors[0].field, "dates.accepted");
    assert!(c.errors[0].zh.starts_with("请输入有效日期"));
    assert!(c.errors[0].en.starts_with("Enter a valid date"));
    assert_eq!(d.dates[0], "2024-03-01", "nothing entered is destroyed");
}

#[test]
fn the_reducer_keeps_bad_input_until_the_field_is_edited() {
    let s = State::new(Mode::Customer, day("2024-05-01"));
    let s = s.apply(Action::Edit(
        "dates.accepted".into(),
        Input::Text("2024-03-01".into()),
    ));
    let s = s.apply(Action::BadInput("dates.accepted".into(), true));
    assert_eq!(s.bad_input, vec!["dates.accepted".to_string()]);
    assert_eq!(s.draft.dates[0], "2024-03-01");
    // Twice is once.
    let s = s.apply(Action::BadInput("dates.accepted".into(), true));
    assert_eq!(s.bad_input.len(), 1);
    let fixed = s.apply(Action::Edit(
        "dates.accepted".into(),
        Input::Text("2024-02-29".into()),
    ));
    assert!(fixed.bad_input.is_empty());
    let left = s.apply(Action::BadInput("dates.accepted".into(), false));
    assert!(left.bad_input.is_empty());
    assert!(s.apply(Action::Clear).bad_input.is_empty());
}

#[test]
fn results_reading_a_field_with_an_error_are_held_back() {
    let d = s0();
    let as_of = day("2010-12-31");
    let bad = vec!["dates.inspected".to_string()];
    let c = d.check_at(as_of, false, &bad);
    let mut report = yekuo::eval::evaluate(Rulebook::embedded(), c.case.as_ref().unwrap(), as_of);
    let reads = |r: &yekuo::report::Report| {
        r.findings
            .iter()
            .filter(|f| f.inputs.iter().any(|i| i == "dates.inspected"))
            .count()
    };
    assert!(reads(&report) > 0, "the completion inspection reads it");
    let before = report.findings.len();
    let held = hold_back(&mut report, &c.errors);
    assert_eq!(held, vec!["dates.inspected".to_string()]);
    assert_eq!(reads(&report), 0);
    assert!(!report.findings.is_empty() && report.findings.len() < before);
    // Without an error nothing is held back.
    let c = d.check_at(as_of, false, &[]);
    let mut report = yekuo::eval::evaluate(Rulebook::embedded(), c.case.as_ref().unwrap(), as_of);
    assert!(hold_back(&mut report, &c.errors).is_empty());
}
