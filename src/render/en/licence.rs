//! LIC in English.

use crate::case::Activity;
use crate::render::Reader;
use crate::report::licence::{Contractor, Found, TierCheck, ValidityCheck};
use crate::report::Finding;

pub(super) fn found(d: &Found, f: &Finding, r: &Reader) -> String {
    match d {
        Found::TerminalSubstation { voltage_kv, .. } => format!(
            "{voltage_kv} kV: {}",
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
    }
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
    let kv = t.voltage_kv;
    let who = who(&t.contractor, r);
    let held = tier(t.tier_held);
    let scope = t
        .tier_held_max_kv
        .map_or("any voltage".to_string(), |m| format!("up to {m} kV"));
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
