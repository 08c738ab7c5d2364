//! The results put each finding in a section by its typed detail
//! (`www/src/sections.rs`). The app used to sort them by rule-id prefix; on
//! every case the repository holds both must agree, so the page looks as
//! before while the app no longer reads rule ids. The prefixes below are
//! the catalog's rule families, written out here only as the check.
//!
//! One move is intended: CAL-09 (catalog: a backward deadline on a rest
//! day) is a calendar rule, but the deadline it is about is the plan's
//! extension request (PLAN-02), and its detail is the plan's. It now sits
//! under the plan's validity, beside that deadline's countdown, not among
//! the step time limits.

use yekuo::eval::evaluate;
use yekuo::rulebook::Rulebook;
use yekuo_www::sections::Section;

mod common;

/// The section of a catalog rule family, as the page grouped them.
fn by_prefix(rule: &str) -> Section {
    match rule.split('-').next().unwrap() {
        "DOC" | "NOTICE" => Section::Documents,
        "TL" | "CAL" => Section::TimeLimits,
        "LIC" => Section::Licence,
        "PLAN" => Section::Plan,
        "LOAD" => Section::Load,
        "IND" | "CON" | "OTH" => Section::Rights,
        other => panic!("a rule family the page never had: {other}"),
    }
}

#[test]
fn every_finding_is_in_the_section_of_its_rule_family() {
    let book = Rulebook::embedded();
    let mut seen = Vec::new();
    let mut wrong = Vec::new();
    for (name, case, on) in common::all_cases("2026-11-22".parse().unwrap()) {
        for f in evaluate(book, &case, on).findings {
            let rule = f.rule.to_string();
            let section = Section::of(&f.detail);
            let expected = match rule.as_str() {
                "CAL-09" => Section::Plan,
                _ => by_prefix(&rule),
            };
            if section != expected {
                wrong.push(format!("{name}: {rule} {:?} in {section:?}", f.outcome));
            }
            if !seen.contains(&section) {
                seen.push(section);
            }
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
    for s in Section::ALL {
        assert!(seen.contains(&s), "no case has a finding in {s:?}");
    }
}
