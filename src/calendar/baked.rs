//! The national calendar as build.rs bakes it from
//! `data/calendar/cn-national.toml`: each entry a range of days with typed
//! dates, the holiday names once each and every notice's provenance as
//! prose (`crate::prose`). No day strings to parse and no checks when the
//! page starts: the ranges are only spread into days (the tidy test checks
//! the result equals the same file read by the TOML loader, day by day).

use super::{DayKind, Notice, Parsed, SpecialDay};
use crate::prose::Prose;
use chrono::NaiveDate;
use std::sync::Arc;

pub(super) struct BakedCalendar {
    coverage: BakedCoverage,
    /// (Chinese, English) name of each holiday; a day holds its index.
    names: &'static [(&'static str, &'static str)],
    days: &'static [BakedRange],
    notices: &'static [BakedNotice],
}

struct BakedCoverage {
    first_year: i32,
    last_year: i32,
}

/// The days `from..=to` of one `off` or `work` entry.
struct BakedRange {
    from: NaiveDate,
    to: NaiveDate,
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
    // build.rs sorted the ranges, which never overlap: the days come in order.
    let mut special = Vec::new();
    for r in c.days {
        let (name, name_en) = &names[usize::from(r.name)];
        let kind = if r.make_up {
            DayKind::MakeUpWorkday
        } else {
            DayKind::Holiday
        };
        let mut date = r.from;
        while date <= r.to {
            special.push(SpecialDay {
                date,
                kind,
                name: name.clone(),
                name_en: name_en.clone(),
                notice_year: r.notice_year,
            });
            match date.succ_opt() {
                Some(next) => date = next,
                None => break,
            }
        }
    }
    Parsed {
        first: crate::day::baked(c.coverage.first_year, 1, 1),
        last: crate::day::baked(c.coverage.last_year, 12, 31),
        special,
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
