//! LIC: the contractor's 承装(修、试) licence (catalog §6), versions by work dates (LIC-05).

use super::Ctx;
use crate::case::Activity;
use crate::report::licence::{Contractor, Found, TierCheck, ValidityCheck};
use crate::report::{Detail, Outcome, Question};
use crate::rulebook::InForce;
use crate::vocab::{Named, RuleId};
use crate::Mark;

pub(crate) fn check(ctx: &mut Ctx) {
    let d = &ctx.case.dates;
    let kv = ctx.case.customer.voltage_kv;
    if let Some(kv) = kv {
        for src in ctx.in_force(RuleId::Lic07, ctx.application_date()) {
            // A provision without its voltage says nothing to check here
            // (the loader's value shapes make it present in every rule file).
            let Some(threshold_kv) = src
                .provision
                .values
                .named(Named::TerminalSubstationKv)
                .map(|v| v.amount)
            else {
                continue;
            };
            if kv >= f64::from(threshold_kv) {
                ctx.push(
                    RuleId::Lic07,
                    Outcome::Warning,
                    Some(src),
                    src.provision.mark,
                    Detail::Licence(Found::TerminalSubstation {
                        voltage_kv: kv,
                        threshold_kv,
                    }),
                    vec!["customer.voltage_kv".into()],
                );
            }
        }
    }
    let Some(work_start) = d.construction_start else {
        if !ctx.case.contractors.is_empty() {
            ctx.cannot_determine(
                RuleId::Lic02,
                "dates.construction_start",
                Question::LicenceRulesVersion,
            );
        }
        return;
    };
    let work_end = [d.completion_requested, d.inspected, d.power_on]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(work_start)
        .max(work_start);
    if ctx.case.contractors.is_empty() {
        ctx.cannot_determine(RuleId::Lic01, "contractors", Question::ContractorLicensed);
        return;
    }
    let versions = ctx
        .book
        .in_force_during(RuleId::Lic02, work_start, work_end, ctx.utility())
        .collect::<Vec<_>>();
    let several = versions.len() > 1;
    let case = ctx.case;
    for (i, k) in case.contractors.iter().enumerate() {
        let who = || Contractor {
            index: i,
            name: k.name.clone(),
        };
        for lic02 in &versions {
            let inst = lic02.instrument;
            let same = |rule: RuleId| -> Option<InForce<'_>> {
                ctx.book
                    .in_force_during(rule, work_start, work_end, ctx.utility())
                    .find(|s| std::ptr::eq(s.instrument, inst))
            };
            let (lic01, lic03, lic04) = (
                same(RuleId::Lic01),
                same(RuleId::Lic03),
                same(RuleId::Lic04),
            );
            let first = ctx.findings.len();
            // LIC-01: a licence at all.
            if k.licensed == Some(false) {
                if let Some(s) = lic01 {
                    ctx.push(
                        RuleId::Lic01,
                        Outcome::Violation,
                        Some(s),
                        s.provision.mark,
                        Detail::Licence(Found::Unlicensed { contractor: who() }),
                        vec![format!("contractors[{i}].licensed").into()],
                    );
                }
                continue;
            }
            // LIC-02: tier against voltage.
            match (k.tier, kv) {
                (None, _) => ctx.cannot_determine(
                    RuleId::Lic02,
                    &format!("contractors[{i}].tier"),
                    Question::TierSuffices,
                ),
                (_, None) => ctx.cannot_determine(
                    RuleId::Lic02,
                    "customer.voltage_kv",
                    Question::TierRequired,
                ),
                (Some(t), Some(v)) => tier(ctx, *lic02, who(), t, v),
            }
            // LIC-03: category against activities.
            if let Some(s) = lic03 {
                let acts = if k.activities.is_empty() {
                    vec![Activity::Install]
                } else {
                    k.activities.clone()
                };
                if k.categories.is_empty() {
                    ctx.cannot_determine(
                        RuleId::Lic03,
                        &format!("contractors[{i}].categories"),
                        Question::CategoryMatches,
                    );
                } else {
                    let lacking: Vec<Activity> = acts
                        .iter()
                        .copied()
                        .filter(|a| !k.categories.contains(a))
                        .collect();
                    let o = if lacking.is_empty() {
                        Outcome::Ok
                    } else {
                        Outcome::Violation
                    };
                    ctx.push(
                        RuleId::Lic03,
                        o,
                        Some(s),
                        s.provision.mark,
                        Detail::Licence(Found::Categories {
                            contractor: who(),
                            categories: k.categories.clone(),
                            lacking,
                        }),
                        vec![
                            format!("contractors[{i}].categories").into(),
                            format!("contractors[{i}].activities").into(),
                        ],
                    );
                }
            }
            // LIC-04: validity on the work dates.
            if let Some(s) = lic04 {
                match k.valid_until {
                    None => ctx.cannot_determine(
                        RuleId::Lic04,
                        &format!("contractors[{i}].valid_until"),
                        Question::LicenceValid,
                    ),
                    Some(u) => {
                        let check = ValidityCheck {
                            contractor: who(),
                            valid_until: u,
                            work_start,
                            work_end,
                        };
                        let o = if check.covers_work() {
                            Outcome::Ok
                        } else {
                            Outcome::Violation
                        };
                        ctx.push(
                            RuleId::Lic04,
                            o,
                            Some(s),
                            s.provision.mark,
                            Detail::Licence(Found::Validity(check)),
                            vec![format!("contractors[{i}].valid_until").into()],
                        );
                    }
                }
            }
            if several {
                for f in &mut ctx.findings[first..] {
                    f.basis.extend([RuleId::Lic05, RuleId::Cal08]);
                }
            }
        }
        // LIC-06: the utility demanded a higher tier than the law.
        if let (Some(dt), Some(v)) = (ctx.case.conduct.demanded_tier, kv) {
            let required = versions
                .last()
                .and_then(|s| required_tier(s, v))
                .map(|(t, _)| t);
            for s in ctx.in_force(RuleId::Lic06, work_start) {
                if let Some(r) = required {
                    if dt < r {
                        ctx.push(
                            RuleId::Lic06,
                            Outcome::Warning,
                            Some(s),
                            s.provision.mark,
                            Detail::Licence(Found::DemandedTier {
                                tier_demanded: dt,
                                tier_required: r,
                            }),
                            vec!["conduct.demanded_tier".into()],
                        );
                    }
                }
            }
        }
    }
}

/// The lowest tier (highest number) whose scope includes `kv`, with the mark of its bound.
fn required_tier(src: &InForce<'_>, kv: f64) -> Option<(u8, Mark)> {
    src.provision
        .values
        .tiers()
        .iter()
        .filter(|v| v.max_kv.is_none_or(|m| kv <= m))
        .map(|v| (v.tier, v.mark))
        .max_by_key(|(t, _)| *t)
}

fn tier(ctx: &mut Ctx, src: InForce<'_>, contractor: Contractor, held: u8, kv: f64) {
    let p = src.provision;
    // The held tier's own bound decides: does its scope include kv? (CAL-07: 以下 includes the number.)
    let Some(held_value) = p.values.tiers().iter().find(|v| v.tier == held) else {
        return;
    };
    let ok = held_value.max_kv.is_none_or(|m| kv <= m);
    // An uncertain bound only matters for voltages inside its uncertain band.
    let outside_band = held_value
        .certain_kv
        .is_some_and(|c| kv <= c || held_value.max_kv.is_some_and(|m| kv > m));
    let mark = if outside_band {
        p.mark
    } else {
        held_value.mark
    };
    let inputs = vec![
        format!("contractors[{}].tier", contractor.index).into(),
        "customer.voltage_kv".into(),
    ];
    // An "ok" that rests on an unverified bound is only a warning (the
    // adverse direction is handled by `Ctx::push`).
    let o = match (ok, mark.is_reliable()) {
        (false, _) => Outcome::Violation,
        (true, false) => Outcome::Warning,
        (true, true) => Outcome::Ok,
    };
    let check = TierCheck {
        contractor,
        voltage_kv: kv,
        tier_held: held,
        tier_held_max_kv: held_value.max_kv,
        tier_required: required_tier(&src, kv).map(|(t, _)| t),
        sufficient: ok,
    };
    let f = ctx.push(
        RuleId::Lic02,
        o,
        Some(src),
        mark,
        Detail::Licence(Found::Tier(check)),
        inputs,
    );
    f.basis.push(RuleId::Cal07);
}
