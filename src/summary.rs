//! What `yekuo check --batch` writes per case: each finding that asks for
//! attention, by rule, outcome, article and mark, without details or words.
//! Built by [`crate::eval::summarize`] from an evaluation that skipped the
//! explanations, so the outcomes are the full report's by construction (and
//! the golden and property tests check that they are).

use crate::case::Case;
use crate::report::{Name, Outcome, Report};
use crate::vocab::RuleId;
use crate::Mark;
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::Arc;

pub const FORMAT: &str = "yekuo-summary/1";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub as_of: NaiveDate,
    /// Any `missing`, `overdue` or `violation` (exit code 1).
    pub adverse: bool,
    /// How many findings of each outcome the full report has.
    pub counts: Counts,
    /// Every finding except `ok` and `not-applicable`, in report order.
    pub findings: Vec<Brief>,
}

/// Findings per outcome; an outcome with none is left out of the JSON.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Counts {
    #[serde(skip_serializing_if = "is_zero")]
    pub violation: u32,
    #[serde(skip_serializing_if = "is_zero")]
    pub overdue: u32,
    #[serde(skip_serializing_if = "is_zero")]
    pub missing: u32,
    #[serde(skip_serializing_if = "is_zero")]
    pub warning: u32,
    #[serde(skip_serializing_if = "is_zero")]
    pub cannot_determine: u32,
    #[serde(skip_serializing_if = "is_zero")]
    pub not_covered: u32,
    #[serde(skip_serializing_if = "is_zero")]
    pub ok: u32,
    #[serde(skip_serializing_if = "is_zero")]
    pub not_applicable: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Counts {
    fn add(&mut self, o: Outcome) {
        let n = match o {
            Outcome::Violation => &mut self.violation,
            Outcome::Overdue => &mut self.overdue,
            Outcome::Missing => &mut self.missing,
            Outcome::Warning => &mut self.warning,
            Outcome::CannotDetermine => &mut self.cannot_determine,
            Outcome::NotCovered => &mut self.not_covered,
            Outcome::Ok => &mut self.ok,
            Outcome::NotApplicable => &mut self.not_applicable,
        };
        *n += 1;
    }
}

/// One finding in brief: enough to find it in the full report and to know
/// which article it rests on and how sure that is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Brief {
    pub rule: RuleId,
    pub outcome: Outcome,
    pub mark: Mark,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instrument: Option<Arc<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<Arc<str>>,
    /// For `cannot-determine`: the case fields to fill in; for
    /// `not-covered`: the fields no rule in the rulebook covers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Name>,
}

impl Summary {
    pub(crate) fn of(case: &Case, report: &Report) -> Summary {
        let mut counts = Counts::default();
        let mut findings = Vec::new();
        for f in &report.findings {
            counts.add(f.outcome);
            if matches!(f.outcome, Outcome::Ok | Outcome::NotApplicable) {
                continue;
            }
            let c = f.citation.as_ref();
            findings.push(Brief {
                rule: f.rule,
                outcome: f.outcome,
                mark: f.mark,
                instrument: c.map(|c| c.instrument.clone()),
                article: c.and_then(|c| c.article.clone()),
                fields: if matches!(f.outcome, Outcome::CannotDetermine | Outcome::NotCovered) {
                    f.inputs.clone()
                } else {
                    Vec::new()
                },
            });
        }
        Summary {
            format: FORMAT,
            title: case.title.clone(),
            as_of: report.as_of,
            adverse: report.has_adverse(),
            counts,
            findings,
        }
    }
}
