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

/// Where a day falls against the last day of a calendar period (CAL-06).
/// The one definition of the rollover window, shared by every period the
/// evaluator measures (plan validity, the calendar-day and month limits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    /// On or before the nominal last day: within the period.
    Within,
    /// After the nominal last day, a rest day, but on or before the day the
    /// period may roll over to: the law is unclear, so a warning at most.
    InWindow,
    /// After the period, rolled over or not.
    After,
}

/// Where `day` falls against a period whose nominal last day is `nominal`
/// (`roll`: its rollover, from [`rollover`], when `nominal` is a rest day).
pub fn against(nominal: NaiveDate, roll: Option<&Rollover>, day: NaiveDate) -> Against {
    if day <= nominal {
        Against::Within
    } else if roll.is_some_and(|r| day <= r.rolled) {
        Against::InWindow
    } else {
        Against::After
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Catalog §11 item 7: 2025-10-01 (National Day) rolls over to
    /// 2025-10-09; the window is 10-02..10-09.
    #[test]
    fn the_window_runs_from_the_day_after_nominal_to_the_rolled_day() {
        let cal = Calendar::national();
        let nominal = d("2025-10-01");
        let roll = rollover(cal, nominal);
        assert_eq!(roll.as_ref().map(|r| r.rolled), Some(d("2025-10-09")));
        let at = |day| against(nominal, roll.as_ref(), d(day));
        assert_eq!(at("2025-10-01"), Against::Within);
        assert_eq!(at("2025-10-02"), Against::InWindow);
        assert_eq!(at("2025-10-09"), Against::InWindow);
        assert_eq!(at("2025-10-10"), Against::After);
        // A working-day last day has no window.
        assert_eq!(
            against(d("2025-10-10"), None, d("2025-10-11")),
            Against::After
        );
    }
}
