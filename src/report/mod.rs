//! What an evaluation returns: findings as typed facts, and a timeline.
//! Words are made from these by `crate::render`, never here.

pub mod conduct;
pub mod coverage;
pub mod documents;
pub mod licence;
pub mod load;
pub mod plan;
pub mod time_limit;

use crate::calendar::{CoverageGap, SpecialDay};
use crate::prose::Prose;
use crate::vocab::RuleId;
use crate::Mark;
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::Arc;

pub const FORMAT: &str = "yekuo-report/2";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Violation,
    Overdue,
    Missing,
    Warning,
    CannotDetermine,
    /// The case gives something this rulebook holds no rule for, on its
    /// date or for its utility (exit code 3 when nothing is adverse).
    NotCovered,
    Ok,
    NotApplicable,
}

impl Outcome {
    /// `missing`, `overdue` and `violation` make the CLI exit with 1.
    pub fn is_adverse(self) -> bool {
        matches!(
            self,
            Outcome::Missing | Outcome::Overdue | Outcome::Violation
        )
    }

    pub fn code(self) -> &'static str {
        match self {
            Outcome::Violation => "violation",
            Outcome::Overdue => "overdue",
            Outcome::Missing => "missing",
            Outcome::Warning => "warning",
            Outcome::CannotDetermine => "cannot-determine",
            Outcome::NotCovered => "not-covered",
            Outcome::Ok => "ok",
            Outcome::NotApplicable => "not-applicable",
        }
    }
}

/// Which instrument and article a finding rests on, and how sure we are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    pub instrument: Arc<str>,
    pub title: Arc<str>,
    pub title_en: Arc<str>,
    pub version: Arc<str>,
    pub version_en: Arc<str>,
    pub layer: crate::vocab::Layer,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<Arc<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_en: Option<Arc<str>>,
    pub mark: Mark,
    pub summary_zh: Prose,
    pub summary_en: Prose,
    /// Where the provision was seen (for clerks; not a doubt).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seen: Option<Words>,
}

/// A sentence from the rulebook, in both languages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Words {
    pub zh: Prose,
    pub en: Prose,
}

impl Words {
    /// Both or neither: the loader refuses one language without the other.
    pub fn pair(zh: &Option<Prose>, en: &Option<Prose>) -> Option<Words> {
        match (zh, en) {
            (Some(zh), Some(en)) => Some(Words {
                zh: zh.clone(),
                en: en.clone(),
            }),
            _ => None,
        }
    }
}

/// A name: mostly a literal (`"dates.accepted"`), so borrowed; built names
/// (`"contractors[3].tier"`) are owned.
pub type Name = std::borrow::Cow<'static, str>;

/// One finding: which rule, what came out, what it rests on, and the typed
/// facts behind it. No words: `crate::render` phrases it for a reader.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: RuleId,
    pub outcome: Outcome,
    /// Set when the finding was decided by an [R] or [X] value: the outcome
    /// it would have had if that value held. `outcome` is then `warning`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unverified_would_be: Option<Outcome>,
    /// The instrument (regime/version) used; `None` for findings about the case itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<Arc<Citation>>,
    /// The weakest mark among what decided this finding.
    pub mark: Mark,
    /// What was found, as typed facts.
    pub detail: Detail,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<Caveat>,
    /// Further catalog rules the computation relied on (CAL-02, TL-09 …).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub basis: Vec<RuleId>,
    /// Case fields read, as JSON paths of the case file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<Name>,
    /// Holidays and make-up working days crossed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub crossed: Vec<SpecialDay>,
    /// Days computed with weekends only (CAL-11).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coverage_gap: Option<CoverageGap>,
}

/// What a finding found, one variant per rule family (the family modules
/// hold the cases). Serialized as `{"family": {"found": "...", ...}}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Detail {
    /// A rule could not be decided because a case field is empty.
    NotGiven {
        question: Question,
        field: Name,
    },
    /// CAL-11: days outside the holiday data were counted with weekends only.
    CalendarGap(CoverageGap),
    Documents(documents::Found),
    TimeLimit(time_limit::Found),
    Plan(plan::Found),
    Licence(licence::Found),
    Load(load::Found),
    Conduct(conduct::Found),
    /// What the case gives that the rulebook does not cover (`not-covered`).
    Coverage(coverage::Found),
}

/// What a `cannot-determine` finding could not decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "what", content = "step", rename_all = "kebab-case")]
pub enum Question {
    /// Whether the outage notice came in time (OTH-03).
    OutageNoticeInTime,
    /// Whether design review and the mid-term check apply (DOC-07).
    DesignReviewApplies,
    /// Which version of the licence rules applies (LIC-02).
    LicenceRulesVersion,
    /// Whether the contractor holds a licence at all (LIC-01).
    ContractorLicensed,
    /// Whether the licence tier suffices (LIC-02).
    TierSuffices,
    /// Which licence tier the work needs (LIC-02).
    TierRequired,
    /// Whether the licence category matches the work (LIC-03).
    CategoryMatches,
    /// Whether the licence was valid while the work went on (LIC-04).
    LicenceValid,
    /// Whether the supply plan was still valid (PLAN-01).
    PlanValid,
    /// Whether a step was done on time (TL).
    StepOnTime(Step),
    /// When a step's clock started (TL).
    StepStart(Step),
    /// Whether the reminder shortly before an outage was given (OTH-03).
    OutageReminderGiven,
}

/// Something the reader should weigh beside a finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Caveat {
    /// The instrument's in-force dates are unverified, so whether it
    /// applies at all is in doubt: the first day, the last day or both, with
    /// the rulebook's note on how they were set.
    DatesUncertain {
        #[serde(skip_serializing_if = "Option::is_none")]
        from: Option<NaiveDate>,
        #[serde(skip_serializing_if = "Option::is_none")]
        until: Option<NaiveDate>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<Words>,
    },
    /// The version was in force by `certain_from` at the latest, and on the
    /// event's date only perhaps: the version before it is shown beside it.
    CandidateVersion {
        /// The earliest day it may have applied (the instrument's `from`).
        possible_from: NaiveDate,
        certain_from: NaiveDate,
    },
    /// The rulebook's doubt about the provision.
    Note(Words),
    Documents(documents::Caveat),
    TimeLimit(time_limit::Caveat),
}

/// A step of the process with a time limit of its own
/// (`crate::render::step` names it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// TL-01: answering with the supply plan.
    PlanAnswer,
    /// TL-03: reviewing the design documents.
    DesignReview,
    /// TL-04: the mid-term (concealed works) check.
    MidCheck,
    /// TL-05: the completion inspection.
    CompletionInspection,
    /// TL-06: fitting the meter and connecting.
    PowerOn,
    /// TL-07: the whole process, acceptance to power-on.
    WholeProcess,
}

/// Where a step stands against its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum StepStatus {
    /// Done on or before the due day.
    DoneOnTime,
    /// Done after the due day: by so many calendar and working days (a step
    /// done on a rest day just after it is late by no working day).
    DoneLate {
        days_late: i64,
        working_days_late: i64,
    },
    /// Not done, and the due day not passed: working days left.
    DueIn { working_days: i64 },
    /// Not done, and the due day passed: by so many working days (at least 1).
    OverdueBy { working_days: i64 },
    /// A limit in calendar days, months or years whose last day is a rest
    /// day (CAL-06): done after that day but on or before the day the period
    /// may roll over to (`Due::rolled`), or not done and looked at in that
    /// window. Neither clearly on time nor late.
    InRolloverWindow,
}

/// A step's deadline under one regime (the TL finding of that step and
/// instrument has the rest).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Due {
    /// The instrument's id, its titles (Chinese, English) and version.
    pub instrument: Arc<str>,
    pub title: Arc<str>,
    pub title_en: Arc<str>,
    pub version: Arc<str>,
    pub version_en: Arc<str>,
    pub start: NaiveDate,
    pub due: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done: Option<NaiveDate>,
    pub status: StepStatus,
    /// The mark of the limit's value.
    pub mark: Mark,
    /// When `due` is a rest day and the limit is in calendar days, months or
    /// years: the day the period may roll over to (CAL-06). `due` stays the
    /// nominal last day; a step done by `rolled` is not called late.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rolled: Option<NaiveDate>,
}

/// One step of the timeline: its deadline under each regime in force
/// (`crate::render::step` names the step).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineStep {
    pub step: Step,
    pub due: Vec<Due>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub format: &'static str,
    pub yekuo_version: &'static str,
    pub as_of: NaiveDate,
    /// Calendar data covers these days; outside them only weekends are rest days.
    pub calendar_coverage: (NaiveDate, NaiveDate),
    pub findings: Vec<Finding>,
    pub timeline: Vec<TimelineStep>,
    /// The one-time document checklist: every document the case needs, held
    /// or not, with the forms accepted from its category (the list the app
    /// shows). Empty where the list is local (DOC-08/09), and in the report
    /// behind a summary.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub checklist: Vec<documents::ChecklistItem>,
}

impl Report {
    /// Does any finding call for action (exit code 1)?
    pub fn has_adverse(&self) -> bool {
        self.findings.iter().any(|f| f.outcome.is_adverse())
    }

    /// Does any finding say part of the case is outside the rulebook
    /// (exit code 3 when nothing is adverse)?
    pub fn has_not_covered(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.outcome == Outcome::NotCovered)
    }
}
