//! What a loaded rulebook is made of: instruments, their provisions, each
//! provision's values in the shape its rule takes, and the document table.
//! Every vocabulary is a closed enum and every value is typed, so a
//! provision the evaluator reads has exactly what its rule needs: the
//! loader (`load.rs`) refuses anything else, with its location.

use crate::case::{Business, Category};
use crate::vocab::{Applies, Kind, Layer, Named, Need, RuleId, Scope, Selector, Start, Unit};
use crate::Mark;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub id: Arc<str>,
    pub series: String,
    pub title: Arc<str>,
    pub title_en: Arc<str>,
    pub version: Arc<str>,
    pub layer: Layer,
    pub utility: Applies,
    #[serde(deserialize_with = "crate::day::de_iso")]
    pub from: NaiveDate,
    pub from_mark: Mark,
    #[serde(
        default,
        deserialize_with = "crate::day::de_iso_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub until: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_mark: Option<Mark>,
    pub mark: Mark,
    /// Where the instrument was read. Required in a rule file (the loader's
    /// validation refuses an empty one); empty in the embedded copy, which
    /// build.rs writes without provenance.
    #[serde(default)]
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Instrument {
    /// True when the in-force dates themselves are not verified or secondary.
    pub fn dates_uncertain(&self) -> bool {
        !self.from_mark.is_reliable() || self.until_mark.is_some_and(|m| !m.is_reliable())
    }

    /// Does it bind the utility a case names (State Grid's own commitments
    /// bind only State Grid)?
    pub fn binds(&self, operator: crate::case::Operator) -> bool {
        super::binds(self.utility, operator)
    }

    /// Is it in force on `day`?
    pub fn in_force_on(&self, day: NaiveDate) -> bool {
        self.from <= day && self.until.is_none_or(|u| day <= u)
    }
}

/// One provision of an instrument: the rule it provides, where it says so,
/// how sure we are, and its values.
#[derive(Debug, Clone, Serialize)]
pub struct Provision {
    pub rule: RuleId,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<Arc<str>>,
    pub mark: Mark,
    pub summary_zh: Arc<str>,
    pub summary_en: Arc<str>,
    /// A doubt about the provision, shown to clerks with every finding
    /// resting on it, in Chinese and English (both or neither).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Arc<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_en: Option<Arc<str>>,
    /// The customer categories it is for; empty: all.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Category>,
    /// The businesses it is for; empty: all.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub businesses: Vec<Business>,
    /// DOC rules: the documents listed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<DocumentNeed>,
    pub values: Values,
}

/// A document a DOC provision lists, and when it is needed.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentNeed {
    pub doc: Arc<str>,
    pub need: Need,
    /// May follow after acceptance where the utility offers 一证受理.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub later_with_one_id: bool,
}

/// A provision's values, in the shape its rule takes
/// (`schema::value_shape`). Each value's mark is resolved: its own, else
/// the provision's.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Values {
    None,
    /// TL-01, TL-03 … TL-07: one limit per customer class.
    TimeLimits(Vec<TimeLimitValue>),
    /// PLAN-01: one validity period per customer class.
    Periods(Vec<PeriodValue>),
    /// Single named amounts (PLAN-02/04, LIC-07, DOC-07, CAL-11, OTH-03).
    Named(Vec<NamedValue>),
    /// LIC-02: the licence tiers and the voltages each may work on.
    Tiers(Vec<TierValue>),
}

impl Values {
    pub fn time_limits(&self) -> &[TimeLimitValue] {
        match self {
            Values::TimeLimits(v) => v,
            _ => &[],
        }
    }

    pub fn periods(&self) -> &[PeriodValue] {
        match self {
            Values::Periods(v) => v,
            _ => &[],
        }
    }

    /// The amount named `what`. The loader makes every amount a rule
    /// requires present, so `None` means an optional one is not set.
    pub fn named(&self, what: Named) -> Option<&NamedValue> {
        match self {
            Values::Named(v) => v.iter().find(|n| n.what == what),
            _ => None,
        }
    }

    pub fn tiers(&self) -> &[TierValue] {
        match self {
            Values::Tiers(v) => v,
            _ => &[],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TimeLimitValue {
    #[serde(rename = "for")]
    pub for_: Selector,
    pub amount: u32,
    /// Working or calendar days, months or years.
    pub unit: Unit,
    pub start: Start,
    pub kind: Kind,
    pub scope: Scope,
    pub mark: Mark,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PeriodValue {
    #[serde(rename = "for")]
    pub for_: Selector,
    pub amount: u32,
    /// Months or years.
    pub unit: Unit,
    pub mark: Mark,
}

impl PeriodValue {
    /// The period in months.
    pub fn months(&self) -> u32 {
        match self.unit {
            Unit::Years => self.amount * 12,
            _ => self.amount,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct NamedValue {
    pub what: Named,
    pub amount: u32,
    /// The unit `schema::value_shape` gives this name for this rule.
    pub unit: Unit,
    pub mark: Mark,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TierValue {
    pub tier: u8,
    /// The highest voltage (kV) this tier may work on; none: no limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_kv: Option<f64>,
    /// When `max_kv` is uncertain, the voltage up to which the tier's scope
    /// is certain; outside (certain_kv, max_kv] the value's own mark does
    /// not matter for the outcome.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certain_kv: Option<f64>,
    pub mark: Mark,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub code: Arc<str>,
    pub name_zh: Arc<str>,
    pub name_en: Arc<str>,
    #[serde(default)]
    pub accepted_zh: Vec<String>,
    #[serde(default)]
    pub accepted_en: Vec<String>,
    #[serde(default)]
    pub not_accepted_zh: Vec<String>,
    #[serde(default)]
    pub not_accepted_en: Vec<String>,
    pub mark: Mark,
    /// As [`Instrument::source`]: required in the file, empty when embedded.
    #[serde(default)]
    pub source: String,
}

/// An instrument with its provisions.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub instrument: Instrument,
    pub provisions: Vec<Provision>,
    /// The file it came from.
    pub file: String,
}

impl Entry {
    /// Does it say what a utility or customer must do? Not yekuo's own
    /// conventions, and not an instrument that gives only the counting
    /// rules of civil law (CAL), which say how to count a period, not what
    /// must happen in it. A day on which none is in force for a utility is
    /// outside the rulebook's coverage (`eval::coverage`, `yekuo coverage`).
    pub fn sets_duties(&self) -> bool {
        self.instrument.layer != Layer::Convention
            && self.provisions.iter().any(|p| !p.rule.is_counting())
    }
}
