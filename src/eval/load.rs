//! LOAD: load grade and power sources (catalog §7, GB 50052-2009).

use super::Ctx;
use crate::case::EmergencyKind;
use crate::report::load::{EmergencyCover, Found, GradeTwo, Independence};
use crate::report::{Detail, Name, Outcome};
use crate::vocab::{RuleId, Test};
use crate::Mark;

pub(crate) fn check(ctx: &mut Ctx) {
    let s = ctx.case.supply.clone();
    let important = ctx.case.customer.important;
    let date = ctx.case.dates.plan_issued.unwrap_or(ctx.application_date());
    let grade = s.load_grade;
    if grade.is_none() && !important {
        return;
    }
    let inputs =
        |fields: &[&'static str]| -> Vec<Name> { fields.iter().map(|&s| s.into()).collect() };
    if grade == Some(1) {
        // LOAD-01: are some loads especially important? Ask when hazards suggest so.
        for src in ctx.in_force(RuleId::Load01, date) {
            if s.especially_important.is_none() && !s.hazards.is_empty() {
                ctx.push(
                    RuleId::Load01,
                    Outcome::CannotDetermine,
                    Some(src),
                    src.provision.mark,
                    Detail::Load(Found::EspeciallyImportantUnknown {
                        hazards: s.hazards.clone(),
                    }),
                    inputs(&["supply.hazards", "supply.especially_important"]),
                );
            }
        }
        // LOAD-02: two sources that cannot fail together.
        for src in ctx.in_force(RuleId::Load02, date) {
            let c = &s.circuits;
            let independence = if c.len() < 2 {
                Independence::OneSource
            } else {
                // The question is whether the circuits *give* two sources
                // that cannot fail together, so the best pair decides: one
                // circuit from another substation is enough, whatever
                // duplicates sit beside it. Comparing with the first circuit
                // finds the best pair in one pass.
                let first = &c[0];
                if c.iter().any(|x| x.substation != first.substation) {
                    Independence::DifferentSubstations
                } else if c.iter().any(|x| x.bus_section != first.bus_section) {
                    Independence::SameSubstation
                } else {
                    Independence::SameBusSection
                }
            };
            let o = match independence {
                Independence::OneSource | Independence::SameBusSection => Outcome::Violation,
                Independence::SameSubstation => Outcome::Warning,
                Independence::DifferentSubstations => Outcome::Ok,
            };
            // One source fails the article's own words; comparing substations
            // and bus sections is a test from practice notes, and a finding
            // it decides is no surer than the rule file says that test is
            // (none recorded: unknown, so never adverse).
            let test = src
                .provision
                .values
                .test(Test::BusSection)
                .map_or(Mark::X, |t| t.mark);
            let mark = match independence {
                Independence::OneSource => src.provision.mark,
                _ => src.provision.mark.weakest(test),
            };
            ctx.push(
                RuleId::Load02,
                o,
                Some(src),
                mark,
                Detail::Load(Found::TwoSources {
                    circuits: c.len(),
                    independence,
                }),
                inputs(&["supply.circuits", "supply.load_grade"]),
            );
        }
        // LOAD-03: emergency source for especially important loads.
        if s.especially_important != Some(false) {
            for src in ctx.in_force(RuleId::Load03, date) {
                let kinds: Vec<EmergencyKind> =
                    s.emergency_sources.iter().map(|e| e.kind).collect();
                let cover = if kinds.is_empty() && s.especially_important == Some(true) {
                    EmergencyCover::Missing
                } else if kinds.is_empty() {
                    EmergencyCover::NeededIfEspeciallyImportant
                } else if kinds.iter().all(|k| {
                    matches!(
                        k,
                        EmergencyKind::Ups | EmergencyKind::Eps | EmergencyKind::Battery
                    )
                }) {
                    EmergencyCover::ShortOnly
                } else {
                    EmergencyCover::Given
                };
                let o = match cover {
                    EmergencyCover::Missing => Outcome::Violation,
                    _ => Outcome::Warning,
                };
                ctx.push(
                    RuleId::Load03,
                    o,
                    Some(src),
                    src.provision.mark,
                    Detail::Load(Found::EmergencySource { kinds, cover }),
                    inputs(&["supply.emergency_sources", "supply.especially_important"]),
                );
            }
        }
    }
    if grade == Some(2) {
        for src in ctx.in_force(RuleId::Load04, date) {
            let supply = GradeTwo {
                circuits: s.circuits.len(),
                dedicated_line: s.dedicated_line == Some(true),
            };
            let o = if supply.suffices() {
                Outcome::Ok
            } else {
                Outcome::Warning
            };
            ctx.push(
                RuleId::Load04,
                o,
                Some(src),
                src.provision.mark,
                Detail::Load(Found::GradeTwoSupply(supply)),
                inputs(&["supply.circuits", "supply.dedicated_line"]),
            );
        }
    }
    if grade == Some(1) || important {
        if s.plan_mentions_self_emergency == Some(false) {
            for src in ctx.in_force(RuleId::Load05, date) {
                ctx.push(
                    RuleId::Load05,
                    Outcome::Warning,
                    Some(src),
                    src.provision.mark,
                    Detail::Load(Found::NoSelfEmergencyInPlan),
                    inputs(&["supply.plan_mentions_self_emergency"]),
                );
            }
        }
        for src in ctx.in_force(RuleId::Load06, date) {
            let separate = s.separate_distribution == Some(true);
            let o = if separate {
                Outcome::Ok
            } else {
                Outcome::Warning
            };
            ctx.push(
                RuleId::Load06,
                o,
                Some(src),
                src.provision.mark,
                Detail::Load(Found::SeparateDistribution { separate }),
                inputs(&["supply.separate_distribution"]),
            );
        }
    }
    if important {
        for src in ctx.in_force(RuleId::Load07, date) {
            ctx.push(
                RuleId::Load07,
                Outcome::Warning,
                Some(src),
                src.provision.mark,
                Detail::Load(Found::ImportantUser),
                inputs(&["customer.important"]),
            );
        }
    }
}
