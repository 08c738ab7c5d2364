//! English.

mod conduct;
mod coverage;
mod documents;
mod licence;
mod load;
mod plan;
mod time_limit;

use super::{Language, Reader};
use crate::calendar::CoverageGap;
use crate::report::{conduct as co, coverage as cov, Finding, Outcome, Question, Step};
use crate::report::{documents as doc, licence as lic, load as ld, plan as pl, time_limit as tl};
use crate::Mark;
use chrono::NaiveDate;

pub(crate) struct En;

/// "1 day", "2 days".
pub(super) fn count(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A case field named in parentheses, where the reader has a name for it
/// (the form's label, or the path for a clerk); nothing for a customer
/// without a label, whom the sentence already tells what to give.
pub(super) fn aside(r: &Reader, path: &str) -> String {
    r.field_if_known(path)
        .map(|f| format!(" ({f})"))
        .unwrap_or_default()
}

/// A step's name inside a sentence. Written out rather than lower-cased at
/// run time: `str::to_lowercase` brings Unicode case tables into the bundle.
fn step_in_sentence(s: Step) -> &'static str {
    match s {
        Step::PlanAnswer => "supply-plan answer",
        Step::DesignReview => "design review",
        Step::MidCheck => "mid-term check",
        Step::CompletionInspection => "completion inspection",
        Step::PowerOn => "meter and power-on",
        Step::WholeProcess => "whole process",
    }
}

impl Language for En {
    fn outcome(&self, o: Outcome) -> &'static str {
        match o {
            Outcome::Violation => "violation",
            Outcome::Overdue => "overdue",
            Outcome::Missing => "missing",
            Outcome::Warning => "warning",
            Outcome::CannotDetermine => "cannot determine",
            Outcome::NotCovered => "not covered",
            Outcome::Ok => "ok",
            Outcome::NotApplicable => "not applicable",
        }
    }

    fn step(&self, s: Step) -> &'static str {
        match s {
            Step::PlanAnswer => "Supply-plan answer",
            Step::DesignReview => "Design review",
            Step::MidCheck => "Mid-term check",
            Step::CompletionInspection => "Completion inspection",
            Step::PowerOn => "Meter and power-on",
            Step::WholeProcess => "Whole process",
        }
    }

    fn quote(&self, label: &str) -> String {
        format!("\"{label}\"")
    }

    fn unnamed_field(&self) -> &'static str {
        "some information"
    }

    fn question(&self, q: Question) -> String {
        match q {
            Question::OutageNoticeInTime => "whether the outage notice was in time".into(),
            Question::DesignReviewApplies => {
                "whether design review and mid-term check apply".into()
            }
            Question::LicenceRulesVersion => "which licence rules apply".into(),
            Question::ContractorLicensed => "whether the contractor is licensed".into(),
            Question::TierSuffices => "whether the licence tier suffices".into(),
            Question::TierRequired => "the licence tier required".into(),
            Question::CategoryMatches => "whether the licence category matches the work".into(),
            Question::LicenceValid => "whether the licence was valid during the work".into(),
            Question::PlanValid => "whether the supply plan was still valid".into(),
            Question::StepOnTime(s) => {
                format!("whether the {} was on time", step_in_sentence(s))
            }
            Question::StepStart(s) => {
                format!("the start date of the {}", step_in_sentence(s))
            }
            Question::OutageReminderGiven => {
                "whether the reminder just before the outage was given".into()
            }
        }
    }

    fn not_given(&self, q: Question, field: &str) -> String {
        format!(
            "Cannot determine {}: {field} is not given.",
            self.question(q)
        )
    }

    fn calendar_gap(&self, gap: &CoverageGap) -> String {
        format!(
            "No holiday calendar for {} to {} (not yet announced, or beyond the embedded data): those days are counted with weekends only and results may be off.",
            gap.from, gap.to
        )
    }

    fn unverified(&self, would_be: Outcome, mark: Mark, r: &Reader) -> String {
        if r.is_clerk() {
            format!(
                "(rests on an unverified value {mark}, so only a warning; if the value holds this is `{}`)",
                crate::report::Outcome::code(would_be)
            )
        } else {
            "(This rests on a figure not yet confirmed: take it as a hint.)".into()
        }
    }

    fn dates_uncertain(
        &self,
        f: &Finding,
        from: Option<NaiveDate>,
        until: Option<NaiveDate>,
        r: &Reader,
    ) -> String {
        let which = match (from, until) {
            (Some(a), Some(b)) => format!("neither its first day ({a}) nor its last day ({b})"),
            (Some(a), None) => format!("its first day ({a})"),
            (None, Some(b)) => format!("its last day ({b})"),
            (None, None) => "its dates".into(),
        };
        let verb = if from.is_some() && until.is_some() {
            "is"
        } else {
            "is not"
        };
        match (&f.citation, r.is_clerk()) {
            (Some(c), true) => format!(
                "{} ({}): {which} {verb} verified, so whether it applies on this date is uncertain.",
                c.title_en, c.version_en
            ),
            _ if until.is_some() && from.is_none() => {
                "Until when this rule applied is not confirmed: take the result as a guide.".into()
            }
            _ => "When this rule took effect is not confirmed: take the result as a guide.".into(),
        }
    }

    fn candidate_version(
        &self,
        f: &Finding,
        possible_from: NaiveDate,
        certain_from: NaiveDate,
        r: &Reader,
    ) -> String {
        match (&f.citation, r.is_clerk()) {
            (Some(c), true) => format!(
                "{} ({}) was in force by {certain_from} at the latest; its start is not known and may be as early as {possible_from}. Until {certain_from} the earlier version is shown beside it, and what this one decides is only a warning.",
                c.title_en, c.version_en
            ),
            _ => format!(
                "A newer version of this rule was in force by {certain_from} at the latest; when it started is not known, so results under both the old and the new version are shown, as a guide."
            ),
        }
    }

    fn missing_documents(&self, missing: &[doc::DocRef], r: &Reader) -> String {
        documents::missing(missing, r)
    }

    fn cite(&self, c: &crate::report::Citation) -> String {
        // yekuo's own conventions have neither versions nor articles.
        if c.layer == crate::vocab::Layer::Convention {
            return c.title_en.to_string();
        }
        let article = c.article_en.as_deref().unwrap_or("article not known");
        format!("{} ({}), {article}", c.title_en, c.version_en)
    }

    fn documents(&self, d: &doc::Found, f: &Finding, r: &Reader) -> String {
        documents::found(d, f, r)
    }

    fn documents_caveat(&self, c: &doc::Caveat, r: &Reader) -> String {
        documents::caveat(c, r)
    }

    fn time_limit(&self, d: &tl::Found, f: &Finding, r: &Reader) -> String {
        time_limit::found(d, f, r)
    }

    fn time_limit_caveat(&self, c: &tl::Caveat, r: &Reader) -> String {
        time_limit::caveat(c, r)
    }

    fn plan(&self, d: &pl::Found, f: &Finding, r: &Reader) -> String {
        plan::found(d, f, r)
    }

    fn licence(&self, d: &lic::Found, f: &Finding, r: &Reader) -> String {
        licence::found(d, f, r)
    }

    fn load(&self, d: &ld::Found, f: &Finding, r: &Reader) -> String {
        load::found(d, f, r)
    }

    fn conduct(&self, d: &co::Found, f: &Finding, r: &Reader) -> String {
        conduct::found(d, f, r)
    }

    fn coverage(&self, d: &cov::Found, f: &Finding, r: &Reader) -> String {
        coverage::found(d, f, r)
    }
}
