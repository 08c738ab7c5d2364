//! The one definition of a case's next deadline and its state (issue 15):
//! for a case and a day "as of", every deadline still open (a step started
//! and not done, a supply plan not yet used), each with its due day, the
//! working days left and a state from a closed list, most urgent first.
//!
//! Nothing is computed twice. The deadlines are the TL findings of the
//! evaluator (`time_limits`: regimes, pauses, CAL-06 rollover, CAL-11) and
//! the PLAN-01 validity (`plan`), read back from their typed details; the
//! state follows the finding's outcome, so an [R] value, a policy target or
//! a miss inside CAL-11's margin is never called overdue here either.
//! [`next_deadlines`] runs only those two rule families (what `yekuo due`
//! needs, fast); [`of_report`] reads a full report the caller already has
//! (the single-case view).

use crate::calendar::{Calendar, CoverageGap};
use crate::case::Case;
use crate::report::plan::{Found as PlanFound, ValidityStatus};
use crate::report::time_limit::{Found as TlFound, Limit};
use crate::report::{Detail, Finding, Outcome, Report, Step, StepStatus};
use crate::vocab::RuleId;
use crate::Mark;
use chrono::NaiveDate;
use serde::{Serialize, Serializer};
use std::sync::Arc;

/// Where an open deadline stands on the day looked at, most urgent first
/// (the order of the variants is the order of a worklist).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Past the due day, and the finding says `overdue`.
    Overdue,
    /// Past the due day, but not called overdue: the finding is a warning
    /// (an [R] or [X] value, a policy or average target, utility-side time
    /// without the customer's pauses, a miss counted without holiday data
    /// and smaller than CAL-11's margin, the CAL-06 rollover window), or a
    /// supply plan past its last valid day with no construction start given.
    PastDueWarning,
    /// The due day is the day looked at.
    DueToday,
    /// Due within the chosen number of working days (`within`).
    DueSoon,
    /// A step not past due, and the day looked at falls in a customer
    /// pause (CAL-10): the utility's clock waits for the customer.
    Paused,
    /// Due later than `within` working days.
    OnTime,
}

impl State {
    /// Whether a worklist shows the case as at risk: past due, due today
    /// or due soon. A paused case waits for the customer; one on time needs
    /// nothing yet.
    pub fn at_risk(self) -> bool {
        matches!(
            self,
            State::Overdue | State::PastDueWarning | State::DueToday | State::DueSoon
        )
    }

    pub fn code(self) -> &'static str {
        match self {
            State::Overdue => "overdue",
            State::PastDueWarning => "past-due-warning",
            State::DueToday => "due-today",
            State::DueSoon => "due-soon",
            State::Paused => "paused",
            State::OnTime => "on-time",
        }
    }
}

/// What falls due: a process step, or the supply plan's validity (the last
/// day construction may start on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Step(Step),
    PlanValidity,
}

impl Item {
    /// The name programs read (`plan-answer` … `whole-process`, `plan-validity`).
    pub fn code(self) -> &'static str {
        match self {
            Item::Step(Step::PlanAnswer) => "plan-answer",
            Item::Step(Step::DesignReview) => "design-review",
            Item::Step(Step::MidCheck) => "mid-check",
            Item::Step(Step::CompletionInspection) => "completion-inspection",
            Item::Step(Step::PowerOn) => "power-on",
            Item::Step(Step::WholeProcess) => "whole-process",
            Item::PlanValidity => "plan-validity",
        }
    }
}

impl Serialize for Item {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// A deadline's place in a worklist: state, working days left, due day,
/// mark (compared in that order; smaller is more urgent).
pub type Urgency = (State, i64, NaiveDate, Mark);

/// One open deadline under one instrument.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deadline {
    pub item: Item,
    /// The rule that sets it (TL-01 … TL-07, PLAN-01).
    pub rule: RuleId,
    /// The instrument's id and titles (Chinese, English).
    pub instrument: Arc<str>,
    pub title: Arc<str>,
    pub title_en: Arc<str>,
    /// The mark of the value that sets the limit.
    pub mark: Mark,
    /// The finding's outcome (what a full report says of this deadline).
    pub outcome: Outcome,
    /// The day the clock started (the plan's issue or signature day).
    pub start: NaiveDate,
    /// The last day: of the step, or on which construction may start.
    pub due: NaiveDate,
    /// CAL-06: the day a calendar-unit deadline on a rest day may roll over to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rolled: Option<NaiveDate>,
    /// Working days on the calendar after the day looked at up to the due
    /// day (0: due that day or on the rest days just after it); past the due
    /// day, minus the working days since (at least 1).
    pub working_days_left: i64,
    pub state: State,
    /// CAL-11: days of this count lie outside the holiday data and were
    /// counted with weekends only, so the due day may move.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar_gap: Option<CoverageGap>,
    /// For the plan: the last day to ask for an extension (PLAN-02, nominal).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension_request_by: Option<NaiveDate>,
}

impl Deadline {
    /// The worklist's order: state, then fewest working days left, then
    /// the earliest due day, then the surer value ([V] before [R]).
    pub fn urgency(&self) -> Urgency {
        (self.state, self.working_days_left, self.due, self.mark)
    }
}

/// A case's open deadlines on a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseDue {
    pub as_of: NaiveDate,
    /// "Due soon" means within this many working days.
    pub within: u32,
    /// Every open deadline, every regime, most urgent first. The first is
    /// the case's next deadline; a step's other regimes follow it.
    pub open: Vec<Deadline>,
}

impl CaseDue {
    /// The most urgent open deadline, if any is open.
    pub fn next(&self) -> Option<&Deadline> {
        self.open.first()
    }

    /// Whether the case belongs on today's warning list.
    pub fn at_risk(&self) -> bool {
        self.next().is_some_and(|d| d.state.at_risk())
    }
}

/// The open deadlines of `case` on `as_of`, "due soon" meaning within
/// `within` working days. Runs only the time-limit and plan rules of the
/// evaluator, without explanations, on the national calendar.
///
/// The clerk's worklist in the app calls it for thousands of cases (issue
/// 15: a 5,000-case recompute within 100 ms); its single-case view reads
/// the report it already has ([`of_report`]).
pub fn next_deadlines(
    book: &crate::rulebook::Rulebook,
    case: &Case,
    as_of: NaiveDate,
    within: u32,
) -> CaseDue {
    use super::{plan, time_limits, Ctx};
    let cal = Calendar::national();
    let mut ctx = Ctx::new(book, cal, case, as_of, false);
    time_limits::check(&mut ctx);
    plan::check(&mut ctx);
    from_findings(cal, case, as_of, within, &ctx.findings)
}

/// The open deadlines of a full report of `case` (made by
/// [`super::evaluate`] on the national calendar): the same answer as
/// [`next_deadlines`] without evaluating again.
pub fn of_report(report: &Report, case: &Case, within: u32) -> CaseDue {
    from_findings(
        Calendar::national(),
        case,
        report.as_of,
        within,
        &report.findings,
    )
}

fn from_findings(
    cal: &Calendar,
    case: &Case,
    as_of: NaiveDate,
    within: u32,
    findings: &[Finding],
) -> CaseDue {
    let paused = case.paused.iter().any(|p| p.from <= as_of && as_of <= p.to);
    let plan_used = plan_used(case);
    let extension_by = findings.iter().find_map(|f| match &f.detail {
        Detail::Plan(PlanFound::Extension(e)) => Some(e.request_by),
        _ => None,
    });
    let mut open = Vec::new();
    for f in findings {
        let Some(c) = &f.citation else { continue };
        let (item, start, due, rolled, status) = match &f.detail {
            Detail::TimeLimit(TlFound::Limit(l)) => match step_open(l) {
                Some(status) => (Item::Step(l.step), l.start, l.due, l.rolled_due, status),
                None => continue,
            },
            Detail::Plan(PlanFound::Validity(v)) if !plan_used => {
                let status = match v.status {
                    ValidityStatus::DaysLeft { .. } => Open::DueIn,
                    ValidityStatus::ExpiredStartUnknown => Open::Past,
                    // Construction started: the plan was used.
                    _ => continue,
                };
                (
                    Item::PlanValidity,
                    v.start,
                    v.valid_until,
                    v.rolled_expiry,
                    status,
                )
            }
            _ => continue,
        };
        let (state, working_days_left) = match status {
            Open::DueIn => {
                let left = cal.working_days_between(as_of, due);
                let state = if due == as_of {
                    State::DueToday
                } else if paused && item != Item::PlanValidity {
                    // A pause stops the utility's clocks (CAL-10), not the
                    // plan's validity: that one is the customer's to watch.
                    State::Paused
                } else if left <= i64::from(within) {
                    State::DueSoon
                } else {
                    State::OnTime
                };
                (state, left)
            }
            Open::Past => {
                let state = if f.outcome == Outcome::Overdue {
                    State::Overdue
                } else {
                    State::PastDueWarning
                };
                (state, -cal.working_days_between(due, as_of).max(1))
            }
        };
        open.push(Deadline {
            item,
            rule: f.rule,
            instrument: Arc::clone(&c.instrument),
            title: Arc::clone(&c.title),
            title_en: Arc::clone(&c.title_en),
            mark: f.mark,
            outcome: f.outcome,
            start,
            due,
            rolled,
            working_days_left,
            state,
            calendar_gap: f.coverage_gap.or_else(|| cal.gap(as_of, due)),
            extension_request_by: (item == Item::PlanValidity)
                .then_some(extension_by)
                .flatten(),
        });
    }
    open.sort_by_key(Deadline::urgency);
    CaseDue {
        as_of,
        within,
        open,
    }
}

/// An open deadline: not yet due, or past its due day.
enum Open {
    DueIn,
    Past,
}

/// A step not done, read from the status the evaluator gave it.
fn step_open(l: &Limit) -> Option<Open> {
    match l.status {
        StepStatus::DueIn { .. } => Some(Open::DueIn),
        StepStatus::OverdueBy { .. } | StepStatus::InRolloverWindow if l.done.is_none() => {
            Some(Open::Past)
        }
        _ => None,
    }
}

/// Whether the supply plan has been used: construction started, or a
/// milestone that follows it is given (the start date is simply missing
/// from the file then, and the plan is no longer a deadline to watch).
fn plan_used(case: &Case) -> bool {
    let d = &case.dates;
    [
        d.construction_start,
        d.mid_check_requested,
        d.mid_check_started,
        d.completion_requested,
        d.inspected,
        d.inspection_passed,
        d.formalities,
        d.formalities_latest,
        d.power_on,
    ]
    .iter()
    .any(Option::is_some)
}
