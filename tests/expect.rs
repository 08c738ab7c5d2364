//! The customer's answer before applying (issue 14, item 1): each step's
//! limit under the instruments in force "today", and the example due days
//! if accepted today. Expected values are from the rule files' sources
//! (catalog §4.2) and dates counted by hand on the catalog §10 holiday facts,
//! not from running the code.

use chrono::NaiveDate;
use yekuo::case::parse_case;
use yekuo::eval::expect;
use yekuo::report::time_limit::{Milestone, Unit};
use yekuo::report::Step;
use yekuo::rulebook::Rulebook;
use yekuo::Mark;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn case(category: &str, operator: &str) -> yekuo::case::Case {
    parse_case(&format!(
        r#"{{"format":"yekuo-case/1","customer":{{"category":"{category}","business":"increase"}},"utility":{{"operator":"{operator}"}}}}"#
    ))
    .unwrap()
}

/// (step, instrument id, amount, unit, example due) for every limit.
fn rows(
    c: &yekuo::case::Case,
    today: &str,
) -> Vec<(Step, String, u32, Unit, Option<NaiveDate>, Mark)> {
    expect(Rulebook::embedded(), c, d(today))
        .into_iter()
        .map(|l| {
            (
                l.step,
                l.citation.instrument.to_string(),
                l.regime.limit,
                l.regime.unit,
                l.example.map(|e| e.due),
                l.mark,
            )
        })
        .collect()
}

/// SGCC 居民 on a plain Monday: plan answer 3 WD (供电监管办法, gdjgbf-2010,
/// catalog §4.2 TL-01) and the whole process ≤ 5 WD (6/22/32, certain from
/// 2023-08-08, TL-07). 2026-11-30 + 3 WD = Thu 12-03; + 5 WD = Mon 12-07.
#[test]
fn sgcc_resident_on_a_plain_monday() {
    let r = rows(&case("resident", "SGCC"), "2026-11-30");
    let plan: Vec<_> = r.iter().filter(|x| x.0 == Step::PlanAnswer).collect();
    assert!(plan.iter().any(|x| x.1 == "gdjgbf-2010"
        && x.2 == 3
        && x.3 == Unit::WorkingDays
        && x.4 == Some(d("2026-12-03"))));
    let whole: Vec<_> = r.iter().filter(|x| x.0 == Step::WholeProcess).collect();
    assert!(whole.iter().any(|x| x.1 == "sgcc-commitments-6-22-32"
        && x.2 == 5
        && x.3 == Unit::WorkingDays
        && x.4 == Some(d("2026-12-07"))));
    // Ended instruments are not shown: the 2011 commitments ended 2023-08-07,
    // the 1996 rules 2024-05-31.
    assert!(!r
        .iter()
        .any(|x| x.1 == "sgcc-commitments-2011" || x.1 == "gdyygz-1996"));
    // Power-on counts from the formalities: a limit, but no example day.
    assert!(r
        .iter()
        .any(|x| x.0 == Step::PowerOn && x.1 == "gdjgbf-2010" && x.2 == 3 && x.4.is_none()));
}

/// Across National Day 2026 (catalog §10: 10-01..07 off, 10-10 Sat a
/// working day): accepted Wed 2026-09-30, 3 WD → 10-08, 10-09, 10-10 (the
/// catalog's own example, §10 item 2); 5 WD → 10-12, 10-13.
#[test]
fn across_national_day() {
    let r = rows(&case("resident", "SGCC"), "2026-09-30");
    assert!(r
        .iter()
        .any(|x| x.0 == Step::PlanAnswer && x.2 == 3 && x.4 == Some(d("2026-10-10"))));
    assert!(r
        .iter()
        .any(|x| x.0 == Step::WholeProcess && x.2 == 5 && x.4 == Some(d("2026-10-13"))));
}

/// A utility other than SGCC is not bound by SGCC's commitments: only the
/// national standard's limits remain.
#[test]
fn other_utility_has_no_sgcc_commitments() {
    let r = rows(&case("resident", "other"), "2026-11-30");
    assert!(r.iter().all(|x| !x.1.starts_with("sgcc")));
    assert!(r.iter().any(|x| x.0 == Step::PlanAnswer && x.2 == 3));
}

/// An [R] value stays marked [R]: a reader can never take it for law.
/// The 2019 "recalled" commitments were in force (if at all) in 2020.
#[test]
fn recalled_values_keep_their_mark() {
    let l = expect(
        Rulebook::embedded(),
        &case("resident", "SGCC"),
        d("2020-03-02"),
    );
    for x in &l {
        if &*x.citation.instrument == "sgcc-commitments-2019-recalled" {
            assert!(!x.mark.is_reliable());
        }
    }
    assert!(l
        .iter()
        .all(|x| x.start != Milestone::Accepted || x.example.is_some()));
}

/// The NDRC/NEA 2025 opinion (catalog §4.2 TL-07, [S], a policy target):
/// LV whole process ≤ 5 WD without grid extension works, ≤ 15 with them.
/// A customer who was not asked gets both, each saying which. Accepted
/// Mon 2026-11-30, 15 WD: Dec 1–4, 7–11, 14–18, 21 → 2026-12-21.
#[test]
fn the_2025_opinion_gives_both_answers_about_external_works() {
    let l = expect(
        Rulebook::embedded(),
        &case("resident", "SGCC"),
        d("2026-11-30"),
    );
    let op: Vec<_> = l
        .iter()
        .filter(|x| &*x.citation.instrument == "ndrc-nea-opinion-2025")
        .collect();
    assert_eq!(op.len(), 2, "{op:?}");
    let no = op
        .iter()
        .find(|x| x.if_external_works == Some(false))
        .unwrap();
    let yes = op
        .iter()
        .find(|x| x.if_external_works == Some(true))
        .unwrap();
    assert_eq!((no.regime.limit, yes.regime.limit), (5, 15));
    assert_eq!(no.example.unwrap().due, d("2026-12-07"));
    assert_eq!(yes.example.unwrap().due, d("2026-12-21"));
    assert_eq!(no.mark, Mark::S);
    // Answered: one value, and no condition on it.
    let mut c = case("resident", "SGCC");
    c.customer.external_works = Some(true);
    let l = expect(Rulebook::embedded(), &c, d("2026-11-30"));
    let op: Vec<_> = l
        .iter()
        .filter(|x| &*x.citation.instrument == "ndrc-nea-opinion-2025")
        .collect();
    assert_eq!(op.len(), 1);
    assert_eq!((op[0].regime.limit, op[0].if_external_works), (15, None));
}

/// DOC-07 / TL-03: from SGCC's 2015 simplification an ordinary customer has
/// no design review and no mid-term check, so a State Grid household is not
/// given their limits; another utility's household still is (供电监管办法:
/// design review low voltage 8 WD, mid-term check 3 WD, catalog §4.2).
#[test]
fn an_ordinary_sgcc_household_has_no_design_review_step() {
    let sgcc = rows(&case("resident", "SGCC"), "2026-11-30");
    assert!(!sgcc
        .iter()
        .any(|x| matches!(x.0, Step::DesignReview | Step::MidCheck)));
    let other = rows(&case("resident", "other"), "2026-11-30");
    assert!(other
        .iter()
        .any(|x| x.0 == Step::DesignReview && x.1 == "gdjgbf-2010" && x.2 == 8));
    assert!(other
        .iter()
        .any(|x| x.0 == Step::MidCheck && x.1 == "gdjgbf-2010" && x.2 == 3));
}

/// Issue 14: the answer shows one limit a step and folds the rest. For an
/// SGCC household on 2026-11-30 (catalog §4.2): completion inspection, the
/// SGCC 2010 规范's low-voltage 3 WD before 供电监管办法's 5; power on,
/// 供电监管办法's 居民 3 WD (from the inspection and formalities) before the
/// 2003 供电服务规范's 5 WD counted from acceptance; the whole process, the
/// 6/22/32 commitment's 居民 5 WD (a limit, [V]) before the 2025 opinion's
/// 5 / 15 (policy targets).
#[test]
fn each_step_shows_its_strictest_binding_limit_first() {
    let l = expect(
        Rulebook::embedded(),
        &case("resident", "SGCC"),
        d("2026-11-30"),
    );
    let first = |s: Step| {
        let here: Vec<_> = l.iter().filter(|x| x.step == s).collect();
        let i = yekuo::eval::first_shown(&here).unwrap();
        (
            here.len(),
            here[i].citation.instrument.to_string(),
            here[i].regime.limit,
        )
    };
    assert_eq!(first(Step::PlanAnswer), (1, "gdjgbf-2010".into(), 3));
    assert_eq!(
        first(Step::CompletionInspection),
        (2, "sgcc-yekuo-spec-2010".into(), 3)
    );
    assert_eq!(first(Step::PowerOn), (2, "gdjgbf-2010".into(), 3));
    assert_eq!(
        first(Step::WholeProcess),
        (3, "sgcc-commitments-6-22-32".into(), 5)
    );
    assert_eq!(yekuo::eval::first_shown(&[]), None);
}
