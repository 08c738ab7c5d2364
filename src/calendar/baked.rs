//! The national calendar as build.rs bakes it from
//! `data/calendar/cn-national.toml`: a table of special days, sorted, with
//! the holiday names once each and every notice's provenance as prose
//! (`crate::prose`). Read as it stands: no day strings to parse and no
//! checks when the page starts (the tidy test checks that it equals the
//! same file read by the TOML loader, day by day).

use super::{DayKind, Notice, Parsed, SpecialDay};
use crate::prose::Prose;
use chrono::NaiveDate;
use std::sync::Arc;

pub(super) struct BakedCalendar {
    coverage: BakedCoverage,
    /// (Chinese, English) name of each holiday; a day holds its index.
    names: &'static [(&'static str, &'static str)],
    days: &'static [BakedDay],
    notices: &'static [BakedNotice],
}

struct BakedCoverage {
    first_year: i32,
    last_year: i32,
}

struct BakedDay {
    date: NaiveDate,
    /// A weekend day worked (调休上班) rather than a day off.
    make_up: bool,
    name: u8,
    notice_year: i32,
}

struct BakedNotice {
    year: i32,
    title: u16,
    links: &'static [u16],
    source: u16,
}

include!(concat!(env!("OUT_DIR"), "/baked_calendar.rs"));

/// The baked national calendar, ready to index.
pub(super) fn national() -> Parsed {
    let c = &NATIONAL;
    let names: Vec<(Arc<str>, Arc<str>)> = c
        .names
        .iter()
        .map(|&(zh, en)| (zh.into(), en.into()))
        .collect();
    let day = |d: &BakedDay| {
        let (name, name_en) = &names[usize::from(d.name)];
        SpecialDay {
            date: d.date,
            kind: if d.make_up {
                DayKind::MakeUpWorkday
            } else {
                DayKind::Holiday
            },
            name: name.clone(),
            name_en: name_en.clone(),
            notice_year: d.notice_year,
        }
    };
    Parsed {
        first: crate::day::baked(c.coverage.first_year, 1, 1),
        last: crate::day::baked(c.coverage.last_year, 12, 31),
        special: c.days.iter().map(day).collect(),
        notices: c
            .notices
            .iter()
            .map(|n| Notice {
                year: n.year,
                title: Prose::baked(n.title),
                links: n.links.iter().copied().map(Prose::baked).collect(),
                source: Prose::baked(n.source),
            })
            .collect(),
    }
}
