//! The sections of the results, in the order a customer asks, and which
//! section a finding belongs in: decided by its typed detail, never by
//! reading its rule id.

use yekuo::report::time_limit::Found as TimeFound;
use yekuo::report::{Detail, Finding, Outcome, Question, Step};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Documents,
    TimeLimits,
    Licence,
    Plan,
    Load,
    Rights,
    /// What the rulebook covers: the `not-covered` findings and the list
    /// of instruments (issue 13).
    Coverage,
    /// How the utility acted (三不指定, written notices, fees …): breaches
    /// of a duty, under their own heading rather than under the rights.
    Conduct,
}

impl Section {
    /// Every section, in the order shown.
    pub const ALL: [Section; 8] = [
        Section::Documents,
        Section::TimeLimits,
        Section::Licence,
        Section::Plan,
        Section::Load,
        Section::Conduct,
        Section::Rights,
        Section::Coverage,
    ];

    /// The section's heading, in Chinese and English.
    pub fn title(self) -> (&'static str, &'static str) {
        match self {
            Section::Documents => ("资料是否齐全", "Are the documents complete?"),
            Section::TimeLimits => ("各环节时限", "Time limits"),
            Section::Licence => ("施工单位资质", "The contractor's licence"),
            Section::Plan => ("供电方案有效期", "Supply-plan validity"),
            Section::Load => ("负荷等级与电源", "Load grade and power sources"),
            Section::Rights => ("您的权利", "Your rights"),
            Section::Coverage => ("本工具的检查范围", "What this tool covers"),
            Section::Conduct => ("供电企业的办理行为", "How the utility acted"),
        }
    }

    /// The section of a finding with this detail. A question left open for
    /// want of a field goes where its answer would have gone; a gap in the
    /// holiday data is about counting days, so with the time limits.
    pub fn of(detail: &Detail) -> Section {
        match detail {
            Detail::Documents(_) => Section::Documents,
            Detail::TimeLimit(_) | Detail::CalendarGap(_) => Section::TimeLimits,
            Detail::Licence(_) => Section::Licence,
            Detail::Plan(_) => Section::Plan,
            Detail::Load(_) => Section::Load,
            Detail::Conduct(_) => Section::Conduct,
            Detail::NotGiven { question, .. } => Section::asking(*question),
            Detail::Coverage(_) => Section::Coverage,
        }
    }

    /// The findings of this section with their place in the report, the
    /// worst outcome first and in report order within one outcome: each
    /// goes in after those no better than it. A stable sort would do the
    /// same and bring its code into the bundle: 1,406 bytes gzip of the
    /// first load (312,946 -> 311,540, issue 12).
    pub fn findings(self, all: &[Finding]) -> Vec<(usize, &Finding)> {
        let mut items: Vec<(usize, &Finding)> = Vec::new();
        for (i, f) in all.iter().enumerate() {
            if Section::of(&f.detail) == self {
                items.insert(
                    items.partition_point(|(_, g)| g.outcome <= f.outcome),
                    (i, f),
                );
            }
        }
        items
    }

    fn asking(q: Question) -> Section {
        match q {
            Question::DesignReviewApplies => Section::Documents,
            Question::StepOnTime(_) | Question::StepStart(_) => Section::TimeLimits,
            Question::LicenceRulesVersion
            | Question::ContractorLicensed
            | Question::TierSuffices
            | Question::TierRequired
            | Question::CategoryMatches
            | Question::LicenceValid => Section::Licence,
            Question::PlanValid => Section::Plan,
            Question::OutageNoticeInTime | Question::OutageReminderGiven => Section::Conduct,
        }
    }
}

/// One row of the results: a finding, and the findings folded under it
/// (the same step under other regimes; an unverified copy of the same rule).
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    pub lead: (usize, &'a Finding),
    pub under: Vec<(usize, &'a Finding)>,
}

impl Row<'_> {
    /// The row's outcome: the worst of the row. Usually its lead's (rows
    /// are built worst first); an [R] warning folded under a [V] "ok" still
    /// keeps the row among those to read.
    pub fn outcome(&self) -> Outcome {
        self.under
            .iter()
            .map(|(_, f)| f.outcome)
            .fold(self.lead.1.outcome, Outcome::min)
    }
}

/// The process step a time-limit finding measures, from its typed detail.
pub fn step_of(f: &Finding) -> Option<Step> {
    match &f.detail {
        Detail::TimeLimit(TimeFound::Limit(l)) => Some(l.step),
        _ => None,
    }
}

/// Whether `f` goes under the row led by `lead`: one step's limit under
/// another regime goes under the step's row (one late inspection is one
/// late step, however many regimes measure it); an [R]/[X] finding of the
/// same rule and step goes under the [V]/[S] one.
fn folds_under(lead: &Finding, f: &Finding) -> bool {
    match (step_of(lead), step_of(f)) {
        (Some(a), Some(b)) => a == b,
        (None, None) => lead.rule == f.rule && lead.mark.is_reliable() && !f.mark.is_reliable(),
        _ => false,
    }
}

/// A section's findings (worst first, as [`Section::findings`] gives them)
/// as rows: each finding under the first row it folds under, or a row of
/// its own.
pub fn rows<'a>(items: Vec<(usize, &'a Finding)>) -> Vec<Row<'a>> {
    let mut rows: Vec<Row<'a>> = Vec::new();
    for item in items {
        if let Some(r) = rows.iter_mut().find(|r| folds_under(r.lead.1, item.1)) {
            r.under.push(item);
        } else if let Some(r) = rows.iter_mut().find(|r| folds_under(item.1, r.lead.1)) {
            // A worse [R] finding came first: the [V]/[S] one leads its row.
            let unverified = std::mem::replace(&mut r.lead, item);
            r.under.insert(0, unverified);
        } else {
            rows.push(Row {
                lead: item,
                under: Vec::new(),
            });
        }
    }
    rows
}

/// Every section's rows, in the order shown: what the summary counts.
pub fn all_rows(all: &[Finding]) -> Vec<Row<'_>> {
    Section::ALL
        .into_iter()
        .flat_map(|s| rows(s.findings(all)))
        .collect()
}
