//! PLAN and CAL-09 in English.

use super::{aside, count};
use crate::render::Reader;
use crate::report::plan::{Extension, ExtensionStatus, Found, Validity, ValidityStatus};
use crate::report::Finding;

pub(super) fn found(d: &Found, _f: &Finding, r: &Reader) -> String {
    match d {
        Found::CountedFromIssue => format!(
            "Validity counted from the issue date; some provinces count from the customer's signature: give the date the plan was signed for{}.",
            aside(r, "dates.plan_signed")
        ),
        Found::PeriodsUnverified => "The validity article of the 2024 rules is unverified; the 1996 periods are used below as warnings only.".into(),
        Found::Validity(v) => validity(v, r),
        Found::Extension(e) => extension(e),
        Found::RequestDayIsRestDay { nominal, advised } => format!(
            "The nominal last day for the extension request, {nominal}, is a rest day; file it by {advised} to be safe."
        ),
        Found::WorkingDaysReading {
            request_by,
            lead_working_days,
        } => format!(
            "Another reading says {} before expiry: request by {request_by}.",
            count(i64::from(*lead_working_days), "working day", "working days")
        ),
        Found::PlanChanged => "Something changed after the plan: re-apply if your needs changed; if the grid side changed the utility must re-answer in writing.".into(),
    }
}

fn validity(v: &Validity, r: &Reader) -> String {
    let until = v.valid_until;
    match v.status {
        ValidityStatus::StartedInTime { construction_start: c } => {
            format!("The plan was valid until {until}; construction started {c}, within it.")
        }
        ValidityStatus::StartedInRollover { construction_start: c } => format!(
            "The last valid day {until} is a rest day; construction on {c} falls in the possible rollover window, where the law is unclear."
        ),
        ValidityStatus::StartedLate {
            construction_start: c,
            days_expired,
        } => format!(
            "The plan expired on {until} (void); construction started {c}, {} later. Re-apply, or request an extension in time.",
            count(days_expired, "day", "days")
        ),
        ValidityStatus::DaysLeft { days_left } => format!(
            "The plan is valid until {until}: {} left to start construction.",
            count(days_left, "day", "days")
        ),
        ValidityStatus::ExpiredStartUnknown => format!(
            "The plan expired on {until}; the construction start{} is not given, so it cannot be told whether work started in time.",
            aside(r, "dates.construction_start")
        ),
    }
}

fn extension(e: &Extension) -> String {
    let by = e.request_by;
    match e.status {
        ExtensionStatus::GrantedTooLong {
            extension_granted_until: g,
            longest_until: max,
        } => format!("The extension to {g} is longer than the original period (at most {max})."),
        ExtensionStatus::RequestedInTime {
            extension_requested: q,
        } => format!("Extension requested {q}, by the deadline {by}."),
        ExtensionStatus::RequestedLate {
            extension_requested: q,
        } => format!(
            "Extension requested {q}, after the deadline {by} ({} before expiry).",
            count(i64::from(e.lead_days), "day", "days")
        ),
        ExtensionStatus::NotRequestedStartedAfterExpiry => {
            format!("No extension was requested by {by}; construction started after expiry.")
        }
        ExtensionStatus::StillTime => format!("If an extension is needed, request it by {by}."),
        ExtensionStatus::TimePassed => {
            format!("The last day to request an extension, {by}, has passed.")
        }
    }
}
