//! Typed findings of TL and CAL: the time limit of each process step, counted
//! in working days on the official calendar (or calendar days, months,
//! years), and the calendar conventions that bear on it.

use super::{Citation, Step, StepStatus};
use crate::case::Convention;
pub use crate::vocab::{Kind, Scope, Unit};
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::Arc;

/// What a rule of this family found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "found", rename_all = "kebab-case")]
pub enum Found {
    /// TL-02: a high-voltage customer did not say whether it has one source
    /// or two, so it was evaluated as single source (the shorter limits).
    SourcesAssumedSingle,
    /// TL-01, TL-03 … TL-07: one step's limit under one regime, and how the
    /// step went against it.
    Limit(Limit),
    /// CAL-03: a step's clock started on a rest day, and the other counting
    /// convention would give a deadline that changes the result.
    ConventionMatters(ConventionMatters),
    /// CAL-13: only the national holiday calendar was used; local holidays
    /// (ethnic autonomous areas, local extensions) are not in the data.
    NationalCalendarOnly,
}

/// One step's limit under one provision, and the step measured against it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Limit {
    /// The process step.
    pub step: Step,
    /// The limit the provision sets.
    pub regime: Regime,
    /// The milestone whose date started the clock.
    pub started_by: Milestone,
    /// The day the clock started (the day itself is not counted, CAL-02).
    pub start: NaiveDate,
    /// The last day the step may be done on (for a limit in calendar days,
    /// months or years, the nominal last day; see `rolled_due`).
    pub due: NaiveDate,
    /// When `due` is a rest day and the limit is in calendar days, months or
    /// years: the day after the rest days, to which the period may roll over
    /// (CAL-06). Whether it does is unclear, so a step done (or looked at)
    /// between `due` and this day is a warning, not overdue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rolled_due: Option<NaiveDate>,
    /// The day the step was done, if it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done: Option<NaiveDate>,
    /// When the step is not done: the day the case was looked at (as of),
    /// which the status counts to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_done_as_of: Option<NaiveDate>,
    /// Working days from the start to the day done (or, not done, to the day
    /// looked at); only for limits in working days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working_days_elapsed: Option<i64>,
    /// Working days not counted because the customer paused the process
    /// (CAL-10); only for limits in working days, and only when some were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paused_working_days: Option<i64>,
    /// Where the step stands against `due`.
    pub status: StepStatus,
    /// TL-06 without a formalities date: the latest day the formalities can
    /// have been done, counted from as a second start (`start` is then the
    /// inspection pass, the earliest possible start).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formalities_latest: Option<NaiveDate>,
    /// The deadline counted from `formalities_latest`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_formalities_latest: Option<NaiveDate>,
    /// Working days elapsed counted from `formalities_latest`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working_days_elapsed_formalities_latest: Option<i64>,
}

impl Limit {
    /// Every start the step was counted from, with its deadline: the start,
    /// and the latest possible formalities date when there is one.
    pub fn counts(&self) -> impl Iterator<Item = (NaiveDate, NaiveDate)> {
        let latest = self.formalities_latest.zip(self.due_formalities_latest);
        std::iter::once((self.start, self.due)).chain(latest)
    }
}

/// A limit as a provision sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Regime {
    /// How many units the step may take.
    pub limit: u32,
    pub unit: Unit,
    pub kind: Kind,
    pub scope: Scope,
}

/// A dated milestone of the process: a date field of the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Milestone {
    Accepted,
    PlanIssued,
    DesignSubmitted,
    DesignReviewed,
    MidCheckRequested,
    MidCheckStarted,
    CompletionRequested,
    Inspected,
    InspectionPassed,
    Formalities,
    FormalitiesLatest,
    PowerOn,
}

impl Milestone {
    pub const ALL: [Milestone; 12] = [
        Milestone::Accepted,
        Milestone::PlanIssued,
        Milestone::DesignSubmitted,
        Milestone::DesignReviewed,
        Milestone::MidCheckRequested,
        Milestone::MidCheckStarted,
        Milestone::CompletionRequested,
        Milestone::Inspected,
        Milestone::InspectionPassed,
        Milestone::Formalities,
        Milestone::FormalitiesLatest,
        Milestone::PowerOn,
    ];

    /// The case field that holds its date, as a JSON path.
    pub fn field(self) -> &'static str {
        match self {
            Milestone::Accepted => "dates.accepted",
            Milestone::PlanIssued => "dates.plan_issued",
            Milestone::DesignSubmitted => "dates.design_submitted",
            Milestone::DesignReviewed => "dates.design_reviewed",
            Milestone::MidCheckRequested => "dates.mid_check_requested",
            Milestone::MidCheckStarted => "dates.mid_check_started",
            Milestone::CompletionRequested => "dates.completion_requested",
            Milestone::Inspected => "dates.inspected",
            Milestone::InspectionPassed => "dates.inspection_passed",
            Milestone::Formalities => "dates.formalities",
            Milestone::FormalitiesLatest => "dates.formalities_latest",
            Milestone::PowerOn => "dates.power_on",
        }
    }
}

/// CAL-03 in figures: a start on a rest day, and the deadline under each
/// convention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConventionMatters {
    /// The step.
    pub step: Step,
    /// The provision that sets the step's limit.
    pub limit_citation: Arc<Citation>,
    /// The start, a rest day.
    pub start: NaiveDate,
    /// The convention the case was counted under.
    pub convention: Convention,
    /// The deadline under that convention.
    pub due: NaiveDate,
    /// The deadline under the other convention.
    pub due_alternative: NaiveDate,
}

impl ConventionMatters {
    /// The convention `due_alternative` was counted under.
    pub fn alternative(&self) -> Convention {
        match self.convention {
            Convention::ExcludeStart => Convention::DeemedNextWorkday,
            Convention::DeemedNextWorkday => Convention::ExcludeStart,
        }
    }
}

/// A caveat particular to this family.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "caveat", rename_all = "kebab-case")]
pub enum Caveat {
    /// The limit is a policy target, not a legal limit for one case: missed,
    /// it is a warning, not overdue.
    PolicyTarget,
    /// The limit is a target for the average over cases: one case above it
    /// is a warning, not overdue.
    AverageTarget,
    /// The limit counts only the utility's time, and the case gives no
    /// customer-side pauses, so the customer's own time could not be taken
    /// out: missed, it is a warning, not overdue.
    UtilitySideWithoutPauses,
    /// CAL-11: the deadline was counted without holiday data and was missed
    /// by fewer days than a holiday can span: not called overdue.
    MarginWithinGap {
        /// Calendar days between the deadline and the day done (or looked at).
        margin_days: i64,
        /// The span under which a miss is not called overdue, in calendar days.
        uncertain_margin: u32,
    },
    /// TL-06: the formalities date is unknown, so the step was counted from
    /// the inspection pass (the earliest possible start) and from the latest
    /// possible formalities date, each where the case gives it.
    FormalitiesDateUnknown {
        /// The inspection pass counted from.
        #[serde(skip_serializing_if = "Option::is_none")]
        earliest: Option<NaiveDate>,
        /// The latest possible formalities date counted from.
        #[serde(skip_serializing_if = "Option::is_none")]
        latest: Option<NaiveDate>,
    },
    /// CAL-06: the step was done (or, not done, looked at) after the nominal
    /// last day, a rest day, but on or before the day the period may roll
    /// over to: not called overdue, as the law is unclear.
    RolloverWindow {
        /// The nominal last day (a rest day).
        due: NaiveDate,
        /// The day after the rest days, to which the period may roll over.
        rolled: NaiveDate,
        /// `due` is a listed public holiday; `false`: an ordinary weekend
        /// day, whose status as a statutory rest day (法定休假日) is disputed.
        holiday: bool,
        /// The CAL-06 provision in force on `due`, if the rulebook has one
        /// (none for 2017-10-01..2020-12-31: 民法总则's article is not in it).
        #[serde(skip_serializing_if = "Option::is_none")]
        rule: Option<std::sync::Arc<crate::report::Citation>>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A milestone's field path is `dates.` and its serialized name.
    #[test]
    fn every_milestone_names_its_case_field() {
        for m in Milestone::ALL {
            let name = serde_json::to_value(m).unwrap();
            assert_eq!(m.field(), format!("dates.{}", name.as_str().unwrap()));
        }
    }
}
