//! The coverage pass, run after every family: no silent gaps (issue 13).
//!
//! * A case date on which no instrument that sets duties was in force for
//!   the case's utility (a high-voltage case accepted in 1990, before every
//!   instrument) gets one `not-covered` finding listing those dates, so an
//!   empty report cannot read as "nothing wrong".
//! * A fact the case gives (a date, a conduct answer, the outage, the
//!   contractors, the supply) that no finding used, because no rule that
//!   reads it is in force on its day for this utility, gets a `not-covered`
//!   finding naming the field, the day and why: no rule on that day, or
//!   rules that bind only another utility (State Grid's commitments for a
//!   China Southern Grid customer).
//!
//! When rules that read a fact are in force and still no finding used it
//! (a "no" to a conduct question, a step that does not apply to this
//! customer), the family has decided it and this pass adds nothing.
//!
//! Cheap by construction, since `summarize` runs it for every case of a
//! batch: the rules already reported are one bit mask, a fact is looked up
//! in the rulebook only when no finding of its rules exists, and the
//! instruments are scanned for the dates only until one covers each.

use super::Ctx;
use crate::case::{Case, Operator};
use crate::report::coverage::{DatedField, Found, Instrument, Why};
use crate::report::{Detail, Finding, Name, Outcome};
use crate::rulebook::{Entry, Rulebook};
use crate::vocab::RuleId;
use crate::Mark;
use chrono::NaiveDate;

/// A fact a case may give: its field (a JSON path of the case file), the
/// catalog rules that read it, and the day those rules are looked up for
/// (`None` when the case does not give it). Only the rules that say what a
/// utility or customer must do are listed: a convention in force since 1900
/// would make every day look covered.
struct Fact {
    field: &'static str,
    rules: &'static [RuleId],
    /// Is `field` itself an event's date (checked against the instruments'
    /// coverage, [`dates_outside`])?
    event: bool,
    day: fn(&Case, Days) -> Option<NaiveDate>,
}

/// The days the families look rules up for, as they choose them.
#[derive(Clone, Copy)]
struct Days {
    /// Acceptance, else "today" (`Ctx::application_date`).
    application: NaiveDate,
    /// Construction start, else the application day (IND, CON, LIC).
    work: NaiveDate,
    /// LOAD: the plan's day, else the application day (`eval::load`).
    load: NaiveDate,
    /// NOTICE-02: the inspection, else the application day.
    inspection: NaiveDate,
    /// PLAN-07: the day the plan's validity counts from, else the
    /// application day.
    plan: NaiveDate,
}

use RuleId::*;

/// Writes, from one list, [`FACTS`] and [`given`], the facts a case gives
/// as a bit mask of their places in [`FACTS`]. The mask is what every case
/// of a batch pays for: a few loads and branches, no call per fact; a
/// fact's day is computed only when a date is checked or a fact is unread.
macro_rules! facts {
    ($(($field:expr, $event:expr, [$($rule:ident),+], |$c:tt, $d:tt| $day:expr)),+ $(,)?) => {
        const FACTS: &[Fact] = &[$(Fact {
            field: $field,
            rules: &[$($rule),+],
            event: $event,
            day: |$c, $d| $day,
        }),+];

        fn given(case: &Case, days: Days) -> u64 {
            let (mut given, mut bit) = (0, 1);
            $(
                let ($c, $d) = (case, days);
                if $day.is_some() {
                    given |= bit;
                }
                bit <<= 1;
            )+
            let _ = bit;
            given
        }
    };
}

/// `Some(day)` when the case answered.
fn answered<T>(answer: Option<T>, day: NaiveDate) -> Option<NaiveDate> {
    answer.map(|_| day)
}

// Every fact the pass follows, in the case file's order.
facts![
    ("dates.accepted", true, [Tl01, Tl07, Notice04], |c, _| c
        .dates
        .accepted),
    ("dates.plan_issued", true, [Tl01, Plan01, Plan03], |c, _| c
        .dates
        .plan_issued),
    ("dates.plan_signed", true, [Plan01, Plan03], |c, _| c
        .dates
        .plan_signed),
    ("dates.design_submitted", true, [Tl03], |c, _| c
        .dates
        .design_submitted),
    ("dates.design_reviewed", true, [Tl03], |c, _| c
        .dates
        .design_reviewed),
    ("dates.mid_check_requested", true, [Tl04], |c, _| c
        .dates
        .mid_check_requested),
    ("dates.mid_check_started", true, [Tl04], |c, _| c
        .dates
        .mid_check_started),
    (
        "dates.construction_start",
        true,
        [Plan01, Lic01, Lic02, Lic03, Lic04],
        |c, _| c.dates.construction_start
    ),
    ("dates.completion_requested", true, [Tl05, Doc06], |c, _| c
        .dates
        .completion_requested),
    ("dates.inspected", true, [Tl05, Tl06, Notice02], |c, _| c
        .dates
        .inspected),
    ("dates.inspection_passed", true, [Tl06], |c, _| c
        .dates
        .inspection_passed),
    ("dates.formalities", true, [Tl06], |c, _| c
        .dates
        .formalities),
    ("dates.formalities_latest", true, [Tl06], |c, _| c
        .dates
        .formalities_latest),
    ("dates.power_on", true, [Tl06, Tl07], |c, _| c
        .dates
        .power_on),
    ("dates.extension_requested", true, [Plan02], |c, _| c
        .dates
        .extension_requested),
    (
        "dates.extension_granted_until",
        true,
        [Plan01, Plan02],
        |c, _| c.dates.extension_granted_until
    ),
    (
        "paused",
        false,
        [Tl01, Tl03, Tl04, Tl05, Tl06, Tl07],
        |c, _| c.paused.iter().map(|p| p.from).min()
    ),
    (
        "contractors",
        false,
        [Lic01, Lic02, Lic03, Lic04, Ind01],
        |c, d| (!c.contractors.is_empty()).then_some(d.work)
    ),
    (
        "conduct.utility_recommended_contractor",
        false,
        [Ind01],
        |c, d| answered(c.conduct.utility_recommended_contractor, d.work)
    ),
    (
        "conduct.written_notice_of_missing_documents",
        false,
        [Notice01],
        |c, d| answered(c.conduct.written_notice_of_missing_documents, d.application)
    ),
    ("conduct.defects_found", false, [Notice02], |c, d| answered(
        c.conduct.defects_found,
        d.inspection
    )),
    (
        "conduct.defects_notified_in_writing",
        false,
        [Notice02],
        |c, d| answered(c.conduct.defects_notified_in_writing, d.inspection)
    ),
    (
        "conduct.stalled_without_notice",
        false,
        [Notice03],
        |c, d| answered(c.conduct.stalled_without_notice, d.application)
    ),
    (
        "conduct.gifts_or_banquets",
        false,
        [Con01],
        |c, d| answered(c.conduct.gifts_or_banquets, d.work)
    ),
    (
        "conduct.unauthorised_fees",
        false,
        [Con02],
        |c, d| answered(c.conduct.unauthorised_fees, d.work)
    ),
    ("conduct.demanded_tier", false, [Lic06], |c, d| answered(
        c.conduct.demanded_tier,
        d.work
    )),
    ("conduct.plan_changed", false, [Plan07], |c, d| answered(
        c.conduct.plan_changed,
        d.plan
    )),
    ("outage.date", true, [Oth03], |c, _| c
        .outage
        .as_ref()
        .map(|o| o.date)),
    ("outage.notice_served", false, [Oth03], |c, _| c
        .outage
        .as_ref()
        .and_then(|o| answered(o.notice_served, o.date))),
    ("outage.notice_date", false, [Oth03], |c, _| c
        .outage
        .as_ref()
        .and_then(|o| answered(o.notice_date, o.date))),
    ("outage.reminder_given", false, [Oth03], |c, _| c
        .outage
        .as_ref()
        .and_then(|o| answered(o.reminder_given, o.date))),
    (
        "supply.load_grade",
        false,
        [Load01, Load02, Load03, Load04, Load05, Load06],
        |c, d| answered(c.supply.load_grade, d.load)
    ),
    (
        "supply.especially_important",
        false,
        [Load01, Load03],
        |c, d| answered(c.supply.especially_important, d.load)
    ),
    ("supply.hazards", false, [Load01], |c, d| (!c
        .supply
        .hazards
        .is_empty())
    .then_some(d.load)),
    ("supply.circuits", false, [Load02, Load04], |c, d| (!c
        .supply
        .circuits
        .is_empty())
    .then_some(d.load)),
    ("supply.dedicated_line", false, [Load04], |c, d| answered(
        c.supply.dedicated_line,
        d.load
    )),
    ("supply.emergency_sources", false, [Load03], |c, d| (!c
        .supply
        .emergency_sources
        .is_empty())
    .then_some(d.load)),
    (
        "supply.plan_mentions_self_emergency",
        false,
        [Load05],
        |c, d| answered(c.supply.plan_mentions_self_emergency, d.load)
    ),
    ("supply.separate_distribution", false, [Load06], |c, d| {
        answered(c.supply.separate_distribution, d.load)
    }),
];

// Sets of facts are bit masks of their places in `FACTS`.
const _: () = assert!(FACTS.len() <= 64);

/// For each rule (by `RuleId::index`), the facts it reads.
const READ_BY: [u64; RuleId::ALL.len()] = {
    let mut t = [0; RuleId::ALL.len()];
    let mut i = 0;
    while i < FACTS.len() {
        let mut j = 0;
        while j < FACTS[i].rules.len() {
            t[FACTS[i].rules[j].index()] |= 1 << i;
            j += 1;
        }
        i += 1;
    }
    t
};

/// The facts that are events' dates.
const EVENTS: u64 = {
    let (mut m, mut i) = (0, 0);
    while i < FACTS.len() {
        if FACTS[i].event {
            m |= 1 << i;
        }
        i += 1;
    }
    m
};

/// The facts of a mask, in `FACTS` order.
fn each(mut mask: u64) -> impl Iterator<Item = &'static Fact> {
    std::iter::from_fn(move || {
        let at = mask.trailing_zeros() as usize;
        mask &= mask.wrapping_sub(1);
        FACTS.get(at)
    })
}

pub(crate) fn check(ctx: &mut Ctx) {
    let (case, book, operator) = (ctx.case, ctx.book, ctx.utility());
    let application = ctx.application_date();
    let d = &case.dates;
    let days = Days {
        application,
        work: d.construction_start.unwrap_or(application),
        load: d.plan_issued.unwrap_or(application),
        inspection: d.inspected.unwrap_or(application),
        plan: d.plan_signed.or(d.plan_issued).unwrap_or(application),
    };
    let given = given(case, days);
    // The facts some finding's rule reads: for a typical case, every fact
    // it gives, and the pass ends after its dates are checked.
    let seen = ctx
        .findings
        .iter()
        .fold(0, |m, f| m | READ_BY[f.rule.index()]);
    let mut outside = Vec::new();
    let mut last = None;
    for fact in each(given & EVENTS) {
        if let Some(day) = (fact.day)(case, days) {
            if !covered(book, day, operator, &mut last) {
                outside.push(DatedField {
                    field: fact.field.into(),
                    date: day,
                });
            }
        }
    }
    if !outside.is_empty() {
        dates_outside(ctx, outside);
    }
    for fact in each(given & !seen) {
        let Some(day) = (fact.day)(case, days) else {
            continue;
        };
        if ctx.findings.iter().any(|f| reads(f, fact.field)) {
            continue;
        }
        let Some(why) = why_not(book, fact.rules, day, operator) else {
            continue;
        };
        let field: Name = fact.field.into();
        ctx.push(
            fact.rules[0],
            Outcome::NotCovered,
            None,
            // What the finding states is what this rulebook holds, which is
            // certain; whether the law of that day had such a rule is what
            // it cannot say, and says so.
            Mark::V,
            Detail::Coverage(Found::FactNotCovered {
                field: field.clone(),
                date: day,
                rules: fact.rules.to_vec(),
                why,
            }),
            vec![field],
        );
    }
}

/// Does the finding name this field, or a part of it (`contractors[0].tier`
/// for `contractors`)?
fn reads(f: &Finding, field: &str) -> bool {
    f.inputs.iter().any(|i| {
        i.strip_prefix(field)
            .is_some_and(|rest| matches!(rest.as_bytes().first(), None | Some(b'[' | b'.')))
    })
}

/// Why no rule of `rules` covers a fact on `day` for this utility; `None`
/// when one does (the family then decided it had nothing to report).
fn why_not(book: &Rulebook, rules: &[RuleId], day: NaiveDate, operator: Operator) -> Option<Why> {
    let in_force_for = |op| {
        rules
            .iter()
            .any(|&r| book.in_force(r, day, op).next().is_some())
    };
    if in_force_for(operator) {
        return None;
    }
    if Operator::ALL
        .iter()
        .any(|&other| other != operator && in_force_for(other))
    {
        return Some(Why::NotThisUtility { operator });
    }
    Some(Why::NoRuleOnDate)
}

/// The instruments that set duties and bind this utility.
fn binding(book: &Rulebook, operator: Operator) -> impl Iterator<Item = &Entry> {
    book.entries
        .iter()
        .filter(move |e| e.instrument.binds(operator) && e.sets_duties())
}

/// Is an instrument that sets duties in force on `day` for this utility?
/// `last` keeps the last one found, whose days usually cover the case's
/// other dates too, so most dates cost one comparison.
fn covered<'a>(
    book: &'a Rulebook,
    day: NaiveDate,
    operator: Operator,
    last: &mut Option<&'a crate::rulebook::Instrument>,
) -> bool {
    if last.is_some_and(|i| i.in_force_on(day)) {
        return true;
    }
    let found = binding(book, operator)
        .map(|e| &e.instrument)
        .find(|i| i.in_force_on(day));
    *last = found.or(*last);
    found.is_some()
}

/// The one finding for the case's event dates that no instrument covers.
fn dates_outside(ctx: &mut Ctx, outside: Vec<DatedField>) {
    let earliest = binding(ctx.book, ctx.utility())
        .min_by_key(|e| e.instrument.from)
        .map(|e| {
            let i = &e.instrument;
            Instrument {
                instrument: i.id.clone(),
                title: i.title.clone(),
                title_en: i.title_en.clone(),
                version: i.version.clone(),
                version_en: i.version_en.clone(),
                from: i.from,
            }
        });
    let inputs = outside.iter().map(|d| d.field.clone()).collect();
    // CAL-08: the version in force when an obligation arises applies, and
    // on these days there is none.
    ctx.push(
        Cal08,
        Outcome::NotCovered,
        None,
        Mark::V,
        Detail::Coverage(Found::DatesOutside {
            dates: outside,
            earliest,
        }),
        inputs,
    );
}
