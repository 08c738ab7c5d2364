//! The sections of the results, in the order a customer asks, and which
//! section a finding belongs in: decided by its typed detail, never by
//! reading its rule id.

use yekuo::report::{Detail, Finding, Question};

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
}

impl Section {
    /// Every section, in the order shown.
    pub const ALL: [Section; 7] = [
        Section::Documents,
        Section::TimeLimits,
        Section::Licence,
        Section::Plan,
        Section::Load,
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
            Detail::Conduct(_) => Section::Rights,
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
            Question::OutageNoticeInTime | Question::OutageReminderGiven => Section::Rights,
        }
    }
}
