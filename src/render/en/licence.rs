//! LIC in English.

use crate::case::Activity;
use crate::render::Reader;
use crate::report::licence::{Contractor, Found, TierCheck, ValidityCheck};
use crate::report::licence::{Conversion, TierDoubt, TierNotInVersion, VersionFacts};
use crate::report::Finding;

pub(super) fn found(d: &Found, f: &Finding, r: &Reader) -> String {
    match d {
        Found::TerminalSubstation { voltage_kv, .. } => format!(
            // A quantity as people write it, without float formatting.
            "{} kV: {}",
            crate::decimal::Decimal(*voltage_kv),
            f.citation.as_ref().map_or("", |c| &*c.summary_en)
        ),
        Found::Unlicensed { contractor } => format!(
            "{} holds no licence for power-facility works.",
            who(contractor, r)
        ),
        Found::Tier(t) => tier_check(t, f, r),
        Found::Categories {
            contractor,
            categories,
            lacking,
        } => {
            if lacking.is_empty() {
                format!(
                    "The licence categories of {} ({}) cover the work.",
                    who(contractor, r),
                    activities(categories)
                )
            } else {
                format!(
                    "{} does {} work, but its licence covers only {}.",
                    who(contractor, r),
                    activities(lacking),
                    activities(categories)
                )
            }
        }
        Found::Validity(v) => validity(v, r),
        Found::DemandedTier {
            tier_demanded,
            tier_required,
        } => format!(
            "The utility demanded a {} licence where {} suffices: a sign of designation.",
            tier(*tier_demanded),
            tier(*tier_required)
        ),
        Found::TierNotInVersion(t) => not_in_version(t, f, r),
        Found::Conversion(c) => conversion(c, f, r),
    }
}

/// A count in words (tiers: 1 to 5).
fn count(n: u8) -> String {
    match n {
        1 => "one".into(),
        2 => "two".into(),
        3 => "three".into(),
        4 => "four".into(),
        5 => "five".into(),
        n => n.to_string(),
    }
}

/// A version of the measures: since when, if that is sure.
fn version(v: &VersionFacts) -> String {
    let revised = if v.tiers_before.is_some() {
        "revised "
    } else {
        ""
    };
    v.in_force_from
        .map_or("this version of the measures".to_string(), |d| {
            format!("the {revised}measures in force from {d}")
        })
}

/// The earlier tier system, in words.
fn earlier(v: &VersionFacts) -> String {
    v.tiers_before
        .map_or("the earlier tier system".to_string(), |n| {
            format!("the earlier {}-tier system", count(n))
        })
}

/// What is in doubt about a tier check's cap, as sentences after it.
fn doubt(d: &TierDoubt, t: &TierCheck) -> String {
    let mut s = String::new();
    if d.no_cap_seen {
        s.push_str(&format!(
            " Under {}, with {} tiers, no tier's voltage cap has been seen in the text.",
            version(&d.version),
            count(d.version.tiers)
        ));
    }
    if let Some(o) = &d.other_reading {
        let verdict = match (o.sufficient, o.tier_required) {
            (true, _) => "enough".to_string(),
            (false, Some(req)) => format!("still not enough (minimum {})", tier(req)),
            (false, None) => "still not enough".to_string(),
        };
        let first = t.tier_held_max_kv.map_or("any voltage".to_string(), |m| {
            format!("up to {} kV", crate::decimal::Decimal(m))
        });
        s.push_str(&format!(
            " Sources disagree on the cap of {}: {first} on one, up to {} kV on another, under which it is {verdict}.",
            tier(t.tier_held),
            crate::decimal::Decimal(o.tier_held_max_kv)
        ));
    }
    s.push_str(" Check with the licensing authority or the official text.");
    s
}

fn not_in_version(t: &TierNotInVersion, _f: &Finding, r: &Reader) -> String {
    let who = who(&t.contractor, r);
    let held = tier(t.tier_held);
    let mut s = format!(
        "{} kV works: {who} holds a {held} licence, but under {} there are only {} tiers: this is a certificate of {}, and what it may work on depends on the tier it is converted to.",
        crate::decimal::Decimal(t.voltage_kv),
        version(&t.version),
        count(t.version.tiers),
        earlier(&t.version)
    );
    if let Some(req) = t.tier_required {
        s.push_str(&format!(
            " By the recorded (unverified) caps the works need at least {}",
            tier(req)
        ));
        if let Some(o) = t.other_tier_required {
            s.push_str(&format!(" ({} by another source)", tier(o)));
        }
        s.push('.');
    }
    s
}

fn conversion(c: &Conversion, _f: &Finding, r: &Reader) -> String {
    let who = who(&c.contractor, r);
    let held = tier(c.tier_held);
    let v = version(&c.version);
    let now = count(c.version.tiers);
    let earlier = earlier(&c.version);
    let by = c.convert_by;
    let mut s = if c.certain {
        format!(
            "{who} holds a {held} licence, a certificate of {earlier}. Under {v} there are {now} tiers, and such certificates are reportedly to be converted by {by}."
        )
    } else {
        let before = c
            .version
            .in_force_from
            .map_or(String::new(), |d| format!(" before {d}"));
        format!(
            "If the {held} licence of {who} was obtained under {earlier}{before}, it must be converted to the {now}-tier system of {v}, reportedly by {by}; its issue date is not known here, so this cannot be told."
        )
    };
    if c.past_deadline() {
        s.push_str(&format!(
            " The works went on until {}, after that day: check that the certificate was converted, and to which tier.",
            c.work_end
        ));
    } else {
        s.push_str(" The works fall within the transition: check the contractor's conversion.");
    }
    s
}

/// A licence tier in words.
fn tier(t: u8) -> String {
    format!("tier {t}")
}

/// A contractor: its name, else its place in the case (as the reader
/// knows the field, else by its number).
fn who(c: &Contractor, r: &Reader) -> String {
    c.name
        .clone()
        .or_else(|| r.field_if_known(&c.path()))
        .unwrap_or_else(|| format!("contractor {}", c.index + 1))
}

fn activities(v: &[Activity]) -> String {
    v.iter()
        .map(|a| match a {
            Activity::Install => "installation",
            Activity::Repair => "repair",
            Activity::Test => "testing",
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn tier_check(t: &TierCheck, f: &Finding, r: &Reader) -> String {
    let kv = crate::decimal::Decimal(t.voltage_kv);
    let who = who(&t.contractor, r);
    let held = tier(t.tier_held);
    let scope = t.tier_held_max_kv.map_or("any voltage".to_string(), |m| {
        format!("up to {} kV", crate::decimal::Decimal(m))
    });
    let s = match (t.sufficient, t.tier_required) {
        (true, Some(req)) => format!(
            "{kv} kV works: {who} holds {held} ({scope}), enough (minimum {}).",
            tier(req)
        ),
        (true, None) => format!("{kv} kV works: {who} holds {held} ({scope}), enough."),
        (false, Some(req)) => format!(
            "{kv} kV works need at least a {} licence; {who} holds {held} ({scope}).",
            tier(req)
        ),
        (false, None) => format!(
            "{kv} kV works are beyond the scope of every tier listed; {who} holds {held} ({scope})."
        ),
    };
    let s = match &t.doubt {
        Some(d) => format!("{s}{}", doubt(d, t)),
        None => s,
    };
    // A sufficient tier that rests on an unverified bound is only a warning.
    if t.sufficient && !f.mark.is_reliable() {
        let why = if r.is_clerk() {
            format!("(rests on an unverified value {})", f.mark)
        } else {
            "(This rests on a figure not yet confirmed: take it as a hint.)".into()
        };
        format!("{why} {s}")
    } else {
        s
    }
}

fn validity(v: &ValidityCheck, r: &Reader) -> String {
    let who = who(&v.contractor, r);
    let (u, start, end) = (v.valid_until, v.work_start, v.work_end);
    if v.covers_work() {
        format!("The licence of {who} is valid until {u}, covering the work ({start} to {end}).")
    } else {
        format!("The licence of {who} expired on {u}; the work went on until {end}.")
    }
}
