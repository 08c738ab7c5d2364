//! What an evaluation returns: findings (each explaining itself) and a timeline.

use crate::calendar::{CoverageGap, SpecialDay};
use crate::Mark;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

pub const FORMAT: &str = "yekuo-report/1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Violation,
    Overdue,
    Missing,
    Warning,
    CannotDetermine,
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
            Outcome::Ok => "ok",
            Outcome::NotApplicable => "not-applicable",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Outcome::Violation => "违规",
            Outcome::Overdue => "逾期",
            Outcome::Missing => "缺件",
            Outcome::Warning => "提示",
            Outcome::CannotDetermine => "无法判断",
            Outcome::Ok => "符合",
            Outcome::NotApplicable => "不适用",
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
    pub layer: Arc<str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<Arc<str>>,
    pub mark: Mark,
    pub summary_zh: Arc<str>,
    pub summary_en: Arc<str>,
}

impl Citation {
    /// The citation of one provision of an instrument (built once per
    /// provision, by the rulebook).
    pub(crate) fn of(i: &crate::rulebook::Instrument, p: &crate::rulebook::Provision) -> Citation {
        Citation {
            instrument: i.id.clone(),
            title: i.title.clone(),
            title_en: i.title_en.clone(),
            version: i.version.clone(),
            layer: i.layer.clone(),
            article: p.article.clone(),
            mark: p.mark,
            summary_zh: p.summary_zh.clone(),
            summary_en: p.summary_en.clone(),
        }
    }
}

/// A bilingual sentence. Fixed sentences borrow their literal; only built
/// ones allocate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Text {
    pub zh: Name,
    pub en: Name,
}

/// A name in evidence: mostly a literal (`"due"`, `"dates.accepted"`), so
/// borrowed; built names (`"missing:D-ID"`) are owned.
pub type Name = std::borrow::Cow<'static, str>;

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Evidence {
    /// Named dates used or computed (start, due, done, expiry …).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub dates: BTreeMap<Name, NaiveDate>,
    /// Named counts (working days elapsed, limit …).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub numbers: BTreeMap<Name, f64>,
    /// Holidays and make-up working days crossed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub crossed: Vec<SpecialDay>,
    /// Case fields read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<Name>,
    /// Days computed with weekends only (CAL-11).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coverage_gap: Option<CoverageGap>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: Name,
    pub outcome: Outcome,
    /// The instrument (regime/version) used; `None` for findings about the case itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<Arc<Citation>>,
    /// The weakest mark among what decided this finding.
    pub mark: Mark,
    pub message: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<Text>,
    /// Further catalog rules the computation relied on (CAL-02, TL-09 …).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub basis: Vec<&'static str>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    PlanAnswer,
    DesignReview,
    MidCheck,
    CompletionInspection,
    PowerOn,
    WholeProcess,
}

impl Step {
    pub fn for_rule(rule: &str) -> Option<Step> {
        Some(match rule {
            "TL-01" => Step::PlanAnswer,
            "TL-03" => Step::DesignReview,
            "TL-04" => Step::MidCheck,
            "TL-05" => Step::CompletionInspection,
            "TL-06" => Step::PowerOn,
            "TL-07" => Step::WholeProcess,
            _ => return None,
        })
    }

    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Step::PlanAnswer => ("供电方案答复", "Supply-plan answer"),
            Step::DesignReview => ("设计文件审核", "Design review"),
            Step::MidCheck => ("中间检查", "Mid-term check"),
            Step::CompletionInspection => ("竣工检验", "Completion inspection"),
            Step::PowerOn => ("装表接电", "Meter and power-on"),
            Step::WholeProcess => ("全过程", "Whole process"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum StepStatus {
    DoneOnTime,
    DoneLate {
        days_late: i64,
        working_days_late: i64,
    },
    DueIn {
        working_days: i64,
    },
    OverdueBy {
        working_days: i64,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Due {
    pub instrument: Arc<str>,
    pub title: Arc<str>,
    pub version: Arc<str>,
    pub start: NaiveDate,
    pub due: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done: Option<NaiveDate>,
    pub status: StepStatus,
    pub mark: Mark,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineStep {
    pub step: Step,
    pub name_zh: String,
    pub name_en: String,
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
}

impl Report {
    /// Does any finding call for action (exit code 1)?
    pub fn has_adverse(&self) -> bool {
        self.findings.iter().any(|f| f.outcome.is_adverse())
    }
}
