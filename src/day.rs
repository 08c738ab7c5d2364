//! The one way yekuo reads a day from text: `YYYY-MM-DD`, four-digit year,
//! ASCII digits only (a case's dates may also use full-width ones, see
//! [`read_case_day`]). chrono's `parse_from_str` would also take a sign or a
//! short year (`-026-12-28`, which then writes back differently) and brings
//! its whole format machinery into the browser bundle; this reader is a few
//! lines. Writing a day is chrono's `Display`, which already gives this form.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer};

pub use crate::limits::CASE_YEARS;

/// Why a typed case date was refused (see [`read_case_day`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayError {
    /// Not `YYYY-MM-DD`, or not a day of the calendar (`2023-02-30`).
    NotADate,
    /// A real day, outside [`CASE_YEARS`].
    OutOfRange(NaiveDate),
}

/// `YYYY-MM-DD` exactly, any year 0000–9999; `None` for anything else.
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)
}

/// A day of baked data (build.rs), made while the crate compiles: a day
/// that does not exist stops the build.
pub const fn baked(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("a day of the baked data does not exist"),
    }
}

/// A date typed into a case: `YYYY-MM-DD` within [`CASE_YEARS`], its
/// digits and dashes ASCII or full-width ("２０２６－０１－０５", as a Chinese
/// input method types them; [`crate::halfwidth`]). The rulebook's and the
/// calendar's own dates are read by the strict [`parse_iso`].
///
/// # Errors
/// [`DayError`] says whether the text is no date at all or out of range.
pub fn read_case_day(s: &str) -> Result<NaiveDate, DayError> {
    let day = parse_iso(&crate::halfwidth::ascii(s)).ok_or(DayError::NotADate)?;
    if CASE_YEARS.contains(&day.year()) {
        Ok(day)
    } else {
        Err(DayError::OutOfRange(day))
    }
}

/// `YYYYMMDD`, the form iCalendar's `DATE` values take.
pub fn basic(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// Append `YYYY-MM-DD` to `out`: the ten bytes at once, where chrono's
/// `Display` writes them a field and a character at a time (messages write
/// some sixty dates per evaluation). Years outside 0–9999 go through
/// `Display`, which signs and widens them.
pub fn push_iso(out: &mut String, d: NaiveDate) {
    let y = d.year();
    if !(0..=9999).contains(&y) {
        use std::fmt::Write;
        let _ = write!(out, "{d}");
        return;
    }
    let (y, m, dd) = (y as u32, d.month(), d.day());
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let bytes = [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(dd / 10),
        digit(dd),
    ];
    // ASCII digits and dashes only.
    out.push_str(std::str::from_utf8(&bytes).unwrap_or_default());
}

/// serde: a `YYYY-MM-DD` string (rule files; chrono's own `Deserialize`
/// would go through its format parser).
pub(crate) fn de_iso<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
    parse_iso(&s).ok_or_else(|| {
        serde::de::Error::custom(format!("`{s}` is not a real date in the form YYYY-MM-DD"))
    })
}

/// As [`de_iso`], for an optional field.
pub(crate) fn de_iso_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    de_iso(d).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `push_iso` writes what chrono's `Display` writes, for every day of
    /// the case years and for years that need signs or a fifth digit.
    #[test]
    fn push_iso_agrees_with_chrono_display() {
        let mut d = NaiveDate::from_ymd_opt(1899, 12, 25).unwrap();
        let end = NaiveDate::from_ymd_opt(2101, 1, 5).unwrap();
        let mut s = String::new();
        while d <= end {
            s.clear();
            push_iso(&mut s, d);
            assert_eq!(s, d.to_string());
            d = d.succ_opt().unwrap();
        }
        for (y, m, dd) in [
            (0, 1, 1),
            (9999, 12, 31),
            (-1, 3, 4),
            (10000, 1, 1),
            (5, 6, 7),
        ] {
            let d = NaiveDate::from_ymd_opt(y, m, dd).unwrap();
            s.clear();
            push_iso(&mut s, d);
            assert_eq!(s, d.to_string());
        }
    }

    #[test]
    fn only_the_exact_form_is_read() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(parse_iso("2010-06-15"), d(2010, 6, 15));
        assert_eq!(parse_iso("0000-01-01"), d(0, 1, 1));
        for bad in [
            "2010-6-15",
            "-026-12-28",
            "+010-06-15",
            "2010/06/15",
            "2010-06-15 ",
            "２０１０-06-15",
            "2023-02-29",
            "2010-13-01",
            "2010-00-10",
            "",
            "2010-06-1x",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
        assert_eq!(
            read_case_day("1899-12-31"),
            Err(DayError::OutOfRange(d(1899, 12, 31).unwrap()))
        );
        assert_eq!(read_case_day("2024-02-29"), Ok(d(2024, 2, 29).unwrap()));
        // A case's dates as a Chinese input method types them.
        assert_eq!(
            read_case_day("２０２６－０１－０５"),
            Ok(d(2026, 1, 5).unwrap())
        );
        assert_eq!(
            read_case_day("２０２６-０１-０５"),
            Ok(d(2026, 1, 5).unwrap())
        );
        assert_eq!(
            read_case_day("２０２４-０２-２９"),
            Ok(d(2024, 2, 29).unwrap())
        );
        assert_eq!(read_case_day("２０２３-０２-２９"), Err(DayError::NotADate));
        assert_eq!(
            read_case_day("２０２３／０２／０３"),
            Err(DayError::NotADate)
        );
        assert_eq!(
            read_case_day("１８９９-１２-３１"),
            Err(DayError::OutOfRange(d(1899, 12, 31).unwrap()))
        );
        assert_eq!(basic(d(2010, 6, 5).unwrap()), "20100605");
    }

    /// Every day 1900–2100 written by chrono reads back as itself.
    #[test]
    fn every_case_day_round_trips_through_chrono_display() {
        let mut day = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap();
        while day <= last {
            assert_eq!(read_case_day(&day.to_string()), Ok(day));
            day = day.succ_opt().unwrap();
        }
    }
}
