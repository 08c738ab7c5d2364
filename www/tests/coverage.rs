//! The notice at the top of the results that part of the case is outside
//! the rulebook (issue 13, "coverage shown to the user"). The expectations
//! come from the catalog: State Grid's commitments (十个不准, 红线禁令) bind
//! only State Grid, and China Southern Grid's and local utilities' own were
//! not researched (§0.3, §13 item 7); the earliest instrument with duties,
//! 供电营业规则 1996, is in force from 1996-10-08 (§4.2).

use yekuo::case::{parse_case, Operator};
use yekuo::eval::evaluate;
use yekuo::rulebook::Rulebook;
use yekuo_www::coverage::{outside, Outside};

fn check(case: &str, operator: Operator, as_of: &str) -> Option<Outside> {
    let case = parse_case(case).unwrap();
    let report = evaluate(Rulebook::embedded(), &case, as_of.parse().unwrap());
    outside(&report, operator)
}

const HV_1990: &str = r#"{"format":"yekuo-case/1","customer":{"category":"高压","business":"新装","voltage_kv":10},
    "supply":{"sources":"single"},"dates":{"accepted":"1990-03-01","plan_issued":"1990-05-01"}}"#;

#[test]
fn a_case_before_every_instrument_says_its_dates_were_not_checked() {
    // One finding names both dates (the CAL-08 coverage finding).
    assert_eq!(
        check(HV_1990, Operator::Sgcc, "1991-01-01"),
        Some(Outside {
            utility: None,
            unchecked: 1
        })
    );
}

#[test]
fn china_southern_grid_is_told_its_own_commitments_are_not_included() {
    let plain = r#"{"format":"yekuo-case/1","customer":{"category":"居民","business":"新装"},
        "utility":{"operator":"南方电网"},"dates":{"accepted":"2023-03-01","plan_issued":"2023-03-03"}}"#;
    let stalled = plain.replace("}}", r#"},"conduct":{"stalled_without_notice":true}}"#);
    assert_eq!(
        check(&stalled, Operator::Csg, "2023-06-01"),
        Some(Outside {
            utility: Some(Operator::Csg),
            unchecked: 1
        })
    );
    // Without a fact only State Grid's rules cover, the notice still says
    // whose rules are missing, but nothing of the case went unchecked.
    let o = check(plain, Operator::Csg, "2023-06-01").expect("a notice");
    assert_eq!(o.utility, Some(Operator::Csg));
    assert_eq!(o.unchecked, 0);
    assert_eq!(
        check(
            &plain.replace("南方电网", "other"),
            Operator::Other,
            "2023-06-01"
        )
        .and_then(|o| o.utility),
        Some(Operator::Other)
    );
}

#[test]
fn a_state_grid_case_inside_the_rulebook_gets_no_notice() {
    let case = HV_1990
        .replace("1990-03-01", "2021-03-01")
        .replace("1990-05-01", "2021-03-10");
    assert_eq!(check(&case, Operator::Sgcc, "2021-06-01"), None);
}
