//! IND, CON and OTH-03 in English.

use crate::render::Reader;
use crate::report::conduct::{Conduct, Found, NoticeVerdict, OutageNotice, OutageReminder};
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
        Found::OutageReminder(m) => reminder(m),
    }
}

/// OTH-03, the notice duty. Each duty has its own finding, so these words
/// stand alone whatever the reminder finding says.
fn outage(n: &OutageNotice) -> String {
    let min = n.notice_min;
    let Some(days) = n.days_notice() else {
        return match n.notice_max {
            Some(max) => format!(
                "No notice of the outage was served; it is due {min} to {max} days before the outage."
            ),
            None => format!(
                "No notice of the outage was served; it is due at least {min} days before the outage."
            ),
        };
    };
    let ahead = super::count(days, "day", "days");
    match (n.verdict(), n.notice_max) {
        (NoticeVerdict::TooShort, _) if days < 0 => format!(
            "The outage notice came {} after the outage, instead of at least {min} days before it.",
            super::count(-days, "day", "days")
        ),
        (NoticeVerdict::TooShort, _) if days == 0 => format!(
            "The outage notice came on the day of the outage, instead of at least {min} days before it."
        ),
        (NoticeVerdict::TooShort, _) => {
            format!("Notice only {ahead} before the outage, less than the {min} days set.")
        }
        (NoticeVerdict::TooEarly, Some(max)) => {
            format!("Notice {ahead} ahead, earlier than the {min} to {max} days set.")
        }
        (_, Some(max)) => {
            format!("Notice {ahead} before the outage, within the {min} to {max} days set.")
        }
        (_, None) => format!("Notice {ahead} before the outage, at least the {min} days set."),
    }
}

/// OTH-03, the reminder duty: its own finding, whatever is known of the notice.
fn reminder(m: &OutageReminder) -> String {
    let min = m.reminder_minutes;
    if m.given {
        format!("A reminder was given {min} minutes before the outage, as set.")
    } else {
        format!("No reminder was given {min} minutes before the outage. This is a duty of its own, besides the notice days ahead.")
    }
}
