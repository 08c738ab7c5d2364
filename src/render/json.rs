//! The JSON report with words: each finding's typed facts as the evaluator
//! gave them, plus its message and caveats phrased for a clerk in both
//! languages. What `yekuo check --format json` writes (see
//! `docs/report-format.md`).

use super::{caveat, message, Lang, Reader};
use crate::report::documents::ChecklistItem;
use crate::report::{Finding, Report, TimelineStep};
use chrono::NaiveDate;
use serde::Serialize;

/// A sentence in both languages.
#[derive(Debug, Serialize)]
pub struct Both {
    pub zh: String,
    pub en: String,
}

#[derive(Debug, Serialize)]
pub struct WordedFinding<'a> {
    #[serde(flatten)]
    pub finding: &'a Finding,
    pub message: Both,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub caveat_text: Vec<Both>,
}

#[derive(Debug, Serialize)]
pub struct WordedReport<'a> {
    pub format: &'static str,
    pub yekuo_version: &'static str,
    pub as_of: NaiveDate,
    pub calendar_coverage: (NaiveDate, NaiveDate),
    pub findings: Vec<WordedFinding<'a>>,
    pub timeline: &'a [TimelineStep],
    /// The one-time document checklist, as the report holds it (its names
    /// and accepted forms come in both languages from the rulebook).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub checklist: &'a [ChecklistItem],
}

/// `report` with a clerk's words beside every finding.
pub fn worded(report: &Report) -> WordedReport<'_> {
    let (zh, en) = (Reader::clerk(Lang::Zh), Reader::clerk(Lang::En));
    let both = |f: &dyn Fn(&Reader) -> String| Both {
        zh: f(&zh),
        en: f(&en),
    };
    WordedReport {
        format: report.format,
        yekuo_version: report.yekuo_version,
        as_of: report.as_of,
        calendar_coverage: report.calendar_coverage,
        findings: report
            .findings
            .iter()
            .map(|f| WordedFinding {
                finding: f,
                message: both(&|r| message(f, r)),
                caveat_text: f
                    .caveats
                    .iter()
                    // A clerk reader is given every caveat.
                    .map(|c| both(&|r| caveat(c, f, r).unwrap_or_default()))
                    .collect(),
            })
            .collect(),
        timeline: &report.timeline,
        checklist: &report.checklist,
    }
}
