//! The timeline's step states (what the app's chart and list show), on S0
//! case 1's completion inspection (cases.md C1: requested 2010-06-15,
//! inspected Saturday 2010-06-26; due 2010-06-23 under the SGCC 2010
//! specification and 2010-06-25 under the 监管办法, as in the golden file).
//! Working-day counts come from PyPI `chinesecalendar` (the oracle of
//! `tests/oracle_sweep.rs`), counted after the first day up to the second:
//! 06-23→06-26: 2, 06-25→06-26: 0, 06-21→06-23: 2, 06-23→07-01: 6,
//! 06-25→07-01: 4.

use chrono::NaiveDate;
use yekuo::report::time_limit::{Caveat as TlCaveat, Found, Limit, Unit};
use yekuo::report::{Caveat, Detail, Outcome, Report, Step, StepStatus};

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

/// A low-voltage SGCC case accepted early in 2027, beyond the holiday data
/// (`tests/golden/cases/x01-…`: the uncovered part starts 2027-01-01).
fn gap_case() -> yekuo::case::Case {
    yekuo::case::parse_case(
        r#"{ "format": "yekuo-case/1",
             "customer": { "category": "低压非居民", "business": "新装", "voltage_kv": 0.4 },
             "utility": { "operator": "SGCC" },
             "documents": ["D-ID", "D-PROP"],
             "dates": { "accepted": "2027-01-04" } }"#,
    )
    .unwrap()
}

/// The plan answer's findings under reliable ([V]/[S]) values: instrument, outcome, detail, caveats.
fn plan_answers(
    book: &yekuo::rulebook::Rulebook,
    as_of: NaiveDate,
) -> Vec<(String, Outcome, Limit, Vec<Caveat>)> {
    let r = yekuo::eval::evaluate(book, &gap_case(), as_of);
    r.findings
        .iter()
        .filter(|f| f.mark.is_reliable())
        .filter_map(|f| match &f.detail {
            Detail::TimeLimit(Found::Limit(l)) if l.step == Step::PlanAnswer => Some((
                f.citation.as_ref().unwrap().instrument.to_string(),
                f.outcome,
                l.clone(),
                f.caveats.clone(),
            )),
            _ => None,
        })
        .collect()
}

/// CAL-11: a deadline counted without holiday data and missed by less than
/// the rule data's uncertain margin (8 calendar days) is not called overdue;
/// the margin is the rule data's, so a copy of `data/rules/` with another
/// one decides otherwise.
#[test]
fn a_small_miss_without_holiday_data_is_not_overdue_by_the_rules_margin() {
    let book = yekuo::rulebook::Rulebook::embedded();
    let open = plan_answers(book, d("2027-01-04"));
    let (instrument, _, first, _) = open.first().expect("a TL-01 limit in force");
    assert_eq!(first.regime.unit, Unit::WorkingDays);
    let late = first.due + chrono::Days::new(3);
    let find = |all: Vec<(String, Outcome, Limit, Vec<Caveat>)>| {
        all.into_iter()
            .find(|(i, ..)| i == instrument)
            .expect("same instrument")
    };
    let (_, outcome, l, caveats) = find(plan_answers(book, late));
    assert_eq!(outcome, Outcome::Warning);
    assert_eq!(l.not_done_as_of, Some(late));
    assert!(
        caveats.contains(&Caveat::TimeLimit(TlCaveat::MarginWithinGap {
            margin_days: 3,
            uncertain_margin: 8
        }))
    );

    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/rules");
    let files = std::fs::read_dir(dir).unwrap().filter_map(|e| {
        let p = e.ok()?.path();
        let name = p.file_name()?.to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&p).ok()?;
        name.ends_with(".toml").then(|| {
            let text = text.replace(
                r#"what = "uncertain-margin", amount = 8"#,
                r#"what = "uncertain-margin", amount = 2"#,
            );
            (name, text)
        })
    });
    let narrow = yekuo::rulebook::Rulebook::from_files(files).unwrap();
    let (_, outcome, ..) = find(plan_answers(&narrow, late));
    assert_eq!(outcome, Outcome::Overdue);
}

/// Every time-limit finding and caveat, phrased for a customer: no rule
/// codes, marks or field paths, and the English has no Chinese in it.
#[test]
fn a_customer_reads_time_limits_in_plain_words() {
    use yekuo::render::{self, Audience, Lang, Reader};
    let lv = |dates: &str| {
        yekuo::case::parse_case(&format!(
            r#"{{ "format": "yekuo-case/1",
                 "customer": {{ "category": "低压非居民", "business": "新装", "voltage_kv": 0.4 }},
                 "utility": {{ "operator": "SGCC", "province": "广西" }},
                 "documents": ["D-ID", "D-PROP"], "dates": {dates} }}"#
        ))
        .unwrap()
    };
    let book = yekuo::rulebook::Rulebook::embedded();
    let mut reports = vec![
        s0(&[], "2010-07-01"),
        s0(&NOT_INSPECTED, "2010-06-21"),
        s0(
            &[("inspection_passed", None), ("inspected", None)],
            "2010-07-01",
        ),
    ];
    for (dates, as_of) in [
        // S4 case 6 (cases.md C3): TL-06 from the earliest and latest start.
        (
            r#"{ "accepted": "2021-05-30", "plan_issued": "2021-05-30", "inspected": "2021-06-03",
                 "formalities_latest": "2021-06-06", "power_on": "2021-06-18" }"#,
            "2021-06-19",
        ),
        // C3c: a utility-side limit with no pauses given.
        (
            r#"{ "accepted": "2023-09-04", "plan_issued": "2023-09-04", "inspected": "2023-09-08",
                 "formalities": "2023-09-08", "power_on": "2023-09-20" }"#,
            "2023-09-21",
        ),
        (r#"{ "accepted": "2027-01-04" }"#, "2027-01-15"),
    ] {
        reports.push(yekuo::eval::evaluate(book, &lv(dates), d(as_of)));
    }
    let mut seen = 0;
    let mut kinds = std::collections::BTreeSet::new();
    for r in &reports {
        for f in r
            .findings
            .iter()
            .filter(|f| matches!(f.detail, Detail::TimeLimit(_)))
        {
            let tag =
                |v: serde_json::Value, key: &str| v["time-limit"][key].as_str().map(String::from);
            kinds.extend(tag(serde_json::to_value(&f.detail).unwrap(), "found"));
            for c in &f.caveats {
                kinds.extend(tag(serde_json::to_value(c).unwrap(), "caveat"));
            }
            for lang in [Lang::Zh, Lang::En] {
                let reader = Reader {
                    audience: Audience::Customer,
                    ..Reader::clerk(lang)
                };
                let words = std::iter::once(render::message(f, &reader)).chain(
                    f.caveats
                        .iter()
                        .filter_map(|c| render::caveat(c, f, &reader)),
                );
                for w in words {
                    seen += 1;
                    for bad in ["TL-", "CAL-", "`", "dates.", "paused", "[V]", "[S]", "[R]"] {
                        assert!(!w.contains(bad), "{bad} in {w}");
                    }
                    if lang == Lang::En {
                        assert!(
                            !w.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
                            "Chinese in {w}"
                        );
                    }
                }
            }
        }
    }
    assert!(seen > 50, "only {seen} phrases");
    for k in [
        "limit",
        "sources-assumed-single",
        "convention-matters",
        "national-calendar-only",
        "utility-side-without-pauses",
        "margin-within-gap",
        "formalities-date-unknown",
    ] {
        assert!(kinds.contains(k), "no {k} among {kinds:?}");
    }
}

/// CAL-06 in the timeline: a 1996 plan answer for a resident, 5 calendar
/// days from Thursday 2009-01-22, is nominally due 2009-01-27, a 春节
/// holiday; the holiday runs to 01-31 and Sunday 02-01 is a make-up working
/// day (catalog §10), so the period may roll over to 2009-02-01. The
/// timeline keeps the nominal `due`, adds `rolled`, and a step done in
/// between is neither on time nor late.
fn resident_2009(plan_issued: Option<&str>, as_of: &str) -> Report {
    let mut v = serde_json::json!({
        "format": "yekuo-case/1",
        "customer": { "category": "居民", "business": "新装" },
        "utility": { "operator": "other" },
        "documents": ["D-ID", "D-PROP"],
        "dates": { "accepted": "2009-01-22" }
    });
    if let Some(p) = plan_issued {
        v["dates"]["plan_issued"] = p.into();
    }
    let case = yekuo::case::parse_case(&v.to_string()).unwrap();
    yekuo::eval::evaluate(yekuo::rulebook::Rulebook::embedded(), &case, d(as_of))
}

fn plan_answer_1996(r: &Report) -> (NaiveDate, Option<NaiveDate>, StepStatus) {
    let step = r
        .timeline
        .iter()
        .find(|s| s.step == Step::PlanAnswer)
        .expect("a plan-answer step");
    let due = step
        .due
        .iter()
        .find(|d| &*d.instrument == "gdyygz-1996")
        .expect("the 1996 rules are in force in 2009");
    (due.due, due.rolled, due.status)
}

#[test]
fn a_calendar_day_deadline_on_a_holiday_shows_the_rolled_day() {
    let nominal = d("2009-01-27");
    let rolled = Some(d("2009-02-01"));
    let on_the_day = resident_2009(Some("2009-01-27"), "2009-03-01");
    assert_eq!(
        plan_answer_1996(&on_the_day),
        (nominal, rolled, StepStatus::DoneOnTime)
    );
    let in_window = resident_2009(Some("2009-01-30"), "2009-03-01");
    assert_eq!(
        plan_answer_1996(&in_window),
        (nominal, rolled, StepStatus::InRolloverWindow)
    );
    // Open and looked at inside the window: the same.
    let open = resident_2009(None, "2009-02-01");
    assert_eq!(
        plan_answer_1996(&open),
        (nominal, rolled, StepStatus::InRolloverWindow)
    );
    // Done the day after the rolled day: late, counted from the nominal
    // day: 6 calendar days; working days in (01-27, 02-02]: 02-01, 02-02.
    let late = resident_2009(Some("2009-02-02"), "2009-03-01");
    assert_eq!(
        plan_answer_1996(&late),
        (
            nominal,
            rolled,
            StepStatus::DoneLate {
                days_late: 6,
                working_days_late: 2
            }
        )
    );
}
