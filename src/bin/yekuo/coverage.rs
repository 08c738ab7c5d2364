//! `yekuo coverage`: which instruments the rulebook holds, for which days
//! and which utilities, and what it does not cover, as Markdown. It is
//! `docs/coverage.md`, word for word (`tests/cli.rs` checks), so the page
//! is made from the rule files and cannot go stale.

use chrono::{Days, NaiveDate};
use yekuo::calendar::Calendar;
use yekuo::case::Operator;
use yekuo::rulebook::{Entry, Rulebook};
use yekuo::vocab::{Layer, RuleId};

/// The page, from `book` and the national holiday calendar.
pub fn markdown(book: &Rulebook, cal: &Calendar) -> String {
    let mut s = String::new();
    let mut line = |text: &str| {
        s.push_str(text);
        s.push('\n');
    };
    line("# What yekuo covers");
    line("");
    line("<!-- Made by `yekuo coverage` from data/rules/*.toml and the holiday calendar; do not edit by hand. `tests/cli.rs` checks that this page is that output: after a rule-file change, run `YEKUO_BLESS=1 cargo test --test cli` and review the diff. -->");
    line("");
    line("yekuo checks a case against the instruments below, each only on the days it was in force and only for the utilities it binds. Anything a case gives outside them is reported as `not-covered` (docs/report-format.md), never dropped, and the command line then exits with 3 rather than 0.");
    line("");
    line("Marks: [V] read in a source text, [S] seen in a secondary source, [R] recalled or inferred, [X] not found. A date marked [R] or [X] is uncertain, and every finding resting on that instrument says so.");
    line("");
    line("## Instruments");
    line("");
    line("| in force from | until | instrument | version | layer | binds | rules |");
    line("|---|---|---|---|---|---|---|");
    for e in &book.entries {
        let i = &e.instrument;
        let until = match (i.until, i.until_mark) {
            (Some(u), Some(m)) => format!("{u} {m}"),
            (Some(u), None) => u.to_string(),
            (None, _) => "(in force)".into(),
        };
        // A version whose start is only a window: perhaps from `from`,
        // certainly from `certain_from`.
        let certain = i
            .certain_from
            .map_or_else(String::new, |c| format!(" (certainly by {c})"));
        line(&format!(
            "| {} {}{certain} | {until} | `{}` 《{}》 {} | {} | {} | {} | {} |",
            i.from,
            i.from_mark,
            i.id,
            cell(&i.title),
            cell(&i.title_en),
            cell(&format!("{} / {}", i.version, i.version_en)),
            i.layer.as_str(),
            binds(e),
            rules(e).join(", ")
        ));
    }
    line("");
    line("## Rules by utility");
    line("");
    line("The days on which some instrument gives each rule, for each utility (yekuo's own conventions, which always apply, left out).");
    line("");
    line("| rule | State Grid (SGCC) | China Southern Grid (CSG), other utilities |");
    line("|---|---|---|");
    for rule in book.rule_ids() {
        let spans = |op: Operator| {
            let found = book
                .entries
                .iter()
                .filter(|e| e.instrument.layer != Layer::Convention)
                .filter(|e| e.instrument.binds(op))
                .filter(|e| e.provisions.iter().any(|p| p.rule == rule));
            days(found)
        };
        let (sgcc, other) = (spans(Operator::Sgcc), spans(Operator::Csg));
        if sgcc.is_empty() && other.is_empty() {
            continue;
        }
        line(&format!(
            "| {rule} | {} | {} |",
            or_none(sgcc),
            or_none(other)
        ));
    }
    let conventions: Vec<&str> = book
        .entries
        .iter()
        .filter(|e| e.instrument.layer == Layer::Convention)
        .flat_map(|e| e.provisions.iter().map(|p| p.rule.as_str()))
        .collect();
    line("");
    line(&format!(
        "yekuo's own conventions (layer `convention`, marked [R], never law): {}.",
        conventions.join(", ")
    ));
    line("");
    line("## What is not covered");
    line("");
    let earliest = |op: Operator| {
        book.entries
            .iter()
            .filter(|e| e.instrument.binds(op) && e.sets_duties())
            .map(|e| e.instrument.from)
            .min()
            .map_or_else(|| "(none)".to_string(), |d| d.to_string())
    };
    line(&format!(
        "* **Events before the earliest instrument.** The first instrument that sets duties is in force from {} for State Grid and from {} for other utilities. A case date before it is reported as `not-covered` (CAL-08), with the earliest instrument named: nothing that happened then is checked.",
        earliest(Operator::Sgcc),
        earliest(Operator::Csg)
    ));
    line("* **China Southern Grid's own commitments**, and those of local and other utilities, were not researched (catalog §0.3, §13 item 7). For such a utility only the instruments that bind any utility apply (the national rules and standards). State Grid's commitments (十项承诺, 十个不准, 红线禁令 and its shorter time limits) are not applied to it, and a fact that only they cover (a stalled application, gifts) is reported as `not-covered`. The app says so at the top of its results when the utility is not State Grid.");
    line("* **Provincial and local rules**: provincial electricity regulations (供用电条例), provincial utilities' notices and local practice are not in the rulebook, except the few used as examples of State Grid practice or of local requirements (`sgcc-provincial-notices`, `local-important-users`, and the local document lists of `sgcc-application-lists`), each marked [S] or weaker.");
    let (first, last) = cal.coverage();
    line(&format!(
        "* **Years without holiday data.** The national holiday calendar covers {first} to {last}. Before or after it only weekends count as rest days: every deadline counted there carries a warning (CAL-11), and no `overdue` is given when the margin is within a holiday span."
    ));
    line("* **Local holidays**: the holidays of ethnic autonomous regions and local extensions are not in the national calendar (CAL-13).");
    s
}

/// Text for a table cell: a `|` would end the cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn binds(e: &Entry) -> &'static str {
    if e.instrument.binds(Operator::Csg) {
        "any utility"
    } else {
        "State Grid only"
    }
}

/// The rules an instrument gives, once each, in catalog order.
fn rules(e: &Entry) -> Vec<&'static str> {
    RuleId::ALL
        .iter()
        .filter(|r| e.provisions.iter().any(|p| p.rule == **r))
        .map(|r| r.as_str())
        .collect()
}

/// The days these instruments are in force, as spans with adjoining and
/// overlapping ones joined: `1996-10-08 – 2024-05-31`, `2010-01-01 –`.
fn days<'a>(entries: impl Iterator<Item = &'a Entry>) -> Vec<String> {
    let mut spans: Vec<(NaiveDate, Option<NaiveDate>)> = entries
        .map(|e| (e.instrument.from, e.instrument.until))
        .collect();
    spans.sort();
    let mut joined: Vec<(NaiveDate, Option<NaiveDate>)> = Vec::new();
    for (from, until) in spans {
        match joined.last_mut() {
            Some((_, last))
                if last.is_none_or(|l| l.checked_add_days(Days::new(1)) >= Some(from)) =>
            {
                *last = match (*last, until) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            _ => joined.push((from, until)),
        }
    }
    joined
        .into_iter()
        .map(|(from, until)| match until {
            Some(u) => format!("{from} – {u}"),
            None => format!("{from} –"),
        })
        .collect()
}

fn or_none(spans: Vec<String>) -> String {
    if spans.is_empty() {
        "not covered".into()
    } else {
        spans.join("; ")
    }
}
