//! The national calendar as build.rs bakes it from
//! `data/calendar/cn-national.toml`: the file's own shape with `&'static`
//! strings, turned into the reader's `File` and checked like a file read at
//! run time, so both routes give one calendar (the tidy test compares them).

use super::{Coverage, File, RawNotice};

pub(super) struct BakedCalendar {
    coverage: BakedCoverage,
    names: &'static [&'static str],
    notices: &'static [BakedNotice],
}

struct BakedCoverage {
    first_year: i32,
    last_year: i32,
}

struct BakedNotice {
    year: i32,
    title: &'static str,
    links: &'static [&'static str],
    source: &'static str,
    off: &'static [&'static str],
    work: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/baked_calendar.rs"));

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The baked national calendar as the reader's file.
pub(super) fn national() -> File {
    let c = &NATIONAL;
    File {
        coverage: Coverage {
            first_year: c.coverage.first_year,
            last_year: c.coverage.last_year,
        },
        names: strings(c.names),
        notice: c
            .notices
            .iter()
            .map(|n| RawNotice {
                year: n.year,
                title: n.title.into(),
                links: strings(n.links),
                source: n.source.into(),
                off: strings(n.off),
                work: strings(n.work),
            })
            .collect(),
    }
}
