//! What a loaded rulebook is made of: instruments, their provisions, each
//! provision's values in the shape its rule takes, and the document table.
//! Every vocabulary is a closed enum and every value is typed, so a
//! provision the evaluator reads has exactly what its rule needs: the
//! loader (`load.rs`) refuses anything else, with its location.

use crate::case::{Business, Category};
use crate::prose::Prose;
use crate::vocab::Test;
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
    /// The version as Chinese readers know it (an order number, a year).
    pub version: Arc<str>,
    /// The same in English words: a citation is read whole in one language.
    pub version_en: Arc<str>,
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
    /// Set when only a window is known for the coming into force: the
    /// version was in force by this day at the latest, and from `from` it is
    /// a candidate. Inside the window the version before it may still have
    /// applied, so both are shown and findings resting on this one are
    /// hedged (catalog §13 item 5: SGCC's 6/22/32 commitments).
    #[serde(
        default,
        deserialize_with = "crate::day::de_iso_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub certain_from: Option<NaiveDate>,
    pub mark: Mark,
    /// Where the instrument was read. Required in a rule file (the loader's
    /// validation refuses an empty one); empty in the embedded copy, which
    /// build.rs writes without provenance.
    #[serde(default)]
    pub source: String,
    /// How the dates and the version were established, for clerks, in
    /// Chinese and English (both or neither): shown with the caveat on
    /// uncertain dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Prose>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<Prose>,
}

impl Instrument {
    /// The first day in force, when that date is not verified or secondary.
    pub fn uncertain_from(&self) -> Option<NaiveDate> {
        (!self.from_mark.is_reliable()).then_some(self.from)
    }

    /// The last day in force, when that date is not verified or secondary.
    pub fn uncertain_until(&self) -> Option<NaiveDate> {
        self.until
            .filter(|_| self.until_mark.is_some_and(|m| !m.is_reliable()))
    }

    /// Is this version only a candidate on `day` (see `certain_from`)?
    pub fn candidate_on(&self, day: NaiveDate) -> bool {
        self.certain_from.is_some_and(|c| day < c)
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
    /// The article in English words ("Article 19", "ten commitments, item
    /// 5"); present exactly when `article` is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_en: Option<Arc<str>>,
    pub mark: Mark,
    pub summary_zh: Prose,
    pub summary_en: Prose,
    /// A doubt about the provision, shown to clerks with every finding
    /// resting on it, in Chinese and English (both or neither).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Prose>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_en: Option<Prose>,
    /// Where the provision's text or values were seen, for clerks, in
    /// Chinese and English (both or neither); not a doubt, so not a caveat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seen: Option<Prose>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seen_en: Option<Prose>,
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
    /// LOAD-02: the tests the evaluation applies beyond the article's words.
    Tests(Vec<TestValue>),
    /// LIC-05: the day until which something still holds (at most one).
    Until(Vec<UntilValue>),
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

    /// The test `what`, when the provision records it.
    pub fn test(&self, what: Test) -> Option<&TestValue> {
        match self {
            Values::Tests(v) => v.iter().find(|t| t.test == what),
            _ => None,
        }
    }

    /// The provision's `until` day, when it gives one.
    pub fn until(&self) -> Option<&UntilValue> {
        match self {
            Values::Until(v) => v.first(),
            _ => None,
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
    /// Another highest voltage (kV) a source gives for this tier, where the
    /// sources disagree (`max_kv` is the other); only with an unverified mark.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt_max_kv: Option<f64>,
    pub mark: Mark,
}

/// A test the evaluation of a rule applies, and how sure its source is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TestValue {
    pub test: Test,
    pub mark: Mark,
}

/// The last day something still holds (LIC-05: certificates of the earlier
/// tier system before their conversion).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct UntilValue {
    pub until: NaiveDate,
    pub mark: Mark,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub code: Arc<str>,
    pub name_zh: Arc<str>,
    pub name_en: Arc<str>,
    /// The forms of the document accepted, each from the customer
    /// categories it names (any one form suffices): a household is offered
    /// the individual's papers, never a business licence.
    #[serde(default)]
    pub accepted: Vec<DocumentForm>,
    /// Forms known not to be accepted, by category in the same way.
    #[serde(default)]
    pub not_accepted: Vec<DocumentForm>,
    pub mark: Mark,
    /// As [`Instrument::source`]: required in the file, empty when embedded.
    #[serde(default)]
    pub source: String,
}

impl Document {
    /// The forms accepted from a customer of `category`.
    pub fn accepted_for(&self, category: Category) -> impl Iterator<Item = &DocumentForm> {
        self.accepted
            .iter()
            .filter(move |f| f.for_.contains(&category))
    }

    /// The forms not accepted from a customer of `category`.
    pub fn not_accepted_for(&self, category: Category) -> impl Iterator<Item = &DocumentForm> {
        self.not_accepted
            .iter()
            .filter(move |f| f.for_.contains(&category))
    }
}

/// One form of a document (居民身份证, 营业执照 …) and the customer
/// categories it is for, in the closed vocabulary of the case file
/// (`resident`, `lv-nonresident`, `high-voltage`). The loader requires at
/// least one category and a source for every form.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentForm {
    #[serde(rename = "for")]
    pub for_: Vec<Category>,
    pub zh: Arc<str>,
    pub en: Arc<str>,
    /// Where it was read; as [`Document::source`].
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
