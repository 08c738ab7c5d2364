//! Calendar periods and backward offsets (catalog CAL-05, CAL-06, CAL-09).
//!
//! These are counted in calendar days, months or years, not working days, but
//! the working-day calendar still decides the rollover and the advice dates.

use super::Calendar;
use chrono::{Days, Months, NaiveDate};
use serde::Serialize;

/// CAL-05: the last day of a period of `months` months starting after `start`
/// (the start day is not counted): the corresponding day of the final month,
/// or that month's last day when it has no such day. `None` if out of range.
pub fn end_of_months(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    start.checked_add_months(Months::new(months))
}

/// The last day of a period of `days` calendar days after `start`.
pub fn end_of_days(start: NaiveDate, days: u32) -> Option<NaiveDate> {
    start.checked_add_days(Days::new(u64::from(days)))
}

/// CAL-06: a period whose nominal last day is a rest day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rollover {
    pub nominal: NaiveDate,
    /// The next working day; the days in (nominal, rolled] are the window in
    /// which the law is unclear, so no violation is issued there.
    pub rolled: NaiveDate,
    /// True when the nominal day is a listed holiday, false for an ordinary
    /// weekend (whose status as 法定休假日 is disputed).
    pub holiday: bool,
}

/// CAL-06: `None` when `nominal` is a working day.
pub fn rollover(cal: &Calendar, nominal: NaiveDate) -> Option<Rollover> {
    if cal.is_working_day(nominal) {
        return None;
    }
    let rolled = cal.add_working_days(nominal, 1)?;
    let holiday = cal.special_day(nominal).is_some();
    Some(Rollover {
        nominal,
        rolled,
        holiday,
    })
}

/// CAL-09: a deadline `days` calendar days before `expiry`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackwardDeadline {
    pub nominal: NaiveDate,
    /// The last working day on or before the nominal date (advice only).
    pub advised: NaiveDate,
}

pub fn backward(cal: &Calendar, expiry: NaiveDate, days: u32) -> Option<BackwardDeadline> {
    let nominal = expiry.checked_sub_days(Days::new(u64::from(days)))?;
    let advised = cal.working_day_on_or_before(nominal)?;
    Some(BackwardDeadline { nominal, advised })
}
