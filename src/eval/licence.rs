//! LIC: the contractor's 承装(修、试) licence (catalog §6), versions by work dates (LIC-05).

use super::Ctx;
use crate::case::Activity;
use crate::report::licence::{Contractor, Found, TierCheck, ValidityCheck};
use crate::report::licence::{Conversion, OtherReading, TierDoubt, TierNotInVersion, VersionFacts};
use crate::report::{Detail, Outcome, Question};
use crate::rulebook::{InForce, TierValue};
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
            let (lic01, lic03, lic04, lic05) = (
                same(RuleId::Lic01),
                same(RuleId::Lic03),
                same(RuleId::Lic04),
                same(RuleId::Lic05),
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
            // LIC-05: a certificate of an earlier tier system, under a version
            // whose holders convert by a day.
            if let (Some(s), Some(held)) = (lic05, k.tier) {
                conversion(ctx, *lic02, s, who(), held, work_end);
            }
            if several {
                for f in &mut ctx.findings[first..] {
                    for r in [RuleId::Lic05, RuleId::Cal08] {
                        if !f.basis.contains(&r) {
                            f.basis.push(r);
                        }
                    }
                }
            }
        }
    }
    // LIC-06: the utility demanded a higher tier than the law. Once per
    // case (the demand is the case's, not a contractor's), and no surer
    // than the tier bound that makes the demand higher.
    if let (Some(dt), Some(v)) = (ctx.case.conduct.demanded_tier, kv) {
        let required = versions
            .last()
            .and_then(|s| required_tier(s.provision.values.tiers(), v, false));
        for s in ctx.in_force(RuleId::Lic06, work_start) {
            if let Some((r, bound)) = required {
                if dt < r {
                    ctx.push(
                        RuleId::Lic06,
                        Outcome::Warning,
                        Some(s),
                        s.provision.mark.weakest(bound),
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

/// The lowest tier (highest number) whose scope includes `kv`, with the
/// mark of its bound. `other`: read each tier's cap as the other source
/// gives it, where one does (`alt_max_kv`).
pub(super) fn required_tier(tiers: &[TierValue], kv: f64, other: bool) -> Option<(u8, Mark)> {
    tiers
        .iter()
        .filter(|v| {
            let cap = if other {
                v.alt_max_kv.or(v.max_kv)
            } else {
                v.max_kv
            };
            cap.is_none_or(|m| kv <= m)
        })
        .map(|v| (v.tier, v.mark))
        .max_by_key(|(t, _)| *t)
}

/// What a finding says of a version: its tiers, the tiers of the version
/// in force the day before it, and since when, if that is sure.
fn version_facts(ctx: &Ctx, src: &InForce<'_>) -> VersionFacts {
    let i = src.instrument;
    let count = |s: &InForce<'_>| u8::try_from(s.provision.values.tiers().len()).unwrap_or(u8::MAX);
    VersionFacts {
        tiers: count(src),
        tiers_before: i
            .from
            .pred_opt()
            .and_then(|d| ctx.in_force(RuleId::Lic02, d).last())
            .map(|s| count(&s)),
        in_force_from: i.from_mark.is_reliable().then_some(i.from),
    }
}

/// LIC-05: the held certificate under a version whose LIC-05 provision
/// (`lic05`) gives the last day of the earlier system's certificates. A
/// tier the version does not have is surely of the earlier system; one it
/// has may be (the case does not give the day the certificate was issued),
/// so both are a warning that names the conversion.
fn conversion(
    ctx: &mut Ctx,
    lic02: InForce<'_>,
    lic05: InForce<'_>,
    contractor: Contractor,
    held: u8,
    work_end: chrono::NaiveDate,
) {
    let Some(until) = lic05.provision.values.until() else {
        return;
    };
    let now = lic02.provision.values.tiers();
    let version = version_facts(ctx, &lic02);
    let index = contractor.index;
    ctx.push(
        RuleId::Lic05,
        Outcome::Warning,
        Some(lic05),
        lic05.provision.mark.weakest(until.mark),
        Detail::Licence(Found::Conversion(Conversion {
            contractor,
            tier_held: held,
            certain: !now.iter().any(|v| v.tier == held),
            version,
            convert_by: until.until,
            work_end,
        })),
        vec![format!("contractors[{index}].tier").into()],
    );
}

fn tier(ctx: &mut Ctx, src: InForce<'_>, contractor: Contractor, held: u8, kv: f64) {
    let p = src.provision;
    let tiers = p.values.tiers();
    let inputs = vec![
        format!("contractors[{}].tier", contractor.index).into(),
        "customer.voltage_kv".into(),
    ];
    // The held tier's own bound decides: does its scope include kv? (CAL-07: 以下 includes the number.)
    let Some(held_value) = tiers.iter().find(|v| v.tier == held) else {
        // A tier the version does not have (四级 under the three-tier
        // revision): its scope is whatever the converted certificate says.
        let required = required_tier(tiers, kv, false);
        let other = required_tier(tiers, kv, true).map(|(t, _)| t);
        let tier_required = required.map(|(t, _)| t);
        let f = ctx.push(
            RuleId::Lic02,
            Outcome::Warning,
            Some(src),
            p.mark.weakest(required.map_or(p.mark, |(_, m)| m)),
            Detail::Licence(Found::TierNotInVersion(TierNotInVersion {
                contractor,
                voltage_kv: kv,
                tier_held: held,
                version: version_facts(ctx, &src),
                tier_required,
                other_tier_required: other.filter(|o| Some(*o) != tier_required),
            })),
            inputs,
        );
        f.basis.extend([RuleId::Cal07, RuleId::Lic05]);
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
    // An "ok" that rests on an unverified bound is only a warning (the
    // adverse direction is handled by `Ctx::push`).
    let o = match (ok, mark.is_reliable()) {
        (false, _) => Outcome::Violation,
        (true, false) => Outcome::Warning,
        (true, true) => Outcome::Ok,
    };
    // A version none of whose caps is verified (the 2025 revision), or
    // sources that disagree on the held tier's cap: say which, and what the
    // other source's cap would give.
    let no_cap_seen = tiers.iter().all(|v| !v.mark.is_reliable());
    let other_reading = held_value.alt_max_kv.map(|alt| OtherReading {
        tier_held_max_kv: alt,
        tier_required: required_tier(tiers, kv, true).map(|(t, _)| t),
        sufficient: kv <= alt,
    });
    let doubt = (no_cap_seen || other_reading.is_some()).then(|| TierDoubt {
        version: version_facts(ctx, &src),
        no_cap_seen,
        other_reading,
    });
    let check = TierCheck {
        contractor,
        voltage_kv: kv,
        tier_held: held,
        tier_held_max_kv: held_value.max_kv,
        tier_required: required_tier(tiers, kv, false).map(|(t, _)| t),
        sufficient: ok,
        doubt,
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
