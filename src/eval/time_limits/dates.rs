//! The date arithmetic of time limits: which day each milestone fell on,
//! where a step's clock starts (two candidates for TL-06 without a
//! formalities date), the due day of a regime (working days with pauses,
//! calendar days, months, years; CAL-02/03/10), and a step's state as of a
//! day. No policy: what a result means is decided in `mod.rs`.

use super::super::Ctx;
use crate::calendar::period::{self, Against, Rollover};
use crate::case::Convention;
use crate::report::time_limit::{Milestone, Regime, Unit};
use crate::report::StepStatus;
use crate::rulebook::TimeLimitValue;
use crate::vocab::{Selector, Start};
use chrono::NaiveDate;

/// The case's date of a milestone, as given.
pub(super) fn date_of(ctx: &Ctx, m: Milestone) -> Option<NaiveDate> {
    let d = &ctx.case.dates;
    match m {
        Milestone::Accepted => d.accepted,
        Milestone::PlanIssued => d.plan_issued,
        Milestone::DesignSubmitted => d.design_submitted,
        Milestone::DesignReviewed => d.design_reviewed,
        Milestone::MidCheckRequested => d.mid_check_requested,
        Milestone::MidCheckStarted => d.mid_check_started,
        Milestone::CompletionRequested => d.completion_requested,
        Milestone::Inspected => d.inspected,
        Milestone::InspectionPassed => d.inspection_passed,
        Milestone::Formalities => d.formalities,
        Milestone::FormalitiesLatest => d.formalities_latest,
        Milestone::PowerOn => d.power_on,
    }
}

/// The milestone a value's `start` names in a rule file.
pub(super) fn start_of(start: Start) -> Milestone {
    match start {
        Start::Accepted => Milestone::Accepted,
        Start::DesignSubmitted => Milestone::DesignSubmitted,
        Start::MidCheckRequested => Milestone::MidCheckRequested,
        Start::CompletionRequested => Milestone::CompletionRequested,
        Start::Formalities => Milestone::Formalities,
    }
}

/// The start dates to count from: one, or for TL-06 without a formalities
/// date two (see [`starts_for`]). Held inline: a step is evaluated for every
/// regime of every case, and this needs no allocation.
#[derive(Clone, Copy)]
pub(super) struct Starts {
    items: [(Milestone, NaiveDate); 2],
    len: usize,
}

impl Starts {
    fn new() -> Self {
        Starts {
            items: [(Milestone::Accepted, NaiveDate::MIN); 2],
            len: 0,
        }
    }

    fn push(&mut self, m: Milestone, day: Option<NaiveDate>) {
        if let (Some(d), Some(slot)) = (day, self.items.get_mut(self.len)) {
            *slot = (m, d);
            self.len += 1;
        }
    }

    pub(super) fn as_slice(&self) -> &[(Milestone, NaiveDate)] {
        &self.items[..self.len]
    }
}

/// The start dates to count from for a start milestone. For `formalities`
/// with no date (TL-06): the inspection pass (earliest possible start) and,
/// if known, the latest possible formalities date.
pub(super) fn starts_for(ctx: &Ctx, start: Milestone) -> Starts {
    let d = &ctx.case.dates;
    let mut s = Starts::new();
    match start {
        Milestone::Formalities if d.formalities.is_none() => {
            s.push(
                Milestone::InspectionPassed,
                d.inspection_passed.or(d.inspected),
            );
            s.push(Milestone::FormalitiesLatest, d.formalities_latest);
        }
        m => s.push(m, date_of(ctx, m)),
    }
    s
}

/// The value for the most specific class of this case that has one.
pub(super) fn pick_value<'v>(
    values: &'v [TimeLimitValue],
    sel: &[Selector],
) -> Option<&'v TimeLimitValue> {
    sel.iter()
        .find_map(|s| values.iter().find(|v| v.for_ == *s))
}

/// A computed deadline.
pub(super) struct Deadline {
    pub(super) due: NaiveDate,
    /// Working days excluded because of pauses (CAL-10).
    pub(super) paused_wd: i64,
    /// CAL-06, for a limit in calendar days, months or years whose `due` is
    /// a rest day: the day the period may roll over to. (A working-day
    /// deadline is a working day, so it never rolls over.)
    pub(super) roll: Option<Rollover>,
}

impl Deadline {
    /// Where `day` falls against this deadline (CAL-06 window included).
    pub(super) fn against(&self, day: NaiveDate) -> Against {
        period::against(self.due, self.roll.as_ref(), day)
    }

    /// The rolled-over day, when there is one.
    pub(super) fn rolled(&self) -> Option<NaiveDate> {
        self.roll.as_ref().map(|r| r.rolled)
    }
}

/// A deadline in calendar units: its due day and, when that is a rest day,
/// the possible rollover (CAL-05, CAL-06).
fn calendar_deadline(ctx: &Ctx, due: Option<NaiveDate>) -> Option<Deadline> {
    let due = due?;
    Some(Deadline {
        due,
        paused_wd: 0,
        roll: period::rollover(ctx.cal, due),
    })
}

pub(super) fn deadline(
    ctx: &Ctx,
    start: NaiveDate,
    r: Regime,
    convention: Convention,
) -> Option<Deadline> {
    let cal = ctx.cal;
    let amount = r.limit;
    match r.unit {
        Unit::WorkingDays => {
            let start = match convention {
                Convention::DeemedNextWorkday if !cal.is_working_day(start) => {
                    cal.add_working_days(start, 1)?
                }
                _ => start,
            };
            let pauses = ctx.case.paused.iter().map(|p| (p.from, p.to));
            let d = crate::calendar::pauses::deadline(cal, start, i64::from(amount), pauses)?;
            Some(Deadline {
                due: d.due,
                paused_wd: d.paused_working_days,
                roll: None,
            })
        }
        Unit::CalendarDays => calendar_deadline(ctx, period::end_of_days(start, amount)),
        Unit::Months => calendar_deadline(ctx, period::end_of_months(start, amount)),
        Unit::Years => calendar_deadline(
            ctx,
            amount
                .checked_mul(12)
                .and_then(|m| period::end_of_months(start, m)),
        ),
        // Not a span of time: the loader refuses it for a time limit
        // (`schema::TIME_LIMIT_UNITS`).
        Unit::Minutes | Unit::Kv => None,
    }
}

/// Where a step stands against its deadline: done (`done`) or, not done,
/// as of the day looked at. Lateness is counted from the nominal due day.
pub(super) fn status(ctx: &Ctx, dl: &Deadline, done: Option<NaiveDate>) -> StepStatus {
    let (cal, due) = (ctx.cal, dl.due);
    match (done, dl.against(done.unwrap_or(ctx.as_of))) {
        (_, Against::InWindow) => StepStatus::InRolloverWindow,
        (Some(_), Against::Within) => StepStatus::DoneOnTime,
        (Some(d), Against::After) => StepStatus::DoneLate {
            days_late: (d - due).num_days(),
            working_days_late: cal.working_days_between(due, d),
        },
        (None, Against::Within) => StepStatus::DueIn {
            working_days: cal.working_days_between(ctx.as_of, due),
        },
        (None, Against::After) => StepStatus::OverdueBy {
            working_days: cal.working_days_between(due, ctx.as_of).max(1),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A step's start milestone is the date field of the start a rule file names.
    #[test]
    fn every_start_is_its_milestone() {
        for s in Start::ALL {
            assert_eq!(
                start_of(*s).field(),
                format!("dates.{}", s.as_str().replace('-', "_"))
            );
        }
    }
}
