//! What a customer may expect before applying (issue 14): each step's time
//! limit under every instrument in force on a day ("today", an input) that
//! binds the case's utility, for the case's customer class; and, for the
//! steps counted from acceptance, the day they would fall due if the
//! application were accepted that day (an example, counted on the calendar:
//! working days per CAL-02, calendar units with the CAL-06 rollover).
//!
//! Typed facts only; the words are in `crate::render`. A value's mark and a
//! candidate version travel with it, so no reader is shown an [R] value as
//! law.

use super::dates::{deadline, pick_value, start_of};
use super::STEPS;
use crate::calendar::Calendar;
use crate::case::{Case, Category};
use crate::report::time_limit::{Milestone, Regime};
use crate::report::{Citation, Step};
use crate::vocab::RuleId;
use crate::Mark;
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::Arc;

/// One step's limit under one instrument in force on the day.
#[derive(Debug, Clone, Serialize)]
pub struct StepLimit {
    pub step: Step,
    pub rule: RuleId,
    pub regime: Regime,
    /// The milestone the clock starts from.
    pub start: Milestone,
    pub citation: Arc<Citation>,
    /// The value's mark, weakened to [R] when the instrument is only a
    /// candidate on the day (it may not yet have been in force).
    pub mark: Mark,
    /// The instrument's in-force dates are themselves unsure
    /// (said once, in the "about the basis" part of an answer).
    pub dates_uncertain: bool,
    /// For a step counted from acceptance: its due day if accepted on the day.
    pub example: Option<Example>,
    /// `Some(works)` when the value holds only with (or without) grid
    /// extension works and the case does not say which: both are listed.
    pub if_external_works: Option<bool>,
}

/// The due day of a step if the application were accepted on the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Example {
    pub accepted: NaiveDate,
    pub due: NaiveDate,
    /// CAL-06: the working day a calendar-unit deadline on a rest day may roll over to.
    pub rolled: Option<NaiveDate>,
}

/// What applies on `today` to the case's customer (category, business,
/// supply sources, external works, utility, counting convention). Dates in
/// the case are ignored: the answer is for someone who has not applied.
pub fn expect(book: &crate::rulebook::Rulebook, case: &Case, today: NaiveDate) -> Vec<StepLimit> {
    expect_with(book, Calendar::national(), case, today)
}

/// As [`expect`], with a calendar of the caller's choice.
pub fn expect_with(
    book: &crate::rulebook::Rulebook,
    cal: &Calendar,
    case: &Case,
    today: NaiveDate,
) -> Vec<StepLimit> {
    // The case as if accepted today, with no pauses: the example's clock.
    let mut c = case.clone();
    c.dates = crate::case::Dates {
        accepted: Some(today),
        ..Default::default()
    };
    c.paused.clear();
    let ctx = super::super::Ctx::new(book, cal, &c, today, false);
    let mut out = Vec::new();
    // Without an answer about grid extension works, the values for either
    // answer (the 2025 opinion's 5 / 15 working days) are both listed.
    let either: Vec<(Option<bool>, &'static [crate::vocab::Selector])> =
        match c.customer.external_works {
            Some(_) => vec![(None, ctx.selectors)],
            None => [false, true]
                .into_iter()
                .map(|w| {
                    let mut k = c.clone();
                    k.customer.external_works = Some(w);
                    (Some(w), super::super::selectors(&k))
                })
                .collect(),
        };
    // DOC-07 / TL-03: design review and the mid-term check are for
    // customers who need them. Where the rulebook has SGCC's 2015
    // simplification in force for this utility, an ordinary customer (low
    // voltage, neither important nor with a special load) has neither, so a
    // household is not told to wait for a review it will not have. High
    // voltage is kept: its voltage decides, and the answer does not ask it.
    let c0 = &c.customer;
    let no_design_review = c0.category != Category::HighVoltage
        && !c0.important
        && !c0.special_load
        && ctx.in_force(RuleId::Doc07, today).next().is_some();
    for step in STEPS {
        if no_design_review && matches!(step.step, Step::DesignReview | Step::MidCheck) {
            continue;
        }
        for src in ctx.in_force(step.rule, today) {
            let values = src.provision.values.time_limits();
            let picked: Vec<(Option<bool>, &crate::rulebook::TimeLimitValue)> =
                match pick_value(values, ctx.selectors) {
                    Some(v) => vec![(None, v)],
                    None => either
                        .iter()
                        .filter_map(|(w, sel)| pick_value(values, sel).map(|v| (*w, v)))
                        .collect(),
                };
            for (if_external_works, v) in picked {
                let regime = Regime {
                    limit: v.amount,
                    unit: v.unit,
                    kind: v.kind,
                    scope: v.scope,
                };
                let start = start_of(v.start);
                let example = (start == Milestone::Accepted)
                    .then(|| deadline(&ctx, today, regime, c.convention))
                    .flatten()
                    .map(|dl| Example {
                        accepted: today,
                        due: dl.due,
                        rolled: dl.rolled(),
                    });
                let i = src.instrument;
                out.push(StepLimit {
                    step: step.step,
                    rule: step.rule,
                    regime,
                    start,
                    citation: Arc::clone(src.citation),
                    mark: if src.candidate {
                        v.mark.weakest(Mark::R)
                    } else {
                        v.mark
                    },
                    dates_uncertain: i.uncertain_from().is_some() || i.uncertain_until().is_some(),
                    example,
                    if_external_works,
                });
            }
        }
    }
    out
}

/// Of one step's limits, the one a customer is shown first (the others are
/// folded under it): a limit before a policy target, a reliable value before
/// an unverified one, a limit counted from the step's own start before an
/// old one counted from acceptance (the two are not comparable), one that
/// holds whatever the grid works before one for a case not known, and then
/// the shortest. `None` for no limits.
pub fn first_shown(limits: &[&StepLimit]) -> Option<usize> {
    use crate::report::time_limit::{Kind, Unit};
    let unit = |u: Unit| match u {
        Unit::WorkingDays => 0,
        Unit::CalendarDays => 1,
        Unit::Months => 2,
        _ => 3,
    };
    limits
        .iter()
        .enumerate()
        .min_by_key(|(_, l)| {
            (
                l.regime.kind != Kind::Limit,
                !l.mark.is_reliable(),
                l.start == Milestone::Accepted
                    && !matches!(l.step, Step::PlanAnswer | Step::WholeProcess),
                l.if_external_works.is_some(),
                unit(l.regime.unit),
                l.regime.limit,
            )
        })
        .map(|(i, _)| i)
}
