//! Reading `data/calendar/*.toml`: one `[[notice]]` per State Council notice.
//! The embedded calendar is baked by build.rs and read as it stands
//! (`baked.rs`); files read at run time are checked here, with located
//! errors.

use super::{DayKind, SpecialDay};
use crate::prose::Prose;
use chrono::NaiveDate;
#[cfg(feature = "toml-files")]
use serde::Deserialize;
use std::fmt;

#[path = "baked.rs"]
mod baked;

#[cfg(feature = "toml-files")]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    coverage: Coverage,
    /// "中文名: English name" for every holiday an entry names, so the English
    /// report never falls back to Chinese. A list of strings rather than a
    /// map: the app already carries the code to read one (issue 4's size
    /// budget).
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    notice: Vec<RawNotice>,
}

#[cfg(feature = "toml-files")]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Coverage {
    first_year: i32,
    last_year: i32,
}

#[cfg(feature = "toml-files")]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNotice {
    year: i32,
    title: String,
    #[serde(default)]
    links: Vec<String>,
    source: String,
    #[serde(default)]
    off: Vec<String>,
    #[serde(default)]
    work: Vec<String>,
}

/// One State Council holiday notice, as recorded in the data. Its title,
/// links and source are provenance, prose that only a reader of it reaches.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Notice {
    pub year: i32,
    pub title: Prose,
    pub links: Vec<Prose>,
    pub source: Prose,
}

pub(super) struct Parsed {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub special: Vec<SpecialDay>,
    pub notices: Vec<Notice>,
}

/// A problem in calendar data, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarDataError {
    /// e.g. `notice 2010, off[3]`.
    pub location: String,
    pub problem: String,
}

impl fmt::Display for CalendarDataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "calendar data, {}: {}", self.location, self.problem)
    }
}

impl std::error::Error for CalendarDataError {}

#[cfg(feature = "toml-files")]
fn err(location: impl Into<String>, problem: impl Into<String>) -> CalendarDataError {
    CalendarDataError {
        location: location.into(),
        problem: problem.into(),
    }
}

#[cfg(feature = "toml-files")]
fn parse_date(s: &str, at: &str) -> Result<NaiveDate, CalendarDataError> {
    crate::day::parse_iso(s).ok_or_else(|| {
        err(
            at,
            format!("`{s}` is not a real date in the form YYYY-MM-DD"),
        )
    })
}

/// "YYYY-MM-DD name" or "YYYY-MM-DD..YYYY-MM-DD name" -> (from, to, name).
#[cfg(feature = "toml-files")]
fn parse_entry(s: &str, at: &str) -> Result<(NaiveDate, NaiveDate, String), CalendarDataError> {
    let (span, name) = s.split_once(' ').ok_or_else(|| {
        err(
            at,
            format!("`{s}`: expected a date or range, a space and the holiday name"),
        )
    })?;
    let name = name.trim();
    if name.is_empty() {
        return Err(err(at, format!("`{s}`: the holiday name is missing")));
    }
    let (a, b) = match span.split_once("..") {
        Some((a, b)) => (parse_date(a, at)?, parse_date(b, at)?),
        None => {
            let a = parse_date(span, at)?;
            (a, a)
        }
    };
    if b < a {
        return Err(err(at, format!("`{s}`: the range ends before it starts")));
    }
    if (b - a).num_days() > 31 {
        return Err(err(
            at,
            format!("`{s}`: a holiday run longer than 31 days is surely a typo"),
        ));
    }
    Ok((a, b, name.to_string()))
}

/// Read calendar data from TOML text (the files in data/calendar/).
#[cfg(feature = "toml-files")]
pub(super) fn parse(text: &str) -> Result<Parsed, CalendarDataError> {
    let file: File = toml::from_str(text).map_err(|e| err("file", e.to_string()))?;
    check(file)
}

/// The national calendar build.rs baked from the TOML.
pub(super) fn baked_national() -> Parsed {
    baked::national()
}

#[cfg(feature = "toml-files")]
fn check(file: File) -> Result<Parsed, CalendarDataError> {
    let Coverage {
        first_year,
        last_year,
    } = file.coverage;
    let first = NaiveDate::from_ymd_opt(first_year, 1, 1).ok_or_else(|| {
        err(
            "coverage.first_year",
            format!("{first_year} is not a usable year"),
        )
    })?;
    let last = NaiveDate::from_ymd_opt(last_year, 12, 31).ok_or_else(|| {
        err(
            "coverage.last_year",
            format!("{last_year} is not a usable year"),
        )
    })?;
    if last < first {
        return Err(err("coverage", "last_year is before first_year"));
    }
    let mut special = Vec::new();
    let mut notices = Vec::new();
    for n in file.notice {
        if n.year < first_year || n.year > last_year {
            return Err(err(
                format!("notice {}", n.year),
                format!("year outside the coverage {first_year}..{last_year}"),
            ));
        }
        for (kind, list, field) in [
            (DayKind::Holiday, &n.off, "off"),
            (DayKind::MakeUpWorkday, &n.work, "work"),
        ] {
            for (i, s) in list.iter().enumerate() {
                let at = format!("notice {}, {field}[{i}]", n.year);
                let (a, b, name) = parse_entry(s, &at)?;
                // A notice covers its own year plus the December before it (CAL-12).
                if a.year() < n.year - 1 || b.year() > n.year {
                    return Err(err(
                        at,
                        format!("`{s}` is outside the notice's year (and the December before)"),
                    ));
                }
                if a < first || b > last {
                    return Err(err(
                        at,
                        format!("`{s}` is outside the coverage {first}..{last}"),
                    ));
                }
                let en = file.names.iter().find_map(|n| {
                    let (zh, en) = n.split_once(':')?;
                    (zh.trim() == name).then(|| en.trim())
                });
                let name_en: std::sync::Arc<str> = match en {
                    Some(en) if !en.is_empty() => en.into(),
                    _ => return Err(err(at, format!("`{name}` has no English name in `names`"))),
                };
                let name: std::sync::Arc<str> = name.into();
                let mut day = a;
                while day <= b {
                    let weekend = super::is_weekend(day);
                    if kind == DayKind::MakeUpWorkday && !weekend {
                        return Err(err(&at, format!("{day} is a weekday; only a Saturday or Sunday can be a make-up working day")));
                    }
                    special.push(SpecialDay {
                        date: day,
                        kind,
                        name: name.clone(),
                        name_en: name_en.clone(),
                        notice_year: n.year,
                    });
                    day = day.succ_opt().ok_or_else(|| err(&at, "date overflow"))?;
                }
            }
        }
        notices.push(Notice {
            year: n.year,
            title: n.title.as_str().into(),
            links: n.links.iter().map(|l| l.as_str().into()).collect(),
            source: n.source.as_str().into(),
        });
    }
    special.sort_by_key(|s| s.date);
    if let Some(w) = special.windows(2).find(|w| w[0].date == w[1].date) {
        return Err(err(
            format!("notice {} / notice {}", w[0].notice_year, w[1].notice_year),
            format!("{} is listed twice", w[0].date),
        ));
    }
    Ok(Parsed {
        first,
        last,
        special,
        notices,
    })
}

#[cfg(feature = "toml-files")]
use chrono::Datelike;
