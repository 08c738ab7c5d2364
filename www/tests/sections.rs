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
use yekuo::report::Outcome;
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
        // Conduct has its own heading since issue 14, not "your rights".
        "IND" | "CON" | "OTH" => Section::Conduct,
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
                // Whatever rule it names, a `not-covered` finding is about
                // what the rulebook covers, and sits beside that list.
                _ if f.outcome == Outcome::NotCovered => Section::Coverage,
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
    // "Your rights" lists the rights themselves; findings of conduct have
    // their own heading (issue 14).
    for s in Section::ALL.into_iter().filter(|s| *s != Section::Rights) {
        assert!(seen.contains(&s), "no case has a finding in {s:?}");
    }
}

/// Within a section the worst outcome comes first (the order of
/// `Outcome`: violation, overdue, missing, warning, cannot determine, ok,
/// not applicable), and findings of one outcome keep their report order.
/// Checked against a stable sort of each section's findings, on every case.
#[test]
fn a_section_lists_the_worst_first_then_in_report_order() {
    let book = Rulebook::embedded();
    let mut reordered = 0;
    for (name, case, on) in common::all_cases("2026-11-22".parse().unwrap()) {
        let findings = evaluate(book, &case, on).findings;
        for s in Section::ALL {
            let mut expected: Vec<(usize, _)> = findings
                .iter()
                .enumerate()
                .filter(|(_, f)| Section::of(&f.detail) == s)
                .collect();
            let report_order = expected.clone();
            expected.sort_by_key(|(_, f)| f.outcome);
            reordered += usize::from(expected != report_order);
            let got = s.findings(&findings);
            let places = |v: &[(usize, _)]| v.iter().map(|(i, _)| *i).collect::<Vec<_>>();
            assert_eq!(places(&got), places(&expected), "{name} {s:?}");
        }
    }
    assert!(
        reordered > 0,
        "no case puts a worse finding after a better one"
    );
}

/// Rows (issue 14): one per step in the time limits, the regimes under it;
/// an [R]/[X] finding under the [V]/[S] one of its rule. Checked on every
/// case: no step has two rows, a row holds one step only, and no unverified
/// finding leads a row while a reliable one of its rule and no step leads
/// another.
#[test]
fn one_row_per_step_and_unverified_copies_fold_under_the_verified() {
    use yekuo_www::sections::{rows, step_of};
    let book = Rulebook::embedded();
    let mut folded = 0;
    for (name, case, on) in common::all_cases("2026-11-22".parse().unwrap()) {
        let findings = evaluate(book, &case, on).findings;
        let mut count = 0;
        for s in Section::ALL {
            let rs = rows(s.findings(&findings));
            let mut steps = Vec::new();
            for r in &rs {
                count += 1 + r.under.len();
                folded += r.under.len();
                if let Some(step) = step_of(r.lead.1) {
                    assert!(!steps.contains(&step), "{name}: two rows for {step:?}");
                    steps.push(step);
                    for (_, f) in &r.under {
                        assert_eq!(step_of(f), Some(step), "{name}");
                    }
                }
                // The row counts as its worst finding.
                for (_, f) in &r.under {
                    assert!(r.outcome() <= f.outcome, "{name}");
                }
                assert!(r.outcome() <= r.lead.1.outcome, "{name}");
                if step_of(r.lead.1).is_none() && !r.lead.1.mark.is_reliable() {
                    assert!(
                        !rs.iter().any(|o| step_of(o.lead.1).is_none()
                            && o.lead.1.rule == r.lead.1.rule
                            && o.lead.1.mark.is_reliable()),
                        "{name}: an unverified {} beside a verified one",
                        r.lead.1.rule
                    );
                }
            }
        }
        assert_eq!(count, findings.len(), "{name}: every finding in one row");
    }
    assert!(folded > 0, "no case folds anything");
}
