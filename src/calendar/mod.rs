//! The national working-day calendar (catalog §1 CAL-01/02/11/12).
//!
//! Every query is O(1) (or O(log n) when it returns the holidays it crossed):
//! a prefix-sum table over the covered days gives the *rank* of a day (how many
//! working days come before it) and a select table gives its inverse. Outside
//! the covered years the same two functions continue with a weekends-only
//! formula, so a query that straddles the coverage edge still gets one
//! consistent answer; callers learn about the gap from [`Calendar::gap`] and
//! must say so (CAL-11).
//!
//! Periods counted on it live beside it: `period` (calendar days, months,
//! years, the rest-day rollover and backward deadlines, CAL-05/06/09) and
//! `pauses` (working-day deadlines with the customer's pauses, CAL-10).

mod data;
pub mod pauses;
pub mod period;

use chrono::{Datelike, NaiveDate, Weekday};
use std::sync::OnceLock;

pub use data::{CalendarDataError, Notice};

/// The calendar text embedded in every build (the default data).
pub const NATIONAL_TOML: &str = include_str!("../../data/calendar/cn-national.toml");

/// What the data says about one day that differs from the plain weekday rule.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SpecialDay {
    pub date: NaiveDate,
    pub kind: DayKind,
    /// The holiday the day belongs to, e.g. "端午节" (shared by the days of
    /// one holiday, and cheap to copy into evidence).
    pub name: std::sync::Arc<str>,
    /// The same holiday's English name, from the data's `names` list.
    pub name_en: std::sync::Arc<str>,
    /// The year of the State Council notice that announced it (CAL-12: may be
    /// the next calendar year for late-December days).
    pub notice_year: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DayKind {
    /// 放假 (a statutory holiday or a weekday given off in lieu).
    Holiday,
    /// 调休上班 (a Saturday or Sunday that is a working day).
    MakeUpWorkday,
}

/// A range of days computed with weekends only, because no notice covers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct CoverageGap {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Clone)]
pub struct Calendar {
    first: NaiveDate,
    last: NaiveDate,
    first_day: i64,
    /// prefix[i] = working days in [first, first + i).
    prefix: Vec<u32>,
    /// select[k] = offset from `first` of the k-th (0-based) covered working day.
    select: Vec<u32>,
    /// Every special day, sorted by date.
    special: Vec<SpecialDay>,
    notices: Vec<Notice>,
}

/// Day number with 0 = 0001-01-01, which is a Monday, so `x % 7` is the weekday.
fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce()) - 1
}

fn from_day_number(x: i64) -> Option<NaiveDate> {
    i32::try_from(x + 1)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

/// Mon-Fri days in [0, x) under the plain weekday rule.
fn weekdays_before(x: i64) -> i64 {
    5 * x.div_euclid(7) + x.rem_euclid(7).min(5)
}

/// The day number of the weekday whose `weekdays_before` is `k`.
fn nth_weekday(k: i64) -> i64 {
    7 * k.div_euclid(5) + k.rem_euclid(5)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

impl Calendar {
    /// The embedded national calendar (baked by build.rs), indexed once.
    pub fn national() -> &'static Calendar {
        static CELL: OnceLock<Calendar> = OnceLock::new();
        // Not checked here: the tidy test checks the baked calendar against
        // the same file read and checked by the TOML loader.
        CELL.get_or_init(|| Calendar::build(data::baked_national()))
    }

    /// Parse and index calendar data in the format of `data/calendar/cn-national.toml`.
    ///
    /// # Errors
    /// A located [`CalendarDataError`] for a malformed entry, a date outside the
    /// declared coverage, or a day listed twice.
    #[cfg(feature = "toml-files")]
    pub fn from_toml(text: &str) -> Result<Calendar, CalendarDataError> {
        let parsed = data::parse(text)?;
        Ok(Calendar::build(parsed))
    }

    fn build(parsed: data::Parsed) -> Calendar {
        let first = parsed.first;
        let last = parsed.last;
        let first_day = day_number(first);
        let len = (day_number(last) - first_day + 1) as usize;
        let mut working: Vec<bool> = (0..len)
            .map(|i| !is_weekend(first + chrono::Days::new(i as u64)))
            .collect();
        for s in &parsed.special {
            let i = (day_number(s.date) - first_day) as usize;
            working[i] = s.kind == DayKind::MakeUpWorkday;
        }
        let mut prefix = Vec::with_capacity(len + 1);
        let mut select = Vec::new();
        let mut n = 0u32;
        prefix.push(0);
        for (i, w) in working.iter().enumerate() {
            if *w {
                select.push(i as u32);
                n += 1;
            }
            prefix.push(n);
        }
        Calendar {
            first,
            last,
            first_day,
            prefix,
            select,
            special: parsed.special,
            notices: parsed.notices,
        }
    }

    /// First and last covered day.
    pub fn coverage(&self) -> (NaiveDate, NaiveDate) {
        (self.first, self.last)
    }

    pub fn covers(&self, d: NaiveDate) -> bool {
        self.first <= d && d <= self.last
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// CAL-01: is `d` a working day?
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if self.covers(d) {
            let i = (day_number(d) - self.first_day) as usize;
            self.prefix[i + 1] > self.prefix[i]
        } else {
            !is_weekend(d)
        }
    }

    /// Working days in [.., x) counted from a fixed origin; only differences matter.
    fn rank(&self, x: i64) -> i64 {
        let f = self.first_day;
        let l1 = f + self.prefix.len() as i64 - 1;
        let total = *self.prefix.last().unwrap_or(&0) as i64;
        if x <= f {
            weekdays_before(x)
        } else if x <= l1 {
            weekdays_before(f) + self.prefix[(x - f) as usize] as i64
        } else {
            weekdays_before(f) + total + weekdays_before(x) - weekdays_before(l1)
        }
    }

    /// The working day whose rank is `k`.
    fn select(&self, k: i64) -> i64 {
        let f = self.first_day;
        let l1 = f + self.prefix.len() as i64 - 1;
        let r0 = weekdays_before(f);
        let total = self.select.len() as i64;
        if k < r0 {
            nth_weekday(k)
        } else if k < r0 + total {
            f + self.select[(k - r0) as usize] as i64
        } else {
            nth_weekday(k - r0 - total + weekdays_before(l1))
        }
    }

    /// CAL-02: the `n`-th working day after `start` (the start day itself is
    /// never counted). A negative `n` counts backwards: -1 is the last working
    /// day before `start`. `None` only when the answer is outside chrono's range.
    pub fn add_working_days(&self, start: NaiveDate, n: i64) -> Option<NaiveDate> {
        let s = day_number(start);
        let k = if n > 0 {
            self.rank(s + 1).checked_add(n - 1)?
        } else if n < 0 {
            self.rank(s).checked_add(n)?
        } else {
            return Some(start);
        };
        from_day_number(self.select(k))
    }

    /// Working days in the half-open interval (from, to]: the start day is not
    /// counted and the end day is. Negative when `to` is before `from`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        self.rank(day_number(to) + 1) - self.rank(day_number(from) + 1)
    }

    /// The first working day on or after `d`.
    pub fn working_day_on_or_after(&self, d: NaiveDate) -> Option<NaiveDate> {
        if self.is_working_day(d) {
            Some(d)
        } else {
            self.add_working_days(d, 1)
        }
    }

    /// The last working day on or before `d` (CAL-09 advice).
    pub fn working_day_on_or_before(&self, d: NaiveDate) -> Option<NaiveDate> {
        if self.is_working_day(d) {
            Some(d)
        } else {
            self.add_working_days(d, -1)
        }
    }

    /// Special days (holidays and make-up working days) in (from, to].
    pub fn special_days_between(&self, from: NaiveDate, to: NaiveDate) -> &[SpecialDay] {
        let lo = self.special.partition_point(|s| s.date <= from);
        let hi = self.special.partition_point(|s| s.date <= to);
        // `to` before `from` makes lo > hi: an empty range, not a panic.
        self.special.get(lo..hi).unwrap_or_default()
    }

    /// The special entry for one day, if the data lists it.
    pub fn special_day(&self, d: NaiveDate) -> Option<&SpecialDay> {
        let i = self.special.partition_point(|s| s.date < d);
        self.special.get(i).filter(|s| s.date == d)
    }

    /// CAL-11: the part of [from, to] (in either order) that the data does not cover.
    /// When a range sticks out on both sides the whole range is reported.
    pub fn gap(&self, a: NaiveDate, b: NaiveDate) -> Option<CoverageGap> {
        let (from, to) = if a <= b { (a, b) } else { (b, a) };
        if from >= self.first && to <= self.last {
            return None;
        }
        let gap_from = if from < self.first {
            from
        } else {
            self.last.succ_opt()?
        };
        let gap_to = if to > self.last {
            to
        } else {
            self.first.pred_opt()?
        };
        Some(CoverageGap {
            from: gap_from,
            to: gap_to,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn day_zero_is_a_monday() {
        assert_eq!(from_day_number(0).unwrap().weekday(), Weekday::Mon);
        assert_eq!(day_number(d("2010-06-14")).rem_euclid(7), 0); // a Monday
    }

    #[test]
    fn weekday_helpers_are_inverse() {
        for k in -30..30 {
            let x = nth_weekday(k);
            assert_eq!(weekdays_before(x), k);
            assert!(x.rem_euclid(7) < 5);
        }
    }

    #[test]
    fn the_index_holds_exactly_the_covered_days() {
        // Beyond the data the weekday rule answers, so an index that ran on
        // past `last` would give the same answers; only its size shows it.
        let cal = Calendar::national();
        let days = (cal.last - cal.first).num_days() as usize + 1;
        assert_eq!(cal.prefix.len(), days + 1);
        assert_eq!(cal.select.len(), *cal.prefix.last().unwrap() as usize);
    }
}
