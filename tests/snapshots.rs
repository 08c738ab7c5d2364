//! Rendered reports, snapshot-tested in each language: the CLI's text report
//! of three cases (a resident, the S0 110 kV case, a contractor-licence and
//! outage case) in Chinese and English, and the words a customer reads for
//! every finding of the S0 case in both, under `tests/snapshots/`.
//!
//! The snapshots guard the wording against unintended change: a change to a
//! renderer, a rule file or the evaluator that alters what a reader sees
//! fails here. They were reviewed by reading them as a customer and as a
//! clerk would, not derived independently; the facts behind them are checked
//! by the golden tests. After a deliberate change,
//! `YEKUO_BLESS=1 cargo test --test snapshots` rewrites them: read the diff.

use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use yekuo::render::{self, Audience, Lang, Reader};
use yekuo::report::Report;

/// A case to render: its file, and the fixed day it is looked at.
struct Snap {
    name: &'static str,
    case: &'static str,
    as_of: (i32, u32, u32),
}

const SNAPS: [Snap; 3] = [
    Snap {
        name: "resident",
        case: "tests/snapshots/resident.case.json",
        as_of: (2024, 3, 12),
    },
    Snap {
        name: "s0-110kv",
        case: "examples/s0-case1-110kv.json",
        as_of: (2010, 7, 1),
    },
    Snap {
        name: "licence-outage",
        case: "tests/snapshots/licence-outage.case.json",
        as_of: (2015, 9, 10),
    },
];

/// The case the customer's words are shown for.
const CUSTOMER: &str = "s0-110kv";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn report(s: &Snap) -> Report {
    let text = std::fs::read_to_string(root().join(s.case)).unwrap();
    let case = yekuo::case::parse_case(&text).unwrap_or_else(|e| panic!("{}: {e}", s.case));
    let (y, m, d) = s.as_of;
    let as_of = NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let mut report = yekuo::eval::evaluate(yekuo::rulebook::Rulebook::embedded(), &case, as_of);
    // A release number is not wording: it is kept out of the snapshots.
    report.yekuo_version = "VERSION";
    report
}

/// Every finding as a customer reads it: the outcome in words, the message,
/// and each caveat meant for them, one finding to a block.
fn customer_words(report: &Report, lang: Lang) -> String {
    let reader = Reader {
        audience: Audience::Customer,
        ..Reader::clerk(lang)
    };
    let mut out = String::new();
    for f in &report.findings {
        out.push_str(&format!(
            "[{}] {}\n",
            render::outcome(f.outcome, lang),
            render::message(f, &reader)
        ));
        for c in f
            .caveats
            .iter()
            .filter_map(|c| render::caveat(c, f, &reader))
        {
            out.push_str(&format!("    ! {c}\n"));
        }
    }
    out
}

/// Compare `text` with the snapshot `file`, or write it when blessing;
/// returns the file's name if it differs.
fn check(file: &str, text: &str) -> Option<String> {
    let path = root().join("tests/snapshots").join(file);
    if std::env::var_os("YEKUO_BLESS").is_some() {
        std::fs::write(&path, text).unwrap();
        return None;
    }
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    (old != text).then(|| first_difference(file, &old, text))
}

fn first_difference(file: &str, old: &str, new: &str) -> String {
    let (mut a, mut b) = (old.lines(), new.lines());
    for n in 1.. {
        match (a.next(), b.next()) {
            (x, y) if x == y && x.is_some() => continue,
            (x, y) => {
                return format!("{file}, line {n}:\n  snapshot {x:?}\n  now      {y:?}");
            }
        }
    }
    unreachable!()
}

#[test]
fn rendered_reports_match_their_snapshots() {
    let mut differ = Vec::new();
    for s in &SNAPS {
        let report = report(s);
        for (lang, english) in [("zh", false), ("en", true)] {
            let text = yekuo::render::text::report(&report, english);
            differ.extend(check(&format!("{}.{lang}.txt", s.name), &text));
        }
        if s.name == CUSTOMER {
            for (lang, l) in [("zh", Lang::Zh), ("en", Lang::En)] {
                let text = customer_words(&report, l);
                differ.extend(check(&format!("{}.customer.{lang}.txt", s.name), &text));
            }
        }
    }
    assert!(
        differ.is_empty(),
        "rendered words changed; if on purpose, rerun with YEKUO_BLESS=1 and read the diff:\n{}",
        differ.join("\n")
    );
}

/// The snapshot folder holds what the test writes and the cases it reads,
/// nothing stale.
#[test]
fn no_stale_snapshots() {
    // Blessing writes the files while this runs; the next plain run checks.
    if std::env::var_os("YEKUO_BLESS").is_some() {
        return;
    }
    let mut expected: Vec<String> = SNAPS
        .iter()
        .flat_map(|s| [format!("{}.zh.txt", s.name), format!("{}.en.txt", s.name)])
        .chain([
            format!("{CUSTOMER}.customer.zh.txt"),
            format!("{CUSTOMER}.customer.en.txt"),
        ])
        .chain(
            SNAPS
                .iter()
                .filter_map(|s| s.case.strip_prefix("tests/snapshots/"))
                .map(String::from),
        )
        .collect();
    expected.sort();
    let mut found: Vec<String> = std::fs::read_dir(Path::new(&root()).join("tests/snapshots"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    assert_eq!(found, expected);
}
