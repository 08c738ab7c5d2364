//! Property tests (issue 5, first part): `evaluate` never panics and is
//! deterministic on arbitrary cases — any field missing, dates in any order
//! from 1900 to 2100, absurd voltages and capacities, odd tiers, long
//! document lists — including cases that `parse_case` would refuse, since
//! the evaluator must not rely on the parser's checks.

#[path = "golden_support/mod.rs"]
mod golden_support;

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use yekuo::case::Case;
use yekuo::eval::{checklist, evaluate, summarize};
use yekuo::rulebook::Rulebook;

const DATE_KEYS: &[&str] = &[
    "accepted",
    "plan_issued",
    "plan_signed",
    "design_submitted",
    "design_reviewed",
    "mid_check_requested",
    "mid_check_started",
    "construction_start",
    "completion_requested",
    "inspected",
    "inspection_passed",
    "formalities",
    "formalities_latest",
    "power_on",
    "extension_requested",
    "extension_granted_until",
];
const DOCS: &[&str] = &[
    "D-ID", "D-PROP", "D-AGENT", "D-LRID", "D-FORM", "D-EQUIP", "D-PROJ", "D-LOAD", "D-ACCT",
    "D-SEC", "D-SITE", "D-XYZ",
];

fn date() -> impl Strategy<Value = String> {
    // Every day a case may carry, 1900-01-01 ..= 2100-12-31. The bounds come
    // from the dates themselves: a hand-typed day number was once one too
    // high and drew 2101-01-01, which the case format rightly refuses.
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap().num_days_from_ce();
    (day(1900, 1, 1)..=day(2100, 12, 31))
        .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap().to_string())
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        (0.0f64..2000.0).prop_map(Value::from),
        prop::sample::select(vec![
            0.22, 0.38, 10.0, 20.0, 35.0, 110.0, 220.0, 500.0, 1000.0
        ])
        .prop_map(Value::from),
        prop::sample::select(vec![-1.0, 0.0, 1e-300, 1e300, f64::MAX]).prop_map(Value::from),
    ]
}

fn tri() -> impl Strategy<Value = Value> {
    prop_oneof![Just(Value::Null), any::<bool>().prop_map(Value::from)]
}

fn case() -> impl Strategy<Value = Value> {
    let who = (
        prop::sample::select(vec!["resident", "lv-nonresident", "high-voltage"]),
        prop::sample::select(vec!["new", "increase", "temporary", "change"]),
        number(),
        number(),
        any::<[bool; 5]>(),
        tri(),
        prop::sample::select(yekuo::case::Operator::SPELLINGS.to_vec()),
    );
    let dates = prop::collection::vec((prop::sample::select(DATE_KEYS.to_vec()), date()), 0..16);
    let supply = (
        prop::sample::select(vec!["unknown", "single", "dual"]),
        prop::option::of(0u8..=5),
        tri(),
        prop::collection::vec(
            (
                prop::sample::select(vec!["A", "B", ""]),
                prop::sample::select(vec!["I", "II"]),
            ),
            0..4,
        ),
        prop::collection::vec(
            (
                prop::sample::select(vec!["generator", "ups", "battery"]),
                number(),
            ),
            0..3,
        ),
    );
    let people = (
        prop::collection::vec(
            (
                prop::option::of(0u8..=9),
                tri(),
                prop::option::of(date()),
                any::<bool>(),
            ),
            0..3,
        ),
        prop::collection::vec(prop::sample::select(DOCS.to_vec()), 0..150),
        prop::collection::vec((date(), date()), 0..3),
        [tri(), tri(), tri(), tri(), tri(), tri(), tri()],
        prop::option::of(0u8..=9),
    );
    (who, dates, supply, people).prop_map(|(who, dates, supply, people)| {
        let (category, business, voltage, capacity, flags, external, operator) = who;
        let (sources, grade, especially, circuits, emergency) = supply;
        let (contractors, documents, paused, conduct, demanded) = people;
        let mut d = Map::new();
        for (k, v) in dates {
            d.insert(k.to_string(), Value::from(v));
        }
        json!({
            "format": "yekuo-case/1",
            "customer": {
                "category": category, "business": business, "voltage_kv": voltage, "capacity_kva": capacity,
                "agent": flags[0], "government_project": flags[1], "important": flags[2],
                "special_load": flags[3], "ownership_unclear": flags[4], "external_works": external,
            },
            "utility": { "operator": operator, "one_id_acceptance": flags[0] ^ flags[1] },
            "supply": {
                "sources": sources, "load_grade": grade, "especially_important": especially,
                "circuits": circuits.iter().map(|(s, b)| json!({"substation": s, "bus_section": b})).collect::<Vec<_>>(),
                "emergency_sources": emergency.iter().map(|(t, kw)| json!({"type": t, "kw": kw})).collect::<Vec<_>>(),
            },
            "documents": documents,
            "dates": d,
            "paused": paused.iter().map(|(a, b)| json!({"from": a, "to": b})).collect::<Vec<_>>(),
            "contractors": contractors.iter().map(|(tier, licensed, until, aff)| json!({
                "tier": tier, "licensed": licensed, "valid_until": until, "affiliate_of_utility": aff,
                "categories": ["install"],
            })).collect::<Vec<_>>(),
            "conduct": {
                "utility_recommended_contractor": conduct[0], "written_notice_of_missing_documents": conduct[1],
                "defects_found": conduct[2], "defects_notified_in_writing": conduct[3],
                "stalled_without_notice": conduct[4], "gifts_or_banquets": conduct[5], "plan_changed": conduct[6],
                "demanded_tier": demanded,
            },
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn evaluate_never_panics_and_is_deterministic(value in case(), as_of in date()) {
        // Straight into the struct, bypassing parse_case's checks on purpose.
        let case: Case = serde_json::from_value(value).expect("the strategy writes the case format");
        let as_of: NaiveDate = as_of.parse().unwrap();
        let book = Rulebook::embedded();
        let a = serde_json::to_string(&evaluate(book, &case, as_of)).unwrap();
        let b = serde_json::to_string(&evaluate(book, &case, as_of)).unwrap();
        prop_assert_eq!(a, b);
        let report = evaluate(book, &case, as_of);
        let differs = golden_support::summary_disagreements(&report, &summarize(book, &case, as_of));
        prop_assert!(differs.is_empty(), "{:?}", differs);
        let _ = checklist(book, &case, as_of);
    }

    /// The next deadlines (issue 15) never panic, the fast path agrees with
    /// the full report, and the states say what the numbers say: past due
    /// has negative working days left, due today is the day looked at, due
    /// soon is within N, on time beyond it; most urgent first.
    #[test]
    fn next_deadlines_agree_with_the_report(value in case(), as_of in date(), within in 0u32..10) {
        use yekuo::eval::due::{next_deadlines, of_report, State};
        let case: Case = serde_json::from_value(value).expect("the strategy writes the case format");
        let as_of: NaiveDate = as_of.parse().unwrap();
        let book = Rulebook::embedded();
        let due = next_deadlines(book, &case, as_of, within);
        prop_assert_eq!(&of_report(&evaluate(book, &case, as_of), &case, within), &due);
        for d in &due.open {
            let n = d.working_days_left;
            match d.state {
                State::Overdue | State::PastDueWarning => prop_assert!(n < 0 && d.due < as_of, "{:?}", d),
                State::DueToday => prop_assert!(n == 0 && d.due == as_of, "{:?}", d),
                State::DueSoon => prop_assert!((0..=i64::from(within)).contains(&n) && d.due > as_of, "{:?}", d),
                State::OnTime => prop_assert!(n > i64::from(within), "{:?}", d),
                State::Paused => prop_assert!(n >= 0 && d.due > as_of, "{:?}", d),
            }
        }
        let states: Vec<State> = due.open.iter().map(|d| d.state).collect();
        prop_assert!(states.windows(2).all(|w| w[0] <= w[1]), "{:?}", states);
    }
}
