//! Typed findings of PLAN and CAL-09: supply-plan validity and its extension.

use chrono::NaiveDate;
use serde::Serialize;

/// What a rule of this family found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "found", rename_all = "kebab-case")]
pub enum Found {
    /// PLAN-03: the plan's validity is counted from the day it was issued,
    /// because the day the customer signed for it is not given (some
    /// provinces count from the signature).
    CountedFromIssue,
    /// PLAN-05: the validity article of the 2024 rules is unverified; the
    /// 1996 periods are used, as warnings only.
    PeriodsUnverified,
    /// PLAN-01: how long the plan is valid and whether construction started
    /// within it.
    Validity(Validity),
    /// PLAN-02: the extension request (due some days before expiry; an
    /// extension no longer than the original period).
    Extension(Extension),
    /// CAL-09: the nominal last day to request an extension is a rest day;
    /// the advised day is the working day before it.
    RequestDayIsRestDay {
        /// The last day counted back from expiry.
        nominal: NaiveDate,
        /// The last working day on or before `nominal`.
        advised: NaiveDate,
    },
    /// PLAN-04: another reading puts the extension request a number of
    /// working days before expiry.
    WorkingDaysReading {
        /// The last day to request an extension on this reading.
        request_by: NaiveDate,
        /// How many working days before expiry.
        lead_working_days: u32,
    },
    /// PLAN-07: something changed after the plan was answered (the customer's
    /// needs or the grid side).
    PlanChanged,
}

/// Which case date the plan's validity counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanStart {
    /// The day the customer signed for the plan (`dates.plan_signed`).
    PlanSigned,
    /// The day the utility issued it (`dates.plan_issued`).
    PlanIssued,
}

impl PlanStart {
    /// The case field holding this date.
    pub fn field(self) -> &'static str {
        match self {
            PlanStart::PlanSigned => "dates.plan_signed",
            PlanStart::PlanIssued => "dates.plan_issued",
        }
    }
}

/// PLAN-01 in figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Validity {
    /// Which date the validity counts from.
    pub counted_from: PlanStart,
    /// That date.
    pub start: NaiveDate,
    /// The validity period, in months.
    pub months: u32,
    /// The last day of the period.
    pub expiry: NaiveDate,
    /// The end of an extension the utility granted, as the case gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension_granted_until: Option<NaiveDate>,
    /// The last valid day: `expiry`, or a later granted extension.
    pub valid_until: NaiveDate,
    /// When `valid_until` is a rest day: the next working day, to which the
    /// period might roll over (CAL-06; the law is unclear).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rolled_expiry: Option<NaiveDate>,
    /// What happened within the period.
    pub status: ValidityStatus,
}

/// Whether construction started while the plan was valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum ValidityStatus {
    /// Construction started on or before the last valid day.
    StartedInTime { construction_start: NaiveDate },
    /// Construction started after the last valid day, a rest day, but within
    /// the possible rollover to the next working day.
    StartedInRollover { construction_start: NaiveDate },
    /// Construction started after the plan expired (it is void).
    StartedLate {
        construction_start: NaiveDate,
        /// Calendar days from the last valid day to the start.
        days_expired: i64,
    },
    /// No start yet and the plan is still valid.
    DaysLeft {
        /// Calendar days from "today" to the last valid day.
        days_left: i64,
    },
    /// The plan has expired and the construction start is not given.
    ExpiredStartUnknown,
}

/// PLAN-02 in figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extension {
    /// The last day of the original period.
    pub expiry: NaiveDate,
    /// How many calendar days before expiry the request is due.
    pub lead_days: u32,
    /// The last day to request an extension (nominal; see CAL-09).
    pub request_by: NaiveDate,
    /// What the case shows about the request.
    pub status: ExtensionStatus,
}

/// What the case shows about an extension request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum ExtensionStatus {
    /// The extension granted runs longer than the original period.
    GrantedTooLong {
        extension_granted_until: NaiveDate,
        /// The latest end an extension may have (expiry plus the period).
        longest_until: NaiveDate,
    },
    /// Requested on or before `request_by`.
    RequestedInTime { extension_requested: NaiveDate },
    /// Requested after `request_by`.
    RequestedLate { extension_requested: NaiveDate },
    /// Not requested, and construction started after expiry.
    NotRequestedStartedAfterExpiry,
    /// Not requested, and `request_by` has not passed.
    StillTime,
    /// Not requested, and `request_by` has passed.
    TimePassed,
}
