//! TL: time limits per process step (catalog §4), with CAL-02/03/04/10/11/13.
//! Builds typed findings ([`crate::report::time_limit`]); the words are in
//! `crate::render`. This module is the finding policy (which regimes, which
//! outcome, which caveats and bases); `dates.rs` is the date arithmetic.

mod dates;
pub mod expect;

use dates::{date_of, deadline, pick_value, start_of, starts_for, status, Deadline};

use super::Ctx;
use crate::calendar::period::Against;
use crate::calendar::{CoverageGap, SpecialDay};
use crate::case::{Category, Convention, Sources};
use crate::report::time_limit::{
    Caveat as TlCaveat, ConventionMatters, Found, Kind, Limit, Milestone, Regime, Scope, Unit,
};
use crate::report::{Caveat, Detail, Due, Name, Outcome, Question, Step, TimelineStep};
use crate::rulebook::{InForce, TimeLimitValue};
use crate::vocab::{Named, RuleId};
use chrono::NaiveDate;
use std::sync::Arc;

/// One step: its rule, the milestone that starts it (decides the regime,
/// CAL-08), and the milestone that ends it.
struct StepDef {
    rule: RuleId,
    step: Step,
    start: Milestone,
    end: Milestone,
}

const STEPS: &[StepDef] = &[
    StepDef {
        rule: RuleId::Tl01,
        step: Step::PlanAnswer,
        start: Milestone::Accepted,
        end: Milestone::PlanIssued,
    },
    StepDef {
        rule: RuleId::Tl03,
        step: Step::DesignReview,
        start: Milestone::DesignSubmitted,
        end: Milestone::DesignReviewed,
    },
    StepDef {
        rule: RuleId::Tl04,
        step: Step::MidCheck,
        start: Milestone::MidCheckRequested,
        end: Milestone::MidCheckStarted,
    },
    StepDef {
        rule: RuleId::Tl05,
        step: Step::CompletionInspection,
        start: Milestone::CompletionRequested,
        end: Milestone::Inspected,
    },
    StepDef {
        rule: RuleId::Tl06,
        step: Step::PowerOn,
        start: Milestone::Formalities,
        end: Milestone::PowerOn,
    },
    StepDef {
        rule: RuleId::Tl07,
        step: Step::WholeProcess,
        start: Milestone::Accepted,
        end: Milestone::PowerOn,
    },
];

pub(crate) fn check(ctx: &mut Ctx) {
    let hv = ctx.case.customer.category == Category::HighVoltage;
    if hv && ctx.case.supply.sources == Sources::Unknown {
        let src = ctx.in_force(RuleId::Tl02, ctx.application_date()).next();
        ctx.push(
            RuleId::Tl02,
            Outcome::Warning,
            src,
            crate::Mark::R,
            Detail::TimeLimit(Found::SourcesAssumedSingle),
            vec!["supply.sources".into()],
        );
    }
    for step in STEPS {
        check_step(ctx, step);
    }
    if ctx.case.utility.province.is_some() {
        let src = ctx.in_force(RuleId::Cal13, ctx.application_date()).next();
        ctx.push(
            RuleId::Cal13,
            Outcome::Warning,
            src,
            crate::Mark::R,
            Detail::TimeLimit(Found::NationalCalendarOnly),
            vec!["utility.province".into()],
        );
    }
}

fn check_step(ctx: &mut Ctx, step: &StepDef) {
    let arising = match step.start {
        Milestone::Formalities => starts_for(ctx, step.start).as_slice().first().map(|s| s.1),
        m => date_of(ctx, m),
    };
    let done = date_of(ctx, step.end);
    let Some(arising) = arising else {
        // Not reached yet, unless a later milestone shows it happened.
        if done.is_some() || (step.step == Step::PlanAnswer && !ctx.case.dates.given().is_empty()) {
            let q = Question::StepOnTime(step.step);
            ctx.cannot_determine(step.rule, step.start.field(), q);
        }
        return;
    };
    let sel = ctx.selectors;
    let provisions = ctx.in_force(step.rule, arising);
    let first_new = ctx.findings.len();
    let mut dues = Vec::new();
    for src in provisions {
        let Some(v) = pick_value(src.provision.values.time_limits(), sel) else {
            continue;
        };
        let start = start_of(v.start);
        let starts = starts_for(ctx, start);
        let starts = starts.as_slice();
        if starts.is_empty() {
            ctx.cannot_determine(step.rule, start.field(), Question::StepStart(step.step));
            continue;
        }
        evaluate_value(ctx, step, src, v, starts, done, &mut dues);
    }
    // TL-09: several regimes side by side.
    let regimes = ctx.findings[first_new..]
        .iter()
        .filter(|f| f.citation.is_some())
        .count();
    if regimes > 1 {
        for f in &mut ctx.findings[first_new..] {
            f.basis.push(RuleId::Tl09);
        }
    }
    if !dues.is_empty() {
        ctx.timeline.push(TimelineStep {
            step: step.step,
            due: dues,
        });
    }
}

/// CAL-11's uncertain margin, in calendar days: a deadline counted without
/// holiday data and missed by fewer days is not called overdue. `None` when
/// the CAL-11 provision in force gives none (the loader's value shape makes
/// it present), and then no miss is excused.
fn uncertain_margin(ctx: &Ctx) -> Option<u32> {
    ctx.in_force(RuleId::Cal11, ctx.as_of).find_map(|src| {
        src.provision
            .values
            .named(Named::UncertainMargin)
            .map(|v| v.amount)
    })
}

fn evaluate_value(
    ctx: &mut Ctx,
    step: &StepDef,
    src: InForce<'_>,
    v: &TimeLimitValue,
    starts: &[(Milestone, NaiveDate)],
    done: Option<NaiveDate>,
    dues: &mut Vec<Due>,
) {
    let regime = Regime {
        limit: v.amount,
        unit: v.unit,
        kind: v.kind,
        scope: v.scope,
    };
    let mark = v.mark;
    let convention = ctx.case.convention;
    let end = done.unwrap_or(ctx.as_of);

    // The holidays crossed explain a deadline to a reader; a summary drops
    // them, so they are only gathered for a full report. (The fields read
    // and the coverage gap are kept: they decide outcomes.)
    let explain = ctx.explain;
    let mut inputs: Vec<Name> = Vec::with_capacity(starts.len() + 1);
    let mut crossed: Vec<SpecialDay> = Vec::new();
    let mut coverage_gap: Option<CoverageGap> = None;
    let mut results = Vec::with_capacity(starts.len());
    for &(m, start) in starts {
        let Some(dl) = deadline(ctx, start, regime, convention) else {
            continue;
        };
        inputs.push(m.field().into());
        // Through the rolled-over day too: the rest days it passes explain it.
        let hi = end.max(dl.rolled().unwrap_or(dl.due));
        if explain {
            for s in ctx.cal.special_days_between(start, hi) {
                if !crossed.contains(s) {
                    crossed.push(SpecialDay::clone(s));
                }
            }
        }
        if let Some(g) = ctx.cal.gap(start, hi) {
            coverage_gap = Some(g);
        }
        results.push((m, start, dl));
    }
    let Some(&(started_by, first_start, ref first_dl)) = results.first() else {
        return;
    };
    // The step's own date is read even when absent: its absence is what
    // makes the step still open (or overdue), so a reader holding back the
    // results of a field with an error holds this one back too.
    inputs.push(step.end.field().into());

    // Outcome from each start; all must agree to be definite. A day in a
    // CAL-06 rollover window is neither on time nor late: a warning.
    let place = |(_, _, dl): &(Milestone, NaiveDate, Deadline)| dl.against(end);
    let any_late = results.iter().any(|r| place(r) != Against::Within);
    let all_late = results.iter().all(|r| place(r) == Against::After);
    let mut outcome = if !any_late {
        Outcome::Ok
    } else if all_late {
        Outcome::Overdue
    } else {
        Outcome::Warning
    };
    // At most CAL-02, CAL-06, CAL-11, TL-08, CAL-04 and CAL-10.
    let mut basis = Vec::with_capacity(6);
    basis.push(RuleId::Cal02);
    let mut caveats = Vec::new();
    // CAL-06: a calendar-unit deadline on a rest day is shown with the day
    // it may roll over to; inside that window the law is unclear.
    if let Some(roll) = &first_dl.roll {
        basis.push(RuleId::Cal06);
        if first_dl.against(end) == Against::InWindow {
            caveats.push(TlCaveat::RolloverWindow {
                due: roll.nominal,
                rolled: roll.rolled,
                holiday: roll.holiday,
                rule: ctx
                    .in_force(RuleId::Cal06, roll.nominal)
                    .next()
                    .map(|s| std::sync::Arc::clone(s.citation)),
            });
        }
    }
    if regime.kind != Kind::Limit && outcome == Outcome::Overdue {
        outcome = Outcome::Warning;
        caveats.push(match regime.kind {
            Kind::AverageTarget => TlCaveat::AverageTarget,
            _ => TlCaveat::PolicyTarget,
        });
    }
    if regime.scope == Scope::UtilitySide
        && ctx.case.paused.is_empty()
        && outcome == Outcome::Overdue
    {
        outcome = Outcome::Warning;
        caveats.push(TlCaveat::UtilitySideWithoutPauses);
    }
    // CAL-11: a deadline computed without holiday data, missed by less than a holiday span.
    if let Some(g) = coverage_gap {
        ctx.note_gap(g);
        if outcome == Outcome::Overdue {
            let margin_days = (end - first_dl.due).num_days().abs();
            if let Some(m) = uncertain_margin(ctx).filter(|&m| margin_days < i64::from(m)) {
                outcome = Outcome::Warning;
                caveats.push(TlCaveat::MarginWithinGap {
                    margin_days,
                    uncertain_margin: m,
                });
            }
        }
        basis.push(RuleId::Cal11);
    }
    if let Some(d) = done {
        if !ctx.cal.is_working_day(d) {
            basis.push(RuleId::Tl08);
            if first_dl.against(d) == Against::After {
                basis.push(RuleId::Cal04);
            }
        }
    }
    if results.iter().any(|(_, _, dl)| dl.paused_wd > 0) {
        basis.push(RuleId::Cal10);
    }
    if starts.len() > 1 || (step.step == Step::PowerOn && ctx.case.dates.formalities.is_none()) {
        let from = |m: Milestone| results.iter().find(|r| r.0 == m).map(|r| r.1);
        caveats.push(TlCaveat::FormalitiesDateUnknown {
            earliest: from(Milestone::InspectionPassed),
            latest: from(Milestone::FormalitiesLatest),
        });
    }

    let elapsed = |start: NaiveDate| {
        (regime.unit == Unit::WorkingDays).then(|| ctx.cal.working_days_between(start, end))
    };
    let latest = results
        .get(1)
        .filter(|(m, ..)| *m == Milestone::FormalitiesLatest);
    let step_status = status(ctx, first_dl, done);
    let limit = Limit {
        step: step.step,
        regime,
        started_by,
        start: first_start,
        due: first_dl.due,
        rolled_due: first_dl.rolled(),
        done,
        not_done_as_of: done.is_none().then_some(ctx.as_of),
        working_days_elapsed: elapsed(first_start),
        paused_working_days: (first_dl.paused_wd > 0).then_some(first_dl.paused_wd),
        status: step_status,
        formalities_latest: latest.map(|r| r.1),
        due_formalities_latest: latest.map(|r| r.2.due),
        working_days_elapsed_formalities_latest: latest.and_then(|r| elapsed(r.1)),
    };
    let f = ctx.push(
        step.rule,
        outcome,
        Some(src),
        mark,
        Detail::TimeLimit(Found::Limit(limit)),
        inputs,
    );
    // `push` gives a finding no basis yet (caveats it may: an instrument
    // whose in-force dates are unverified).
    f.basis = basis;
    f.caveats.extend(caveats.into_iter().map(Caveat::TimeLimit));
    f.crossed = crossed;
    f.coverage_gap = coverage_gap;

    // CAL-03: would the alternative convention change the result?
    if regime.unit == Unit::WorkingDays && !ctx.cal.is_working_day(first_start) {
        let other = match convention {
            Convention::ExcludeStart => Convention::DeemedNextWorkday,
            Convention::DeemedNextWorkday => Convention::ExcludeStart,
        };
        if let Some(alt) = deadline(ctx, first_start, regime, other) {
            if (end > alt.due) != (end > first_dl.due) {
                let src3 = ctx.in_force(RuleId::Cal03, first_start).next();
                let found = ConventionMatters {
                    step: step.step,
                    limit_citation: Arc::clone(src.citation),
                    start: first_start,
                    convention,
                    due: first_dl.due,
                    due_alternative: alt.due,
                };
                ctx.push(
                    RuleId::Cal03,
                    Outcome::Warning,
                    src3,
                    crate::Mark::R,
                    Detail::TimeLimit(Found::ConventionMatters(found)),
                    vec![started_by.field().into(), "convention".into()],
                );
            }
        }
    }
    // The timeline is for reading too; a summary has none.
    if !explain {
        return;
    }
    dues.push(Due {
        instrument: src.instrument.id.clone(),
        title: src.instrument.title.clone(),
        title_en: src.instrument.title_en.clone(),
        version: src.instrument.version.clone(),
        version_en: src.instrument.version_en.clone(),
        start: first_start,
        due: first_dl.due,
        done,
        status: step_status,
        mark,
        rolled: first_dl.rolled(),
    });
}
