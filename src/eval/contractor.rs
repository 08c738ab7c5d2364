//! "Is my contractor allowed to do this?" (issue 14): for someone about to
//! hire, the case's first contractor checked by the LIC rules as if the work
//! started today, at the case's supply voltage. The rules are `licence.rs`'s,
//! run unchanged on a copy of the case; this module only chooses that copy
//! and sums the findings up. Typed facts; the words are `render::contractor`.

use super::Ctx;
use crate::calendar::Calendar;
use crate::case::{Case, Category};
use crate::report::licence::Found;
use crate::report::{Citation, Detail, Finding, Outcome};
use crate::rulebook::Rulebook;
use crate::vocab::RuleId;
use crate::Mark;
use chrono::NaiveDate;
use std::sync::Arc;

/// A low-voltage supply is 220 V or 380 V; the higher one stands for both,
/// since the lowest cap of any tier in any version is 10 kV, so the answer
/// is the same for either.
const LOW_VOLTAGE_KV: f64 = 0.38;

/// What a customer learns about a contractor before the work starts.
#[derive(Debug, Clone)]
pub struct ContractorAnswer {
    /// The supply voltage checked, in kV; `None`: a high-voltage customer
    /// who has not said which.
    pub voltage_kv: Option<f64>,
    /// The voltage is the category's (low voltage), not one the case gives.
    pub low_voltage: bool,
    /// The lowest tier that may do work at that voltage, under each version
    /// of the licence measures in force on the day.
    pub required: Vec<Required>,
    /// LIC-01 to LIC-05 on the contractor, for work starting on the day.
    pub findings: Vec<Finding>,
    pub verdict: Verdict,
}

/// The tier the voltage needs under one version of the measures.
#[derive(Debug, Clone)]
pub struct Required {
    /// `None`: no tier's recorded scope reaches the voltage.
    pub tier: Option<u8>,
    /// The tier under another source's caps, where it differs.
    pub other_tier: Option<u8>,
    /// How sure the caps deciding it are ([R] for the 2025 revision).
    pub mark: Mark,
    pub citation: Arc<Citation>,
}

/// The findings summed up, worst first: a sure "no" outweighs everything,
/// then an unverified "no", then a question still open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// A rule whose deciding values are verified or reliably reported says no.
    No,
    /// Only an unverified value says no (a cap of the 2025 revision).
    ProbablyNot,
    /// Something the check needs is not given, or the certificate's tier
    /// is of a system that has ended and must be converted first.
    NeedMore,
    /// Every check holds, but some rest on unverified values or leave a
    /// conversion to confirm.
    ProbablyYes,
    /// Every check holds on reliable values.
    Yes,
}

/// The case's first contractor (an empty one when the case has none),
/// checked for work starting on `today`.
pub fn contractor_check(book: &Rulebook, case: &Case, today: NaiveDate) -> ContractorAnswer {
    let mut c = case.clone();
    c.dates = crate::case::Dates {
        construction_start: Some(today),
        ..Default::default()
    };
    c.contractors.truncate(1);
    if c.contractors.is_empty() {
        c.contractors.push(Default::default());
    }
    // What the utility demanded is not the customer's question here.
    c.conduct = Default::default();
    let low_voltage =
        c.customer.voltage_kv.is_none() && c.customer.category != Category::HighVoltage;
    if low_voltage {
        c.customer.voltage_kv = Some(LOW_VOLTAGE_KV);
    }
    let mut ctx = Ctx::new(book, Calendar::national(), &c, today, false);
    super::licence::check(&mut ctx);
    let findings: Vec<Finding> = std::mem::take(&mut ctx.findings)
        .into_iter()
        .filter(|f| f.rule != RuleId::Lic07)
        .collect();
    let voltage_kv = c.customer.voltage_kv;
    let required = voltage_kv
        .map(|kv| {
            ctx.in_force(RuleId::Lic02, today)
                .map(|s| {
                    let tiers = s.provision.values.tiers();
                    let (tier, bound) = super::licence::required_tier(tiers, kv, false)
                        .map_or((None, s.provision.mark), |(t, m)| (Some(t), m));
                    let other = super::licence::required_tier(tiers, kv, true).map(|(t, _)| t);
                    Required {
                        tier,
                        other_tier: other.filter(|o| Some(*o) != tier),
                        mark: s.provision.mark.weakest(bound),
                        citation: Arc::clone(s.citation),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    ContractorAnswer {
        voltage_kv,
        low_voltage,
        required,
        verdict: verdict(&findings),
        findings,
    }
}

fn verdict(findings: &[Finding]) -> Verdict {
    let any = |p: &dyn Fn(&Finding) -> bool| findings.iter().any(p);
    if any(&|f| f.outcome.is_adverse()) {
        Verdict::No
    } else if any(&|f| f.unverified_would_be.is_some_and(|o| o.is_adverse())) {
        Verdict::ProbablyNot
    } else if any(&|f| {
        f.outcome == Outcome::CannotDetermine
            || matches!(f.detail, Detail::Licence(Found::TierNotInVersion(_)))
    }) {
        Verdict::NeedMore
    } else if any(&|f| f.outcome != Outcome::Ok) {
        Verdict::ProbablyYes
    } else {
        Verdict::Yes
    }
}
