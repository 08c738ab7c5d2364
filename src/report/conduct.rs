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
    /// OTH-03: how far ahead a planned outage was announced, or that it
    /// was not.
    OutageNotice(OutageNotice),
    /// OTH-03: whether the reminder shortly before the outage was given.
    OutageReminder(OutageReminder),
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

/// OTH-03, first duty: the notice some days before a planned outage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutageNotice {
    pub outage: NaiveDate,
    pub notice: Served,
    /// The least notice, in days, the provision asks for.
    pub notice_min: u32,
    /// The most notice, in days, where the provision sets a window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice_max: Option<u32>,
}

/// Whether and when the notice was served.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "served", rename_all = "kebab-case")]
pub enum Served {
    /// The case says no notice was served at all.
    None,
    /// Served on `date`, `days_notice` calendar days before the outage
    /// (zero or less: on the day of the outage or after it).
    On { date: NaiveDate, days_notice: i64 },
}

/// How a notice stands against its provision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeVerdict {
    /// No notice at all: the duty was not kept.
    NotServed,
    /// Served, but fewer days ahead than the least notice.
    TooShort,
    /// Served earlier than the window allows (a warning: the customer was
    /// told, only too soon to be sure of the date).
    TooEarly,
    /// Within what the provision asks.
    InTime,
}

impl OutageNotice {
    /// Calendar days from the notice to the outage, if one was served.
    pub fn days_notice(&self) -> Option<i64> {
        match self.notice {
            Served::On { days_notice, .. } => Some(days_notice),
            Served::None => None,
        }
    }

    pub fn verdict(&self) -> NoticeVerdict {
        match self.days_notice() {
            None => NoticeVerdict::NotServed,
            Some(d) if d < i64::from(self.notice_min) => NoticeVerdict::TooShort,
            Some(d) if self.notice_max.is_some_and(|max| d > i64::from(max)) => {
                NoticeVerdict::TooEarly
            }
            Some(_) => NoticeVerdict::InTime,
        }
    }
}

/// OTH-03, second duty: the reminder shortly before the outage. A duty of
/// its own: a missing reminder is a breach whatever is known of the notice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutageReminder {
    pub outage: NaiveDate,
    /// How long before the outage the provision asks for the reminder.
    pub reminder_minutes: u32,
    /// What the case says: was the reminder given?
    pub given: bool,
}
