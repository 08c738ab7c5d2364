//! IND, CON and OTH-03 in English.

use crate::render::Reader;
use crate::report::conduct::{Conduct, Found, OutageNotice};
use crate::report::Finding;

pub(super) fn found(d: &Found, _f: &Finding, _r: &Reader) -> String {
    match d {
        Found::DesignationReported => "Utility staff named or recommended a designer, contractor or supplier: this designation is prohibited. You may choose any qualified firm.".into(),
        Found::NoDesignation => "No designation of designer, contractor or supplier reported.".into(),
        Found::AffiliateContractor => "The contractor is an affiliate of the utility: allowed if you chose it freely, never if the utility designated it.".into(),
        Found::Conduct { happened: false, .. } => "None reported.".into(),
        Found::Conduct { conduct: Conduct::GiftsOrBanquets, happened: true } => "Staff accepted gifts, meals or entertainment from the customer.".into(),
        Found::Conduct { conduct: Conduct::UnauthorisedFees, happened: true } => "Unauthorised fees, shifted costs or raised review standards were reported.".into(),
        Found::OutageNotice(n) => outage(n),
    }
}

fn outage(n: &OutageNotice) -> String {
    let (days, min) = (super::count(n.days_notice, "day", "days"), n.notice_min);
    let mut s = match n.notice_max {
        _ if n.too_short() => {
            format!("Notice only {days} before the outage, less than the {min} days set.")
        }
        Some(max) if n.too_early() => {
            format!("Notice {days} ahead, earlier than the {min} to {max} days set.")
        }
        _ => format!("Notice {days} before the outage, at least the {min} days set."),
    };
    // "But" only after a notice in time; after a late one the missing
    // reminder is a second fault.
    match (n.reminder_missed_minutes, n.too_short()) {
        (Some(m), false) => s.push_str(&format!(" But no reminder was given {m} minutes before.")),
        (Some(m), true) => s.push_str(&format!(" Nor was a reminder given {m} minutes before.")),
        (None, _) => {}
    }
    s
}
