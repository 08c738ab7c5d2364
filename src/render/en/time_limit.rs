//! TL and CAL (time limits of each step) in English.

use super::{count, En};
use crate::case::Convention;
use crate::render::{Language, Reader};
use crate::report::time_limit::{Caveat, ConventionMatters, Found, Limit, Unit};
use crate::report::{Finding, Outcome, StepStatus};
use std::fmt::Write;

pub(super) fn found(d: &Found, f: &Finding, _r: &Reader) -> String {
    match d {
        Found::SourcesAssumedSingle => {
            "Single or dual source not stated: evaluated as single source (the shorter limits)."
                .into()
        }
        Found::Limit(l) => limit(l, f),
        Found::ConventionMatters(c) => convention_matters(c),
        Found::NationalCalendarOnly => {
            "Only the national holiday calendar was used; local holidays are not included.".into()
        }
    }
}

/// "15 working days", "1 month".
fn amount(n: u32, unit: Unit) -> String {
    let one = n == 1;
    let word = match unit {
        Unit::WorkingDays if one => "working day",
        Unit::WorkingDays => "working days",
        Unit::CalendarDays if one => "calendar day",
        Unit::CalendarDays => "calendar days",
        Unit::Months if one => "month",
        Unit::Months => "months",
        Unit::Years if one => "year",
        Unit::Years => "years",
        Unit::Minutes if one => "minute",
        Unit::Minutes => "minutes",
        Unit::Kv => "kV",
    };
    format!("{n} {word}")
}

fn limit(l: &Limit, f: &Finding) -> String {
    let mut s = String::with_capacity(192);
    let step = En.step(l.step);
    let allowed = amount(l.regime.limit, l.regime.unit);
    match &f.citation {
        Some(c) => {
            let _ = write!(s, "{step}: {} ({})", c.title_en, c.version_en);
            let _ = write!(s, " allows {allowed}");
        }
        None => {
            let _ = write!(s, "{step}: {allowed} allowed");
        }
    }
    for (start, due) in l.counts() {
        let _ = write!(s, "; from {start}, due {due}");
    }
    if let Some(rolled) = l.rolled_due {
        let _ = write!(s, " (a rest day: the period may roll over to {rolled})");
    }
    match (l.done, l.not_done_as_of) {
        (Some(d), _) => {
            let _ = write!(s, "; done {d}");
        }
        (None, Some(a)) => {
            let _ = write!(s, "; not done as of {a}");
        }
        (None, None) => s.push_str("; not done"),
    }
    // The verdict is the computed one: an [R] value's warning says in its
    // prefix what it would have been.
    let verdict = match (f.unverified_would_be.unwrap_or(f.outcome), l.done.is_some()) {
        _ if l.status == StepStatus::InRolloverWindow => "in the possible rollover window",
        (Outcome::Ok, true) => "on time",
        (Outcome::Ok, false) => "still within the limit",
        (Outcome::Overdue, _) => "overdue",
        _ => "check",
    };
    let _ = write!(s, ". Result: {verdict}.");
    s
}

fn convention_words(c: Convention) -> &'static str {
    match c {
        Convention::ExcludeStart => "the start day itself not counted",
        Convention::DeemedNextWorkday => "deemed received the next working day",
    }
}

fn convention_matters(c: &ConventionMatters) -> String {
    format!(
        "{} ({}): the start {} is a rest day. Under the other convention ({}) the deadline is {} instead of {}, and the result differs.",
        En.step(c.step),
        c.limit_citation.title_en,
        c.start,
        convention_words(c.alternative()),
        c.due_alternative,
        c.due
    )
}

pub(super) fn caveat(c: &Caveat, r: &Reader) -> String {
    match c {
        Caveat::PolicyTarget => "This is a policy target, not a legal limit for one case.".into(),
        Caveat::AverageTarget => {
            "This is an average target; one case above it is not overdue.".into()
        }
        Caveat::UtilitySideWithoutPauses if r.is_clerk() => format!(
            "This limit counts only the utility's time; no customer-side pauses ({}) were given, so the customer's own design and construction time cannot be subtracted.",
            r.field("paused")
        ),
        Caveat::UtilitySideWithoutPauses => "This limit counts only the utility's time; no pauses on your side were given, so your own design and construction time cannot be subtracted.".into(),
        Caveat::MarginWithinGap {
            uncertain_margin, ..
        } => format!(
            "Calendar data missing and the margin is under {}: not called overdue.",
            count(i64::from(*uncertain_margin), "day", "days")
        ),
        Caveat::FormalitiesDateUnknown { earliest, latest } => {
            let counted = match (earliest, latest) {
                (Some(e), Some(l)) => format!("counted from the inspection pass {e} (the earliest possible start) and from the latest possible date {l}"),
                (Some(e), None) => format!("counted from the inspection pass {e} (the earliest possible start); the latest possible date is not given"),
                (None, Some(l)) => format!("counted from the latest possible date {l} only"),
                (None, None) => "the start is uncertain".into(),
            };
            format!("Formalities date unknown: {counted}.")
        }
        Caveat::RolloverWindow {
            due,
            rolled,
            holiday,
            rule,
        } => {
            let (day, doubt) = if *holiday {
                ("a public holiday", "whether that rule applies to this limit")
            } else {
                (
                    "a weekend day",
                    "whether an ordinary weekend counts as a statutory holiday, and whether that rule applies to this limit,",
                )
            };
            let law = match rule {
                Some(c) if r.is_clerk() => format!(" ({} {})", En.cite(c), c.mark),
                _ => String::new(),
            };
            format!(
                "The last day, {due}, is {day}; the period may roll over to {rolled}, the first working day after it. In this possible rollover window the step is not called overdue: a period whose last day is a statutory holiday ends on the day after the holiday{law}, but {doubt} is unclear."
            )
        }
    }
}
