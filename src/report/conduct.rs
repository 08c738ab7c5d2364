//! Typed findings of IND, CON (the "三不指定" and staff conduct) and OTH-03
//! (notice before a planned outage).

use chrono::NaiveDate;
use serde::Serialize;

/// What a rule of this family found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "found", rename_all = "kebab-case")]
pub enum Found {
    /// IND-01: utility staff named or recommended a designer, contractor or
    /// supplier.
    DesignationReported,
    /// IND-01: the customer reports no such designation.
    NoDesignation,
    /// IND-01: a contractor is an affiliate of the utility (allowed only if
    /// the customer chose it).
    AffiliateContractor,
    /// CON-01 / CON-02: whether the conduct asked about happened.
    Conduct { conduct: Conduct, happened: bool },
    /// OTH-03: how far ahead a planned outage was announced.
    OutageNotice(OutageNotice),
}

/// The staff conduct a case can report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Conduct {
    /// CON-01: gifts, meals or entertainment accepted.
    GiftsOrBanquets,
    /// CON-02: fees of its own, costs shifted, review standards raised.
    UnauthorisedFees,
}

/// OTH-03 in figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutageNotice {
    pub outage: NaiveDate,
    pub notice: NaiveDate,
    /// Calendar days from the notice to the outage.
    pub days_notice: i64,
    /// The least notice, in days, the provision asks for.
    pub notice_min: u32,
    /// The most notice, in days, where the provision sets a window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice_max: Option<u32>,
    /// The reminder the provision asks for before the outage, in minutes,
    /// when the case says it was not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reminder_missed_minutes: Option<u32>,
}

impl OutageNotice {
    pub fn too_short(&self) -> bool {
        self.days_notice < i64::from(self.notice_min)
    }

    pub fn too_early(&self) -> bool {
        self.notice_max
            .is_some_and(|max| self.days_notice > i64::from(max))
    }
}
